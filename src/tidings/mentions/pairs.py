"""The two parties an article has just named: what "both sides", "the two countries", "the two leaders" and
"each other" stand for.

After each sentence the mentions stage updates the article's pair (:func:`next_pair`) from the actors the
sentence names: a sentence that names two sides makes them the pair; one that names only sides of the pair
keeps it; one that names a third side ends it (a later "both sides" then stands for no one rather than for a
party the article has moved away from). A side is a country's state (its government, forces, police,
courts, the country itself), a non-state group of a country (its rebels, its opposition), or a body of no
country (an IGO, an NGO): "Indian Prime Minister X met Chinese President Y in Beijing" names two sides.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence

from tidings.datafiles import packaged_text, read_rows
from tidings.record import Actor

__all__ = ["names_pair", "next_pair", "pair_actors", "pair_nouns", "sides_of"]

Pair = tuple[Actor, Actor]
# Sectors of a country's state: one side with the country itself.
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", "MED"})
_KINDS = frozenset({"side", "country", "government", "person"})


@functools.cache
def pair_nouns() -> dict[str, str]:
    """Plural nouns for the two parties named (``mentions/data/pair_nouns.tsv``) -> kind."""
    text = packaged_text("tidings.mentions", "pair_nouns.tsv")
    rows = read_rows(text, source="mentions/data/pair_nouns.tsv", header=("noun", "kind"))
    out: dict[str, str] = {}
    for row in rows:
        if row.cells[1] not in _KINDS:
            raise row.error(f"kind {row.cells[1]!r} is not one of {sorted(_KINDS)}")
        out[row.cells[0].lower()] = row.cells[1]
    return out


def names_pair(lowered: Sequence[str]) -> bool:
    """Whether lower-cased words hold "both" or "two" before a plural pair noun ("both sides", "the two
    countries"): a sentence worth parsing although it names no actor."""
    nouns = pair_nouns()
    return any(word in ("both", "two") and _singular(after) in nouns and after != _singular(after)
               for word, after in itertools.pairwise(lowered))


def _singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def _key(actor: Actor) -> str | None:
    """The side an actor belongs to; None for no side (an unknown person, a group of no country)."""
    if not actor.code or actor.code.startswith("---"):
        return None
    if actor.country is None:
        return actor.code[:6]
    state = actor.sector is None or actor.sector in _STATE or actor.code == actor.country
    return actor.country + (":state" if state else ":" + (actor.sector or ""))


def sides_of(actors: Sequence[Actor], is_person: Callable[[Actor], bool]) -> list[Actor]:
    """One actor for each side ``actors`` name, in order of first mention: the person named for it, else
    a group or body, else the country."""
    best: dict[str, Actor] = {}  # (a dict keeps each side where it was first named)
    for actor in actors:
        key = _key(actor)
        if key is not None and (key not in best or _rank(actor, is_person) < _rank(best[key], is_person)):
            best[key] = actor
    return list(best.values())


def _rank(actor: Actor, is_person: Callable[[Actor], bool]) -> int:
    return 0 if is_person(actor) else 2 if actor.code == actor.country else 1


def next_pair(pair: Pair | None, actors: Sequence[Actor], is_person: Callable[[Actor], bool]) -> Pair | None:
    """The pair after a sentence (or part of one) that names ``actors``: see the module docstring."""
    sides = sides_of(actors, is_person)
    if not sides:
        return pair
    if len(sides) == 2:
        return sides[0], sides[1]
    if pair is not None and {_key(s) for s in sides} <= {_key(p) for p in pair}:
        return pair
    return None


def pair_actors(pair: Pair | None, kind: str, text: str, is_person: Callable[[Actor], bool],
                country_names: dict[str, str]) -> list[Actor]:
    """The two actors a phrase of ``kind`` ("the two countries": country) stands for, given the pair; []
    when the pair does not fit the phrase (two countries need two countries)."""
    if pair is None:
        return []
    a, b = pair
    if kind == "side" or (kind == "person" and is_person(a) and is_person(b)):
        return [_retext(a, text), _retext(b, text)]
    if a.country is None or b.country is None or a.country == b.country:
        return []
    if kind == "country":
        return [Actor(text, country_names.get(c, c), c, c, None) for c in (a.country, b.country)]
    return [Actor(text, f"{country_names.get(c, c)} government", c + "GOV", c, "GOV")
            for c in (a.country, b.country)]


def _retext(actor: Actor, text: str) -> Actor:
    return Actor(text, actor.name, actor.code, actor.country, actor.sector)
