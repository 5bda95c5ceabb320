"""One-sided statements: a political actor speaking in public with nobody addressed (CAMEO 01, empty target).

News reports most of what officials do as what they say: "the ministry said ...", "the police spokesman told
reporters ...", "the agency announced ...". Sentence-level event coders record each such sentence as one
CAMEO 010 event (make statement) with the speaker as source and, when no addressee is named, an empty target
(GDELT's convention; ``evaluation/gold/GUIDE.md`` section 4). The coder already codes the reporting verbs
(``data/verbs.tsv``, root 01) but a statement without an addressee did not stand as an event
(:mod:`tidings.events.sides` wants both sides of roots 01-05). This module decides which of those one-sided
candidates are statements, from the cues in ``data/statements.tsv``:

* the **speaker** is political: a sector listed there (government, military, police, courts, parties,
  rebels, unions ...), an IGO or NGO, or a country named as a whole; civilians, companies, the media,
  doctors and unknown persons are not (their quotes are at most an attribution);
* a country speaks **as a whole** only when the speaker phrase names it: its name ("Britain said"), its
  capital ("Moscow said"), or a noun listed there as a country's voice ("the Ukrainian side", "the
  Russian statement"). A phrase that only carries the nationality ("a Kenyan analyst", "veteran
  Nigerian actress X", "Lloyds Malta") names a person or a firm of that country, not the country;
* the speaker is not a **document** listed there ("the report said", "a survey found"): a text that says
  something is where the words are written, not an actor speaking;
* the **verb** is a reporting verb listed there ("said", "told reporters", "announced", "tweeted"); verbs
  marked ``clause`` count only with a said-clause or a quotation ("added that ...", not "added a clause").
  A more specific comment the lexicon codes (012 pessimistic, 013 optimistic, 011 declined to comment ...)
  needs no listed verb;
* the statement does **not report another event**: when the said-clause holds an event that stands ("the
  ministry said troops killed three"), the saying is that event's attribution, not a second event;
* it is said, not planned, refused, denied, only "said to be" or told as background: no negation, no
  future or modal auxiliary, no past perfect ("had said in 2010"), not governed by another verb ("refused
  to say") and not a clause that only describes a noun ("a statement that said ..."). A participle of
  saying set off after its main clause ("the agency raised the death toll, *saying* ...") is said by the
  main clause's subject; it stands unless the main clause holds an act ("condemned the attack, saying
  ..." is the condemnation, "police raided the house, saying ..." the raid);
* it is not said to a jury or in a trial ("told the jury", "during opening statements": the ``trial`` class
  of ``data/words.tsv``): a step of court procedure, whose acts (charges, verdicts) are the events;
* the press as addressee ("told reporters", "spoke to journalists") is no addressee: the target is empty.

Each speaker makes one statement of a kind per sentence. The kept candidates carry the rule suffix
``:statement`` (:func:`is_statement`), which :func:`tidings.events.sides.complete` reads.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from typing import Any

from tidings.datafiles import packaged_text, read_rows
from tidings.events.coder import ADDRESSED, ANONYMOUS_ROOTS, ActorRef, Candidate
from tidings.events.lexicon import inflect_verb, word_classes
from tidings.events.ontology import plover
from tidings.events.sides import ACTORLESS_TYPES, admissible, localise
from tidings.record import Actor

__all__ = ["STATEMENT", "StatementCues", "is_statement", "one_sided_statements", "political",
           "read_statement_cues", "said_in", "speaker_context", "speaker_home", "statement_cues",
           "statement_forms"]

Token = Any  # spacy.tokens.Token

STATEMENT = ":statement"
# The CAMEO codes of the mood kinds of statements.tsv (CAMEO 2.0: 013 optimistic, 012 pessimistic comment).
MOOD_CODES = {"optimism": "013", "pessimism": "012"}
KINDS = frozenset({"verb", "speaker", "apart", "document", "voice", "aloud", "audience", "optimism",
                   "pessimism"})
# Named-entity labels of a phrase that names a country or its capital ("Britain", "Moscow").
PLACE_ENTS = frozenset({"GPE", "LOC"})
STATE_ENTS = frozenset({"GPE", "NORP"})
NEEDS = frozenset({"-", "clause"})
# Dependency labels (grammar, not vocabulary).
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
# "Troops fired, the army said": the saying hangs off the act it reports.
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
GOVERNED_DEPS = frozenset({"xcomp", "relcl", "acl", "amod", "csubj", "csubjpass", "pcomp", "advcl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
SPEAKER_DEPS = frozenset({"nsubj", "dobj", "dative"})
# Where a role's phrase names the body it speaks for: "the company's president", "a spokesman for the bank".
MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
OWNER_PREPS = frozenset({"for", "at"})  # not "of": "the ministry of health" names its portfolio
# An event noun that reports an act as a clause's subject or object ("a blast hit", "announced the arrest").
ACT_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "ROOT"})
QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})
OPENING_QUOTES = frozenset({"\u201c", "``"})
CLOSING_AFTER = frozenset({".", ",", "?", "!", "\u2026", "'", "\u2019"})
# Auxiliaries by tag: a modal (MD: will, would, could, may) or "had" + participle (past perfect).
MODAL_TAG = "MD"
PARTICIPLE_TAG = "VBG"  # "..., saying ..."
# Verbs that join a subject to what is said of it ("the protests were illegal") and the dependents that say
# it; determiners of an act of any kind ("any attack"): grammar, not vocabulary.
COPULAS = frozenset({"be", "become", "remain", "seem"})
JUDGED_DEPS = frozenset({"acomp", "attr"})
GENERIC_DETS = frozenset({"any", "every"})
# Conjunctions of a contrasting clause that holds a statement of its own ("..., while Y said ...").
CONTRAST_MARKS = frozenset({"while", "whereas", "whilst"})
# The infinitives of "is said to be / to have": grammar, not vocabulary.
HEARSAY_INFINITIVES = frozenset({"be", "have"})


@dataclass(frozen=True, slots=True)
class StatementCues:
    """Reporting verbs (lemma -> whether it needs a said-clause) and political speakers (sector codes or
    code prefixes)."""

    verbs: Mapping[str, bool]
    speakers: frozenset[str]
    apart: frozenset[str] = frozenset()  # codes that stand beside the event they are about (a denial)
    documents: frozenset[str] = frozenset()  # nouns of texts that "say" things: no speaker ("the report")
    voices: frozenset[str] = frozenset()  # nouns by which a country speaks as a whole ("the Ukrainian side")
    aloud: frozenset[str] = frozenset()  # codes of verbal acts that are statements with no actor as recipient
    audience: frozenset[str] = frozenset()  # verbs whose object is the audience addressed ("told a rally")
    moods: Mapping[str, str] = dataclass_field(default_factory=dict)  # "optimistic" -> 013 ...

    def extend(self, other: StatementCues) -> StatementCues:
        """These cues with ``other``'s added (a user's file over the packaged one: theirs win)."""
        return StatementCues({**self.verbs, **other.verbs}, self.speakers | other.speakers,
                             self.apart | other.apart, self.documents | other.documents,
                             self.voices | other.voices, self.aloud | other.aloud,
                             self.audience | other.audience, {**self.moods, **other.moods})


def read_statement_cues(text: str, *, source: str = "<statements>") -> StatementCues:
    """Parse a ``statements.tsv`` file; :class:`DataError` names the bad line."""
    verbs: dict[str, bool] = {}
    speakers: set[str] = set()
    apart: set[str] = set()
    documents: set[str] = set()
    voices: set[str] = set()
    aloud: set[str] = set()
    audience: set[str] = set()
    moods: dict[str, str] = {}
    for row in read_rows(text, source=source, header=["kind", "word", "needs", "note"]):
        cells = row.cells
        if cells[0] not in KINDS or not cells[1] or cells[2] not in NEEDS:
            raise row.error(f"expected kind ({sorted(KINDS)}), word, needs ({sorted(NEEDS)}) and a note: "
                            f"{row.raw!r}")
        if cells[0] == "verb":
            verbs[cells[1].lower()] = cells[2] == "clause"
        elif cells[0] == "apart":
            apart.add(cells[1])
        elif cells[0] == "document":
            documents.add(cells[1].lower())
        elif cells[0] == "voice":
            voices.add(cells[1].lower())
        elif cells[0] == "aloud":
            aloud.add(cells[1])
        elif cells[0] == "audience":
            audience.add(cells[1].lower())
        elif cells[0] in MOOD_CODES:
            moods[cells[1].lower()] = MOOD_CODES[cells[0]]
        else:
            speakers.add(cells[1].upper())
    return StatementCues(verbs, frozenset(speakers), frozenset(apart), frozenset(documents),
                         frozenset(voices), frozenset(aloud), frozenset(audience), moods)


@functools.cache
def statement_cues() -> StatementCues:
    """The packaged cues (``events/data/statements.tsv``), loaded once."""
    text = packaged_text("tidings.events", "statements.tsv")
    return read_statement_cues(text, source="events/data/statements.tsv")


def statement_forms(cues: StatementCues | None = None) -> frozenset[str]:
    """Surface forms of the reporting verbs: a sentence with one of them and an actor is worth parsing, for
    the statement it may be."""
    cues = cues or statement_cues()
    return frozenset(form for lemma in cues.verbs for form in inflect_verb(lemma))


def speaker_home(speaker: Actor, country: str | None) -> Actor:
    """A speaker named by role only ("the ministry", "police", "prosecutors") speaks for the country the
    statement is placed in or the article is about; GDELT's convention for domestic actors."""
    placed = localise(speaker, country)
    return placed if placed is not None else speaker


