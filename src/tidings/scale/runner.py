"""Batch ingest on a Dask cluster: partitions out, Parquet shards back, one writer loads them.

    plan(paths) ─> partitions not yet done ─ Client.submit(code_partition, retries=2) ─> shards + _done
                 ─> load_run(store): exact and near duplicates, sequence numbers, INSERT OR IGNORE

The decisions that depend on order (which copy of an article is the first, which is a syndicated near
duplicate, the articles' sequence numbers) are taken at load time in input order, exactly as the
single-process ingest takes them, so both engines leave the same store. Near duplicates are coded on the
workers like every article (a worker cannot know the others' articles) and their events dropped at load.

A worker that dies has its partition retried elsewhere (the scheduler reschedules the tasks of a lost
worker; ``retries`` covers exceptions). A run that stops part-way keeps its shards in the run folder: the same
command again submits only the partitions without a ``_done`` marker. Loading inserts with primary keys and
``INSERT OR IGNORE``, and skips articles the store already has: nothing is coded twice into the store.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings import errors
from tidings.about import CODER
from tidings.errors import ClusterError, InputError
from tidings.ingest.dedup import NearDuplicates, from_bytes
from tidings.ingest.runner import IngestOptions
from tidings.scale.partition import DEFAULT_SIZE, Partition, plan
from tidings.scale.worker import TABLES, ShardSummary, code_partition, read_done
from tidings.store.db import DEFAULT_DB, Store, skip_id
from tidings.store.schema import ANALYSIS_TABLES

Task = Callable[[Partition, str, IngestOptions], ShardSummary]


@dataclass(slots=True)
class LoadStats:
    """What loading the shards of a run added to the store."""

    run_id: int
    articles: int = 0
    events: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    skipped: int = 0
    ignored: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class DaskSummary:
    """One ``run_dask`` call: what was planned, done before, coded now, failed, and loaded."""

    run_dir: str
    partitions: int
    resumed: int = 0  # partitions finished by an earlier, interrupted run
    coded: int = 0  # partitions coded by this run
    failed: dict[str, str] = field(default_factory=dict)  # partition id -> error
    documents: int = 0
    events: int = 0  # events coded (before duplicates are dropped at load)
    workers: int = 0
    seconds: float = 0.0
    coding_seconds: float = 0.0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # worker -> peak RSS
    load: LoadStats | None = None

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def rate(self) -> float:
        """Documents per second of wall-clock time spent coding."""
        return self.documents / self.coding_seconds if self.coding_seconds else 0.0


def run_key(paths: Sequence[str], options: IngestOptions, partitions: Sequence[Partition]) -> str:
    """A short hash of the coder, the options and the plan: names the default run folder."""
    blob = json.dumps([salt(options), [p.id for p in partitions], list(paths)])
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:12]


def salt(options: IngestOptions) -> str:
    """What, besides the inputs, changes the shards: the coder version and the reading/coding options."""
    return json.dumps([CODER, str(options.published), str(options.dictionaries),
                       sorted((k, list(v)) for k, v in (options.fields or {}).items())])


def run_dask(paths: Sequence[str], *, scheduler: str | None = None, local_workers: int | None = None,
             run_dir: str | Path | None = None, out_parquet: str | Path | None = None,
             db: str | Path | None = DEFAULT_DB, options: IngestOptions | None = None,
             partition_size: int = DEFAULT_SIZE, client: Any = None, progress: bool = True,
             keep: bool = False, retries: int = 2, task: Task = code_partition) -> DaskSummary:
    """Code ``paths`` on a Dask cluster into the store ``db`` (or a Parquet dataset ``out_parquet``).

    The cluster is ``client`` (a ``distributed.Client``), else the scheduler at ``scheduler``
    (``tcp://host:8786``), else a ``LocalCluster`` of ``local_workers`` single-threaded processes (default:
    one per core). Shards go to ``run_dir`` (default: ``.tidings-runs/<key>`` beside the store), or to
    ``out_parquet``, which then is the result. The run folder is removed once loaded unless ``keep``.
    """
    options = options or IngestOptions()
    started = time.perf_counter()
    partitions = plan(paths, size=partition_size, salt=salt(options))
    if out_parquet is not None:
        folder = str(out_parquet)
    elif run_dir is not None:
        folder = str(run_dir)
    else:
        base = Path(str(db)).absolute().parent if db and str(db) != ":memory:" else Path.cwd()
        folder = str(base / ".tidings-runs" / run_key(paths, options, partitions))
    if "://" not in folder:
        folder = str(Path(folder).absolute())
        Path(folder).mkdir(parents=True, exist_ok=True)
    summary = DaskSummary(folder, len(partitions))
    todo: list[Partition] = []
    for part in partitions:
        finished = read_done(folder, part.id)
        if finished is None:
            todo.append(part)
        else:
            summary.resumed += 1
            summary.documents += finished.documents
            summary.events += finished.events
    if todo:
        coding_started = time.perf_counter()
        with _cluster(client, scheduler, local_workers) as live:
            summary.workers = len(live.scheduler_info().get("workers", {}))
            _submit(live, todo, folder, options, summary, progress=progress, retries=retries, task=task)
            summary.peak_rss_mb = _peak_rss(live)
        summary.coding_seconds = time.perf_counter() - coding_started
    if summary.ok and out_parquet is None and db is not None:
        with Store.open(db) as store:
            summary.load = load_run(store, folder, partitions, options, inputs=paths,
                                    workers=summary.workers)
        if not keep and "://" not in folder:
            shutil.rmtree(folder, ignore_errors=True)
    summary.seconds = time.perf_counter() - started
    return summary


class _cluster:
    """The client to use: the one given, or one connected to a scheduler, or a new LocalCluster."""

    def __init__(self, client: Any, scheduler: str | None, local_workers: int | None) -> None:
        self.given = client
        self.scheduler = scheduler
        self.local_workers = local_workers
        self.owned: list[Any] = []

    def __enter__(self) -> Any:
        if self.given is not None:
            return self.given
        from distributed import Client, LocalCluster

        try:
            if self.scheduler is not None:
                client = Client(self.scheduler, timeout="30s")  # type: ignore[no-untyped-call]
            else:
                workers = self.local_workers or os.cpu_count() or 1
                cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
                self.owned.append(cluster)
                client = Client(cluster)  # type: ignore[no-untyped-call]
                # the worker processes are children of this one: they end when it ends, even by kill -9
                from tidings.scale.guard import DieWithClient

                client.register_plugin(DieWithClient())
        except (OSError, TimeoutError) as exc:
            self.__exit__()
            where = self.scheduler or "(local cluster)"
            raise ClusterError(f"cannot reach the Dask scheduler {where}: {exc}") from exc
        self.owned.insert(0, client)
        return client

    def __exit__(self, *_: object) -> None:
        for thing in self.owned:
            thing.close()
        self.owned.clear()


def _submit(client: Any, todo: list[Partition], folder: str, options: IngestOptions, summary: DaskSummary,
            *, progress: bool, retries: int, task: Task) -> None:
    from distributed import as_completed
    from rich.console import Console

    from tidings.console import progress as progress_bar

    tag = uuid.uuid4().hex[:8]
    futures = {client.submit(task, part, folder, options, key=f"tidings-{part.id}-{tag}", retries=retries,
                             pure=False): part for part in todo}
    bar = progress_bar(Console(stderr=True), disable=not progress)
    with bar:
        tracker = bar.add_task("coding partitions", total=len(futures), info="0 articles")
        for future in as_completed(list(futures)):  # type: ignore[no-untyped-call]
            part = futures[future]
            if future.status == "finished":
                result: ShardSummary = future.result()
                summary.coded += 1
                summary.documents += result.documents
                summary.events += result.events
            else:
                exc = future.exception()
                summary.failed[part.id] = f"{type(exc).__name__}: {exc}"
            bar.update(tracker, advance=1, info=f"{summary.documents} articles, {summary.events} events")
            future.release()


def _peak_rss(client: Any) -> dict[str, float]:
    try:
        found: dict[str, float] = client.run(worker_peak_rss_mb)
    except Exception:  # a worker that went away does not stop the run
        return {}
    return found


def worker_peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports kilobytes)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# ---------------------------------------------------------------------------------------------- loading
def _finished(run_dir: str, partitions: Sequence[Partition]) -> tuple[list[ShardSummary], dict[int, int]]:
    """The summaries of the finished shards, and the number of each partition's first document in the
    input order; :class:`ClusterError` when one is not finished."""
    summaries: list[ShardSummary] = []
    for part in partitions:
        found = read_done(run_dir, part.id)
        if found is None:
            raise ClusterError(f"partition {part.id} of {run_dir} is not finished: run again to resume")
        summaries.append(found)
    offsets: dict[int, int] = {}
    total = 0
    for part, found in zip(partitions, summaries, strict=True):
        offsets[part.index] = total
        total += found.documents
    return summaries, offsets


def load_run(store: Store, run_dir: str, partitions: Sequence[Partition], options: IngestOptions, *,
             inputs: Sequence[str], workers: int) -> LoadStats:
    """Load finished shards into ``store`` in one transaction, deciding duplicates in input order."""
    summaries, offsets = _finished(run_dir, partitions)
    files = {t: [f"{run_dir.rstrip('/')}/{t}/{p.id}.parquet" for p in partitions] for t in TABLES}
    con = store.con
    run_id = store.start_run(list(inputs), workers=workers, coder=CODER)
    stats = LoadStats(run_id, duplicates=sum(s.duplicates for s in summaries),
                      ignored=sum(s.ignored for s in summaries))

    def parquet(table: str) -> str:
        return f"read_parquet({[str(f) for f in files[table]]!r}, union_by_name = true)"

    rows = con.execute(
        f"""SELECT part, doc, id, state, minhash, name, detail, reason, message,
                   id IN (SELECT id FROM articles) OR id IN (SELECT article_id FROM skipped) AS known
            FROM (SELECT a.part, a.seq AS doc, a.id, a.state, a.minhash, a.name,
                         s.detail, s.reason, s.message
                  FROM {parquet('articles')} a
                  LEFT JOIN {parquet('skipped')} s ON s.part = a.part AND s.article_id = a.id
                  UNION ALL
                  SELECT part, doc, article_id, 'checked', NULL, name, detail, reason, message
                  FROM {parquet('skipped')} WHERE article_id IS NOT NULL AND minhash IS NULL)
            ORDER BY part, doc""").fetchall()
    near = NearDuplicates(threshold=options.near_threshold)
    near.load(store.signatures())
    seen: set[str] = set()
    failed: dict[str, tuple[str, str]] = {}  # article id -> (reason, detail) of this run's failures
    decided: list[tuple[int, str, str, str | None, float | None, tuple[int, int, int]]] = []
    extra: list[InputError] = []
    extra_ids: list[str] = []
    batch = max(1, options.batch)
    for part, doc, article_id, state, blob, name, detail, reason, message, known in rows:
        number = offsets[part] + doc
        order = (number // batch, 0, number)
        if known or article_id in seen:
            stats.duplicates += 1
            continue
        seen.add(article_id)
        if state == "checked":
            decided.append((part, article_id, "checked", None, None, order))
            continue
        signature = from_bytes(bytes(blob), num_perm=near.num_perm)
        match = near.match(signature)
        if match is not None:
            first, similarity = match
            failure = failed.get(first) or store.failure(first)
            if failure is not None:
                error = _rebuild(failure[0], f"{failure[1]} (near-duplicate of {first})", name)
                extra.append(error)
                extra_ids.append(article_id)
                continue
            decided.append((part, article_id, "near", first, round(similarity, 4),
                            (order[0], 1, number)))
            continue
        near.add(article_id, signature)
        if state == "ok":
            decided.append((part, article_id, "first", None, None, order))
        else:
            failed[article_id] = (reason, detail or message)
            decided.append((part, article_id, "failed", None, None, order))
    seq = store.next_seq()
    stored = sorted((d for d in decided if d[2] in ("first", "near")), key=lambda d: d[5])
    seqs = {(d[0], d[1]): seq + n for n, d in enumerate(stored)}
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE decisions (part INTEGER, id VARCHAR, decision VARCHAR, "
                    "duplicate_of VARCHAR, similarity DOUBLE, seq BIGINT)")
        if decided:
            columns = list(zip(*[(d[0], d[1], d[2], d[3], d[4], seqs.get((d[0], d[1]))) for d in decided],
                               strict=True))
            con.execute("INSERT INTO decisions SELECT unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), "
                        "unnest(?)", [list(c) for c in columns])
        con.execute(
            f"""INSERT OR IGNORE INTO articles BY NAME
                SELECT a.* EXCLUDE (seq, state, part, duplicate_of, similarity, coder),
                       d.seq, d.duplicate_of, d.similarity,
                       CASE WHEN d.decision = 'first' THEN a.coder END AS coder, {run_id} AS run_id
                FROM {parquet('articles')} a JOIN decisions d ON d.part = a.part AND d.id = a.id
                WHERE d.decision IN ('first', 'near')""")
        kept = f"""FROM {parquet('events')} e JOIN decisions d ON d.part = e.part AND d.id = e.article_id
                   WHERE d.decision = 'first'"""
        count = con.execute(f"SELECT count(*) {kept}").fetchone()
        stats.events = int(count[0]) if count else 0
        con.execute(f"INSERT OR IGNORE INTO events BY NAME SELECT e.* EXCLUDE (part) {kept}")
        con.execute(f"""INSERT OR IGNORE INTO mentions BY NAME SELECT m.* EXCLUDE (part)
                        FROM {parquet('mentions')} m
                        JOIN decisions d ON d.part = m.part AND d.id = m.article_id
                        WHERE d.decision = 'first'""")
        con.execute("""INSERT OR IGNORE INTO mentions SELECT m.event_id, d.id, false FROM mentions m
                       JOIN decisions d ON m.article_id = d.duplicate_of AND m.is_first
                       WHERE d.decision = 'near'""")
        con.execute(f"""INSERT OR IGNORE INTO actors BY NAME
                        SELECT x.* EXCLUDE (part) FROM {parquet('actors')} x
                        WHERE (x.code, x.name) IN (
                            SELECT (source_code, source_name) {kept}
                            UNION SELECT (target_code, target_name) {kept})
                        QUALIFY row_number() OVER (PARTITION BY x.code, x.name ORDER BY x.part) = 1""")
        for table in ANALYSIS_TABLES:
            con.execute(f"""INSERT OR IGNORE INTO {table} BY NAME SELECT x.* EXCLUDE (part)
                            FROM {parquet(table)} x
                            JOIN decisions d ON d.part = x.part AND d.id = x.article_id
                            WHERE d.decision = 'first'""")
        skipped = f"""FROM {parquet('skipped')} s
                      LEFT JOIN decisions d ON d.part = s.part AND d.id = s.article_id
                      WHERE s.article_id IS NULL OR d.decision IN ('failed', 'checked')"""
        for reason, n in con.execute(f"SELECT s.reason, count(*) {skipped} GROUP BY 1").fetchall():
            stats.reasons[reason] = stats.reasons.get(reason, 0) + int(n)
        con.execute(f"""INSERT OR IGNORE INTO skipped BY NAME
                        SELECT s.* EXCLUDE (doc, detail, part), {run_id} AS run_id {skipped}""")
        if extra:
            con.executemany("INSERT OR IGNORE INTO skipped (id, name, reason, code, message, article_id, "
                            "run_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [[skip_id(e), e.doc_id or "", e.reason, e.code, str(e), key, run_id]
                             for e, key in zip(extra, extra_ids, strict=True)])
            for e in extra:
                stats.reasons[e.reason] = stats.reasons.get(e.reason, 0) + 1
        stats.articles = sum(1 for d in decided if d[2] == "first")
        stats.near_duplicates = sum(1 for d in decided if d[2] == "near")
        stats.skipped = sum(stats.reasons.values())
        con.execute("UPDATE ingest_runs SET articles = ?, events = ?, duplicates = ?, near_duplicates = ?, "
                    "skipped = ?, ignored = ? WHERE id = ?",
                    [stats.articles, stats.events, stats.duplicates, stats.near_duplicates, stats.skipped,
                     stats.ignored, run_id])
        con.execute("DROP TABLE decisions")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        store.finish_run(run_id, "interrupted")
        raise
    store.finish_run(run_id, "done")
    return stats


def _rebuild(name: str, detail: str, doc_id: str | None) -> InputError:
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, InputError)):
        return errors.MalformedInput(f"{name}: {detail}", doc_id=doc_id)
    return cls(detail, doc_id=doc_id)
