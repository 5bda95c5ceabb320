"""The main event of an article as who, what, when, where, why and how (5W1H).

News puts the main event first (the inverted pyramid), so the answers are read from the lead: the title and
the first sentences. The most salient coded event (the earliest in the lead, one with both sides first) gives
who and what when there is one; otherwise the subject and the predicate of the first sentence whose subject
names an actor; a headline with a finite verb overrides them, and so does one that leaves out its copula
("Seven killed as bus crashes": who is "Seven", what the whole headline) or hangs an event clause on a noun
phrase ("Tears of joy as fans celebrate ..."). When and where are the first date expression (a clock time such
as "at 6am" counts) and the most specific place of the lead, resolved against the publication date and
geocoded; a site named beside its town ("outside the X Hotel in Leeds") gives the town. When the lead dates
nothing, the next sentences may, but only with a date of the publication day or the day before; why is a cause
clause ("because ...", "due to ...", "amid ...") of the main sentence; how is a manner phrase ("by ...", "with
...") of its main verb. A question the lead does not answer with confidence stays null: a wrong answer is
worse than none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from tidings.attribution.cues import REPORT_VERBS
from tidings.dates import DateResolver, anchored_on_event, is_date_expression
from tidings.nlp.model import parser
from tidings.nlp.segment import Sentence, parse
from tidings.record import Article, Event

if TYPE_CHECKING:
    from tidings.pipeline import Pipeline, Prepared
    from tidings.resources import Resources

LEAD_SENTENCES = 3
QUESTIONS: tuple[str, ...] = ("who", "what", "when", "where", "why", "how")
# How far into the article a country-level "where" is narrowed down to a town of that country.
REFINE_SENTENCES = 8
# A date this many days or more before publication is background, not the time of the main event.
BACKGROUND_DAYS = 180
# Below the lead, only a date this close to publication is taken for the main event (older ones are context).
RECENT_DAYS = 1
CAUSE_MARKERS: frozenset[str] = frozenset({"because", "since", "amid", "over"})
CAUSE_PHRASES: tuple[tuple[str, ...], ...] = (("due", "to"), ("because", "of"), ("as", "a", "result", "of"),
                                              ("in", "response", "to"), ("thanks", "to"), ("owing", "to"))
AFTER_MARKERS: frozenset[str] = frozenset({"after", "following"})
CAUSATIVE_VERBS: frozenset[str] = frozenset({"spark", "trigger", "cause", "prompt", "provoke", "fuel", "spur",
                                             "ignite", "stir"})
FORCE_ROOTS: frozenset[str] = frozenset({"17", "18", "19", "20"})
"""CAMEO roots of acts of force (coerce, assault, fight, mass violence), whose means answer "how"."""
ACTOR_ENTS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_ENTS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
MAX_WHAT_TOKENS = 10
VENUE_ENTS: frozenset[str] = frozenset({"WORK_OF_ART", "EVENT"})
SPATIAL_PREPOSITIONS: frozenset[str] = frozenset({"at", "outside", "inside", "near"})
WH_TAGS: frozenset[str] = frozenset({"WDT", "WP", "WP$", "WRB"})
HEADLINE_CARRIERS: frozenset[str] = frozenset(REPORT_VERBS | {"show", "reveal", "see", "tell"})
"""Headline verbs that carry the event in their clause ("X says Y did Z", "video shows Y doing Z")."""
PRONOUNS: frozenset[str] = frozenset({"he", "she", "it", "they", "his", "her", "its", "their", "him", "them",
                                      "who", "which", "that"})


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: a phrase from the article and its resolved values (code, date, geonameid, ...)."""

    text: str
    values: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, **dict(self.values)}


@dataclass(frozen=True, slots=True)
class Summary:
    doc_id: str
    who: Answer | None
    what: Answer | None
    when: Answer | None
    where: Answer | None
    why: Answer | None
    how: Answer | None

    def answer(self, question: str) -> Answer | None:
        value: Answer | None = getattr(self, question)
        return value

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doc_id": self.doc_id}
        for q in QUESTIONS:
            a = self.answer(q)
            out[q] = a.to_dict() if a is not None else None
        return out


@dataclass(slots=True)
class Lead:
    """Where an article's 5W1H are read: its title (a sentence of its own) and its first sentences."""

    title: Sentence | None
    sentences: list[Sentence]

    def unparsed(self) -> list[Sentence]:
        return [s for s in ([self.title] if self.title else []) + self.sentences if s.doc is None]


def lead_of(prepared: Prepared) -> Lead:
    """The title and lead sentences of a prepared article (``Pipeline.prepare``).

    A title the text does not start with becomes a sentence of its own (index -1, no offsets); one the text
    starts with is its first sentence.
    """
    article: Article = prepared.article
    sentences: list[Sentence] = prepared.sentences
    title_text = " ".join((article.title or "").split())
    title: Sentence | None = None
    rest = sentences
    if title_text:
        first = " ".join(sentences[0].text.split()) if sentences else ""
        if first == title_text or first.rstrip(".") == title_text.rstrip("."):
            title, rest = sentences[0], sentences[1:]
        else:
            title = Sentence(-1, -1, 0, 0, title_text, title_text.split())
    return Lead(title, [s for s in rest if len(s.words) >= 4][:LEAD_SENTENCES])