def speaker_context(cand: Candidate, context: str | None, main: str | None) -> str | None:
    """The country a speaker named by role ("a union leader", "Ana Soto" introduced by a title of no
    country) speaks for: the article's country ``main`` when the sentence's country ``context`` comes only
    from what is said ("X told radio that nurses were leaving for jobs in Germany": X is no German), else
    ``context``."""
    if main is None or context == main or cand.source is None or not cand.source.actor.code.startswith("---"):
        return context
    verb = cand.trigger
    said = {t.i for c in verb.children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
    places = [e for e in verb.sent.ents if e.label_ in ("GPE", "LOC")]
    return main if places and all(e.start in said for e in places) else context


def said_in(cand: Candidate, place: str) -> bool:
    """Whether the place named ``place`` is written only inside what a speaker of a generic code says (its
    country is the content's, not the speaker's)."""
    if cand.source is None or not cand.source.actor.code.startswith("---"):
        return False
    verb = cand.trigger
    said = {t.i for c in verb.children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
    named = [e for e in verb.sent.ents if e.text == place]
    return bool(named) and all(e.start in said for e in named)


def is_statement(rule: str) -> bool:
    """Whether a candidate's rule marks it as a one-sided statement chosen here."""
    return rule.endswith(STATEMENT)


def political(actor: Actor, cues: StatementCues | None = None) -> bool:
    """A speaker whose public words are events: a listed sector or code prefix, or a whole country."""
    cues = cues or statement_cues()
    if actor.sector is not None and actor.sector.upper() in cues.speakers:
        return True
    if actor.code[:3].upper() in cues.speakers:
        return True  # IGOUNO, NGO...
    return actor.sector is None and actor.country is not None and actor.code == actor.country


def one_sided_statements(candidates: Iterable[Candidate], lexicon: Any = None,
                         cues: StatementCues | None = None,
                         sector_of: Callable[[str], str | None] | None = None,
                         before: Sequence[Any] = (), private: frozenset[int] = frozenset()
                         ) -> list[Candidate]:
    """The candidates of one sentence, with the one-sided statements among them marked (``:statement``, no
    target); every other candidate is returned unchanged. ``lexicon`` (the coder's) tells which words of a
    said-clause report an act the coder could not code: such a clause is an event's attribution, not a
    statement. ``sector_of`` (the knowledge base's role words) tells whose an official of no known country
    is: "the company's president", "hospital officials" speak for a company or a hospital. ``before`` are
    the sentences before this one (:class:`tidings.nlp.segment.Sentence`, nearest last): a pronoun speaker
    ("he said") stands only when the nearest of them that names anyone names the speaker, so that a quote
    of a resident the knowledge base does not know is not given to the politician named before. ``private``
    are the triggers of crimes between private persons the coder dropped (``SentenceCoder.private_acts``):
    a said-clause that reports only such a crime reports no event, so the saying is a statement ("police
    said a man stabbed his neighbour": 010, GUIDE sections 1 and 4)."""
    cues = cues or statement_cues()
    cands = [_told_audience(_defended_aloud(_asked_aloud(cand, cues), cues), cues) for cand in candidates]
    out: list[Candidate] = []
    # "The minister, speaking to the elders, said ...": the statement the coder made to the elders is the one
    # statement of its speaker and kind
    spoken = {(c.source.actor.code, c.code) for c in cands if ADDRESSED in c.rule and c.source is not None}
    absorbed: set[int] = set()  # "speaking to X, he said": the statement to X, not a meeting besides
    standing = frozenset(c.trigger.i for c in cands if c.code[:2] != "01" and _stands(c, cues))
    sided = frozenset(c.trigger.i for c in cands if c.trigger.i in standing and _sided(c))
    for cand in cands:
        if _stated_intent(cand, cues):  # "X said it would host the talks": the intent, nobody named
            out.append(replace(cand, rule=cand.rule + STATEMENT))
            continue
        if lexicon is not None and _attributes_act(cand, lexicon, cues, private, sided):
            continue  # "X told Y that troops shelled Z", "X says 20 civilians were killed": an attribution
        about = cand.code in cues.apart  # a denial stands beside what it denies
        if not _open_statement(cand) or not _stands_alone(cand, cands, cues) or (
                lexicon is not None and not about and
                _reported_act(cand.trigger, lexicon, standing, private, sided)) or (
                sector_of is not None and _speaks_for_others(cand, sector_of, cues)) or (
                not _antecedent_named(cand, before, sector_of or _no_sector)):
            out.append(_unaddressed(cand))
            continue
        assert cand.source is not None  # _open_statement checked it
        key = (cand.source.actor.code, cand.code)
        if key in spoken:
            continue  # "said ..., adding ...": one statement of a kind per speaker and sentence
        spoken.add(key)
        meeting = _spoken_to(cand, cands, cues)
        if meeting is not None:
            absorbed.add(meeting.trigger.i)
        target = meeting.target if meeting is not None else None
        out.append(replace(cand, code=_mood(cand, cues), target=target, rule=cand.rule + STATEMENT))
    return [c for c in out if c.trigger.i not in absorbed]


def _mood(cand: Candidate, cues: StatementCues) -> str:
    """The code of a plain statement whose said-clause says how the speaker sees a matter ("said she was
    optimistic about the talks" 013, "said he was pessimistic" 012: statements.tsv moods); else its own."""
    if cand.code != "010":
        return cand.code
    for clause in (c for c in cand.trigger.children if c.dep_ == "ccomp" and c.lemma_.lower() in COPULAS):
        speaker = any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in clause.children)
        if _negated_clause(clause) or not speaker:
            continue
        for comp in (c for c in clause.children if c.dep_ == "acomp"):
            if comp.lemma_.lower() in cues.moods:
                return cues.moods[comp.lemma_.lower()]
    return cand.code


def _negated_clause(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _spoken_to(cand: Candidate, cands: Sequence[Candidate], cues: StatementCues) -> Candidate | None:
    """The meeting (040) the coder made of a participle clause of the saying that names whom the speaker
    addresses ("speaking to the village elders, the governor said ..."): the statement is made to them
    (GUIDE section 4), unless they are the press, and there is no meeting beside it."""
    return next((other for other in cands if _addresses(other, cand, cues)), None)


def _addresses(other: Candidate, cand: Candidate, cues: StatementCues) -> bool:
    verb = other.trigger
    if other.code[:2] != "04" or other.target is None or not _leads(verb) or verb.head.i != cand.trigger.i:
        return False
    same = other.source is None or (cand.source is not None and
                                    other.source.actor.code == cand.source.actor.code)
    return same and verb.lemma_.lower() in cues.verbs and not _press(other.target, verb)


def _stated_intent(cand: Candidate, cues: StatementCues) -> bool:
    """An intention a political speaker states of its own act with nobody named as its recipient ("the
    minister said they would host the summit", a quote "we will withdraw," the minister said; "the
    ministry pledged to lift the ban"): the statement of intent is the event (CAMEO 03, GUIDE section 7),
    with an empty target as for a one-sided statement, not an appeal or promise to nobody."""
    if cand.code[:2] != "03" or cand.target is not None or cand.source is None:
        return False
    if cand.rule.split(":")[:2] not in (["intent", "reported"], ["intent", "promise"],
                                        ["intent", "reported-passive"]):
        return False
    return political(cand.source.actor, cues)


def _asked_aloud(cand: Candidate, cues: StatementCues) -> Candidate:
    """An appeal verb that is also a reporting verb of the cues ("asked"), with nobody asked, after the
    question it quotes ("'Why now?' the minister asked"): a public statement (010), not an appeal. With an
    addressee or an open complement ("asked Y to ...") it stays an appeal; a question told in indirect
    speech ("asked why ...") is left to the clause it reports."""
    trigger = cand.trigger
    if cand.code[:2] != "02" or cand.target is not None or cand.source is None or \
            trigger.lemma_.lower() not in cues.verbs:
        return cand
    if any(c.dep_ in ("xcomp", "dobj", "dative") or (c.dep_ == "ccomp" and c.i > trigger.i)
           for c in trigger.children):
        return cand
    before = trigger.doc[trigger.sent.start:trigger.i]
    return replace(cand, code="010") if any(t.text in QUOTES for t in before) else cand


def _defended_aloud(cand: Candidate, cues: StatementCues) -> Candidate:
    """A verbal act of a code listed ``aloud`` with no actor as its recipient, by a reporting verb of the cues
    ("the Treasury defended the levy, saying ...", "the minister defended the decision"): defending a
    measure in public is a statement (010); defending an actor ("defended the police") keeps its code."""
    if cand.code not in cues.aloud or cand.target is not None or cand.source is None or \
            cand.trigger.lemma_.lower() not in cues.verbs or _not_said(cand.trigger, cues):
        return cand  # "we will defend every inch" in a quote: what the one quoted says
    return replace(cand, code="010")


def _told_audience(cand: Candidate, cues: StatementCues) -> Candidate:
    """An event noun that is the object of a verb of addressing listed ``audience`` ("the minister told a
    rally in Quito that ...", "addressed a meeting of party members"): the audience the speaker addresses,
    so the candidate is the speaker's statement (010, on the verb, nobody as its recipient), not a rally or a
    meeting of the speaker's."""
    noun, verb = cand.trigger, cand.trigger.head
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "dative") or cand.source is None or \
            cand.code[:2] == "01" or verb.lemma_.lower() not in cues.audience:
        return cand
    return replace(cand, code="010", trigger=verb, target=None, rule=f"verb:{verb.lemma_.lower()}:audience")


def _open_statement(cand: Candidate) -> bool:
    """A statement candidate with a speaker and no addressee but the press, or but someone its said-clause
    is about ("the group says 20 civilians were killed": the civilians are not spoken to)."""
    return cand.code[:2] == "01" and cand.source is not None and (
        cand.target is None or _press(cand.target, cand.trigger) or _said_about(cand.target, cand.trigger))


def _attributes_act(cand: Candidate, lexicon: Any, cues: StatementCues,
                    private: frozenset[int] = frozenset(), sided: frozenset[int] | None = None) -> bool:
    """A plain statement (010) with someone as its target whose said-clause reports an act: the saying is
    that act's attribution, not an event of its own, whoever it was said to (GUIDE section 4)."""
    verb = cand.trigger
    if cand.code != "010" or cand.target is None or verb.lemma_.lower() not in cues.verbs:
        return False
    return _reported_act(verb, lexicon, private=private, sided=sided)


def _unaddressed(cand: Candidate) -> Candidate:
    """A statement without the target its said-clause is about: no statement event stands on it then."""
    if cand.code == "010" and cand.target is not None and _said_about(cand.target, cand.trigger):
        return replace(cand, target=None)
    return cand


def _said_about(ref: ActorRef, verb: Token) -> bool:
    """Whether the actor's words lie inside the verb's said-clause."""
    said = {t.i for c in verb.children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
    return ref.start in said


def _press(ref: ActorRef, trigger: Token) -> bool:
    """The addressee is the press ("reporters", "the media", a newspaper or agency named)."""
    if ref.actor.sector == "MED":
        return True
    classes = word_classes()
    return any("press" in classes.get(t.lemma_.lower(), frozenset()) for t in trigger.doc[ref.start:ref.end])


def _stands_alone(cand: Candidate, cands: list[Candidate], cues: StatementCues) -> bool:
    trigger = cand.trigger
    if trigger.pos_ not in ("VERB", "AUX") or cand.source is None:
        return False
    if cand.code == "010" and not _reporting(trigger, cand.rule, cues):
        return False
    if not political(cand.source.actor, cues) or _not_said(trigger, cues) or _document_says(trigger, cues):
        return False
    if _in_trial(trigger):
        return False
    if _nationality_only(cand.source, trigger.doc, cues) or _about_another_state(cand):
        return False
    if _saying_participle(trigger) and any(other.trigger.i == trigger.head.i for other in cands):
        return False  # "X condemned Y, saying ...": why X condemned Y, no statement of its own
    others = [other for other in cands if other.trigger.i != trigger.i and not _addresses(other, cand, cues)
              and not _why_said(other, cand) and not _own_saying(other, cand) and
              not (other.code[:2] == "01" and _said_beside(other.trigger))]
    return cand.code in cues.apart or not any(_reports(cand, other, cues) for other in others)


def _said_beside(verb: Token) -> bool:
    """A saying of its own speaker in a contrasting clause ("X said ..., while Y said ..."): a statement
    beside the main clause's, not governed by it nor reported by it."""
    return verb.dep_ == "advcl" and verb.tag_ != PARTICIPLE_TAG and \
        any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in verb.children) and \
        any(c.dep_ == "nsubj" for c in verb.children)


def _own_saying(other: Candidate, cand: Candidate) -> bool:
    """``other`` is the saying that reports ``cand``, a more specific word of the same speaker ("the
    government said it regretted the decision"): one statement, told by ``cand``'s code."""
    verb = cand.trigger
    return other.code == "010" and cand.code != "010" and verb.dep_ in REPORTED_DEPS and \
        other.trigger.i == verb.head.i and other.source is not None and cand.source is not None and \
        other.source.actor.code == cand.source.actor.code


def _why_said(other: Candidate, cand: Candidate) -> bool:
    """``other`` is a statement by a participle of saying after ``cand``'s verb ("defended the levy,
    saying ..."): the reason given for it, not an event ``cand`` reports."""
    verb = other.trigger
    return other.code[:2] == "01" and verb.head.i == cand.trigger.i and _saying_participle(verb)


def _reporting(verb: Token, rule: str, cues: StatementCues) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in cues.verbs:
        return False
    return not cues.verbs[lemma] or ":press" in rule or _has_clause(verb)


def _has_clause(verb: Token) -> bool:
    """A said-clause ("added that ..."), a quotation, or the verb hung off the clause it reports."""
    if any(c.dep_ in CLAUSE_DEPS for c in verb.children) or verb.dep_ in REPORTED_DEPS:
        return True
    return any(t.text in QUOTES for t in verb.sent)


def _leading_participle(verb: Token, cues: StatementCues) -> bool:
    """ "Speaking to reporters, the minister said ...": a participle of saying before the verb of saying
    it sets the scene for is the statement itself, not an act governed by another verb."""
    return _leads(verb) and verb.lemma_.lower() in cues.verbs and verb.head.lemma_.lower() in cues.verbs


def _leads(verb: Token) -> bool:
    """A participle set before the main clause it hangs off ("Speaking to X, he said ...")."""
    return bool(verb.tag_ == PARTICIPLE_TAG and verb.dep_ == "advcl" and verb.i < verb.head.i)


def _not_said(verb: Token, cues: StatementCues) -> bool:
    """Refused, denied, planned, conditional or background: not a statement made in the report; or told
    inside a quotation ("the officer told me ..."), where the one quoted speaks, not the officer."""
    if (verb.dep_ in GOVERNED_DEPS and not _saying_participle(verb) and not _leading_participle(verb, cues)
            and not _said_beside(verb)) or _said_to_be(verb):
        return True
    for child in verb.children:
        if child.dep_ == "neg" or child.tag_ == MODAL_TAG:
            return True
        if child.dep_ in SPEAKER_DEPS and child.pos_ == "PRON" and _first_or_second(child):
            return True
        if child.dep_ == "aux" and child.lemma_.lower() == "have" and child.tag_ == "VBD":
            return True  # "had said": told as background
    return False


def _saying_participle(verb: Token) -> bool:
    """ "The agency raised the death toll, saying at least 40 had died": a participle of saying set off by
    a comma after its main clause (or after a text issued, :func:`_issued_text`), with a said-clause of its
    own, is said by the main clause's subject."""
    if verb.tag_ != PARTICIPLE_TAG or verb.dep_ != "advcl" or verb.i < verb.head.i or \
            not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    return (verb.i > 0 and verb.doc[verb.i - 1].text == ",") or _issued_text(verb.head)


def _issued_text(verb: Token) -> bool:
    """The verb issues a text by which its subject speaks ("issued a statement on Monday saying ...";
    words.tsv class ``utterance``): a participle of saying after it needs no comma to be its subject's."""
    table = word_classes()
    return any(c.dep_ == "dobj" and "utterance" in table.get(c.lemma_.lower(), frozenset())
               for c in verb.children)


def _in_trial(verb: Token) -> bool:
    """Said to a jury or in a trial ("told the jury", "said during opening statements", "said in his
    testimony"): a step of court procedure, whose acts (charges, verdicts) are the events, not a public
    statement. A two-word entry is read as written ("opening statements", whichever way it is parsed)."""
    table = word_classes()
    heard = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
    holders = [verb] + [c for c in verb.children if c.dep_ == "nsubj"]  # or hung on the speaker
    near = [t for h in holders for prep in h.children if prep.dep_ == "prep" for t in prep.children]
    heard += near + [t for n in near for t in n.children if t.dep_ in ("dobj", "pobj")]
    for tok in heard:
        names = [tok.lemma_.lower()]
        if tok.i > 0:
            names.append(f"{tok.doc[tok.i - 1].lower_} {tok.lemma_.lower()}")
        if any("trial" in table.get(name, ()) for name in names):
            return True
    return False


def _document_says(verb: Token, cues: StatementCues) -> bool:
    """The verb's subject is a text, not a speaker ("the agency's annual report said ...")."""
    return any(c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in cues.documents for c in verb.children)


def _nationality_only(ref: ActorRef, doc: Any, cues: StatementCues) -> bool:
    """A whole-country speaker whose phrase does not name the country: its head is a common noun that is
    not a voice of the country ("a Kenyan analyst"), or a name that is not a place ("Lloyds Malta",
    "economist James Otieno")."""
    actor = ref.actor
    if actor.sector is not None or actor.country is None or actor.code != actor.country:
        return False
    span = doc[ref.start:ref.end]
    head = span.root
    if head.pos_ == "PRON" or head.lemma_.lower() in cues.voices:
        return False
    return head.ent_type_ not in PLACE_ENTS


def _about_another_state(cand: Candidate) -> bool:
    """A statement whose said-clause is about another state's deed: its subject is an act or a thing of that
    state ("the ministry said the US measures were protectionism", "said Ruritania's decision was wrong"), a
    judgement of that state coded by its content (criticism, praise), not a plain 010."""
    assert cand.source is not None
    doc, verb = cand.trigger.doc, cand.trigger
    own = {t.lower_ for t in doc[cand.source.start:cand.source.end]}
    for clause in (c for c in verb.children if c.dep_ in CLAUSE_DEPS):
        for subj in (c for c in clause.children if c.dep_ in SUBJECT_DEPS):
            if any(t.ent_type_ in STATE_ENTS and t.dep_ in MODIFIER_DEPS and t.head.i == subj.i
                   and t.lower_ not in own for t in subj.subtree):
                return True
    return False


def _said_to_be(verb: Token) -> bool:
    """A bare participle with an infinitive ("a man, 52 and said to be jobless"): what is said of someone by
    nobody named, not a statement made."""
    if not any(c.dep_ == "xcomp" and c.lemma_.lower() in HEARSAY_INFINITIVES for c in verb.children):
        return False  # "said to be", "said to have": the tagger may read the participle as a past tense
    return not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children)


