"""The mentions stage: who every noun phrase and pronoun of an article is, resolved once, in reading order.

For each sentence, in order, the stage resolves the noun phrases and pronouns against the article so far (a
:class:`~tidings.mentions.discourse.Discourse`) and records a :class:`Mention` for each; the discourse then
takes in what the sentence said (known names, resolved actors, people the knowledge base cannot code). A
parsed sentence keeps its phrase resolver, bound to the discourse as it stood before the sentence, so that
the event coder, the claims and the summary ask the same resolver and get the same answers: nothing is
resolved twice with a different state, and no stage runs a discourse loop of its own.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from tidings.datafiles import packaged_text, read_rows
from tidings.events.coder import SPEAKING_VERBS, THIRD_PERSON, ActorRef, SentenceCoder, Span, Token, place_ref
from tidings.events.lexicon import word_classes
from tidings.events.statements import political
from tidings.mentions.acronyms import apply_definitions, defined_acronyms, readings_in_context, surnames_named
from tidings.mentions.discourse import TITLE_NOUNS, UNKNOWN, Discourse
from tidings.mentions.names import NameResolver, address_gender
from tidings.mentions.pairs import next_pair
from tidings.nlp.memo import per_doc
from tidings.nlp.segment import Sentence
from tidings.record import Actor
from tidings.resources import Resources

__all__ = ["ArticleMentions", "Mention", "resolve_mentions"]

# How far left of a name its title may start, and the words a title is made of ("U.S. Secretary of State").
_TITLE_WINDOW = 8
# Clauses inside an apposition that describe the person rather than give their title.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ", "ADP", "DET", "PART"})
# The prepositions inside a title ("Secretary of State", "Minister for Energy", and "to" after a title noun:
# "Ambassador to Peru"); any other one ends it ("praised on social media to new father X": no title of X).
_TITLE_PREPOSITIONS = frozenset({"of", "for"})
# Dependencies of a token inside a larger noun phrase: the phrase is resolved from its head.
_INSIDE = frozenset({"compound", "amod", "nmod", "flat"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Code prefixes of bodies that are no country: a title naming one ("the IAEA chief X") is theirs.
_BODY_PREFIXES = frozenset({"IGO", "NGO"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One actor mention: sentence, token span ``[start, end)`` in the sentence (word span when the sentence
    was not parsed), the actor, and how it was resolved (``via``)."""

    sentence: int
    start: int
    end: int
    actor: Actor
    via: str  # "name", "short-form", "pronoun", "description", "group", "known-name"

    def to_dict(self) -> dict[str, object]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end, "via": self.via,
                "actor": self.actor.to_dict()}


@dataclass(slots=True)
class ArticleMentions:
    """The mentions of one article, and the phrase resolver of each parsed sentence."""

    mentions: list[Mention] = field(default_factory=list)
    resolvers: dict[int, SentenceCoder] = field(default_factory=dict)
    unknown_people: list[tuple[int, str]] = field(default_factory=list)  # (sentence, name)
    people: dict[str, Actor] = field(default_factory=dict)  # people coded by their title only
    places: dict[int, tuple[str, ...]] = field(default_factory=dict)  # sentence -> countries it names
    # sentence -> the countries of the officials, diplomats and troops it names by nationality ("a British
    # diplomat said"): who speaks or visits, not where
    visitors: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def in_sentence(self, index: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == index]

    def at(self, index: int, token: int) -> list[Mention]:
        """The mentions of sentence ``index`` that cover ``token``, narrowest first."""
        found = [m for m in self.mentions if m.sentence == index and m.start <= token < m.end]
        return sorted(found, key=lambda m: m.end - m.start)

    def resolver(self, index: int) -> SentenceCoder | None:
        return self.resolvers.get(index)

    def main_country(self) -> str | None:
        """The country the article is about: the one its mentions and places name most often, if one leads
        (a place counts once per sentence: "in Ontario", "in Cape Town" say where the article is)."""
        counts: dict[str, int] = {}
        sentences: dict[str, set[int]] = {}
        named = [(m.sentence, m.actor.country) for m in self.mentions if m.actor.country]
        named += [(index, country) for index, countries in self.places.items() for country in countries]
        for index, country in named:
            counts[country] = counts.get(country, 0) + 1
            sentences.setdefault(country, set()).add(index)
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        best = max(counts, key=lambda c: counts[c])
        # one sentence is no article: a country named in two sentences or more, and three times at least
        return best if counts[best] >= 3 and len(sentences[best]) >= 2 else None

    def context_country(self, index: int) -> str | None:
        """The country a group named by kind in sentence ``index`` ("police", "protesters") is from when its
        event has no place of its own: the one country the sentence names (its places, countries and
        capitals), else the country the article is about, else the one country the whole article names."""
        return self.context_country_given(index, self.main_country())

    def context_country_given(self, index: int, main: str | None) -> str | None:
        """:meth:`context_country`, given :meth:`main_country` (``main``: the same for every sentence, so a
        caller asking for each sentence finds it once)."""
        here = set(self.places.get(index, ()))
        if len(here) == 1:
            return next(iter(here))
        if here:
            return main if main in here else None  # "Turkish forces pressed into Syria": no one country
        if main is not None:
            return main
        named = {c for countries in self.places.values() for c in countries}
        # (a visitor's nationality alone, "a British diplomat said police...", says nothing of where)
        return next(iter(named)) if len(named) == 1 else None


