"""The pipeline: one article in, its events out.

    Article ─ validate ─ clean ─ split ─ select ─ parse ─ code ─ attribute ─ date ─ place ─> [Event]

Each stage lives in its own sub-package (``tidings.clean``, ``tidings.nlp``, ``tidings.actors``,
``tidings.events``, ``tidings.attribution``, ``tidings.dates``, ``tidings.places``); this module only wires
them together and builds the :class:`~tidings.record.Event` records. It is pure: reading files and writing
output belong to :mod:`tidings.readers` and :mod:`tidings.cli`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.about import CODER
from tidings.actors import KnowledgeBase
from tidings.attribution import assess
from tidings.attribution.cues import REPORT_VERBS
from tidings.clean import clean
from tidings.dates import DateResolver, event_date
from tidings.errors import EmptyDocument, InputError, TidingsError
from tidings.events.coder import Candidate, SentenceCoder
from tidings.events.discourse import Discourse
from tidings.events.lexicon import Lexicon
from tidings.events.ontology import cameo, plover
from tidings.events.sides import complete, standalone_forms
from tidings.log import warn
from tidings.nlp.segment import Sentence, parse, split
from tidings.places import Geocoder
from tidings.places.mention import place_phrases
from tidings.record import Actor, Article, Attribution, Event, Location
from tidings.validate import DEFAULT_LIMITS, Limits, cap_events, check_sentences, check_text, parseable

PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "his", "its", "their"})
ANAPHORS = frozenset({"this", "it", "that", "these", "those"})


@dataclass(frozen=True, slots=True)
class Options:
    """Everything that changes what the pipeline does, built once and passed down."""

    published: dt.date | None = None  # default publication date for articles that carry none
    dictionaries: Path | None = None  # a folder of PETRARCH/Phoenix-format dictionaries to add
    max_chars: int | None = None  # overrides limits.max_chars
    limits: Limits = DEFAULT_LIMITS  # bounds on one document's size and work (tidings.validate.Limits)
    require_dyad: bool = False  # drop events that lack a source or a target
    parse_all: bool = False  # parse every sentence, not only those that may hold an event
    phoenix: frozenset[str] = frozenset()  # Phoenix layers beneath ours: "verbs", "actors"
    phoenix_dir: Path | None = None  # the folder of Phoenix dictionaries those layers are read from


@dataclass(slots=True)
class Prepared:
    """An article cleaned and split, with the sentences chosen for parsing (``todo``); see ``prepare``."""

    article: Article
    cleaned: Any
    sentences: list[Sentence]
    todo: list[Sentence]


@dataclass(slots=True)
class Result:
    """What one article gave: its events, or the reason it was skipped."""

    article: Article
    events: list[Event] = field(default_factory=list)
    error: TidingsError | None = None
    sentences: int = 0
    parsed: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


class Pipeline:
    """Holds the loaded resources (model, knowledge base, lexicon, gazetteer) for many articles."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.kb: Any = KnowledgeBase.default()
        self.lexicon: Any = Lexicon.default()
        if self.options.phoenix:
            self.kb, self.lexicon = phoenix_layers(self.options, self.kb, self.lexicon)
        if self.options.dictionaries is not None:
            self.kb, self.lexicon = load_dictionaries(self.options.dictionaries, self.kb, self.lexicon)
        self.geocoder: Any = Geocoder.default()
        self._standalone = standalone_forms(self.lexicon)
        self._triggers = trigger_forms(self.lexicon) | self._standalone
        self._lemmas = lemma_table(self.lexicon)
        from tidings.events.lexicon import inflect_verb

        self._report_forms = frozenset(f for verb in REPORT_VERBS for f in inflect_verb(verb))

    # ------------------------------------------------------------------ public
    def extract(self, article: Article) -> list[Event]:
        """Events of one article; raises :class:`InputError` when it cannot be coded."""
        prepared = self.prepare(article)
        parse(prepared.todo)
        return self.code(prepared).events

    def run(self, articles: Iterable[Article], *, batch: int = 32) -> Iterator[Result]:
        """Code many articles; a bad one comes back with its error and the batch goes on.

        Articles are taken ``batch`` at a time so that the parser sees the selected sentences of many
        articles in one stream (bigger matrix products, less overhead per sentence).
        """
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= batch:
                yield from self._run_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._run_chunk(chunk)

    # ---------------------------------------------------------------- internal
    def _run_chunk(self, articles: list[Article]) -> Iterator[Result]:
        prepared: list[Prepared | Result] = []
        for article in articles:
            try:
                prepared.append(self.prepare(article))
            except InputError as exc:
                prepared.append(Result(article, error=exc))
        parse(s for p in prepared if isinstance(p, Prepared) for s in p.todo)
        for item in prepared:
            yield item if isinstance(item, Result) else self.code(item)

    def prepare(self, article: Article) -> Prepared:
        """Validate, clean, split, and choose the sentences to parse."""
        limits = self.options.limits
        check_text(article.text, article.id, max_chars=self.options.max_chars, limits=limits)
        cleaned = clean(article.text)
        sentences = split(cleaned.text, cleaned.paragraphs)
        if not sentences:
            raise EmptyDocument(" after cleaning", doc_id=article.id)
        check_sentences(sentences, article.id, limits)
        when = article.published or self.options.published  # roles are dated: match names as of then
        for sent in sentences:
            sent.mentions = self.kb.match(sent.words, when)
        todo = [s for s in sentences if self.options.parse_all or self._worth_parsing(s)]
        return Prepared(article, cleaned, sentences, parseable(todo, article.id, limits))

    def code(self, prepared: Prepared) -> Result:
        """Code the parsed sentences of a prepared article, in order, keeping its discourse."""
        article, sentences = prepared.article, prepared.sentences
        published = article.published or self.options.published
        result = Result(article, sentences=len(sentences), parsed=len(prepared.todo))
        discourse = Discourse(is_person=self._is_person, country_names=self.kb.countries)
        dates = DateResolver(published)
        last_date: dt.date | None = None
        for sent in sentences:
            if sent.doc is None:
                for _, _, actor in sent.mentions:
                    discourse.add(actor)
                continue
            kept = len(result.events)
            try:
                last_date = self._code_sentence(prepared, sent, discourse, dates, last_date, result)
            except Exception as exc:  # no sentence may end a run: log it and go on
                del result.events[kept:]
                warn("W101", f"sentence {sent.index} could not be coded ({type(exc).__name__}: {exc}); "
                             "the rest of the article goes on", doc_id=article.id, sentence=sent.index)
        result.events = cap_events(result.events, article.id, self.options.limits)
        return result

    def _code_sentence(self, prepared: Prepared, sent: Sentence, discourse: Discourse, dates: DateResolver,
                       last_date: dt.date | None, result: Result) -> dt.date | None:
        """Code one parsed sentence into ``result`` and feed the discourse; returns the last event date."""
        article, cleaned, sentences = prepared.article, prepared.cleaned, prepared.sentences
        published = article.published or self.options.published
        coder = SentenceCoder(self.lexicon, self._resolve_words, published, discourse, self._role_word,
                              self._place_country, self._lemmas)
        candidates = coder.code(sent.doc)
        previous = [s.doc for s in sentences[max(0, sent.index - 2):sent.index]
                    if s.doc is not None and s.paragraph == sent.paragraph]
        for cand in candidates:
            event = self._event(article, cleaned, sent, cand, coder, dates, last_date, previous)
            if event is None:
                continue
            if self.options.require_dyad and (event.source is None or event.target is None):
                continue
            result.events.append(event)
            if event.date_text is not None and event.date is not None:
                last_date = event.date
        confirmation = self._confirmation(sent.doc, coder)
        if confirmation is not None:
            _attribute_previous(result.events, sent.index, confirmation)
        for _, _, actor in sent.mentions:
            discourse.add(actor)
        for ref in coder.mentioned():
            discourse.add(ref.actor)
        known = {ref.start for ref in coder.mentioned()}
        for ent in sent.doc.ents:
            if ent.label_ == "PERSON" and not any(ent.start <= i < ent.end for i in known) and \
                    self.kb.resolve([t.text for t in ent], published) is None:
                discourse.add_unknown_person(ent.text)
        return last_date

    def _worth_parsing(self, sent: Sentence) -> bool:
        """A sentence is parsed only if it has a trigger word and something that can be an actor."""
        lowered = [w.lower() for w in sent.words]
        if not any(w in self._triggers for w in lowered):
            # "KCNA confirmed this": a source vouching for the sentence before
            return any(w in ANAPHORS for w in lowered) and any(w in self._report_forms for w in lowered) and (
                bool(sent.mentions) or any(self.kb.sector_of(w) is not None for w in lowered))
        if sent.mentions:
            return True
        if any(w in self._standalone for w in lowered) and any(w[:1].isupper() for w in sent.words[1:]):
            return True  # an act with no known actor stands only where a name places it (events.sides)
        return any(w in PRONOUNS for w in lowered) or any(self.kb.sector_of(w) is not None for w in lowered)

    def _confirmation(self, doc: Any, coder: SentenceCoder) -> Attribution | None:
        """ "KCNA confirmed this", "the ministry reported it": a source vouching for the sentence before."""
        for tok in doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORT_VERBS:
                continue
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if obj is None or subj is None or obj.lower_ not in ANAPHORS or (obj.i + 1 < len(doc) and \
                    doc[obj.i + 1].pos_ in ("NOUN", "PROPN")):
                continue
            refs = coder.actors(subj)
            phrase = doc[min(t.i for t in subj.subtree):max(t.i for t in subj.subtree) + 1].text
            if refs:
                actor = refs[0].actor
                return Attribution(phrase, actor.name, actor.code, tok.lemma_.lower())
            return Attribution(phrase, None, None, tok.lemma_.lower())
        return None

    def _place_country(self, name: str) -> str | None:
        found: Location | None = self.geocoder.geocode(name)
        return found.country if found is not None else None

    def _role_word(self, word: str) -> bool:
        return self.kb.sector_of(word) is not None

    def _is_person(self, actor: Actor) -> bool:
        if len(actor.code) <= 3 or actor.code[:3] in ("IGO", "NGO"):
            # a country or an organisation, even when a dictionary lists it by name; but someone not (yet)
            # in office is coded by their country alone ("Donald Trump" in 2016 -> USA)
            return len(actor.code) == 3 and self.kb.is_person_name(actor.name.split())
        return self.kb.person(actor.name.split()) is not None

    def _resolve_words(self, words: list[str], when: dt.date | None) -> Actor | None:
        actor: Actor | None = self.kb.resolve(words, when)
        return actor

    def _event(self, article: Article, cleaned: Any, sent: Sentence, cand: Candidate, coder: SentenceCoder,
               dates: DateResolver, last_date: dt.date | None, previous: list[Any]) -> Event | None:
        if cand.code[:2] == "01" and cand.target is not None and cand.target.actor.sector == "MED" and \
                not cand.rule.endswith(":press"):
            return None  # "told reporters", "told Reuters": talking to the press is how news is made
        location = self._location(sent.doc, cand, coder)
        sides = complete(cand.code, cand.source.actor if cand.source else None,
                         cand.target.actor if cand.target else None,
                         (location.name, location.country) if location and location.country else None,
                         dyadic=self.options.require_dyad)
        if sides is None:
            return None  # which events stand with a side missing or generic: tidings.events.sides
        doc = sent.doc
        trigger = cand.trigger
        t_start = sent.start + trigger.idx
        code = cameo(cand.code)
        date_text, date_info = event_date(doc, trigger, dates, last_date)

        def resolve_span(span: Any) -> tuple[str | None, str | None]:
            actor = self.kb.resolve([t.text for t in span], dates.published)
            if actor is None:
                refs = coder.actors(span.root)
                actor = refs[0].actor if refs else None
            return (actor.name, actor.code) if actor else (None, None)

        assessment = assess(cand.anchor if cand.anchor is not None else trigger, resolve=resolve_span,
                            context=previous)
        attribution: Attribution | None = assessment.attribution
        factuality = assessment.factuality
        if ":negated" in cand.rule and factuality == "negated":
            # the negation is coded into the event (a rejection): the rejection itself happened
            factuality = "reported" if attribution is not None else "asserted"
        key = "|".join([article.id, str(t_start), cand.code,
                        cand.source.actor.code if cand.source else "",
                        cand.target.actor.code if cand.target else ""])
        event_id = hashlib.sha1(key.encode()).hexdigest()[:16]
        return Event(
            doc_id=article.id,
            event_id=event_id,
            sentence=sent.index,
            evidence=sent.text,
            span=(sent.start, sent.end),
            date=date_info.date,
            date_text=date_text,
            date_precision=date_info.precision,
            source=sides[0],
            target=sides[1],
            cameo=code,
            plover=plover(cand.code),
            location=location,
            attribution=attribution,
            factuality=factuality,
            rule=cand.rule,
            coder=CODER,
            trigger=trigger.text,
            trigger_span=(t_start, t_start + len(trigger.text)),
            extra={"date_from_publication": date_info.from_publication},
        )

    def _location(self, doc: Any, cand: Candidate, coder: SentenceCoder) -> Location | None:
        """The place the event's clause names with "in", "at" or "near" (also "in the city of X", "in
        Afghanistan's X province": :func:`tidings.places.mention.place_phrase`)."""
        place = cand.place
        name: str | None = None
        if place is None:
            taken: set[int] = set()
            for ref in (cand.source, cand.target):
                if ref is not None:
                    taken.update(range(ref.start, ref.end))
            # a place outside the actors' words first, then one inside ("a checkpoint in Kunduz province")
            phrases = [p for p in place_phrases(doc) if p.head.dep_ == "pobj" and
                       p.head.head.lower_ in ("in", "at", "near") and _same_clause(p.head, cand.trigger)]
            phrases.sort(key=lambda p: p.head.i in taken)
            if phrases:
                place, name = phrases[0].head, phrases[0].name
        if place is None:
            return None
        if name is None:
            ent = next((e for e in doc.ents if e.start <= place.i < e.end), None)
            name = ent.text if ent is not None else place.text
        hint = None
        for ref in (cand.target, cand.source):
            if ref is not None and ref.actor.country:
                hint = ref.actor.country
                break
        found: Location | None = self.geocoder.geocode(name, country=hint)
        return found


