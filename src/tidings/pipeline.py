"""The pipeline: one article in, its events (and, on request, claims and summary) out.

    Article ─ prepare ─ parse ─ mentions ─ events ─ claims ─ summary ─> Result

One orchestrator (:meth:`Pipeline.process`) serves ``extract``, ``ingest`` and the Dask worker. Each stage
declares what it needs and what it adds (:data:`STAGES`, after spaCy's ``requires``/``assigns``) and reads the
typed :class:`~tidings.resources.Resources` (knowledge base, lexicon, geocoder). The mentions stage
(:mod:`tidings.mentions`) resolves who every phrase is once per article; events, claims and summary read it.

Each stage lives in its own sub-package (``tidings.clean``, ``tidings.nlp``, ``tidings.actors``,
``tidings.events``, ``tidings.attribution``, ``tidings.dates``, ``tidings.places``); this module only wires
them together and builds the :class:`~tidings.record.Event` records. It is pure: reading files and writing
output belong to :mod:`tidings.readers` and :mod:`tidings.cli`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings.about import CODER
from tidings.actors import KnowledgeBase
from tidings.attribution import assess
from tidings.attribution.cues import REPORT_VERBS
from tidings.clean import clean
from tidings.dates import DateResolver, event_date
from tidings.dates.attach import carry_dates
from tidings.errors import EmptyDocument, InputError, PipelineError, TidingsError, contained
from tidings.events.coder import Candidate, SentenceCoder, direction
from tidings.events.history import drop_history
from tidings.events.learned import review
from tidings.events.lexicon import Lexicon
from tidings.events.ontology import cameo, plover
from tidings.events.restated import drop_restated
from tidings.events.sides import complete, crowd_of_protest, locative_target, setting_country
from tidings.events.statements import (
    is_statement,
    one_sided_statements,
    said_in,
    speaker_context,
    speaker_home,
)
from tidings.log import warn
from tidings.mentions.pairs import names_pair
from tidings.mentions.stage import ArticleMentions, resolve_mentions
from tidings.nlp.model import parser
from tidings.nlp.segment import Sentence, parse, split
from tidings.places import Geocoder
from tidings.places.event_place import (
    article_states,
    dateline_name,
    dateline_text,
    event_places,
    locative_preposition,
    sentence_countries,
    sentence_country,
    sentence_region,
    sentence_town,
)
from tidings.places.mention import place_phrases
from tidings.record import Article, Attribution, Event, Location
from tidings.resources import Resources, lemma_table, load_user_actors, load_user_lexicon, trigger_forms
from tidings.validate import (
    DEFAULT_LIMITS,
    Budget,
    Limits,
    cap_events,
    check_sentences,
    check_text,
    parseable,
)

if TYPE_CHECKING:
    from tidings.claims.records import Claim
    from tidings.summary.core import Summary

__all__ = ["STAGES", "Options", "Pipeline", "Prepared", "Result", "Stage", "extract", "lemma_table",
           "load_dictionaries", "trigger_forms"]

PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "his", "its", "their"})
ANAPHORS = frozenset({"this", "it", "that", "these", "those"})
# How many words after "Name," may hold the title in apposition ("Ana Soto, the mayor of X, said").
APPOSED_TITLE_WINDOW = 6


WARM_UP = ("Officials of Chile met the foreign minister of Peru in Lima on Tuesday to discuss aid, the "
           "ministry said.\n\nThe president of Peru was seen at a rally on Monday, state media reported.")
"""Written for :meth:`Pipeline.warm_up`: an event, a date, a place, an attribution and a sighting claim."""


@dataclass(frozen=True, slots=True)
class Options:
    """Everything that changes what the pipeline does, built once and passed down."""

    published: dt.date | None = None  # default publication date for articles that carry none
    dictionaries: Path | None = None  # a folder of PETRARCH/Phoenix-format dictionaries to add
    max_chars: int | None = None  # overrides limits.max_chars
    limits: Limits = DEFAULT_LIMITS  # bounds on one document's size and work (tidings.validate.Limits)
    require_dyad: bool = False  # drop events that lack a source or a target
    parse_all: bool = False  # parse every sentence, not only those that may hold an event
    # parse a sentence only for a trigger word with the other words one of its lexicon entries needs ("had"
    # with "talks", "ended" with "siege": Resources.has_trigger): about 15% fewer words parsed, but the
    # unparsed sentences no longer inform who later pronouns are, so some events change (docs/throughput.md)
    trigger_needs: bool = False
    phoenix: frozenset[str] = frozenset()  # Phoenix layers beneath ours: "verbs", "actors", "agents"
    phoenix_dir: Path | None = None  # the folder of Phoenix dictionaries those layers are read from
    actors: tuple[Path, ...] = ()  # user actor tables (packaged schemas), layered over the packaged data
    memory_zone: bool = True  # code each chunk in a spaCy memory zone: the vocabulary does not grow
    lexicons: tuple[Path, ...] = ()  # user verb/noun tables (the verbs.tsv schema)
    learned: str | None = None  # the learned second opinion: off, fuse, veto (None: events/data/learned.json)
    history_days: int | None = 365  # acts dated wholly this long before publication are history (None: keep)


@dataclass(frozen=True, slots=True)
class Stage:
    """A step of the pipeline: what it needs on the article record and what it adds (spaCy's model)."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


#: The stages in order. ``Pipeline`` checks the order once (a stage never needs what a later one adds).
STAGES: tuple[Stage, ...] = (
    Stage("prepare", (), ("sentences", "todo")),
    Stage("parse", ("sentences", "todo"), ("docs",)),
    Stage("mentions", ("docs",), ("mentions",)),
    Stage("events", ("docs", "mentions"), ("events",)),
    Stage("claims", ("docs", "mentions"), ("claims",)),
    Stage("summary", ("docs", "mentions", "events"), ("summary",)),
)


def check_order(stages: Sequence[Stage]) -> None:
    """Raise :class:`PipelineError` when a stage needs what no earlier stage adds."""
    have: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise PipelineError(f"stage {stage.name!r} needs {missing}, which no earlier stage adds")
        have.update(stage.assigns)


@dataclass(slots=True)
class Prepared:
    """An article cleaned and split, with the sentences chosen for parsing (``todo``), and what the later
    stages add to it."""

    article: Article
    cleaned: Any
    sentences: list[Sentence]
    todo: list[Sentence]
    published: dt.date | None = None
    mentions: ArticleMentions | None = None
    budget: Budget | None = None  # the CPU time this article's own stages may use (Limits.max_seconds)


@dataclass(slots=True)
class Result:
    """What one article gave: its events (claims, summary), or the reason it was skipped."""

    article: Article
    events: list[Event] = field(default_factory=list)
    error: TidingsError | None = None
    sentences: int = 0
    parsed: int = 0
    claims: list[Claim] = field(default_factory=list)
    summary: Summary | None = None
    mentions: ArticleMentions | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def build_resources(options: Options) -> Resources:
    """The packaged resources with the user's dictionaries, actor tables and lexicon files on top."""
    kb: KnowledgeBase = KnowledgeBase.default()
    lexicon: Lexicon = Lexicon.default()
    if options.phoenix:
        kb, lexicon = phoenix_layers(options, kb, lexicon)
    if options.dictionaries is not None:
        kb, lexicon = load_dictionaries(options.dictionaries, kb, lexicon)
    kb = load_user_actors(kb, options.actors)
    lexicon = load_user_lexicon(lexicon, options.lexicons)
    return Resources.build(kb, lexicon, Geocoder.default())


class Pipeline:
    """Holds the loaded resources (model, knowledge base, lexicon, gazetteer) for many articles."""

    def __init__(self, options: Options | None = None, *, resources: Resources | None = None) -> None:
        self.options = options or Options()
        self.resources = resources or build_resources(self.options)
        check_order(STAGES)

    # ------------------------------------------------------------------ resources
    @property
    def kb(self) -> KnowledgeBase:
        return self.resources.kb

    @kb.setter
    def kb(self, kb: KnowledgeBase) -> None:
        self.resources = self.resources.with_kb(kb)

    @property
    def lexicon(self) -> Lexicon:
        return self.resources.lexicon

    @lexicon.setter
    def lexicon(self, lexicon: Lexicon) -> None:
        """A lexicon set here is used everywhere at once (its trigger index is rebuilt)."""
        self.resources = self.resources.with_lexicon(lexicon)

    @property
    def geocoder(self) -> Geocoder:
        return self.resources.geocoder

    # ------------------------------------------------------------------ public
    def warm_up(self) -> None:
        """Code one short article of our own with every stage, so that what loads on first use (the date
        parser, the gazetteer, the claims and summary tables: seconds on a busy machine) is loaded now and
        not charged to the time limit of the first real document (a coding process calls this at start)."""
        list(self.process([Article("warm-up", WARM_UP, dt.date(2024, 1, 1))], claims=True, summary=True))

    def extract(self, article: Article) -> list[Event]:
        """Events of one article; raises :class:`InputError` when it cannot be coded."""
        return self.process_one(article).events

    def process_one(self, article: Article, *, claims: bool = False, summary: bool = False) -> Result:
        """:meth:`process` of one article; raises :class:`InputError` when it cannot be coded."""
        result = next(self.process([article], claims=claims, summary=summary))
        if result.error is not None:
            raise result.error
        return result

    def run(self, articles: Iterable[Article], *, batch: int = 32) -> Iterator[Result]:
        """Code many articles (events only); a bad one comes back with its error and the batch goes on."""
        return self.process(articles, batch=batch)

    def process(self, articles: Iterable[Article], *, claims: bool = False, summary: bool = False,
                batch: int = 32) -> Iterator[Result]:
        """The one orchestrator: every stage of :data:`STAGES` over many articles, ``batch`` at a time.

        Articles are taken ``batch`` at a time so that the parser sees the selected sentences of many
        articles in one stream (bigger matrix products, less overhead per sentence). A bad article comes
        back with its error and the batch goes on. Claims and summary are added on request.
        """
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= batch:
                yield from self._chunk(chunk, claims, summary)
                chunk = []
        if chunk:
            yield from self._chunk(chunk, claims, summary)

    # ---------------------------------------------------------------- internal
    def _chunk(self, articles: list[Article], claims: bool, summary: bool) -> Iterator[Result]:
        """Code one chunk inside a spaCy memory zone (:attr:`Options.memory_zone`): every string and lexeme
        the chunk's text adds to the shared vocabulary is dropped when the chunk is done, so a long run (a
        watcher, a server, 10,000 hostile documents of made-up words) does not grow the vocabulary, and
        the process, without bound. The results hold no spaCy object, so they outlive the zone; they are
        yielded once it is closed."""
        zone = parser().memory_zone() if self.options.memory_zone else contextlib.nullcontext()
        with zone:
            results = list(self._chunk_results(articles, claims, summary))
        yield from results

    def _chunk_results(self, articles: list[Article], claims: bool, summary: bool) -> Iterator[Result]:
        from tidings.claims.article import needs_parse

        prepared: list[Prepared | Result] = []
        for article in articles:
            try:
                prepared.append(contained(self.prepare, article, article.id))
            except InputError as exc:
                prepared.append(Result(article, error=exc))
        ready = [p for p in prepared if isinstance(p, Prepared)]
        short = self.options.limits.max_sentence_tokens  # no sentence longer is parsed, for any stage
        # the event sentences, and the sentences with a claim cue (whose people the mentions must know)
        parse(s for p in ready for s in p.sentences
              if s in p.todo or (needs_parse(s) and len(s.words) <= short))
        results = {id(p): self._code_contained(p) for p in ready}
        if summary:
            from tidings.summary.core import lead_of

            parse(s for p in ready for s in lead_of(p).unparsed() if len(s.words) <= short)
        for item in prepared:
            if isinstance(item, Result):
                yield item
                continue
            result = results[id(item)]
            yield self._after_events(item, result, claims, summary) if claims or summary else result

    def _after_events(self, prepared: Prepared, result: Result, claims: bool, summary: bool) -> Result:
        """The claims and 5W1H summary stages of a coded article, metered by its budget like its other
        stages (and so watched by a coding process's watchdog): checked before every sentence of the claims
        and before and after the summary, past its time the article is skipped with [T014]/[T015] as if its
        events had taken it; an error nobody planned for skips it with [T013], and the batch goes on."""
        if result.error is not None:
            return result
        limits = self.options.limits
        budget = prepared.budget or Budget(prepared.article.id, limits.max_seconds,
                                           wall_seconds=limits.max_wall_seconds)
        budget.start()
        doc_id = prepared.article.id
        try:
            budget.check()
            if claims:
                result.claims = contained(lambda p: self._claims(p, budget.check), prepared, doc_id)
            if summary:
                budget.check()
                result.summary = contained(lambda p: self._summary(p, result.events), prepared, doc_id)
            budget.check()
        except InputError as exc:
            return Result(prepared.article, error=exc)
        finally:
            budget.stop()
        return result

    def _code_contained(self, prepared: Prepared) -> Result:
        """``code``, where an error nobody planned for skips this article as [T013] and the batch goes on."""
        try:
            return contained(self.code, prepared, prepared.article.id)
        except InputError as exc:
            return Result(prepared.article, error=exc)

    def prepare(self, article: Article) -> Prepared:
        """Validate, clean, split, and choose the sentences to parse (metered by the article's budget)."""
        limits = self.options.limits
        budget = Budget(article.id, limits.max_seconds, wall_seconds=limits.max_wall_seconds).start()
        try:
            return self._prepare(article, budget)
        finally:
            budget.stop()

    def _prepare(self, article: Article, budget: Budget) -> Prepared:
        limits = self.options.limits
        check_text(article.text, article.id, max_chars=self.options.max_chars, limits=limits)
        cleaned = clean(article.text)
        sentences = split(cleaned.text, cleaned.paragraphs)
        if not sentences:
            raise EmptyDocument(" after cleaning", doc_id=article.id)
        check_sentences(sentences, article.id, limits)
        budget.check()
        when = article.published or self.options.published  # roles are dated: match names as of then
        for sent in sentences:
            sent.mentions = self.kb.match(sent.words, when)
            budget.check()
        named: set[str] = set()  # surnames of people introduced with a role ("spokesman Tom Berger")
        todo = []
        for sent in sentences:
            introduced = self._titled_surnames(sent.words, {end - 1 for _, end, _ in sent.mentions})
            # a sentence that introduces someone by title ("army chief General X opened a school") is
            # parsed for who "he" is after it, though it holds no event
            if self.options.parse_all or self._worth_parsing(sent, named) or introduced - named:
                todo.append(sent)
            named |= introduced
        todo = parseable(todo, article.id, limits)
        return Prepared(article, cleaned, sentences, todo, when, budget=budget)

    def mentions(self, prepared: Prepared) -> ArticleMentions:
        """The mentions stage: resolve who every phrase of the parsed sentences is (once per article)."""
        if prepared.mentions is None:
            prepared.mentions = resolve_mentions(prepared.sentences, self.resources, prepared.published)
        return prepared.mentions

    def code(self, prepared: Prepared) -> Result:
        """Mentions, then events: code the parsed event sentences of a prepared article, in order (metered
        by the article's budget)."""
        limits = self.options.limits
        budget = prepared.budget or Budget(prepared.article.id, limits.max_seconds,
                                           wall_seconds=limits.max_wall_seconds)
        budget.start()
        try:
            return self._code(prepared, budget)
        finally:
            budget.stop()

    def _code(self, prepared: Prepared, budget: Budget) -> Result:
        article, sentences = prepared.article, prepared.sentences
        published = prepared.published
        mentions = self.mentions(prepared)
        result = Result(article, sentences=len(sentences), parsed=len(prepared.todo), mentions=mentions)
        dates = DateResolver(published)
        last_date: dt.date | None = None
        todo = {s.index for s in prepared.todo}
        main = mentions.main_country()  # the mentions are all resolved: one answer for every sentence
        for sent in sentences:
            budget.check()
            coder = mentions.resolver(sent.index)
            if sent.doc is None or coder is None or (sent.index not in todo and not self.options.parse_all):
                continue
            kept = len(result.events)
            try:
                last_date = self._code_sentence(prepared, sent, coder, dates, last_date, result, main)
            except Exception as exc:  # no sentence may end a run: log it and go on
                del result.events[kept:]
                warn("W101", f"sentence {sent.index} could not be coded ({type(exc).__name__}: {exc}); "
                             "the rest of the article goes on", doc_id=article.id, sentence=sent.index)
        result.events = drop_restated(result.events)  # an act told again with no side named
        result.events = drop_history(result.events, published, self.options.history_days)  # told as history
        carry_dates(result.events, published)  # a sentence without a date goes on with the lede's
        result.events = review(result.events, self.options.learned)  # the learned second opinion
        result.events = cap_events(result.events, article.id, self.options.limits)
        return result

    def _code_sentence(self, prepared: Prepared, sent: Sentence, coder: SentenceCoder, dates: DateResolver,
                       last_date: dt.date | None, result: Result, main: str | None) -> dt.date | None:
        """Code one parsed sentence into ``result`` with its mention resolver (``main``: the article's main
        country, :meth:`ArticleMentions.main_country`); returns the last event date."""
        article, cleaned, sentences = prepared.article, prepared.cleaned, prepared.sentences
        mentions = self.mentions(prepared)
        candidates = one_sided_statements(coder.code(sent.doc), coder.lexicon, sector_of=self.kb.sector_of,
                                          before=sentences[max(0, sent.index - 3):sent.index + 1],
                                          private=coder.private_acts)
        previous = [s.doc for s in sentences[max(0, sent.index - 2):sent.index]
                    if s.doc is not None and s.paragraph == sent.paragraph]
        # PETRARCH-style dyads take no country from the sentence's context, only from the article's topic
        context = main if self.options.require_dyad else mentions.context_country_given(sent.index, main)
        # (the later sentences too, for a lede that names no place, lowered the 5W1H test part's "where")
        earlier = [s.doc for s in sentences[:sent.index] if s.doc is not None]
        for cand in candidates:
            event = self._event(article, cleaned, sent, cand, coder, dates, last_date, previous, context,
                                earlier, speaker_context(cand, context, main))
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
        return last_date

    def _claims(self, prepared: Prepared, check: Callable[[], None] | None = None) -> list[Claim]:
        from tidings.claims.article import claims_for_prepared

        return claims_for_prepared(prepared.sentences, self.mentions(prepared), self.resources,
                                   prepared.article, prepared.published, check=check)

    def _summary(self, prepared: Prepared, events: list[Event]) -> Summary:
        from tidings.summary.core import summarise_prepared

        return summarise_prepared(prepared, self.resources, events)

    def _worth_parsing(self, sent: Sentence, named: set[str] | frozenset[str] = frozenset()) -> bool:
        """A sentence is parsed only if it has a trigger word and something that can be an actor: a known
        name, a role word, a pronoun, or the surname of someone introduced earlier with a role (``named``)."""
        lowered = [w.lower() for w in sent.words]
        res = self.resources
        # (with Options.trigger_needs, a trigger word counts only with the words its lexicon entry needs)
        if not (res.has_trigger(lowered) if self.options.trigger_needs else any(w in res.triggers
                                                                              for w in lowered)):
            # "KCNA confirmed this": a source vouching for the sentence before
            return any(w in ANAPHORS for w in lowered) and any(w in res.report_forms for w in lowered) and (
                bool(sent.mentions) or any(self.kb.sector_of(w) is not None for w in lowered))
        if sent.mentions or any(w in named for w in sent.words) or names_pair(lowered):
            return True  # (known names, people introduced with a role, "both sides")
        if _introduces_person(sent.words):
            return True  # "X Y, a lorry driver, said": parsed for who "he" and "Y" are after it
        if any(w in res.standalone for w in lowered) and any(w[:1].isupper() for w in sent.words[1:]):
            return True  # an act with no known actor stands only where a name places it (events.sides)
        return any(w in PRONOUNS for w in lowered) or any(self.kb.sector_of(w) is not None for w in lowered)

    def _titled_surnames(self, words: Sequence[str],
                         named: set[int] | frozenset[int] = frozenset()) -> set[str]:
        """The last words of capitalised names written after a role word ("ministry spokesman Tom Berger",
        "police chief Ana Soto", "agency director Ana J. Soto", "City Mayor, Ana Soto") or after a known
        name (the last words of its ``named`` matches: "OECD chief Ana Soto"): a later "Berger said" speaks
        for the role."""
        found: set[str] = set()
        for i, word in enumerate(words[:-1]):
            if i not in named and self.kb.sector_of(word.lower()) is None:
                continue
            start = i + 1
            if start < len(words) - 1 and words[start] == ",":
                start += 1  # a title set off by a comma: "City Mayor, X said"
            elif start < len(words) - 1 and words[start].islower() and words[start].isalpha():
                start += 1  # a title after the body's role word: "agency director X"
            j = start
            while j < len(words) and words[j][:1].isupper() and (words[j].isalpha() or _initial(words[j])):
                j += 1
            if j - start > 1:  # at least a given name and a surname
                found.add(words[j - 1])
                # "Economy Minister Ana Quispe Rojas ... Quispe said": a two-part surname is cut to its first
                found.update(w for w in words[start + 1:j - 1] if len(w) > 2)
                if words[j:j + 1] == ["-"] and words[j + 1:j + 2] and words[j + 1].islower():
                    found.add(words[start])  # "Minister Park Ji-won ... Park said": the family name first
        return found | self._apposed_surnames(words)

    def _apposed_surnames(self, words: Sequence[str]) -> set[str]:
        """The last words of capitalised names followed by a title in apposition ("Ana Soto, the city's
        mayor, said"; "Ana Soto, a councillor in X, said"): a role word before the next comma."""
        found: set[str] = set()
        for i, word in enumerate(words[:-2]):
            if words[i + 1] != ",":
                continue
            if _hyphen_named(words, i):
                word = words[i - 3]  # "Lee Min-ho, a spokesman for X": the family name first
            elif not (word[:1].isupper() and word.isalpha()) or \
                    not (i > 0 and words[i - 1][:1].isupper() and words[i - 1].isalpha()):
                continue
            title = list(itertools.takewhile(lambda w: w != ",", words[i + 2:i + 2 + APPOSED_TITLE_WINDOW]))
            if any(self.kb.sector_of(w.lower()) is not None for w in title):
                found.add(word)
        return found

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

    def _event(self, article: Article, cleaned: Any, sent: Sentence, cand: Candidate, coder: SentenceCoder,
               dates: DateResolver, last_date: dt.date | None, previous: list[Any],
               main_country: str | None = None, earlier: Sequence[Any] = (),
               speaker_country: str | None = None) -> Event | None:
        """The event of one candidate; ``speaker_country``: the country a statement's speaker named by role
        speaks for when the sentence names countries only in what is said (:func:`speaker_context`)."""
        if cand.code[:2] == "01" and cand.target is not None and cand.target.actor.sector == "MED" and \
                not cand.rule.endswith(":press"):
            return None  # "told reporters", "told Reuters": talking to the press is how news is made
        context = frozenset([main_country] if main_country else [])  # decides between homonymous towns
        # and the US states the article names so far decide between a state's town and its namesakes
        context |= article_states([*earlier, sent.doc], self.geocoder,
                                  dateline_text(article.text, getattr(cleaned, "removed", ())))
        # the countries the sentence names find its villages ("in X, a town of the Yemeni province of Y")
        location, tier = self._location(sent.doc, cand, coder, context | sentence_countries(sent.doc,
                                                                                            self.geocoder))
        # an unknown place the sentence names ("in a village of the valley") is no reason for the dateline's,
        # but a building or street is in the dateline's town ("at City Hall")
        dateline = location is None and all(self.geocoder.is_local(p.name) for _, tier in
                                            event_places(sent.doc, cand.trigger) for p in tier)
        if dateline:  # the sentence's town, the earlier place, the dateline's, the sentence's country
            stored = self._fallback_place(article, cleaned, sent.doc, previous, context, main_country,
                                          earlier)
        else:
            stored = self._finer(sent.doc, location, context)
        # only a place of the event's own clause places its sides (the groups' country, the unnamed side)
        location = location if tier == 0 else None
        home = location.country if location is not None and ":incident-place" not in cand.rule else None
        # (a country alone is no setting: "the Canadian ambassador said" names the speaker's, not the place)
        setting = stored if dateline and stored is not None and self.geocoder.scale(stored) < 2 else None
        home = home or main_country or setting_country(setting)
        placed_side = cand.source if ":reverse" in cand.rule else cand.target
        locative = placed_side is not None and ":place-target" in cand.rule and \
            locative_target(cand.trigger, placed_side.start, placed_side.end, self.resources.lexicon,
                            cand.code)
        if locative and placed_side is cand.source and not self.options.require_dyad:
            return None  # "held talks in Geneva": Switzerland did not talk back
        statement = is_statement(cand.rule)
        source = cand.source.actor if cand.source else None
        if cand.source is not None:  # "a student demonstration": demonstrators
            source = crowd_of_protest(cand.code, cand.trigger, cand.source.start, cand.source.end, source)
        if source is not None and statement:
            # "the ministry said": the article's own; not a country only named in what is said
            said_place = location is None or said_in(cand, location.name)
            country = speaker_country if said_place and speaker_country else home
            if country is None and stored is not None:
                country = stored.country  # "SPRINGFIELD, Ill. - ... officials said": the dateline's
            source = speaker_home(source, country)
        sides = complete(cand.code, source, cand.target.actor if cand.target else None,
                         (location.name, location.country) if location and location.country else None,
                         dyadic=self.options.require_dyad, statement=statement, home=home,
                         locative=locative, countries=self.kb.countries,
                         protest=cand.trigger.text if cand.trigger.pos_ == "NOUN" else None,
                         nominal=cand.trigger.pos_ == "NOUN", abroad=frozenset(self.kb.abroad),
                         setting=setting_country(setting if dateline else stored))
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
        source, target = sides
        key = "|".join([article.id, str(t_start), cand.code,
                        source.code if source else "", target.code if target else ""])
        if source and target and source.code == target.code and direction(cand):
            key += "|" + direction(cand)  # one event each way between two parties of one kind
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
            source=source,
            target=target,
            cameo=code,
            plover=plover(cand.code),
            location=stored,
            attribution=attribution,
            factuality=factuality,
            rule=cand.rule,
            coder=CODER,
            trigger=trigger.text,
            trigger_span=(t_start, t_start + len(trigger.text)),
            extra={"date_from_publication": date_info.from_publication},
        )

    def _location(self, doc: Any, cand: Candidate, coder: SentenceCoder,
                  context: frozenset[str] = frozenset()) -> tuple[Location | None, int]:
        """The place the event's clause names with "in", "at" or "near" (also "in the city of X", "in
        Afghanistan's X province": :func:`tidings.places.mention.place_phrase`)."""
        hint = None
        for ref in (cand.target, cand.source):
            if ref is not None and ref.actor.country:
                hint = ref.actor.country
                break
        place = cand.place
        if place is not None:
            ent = next((e for e in doc.ents if e.start <= place.i < e.end), None)
            found: Location | None = self.geocoder.geocode(ent.text if ent is not None else place.text,
                                                           country=hint, context=context)
            if found is not None and self.geocoder.scale(found) < 2:
                return found, 0
        else:
            found = None
        taken: set[int] = set()
        for ref in (cand.source, cand.target):
            # a side that is the country of a place acted on ("recaptured Palmyra") still names the place
            if ref is not None and not (":place-target" in cand.rule and ref.actor.sector is None):
                taken.update(range(ref.start, ref.end))
        # the clause's place, the verb's object, the sentence's (tidings.places.event_place): the smallest
        # place of the first tier the gazetteer knows, one with coordinates first
        # a country of the first tier gives way to a town of it that the clause names after another
        # preposition ("blocked the road between X and Y in central Ruritania"): the finer place of the two
        best: tuple[Location | None, int] = (found, 0) if found is not None else (None, -1)
        for number, tier in event_places(doc, cand.trigger, taken):
            located = [loc for loc in (self.geocoder.geocode(p.name, country=hint, context=context)
                                       for p in tier) if loc is not None]
            if located:
                found = min(located, key=lambda loc: (loc.lat is None, self.geocoder.scale(loc)))
                if best[0] is None:
                    best = (found, number)
                elif number <= 1 and found.country == best[0].country and found.lat is not None and \
                        self.geocoder.scale(found) < self.geocoder.scale(best[0]):
                    return found, best[1]
                if best[1] >= 1 or self.geocoder.scale(found) < 2:
                    return best
        return best

    def _fallback_place(self, article: Article, cleaned: Any, doc: Any, previous: list[Any],
                        context: frozenset[str], main_country: str | None,
                        earlier: Sequence[Any] = ()) -> Location | None:
        """The place of an event whose sentence has no place phrase: the one town the sentence names as a
        modifier, else the paragraph's earlier place, else the dateline's, else the article's setting (the
        first town an earlier sentence places something in), else the one country the sentence names; the
        earlier place, the dateline or the setting only when it lies in that country (if it names one): a
        story filed from Geneva about Ruritanian troops is placed in Ruritania. When none of these says
        where, the one region or state the sentence names as a modifier ("Punjab police", "Kentucky
        Governor X") is the place (a region outranking the earlier place or the setting lowered the test
        part's place accuracy: withdrawn)."""
        town: Location | None = sentence_town(doc, self.geocoder)
        if town is not None:
            return town
        setting = self._setting(earlier, context)  # its country decides between homonymous regions
        named = frozenset({setting.country}) if setting is not None and setting.country else frozenset()
        region: Location | None = sentence_region(doc, self.geocoder, context | named)  # "Punjab police"
        country: Location | None = sentence_country(doc, self.geocoder)
        finders: tuple[Callable[[], Location | None], ...] = (
            lambda: self._previous_place(previous, context),
            lambda: self._dateline_place(article, cleaned, main_country),
            lambda: setting)
        for find in finders:
            found = find()
            if found is not None and (country is None or found.country == country.country):
                return found
        return country or region

    def _finer(self, doc: Any, location: Location | None, context: frozenset[str]) -> Location | None:
        """A country the sentence gives as the place gives way to the one town or region of it that the
        sentence names as a modifier ("In neighbouring X, Y farmers blocked a highway": in Y)."""
        if location is None or self.geocoder.scale(location) < 2:
            return location
        finer: Location | None = sentence_town(doc, self.geocoder) or sentence_region(doc, self.geocoder,
                                                                                     context)
        return finer if finer is not None and finer.country == location.country else location

    def _setting(self, earlier: Sequence[Any], context: frozenset[str]) -> Location | None:
        """The article's setting: the first town an earlier sentence names after a locative preposition ("the
        council in X voted ..." sets what its mayor says later in X), or as the one town it names as a
        modifier ("X's mayor", "X police")."""
        for doc in earlier:
            for phrase in place_phrases(doc):
                if locative_preposition(phrase.head) is None:
                    continue
                found: Location | None = self.geocoder.geocode(phrase.name, context=context)
                if found is not None and self.geocoder.scale(found) < 2:
                    return found
            town: Location | None = sentence_town(doc, self.geocoder)  # "X's mayor suspended ...": in X
            if town is not None:
                return town
        return None

    def _previous_place(self, previous: list[Any], context: frozenset[str]) -> Location | None:
        """The place the nearest earlier sentence of the paragraph names after a locative preposition: a
        sentence that names none goes on where the one before it was ("Clashes broke out in X. Two
        soldiers were killed.")."""
        for doc in reversed(previous):
            for phrase in place_phrases(doc):
                if locative_preposition(phrase.head) is None:
                    continue
                found: Location | None = self.geocoder.geocode(phrase.name, context=context)
                if found is not None:
                    return found
        return None

    def _dateline_place(self, article: Article, cleaned: Any, country: str | None) -> Location | None:
        """Where the article's wire dateline files from ("BEIRUT (AP) -"), if the gazetteer knows it."""
        removed = getattr(cleaned, "removed", ())
        name = dateline_name(article.text, removed)
        states = article_states((), self.geocoder, dateline_text(article.text, removed))  # "X, Ohio (AP)"
        return self.geocoder.geocode(name, country=country, context=states) if name else None


