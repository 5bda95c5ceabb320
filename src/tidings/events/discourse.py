"""What an article has said so far: the actors a pronoun or a short form can point back to.

Within one article "Kim", "he", "his" and "the North" refer to someone named earlier. The discourse keeps the
actors in the order they were mentioned and answers those references; it is filled sentence by sentence, from
parsed sentences (resolved noun phrases) and unparsed ones (known names only).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tidings.record import Actor

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
COUNTRY_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
GOVERNMENT_NOUNS = frozenset({"regime", "government", "administration", "leadership", "authorities"})
LEADER_NOUNS = frozenset({"leader", "president", "premier", "ruler", "dictator", "strongman", "monarch",
                          "king"})
UNKNOWN = ""  # code of a person the knowledge base cannot code
DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their"})


def _name_shape(actor: Actor) -> bool:
    """Fallback test for a named individual: a multi-word capitalised name that is not a country."""
    parts = actor.name.split()
    return actor.code != actor.country and 2 <= len(parts) <= 5 and all(p[:1].isupper() for p in parts)


@dataclass(slots=True)
class Discourse:
    """Actors mentioned so far in one article, most recent last."""

    is_person: Callable[[Actor], bool] = _name_shape  # the knowledge base's test for a named individual
    country_names: dict[str, str] = field(default_factory=dict)  # alpha-3 -> name, for "the North"
    people: list[Actor] = field(default_factory=list)
    countries: list[Actor] = field(default_factory=list)
    others: list[Actor] = field(default_factory=list)

    def add(self, actor: Actor) -> None:
        if self.is_person(actor):
            _push(self.people, actor)
        elif actor.country and actor.code == actor.country:
            _push(self.countries, actor)
        else:
            _push(self.others, actor)
            if actor.country and len(actor.code) > 3:
                name = self.country_names.get(actor.country, actor.country)
                _push(self.countries, Actor(actor.text, name, actor.country, actor.country, None))

    def same_kind(self, actor: Actor, words: list[str]) -> Actor | None:
        """The latest actor of the same sector with a known country ("the army" after "Sudanese troops")."""
        for found in reversed(self.others):
            if found.sector == actor.sector and found.country and len(found.code) == 6:
                return Actor(" ".join(words), found.name, found.code, found.country, found.sector)
        return None

    def add_unknown_person(self, name: str) -> None:
        """A person the knowledge base does not know: "she" after "Lady Gaga" must not reach back past her."""
        _push(self.people, Actor(name, name, UNKNOWN, None, None))

    def pronoun(self, word: str, *, exclude: frozenset[str] = frozenset()) -> Actor | None:
        """The actor a pronoun most likely refers to; ``exclude`` holds codes that cannot be meant."""
        w = word.lower()
        if w in PERSON_PRONOUNS:
            found = _last(self.people, exclude)
            return None if found is None or found.code == UNKNOWN else found
        if w in GROUP_PRONOUNS:
            return _last(self.others, exclude) or _last(self.countries, exclude)
        if w in THING_PRONOUNS:
            return _last(self.countries, exclude) or _last(self.others, exclude)
        return None

    def phrase(self, words: list[str], *, exclude: frozenset[str] = frozenset()) -> Actor | None:
        """Short forms and definite descriptions: "Kim", "the country", "the regime", "the North"."""
        content = [w for w in words if w.lower() not in DETERMINERS and w not in ("'s", "'")]
        if not content:
            return None
        lowered = [w.lower() for w in content]
        if len(content) == 1 and content[0][:1].isupper():
            person = self._by_surname(content[0], exclude)
            if person is not None:
                return _retext(person, " ".join(words))
        head = lowered[-1]
        if len(lowered) == 1 and head in COUNTRY_NOUNS:
            found = _last(self.countries, exclude)
            return _retext(found, " ".join(words)) if found else None
        if len(lowered) == 1 and head in GOVERNMENT_NOUNS:
            found = _last(self.countries, exclude)
            if found is None:
                return None
            text = " ".join(words)
            return Actor(text, f"{found.name} government", f"{found.country}GOV", found.country, "GOV")
        if len(lowered) == 1 and head in LEADER_NOUNS:
            found = _last(self.people, exclude)
            return _retext(found, " ".join(words)) if found else None
        if len(lowered) == 1 and head in ("north", "south", "east", "west"):
            for actor in reversed(self.countries):
                if actor.name.lower().startswith(head) and actor.code not in exclude:
                    return _retext(actor, " ".join(words))
        return None

    def _by_surname(self, word: str, exclude: frozenset[str]) -> Actor | None:
        key = word.lower().replace("-", " ")
        for actor in reversed(self.people):
            if actor.code in exclude:
                continue
            parts = actor.name.lower().replace("-", " ").split()
            if key in parts:
                return None if actor.code == UNKNOWN else actor
        return None


def _push(items: list[Actor], actor: Actor) -> None:
    for i, old in enumerate(items):
        if old.name == actor.name and old.code == actor.code:
            del items[i]
            break
    items.append(actor)


def _last(items: list[Actor], exclude: frozenset[str]) -> Actor | None:
    for actor in reversed(items):
        if actor.code not in exclude:
            return actor
    return None


def _retext(actor: Actor, text: str) -> Actor:
    return Actor(text, actor.name, actor.code, actor.country, actor.sector)