def summarise(pipeline: Pipeline, article: Article) -> Summary:
    """5W1H of one article's main event (raises :class:`~tidings.errors.InputError` like ``extract``)."""
    summary = pipeline.process_one(article, summary=True).summary
    assert summary is not None
    return summary


def summarise_prepared(prepared: Prepared, res: Resources, events: list[Event],
                       lead: Lead | None = None) -> Summary:
    """:func:`summarise` of an article the pipeline has prepared and coded (its ``events``); parses the
    lead sentences (and title) not parsed yet, unless ``lead`` says they are."""
    article: Article = prepared.article
    lead = lead or lead_of(prepared)
    parse(lead.unparsed())
    published = prepared.published
    dates = DateResolver(published)
    main = _main_event(events, {s.index for s in lead.sentences})
    docs = [s.doc for s in ([lead.title] if lead.title else []) + lead.sentences if s.doc is not None]
    # the lead may leave when or where to the next sentences ("... at around 6am", "The boy fell in X")
    below = [s for s in prepared.sentences[:REFINE_SENTENCES]
             if s not in lead.sentences and len(s.words) >= 4]
    parse([s for s in below if s.doc is None])
    more = [s.doc for s in below]
    who, what, sent = _who_what(main, lead.sentences)
    if lead.title is not None:
        # the headline states the main event: its agent and verb phrase answer who and what
        t_who, t_what = _headline_of(lead.title.text, article.text, res, published)
        if t_what is not None:
            what = t_what
            if t_who is not None:
                who = _counted_in_lead(t_who, lead.sentences) or t_who
    return Summary(
        doc_id=article.id,
        who=who,
        what=what,
        when=_when(docs, dates, main) or _when(more, dates, None, within=RECENT_DAYS),
        where=_refine_where(_where(docs, res, main), prepared, res),
        why=_why_of(docs[0] if lead.title is not None and docs else None, sent, res),
        how=_how(sent) or next((a for a in (_instrument(d[:], res) for d in docs) if a), None),
    )


def _counted_in_lead(who: Answer, lead: list[Sentence]) -> Answer | None:
    """A headline that only counts its subjects ("Several dead after ...", "Seven hurt as ...") leaves who
    they are to the lead: the first lead subject that is counted ("Some forty miners were trapped ...")."""
    counts = QUANTIFIERS | NUMBER_WORDS
    if any(not (w.isdigit() or w.lower() in counts) for w in who.text.split()):
        return None
    for sent in lead[:1]:
        doc = sent.doc
        if doc is None:
            continue
        for tok in doc:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and any(
                    c.tag_ == "CD" or c.lower_ in QUANTIFIERS for c in tok.subtree):
                return Answer(_phrase(tok, limit=6).text)
    return None


NUMBER_WORDS: frozenset[str] = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                                          "nine", "ten", "eleven", "twelve", "twenty", "dozen", "dozens"})


def _main_event(events: list[Event], lead: set[int]) -> Event | None:
    # a source the text does not write (protesters implied by "protests") answers no "who"
    mine = [e for e in events if e.sentence in lead and e.source is not None and e.source.text]
    if not mine:
        return None
    return min(mine, key=lambda e: (e.sentence, e.target is None,
                                    e.factuality not in ("asserted", "reported"),
                                    e.trigger_span[0] if e.trigger_span else 0))


def _phrase(tok: Token, limit: int = 8) -> Span:
    left = min(t.i for t in tok.subtree)
    right = max(t.i for t in tok.subtree) + 1
    doc = tok.doc
    # cut at a relative clause, an apposition or a comma
    for t in doc[tok.i + 1:right]:
        if t.dep_ in ("relcl", "appos", "acl", "cc") or t.text in (",", "(", "-", "—", ":"):
            right = t.i
            break
    return doc[max(left, right - limit) if tok.i - left > limit else left:min(right, left + limit + 1)]