def _first_or_second(pronoun: Token) -> bool:
    return bool(set(pronoun.morph.get("Person")) & {"1", "2"})


def _reports(statement: Candidate, other: Candidate, cues: StatementCues) -> bool:
    """Whether ``other`` is an event the statement reports (in its said-clause, or the clause the saying
    hangs off) and that stands as an event itself."""
    verb, trigger = statement.trigger, other.trigger
    subjects = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    own = {t.i for t in verb.subtree}
    if _leads(verb):  # "speaking to reporters, he said troops shelled the town"
        own |= {t.i for c in verb.head.children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
    inside = trigger.i in own and trigger.i not in subjects
    if not _sided(other) and _mentioned(trigger):
        return False  # "said the protests were illegal": an act with no side, judged, is no report
    # "X believes chlorine was used, the press service said": the saying hangs off the clause that holds
    # the act, or beside it
    around = verb.dep_ in REPORTED_DEPS and verb.head.i != verb.i and trigger.i not in own and \
        trigger.i in {t.i for t in verb.head.subtree}
    return (inside or around) and _stands(other, cues)


def _speaks_for_others(cand: Candidate, sector_of: Callable[[str], str | None], cues: StatementCues) -> bool:
    """A speaker named by role only whose phrase names a body that is not political ("the bank's governor",
    "school officials", "a spokeswoman for the airline")."""
    ref = cand.source
    if ref is None or not ref.actor.code.startswith("---"):
        return False
    doc = cand.trigger.doc
    words: list[Token] = []
    for tok in doc[ref.start:ref.end]:
        words.append(tok)
        words += [c for c in tok.children if c.dep_ in MODIFIER_DEPS]
        words += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in OWNER_PREPS
                  for p in c.children if p.dep_ == "pobj"]
    for tok in words:
        sector = sector_of(tok.lemma_.lower()) or sector_of(tok.lower_)
        if sector is not None and sector not in cues.speakers:
            return True
    return False