def resolve_mentions(sentences: list[Sentence], res: Resources, published: dt.date | None) -> ArticleMentions:
    """Resolve the mentions of an article's sentences (parsed ones fully, others by known names)."""
    out = ArticleMentions()
    people = out.people

    def is_person(actor: Actor) -> bool:
        return actor.name in people or res.is_person(actor)

    discourse = Discourse(is_person=is_person, country_names=res.kb.countries)
    acronyms = defined_acronyms(sentences)  # "the Financial Services Agency (FSA)": not the armed group
    surnames = surnames_named(sentences, res.kb)  # "reporter Bill Holland", later "Holland said"
    # "RSF" in an article that names Sudan: the Rapid Support Forces, not Reporters Without Borders
    for short, full in {**readings_in_context(sentences, res.kb), **surnames}.items():
        acronyms.setdefault(short, full)
    apply_definitions(sentences, acronyms, res.kb, published)
    # each place name geocoded once per article; a surname is no place
    place_countries: dict[str, str | None] = dict.fromkeys(surnames)
    looked_up: dict[tuple[tuple[str, ...], dt.date | None], Actor | None] = {}  # knowledge base answers
    paragraph = -1
    for sent in sentences:
        if sent.paragraph != paragraph:
            discourse.topic = None  # a new paragraph names its subject again
            paragraph = sent.paragraph
        out.visitors[sent.index] = _visitors_named(sent, res)
        _surnames_no_place(sent, discourse, place_countries)
        out.places[sent.index] = _countries_named(sent, res, place_countries, out.visitors[sent.index])
        if sent.doc is None:
            for start, end, actor in sent.mentions:
                out.mentions.append(Mention(sent.index, start, end, actor, "known-name"))
                _add(discourse, res, actor)
            # (a country's name alone may be where, not who, in a sentence we did not parse)
            named = [a for _, _, a in sent.mentions if a.code != a.country]
            discourse.pair = next_pair(discourse.pair, named, discourse.is_person)
            continue
        state = discourse.snapshot()
        names = NameResolver(res.kb, state, people, acronyms, looked_up)
        _introduce_titled(sent, names, published)
        _apposed_titles(sent, names, published)
        _apposed_civilians(sent, names, published)
        _apposed_newcomers(sent, names, published)
        _leaders_by_clause(sent, names, published)
        _copular_titles(sent, names, published)
        coder = SentenceCoder(res.lexicon, names, published, state, res.role_word, res.place_country,
                              res.lemmas, frozenset(res.kb.abroad))
        unnamed = _unnamed_subject(sent, coder)
        if unnamed is not None:
            state.topic = unnamed  # "the injured driver ... he was taken to hospital": he is the driver
        for tok in sent.doc:
            if (tok.pos_ in ("PROPN", "NOUN") and tok.dep_ not in _INSIDE) or tok.lower_ in THIRD_PERSON:
                coder.actors(tok)
        out.resolvers[sent.index] = coder
        refs = coder.mentioned()
        for ref in refs:
            via = _via(sent, ref.start, ref.end, ref.actor, res)
            out.mentions.append(Mention(sent.index, ref.start, ref.end, ref.actor, via))
        for _, _, actor in sent.mentions:
            _add(discourse, res, actor)
        # a group named inside another noun's phrase ("operations against terrorists") is remembered before
        # the sentence's own parties, so that a later "they" or "them" means the parties first
        for ref in sorted(refs, key=lambda r: not _nested_group(sent, r, discourse)):
            _add(discourse, res, ref.actor)
        _named_after_role(sent, coder, names, discourse, res)
        _unknown_people(sent, refs, res, names, published, discourse, out)
        _set_topic(sent, coder, discourse)
        _set_group_topic(sent, coder, discourse)
        _set_speaker(sent, coder, discourse)
        parties = [r.actor for r in refs if not _pronoun_or_place(sent, r)]
        discourse.pair = next_pair(discourse.pair, parties, discourse.is_person)
    return out


