"""What an article has said so far: the actors a pronoun or a short form can point back to.

Within one article "Kim", "he", "his" and "the North" refer to someone named earlier. The discourse keeps the
actors in the order they were mentioned and answers those references; it is filled sentence by sentence, from
parsed sentences (resolved noun phrases) and unparsed ones (known names only).

Precedence inside the article: a full name introduced earlier decides what a later surname or a form of
address means ("Hillary Clinton ... Clinton" is Hillary; "Michelle Obama ... Mrs. Obama" is Michelle).
Gender, where the knowledge base or the text gives it (a form of address, a gendered title), keeps "she"
and "Mrs. X" off a man and "he" and "Mr. X" off a woman. A role noun ("the president", "the minister")
points back to the latest person introduced with that title; a personal pronoun prefers the person the
paragraph is about (the latest person subject of a main clause); and a person the knowledge base cannot
code blocks a pronoun from reaching past them to someone else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tidings.record import Actor

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
COUNTRY_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
GOVERNMENT_NOUNS = frozenset({"regime", "government", "administration", "leadership", "authorities"})
# Generic words for whoever leads: they point back to the latest person named (who led in the article).
LEADER_NOUNS = frozenset({"leader", "ruler", "dictator", "strongman", "monarch"})
# Titles: they point back to the latest person introduced with that title ("President X ... the president").
TITLE_NOUNS = frozenset({"president", "premier", "king", "queen", "chancellor", "minister", "secretary",
                         "prime minister", "foreign minister", "senator", "governor", "mayor", "general",
                         "commander", "chief", "emir", "sultan", "prince", "princess", "pope", "ambassador",
                         "envoy", "spokesman", "spokeswoman", "candidate", "nominee", "vice president",
                         "deputy prime minister", "defence minister", "defense minister", "interior minister",
                         "finance minister", "foreign secretary", "home secretary", "attorney general",
                         "secretary of state", "speaker"})
# Heads of state or government: a title of this kind falls back to the latest head named without a title.
HEAD_TITLES = frozenset({"president", "premier", "prime minister"})
UNKNOWN = ""  # code of a person the knowledge base cannot code
DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their"})


def _name_shape(actor: Actor) -> bool:
    """Fallback test for a named individual: a multi-word capitalised name that is not a country."""
    parts = actor.name.split()
    return actor.code != actor.country and 2 <= len(parts) <= 5 and all(p[:1].isupper() for p in parts)


def pronoun_gender(word: str) -> str | None:
    w = word.lower()
    return "f" if w in FEMALE_PRONOUNS else "m" if w in MALE_PRONOUNS else None


@dataclass(slots=True)
class Discourse:
    """Actors mentioned so far in one article, most recent last."""

    is_person: Callable[[Actor], bool] = _name_shape  # the knowledge base's test for a named individual
    country_names: dict[str, str] = field(default_factory=dict)  # alpha-3 -> name, for "the North"
    people: list[Actor] = field(default_factory=list)
    countries: list[Actor] = field(default_factory=list)
    others: list[Actor] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)  # person's name -> "f" / "m", as far as known
    titles: dict[str, frozenset[str]] = field(default_factory=dict)  # person's name -> titles seen with them
    # The person the paragraph is about: the latest person who was the subject of a main clause. A personal
    # pronoun prefers them to people named since in passing ("He was not seen on the birthday of X. His
    # health ..." is the subject's health, not X's).
    topic: Actor | None = None
    # Countries and bodies of a known country or name in the order the text named them (a body, not the
    # country it is of): who "it" is when it speaks ("the ministry issued a statement ... it said").
    things: list[Actor] = field(default_factory=list)
    # The country or body that spoke last (the subject of a verb of saying): a later "it said" goes on with
    # what it said, though other countries were named in between ("the Iranian request").
    speaker: Actor | None = None
    # The two parties the article has just named ("both sides", "the two countries"; mentions/pairs.py).
    pair: tuple[Actor, Actor] | None = None
    # The group named in the plural that was the subject of the latest main clause with an actor as its
    # subject ("Two ministry officials briefed reporters. They said ..."): a "they" who speaks is that
    # group, not the reporters named after it.
    group_topic: Actor | None = None

    def snapshot(self) -> Discourse:
        """A copy that later additions to this discourse do not change."""
        return Discourse(self.is_person, self.country_names, list(self.people), list(self.countries),
                         list(self.others), dict(self.genders), dict(self.titles), self.topic,
                         list(self.things), self.speaker, self.pair, self.group_topic)

    def add(self, actor: Actor) -> None:
        if self.is_person(actor):
            _push(self.people, actor)
        elif actor.country and actor.code == actor.country:
            _push(self.countries, actor)
            _push(self.things, actor)
        else:
            _push(self.others, actor)
            if not actor.code.startswith("---"):  # "the detained sailor" is no "it"; a named body is
                _push(self.things, actor)
            if actor.country and len(actor.code) > 3:
                name = self.country_names.get(actor.country, actor.country)
                _push(self.countries, Actor(actor.text, name, actor.country, actor.country, None))

    def add_person(self, actor: Actor, *, gender: str | None = None,
                   titles: frozenset[str] = frozenset()) -> None:
        """A named individual, with what the text says of them (gender, titles)."""
        _push(self.people, actor)
        if gender is not None:
            self.genders.setdefault(actor.name, gender)
        if titles:
            self.titles[actor.name] = self.titles.get(actor.name, frozenset()) | titles

    def same_kind(self, actor: Actor, words: list[str]) -> Actor | None:
        """The latest actor of the same sector with a known country ("the army" after "Sudanese troops")."""
        for found in reversed(self.others):
            if found.sector == actor.sector and found.country and len(found.code) == 6:
                return Actor(" ".join(words), found.name, found.code, found.country, found.sector)
        return None

    def add_unknown_person(self, name: str, gender: str | None = None) -> None:
        """A person the knowledge base does not know: "she" after "Lady Gaga" must not reach back past her."""
        _push(self.people, Actor(name, name, UNKNOWN, None, None))
        if gender is not None:
            self.genders.setdefault(name, gender)

    def latest_country(self) -> Actor | None:
        """The country the article spoke of last ("the country's west")."""
        return self.countries[-1] if self.countries else None

    def pronoun(self, word: str, *, exclude: frozenset[str] = frozenset(), speaking: bool = False
                ) -> Actor | None:
        """The actor a pronoun most likely refers to; ``exclude`` holds codes that cannot be meant.
        ``speaking``: the pronoun is who says something ("..., it said"): "it" is then the country or body
        named last, whichever it is, not a country before a body."""
        w = word.lower()
        if speaking and w in THING_PRONOUNS:
            if self.speaker is not None and self.speaker.code not in exclude:
                return self.speaker
            found = _last(self.things, exclude)
            if found is not None:
                return found
        if w in PERSON_PRONOUNS:
            found = self._last_person(exclude, pronoun_gender(w))
            return None if found is None or found.code == UNKNOWN else found
        if w in GROUP_PRONOUNS:
            if speaking and self.group_topic is not None and self.group_topic.code not in exclude:
                return self.group_topic
            return _last(self.others, exclude) or _last(self.countries, exclude)
        if w in THING_PRONOUNS:
            return _last(self.countries, exclude) or _last(self.others, exclude)
        return None

    def _last_person(self, exclude: frozenset[str], gender: str | None) -> Actor | None:
        topic = self.topic
        if topic is not None and self._fits(topic, exclude, gender):
            return topic
        return next((a for a in reversed(self.people) if self._fits(a, exclude, gender)), None)

    def _fits(self, actor: Actor, exclude: frozenset[str], gender: str | None) -> bool:
        """Whether ``actor`` may be who a word refers to: not excluded (an unknown person never is), and
        of ``gender`` when both are known."""
        if actor.code in exclude and actor.code != UNKNOWN:
            return False
        known = self.genders.get(actor.name)
        return gender is None or known is None or known == gender

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
        title = " ".join(lowered)
        if len(lowered) <= 2 and (title in TITLE_NOUNS or title in LEADER_NOUNS):
            found = self.titled(title, exclude)
            return _retext(found, " ".join(words)) if found else None
        if len(lowered) == 1 and head in ("north", "south", "east", "west"):
            for actor in reversed(self.countries):
                if actor.name.lower().startswith(head) and actor.code not in exclude:
                    return _retext(actor, " ".join(words))
        return None

    def titled(self, title: str, exclude: frozenset[str] = frozenset()) -> Actor | None:
        """The latest person introduced with ``title``; for a generic leader word or a head-of-state title
        with no one so introduced, the latest person in government ("the president" after "Trump")."""
        gender = {"king": "m", "queen": "f", "prince": "m", "princess": "f"}.get(title)
        for actor in reversed(self.people):
            if actor.code in exclude or actor.code == UNKNOWN:
                continue
            if any(title == t or title in t.split() for t in self.titles.get(actor.name, ())):
                return actor
        if title not in LEADER_NOUNS and title not in HEAD_TITLES:
            return None
        for actor in reversed(self.people):
            if actor.code in exclude or actor.code == UNKNOWN or self.titles.get(actor.name) or (
                    title in HEAD_TITLES and self.topic is not None and actor.name == self.topic.name):
                continue  # the paragraph's subject is "she"; "the president" is someone else
            known = self.genders.get(actor.name)
            if gender is not None and known is not None and known != gender:
                continue
            if title in LEADER_NOUNS or actor.sector == "GOV":
                return actor
        return None

    def surname(self, word: str, gender: str | None = None,
                exclude: frozenset[str] = frozenset()) -> Actor | None:
        """The latest person whose name contains ``word`` (of ``gender`` when known); an unknown person
        counts, so the caller can tell "someone else" (code :data:`UNKNOWN`) from "no one"."""
        key = word.lower().replace("-", " ")
        for actor in reversed(self.people):
            if key in actor.name.lower().replace("-", " ").split() and self._fits(actor, exclude, gender):
                return actor
        return None

    def _by_surname(self, word: str, exclude: frozenset[str]) -> Actor | None:
        found = self.surname(word, exclude=exclude)
        return None if found is None or found.code == UNKNOWN else found


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