def _no_sector(word: str) -> str | None:
    return None


def _antecedent_named(cand: Candidate, before: Sequence[Any], sector_of: Callable[[str], str | None]) -> bool:
    """For a pronoun speaker: whether the nearest earlier text that names anybody (in this sentence before
    the pronoun, else in the sentences before) names the speaker, by name or by role."""
    ref = cand.source
    if ref is None or ref.end - ref.start != 1 or cand.trigger.doc[ref.start].pos_ != "PRON":
        return True
    for words, mentions in _prefix(cand.trigger, ref.start, before):
        named = _who(words, mentions, sector_of)
        if named is None:
            continue
        codes, sectors = named
        actor = ref.actor
        return actor.code in codes or (actor.sector is not None and actor.sector in sectors) or \
            _surname_named(words, actor)
    return True  # named further back: the article's discourse decided


def _surname_named(words: Sequence[str], actor: Actor) -> bool:
    """Whether ``words`` name the person ``actor`` by their surname ("Mensah told reporters ... 'We will
    not back down,' she said"): a person the knowledge base does not know, named by their title before, is
    in no known-name match of the sentence, but the discourse gave the pronoun their name."""
    parts = actor.name.split()
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return False
    return any(p in words for p in parts[1:])


def _prefix(trigger: Token, end: int, before: Sequence[Any]) -> list[tuple[list[str], list[Any]]]:
    """The words (and known-name matches) of this sentence before the pronoun at ``end`` but outside what
    is said ("..., he said": the quote names nobody who speaks), then of each earlier sentence, nearest
    first, without their quotations. Left-out words are blanked so that positions stay those of the
    sentence."""
    doc = trigger.doc
    said = {t.i for t in trigger.subtree} - {end}
    current = next((s for s in before if s.doc is doc), None)
    words = [t.text if t.i not in said else "" for t in doc[:end]]
    mentions = [] if current is None else [m for m in current.mentions
                                           if m[1] <= end and not any(i in said for i in range(m[0], m[1]))]
    out: list[tuple[list[str], list[Any]]] = [(words, mentions)]
    for sent in reversed([s for s in before if s is not current]):
        quoted = _quoted(sent.words, opens_after=sent.text.endswith(' "'))
        out.append(([w if i not in quoted else "" for i, w in enumerate(sent.words)],
                    [m for m in sent.mentions if not any(i in quoted for i in range(m[0], m[1]))]))
    return out


