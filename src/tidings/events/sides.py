"""Which coded candidates stand as events when a side is missing or generic, and where a generic side is from.

News often names only one side of an event, or names it by kind: "gunmen opened fire on a bus", "three
soldiers were wounded in a blast", "demonstrators gathered outside parliament". Event data sets record these
(GDELT leaves the unknown actor empty; ACLED writes "unidentified armed group"), so tidings does too, within
the limits the PLOVER 2.0 manual sets:

* **A missing recipient** (target) is allowed for the PLOVER types whose section says "Requires recipient:
  No"; COOPERATE, AID and SANCTION say "Yes" and are dropped without one. CAMEO roots 01 (statements) and 02
  (appeals) have no PLOVER type, and roots 03-05 (intents, consultations, support: AGREE, CONSULT, SUPPORT)
  with one party only are how news is written ("promised a better future", "praised the decision"), not
  dyadic events: all five keep needing both sides (an agreement between coordinated parties is coded in both
  directions by the coder, so it has them). The exception is a public statement of a political speaker
  with nobody addressed, which :mod:`tidings.events.statements` marks: it stands with an empty target.
* **A missing actor** (source) is allowed only for material conflict -- PROTEST, MOBILIZE, COERCE, ASSAULT --
  where the act is clear without its author ("were killed", "was arrested"). Verbal acts need someone who
  speaks.
* **Generic actors only** ("insurgents killed villagers": ``---REB`` and ``---CVL``, nobody named) stand for
  material conflict as well; anything else needs at least one identifiable side.

A generic side of an act of material conflict takes the country of the place it happened at
(:func:`localise`): "protesters" in
Nairobi are ``KENOPP``, PETRARCH's and GDELT's convention for domestic actors of a known place. An act of
material conflict with no side named at all ("a grenade exploded in a market in Davao", "shops were looted
in Durban") is kept only where that place is known: its country becomes the recipient (PETRARCH's place
target), the actor stays empty (GDELT), as ACLED records an unidentified armed group in the country.
"""

from __future__ import annotations

from typing import Any

from tidings.events.lexicon import inflect_noun, inflect_verb, word_classes
from tidings.events.ontology import plover
from tidings.record import Actor

__all__ = ["ACTORLESS_TYPES", "REQUIRES_RECIPIENT", "Place", "admissible", "complete", "is_generic",
           "localise", "standalone_forms"]

# PLOVER 2.0 manual, "Requires recipient: Yes".
REQUIRES_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})
# CAMEO roots that need both sides although PLOVER would allow one (see the module docstring).
DYADIC_ROOTS = frozenset({"01", "02", "03", "04", "05"})
# Material conflict: the act is clear when its author is not named.
ACTORLESS_TYPES = frozenset({"PROTEST", "MOBILIZE", "COERCE", "ASSAULT"})


def is_generic(actor: Actor | None) -> bool:
    """A side named by kind only ("police", "gunmen"), or no side at all."""
    return actor is None or actor.code.startswith("---")


def admissible(code: str, source: Actor | None, target: Actor | None, *, statement: bool = False) -> bool:
    """Whether a candidate with these sides is an event (see the module docstring). ``statement``: a
    one-sided public statement of a political speaker (:mod:`tidings.events.statements`), which stands with
    no addressee (GDELT's empty target)."""
    if source is None and target is None:
        return False
    if statement and code[:2] == "01" and target is None:
        return True
    kind = plover(code)
    ptype = kind.type if kind is not None else None
    if source is None and ptype not in ACTORLESS_TYPES:
        return False
    if target is None and (ptype is None or ptype in REQUIRES_RECIPIENT or code[:2] in DYADIC_ROOTS):
        return False
    return not (is_generic(source) and is_generic(target) and ptype not in ACTORLESS_TYPES)


def localise(actor: Actor | None, country: str | None) -> Actor | None:
    """A generic actor placed in ``country`` ("---COP" in Kenya -> "KENCOP"); others unchanged."""
    if actor is None or country is None or not actor.code.startswith("---") or len(country) != 3:
        return actor
    return Actor(actor.text, actor.name, country + actor.code[3:], country, actor.sector)


Place = tuple[str, str]  # (the place's name as written, its ISO 3166 alpha-3 country)


def complete(code: str, source: Actor | None, target: Actor | None, place: Place | None, *,
             dyadic: bool = False, statement: bool = False) -> tuple[Actor | None, Actor | None] | None:
    """The sides an event is stored with, or ``None`` when the candidate is no event.

    Generic sides take the country of ``place``; an act with no side at all takes that country as its
    recipient (material conflict only, see :func:`admissible`). ``dyadic`` is PETRARCH's convention (the
    pipeline's ``require_dyad``): both sides named in the sentence, at least one of them identifiable, and
    each coded from its own words only (no country taken from the place).
    """
    if dyadic:
        if source is None or target is None or (is_generic(source) and is_generic(target)):
            return None
        return source, target
    kind = plover(code)
    # where a protest or an attack happens, its unnamed participants are from; a statement made about a
    # place ("sorrow over the floods in Pakistan") says nothing of where the speaker is from
    country = place[1] if place is not None and kind is not None and kind.type in ACTORLESS_TYPES else None
    if source is None and target is None and place is not None:
        target = Actor(place[0], place[1], place[1], place[1], None)
    if not admissible(code, source, target, statement=statement):
        return None
    return localise(source, country), localise(target, country)


def standalone_forms(lexicon: Any) -> frozenset[str]:
    """Surface forms of the triggers that make an event with no side named (material conflict, and the verbs
    of gathering that are a protest): a sentence with one of them is worth parsing without a known actor.

    Only triggers that are an event by themselves count: a verb entry that needs an object, a particle or a
    preposition ("take" a town, "set" fire to, "carry out" an attack) and a noun phrase ("rocket fire") would
    make every sentence with "take", "set" or "fire" worth parsing.
    """
    forms: set[str] = set()
    for entry in lexicon.entries:
        kind = plover(entry.code) if not entry.is_null else None
        if kind is None or kind.type not in ACTORLESS_TYPES or entry.weak:
            continue
        if entry.pos == "verb" and not (entry.obj or entry.particle or entry.prep or entry.xcomp):
            forms.update(inflect_verb(entry.lemma))
        elif entry.pos == "noun" and " " not in entry.lemma:
            forms.update(inflect_noun(entry.lemma))
    for word, classes in word_classes().items():
        if "crowd" in classes:
            forms.update(inflect_verb(word))
    return frozenset(forms)