def _who_what(main: Event | None, lead: list[Sentence]) -> tuple[Answer | None, Answer | None, Span | None]:
    if main is not None:
        sent = next(s for s in lead if s.index == main.sentence)
        doc = sent.doc
        src = main.source
        who = None
        if src is not None:
            shown = src.name if src.text.lower() in PRONOUNS else src.text
            who = Answer(shown, (("name", src.name), ("code", src.code)))
        at = main.trigger_span[0] - sent.start if main.trigger_span else -1
        trigger = next((t for t in doc if t.idx == at), None)
        predicate = _predicate(trigger) if trigger is not None else None
        what = Answer(predicate.text, (("cameo", main.cameo.code),)) if predicate is not None else None
        return who, what, doc[:]
    for sent in lead:
        doc = sent.doc
        if doc is None:
            continue
        root = next((t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
        if root is None:
            continue
        if root.lemma_.lower() in REPORT_VERBS:
            root = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
            if root is None:
                continue
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON" or not any(
                t.ent_type_ in ACTOR_ENTS for t in subj.subtree):
            continue
        phrase = _phrase(subj, limit=5)
        if not any(t.ent_type_ in ACTOR_ENTS for t in phrase):
            continue
        predicate = _predicate(root)
        return (Answer(phrase.text), Answer(predicate.text) if predicate is not None else None, doc[:])
    return None, None, None


TITLE_SMALL_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from", "as",
    "is", "are", "be", "vs", "via", "into", "over", "after"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_QUOTED_PREFIX = re.compile(r"""^\s*(['"‘“])[^'"‘’“”]{1,80}(['"’”])\s+""")


def headline_segments(title: str) -> list[str]:
    """The parts of a headline that may state the event, in order: a leading quotation ("'ENOUGH IS ENOUGH'
    Mayor closes ...") is dropped, and a label before a colon ("Storm hits coast: Thousands flee
    ...") makes its own part, as does the rest; then the whole headline."""
    title = " ".join(title.split())
    stripped = _QUOTED_PREFIX.sub("", title, count=1)
    out: list[str] = []
    for part in stripped.split(": "):
        part = part.strip(" -|")
        if len(part.split()) >= 2:
            out.append(part)
    if title not in out:
        out.append(title)  # the whole headline last ("'Enough' says X" has its subject after the quote)
    return out


def truecase(title: str, body: str) -> str:
    """A headline Written In Title Case with each capitalised word in the case the article body writes it
    most often (a word the body does not use is lowered unless it comes first); others as they are."""
    words = _WORD.findall(title)
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    if len(content) < 3 or sum(w[0].isupper() for w in content) < 0.8 * len(content) or \
            sum(w.isupper() for w in content) > len(content) / 2:
        return title
    counts = Counter(_WORD.findall(body))
    first = True

    def fix(m: re.Match[str]) -> str:
        nonlocal first
        w = m.group(0)
        was_first, first = first, False
        if not w[0].isupper() or (w.isupper() and len(w) > 1):
            return w
        low = w.lower()
        if counts[low] > counts[w] or (counts[low] == counts[w] == 0 and not was_first):
            return low
        return w

    return _WORD.sub(fix, title)


def _past(word: str) -> str:
    """A regular past tense of a headline's present-tense verb ("slams" -> "slamed"; close enough for the
    parser, which then reads the word as a verb)."""
    stem = word[:-1]
    if word.endswith("ies"):
        stem = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes", "zes")):
        stem = word[:-2]
    if stem.endswith("y") and len(stem) > 2 and stem[-2] not in "aeiou":
        return stem[:-1] + "ied"
    return stem + ("d" if stem.endswith("e") else "ed")


def _verb_forms(word: str) -> tuple[str, ...]:
    """Past and -ing forms of a present-tense headline verb ("stages": staged, staging; "slams": slammed)."""
    past = _past(word)
    stem = past[:-2] if past.endswith("ed") else past[:-1]
    forms = [past, stem + "ing", stem.removesuffix("e") + "ing"]
    if len(stem) >= 3 and stem[-1] not in "aeiouwxy" and stem[-2] in "aeiou" and stem[-3] not in "aeiou":
        forms += [stem + stem[-1] + "ed", stem + stem[-1] + "ing"]  # slam -> slammed, slamming
    return tuple(dict.fromkeys(forms))


def _verb_variant(doc: Any, body: str) -> tuple[str, bool] | None:
    """The headline with its first present-tense verb the parser read as a noun ("Ana Lopez protests outside
    ...", "Train derails near ...") put in the past tense: a lower-case word in -s after a noun. The flag says
    whether the article body uses the word's past or -ing form (then the variant is the likelier reading;
    otherwise it is tried last, and only right after a leading name). None when there is no such word."""
    lowered = body.lower()
    for tok in doc[1:]:
        word = tok.text
        prev = doc[tok.i - 1]
        if tok.pos_ not in ("NOUN", "PROPN") or not word.isalpha() or not word.islower() or len(word) < 3 or \
                prev.pos_ not in ("NOUN", "PROPN"):
            continue
        plural = not word.endswith("s") and (prev.tag_ in ("NNS", "NNPS") or prev.dep_ == "conj")
        if plural:
            word += "s"  # a plural subject's verb ("X and Y meet at ...", "Rebels seize ..."): as its -s form
        elif not word.endswith("s") or word.endswith(("ss", "us", "is")) or len(word) < 4:
            continue
        attested = any(re.search(rf"\b{form}\b", lowered) for form in _verb_forms(word))
        if plural and not attested:
            continue  # most likely a noun after a plural one ("Sports world reacts ..."): read on
        after_name = any(e.end == tok.i and e.start <= 1 and e.label_ in ACTOR_ENTS for e in doc.ents)
        if attested or after_name:
            return doc[:tok.i].text_with_ws + _past(word) + tok.whitespace_ + doc[tok.i + 1:].text, attested
        return None
    return None


def _headline_of(title: str, body: str, res: Resources,
                 published: dt.date | None) -> tuple[Answer | None, Answer | None]:
    """Who and what of the first part of a headline (see :func:`headline_segments`) that has a subject and a
    finite verb, read in its own words but parsed as written, truecased, or with an ambiguous leading
    verb made past (the answers keep the headline's words)."""
    nlp = parser()
    for segment in headline_segments(title):
        shown = nlp(segment)
        texts = [segment]
        cased = truecase(segment, body)
        if cased != segment:
            texts.append(cased)
        for text in list(texts):
            variant = _verb_variant(nlp(text), body)
            if variant is not None:
                texts.insert(0 if variant[1] else len(texts), variant[0])
        for text in texts:
            doc = shown if text == segment else nlp(text)
            if len(doc) != len(shown):
                continue
            who, what = _headline(doc, res, published, shown)
            if what is not None:
                return who, what
    for segment in headline_segments(title):
        # no part has a finite verb with a subject: a headline with its copula left out ("Seven killed as
        # ...") or an event clause hung on a noun phrase ("Tears of joy as fans celebrate ...")
        shown = nlp(segment)
        who, what = _elliptical_headline(shown)
        if what is None:
            who, what = _clause_headline(shown, res, published)
        if what is not None:
            return who, what
    return None, None


QUANTIFIERS: frozenset[str] = frozenset({"several", "many", "some", "few", "dozens", "scores", "hundreds",
                                         "thousands", "millions"})
NOMINAL_TAGS: frozenset[str] = frozenset({"NN", "NNS", "NNP", "NNPS", "CD"})


def _elliptical_headline(doc: Any) -> tuple[Answer | None, Answer | None]:
    """A headline that leaves out its copula: "Seven killed as bus crashes", "Three dead and dozens hurt
    after storm", "Bridge closed after crash". Its subject (a number, a quantity or a noun phrase before
    the participle or predicative adjective) is who; the whole headline states the event and is what."""
    for tok in doc[1:]:
        if tok.tag_ in ("VBZ", "VBP", "VBD", "MD"):
            return None, None  # a finite verb: not elliptical
        prev = doc[tok.i - 1]
        if tok.tag_ not in ("VBN", "JJ") or not (prev.tag_ in NOMINAL_TAGS or prev.lower_ in QUANTIFIERS):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ in NOMINAL_TAGS:
            continue  # an adjective before its noun ("Seven new cases"), not a predicate
        subject = doc[:tok.i]
        if not all(t.tag_ in NOMINAL_TAGS or t.lower_ in QUANTIFIERS or t.tag_ in ("DT", "JJ", "POS", "HYPH")
                   for t in subject):
            return None, None
        return Answer(subject.text), Answer(doc[:_fit(doc, 0, len(doc), MAX_WHAT_TOKENS + 2)].text)
    return None, None


def _clause_headline(doc: Any, res: Resources,
                     published: dt.date | None) -> tuple[Answer | None, Answer | None]:
    """A headline whose root is a noun phrase with an event clause hung on it ("Tears of joy as fans
    celebrate title", "Chaos after storm hits coast"): the clause's subject and verb phrase."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("NOUN", "PROPN"):
        return None, None
    clause = next((c for c in root.children if c.dep_ == "advcl" and c.tag_ in ("VBZ", "VBP", "VBD")), None)
    if clause is None:
        return None, None
    return _headline(doc, res, published, root=clause)


def _headline(doc: Any, res: Resources, published: dt.date | None,
              shown: Any = None, root: Token | None = None) -> tuple[Answer | None, Answer | None]:
    """Who and what of a headline: the subject of its main verb and the verb phrase ("Clinton blames
    Comey letters for defeat"). A headline without a finite verb and a subject gives nothing. ``shown``
    is the headline as written when ``doc`` parses a variant of it with the same tokens."""
    shown = doc if shown is None else shown
    if root is None:
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and any(c.dep_ == "nsubj" and c.lower_ in ("i", "you", "we") for c in root.children):
        # "You knew it would be hard, but the Cubs are champions": the writer's aside, then the news
        root = next((c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(
            s.dep_ in ("nsubj", "nsubjpass") and s.pos_ != "PRON" for s in c.children)), root)
    if root is not None and root.lemma_.lower() in HEADLINE_CARRIERS:
        # "Reports say Clinton blames Comey", "Footage shows boy fall into well": the reported clause
        root = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")),
                    None)
    patient = None
    if root is not None and root.pos_ in ("NOUN", "PROPN"):
        # "Embassy attacked by militia": a noun headline whose participle carries the event
        participle = next((c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        if participle is not None:
            patient, root = root, participle
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None, None
    subj = patient or next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON" or subj.lower_ in PRONOUNS or subj.tag_ in WH_TAGS or \
            any(t.tag_ in WH_TAGS for t in subj.subtree):
        return None, None
    predicate = _predicate(root)
    if predicate is None:
        return None, None
    agent = _agent_of(root) if patient is not None or subj.dep_ == "nsubjpass" or _bare_participle(root) \
        else None
    if agent is None and subj.dep_ == "nsubj" and not _names_someone(subj, res):
        # "An epic Game 7 delivers Cubs a title": a thing or an occasion as subject; the party it affects,
        # named as its object, is who the story is about
        affected = next((c for c in root.children if c.dep_ in ("dative", "dobj") and (
            c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (c.dep_ == "dative" and c.pos_ == "PROPN"))),
            None)
        if affected is not None:  # its name only: "Cubs", not "Cubs a World Series"
            left = min([affected.i] + [c.i for c in affected.lefts if c.dep_ in ("compound", "amod", "det")])
            span = doc[left:affected.i + 1]
            found = res.kb.resolve([t.text for t in span], published)
            named: tuple[tuple[str, Any], ...] = (("name", found.name), ("code", found.code)) if found else ()
            what = Answer(shown[predicate.start:predicate.end].text)
            return Answer(shown[span.start:span.end].text, named), what
    parsed = _drop_place_possessive(_phrase(agent if agent is not None else subj, limit=5))
    phrase = shown[parsed.start:parsed.end]
    # an event, a work or a building named after a country ("Brazilian Grand Prix") is not that country
    thing = parsed.root.ent_type_ in ("EVENT", "WORK_OF_ART", "PRODUCT", "FAC", "LAW")
    actor = None if thing else res.kb.resolve([t.text for t in phrase], published)
    values: tuple[tuple[str, Any], ...] = ()
    if actor is not None:
        values = (("name", actor.name), ("code", actor.code))
    return Answer(phrase.text, values), Answer(shown[predicate.start:predicate.end].text)


def _names_someone(subj: Token, res: Resources) -> bool:
    """Whether a subject phrase names a person, group or place, a role ("police"), or counts people."""
    if subj.tag_ == "CD" or subj.lower_ in QUANTIFIERS:
        return True  # "Seven die in crash"
    return any(t.ent_type_ in ACTOR_ENTS or res.kb.sector_of(t.lemma_.lower()) is not None
               for t in subj.subtree)


def _agent_of(verb: Token) -> Token | None:
    """The doer of a passive: "bombed by the Taliban", "bombed in an attack by the Taliban"."""
    for tok in verb.subtree:
        if tok.dep_ in ("agent", "prep") and tok.lower_ == "by" and verb.i in (
                tok.head.i, tok.head.head.i, tok.head.head.head.i):
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None and any(t.ent_type_ in ACTOR_ENTS for t in pobj.subtree):
                return pobj
    return None


def _bare_participle(verb: Token) -> bool:
    """A headline passive without its auxiliary: "Consulate bombed by Taliban"."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)


def _drop_place_possessive(phrase: Span) -> Span:
    """ "Brazil's Massa" -> "Massa": a country in the possessive only says where the person is from."""
    if len(phrase) >= 3 and phrase[1].tag_ == "POS" and phrase[0].ent_type_ in ("GPE", "NORP") and \
            any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in phrase[2:]):
        return phrase[2:]
    return phrase


def _predicate(verb: Token) -> Span | None:
    """The verb with its auxiliaries, particles and first object or complement, without the subject."""
    doc = verb.doc
    if verb.pos_ not in ("VERB", "AUX"):
        return doc[verb.i:verb.i + 1]
    keep = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp", "xcomp", "oprd")), None)
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ == "prep"), None)
    if obj is not None:
        keep += [t for t in obj.subtree]
    start = min(t.i for t in keep)
    end = _trailing_adverbs(verb, max(t.i for t in keep) + 1)
    for t in doc[verb.i + 1:end]:
        if t.text in (",", ";", ":", "—") or t.dep_ == "relcl" or t.tag_ in WH_TAGS:
            end = t.i
            break
    return doc[start:_fit(doc, start, end, MAX_WHAT_TOKENS)]