def _quoted(words: list[str], *, opens_after: bool = False) -> set[int]:
    """Positions of the words inside quotation marks. A sentence that starts inside a quotation opened in an
    earlier sentence (its first mark closes one: "... investigation.\"") is quoted up to that mark.
    ``opens_after``: the sentence's last word is a straight mark set off by a space, which opens the next
    sentence's quotation ('... the world. "We need ...' split after the mark), not one that closes here."""
    marks = [i for i, word in enumerate(words) if word in QUOTES]
    if opens_after and marks and marks[-1] == len(words) - 1:
        marks = marks[:-1]
        words = words[:-1]
    inside = bool(marks) and not _opening(words, marks[0])
    out: set[int] = set()
    for i in range(len(words)):
        if i in marks:
            inside = _opening(words, i)
        elif inside:
            out.add(i)
    return out


def _opening(words: list[str], i: int) -> bool:
    """Whether the quotation mark at ``i`` opens a quotation; a straight one closes after punctuation."""
    if words[i] in OPENING_QUOTES:
        return True
    if words[i] != '"':
        return False
    return i == 0 or words[i - 1] not in CLOSING_AFTER


def _who(words: list[str], mentions: list[Any], sector_of: Callable[[str], str | None]
         ) -> tuple[set[str], set[str]] | None:
    """The codes and sectors a run of words names, or ``None`` when it names nobody. A run of capitalised
    words that is no known name ("Tom Reed") names somebody unknown: no code, no sector."""
    codes = {m[2].code for m in mentions}
    sectors = {m[2].sector for m in mentions if m[2].sector} | _role_sectors(words, sector_of)
    covered = {i for m in mentions for i in range(m[0], m[1])}
    unknown = any(i > 0 and words[i][:1].isupper() and words[i + 1][:1].isupper() and
                  i not in covered and i + 1 not in covered for i in range(len(words) - 1))
    if not codes and not sectors and not unknown:
        return None
    return codes, sectors


