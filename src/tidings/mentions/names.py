"""Names in context: what a noun phrase names, given what the article has said before.

The knowledge base answers out of context ("Clinton" is Bill Clinton, "Mrs. Obama" matches Barack Obama's
surname). :class:`NameResolver` puts the article first:

* a short form (a surname, a given name, or either after a form of address: "Clinton", "Mrs. Obama") of a
  person the article has already named is that person, of the gender the form of address says;
* a form of address of the other gender than the person the knowledge base finds ("Mrs." before a man's
  surname) is someone else, whom we cannot code;
* a person the knowledge base does not know, named with a title it does know ("U.S. Secretary of State X"),
  keeps the title's code under their own name, and is remembered as a person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from tidings.actors import KnowledgeBase
from tidings.mentions.discourse import LEADER_NOUNS, TITLE_NOUNS, UNKNOWN, Discourse
from tidings.record import Actor

__all__ = ["NameResolver", "address_gender", "split_address"]

_DROP = frozenset({"the", "'s", "'", "’s"})
_COUNTRY_WORDS = frozenset({"country", "nation"})
# Sectors of a state's own organs: "its minister" after one of them is the country's (see _owner_body).
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Prepositions that place or attach a person after their name ("Mayor Ana Soto of X", "Ana Soto in X").
_PLACING = frozenset({"of", "in", "from", "for", "at"})
# Code prefixes of bodies of no country (intergovernmental and non-governmental): their titles before a
# name ("IRENA Director-General X") make a person of the body, as a country's titles do.
BODY_PREFIXES = frozenset({"IGO", "NGO"})
_PARTS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                    "centre", "center", "interior", "capital", "border", "coast", "provinces", "regions"})


def split_address(kb: KnowledgeBase, words: Sequence[str]) -> tuple[str | None, list[str]]:
    """(gender of a leading form of address, the words after it): "Mrs. Obama" -> ("f", ["Obama"])."""
    content = [w for w in words if w.lower() not in _DROP]
    if content:
        gender = kb.address.get(content[0].lower().rstrip("."))
        if gender is not None and len(content) > 1:
            return gender, content[1:]
    return None, content


def address_gender(kb: KnowledgeBase, words: Sequence[str]) -> str | None:
    """The gender that gendered words of a phrase give ("Mrs.", "Queen", "spokeswoman"), or None."""
    found = {kb.address[w.lower().rstrip(".")] for w in words if w.lower().rstrip(".") in kb.address}
    return found.pop() if len(found) == 1 else None


@dataclass(slots=True)
class NameResolver:
    """The ``resolve_words`` of one sentence: knowledge base lookups with the article's precedence."""

    kb: KnowledgeBase
    discourse: Discourse
    people: dict[str, Actor] = field(default_factory=dict)  # article-wide: people named only by a title
    acronyms: dict[str, list[str]] = field(default_factory=dict)  # short forms the article defines
    # article-wide: what the knowledge base answered for a phrase (see :meth:`lookup`)
    looked_up: dict[tuple[tuple[str, ...], dt.date | None], Actor | None] = field(default_factory=dict)

    def lookup(self, words: Sequence[str], when: dt.date | None) -> Actor | None:
        """``kb.resolve(words, when)``, asked once per article for the same words and date: the knowledge
        base does not change while an article is coded and its answer (a frozen :class:`Actor`) is out of
        context, so a phrase the article repeats ("the government", a leader's name) is looked up once."""
        key = (tuple(words), when)
        if key in self.looked_up:
            return self.looked_up[key]
        actor = self.kb.resolve(words, when)
        self.looked_up[key] = actor
        return actor

    def __call__(self, words: list[str], when: dt.date | None) -> Actor | None:
        gender, rest = split_address(self.kb, words)
        titled = self.people.get(" ".join(rest)) or self.people.get(" ".join(_hyphen_joined(rest))) or \
            self._titled_inside(rest)
        if titled is not None:
            return _retext(titled, " ".join(words))  # named with a title earlier (see introduce_titled)
        spelled = self._spelled_out(words)
        actor: Actor | None = self.lookup(spelled, when)
        if actor is not None and spelled is not words:
            actor = _retext(actor, " ".join(words))
        if actor is None or self._personal(actor) or gender is not None:
            earlier = self._short_form(rest, gender)
            if earlier is not None:
                return None if earlier.code == UNKNOWN else _retext(earlier, " ".join(words))
        if actor is not None and gender is not None and self._personal(actor):
            known = self.kb.gender(actor.name)
            if known is not None and known != gender:
                return self._namesake(rest, gender, words, when)  # "Mrs. Obama" is not Barack Obama
        if actor is not None and actor.code.startswith("---") and words[:1] and words[0].lower() == "the":
            title = " ".join(w.lower() for w in rest)
            earlier = self.discourse.titled(title) if title in TITLE_NOUNS else None
            if earlier is not None:
                return _retext(earlier, " ".join(words))  # "the president": the one named before
        if actor is not None and actor.code.startswith("---") and actor.sector is not None:
            body = self._owner_body(rest)
            if body is not None:  # "The opposition party said ... Its leader, X, said": the party's
                return Actor(actor.text, f"{body.name} {actor.name}", body.code, body.country, body.sector)
            country = self._owner_country(rest) or self._title_country(rest)
            if country is not None:  # "the chancellor" in an article about Austria
                name = f"{self.kb.countries[country]} {actor.name}"
                return Actor(actor.text, name, country + actor.code[3:], country, actor.sector)
        if actor is not None and (actor.sector is not None or actor.code[:3] in BODY_PREFIXES) and \
                not self._personal(actor):
            return self.titled_newcomer(words, actor, when)  # "IRENA Director-General X": the agency's X
        if actor is None:
            return self._part_of_country(words)
        return actor

    def _titled_inside(self, words: list[str]) -> Actor | None:
        """A person named by a title, whose full name stands in a longer phrase after the title and before a
        phrase that places them ("Mayor Ana Soto of the town of X", "Minister Ana Soto of Peru"): the person,
        not the role the phrase also names. A name after a preposition ("the wife of Ana Soto") is not."""
        if len(words) < 3 or not self.people:
            return None
        for name, person in self.people.items():
            parts = name.split()
            for i in range(len(words) - len(parts)):
                if words[i:i + len(parts)] != parts or words[i + len(parts)].lower() not in _PLACING:
                    continue
                if not any(w.lower() in _PLACING or w in ("'s", "’s") for w in words[:i]):
                    return person
        return None

    def _spelled_out(self, words: list[str]) -> list[str]:
        """``words`` with each short form the article defined replaced by its long form ("the FSA")."""
        if not self.acronyms or not any(w in self.acronyms for w in words):
            return words
        return [part for w in words for part in self.acronyms.get(w, [w])]

    def _owner_body(self, rest: list[str]) -> Actor | None:
        """The body "its" refers to before a person's title ("its leader", "its secretary-general"): the
        latest body of a known country the article named (a party, a union, a ministry), when it was named
        after every country named by name."""
        lowered = [w.lower() for w in rest]
        if len(lowered) < 2 or lowered[0] != "its" or lowered[-1] not in TITLE_NOUNS | LEADER_NOUNS:
            return None
        things = self.discourse.things
        if not things:
            return None
        body = things[-1]
        if body.country is None or body.code == body.country or body.sector is None or len(body.code) < 6:
            return None
        # a state's organ or official ("Germany summoned the Russian envoy. Its foreign minister ..."): the
        # country spoken of owns the title (_owner_country), not the latest organ named
        return None if body.sector in _STATE_SECTORS else body

    def _owner_country(self, rest: list[str]) -> str | None:
        """The country "its" or "the country's" refers to before a role ("its ambassador", "the country's
        army"): the country the article spoke of last, unless it has named a body of no country (an IGO, an
        NGO, a company) that "its" may mean as well."""
        lowered = [w.lower() for w in rest]
        owned = len(lowered) > 1 and (lowered[0] == "its" or lowered[0] in _COUNTRY_WORDS)
        if not owned:
            return None
        # a country named by its name ("Germany summoned the Russian envoy. Its ..."), not by a nationality
        named = [a for a in self.discourse.countries
                 if a.country is not None and self.kb.names_country(a.text)]
        if not named:
            return None
        if lowered[0] == "its" and any(a.country is None for a in self.discourse.others):
            return None
        return named[-1].country

    def _title_country(self, rest: list[str]) -> str | None:
        """The country whose office a title alone names (data/titles.tsv): the country the article spoke of
        last if the title is used there, else the one country the article has named, else the title's
        first country; a title any country uses ("the president") needs the article to name one country."""
        countries = self.kb.title_countries(" ".join(w.lower() for w in rest)) if 0 < len(rest) <= 4 else None
        if countries is None:
            return None
        latest = self.discourse.latest_country()
        if latest is not None and latest.country in countries:
            return latest.country
        named = {a.country for a in self.discourse.countries if a.country}
        if len(named) == 1:
            return named.pop()
        return countries[0] if countries else None

    def _part_of_country(self, words: list[str]) -> Actor | None:
        """ "the country's west", "the north of the country": a part of the country the article is about."""
        lowered = [w.lower() for w in words if w.lower() not in _DROP and w.lower() not in ("of", "'s")]
        if len(lowered) != 2 or not ({lowered[0], lowered[1]} & _COUNTRY_WORDS) or \
                not ({lowered[0], lowered[1]} & _PARTS):
            return None
        country = self.discourse.latest_country()
        return None if country is None else _retext(country, " ".join(words))

    def _namesake(self, rest: list[str], gender: str, words: list[str], when: dt.date | None) -> Actor | None:
        """The one person of ``gender`` the knowledge base knows by this surname ("Mrs Clinton"), if any."""
        found = [e for e in self.kb.namesakes(rest[-1]) if self.kb.gender(e.name) == gender] if rest else []
        if len(found) != 1:
            return None
        return self.kb.actor_for(found[0], " ".join(words), when)

    def _personal(self, actor: Actor) -> bool:
        return self.discourse.is_person(actor) or actor.name in self.people

    def _short_form(self, rest: list[str], gender: str | None) -> Actor | None:
        """A person named before whose name holds every word of ``rest`` (one or two capitalised words)."""
        if not rest or len(rest) > 2 or not all(w[:1].isupper() and w.isalpha() for w in rest):
            return None
        found = self.discourse.surname(rest[-1], gender)
        if found is None:
            return None
        parts = found.name.lower().replace("-", " ").split()
        return found if all(w.lower() in parts for w in rest) else None

    def titled_newcomer(self, words: list[str], actor: Actor, when: dt.date | None) -> Actor:
        """ "U.S. Secretary of State Anna Kovac": a title the knowledge base knows before a name it does not
        -> the title's code under the person's name."""
        words = _hyphen_joined(words)  # "Minister Park Ji - won": the given name "Ji-won" is one word
        tail: list[str] = []
        for word in reversed(words):
            if not (word[:1].isupper() and word.replace("-", "").replace("'", "").rstrip(".").isalpha()) or \
                    self.kb.sector_of(word) is not None or word.lower().rstrip(".") in self.kb.address:
                break
            tail.insert(0, word)
        if len(tail) < 2 or len(tail) == len(words) or self.lookup(tail, when) is not None:
            return actor
        head = words[: len(words) - len(tail)]
        if self.lookup(head, when) is None:
            return actor
        name = " ".join(tail)
        if name in self.people:  # introduced already, with a fuller title: that one holds
            return _retext(self.people[name], actor.text)
        person = Actor(actor.text, name, actor.code, actor.country, actor.sector)
        self.people[name] = person
        return person


def _hyphen_joined(words: list[str]) -> list[str]:
    """``words`` with a capitalised word, a hyphen and a lowercase word joined into one ("Ji - won" ->
    "Ji-won": a hyphenated given name the tokenizer split)."""
    if "-" not in words:
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        if out and words[i] == "-" and i + 1 < len(words) and out[-1][:1].isupper() and \
                words[i + 1].isalpha() and words[i + 1].islower():
            out[-1] = f"{out[-1]}-{words[i + 1]}"
            i += 2
            continue
        out.append(words[i])
        i += 1
    return out


def _retext(actor: Actor, text: str) -> Actor:
    return Actor(text, actor.name, actor.code, actor.country, actor.sector)