def _introduces_person(words: Sequence[str]) -> bool:
    """A sentence that names someone by given name and surname set off by an apposition ("Ana Soto, a
    driver from X, said") or after a verb of saying ("said Ana Soto, who ..."): whoever they are, a later
    "Soto" or "she" is them."""
    for i in range(len(words) - 2):
        pair = all(w[:1].isupper() and w.isalpha() and len(w) > 1 for w in words[i:i + 2])
        if not pair:
            continue
        if words[i + 2] == "," and i + 3 < len(words) and (
                words[i + 3].lower() in ("a", "an", "the", "who") or words[i + 3].isdigit()):
            return True  # "X Y, a driver", "X Y, who runs a shop", "X Y, 62,"
        if i > 0 and words[i - 1].lower() in ("said", "says"):
            return True
    return False


def _hyphen_named(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` ends a name with a hyphenated given name ("Lee Min - ho": family name first)."""
    return i >= 3 and words[i].isalpha() and words[i].islower() and words[i - 1] == "-" and \
        words[i - 2][:1].isupper() and words[i - 3][:1].isupper() and words[i - 3].isalpha()


def _initial(word: str) -> bool:
    """A middle initial of a name ("Adnan Z. Amin")."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


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


def phoenix_layers(options: Options, kb: KnowledgeBase, lexicon: Lexicon) -> tuple[KnowledgeBase, Lexicon]:
    """Our knowledge base and lexicon over the Phoenix layers named (see tidings.dictionaries.layers)."""
    from tidings.dictionaries.layers import LAYERS, with_phoenix_actors, with_phoenix_verbs
    from tidings.errors import DictionaryError

    unknown = set(options.phoenix) - LAYERS
    if unknown:
        raise DictionaryError(f"unknown Phoenix layers {sorted(unknown)}; known: {sorted(LAYERS)}")
    folder = options.phoenix_dir
    if folder is None or not folder.is_dir():
        raise DictionaryError(f"the Phoenix layers need a folder of Phoenix dictionaries, not {folder}")
    if options.phoenix & {"actors", "agents"}:
        kb = with_phoenix_actors(KnowledgeBase.packaged(), folder, actors="actors" in options.phoenix,
                                 agents="agents" in options.phoenix)
    if "verbs" in options.phoenix:
        lexicon = with_phoenix_verbs(lexicon, folder)
    return kb, lexicon


def load_dictionaries(directory: Path, kb: KnowledgeBase, lexicon: Lexicon) -> tuple[KnowledgeBase, Lexicon]:
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