def _role_sectors(words: list[str], sector_of: Callable[[str], str | None]) -> set[str]:
    """The sectors of the role words and two-word role phrases in ``words`` ("prosecuting authority" is a
    court's, though "authority" alone is a government's)."""
    lowered = [w.lower() for w in words]
    phrases = lowered + [f"{a} {b}" for a, b in itertools.pairwise(lowered) if a and b]
    return {sec for phrase in phrases if (sec := sector_of(phrase)) is not None}


def _reported_act(verb: Token, lexicon: Any, standing: frozenset[int] | None = None,
                  private: frozenset[int] = frozenset(), sided: frozenset[int] | None = None) -> bool:
    """Whether the said-clause holds a word the lexicon knows as an act other than a statement ("police said
    the suspect was charged", "officials said a blast hit the town"): the clause reports an event, which the
    saying attributes, even where the coder could not name its sides. An act the clause only mentions or
    judges (:func:`_mentioned`: "said the protests were illegal", "said the government would talk to the
    unions") is no report of an event, unless the coder made an event with a side of it (``sided``): the
    saying is then a statement of its own."""
    if verb.dep_ in REPORTED_DEPS and verb.head.i != verb.i:
        inner = {t.i for t in verb.subtree}
        scope = [t for t in verb.head.subtree if t.i not in inner]
    else:
        scope = [t for c in verb.children if c.dep_ in CLAUSE_DEPS for t in c.subtree]
    if _leads(verb):  # "speaking to reporters, he said troops shelled the town": what he said
        scope += [t for c in verb.head.children if c.dep_ in CLAUSE_DEPS for t in c.subtree]
    if _saying_participle(verb):  # "police raided the house, saying ...": the raid, and why
        inner = {t.i for t in verb.subtree}
        scope += [t for t in verb.head.subtree if t.i not in inner]
    disaster = any("disaster" in _classes(t) and t.pos_ in ("NOUN", "PROPN") for t in verb.sent)
    return any(t.i not in private and _act_word(t, lexicon) and
               not (disaster and _harm_by_nobody(t, lexicon)) and
               (standing is None or t.i in standing or _material(t, lexicon) or
                (not _background(t) and not _foreseen(t))) and
               (t.i in (sided or ()) or not _mentioned(t))
               for t in scope)