def _trailing_adverbs(verb: Token, end: int) -> int:
    """Extend a verb phrase ending at ``end`` over the words right after it that the parser hung on the verb
    as adverbs ("slid into the 20m wide ditch": "wide ditch" read as adverbs of "slid")."""
    doc = verb.doc
    while end < len(doc):
        word = doc[end]
        while word.head.i > word.i and word.dep_ in ("advmod", "amod", "compound", "npadvmod") and \
                word.head.i - end < 3:
            word = word.head
        if word.dep_ != "advmod" or word.head.i != verb.i or word.pos_ not in ("ADV", "ADJ", "NOUN") or \
                word.tag_ in WH_TAGS:
            break
        end = word.i + 1
    return end


_NOUN_PHRASE_DEPS = frozenset({"amod", "compound", "nummod", "poss", "det", "punct", "npadvmod", "case"})


def _fit(doc: Any, start: int, end: int, limit: int) -> int:
    """Where a phrase ``doc[start:end]`` shown as an answer ends: at most ``limit`` tokens, cut at a phrase
    boundary, not inside a word or a noun phrase ("... riddled by red flags", not "... riddled by red";
    "... transition talks", not "... transition talks with"; "Mazar-i-Sharif", not "Mazar-i")."""
    if end - start > limit:
        cut = start + limit
        head = doc[cut - 1]
        while head.dep_ in _NOUN_PHRASE_DEPS and head.head.i > head.i:
            head = head.head
        if cut <= head.i < min(end, cut + 2) and head.pos_ in ("NOUN", "PROPN"):
            end = head.i + 1  # the head noun of the phrase being cut is one or two words on
        else:
            bounds = [t.i for t in doc[start + 2:cut + 1] if t.pos_ in ("ADP", "SCONJ", "CCONJ", "PUNCT")
                      and t.tag_ != "HYPH"]
            end = bounds[-1] if bounds else cut
    while 0 < end < len(doc) and not doc[end - 1].whitespace_ and (
            doc[end].tag_ == "HYPH" or doc[end - 1].tag_ == "HYPH" or not doc[end].is_punct):
        end += 1  # a word spaCy split ("Mazar-i-Sharif", "130ft")
    return end


