"""Ingest orchestration: read, de-duplicate, code (in this process or a pool), write batch by batch.

    read_paths ─> prepare (parent) ─> code (1 process, or N workers each with its own Pipeline)
              ─> write_batch (parent: the single writer, one transaction a batch)

The parent decides everything that depends on order (exact and near duplicates, article sequence numbers),
so an interrupted ingest that is run again ends with the same store contents as an uninterrupted one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import logging.handlers
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings import errors
from tidings.about import CODER
from tidings.errors import InputError, NotEnglish
from tidings.ingest.base import Document, Ignored, ReadOptions
from tidings.ingest.dedup import THRESHOLD, NearDuplicates, signature, to_bytes
from tidings.ingest.registry import read_paths
from tidings.log import get_logger, warn
from tidings.record import Article, Event
from tidings.store.db import Batch, Skip, Store, StoredArticle
from tidings.validate import DEFAULT_LIMITS, Limits, check_text, hard_deadline, set_watcher, wall_clock

_log = get_logger(__name__)

if TYPE_CHECKING:
    from tidings.claims.records import Claim
    from tidings.pipeline import Options, Pipeline
    from tidings.summary.core import Summary


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Everything that changes an ingest, built once (from defaults and CLI flags) and passed down."""

    published: dt.date | None = None
    fields: dict[str, tuple[str, ...]] | None = None
    workers: int = 0  # coding processes; 0: code in this process
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
    future: list[_Task] | list[Coded] | None = None


def _rebuild(name: str, detail: str, doc_id: str | None) -> InputError:
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, InputError)):
        return errors.MalformedInput(f"{name}: {detail}", doc_id=doc_id)
    return cls(detail, doc_id=doc_id)


# ------------------------------------------------------------------ coding (worker side)
_PIPELINE: Pipeline | None = None
_PROGRESS: _Progress | None = None
ROW = 4  # a coding process's row in the watchdog's table: pid, task, position in the task, since
POLL = 0.1  # seconds between two looks of the watchdog