def _attribute_previous(events: list[Event], index: int, source: Attribution) -> None:
    """Give the events of sentence ``index - 1`` a source that confirms them, unless they name a better
    one."""
    for event in events:
        if event.sentence != index - 1:
            continue
        if event.attribution is None or event.attribution.code is None:
            event.attribution = source
            if event.factuality == "asserted":
                event.factuality = "reported"


def _same_clause(tok: Any, trigger: Any) -> bool:
    """True when ``tok`` hangs off the trigger's clause (not off another verb of the sentence)."""
    node = tok
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return bool(node.i == trigger.i or node.i == trigger.head.i or trigger.i == node.head.i)


def trigger_forms(lexicon: Any) -> frozenset[str]:
    """Surface forms of the lemmas that can code an event by themselves.

    Statement verbs ("say", "tell") only matter as carriers of another event, which has its own trigger, so
    a sentence with nothing but "said" is not worth parsing.
    """
    from tidings.events.lexicon import inflect_noun, inflect_verb

    forms: set[str] = set()
    for entry in lexicon.entries:
        if entry.is_null or (entry.weak and entry.code.startswith("01")):
            continue
        if entry.pos == "verb":
            forms.update(inflect_verb(entry.lemma))
        else:
            forms.update(inflect_noun(entry.lemma.rsplit(" ", 1)[-1]))
        forms.update(entry.forms)
    return frozenset(forms)