def _when(docs: list[Any], dates: DateResolver, main: Event | None, *,
          within: int = BACKGROUND_DAYS) -> Answer | None:
    """The main event's date, else the first date expression of ``docs`` that dates something at most
    ``within`` days before publication (a clock time, "at 00:48", counts even when tagged as a number)."""
    if main is not None and main.date_text and main.date is not None:
        return Answer(main.date_text, (("date", main.date.isoformat()), ("precision", main.date_precision)))
    for doc in docs:
        for ent in doc.ents:
            text = _date_text(ent)
            if text is None:
                continue
            info = dates.resolve(text)
            if info.from_publication or info.date is None:
                continue
            if dates.published is not None and (dates.published - info.date).days > within:
                continue  # "the Cubs' last title in 1908": history, not when the news happened
            return Answer(ent.text, (("date", info.date.isoformat()), ("precision", info.precision)))
    return None


def _date_text(ent: Span) -> str | None:
    """The date expression of an entity, or None: a dated DATE or TIME ("the early hours of Wednesday" read
    without its article), or a clock time after a preposition that spaCy took for a number ("at 00:48")."""
    text = ent.text
    if ent.label_ == "CARDINAL":
        head = ent.root.head
        if ent.root.dep_ == "pobj" and head.lower_ in ("at", "around", "about", "before", "after", "by") and \
                _CLOCK.fullmatch(text.strip()):
            return text
        return None
    if ent.label_ not in ("DATE", "TIME") or anchored_on_event(ent.doc, text, ent.end):
        return None
    if not is_date_expression(text) and text.lower().startswith("the "):
        text = text[4:]
    return text if is_date_expression(text) and _dated(text) else None


