"""Ingest orchestration: read, de-duplicate, code (in this process or a pool), write batch by batch.

    read_paths ─> prepare (parent) ─> code (1 process, or N workers each with its own Pipeline)
              ─> write_batch (parent: the single writer, one transaction a batch)

The parent decides everything that depends on order (exact and near duplicates, article sequence numbers),
so an interrupted ingest that is run again ends with the same store contents as an uninterrupted one.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings import errors
from tidings.about import CODER
from tidings.errors import InputError, NotEnglish
from tidings.ingest.base import Document, Ignored, ReadOptions
from tidings.ingest.dedup import THRESHOLD, NearDuplicates, signature, to_bytes
from tidings.ingest.registry import read_paths
from tidings.record import Article, Event
from tidings.store.db import Batch, Skip, Store, StoredArticle
from tidings.validate import DEFAULT_LIMITS, Limits, check_text

if TYPE_CHECKING:
    from tidings.claims.records import Claim
    from tidings.pipeline import Options, Pipeline
    from tidings.summary.core import Summary


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Everything that changes an ingest, built once (from defaults and CLI flags) and passed down."""

    published: dt.date | None = None
    fields: dict[str, tuple[str, ...]] | None = None
    workers: int = 1
    batch: int = 32
    dictionaries: Path | None = None
    near_threshold: float = THRESHOLD
    actors: tuple[Path, ...] = ()  # user actor tables (--actors)
    lexicons: tuple[Path, ...] = ()  # user verb/noun tables (--lexicon)
    limits: Limits = DEFAULT_LIMITS  # bounds on one input's size and work (tidings.validate.Limits)

    def pipeline_options(self) -> Options:
        """The options of the pipeline that codes this ingest (here, in a process pool, on a Dask worker)."""
        from tidings.pipeline import Options

        return Options(published=self.published, dictionaries=self.dictionaries, actors=self.actors,
                       lexicons=self.lexicons, limits=self.limits)

    def read_options(self) -> ReadOptions:
        if self.fields is None:
            return ReadOptions(self.published, limits=self.limits)
        return ReadOptions(self.published, self.fields, self.limits)


@dataclass(slots=True)
class RunStats:
    """Counters of one run, updated after every committed batch."""

    run_id: int
    articles: int = 0  # coded and stored (first copies)
    events: int = 0
    duplicates: int = 0  # exact copies: nothing written
    near_duplicates: int = 0  # syndicated copies: linked to their first copy
    skipped: int = 0
    ignored: int = 0
    batches: int = 0
    seconds: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def read(self) -> int:
        return self.articles + self.duplicates + self.near_duplicates + self.skipped

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0


@dataclass(slots=True)
class Coded:
    """A worker's answer for one article (errors travel as their class name and detail)."""

    article_id: str
    events: list[Event]
    error: tuple[str, str, str | None] | None = None
    claims: list[Claim] = field(default_factory=list)
    summary: Summary | None = None

    def exception(self) -> InputError | None:
        if self.error is None:
            return None
        return _rebuild(*self.error)


@dataclass(slots=True)
class _Work:
    batch: Batch
    to_code: list[tuple[Document, bytes]]  # first copies and their MinHash
    near: list[tuple[Document, bytes, str, float]]  # near-duplicates: (doc, minhash, first copy, similarity)
    future: list[Future[list[Coded]]] | list[Coded] | None = None


def _rebuild(name: str, detail: str, doc_id: str | None) -> InputError:
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, InputError)):
        return errors.MalformedInput(f"{name}: {detail}", doc_id=doc_id)
    return cls(detail, doc_id=doc_id)


# ------------------------------------------------------------------ coding (worker side)
_PIPELINE: Pipeline | None = None


def _init_worker(options: Options, parent: int | None = None) -> None:
    global _PIPELINE
    from tidings.pipeline import Pipeline

    if parent is not None:  # a pool worker: it dies with its parent, even one killed by SIGKILL
        from tidings.scale.lifeline import die_with_parent

        die_with_parent(parent)
    _PIPELINE = Pipeline(options)


def _code(articles: list[Article]) -> list[Coded]:
    assert _PIPELINE is not None, "the worker's pipeline is built by _init_worker"
    return code_articles(_PIPELINE, articles)


def code_articles(pipeline: Pipeline, articles: list[Article]) -> list[Coded]:
    """Events, claims and 5W1H summary of each article, from the pipeline's one orchestrator
    (:meth:`~tidings.pipeline.Pipeline.process`): one preparation, parse and mentions pass per article."""
    out: list[Coded] = []
    for result in pipeline.process(articles, claims=True, summary=True, batch=max(1, len(articles))):
        if result.error is not None:
            err = result.error
            out.append(Coded(result.article.id, [], (type(err).__name__, err.detail, result.article.id)))
            continue
        out.append(Coded(result.article.id, list(result.events), claims=result.claims,
                         summary=result.summary))
    return out