def lemma_table(lexicon: Any) -> dict[str, str]:
    """Inflected form -> verb lemma, for the forms spaCy's lemmatizer gets wrong ("cordoned" -> "cordone")."""
    from tidings.events.lexicon import inflect_verb

    table: dict[str, str] = {}
    for entry in lexicon.entries:
        if entry.pos == "verb" and " " not in entry.lemma:
            for form in inflect_verb(entry.lemma) | entry.forms:
                table.setdefault(form, entry.lemma)
    return table


def phoenix_layers(options: Options, kb: Any, lexicon: Any) -> tuple[Any, Any]:
    """Our knowledge base and lexicon over the Phoenix layers named (see tidings.dictionaries.layers)."""
    from tidings.dictionaries.layers import LAYERS, with_phoenix_actors, with_phoenix_verbs
    from tidings.errors import DictionaryError

    unknown = set(options.phoenix) - LAYERS
    if unknown:
        raise DictionaryError(f"unknown Phoenix layers {sorted(unknown)}; known: {sorted(LAYERS)}")
    folder = options.phoenix_dir
    if folder is None or not folder.is_dir():
        raise DictionaryError(f"the Phoenix layers need a folder of Phoenix dictionaries, not {folder}")
    if "actors" in options.phoenix:
        kb = with_phoenix_actors(KnowledgeBase.packaged(), folder)
    if "verbs" in options.phoenix:
        lexicon = with_phoenix_verbs(lexicon, folder)
    return kb, lexicon