def _where(docs: list[Any], res: Resources, main: Event | None) -> Answer | None:
    """The most specific place of the title and lead: a town or a site before a region before a country
    (as Giveme5W1H ranks by specificity), then the main event's place, then the earliest."""
    found: list[tuple[tuple[int, int], Answer]] = []
    if main is not None and main.location is not None:
        loc = main.location
        found.append(((_specificity(loc.name, res, loc.country), -1),
                      Answer(loc.text or loc.name, _place_values(loc))))
    position = 0
    for doc in docs:
        for ent, root in _located(doc, ("in", "at", "near", "outside", "inside", "on")):
            if ent.label_ not in PLACE_ENTS:
                if ent.label_ in VENUE_ENTS and root.head.lower_ in SPATIAL_PREPOSITIONS:
                    # "outside Trump Towers" (a building the model took for a title), "at the Grand Prix":
                    # a venue, answered only when no place is named
                    position += 1
                    found.append(((2, position), Answer(ent.text)))
                continue
            position += 1
            place = res.geocoder.geocode(ent.text)
            values: tuple[tuple[str, Any], ...] = ()
            if place is not None:
                values = _place_values(place)
            elif ent.label_ == "GPE":
                continue
            country = place.country if place is not None else None
            found.append(((_specificity(ent.text, res, country), position), Answer(ent.text, values)))
    if not found:
        return None
    return _town_of_site(min(found, key=lambda item: item[0])[1], docs, res)