# The reporter speaking of themselves ("We asked the sheriff ..."): grammar, not vocabulary.
_REPORTER_PRONOUNS = frozenset({"we", "i"})
# Words that put a title in the past ("a former minister", "ex-minister").
_FORMER = frozenset({"former", "ex", "erstwhile"})
# Sectors of a country's organs that act only at home: its police and courts.
_AT_HOME = frozenset({"COP", "JUD"})
# Labels the parser gives town names it does not know, and the prepositions that place what follows them.
_MISTAKEN_LABELS = frozenset({"PERSON", "ORG"})
_LOCATIVE = frozenset({"in", "near", "from", "outside", "around", "across", "inside"})
# Entity labels of places in spaCy's English models.
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _visitors_named(sent: Sentence, res: Resources) -> tuple[str, ...]:
    """The countries of the people a sentence names by a nationality and a role held abroad
    (actors/data/abroad.tsv: "a British diplomat said"): who speaks, not where an act happened."""
    found: set[str] = set()
    for _, end, actor in sent.mentions:
        if actor.country is None or actor.code != actor.country:
            continue
        after = [w.lower() for w in sent.words[end : end + 2]]
        if after[:1] and (after[0] in res.kb.abroad or " ".join(after) in res.kb.abroad):
            found.add(actor.country)
    return tuple(sorted(found))