def _foreseen(tok: Token) -> bool:
    """A verb of an act under a modal ("the government would talk to the unions", "would not withdraw the
    bill"): a verbal or cooperative act the coder made no event of, foreseen, not reported as done."""
    return tok.pos_ == "VERB" and any(c.tag_ == MODAL_TAG for c in tok.children)


def _sided(cand: Candidate) -> bool:
    """A candidate with at least one side named: an event of its own whatever the place."""
    return cand.source is not None or cand.target is not None


def _mentioned(tok: Token) -> bool:
    """An act word that what is said only mentions or judges, not one it reports as having happened: the
    subject of a judgement ("the protests were illegal", "the arrests were lawful", "kidnapping has become
    a business", "the killings were part of a pattern"), the subject of a clause under a modal ("arrests
    alone would not solve the problem"), a right or an aim named by an infinitive of a noun ("the right to
    strike") or an act of any kind ("any escalation"). A verb of an act under a modal ("the government
    would talk to the unions") is left to the coder: a stated intention (GUIDE section 7), not a mention."""
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_.lower() in COPULAS and head.i != tok.i and \
            not any(c.dep_ == "auxpass" for c in head.children) and \
            any(c.dep_ in JUDGED_DEPS for c in head.children):
        return True  # "the protest was peaceful", not "was held" nor "was on Monday"
    if any(c.dep_ == "det" and c.lower_ in GENERIC_DETS for c in tok.children):
        return True
    if tok.pos_ == "VERB":  # "the right to strike", "a plan to burn shops"
        return tok.dep_ == "acl" and head.pos_ == "NOUN" and \
            any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
    return tok.dep_ == "nsubj" and any(c.tag_ == MODAL_TAG for c in head.children)