PLACE_CLASS_NOUNS: frozenset[str] = frozenset({"city", "town", "village", "province", "region", "district",
                                               "county", "state", "capital", "port", "suburb", "island"})


def _located(doc: Any, prepositions: tuple[str, ...]) -> list[tuple[Span, Token]]:
    """The entities of ``doc`` that say where (``prepositions`` + name: "in Leeds", also "in the city of
    Leeds"), each with its root token."""
    out: list[tuple[Span, Token]] = []
    for ent in doc.ents:
        root = ent.root
        if root.dep_ != "pobj":
            continue
        head = root.head
        if head.lower_ == "of" and head.head.lemma_.lower() in PLACE_CLASS_NOUNS and head.head.dep_ == "pobj":
            head = head.head.head  # "in the city of X"
        if head.lower_ in prepositions:
            out.append((ent, root))
    return out


def _bare(name: str) -> str:
    return name.lower().removeprefix("the ")


def _town_of_site(answer: Answer, docs: list[Any], res: Resources) -> Answer:
    """A site named beside its town ("outside the Grand Hotel in Leeds", "at the embassy in the capital of
    Mali, Bamako") is answered by the town: the site alone is too narrow for "where"."""
    if dict(answer.values).get("geonameid") is not None and _specificity(
            answer.text, res, dict(answer.values).get("country")) == 0 and not any(
            e.text == answer.text and e.label_ == "FAC" for d in docs for e in d.ents):
        return answer  # already a town
    for doc in docs:
        for ent in doc.ents:
            if _bare(ent.text) != _bare(answer.text) or ent.end >= len(doc) or doc[ent.end].lower_ != "in":
                continue
            prep = doc[ent.end]
            # the town: a place name in the prepositional phrase, tagged or not ("in the hub of Mazar-e")
            names = [doc[t.left_edge.i if t.left_edge.pos_ == "PROPN" else t.i:t.i + 1]
                     for t in doc[prep.i + 1:prep.right_edge.i + 1] if t.pos_ == "PROPN" and t.dep_ == "pobj"]
            tagged = [e for e in doc.ents if e.label_ == "GPE" and prep.i < e.start <= prep.right_edge.i]
            for town in tagged + names:
                place = res.geocoder.geocode(town.text)
                if place is not None and _specificity(town.text, res, place.country) == 0:
                    return Answer(town.text, _place_values(place))
    return answer


def _place_values(place: Any) -> tuple[tuple[str, Any], ...]:
    """The resolved values of a geocoded "where" answer."""
    return (("name", place.name), ("country", place.country), ("geonameid", place.geonameid))


def _refine_where(answer: Answer | None, prepared: Prepared, res: Resources) -> Answer | None:
    """A country is the least specific "where": a town of that country named in the first parsed sentences
    of the article is a better answer ("Afghanistan" -> the city the attack happened in)."""
    if answer is None:
        return None
    values = dict(answer.values)
    country = values.get("country")
    if country is None or _specificity(answer.text, res, country) == 0:
        return answer
    for sent in prepared.sentences[:REFINE_SENTENCES]:
        if sent.doc is None:
            continue
        for ent, _ in _located(sent.doc, ("in", "at", "near", "outside")):
            if ent.label_ not in PLACE_ENTS:
                continue
            place = res.geocoder.geocode(ent.text, country=country)
            if place is not None and place.country == country and \
                    _specificity(ent.text, res, place.country) == 0:
                return Answer(ent.text, _place_values(place))
    return answer