def _spawn_pool(options: Options, workers: int) -> ProcessPoolExecutor:
    """``workers`` spawned coding processes, each with its own Pipeline, each dying with this process."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(options, os.getpid()))


class CodingPool:
    """Coding processes kept across runs: a long-lived writer (``tidings serve``) codes in them, so the
    parse and coding do not take the GIL from its reader threads, and the model loads once.

    The processes start at the first run that uses the pool (from the thread that runs it) and die with
    this process, even one killed with SIGKILL (:mod:`tidings.scale.lifeline`). A run whose pipeline
    options differ from the pool's codes in a pool of its own, in child processes too.
    """

    def __init__(self, options: IngestOptions | None = None, workers: int = 1) -> None:
        self.options = (options or IngestOptions()).pipeline_options()
        self.workers = max(1, workers)
        self._executor = _spawn_pool(self.options, self.workers)

    @property
    def executor(self) -> ProcessPoolExecutor:
        """The pool; a new one if a coding process died (a broken pool takes no work), so that the run
        that met the death fails but the next ones code again."""
        if getattr(self._executor, "_broken", False):
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = _spawn_pool(self.options, self.workers)
        return self._executor

    def fits(self, options: IngestOptions) -> bool:
        """Whether a run with ``options`` can code here (the same pipeline, no more workers asked for)."""
        return options.pipeline_options() == self.options and options.workers <= self.workers

    def close(self) -> None:
        self._executor.shutdown(cancel_futures=True)


class _Coder:
    """Codes lists of articles here (1 worker, no pool), in a process pool whose workers build a Pipeline
    once (``workers`` > 1, or a :class:`CodingPool` given), or in the given pool."""

    def __init__(self, options: IngestOptions, shared: CodingPool | None = None) -> None:
        self.workers = max(1, options.workers)
        self.pool: ProcessPoolExecutor | None = None
        self.owned = True
        if shared is not None and shared.fits(options):
            self.pool, self.workers, self.owned = shared.executor, shared.workers, False
        elif self.workers > 1 or shared is not None:
            self.pool = _spawn_pool(options.pipeline_options(), self.workers)
        else:
            _init_worker(options.pipeline_options())

    def submit(self, articles: list[Article]) -> list[Future[list[Coded]]] | list[Coded]:
        if self.pool is None:
            return _code(articles)
        size = max(1, -(-len(articles) // self.workers))
        return [self.pool.submit(_code, articles[i:i + size]) for i in range(0, len(articles), size)]

    def close(self) -> None:
        if self.pool is not None and self.owned:
            self.pool.shutdown(cancel_futures=True)


# ------------------------------------------------------------------ the run (parent side)
class Ingest:
    """One ingest run into ``store``; :meth:`run` returns its counters."""

    def __init__(self, store: Store, options: IngestOptions | None = None, *,
                 coding: CodingPool | None = None) -> None:
        self.store = store
        self.options = options or IngestOptions()
        self.coding = coding
        self.near = NearDuplicates(threshold=self.options.near_threshold)
        self.seen: set[str] = set()
        self.failed: dict[str, InputError] = {}
        self.seq = 0

    def run(self, paths: Sequence[str], *, on_batch: Callable[[RunStats], None] | None = None,
            items: Iterable[Document | InputError | Ignored] | None = None) -> RunStats:
        options = self.options
        run_id = self.store.start_run(paths, workers=options.workers, coder=CODER)
        stats = RunStats(run_id)
        self.near.load(self.store.signatures())
        self.seq = self.store.next_seq()
        coder = _Coder(options, self.coding)
        start = time.perf_counter()  # the rate counts reading, coding and writing, not loading the model
        source = items if items is not None else read_paths(paths, options.read_options())
        in_flight: list[_Work] = []
        try:
            for chunk in _chunks(source, options.batch):
                work = self._prepare(run_id, chunk)
                articles = [doc.article() for doc, _ in work.to_code]
                work.future = coder.submit(articles) if articles else []
                in_flight.append(work)
                if len(in_flight) > 1:  # keep one batch coding while the previous one is written
                    self._finish(in_flight.pop(0), stats, start, on_batch)
            while in_flight:
                self._finish(in_flight.pop(0), stats, start, on_batch)
        finally:
            coder.close()
        self.store.finish_run(run_id, "done")
        stats.seconds = time.perf_counter() - start
        return stats

    def _prepare(self, run_id: int, chunk: list[Document | InputError | Ignored]) -> _Work:
        batch = Batch(run_id)
        work = _Work(batch, [], [])
        docs = [item for item in chunk if isinstance(item, Document)]
        known = self.store.known([d.key for d in docs])
        for item in chunk:
            if isinstance(item, Ignored):
                batch.ignored += sum(item.counts.values())
                continue
            if isinstance(item, InputError):
                batch.skipped.append(Skip(item))
                continue
            key = item.key
            if key in self.seen or key in known:
                batch.duplicates += 1
                continue
            self.seen.add(key)
            language = (item.language or "").strip().lower()
            if language and not language.startswith("en"):
                batch.skipped.append(Skip(NotEnglish(f" (declared language {item.language!r})",
                                                     doc_id=item.name), key))
                continue
            try:
                check_text(item.text, item.name, limits=self.options.limits)
            except InputError as exc:
                batch.skipped.append(Skip(exc, key))
                continue
            mh = signature(item.text)
            match = self.near.match(mh)
            if match is not None:
                work.near.append((item, to_bytes(mh), match[0], match[1]))
                continue
            self.near.add(key, mh)
            work.to_code.append((item, to_bytes(mh)))
        return work

    def _finish(self, work: _Work, stats: RunStats, start: float,
                on_batch: Callable[[RunStats], None] | None) -> None:
        batch = work.batch
        future = work.future
        coded: list[Coded] = []
        if isinstance(future, list):
            for part in future:
                coded.extend(part.result() if isinstance(part, Future) else [part])
        by_id = {c.article_id: c for c in coded}
        ok: set[str] = set()
        for doc, blob in work.to_code:
            result = by_id[doc.key]
            error = result.exception()
            if error is not None:
                error = _rebuild(type(error).__name__, error.detail, doc.name)
                self.failed[doc.key] = error
                batch.skipped.append(Skip(error, doc.key, blob))
                continue
            ok.add(doc.key)
            batch.articles.append(self._stored(doc, blob, coder=CODER))
            batch.events.extend(result.events)
            batch.claims.extend(result.claims)
            if result.summary is not None:
                batch.summaries.append(result.summary)
        for doc, blob, first, similarity in work.near:
            failure = self._failure(first)
            if failure is not None:
                detail = f"{failure.detail} (near-duplicate of {first})"
                batch.skipped.append(Skip(_rebuild(type(failure).__name__, detail, doc.name), doc.key))
                continue
            batch.articles.append(self._stored(doc, blob, duplicate_of=first,
                                               similarity=round(similarity, 4)))
        self.store.write_batch(batch)
        stats.batches += 1
        stats.articles += len(ok)
        stats.events += len(batch.events)
        stats.duplicates += batch.duplicates
        stats.near_duplicates += len(batch.articles) - len(ok)
        stats.skipped += len(batch.skipped)
        stats.ignored += batch.ignored
        for skip in batch.skipped:
            stats.reasons[skip.error.reason] = stats.reasons.get(skip.error.reason, 0) + 1
        stats.seconds = time.perf_counter() - start
        if on_batch is not None:
            on_batch(stats)

    def _failure(self, article_id: str) -> InputError | None:
        if article_id in self.failed:
            return self.failed[article_id]
        stored = self.store.failure(article_id)
        if stored is None:
            return None
        return _rebuild(stored[0], stored[1], article_id)

    def _stored(self, doc: Document, blob: bytes, *, coder: str | None = None,
                duplicate_of: str | None = None, similarity: float | None = None) -> StoredArticle:
        seq = self.seq
        self.seq += 1
        return StoredArticle(
            id=doc.key, seq=seq, name=doc.name, kind=doc.kind, text=doc.text, minhash=blob,
            doc_id=doc.doc_id, url=doc.url, title=doc.title, author=doc.author, published=doc.published,
            site=doc.site,
            language=doc.language or "en", duplicate_of=duplicate_of, similarity=similarity, coder=coder)


def ingest(store: Store, paths: Sequence[str], options: IngestOptions | None = None, *,
           on_batch: Callable[[RunStats], None] | None = None, coding: CodingPool | None = None) -> RunStats:
    """Read ``paths`` and code them into ``store`` (in ``coding``'s processes, if given): :class:`Ingest`."""
    return Ingest(store, options, coding=coding).run(paths, on_batch=on_batch)


@dataclass(slots=True)
class RecodeStats:
    articles: int = 0
    events: int = 0
    failed: int = 0
    seconds: float = 0.0


def recode(store: Store, options: IngestOptions | None = None, *, everything: bool = False,
           on_batch: Callable[[RecodeStats], None] | None = None) -> RecodeStats:
    """Run the current coder again over stored articles (those coded by another version, or all)."""
    options = options or IngestOptions()
    start = time.perf_counter()
    stats = RecodeStats()
    rows = store.articles_to_recode(CODER, everything=everything)
    if not rows:
        return stats
    coder = _Coder(options)
    try:
        for i in range(0, len(rows), options.batch):
            chunk = rows[i:i + options.batch]
            articles = [Article(r[0], r[1], r[2], r[3], r[4]) for r in chunk]
            submitted = coder.submit(articles)
            coded = [c for part in submitted for c in (part.result() if isinstance(part, Future) else [part])]
            ok = [c for c in coded if c.error is None]
            events = [e for c in ok for e in c.events]
            store.replace_events([r[0] for r in chunk], events, CODER,
                                 claims=[x for c in ok for x in c.claims],
                                 summaries=[c.summary for c in ok if c.summary is not None])
            stats.articles += len(chunk)
            stats.events += len(events)
            stats.failed += sum(1 for c in coded if c.error is not None)
            stats.seconds = time.perf_counter() - start
            if on_batch is not None:
                on_batch(stats)
    finally:
        coder.close()
    return stats


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    documents = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Document):  # errors and tallies do not take a place in the batch
            documents += 1
            if documents >= size:
                yield chunk
                chunk, documents = [], 0
    if chunk:
        yield chunk
