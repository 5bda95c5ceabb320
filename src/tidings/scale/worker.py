"""What runs on a worker: read one partition, code it, write its Parquet shards, say what it did.

The Pipeline (spaCy model, knowledge base, lexicon, gazetteer) is built once per worker process and kept in
a module-level cache, so a worker pays the model load once however many partitions it codes.

A partition's shards, under the run folder (one folder a table, one file a partition)::

    articles/<id>.parquet   the store's ``articles`` columns (``seq`` = document number in the partition,
                            ``run_id`` left out) + ``state`` (ok | failed) + ``part`` (partition index)
    events/ mentions/ actors/   the store's columns + ``part``
    claims/ appearances/ summaries/   likewise (the store's analysis tables, keyed by ``article_id``)
    skipped/<id>.parquet    the store's columns (no ``run_id``) + ``doc`` + ``detail`` + ``part``
    _done/<id>.json         written last: the partition is finished (counts, seconds, worker)

Rows are flattened by the store's own code (an in-memory :class:`~tidings.store.Store` and its
``write_batch``), so the shards have exactly the columns of the store. Each file is written under a temporary
name and renamed into place; a partition counts as done only once its ``_done`` marker exists, so a worker
killed half-way leaves nothing that a later run mistakes for finished work.
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import fsspec  # type: ignore[import-untyped]
from fsspec.core import url_to_fs  # type: ignore[import-untyped]

from tidings.about import CODER
from tidings.errors import InputError, MalformedInput, NotEnglish
from tidings.ingest.base import Document, Ignored, Item
from tidings.ingest.dedup import signature, to_bytes
from tidings.ingest.registry import read_bytes
from tidings.ingest.runner import IngestOptions, code_articles
from tidings.pipeline import Options, Pipeline
from tidings.scale.partition import Member, Partition
from tidings.store.db import Batch, Skip, Store, StoredArticle
from tidings.store.schema import ANALYSIS_TABLES
from tidings.validate import check_text

TABLES = ("articles", "events", "mentions", "actors", "skipped", *ANALYSIS_TABLES)
DONE = "_done"
TMP = "_tmp"

_PIPELINES: dict[Options, Pipeline] = {}


def pipeline_for(options: Options) -> Pipeline:
    """The worker process's Pipeline for these options, built on first use."""
    pipeline = _PIPELINES.get(options)
    if pipeline is None:
        pipeline = _PIPELINES[options] = Pipeline(options)
    return pipeline


@dataclass(slots=True)
class ShardSummary:
    """What one partition gave (also the content of its ``_done`` marker)."""

    partition: str
    index: int
    documents: int = 0  # documents read (articles, whatever became of them)
    coded: int = 0
    failed: int = 0  # read as articles, then skipped (language, size, pipeline)
    errors: int = 0  # inputs that could not be read as articles
    duplicates: int = 0  # exact copies of an earlier document of the same partition
    ignored: int = 0
    events: int = 0
    seconds: float = 0.0
    worker: str = ""
    reasons: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShardSummary:
        return cls(**data)


def done_path(run_dir: str, partition_id: str) -> str:
    return f"{run_dir.rstrip('/')}/{DONE}/{partition_id}.json"


def read_done(run_dir: str, partition_id: str) -> ShardSummary | None:
    """The summary of a finished partition, or ``None`` when it is not finished."""
    fs, path = url_to_fs(done_path(run_dir, partition_id))
    if not fs.exists(path):
        return None
    with fs.open(path, "rb") as handle:
        return ShardSummary.from_dict(json.loads(handle.read()))


def read_member(member: Member, options: IngestOptions) -> Iterator[Item]:
    """The documents (or errors) of one member, named as the single-process reader names them."""
    if member.size < 0:
        yield MalformedInput(f"no such file or folder: {member.name}", doc_id=member.name)
        return
    try:
        with fsspec.open(member.path, "rb") as handle:
            if member.start:
                handle.seek(member.start)
            data: bytes = handle.read() if member.stop is None else handle.read(member.stop - member.start)
    except OSError as exc:
        yield MalformedInput(f"cannot read {member.name}: {exc.strerror or exc}", doc_id=member.name)
        return
    if member.line > 1:
        data = b"\n" * (member.line - 1) + data  # blank lines are skipped, and keep the numbering
    yield from read_bytes(data, member.name, options.read_options(), member.kind)