def _specificity(name: str, res: Resources, country: str | None) -> int:
    """0: a town, city or site; 1: a country (the least specific answer to "where")."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    actor = res.kb.resolve(words, None) if words else None
    if actor is not None and len(actor.code) == 3 and actor.code == country:
        return 1
    return 0


_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?)|\b\d{1,2}:\d{2}\b", re.IGNORECASE)


def _dated(text: str) -> bool:
    """A date expression with a word that dates it (day, month, season, year, a clock time such as "6am" or
    "00:48"; not a score, not "the 10th")."""
    words = [w.strip(".,").lower() for w in text.split()]
    if any(w.isdigit() and len(w) == 4 for w in words) or _CLOCK.search(text):
        return True
    return any(w.isalpha() and w not in ("the", "a", "an", "of", "on", "in", "at", "th") for w in words)


def _why(sent: Span | None) -> Answer | None:
    if sent is None:
        return None
    words = [t.lower_ for t in sent]
    for phrase in CAUSE_PHRASES:
        n = len(phrase)
        for i in range(len(words) - n):
            if tuple(words[i:i + n]) == phrase:
                last = sent[i + n - 1]
                obj = next((c for c in last.children if c.dep_ == "pobj"), None)
                if obj is None:
                    obj = next((c for c in sent[i].children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return Answer(sent.doc[sent[i].i:max(t.i for t in obj.subtree) + 1].text)
    for tok in sent:
        if tok.lower_ in CAUSE_MARKERS and tok.dep_ in ("mark", "prep") and tok.i > sent.start:
            if tok.lower_ == "since" and tok.dep_ != "mark":
                continue
            if tok.lower_ == "over" and tok.head.lemma_.lower() not in ("outrage", "anger", "protest", "row",
                                                                        "concern", "fury", "criticism"):
                continue
            clause = tok.head if tok.dep_ == "mark" else next(
                (c for c in tok.children if c.dep_ == "pobj"), None)
            if clause is None:
                continue
            span = sent.doc[min(tok.i, min(t.i for t in clause.subtree)):max(t.i for t in clause.subtree) + 1]
            return Answer(span.text)
    return None


def _why_of(title: Any, sent: Span | None, res: Resources) -> Answer | None:
    """Why: an explicit cause or purpose in the headline ("... to cut costs", "... because of the storm"),
    else in the main event's lead sentence, else what the headline's event followed ("Driver arrested after
    crash": the crash) or the thing that set off its reaction ("Price rise sparks anger")."""
    headline = title[:] if title is not None else None
    found = (_why(headline) or _purpose(headline)) if headline is not None else None
    found = found or _why(sent)
    if found is None and headline is not None:
        found = _after_cause(headline) or _causative_subject(headline, res)
    return found


def _purpose(sent: Span) -> Answer | None:
    """A purpose clause on the main verb: "... increase the gaps to make the bars lighter"."""
    root = sent.root
    for clause in root.children:
        if clause.dep_ == "advcl" and clause.tag_ == "VB" and clause.i > root.i and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            start = min(t.i for t in clause.subtree)
            return Answer(sent.doc[start:max(t.i for t in clause.subtree) + 1].text)
    return None


def _after_cause(sent: Span) -> Answer | None:
    """What a headline's event came after ("Man held after stabbing", "Fans protest after club is sold"): the
    news says it is why. A time ("after 20 laps", "after midnight") is not."""
    for tok in sent:
        if tok.lower_ not in AFTER_MARKERS or tok.dep_ not in ("prep", "mark"):
            continue
        if tok.dep_ == "mark":
            clause: Token | None = tok.head
        else:
            clause = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
        if clause is None or clause.i < tok.i or clause.tag_ == "CD" or clause.ent_type_ in (
                "DATE", "TIME", "CARDINAL", "ORDINAL") or clause.lower_ in PRONOUNS or any(
                c.dep_ == "nummod" for c in clause.children):
            continue  # a time or a count ("after 20 laps"), not a cause
        end = max(t.i for t in clause.subtree) + 1
        span = sent.doc[tok.i + 1:end]
        if len(span) >= 1:
            return Answer(span.text)
    return None


def _causative_subject(sent: Span, res: Resources) -> Answer | None:
    """The subject of a verb of causing, when it is no one: "Fare rise provokes fury among commuters"."""
    root = sent.root
    if root.lemma_.lower() not in CAUSATIVE_VERBS:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or _names_someone(subj, res):
        return None
    return Answer(_phrase(subj, limit=6).text)


def _instrument(sent: Span | None, res: Resources) -> Answer | None:
    """How, as the means of an act of force ("attacked with a homemade rifle", "killed using a knife"): a
    "with"/"using" phrase on a verb the lexicon codes as coercion, assault, fight or mass violence."""
    if sent is None:
        return None
    for tok in sent:
        if tok.lower_ not in ("with", "using") or tok.head.pos_ != "VERB" or tok.i < tok.head.i:
            continue
        obj = next((c for c in tok.children if c.dep_ in ("pobj", "dobj")), None)
        if obj is None or obj.pos_ in ("PRON", "PROPN", "NUM") or _names_someone(obj, res):
            continue  # "battling with Afghan forces": a party, not a means
        codes = {e.code[:2] for e in res.lexicon.candidates(tok.head.lemma_.lower(), "verb")
                 if not e.obj and e.particle is None and e.prep is None}  # the verb alone is the act
        if codes & FORCE_ROOTS:
            # the means only: "with grenades", not "with grenades near the border"
            end = min([c.i for c in obj.children if c.dep_ == "prep" and c.i > obj.i] +
                      [max(t.i for t in obj.subtree) + 1])
            return Answer(sent.doc[tok.i:end].text)
    return None


def _how(sent: Span | None) -> Answer | None:
    if sent is None:
        return None
    root = sent.root
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            pcomp = next((c for c in prep.children if c.dep_ in ("pcomp",) and c.tag_ == "VBG"), None)
            if pcomp is not None:
                return Answer(sent.doc[prep.i:max(t.i for t in pcomp.subtree) + 1].text)
    return None


def summarise_text(pipeline: Pipeline, text: str, *, doc_id: str, published: dt.date | None = None,
                   title: str | None = None) -> Summary:
    """:func:`summarise` for a string."""
    return summarise(pipeline, Article(doc_id, text, published, title))