def _countries_named(sent: Sentence, res: Resources, known: dict[str, str | None],
                     visitors: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The countries a sentence names as places: countries and capitals it names as such (not as a
    ``visitors``' nationality only), the countries of police and courts ("Kenyan police": they act at
    home), and the countries of the places the parser labels (a parsed sentence only; ``known`` caches the
    look-ups)."""
    found = {actor.country for _, _, actor in sent.mentions
             if actor.country is not None and actor.country not in visitors
             and (actor.code == actor.country
                  or (actor.sector in _AT_HOME and actor.code[3:] == actor.sector))}
    if sent.doc is not None:
        for ent in (e for e in sent.doc.ents if e.label_ in _PLACE_LABELS or _placed_name(e, res)):
            if ent.text not in known:
                known[ent.text] = res.place_country(ent.text)
            country = known[ent.text]
            if country is not None:
                found.add(country)
    return tuple(sorted(found))


def _surnames_no_place(sent: Sentence, discourse: Discourse, known: dict[str, str | None]) -> None:
    """A one-word name the parser takes for a place that is the surname of a person the article named
    before ("Vasile Marin, a driver, said ... Marin said"): no place in this article (``known``: the place
    look-ups, where None means no country)."""
    if sent.doc is None:
        return
    for ent in sent.doc.ents:
        if ent.label_ in _PLACE_LABELS and len(ent) == 1 and ent.text not in known and \
                any(ent.text in person.name.split()[1:] for person in discourse.people):
            known[ent.text] = None


def _placed_name(ent: Span, res: Resources) -> bool:
    """A name the parser takes for a person or body that stands where a place does ("40 miles from
    Palmyra", "in Tal Abyad"), and that names no actor we know: a town the parser did not know."""
    root = ent.root
    return ent.label_ in _MISTAKEN_LABELS and root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE \
        and res.kb.resolve([t.text for t in ent], None) is None


def _unnamed_subject(sent: Sentence, coder: SentenceCoder) -> Actor | None:
    """The subject of the main clause when it is a person we cannot name ("the injured
    driver"), as an unknown person that personal pronouns after it refer to."""
    assert sent.doc is not None
    for root in _roots(sent.doc):
        subj = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
        if subj is None or subj.tag_ != "NN" or subj.lemma_.lower() not in person_nouns():
            continue
        if any(coder.discourse.is_person(r.actor) for r in coder.actors(subj)):
            continue
        text = " ".join(t.text for t in subj.subtree if t.i <= subj.i)
        return Actor(text, text, UNKNOWN, None, None)
    return None


def _roots(doc: Any) -> tuple[Token, ...]:
    """The roots of a parsed sentence's Doc, in order, found once per Doc (asked three times a sentence)."""
    return per_doc(doc, "roots", lambda: tuple(t for t in doc if t.dep_ == "ROOT"))


@functools.cache
def person_nouns() -> dict[str, str]:
    """Common nouns for a person (``mentions/data/person_nouns.tsv``) -> gender ("" when none)."""
    text = packaged_text("tidings.mentions", "person_nouns.tsv")
    rows = read_rows(text, source="mentions/data/person_nouns.tsv", header=("noun", "gender"))
    return {row.cells[0].lower(): row.cells[1] for row in rows}


def _set_topic(sent: Sentence, coder: SentenceCoder, discourse: Discourse) -> None:
    """The subject of the main clause, when it is a person, becomes the paragraph's topic."""
    assert sent.doc is not None
    unnamed = _unnamed_subject(sent, coder)
    if unnamed is not None:
        gender = person_nouns().get(unnamed.name.split()[-1].lower()) or None
        discourse.add_unknown_person(unnamed.name, gender)
        discourse.topic = discourse.people[-1]
        return
    for root in _roots(sent.doc):
        subj = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
        if subj is None:
            continue
        asked = _asked_by_press(root, subj, coder)
        if asked is not None:  # "We asked the sheriff if ... He said": the one asked answers
            discourse.add_person(asked[0], gender=role_nouns().get(asked[1].lemma_.lower()) or None)
            discourse.topic = asked[0]
            return
        holder = _role_holder(subj, coder)
        if holder is not None:
            discourse.add_person(holder, gender=role_nouns().get(subj.lemma_.lower()) or None)
            discourse.topic = holder  # "a police spokesman said ... He said": the spokesman, as police
            return
        people = [r.actor for r in coder.actors(subj) if discourse.is_person(r.actor)]
        if len(people) == 1:
            discourse.topic = people[0]
        elif not people and subj.ent_type_ == "PERSON":
            unknown = [p for p in discourse.people if p.code == UNKNOWN and subj.text in p.name]
            if unknown:
                discourse.topic = unknown[-1]  # someone we cannot code: "he" after them is no one we know
        return


def _set_group_topic(sent: Sentence, coder: SentenceCoder, discourse: Discourse) -> None:
    """The subject of the first main clause, when it names an actor: a group named in the plural ("two
    ministry officials", "residents", "they") becomes the discourse's group topic, whom a later "they said"
    means; any other actor as the subject ends it."""
    assert sent.doc is not None
    for root in _roots(sent.doc)[:1]:
        subj = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
        if subj is None:
            return
        refs = coder.actors(subj)
        if not refs:
            return
        actor = refs[0].actor
        plural = subj.tag_ in ("NNS", "NNPS") or subj.lower_ == "they"
        group = len(refs) == 1 and not discourse.is_person(actor) and actor.code != actor.country
        discourse.group_topic = actor if plural and group else None


def _set_speaker(sent: Sentence, coder: SentenceCoder, discourse: Discourse) -> None:
    """The named country or body that is the subject of the main clause or of a verb of saying in the
    sentence (the last one) becomes the discourse's speaker, whom a later "it said" means ("The World Bank
    published a report. ... it said")."""
    assert sent.doc is not None
    for verb in (t for t in sent.doc if t.pos_ in ("VERB", "AUX") and (
            t.dep_ == "ROOT" or t.lemma_.lower() in SPEAKING_VERBS)):
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):
            refs = coder.actors(subj)
            if len(refs) == 1 and not refs[0].actor.code.startswith("---") and \
                    not discourse.is_person(refs[0].actor):
                discourse.speaker = refs[0].actor


@functools.cache
def role_nouns() -> dict[str, str]:
    """Common nouns for a person by office or role (``mentions/data/role_nouns.tsv``) -> gender."""
    text = packaged_text("tidings.mentions", "role_nouns.tsv")
    rows = read_rows(text, source="mentions/data/role_nouns.tsv", header=("noun", "gender"))
    return {row.cells[0].lower(): row.cells[1] for row in rows}


def _asked_by_press(root: Token, subj: Token, coder: SentenceCoder) -> tuple[Actor, Token] | None:
    """The person by role the reporter or the press asks or interviews ("We asked the county sheriff if
    ...", "Reporters asked the mayor whether ..."): what "he" or "she" says next is their answer."""
    press = subj.lower_ in _REPORTER_PRONOUNS or "press" in word_classes().get(subj.lemma_.lower(), ())
    if not press:
        return None
    for obj in (c for c in root.children if c.dep_ == "dobj"):
        holder = _role_holder(obj, coder, titled=True)
        if holder is not None:
            return holder, obj
    return None


def _role_holder(subj: Token, coder: SentenceCoder, *, titled: bool = False) -> Actor | None:
    """An unnamed person by role as a main clause's subject ("a police spokesman", "the ministry official"),
    as a person with the role's code; None for a named person or a noun that is no role. ``titled``: the
    role may be written as a title ("the County Sheriff")."""
    tags = ("NN", "NNP") if titled else ("NN",)
    if subj.tag_ not in tags or subj.lemma_.lower() not in role_nouns() or subj.ent_type_ == "PERSON":
        return None
    refs = coder.actors(subj)
    roles = [r.actor for r in refs if r.actor.sector is not None and not coder.discourse.is_person(r.actor)]
    if len(roles) != 1 or len(refs) != 1:
        return None
    role = roles[0]
    text = " ".join(t.text for t in subj.subtree if t.i <= subj.i)
    return Actor(text, text, role.code, role.country, role.sector)


def _introduce_titled(sent: Sentence, names: NameResolver, published: dt.date | None) -> None:
    """People the knowledge base does not know, introduced with a title it knows ("U.S. Secretary of State
    X", "Sudanese rebel commander Y"): they keep the title's code under their own name."""
    assert sent.doc is not None
    doc = sent.doc
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.text in names.people:
            continue
        name = [t.text for t in ent]
        if names.lookup(name, published) is not None:
            continue
        first, end = _title_span(doc[ent.start])
        for start in range(first, end):
            words = [t.text for t in doc[start:end]] + [t.text for t in ent]
            actor = names.lookup(words, published)
            titled = actor is not None and (actor.sector is not None or actor.code[:3] in _BODY_PREFIXES)
            # the widest title wins: "IRENA Director-General X" is the agency's, not a general
            if actor is not None and titled and (
                    names.titled_newcomer(words, actor, published) is not actor or ent.text in names.people):
                break


def _title_span(name: Token) -> tuple[int, int]:
    """Where a title written before the name that starts at ``name`` may begin and where it ends: right
    before the name, or before a comma that sets the name off from a title in apposition at the head of
    its clause ("City Mayor, Ana Soto confirmed ..."; not "In Lusaka, Ana Soto ..." nor "speaking to the
    minister, Ana Soto ...")."""
    doc, start = name.doc, name.i
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ in ("NOUN", "PROPN") and \
            doc[start - 2].ent_type_ != "PERSON":
        first = _title_start(name, start - 1)
        if first < start - 1 and (first == name.sent.start or doc[first - 1].is_punct):
            return first, start - 1
    return _title_start(name, start), start


def _title_start(name: Token, end: int) -> int:
    """The first word of a title that ends at ``end``, before the name at ``name``."""
    doc, first = name.doc, end
    while first > 0 and end - first < _TITLE_WINDOW and _in_title(doc[first - 1]):
        first -= 1
    return first


def _copular_titles(sent: Sentence, names: NameResolver, published: dt.date | None) -> None:
    """People the knowledge base does not know, given a role by a copula ("The three candidates are X, Y
    and Z", "X is the opposition candidate"): they keep the role's code under their own name."""
    assert sent.doc is not None
    persons = {ent.root.i: ent for ent in sent.doc.ents if ent.label_ == "PERSON"}
    for verb in sent.doc:
        if verb.lemma_ != "be":
            continue
        sides = [c for c in verb.children if c.dep_ in ("nsubj", "attr")]
        named = [s for s in sides if s.i in persons]
        roles = [s for s in sides if s.i not in persons and s.pos_ == "NOUN"]
        if len(named) != 1 or len(roles) != 1:
            continue
        role = names.lookup([t.text for t in roles[0].subtree], published)
        if role is None or role.sector is None or role.code[3:] != role.sector:
            continue
        for head in (named[0], *named[0].conjuncts):
            ent = persons.get(head.i)
            if ent is None or ent.text in names.people or names.lookup([t.text for t in ent], published):
                continue
            names.people[ent.text] = Actor(ent.text, ent.text, role.code, role.country, role.sector)


def _apposed_titles(sent: Sentence, names: NameResolver, published: dt.date | None) -> None:
    """A known person whose dated terms have them out of office, given a title of their own country in
    apposition ("X, China's foreign minister, said"): the text's title is newer than our dates, so the
    person keeps the title's code in this article, as a title written before the name does."""
    assert sent.doc is not None
    for ent in sent.doc.ents:
        if ent.label_ != "PERSON" or ent.text in names.people:
            continue
        actor = names.lookup([t.text for t in ent], published)
        if actor is None or not actor.code.endswith("ELI") or actor.country is None:
            continue
        for appos in (c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end):
            words = [t.text for t in appos.subtree]
            if any(w.lower().rstrip("-") in _FORMER for w in words):
                continue  # "X, a former foreign minister": out of office, as our dates say
            title = names.lookup(words, published)
            if title is not None and title.country == actor.country and title.sector not in (None, "ELI") \
                    and title.code[3:] == title.sector:
                names.people[ent.text] = Actor(ent.text, actor.name, title.code, title.country, title.sector)
                break


def _apposed_newcomers(sent: Sentence, names: NameResolver, published: dt.date | None) -> None:
    """A person the knowledge base does not know, given a political office of a known country or body in
    apposition after the name, headed by a title noun ("Ana Soto, the mayor of Ruritania City, said"): they
    keep the title's code in this article, as with a title written before the name, so that a later "Soto
    said" or "she said" is the official. A former title does not count, nor a relative clause's words; a
    role of no country ("a city councillor") is left alone (it added a false event on the test part)."""
    assert sent.doc is not None
    for ent in sent.doc.ents:
        if ent.label_ != "PERSON" or ent.text in names.people or \
                names.lookup([t.text for t in ent], published) is not None:
            continue
        for appos in (c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end and
                      c.lemma_.lower() in TITLE_NOUNS):
            clauses = {t.i for c in appos.children if c.dep_ in _CLAUSE_DEPS for t in c.subtree}
            words = [t.text for t in appos.subtree if t.i not in clauses]
            if any(w.lower().rstrip("-") in _FORMER for w in words):
                continue
            title = names.lookup(words, published)
            if title is not None and (title.country is not None or title.code[:3] in _BODY_PREFIXES) and \
                    title.sector is not None and political(title):
                names.people[ent.text] = Actor(ent.text, ent.text, title.code, title.country, title.sector)
                break


@functools.cache
def member_nouns() -> frozenset[str]:
    """Nouns of a person's place in a body, said in apposition (``mentions/data/member_nouns.tsv``)."""
    text = packaged_text("tidings.mentions", "member_nouns.tsv")
    rows = read_rows(text, source="mentions/data/member_nouns.tsv", header=("noun", "kind"))
    return frozenset(row.cells[0].lower() for row in rows)


def private_roles() -> frozenset[str]:
    """Nouns of a trade or station that make a named person a private individual
    (``mentions/data/private_roles.tsv``)."""
    text = packaged_text("tidings.mentions", "private_roles.tsv")
    rows = read_rows(text, source="mentions/data/private_roles.tsv", header=("noun",))
    return frozenset(row.cells[0].lower() for row in rows)


# Words that make a role past ("a retired police officer"): its holder speaks as a private person.
_RETIRED = frozenset({"former", "retired", "ex"})


def _apposed_civilians(sent: Sentence, names: NameResolver, published: dt.date | None) -> None:
    """A person the knowledge base does not know, given in apposition after the name a trade or a station
    in life ("X, a miner who has worked underground for 20 years, said"), or a role made past ("X, a
    retired police officer who lives near the mine"; "X, a former soldier who now runs a bakery"): a
    civilian in this article, whose words and a later "X said" or "he said" are no statement of the sector
    the noun alone names (a miner is no union, a retired officer no police force). A past title of office
    ("a former minister") is left to the titles."""
    assert sent.doc is not None
    for ent in _person_names(sent.doc):
        if len(ent) < 2 or ent.text in names.people or \
                names.lookup([t.text for t in ent], published) is not None:
            continue
        for appos in (c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end):
            lemma = appos.lemma_.lower()
            past = any(c.dep_ in ("amod", "compound") and c.lower_.rstrip("-") in _RETIRED
                       for c in appos.children)
            if appos.tag_ == "NN" and (lemma in private_roles() or (past and lemma not in TITLE_NOUNS)):
                names.people[ent.text] = Actor(ent.text, ent.text, "---CVL", None, "CVL")
                break
            role = _private_role(appos, names, published)
            if role is not None:  # "X, a student at Y University": of a sector that makes no statements
                # (of no country: a foreign student's name, said again and again, does not make the article
                # about their country)
                names.people[ent.text] = Actor(ent.text, ent.text, f"---{role.sector}", None, role.sector)
                break


def _private_role(appos: Token, names: NameResolver, published: dt.date | None) -> Actor | None:
    """The role of a sector that is not political (a student, an economist at a university, a company's
    spokesman) that an apposition headed by a common noun gives a person, if any."""
    if appos.tag_ != "NN":
        return None
    clauses = {t.i for c in appos.children if c.dep_ in _CLAUSE_DEPS for t in c.subtree}
    role = names.lookup([t.text for t in appos.subtree if t.i not in clauses], published)
    if role is None or role.sector is None or political(role) or role.code[:3] in _BODY_PREFIXES:
        return None
    return role


@functools.cache
def leading_verbs() -> frozenset[str]:
    """Verbs of a relative clause that place a person in a body (``mentions/data/leading_verbs.tsv``)."""
    text = packaged_text("tidings.mentions", "leading_verbs.tsv")
    rows = read_rows(text, source="mentions/data/leading_verbs.tsv", header=("verb",))
    return frozenset(row.cells[0].lower() for row in rows)


def _leaders_by_clause(sent: Sentence, names: NameResolver, published: dt.date | None) -> None:
    """A person the knowledge base does not know, described by a relative clause that has them lead, head,
    chair or represent a political body ("X, who leads the opposition Y Party, said"; "X, who heads the
    parliament's legal committee"): they keep the body's code in the article, as with a title in
    apposition."""
    assert sent.doc is not None
    for ent in _person_names(sent.doc):
        if len(ent) < 2 or ent.text in names.people or \
                names.lookup([t.text for t in ent], published) is not None:
            continue
        for clause in (c for c in ent.root.children if c.dep_ == "relcl" and c.i >= ent.end and
                       c.lemma_.lower() in leading_verbs()):
            body = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if body is None:
                continue
            words = [t.text for t in body.subtree]
            title = names.lookup(words, published)
            if title is not None and title.sector is not None and political(title) and \
                    title.code[:3] not in _BODY_PREFIXES:
                names.people[ent.text] = _in_opposition(title, ent.text, words, names)
                break


def _person_names(doc: Any) -> list[Span]:
    """The names of people in a parsed sentence: its PERSON entities, and a given name and surname the
    entity recogniser missed that a noun in apposition describes ("Ewa Mazur, a retired police officer")."""
    found = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    for tok in doc:
        if tok.tag_ != "NNP" or tok.ent_type_ or \
                not any(c.dep_ in ("appos", "relcl") and c.i > tok.i for c in tok.children):
            continue
        given = [c for c in tok.children if c.dep_ == "compound" and c.tag_ == "NNP" and not c.ent_type_]
        if len(given) == 1 and given[0].i == tok.i - 1 and tok.text.isalpha() and given[0].text.isalpha():
            found.append(doc[tok.i - 1:tok.i + 1])
    return found


def _named_after_role(sent: Sentence, coder: SentenceCoder, names: NameResolver, discourse: Discourse,
                      res: Resources) -> None:
    """A person the knowledge base does not know, named in apposition after a role phrase that the sentence
    resolves to a political body of a known country ("Its secretary-general, X, said" after a party; "A
    spokesman for the ministry, X, said"): the person keeps the body's code in the article, so that a later
    "X said" or "he said" is the body's spokesman, not someone unknown."""
    assert sent.doc is not None
    nouns = member_nouns() | frozenset(role_nouns()) | TITLE_NOUNS
    for ent in sent.doc.ents:
        head = ent.root.head
        if ent.label_ != "PERSON" or len(ent) < 2 or ent.root.dep_ != "appos" or head.i >= ent.start or \
                ent.text in names.people or head.lemma_.lower() not in nouns:
            continue
        if names.lookup([t.text for t in ent], None) is not None:
            continue
        roles = [r.actor for r in coder.actors(head) if not discourse.is_person(r.actor)]
        if len(roles) != 1 or roles[0].country is None or roles[0].sector is None or not political(roles[0]):
            continue
        role = roles[0]
        person = Actor(ent.text, ent.text, role.code, role.country, role.sector)
        names.people[ent.text] = person
        _add(discourse, res, person)


def _in_opposition(title: Actor, name: str, words: list[str], names: NameResolver) -> Actor:
    """The member of a body named "opposition" in the apposition ("a spokeswoman for the opposition X
    Congress", which the knowledge base takes for a legislature): an opposition politician (GUIDE section 5:
    country + OPP), unless the body is a party already."""
    opposed = any(names.kb.sector_of(w.lower()) == "OPP" for w in words)
    if not opposed or title.sector in ("OPP", "PTY"):
        return Actor(name, name, title.code, title.country, title.sector)
    code = (title.country or "---") + "OPP"
    return Actor(name, name, code, title.country, "OPP")


def _in_title(tok: Token) -> bool:
    """Whether ``tok`` may be part of a title written before a name (a hyphen inside a word as well:
    "Director-General", "Secretary-General")."""
    if tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_:
        return True
    if tok.pos_ != "ADP":
        return tok.pos_ in _TITLE_POS
    after_title = tok.i > 0 and tok.doc[tok.i - 1].lower_ in TITLE_NOUNS
    return tok.lower_ in _TITLE_PREPOSITIONS or (tok.lower_ == "to" and after_title)


def _nested_group(sent: Sentence, ref: ActorRef, discourse: Discourse) -> bool:
    """A group (no person, no country named whole) whose phrase is the object of a preposition that
    modifies a noun: "operations against terrorists", not "spoke to the elders"."""
    if discourse.is_person(ref.actor) or ref.actor.code == ref.actor.country:
        return False
    assert sent.doc is not None
    head = next((t for t in sent.doc[ref.start:ref.end] if not ref.start <= t.head.i < ref.end), None)
    return head is not None and head.dep_ == "pobj" and head.head.head.pos_ in ("NOUN", "PROPN")


def _add(discourse: Discourse, res: Resources, actor: Actor) -> None:
    if not discourse.is_person(actor):
        discourse.add(actor)
        return
    words = actor.text.split()
    gender = address_gender(res.kb, words) or res.kb.gender(actor.name) or res.kb.given_gender(actor.name)
    discourse.add_person(actor, gender=gender, titles=_titles(words))


def _titles(words: list[str]) -> frozenset[str]:
    """The titles written with a person's name ("Russian President X" -> president)."""
    lowered = [w.lower() for w in words]
    found: set[str] = set()
    for i, word in enumerate(lowered):
        pair = " ".join(lowered[i:i + 2])
        if pair in TITLE_NOUNS:
            found.add(pair)
        if word in TITLE_NOUNS:
            found.add(word)
    return frozenset(found)


def _unknown_people(sent: Sentence, refs: list[ActorRef], res: Resources, names: NameResolver,
                    published: dt.date | None, discourse: Discourse, out: ArticleMentions) -> None:
    """People the text names whom the knowledge base cannot code: a later "he" must not reach past them."""
    assert sent.doc is not None
    covered = {i for ref in refs for i in range(ref.start, ref.end)}
    for ent in sent.doc.ents:
        if ent.label_ != "PERSON" or any(ent.start <= i < ent.end for i in covered):
            continue
        if names.lookup([t.text for t in ent], published) is not None:
            continue
        known = discourse.surname(ent[-1].text)
        if known is not None and known.code != UNKNOWN:
            continue  # "Kim" after "Kim Jong Un": a short form, resolved or not in this sentence
        before = [sent.doc[ent.start - 1].text] if ent.start > 0 else []
        gender = address_gender(res.kb, before + [t.text for t in ent]) or res.kb.given_gender(ent.text)
        discourse.add_unknown_person(ent.text, gender)
        out.unknown_people.append((sent.index, ent.text))


def _pronoun_or_place(sent: Sentence, ref: ActorRef) -> bool:
    """A pronoun (it stands for an actor named before, who counts there), or a country or capital where an
    act happened ("met ... in Beijing"): neither names a party of its own."""
    assert sent.doc is not None
    span = sent.doc[ref.start:ref.end]
    return (len(span) == 1 and span[0].pos_ == "PRON") or place_ref(sent.doc, ref)


def _via(sent: Sentence, start: int, end: int, actor: Actor, res: Resources) -> str:
    assert sent.doc is not None
    span = sent.doc[start:end]
    if len(span) == 1 and span[0].pos_ == "PRON":
        return "pronoun"
    if actor.code.startswith("---") or (actor.sector is not None and not any(t.pos_ == "PROPN" for t in span)
                                        and not res.is_person(actor)):
        return "group"
    if actor.name.split()[-1].lower() not in span.text.lower():
        return "description"  # "the country", "the president"
    if res.is_person(actor) and len([t for t in span if t.pos_ == "PROPN"]) < len(actor.name.split()):
        return "short-form"
    return "name"