class _Progress:
    """A coding process's row of the table its parent watches: which document of which task it is coding,
    and since when (the wall clock less the time that document had already used; 0: none). Written by
    every :class:`~tidings.validate.Budget` of the process as it starts and stops (``set_watcher``)."""

    def __init__(self, table: Any) -> None:
        self.table = table
        self.task = -1
        self.positions: dict[str, int] = {}
        with table.get_lock():
            rows = [i for i in range(len(table) // ROW) if table[i * ROW] == 0]
            self.row = rows[0] if rows else 0
            table[self.row * ROW] = os.getpid()

    def begin(self, task: int, articles: list[Article]) -> None:
        self.task = task
        self.positions = {a.id: i for i, a in enumerate(articles)}

    def publish(self, doc_id: str | None, spent: float) -> None:
        base = self.row * ROW
        with self.table.get_lock():
            if doc_id is None or doc_id not in self.positions:
                self.table[base + 3] = 0.0
                return
            self.table[base + 1] = self.task
            self.table[base + 2] = self.positions[doc_id]
            self.table[base + 3] = wall_clock() - spent


def _init_worker(options: Options, parent: int | None = None, table: Any = None, logs: Any = None,
                 level: int = logging.WARNING) -> None:
    global _PIPELINE, _PROGRESS
    from tidings.pipeline import Pipeline

    if parent is not None:  # a pool worker: it dies with its parent, even one killed by SIGKILL
        from tidings.scale.lifeline import die_with_parent

        die_with_parent(parent)
    if logs is not None:  # the numbered warnings of the coding (W003, W004, W101, ...) go to the parent
        tidings_log = logging.getLogger("tidings")
        tidings_log.addHandler(logging.handlers.QueueHandler(logs))
        tidings_log.setLevel(level)
    _PIPELINE = Pipeline(options)
    if parent is not None:  # first-use loads now, not in the first document's time limit
        _PIPELINE.warm_up()
    if table is not None:  # a watched worker: its budgets say which document it is on
        _PROGRESS = _Progress(table)
        set_watcher(_PROGRESS.publish)


def _code(articles: list[Article], task: int = -1) -> list[Coded]:
    assert _PIPELINE is not None, "the worker's pipeline is built by _init_worker"
    if _PROGRESS is not None:
        _PROGRESS.begin(task, articles)
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


# ------------------------------------------------------------------ coding processes (parent side)
_TASKS = itertools.count()


class _Pool:
    """``workers`` spawned coding processes, each with its own Pipeline, each dying with this process, and
    the watchdog that holds each document to its hard wall-clock limit.

    Each process reports in a shared table the document it is coding and since when (:class:`_Progress`);
    a thread of this process looks every :data:`POLL` seconds and stops (SIGKILL) a process that has been on
    one document longer than :func:`~tidings.validate.hard_deadline` of ``max_wall_seconds``, noting the
    document in :attr:`stopped` (task -> position -> seconds). The pool is then broken; the caller skips the
    noted documents with [T015] and codes the others again in a new pool (:meth:`_Coder.collect`).
    """

    def __init__(self, options: Options, workers: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.workers = workers
        self.limit = options.limits.max_wall_seconds
        self.table = context.Array("d", workers * ROW)
        self.logs = context.Queue()
        self._listener = logging.handlers.QueueListener(self.logs, _Forward())
        self._listener.start()
        level = logging.getLogger("tidings").getEffectiveLevel()
        self.executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                            initargs=(options, os.getpid(), self.table, self.logs, level))
        self.stopped: dict[int, dict[int, float]] = {}
        self._done = threading.Event()
        if self.limit > 0:
            threading.Thread(target=self._watch, name="tidings-watchdog", daemon=True).start()

    @property
    def broken(self) -> bool:
        return bool(getattr(self.executor, "_broken", False))

    def _watch(self) -> None:
        while not self._done.wait(POLL):
            if self.look():
                return  # the pool is broken: its work is coded again elsewhere

    def look(self) -> bool:
        """Stop every coding process past the hard deadline of its document; whether one was stopped."""
        deadline = hard_deadline(self.limit)
        with self.table.get_lock():
            rows = [tuple(self.table[i * ROW:(i + 1) * ROW]) for i in range(self.workers)]
        now = wall_clock()
        stopped = False
        for pid, task, position, since in rows:
            if pid and since and now - since > deadline:
                self.stopped.setdefault(int(task), {})[int(position)] = now - since
                warn("W006", f"coding process {int(pid)} stopped: one document of its task past "
                     f"{deadline:g} s (max_wall_seconds {self.limit:g} and a grace); the others are coded "
                     "again", log=_log)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(pid), signal.SIGKILL)
                stopped = True
        return stopped

    def shutdown(self, *, wait: bool = True) -> None:
        self._done.set()
        self.executor.shutdown(wait=wait, cancel_futures=True)
        if wait:  # (a broken pool's queue may hold half a record of a stopped process: its thread is left)
            self._listener.stop()


class _Forward(logging.Handler):
    """Hands a coding process's log record to this process's logger of the same name (its handlers: the
    command line's, the server's, a test's)."""

    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger(record.name).handle(record)


@dataclass(slots=True)
class _Task:
    """A list of articles sent to a pool, under a number its coding process reports."""

    number: int
    articles: list[Article]
    pool: _Pool
    future: Future[list[Coded]]


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
        self._pool = _Pool(self.options, self.workers)

    @property
    def pool(self) -> _Pool:
        """The pool; a new one if a coding process died or was stopped (a broken pool takes no work)."""
        if self._pool.broken:
            self._pool.shutdown(wait=False)
            self._pool = _Pool(self.options, self.workers)
        return self._pool

    @property
    def executor(self) -> ProcessPoolExecutor:
        """The live pool's processes (a new pool if one died)."""
        return self.pool.executor

    def fits(self, options: IngestOptions) -> bool:
        """Whether a run with ``options`` can code here (the same pipeline, no more workers asked for)."""
        return options.pipeline_options() == self.options and options.workers <= self.workers

    def close(self) -> None:
        self._pool.shutdown()


class _Coder:
    """Codes lists of articles here (``workers`` 0: no child process, only the documents' own checks of
    their time), in ``workers`` coding processes that build a Pipeline once and are watched
    (:class:`_Pool`), or in a given :class:`CodingPool`."""

    def __init__(self, options: IngestOptions, shared: CodingPool | None = None) -> None:
        self.options = options.pipeline_options()
        self.workers = max(1, options.workers)
        self.shared: CodingPool | None = None
        self.pool: _Pool | None = None
        if shared is not None and shared.fits(options):
            self.shared, self.workers = shared, shared.workers
        elif options.workers > 0 or shared is not None:
            self.pool = _Pool(self.options, self.workers)
        else:
            _init_worker(self.options)

    def _live(self) -> _Pool:
        if self.shared is not None:
            return self.shared.pool
        assert self.pool is not None
        if self.pool.broken:
            self.pool.shutdown(wait=False)
            self.pool = _Pool(self.options, self.workers)
        return self.pool

    def submit(self, articles: list[Article]) -> list[_Task] | list[Coded]:
        if self.pool is None and self.shared is None:
            return _code(articles)
        size = max(1, -(-len(articles) // self.workers))
        return [self._task(articles[i:i + size]) for i in range(0, len(articles), size)]

    def _task(self, articles: list[Article]) -> _Task:
        pool, number = self._live(), next(_TASKS)
        return _Task(number, articles, pool, pool.executor.submit(_code, articles, number))

    def collect(self, parts: list[_Task] | list[Coded]) -> list[Coded]:
        """The coded articles of what :meth:`submit` gave, in any order; a document whose coding process
        was stopped at its hard deadline comes back as [T015], and the others of its task (and of any
        task the stop broke) are coded again in a new pool. A coding process that died by itself (killed
        from outside, out of memory) has its task's articles coded again one by one: one that kills its
        process alone as well comes back as [T013]."""
        out: list[Coded] = []
        pending: list[_Task | Coded] = list(parts)
        while pending:
            part = pending.pop(0)
            if isinstance(part, Coded):
                out.append(part)
                continue
            try:
                out.extend(part.future.result())
            except BrokenProcessPool:
                lost, again = self._after_break(part)
                out.extend(lost)
                pending.extend(again)
        return out

    def _after_break(self, task: _Task) -> tuple[list[Coded], list[_Task]]:
        stopped = task.pool.stopped.get(task.number, {})
        lost = [_failed(a, "CodingTimedOut", f" (its coding process was stopped after {stopped[i]:.3g} s; "
                        f"the limit is {task.pool.limit:g} s, max_wall_seconds)")
                for i, a in enumerate(task.articles) if i in stopped]
        rest = [a for i, a in enumerate(task.articles) if i not in stopped]
        if not rest:
            return lost, []
        if task.pool.stopped:  # the watchdog broke the pool: the others were not at fault
            return lost, [self._task(rest)]
        if len(rest) > 1:  # a process died by itself: find the article that kills it, one by one
            return lost, [self._task([a]) for a in rest]
        return [*lost, _failed(rest[0], "CodingFailed", "its coding process died")], []

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def _failed(article: Article, error: str, detail: str) -> Coded:
    return Coded(article.id, [], (error, detail, article.id))


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
        self.coder: _Coder | None = None

    def run(self, paths: Sequence[str], *, on_batch: Callable[[RunStats], None] | None = None,
            items: Iterable[Document | InputError | Ignored] | None = None) -> RunStats:
        options = self.options
        run_id = self.store.start_run(paths, workers=options.workers, coder=CODER)
        stats = RunStats(run_id)
        self.near.load(self.store.signatures())
        self.seq = self.store.next_seq()
        coder = self.coder = _Coder(options, self.coding)
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
        assert self.coder is not None, "the run's coder is made by run()"
        coded = self.coder.collect(future) if future is not None else []
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
            coded = coder.collect(submitted)
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