def _background(tok: Token) -> bool:
    """An act told as background inside what is said: in the past perfect ("the council had endorsed the
    plan") within a clause of concession or time ("while ...", "although ...")."""
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ == "VBD" for c in tok.children)
    return perfect and tok.dep_ == "advcl"


def _material(tok: Token, lexicon: Any) -> bool:
    """Whether a word of the said-clause is an act of material conflict (an attack, an arrest, a protest):
    reported, it is an event whether or not the coder could name its sides. A verbal or cooperative act
    the coder made no event of ("while the council had endorsed the plan") leaves the statement standing."""
    if tok.pos_ == "VERB":
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        if _bound_conflict(tok, particle, lexicon):
            return True
        entry = lexicon.verb(tok.lemma_.lower(), particle=particle,
                             obj=next((c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"), None))
    else:
        entry = lexicon.noun(tok.lemma_.lower())
    return entry is not None and _conflict(entry)


def _harm_by_nobody(tok: Token, lexicon: Any) -> bool:
    """A harm with nobody named as doing it ("scores were injured", "homes were destroyed") in a sentence
    that names a disaster: the disaster's harm, which the coder does not code (an act of nobody), so that
    the saying is a statement of its own ("... after floods swept the valley, the agency said")."""
    entry = lexicon.verb(tok.lemma_.lower()) if tok.pos_ == "VERB" else lexicon.noun(tok.lemma_.lower())
    if entry is None or entry.code[:2] not in ANONYMOUS_ROOTS:
        return False
    return not any(c.dep_ in ("nsubj", "agent") or (c.dep_ == "poss" and c.pos_ == "PROPN")
                   for c in tok.children)


def _classes(tok: Token) -> frozenset[str]:
    table = word_classes()
    return table.get(tok.lemma_.lower()) or frozenset()


def _act_word(tok: Token, lexicon: Any) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        obj = next((c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"), None)
        entry = lexicon.verb(lemma, particle=particle, obj=obj)
        if _bound_conflict(tok, particle, lexicon):
            return True
    elif tok.pos_ == "NOUN" and tok.dep_ in ACT_NOUN_DEPS:
        entry = lexicon.noun(lemma)
    else:
        return False
    if entry is None or entry.weak or entry.code[:2] in ("01", "02"):
        return False
    if _conflict(entry):
        return True
    # another party's act: "the official said rebels took over the fields", not "said it had started"; the
    # subject of a verb of an open clause is its governor's ("X failed to negotiate", "X had to file")
    doers = list(tok.children) + (list(tok.head.children) if tok.dep_ == "xcomp" else [])
    return any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and not _own_voice(c) for c in doers)


def _own_voice(noun: Token) -> bool:
    """A bare voice of a country as the subject of what is said ("the ministry said the kingdom supported a
    two-state solution", "the country would stay neutral"): the speaker's own side, not another party."""
    return noun.lemma_.lower() in statement_cues().voices and \
        all(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _conflict(entry: Any) -> bool:
    kind = plover(entry.code)
    return not entry.weak and kind is not None and kind.type in ACTORLESS_TYPES


def _bound_conflict(verb: Token, particle: str | None, lexicon: Any) -> bool:
    """A phrasal verb of material conflict whatever its object ("took over the fields"), or a passive one
    whose preposition is left out ("was charged" for "charged with")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for entry in lexicon.candidates(verb.lemma_.lower()):
        bound = entry.particle is not None and (entry.particle == particle or (passive and not entry.obj))
        if bound and _conflict(entry):
            return True
    return False


def _stands(cand: Candidate, cues: StatementCues) -> bool:
    """Roughly whether a candidate stands as an event (:func:`tidings.events.sides.admissible`)."""
    source = cand.source.actor if cand.source is not None else None
    target = cand.target.actor if cand.target is not None else None
    if source is None and target is None:
        kind = plover(cand.code)
        return kind is not None and kind.type in ACTORLESS_TYPES  # the pipeline places it where it happened
    if cand.code[:2] == "01" and source is not None and target is None:
        return political(source, cues)
    return admissible(cand.code, source, target)