def load_dictionaries(directory: Path, kb: Any, lexicon: Any) -> tuple[Any, Any]:
    """Add PETRARCH/Phoenix-format dictionaries from ``directory`` on top of ours; what the importers skipped
    is logged ([W102] verb reports, [W103] unreadable actor lines)."""
    from tidings.actors import KnowledgeBase
    from tidings.dictionaries.verbs import read_cameo_verbs
    from tidings.log import get_logger

    if not directory.is_dir():
        from tidings.errors import DictionaryError

        raise DictionaryError(f"{directory} is not a folder")
    kb = KnowledgeBase.packaged()
    kb.add_phoenix(directory, strict=False)  # malformed lines are skipped and listed in kb.problems
    if kb.problems:
        warn("W103", f"{directory}: {len(kb.problems)} dictionary lines skipped, first: {kb.problems[0]}")
    verb_files = sorted(p for p in directory.iterdir() if p.name.lower().endswith(".txt") and
                        ("verb" in p.name.lower() or p.name.upper().startswith("CAMEO")))
    for path in verb_files:
        imported = read_cameo_verbs(path)
        get_logger(__name__).info("[W102] %s", imported.report.summary(), extra={"tidings_code": "W102"})
        lexicon = lexicon.extend(imported.entries)
    return kb, lexicon


_DEFAULT: Pipeline | None = None


def extract(text: str, *, published: dt.date | str | None = None, doc_id: str | None = None,
            title: str | None = None, url: str | None = None) -> list[Event]:
    """Code one article given as a string; the events come back as :class:`~tidings.record.Event`."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc_id = doc_id or hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]
    return _DEFAULT.extract(Article(doc_id, text, published, title, url))