def code_partition(partition: Partition, run_dir: str, options: IngestOptions) -> ShardSummary:
    """Read, check, code and write one partition; a finished one is not done again."""
    finished = read_done(run_dir, partition.id)
    if finished is not None:
        return finished
    start = time.perf_counter()
    summary = ShardSummary(partition.id, partition.index, worker=f"{socket.gethostname()}:{os.getpid()}")
    pipeline = pipeline_for(options.pipeline_options())
    batch = Batch(run_id=1)
    states: list[tuple[str, int, str, str | None]] = []  # (article id, document number, state, detail)
    seen: set[str] = set()
    to_code: list[tuple[Document, int, bytes]] = []
    doc_no = 0
    for member in partition.members:
        for item in read_member(member, options):
            if isinstance(item, Ignored):
                summary.ignored += sum(item.counts.values())
                continue
            if isinstance(item, InputError):
                batch.skipped.append(Skip(item))
                summary.errors += 1
                continue
            number, doc_no = doc_no, doc_no + 1
            key = item.key
            if key in seen:
                summary.duplicates += 1
                continue
            seen.add(key)
            language = (item.language or "").strip().lower()
            try:
                if language and not language.startswith("en"):
                    raise NotEnglish(f" (declared language {item.language!r})", doc_id=item.name)
                check_text(item.text, item.name, limits=options.limits)
            except InputError as exc:
                batch.skipped.append(Skip(exc, key))
                states.append((key, number, "checked", exc.detail))
                continue
            to_code.append((item, number, to_bytes(signature(item.text))))
    summary.documents = doc_no
    size = max(1, options.batch)
    articles = [doc.article() for doc, _, _ in to_code]
    results = [coded for i in range(0, len(articles), size)
               for coded in code_articles(pipeline, articles[i:i + size])]
    for (doc, number, blob), result in zip(to_code, results, strict=True):
        batch.articles.append(_stored(doc, number, blob))
        error = result.exception()
        if error is not None:
            renamed = type(error)(error.detail, doc_id=doc.name)
            batch.skipped.append(Skip(renamed, doc.key, blob))
            states.append((doc.key, number, "failed", renamed.detail))
            continue
        states.append((doc.key, number, "ok", None))
        batch.events.extend(result.events)
        batch.claims.extend(result.claims)
        if result.summary is not None:
            batch.summaries.append(result.summary)
        summary.events += len(result.events)
    summary.coded = sum(1 for s in states if s[2] == "ok")
    summary.failed = len(states) - summary.coded
    for skip in batch.skipped:
        summary.reasons[skip.error.reason] = summary.reasons.get(skip.error.reason, 0) + 1
    _write_shards(run_dir, partition, batch, states)
    summary.seconds = round(time.perf_counter() - start, 3)
    _put(run_dir, f"{DONE}/{partition.id}.json", json.dumps(summary.to_dict()).encode("utf-8"))
    return summary


def _stored(doc: Document, number: int, blob: bytes) -> StoredArticle:
    return StoredArticle(
        id=doc.key, seq=number, name=doc.name, kind=doc.kind, text=doc.text, minhash=blob, doc_id=doc.doc_id,
        url=doc.url, title=doc.title, author=doc.author, published=doc.published, site=doc.site,
        language=doc.language or "en", coder=CODER)


def _write_shards(run_dir: str, partition: Partition, batch: Batch,
                  states: list[tuple[str, int, str, str | None]]) -> None:
    """Flatten the batch with the store's own code (in memory), then one Parquet file a table."""
    store = Store.open(":memory:")
    try:
        batch.run_id = store.start_run([partition.id], workers=1, coder=CODER)
        store.write_batch(batch)
        con = store.con
        con.execute("CREATE TEMP TABLE docs (id VARCHAR, doc INTEGER, state VARCHAR, detail VARCHAR)")
        if states:
            con.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", [list(s) for s in states])
        part = int(partition.index)
        queries = {
            "articles": f"SELECT a.* EXCLUDE (run_id), d.state, {part} AS part FROM articles a "
                        "JOIN docs d USING (id) ORDER BY a.seq",
            "events": f"SELECT *, {part} AS part FROM events ORDER BY article_id, span_start, id",
            "mentions": f"SELECT *, {part} AS part FROM mentions ORDER BY ALL",
            "actors": f"SELECT *, {part} AS part FROM actors ORDER BY ALL",
            "skipped": f"SELECT s.* EXCLUDE (run_id), d.doc, d.detail, {part} AS part FROM skipped s "
                       "LEFT JOIN docs d ON d.id = s.article_id ORDER BY d.doc NULLS FIRST, s.id",
        }
        for table in ANALYSIS_TABLES:  # claims, appearances, 5W1H summaries: one row set an article
            queries[table] = f"SELECT *, {part} AS part FROM {table} ORDER BY ALL"
        local = Path(run_dir).is_absolute() and "://" not in run_dir
        for table, sql in queries.items():
            target = f"{table}/{partition.id}.parquet"
            if local:
                tmp = Path(run_dir) / TMP / f"{partition.id}.{table}.{uuid.uuid4().hex}.parquet"
                tmp.parent.mkdir(parents=True, exist_ok=True)
                con.execute(f"COPY ({sql}) TO '{_quoted(str(tmp))}' (FORMAT PARQUET)")
                final = Path(run_dir) / target
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
            else:  # a remote run folder: write locally, then upload
                scratch = Path(os.environ.get("TMPDIR", "/tmp")) / f"tidings-{uuid.uuid4().hex}.parquet"
                try:
                    con.execute(f"COPY ({sql}) TO '{_quoted(str(scratch))}' (FORMAT PARQUET)")
                    _put(run_dir, target, scratch.read_bytes())
                finally:
                    scratch.unlink(missing_ok=True)
    finally:
        store.close()


def _quoted(path: str) -> str:
    return path.replace("'", "''")


def _put(run_dir: str, name: str, data: bytes) -> None:
    """Write ``run_dir/name`` atomically where the file system allows (local: temporary file + rename)."""
    if "://" not in run_dir:
        final = Path(run_dir) / name
        tmp = Path(run_dir) / TMP / f"{final.name}.{uuid.uuid4().hex}"
        tmp.parent.mkdir(parents=True, exist_ok=True)
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, final)
        return
    fs, path = url_to_fs(f"{run_dir.rstrip('/')}/{name}")
    with fs.open(path, "wb") as handle:  # object stores: a PUT is all or nothing
        handle.write(data)
