"""Scale-out ingest (tidings.scale): partitions, worker shards, loading, and real LocalCluster runs."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from tidings.ingest.registry import read_paths as read_documents
from tidings.ingest.runner import IngestOptions, ingest
from tidings.pipeline import Pipeline
from tidings.scale import Partition, ShardSummary, code_partition, load_run, plan, run_dask
from tidings.scale.runner import salt
from tidings.scale.worker import read_done
from tidings.store import Store
from tidings.store.schema import CONTENT_TABLES, RUN_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"



ACTORS = ["Russia", "China", "India", "Japan", "Iran", "Israel", "Germany", "Kenya", "Brazil", "Egypt"]
VERBS = ["criticized", "praised", "accused", "threatened", "met", "condemned"]
PLACES = ["Paris", "Cairo", "Lima", "Oslo", "Seoul", "Delhi", "Rome", "Accra"]
DAYS = ["Monday", "Tuesday", "Friday"]


def _corpus(folder: Path, n: int = 12) -> Path:
    """``n`` different one-sentence articles in a JSONL file (with blank lines) and one .txt file."""
    lines = []
    for i in range(n):
        a, b = ACTORS[i % 10], ACTORS[(3 * i + 1) % 10]
        text = (f"{a} {VERBS[i % 6]} {b} in {PLACES[i % 8]} on {DAYS[i % 3]}, officials said. "
                f"The {PLACES[(i + 3) % 8]} meeting number {i} ended early.")
        lines.append(json.dumps({"id": f"a{i}", "published": "2024-03-14", "text": text}))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (folder / "note.txt").write_text("Iran condemned the sanctions imposed by the United States on Monday.",
                                     encoding="utf-8")
    return folder


def _paths() -> list[str]:
    return [os.path.relpath(DEMO)] if DEMO.is_dir() else []


def _contents(store: Store) -> dict[str, list[Any]]:
    """Every content table, sorted, without the columns that name the run (cf. ``Store.contents``)."""
    out = {}
    for table in CONTENT_TABLES:
        drop = RUN_COLUMNS.get(table, ())
        columns = f"* EXCLUDE ({', '.join(drop)})" if drop else "*"
        out[table] = store.con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()
    return out


def _single(tmp_path: Path, paths: list[str], name: str = "single.duckdb") -> dict[str, list[Any]]:
    with Store.open(tmp_path / name) as store:
        ingest(store, paths, IngestOptions())
        return _contents(store)


# ----------------------------------------------------------------------------------------- partitions
def test_plan_is_deterministic_and_cuts_jsonl_between_lines(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c")
    first = plan([str(corpus)], size=5)
    again = plan([str(corpus)], size=5)
    assert [p.id for p in first] == [p.id for p in again]
    ranges = [m for p in first for m in p.members if m.kind == "jsonl"]
    assert [m.line for m in ranges] == [1, 6, 11]
    assert [m.weight for m in ranges] == [5, 5, 2]
    assert all(m.name.startswith(str(corpus)) for p in first for m in p.members)
    assert len({p.id for p in first}) == len(first)
    assert plan([str(corpus)], size=5, salt="other coder")[0].id != first[0].id
    (corpus / "note.txt").write_text("Something else entirely happened in Paris.", encoding="utf-8")
    changed = plan([str(corpus)], size=5)
    assert changed[0].id != first[0].id  # note.txt, walked first
    assert [p.id for p in changed[1:]] == [p.id for p in first[1:]]


def test_plan_refuses_stdin_and_keeps_missing_inputs() -> None:
    with pytest.raises(ValueError, match="standard input"):
        plan(["-"])
    (part,) = plan(["no/such/file.jsonl"])
    assert part.members[0].size == -1 and part.members[0].name == "no/such/file.jsonl"


def test_shards_loaded_in_process_equal_the_single_process_ingest(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker and loader without a cluster: the same store as `tidings ingest`, and rerunning adds nothing."""
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "c")
    paths = ["c"]
    options = IngestOptions()
    run_dir = str(tmp_path / "run")
    parts = plan(paths, size=4)
    summaries = [code_partition(p, run_dir, options) for p in parts]
    assert sum(s.documents for s in summaries) == 13
    assert code_partition(parts[0], run_dir, options) == summaries[0]  # finished: not coded again
    with Store.open(tmp_path / "dask.duckdb") as store:
        stats = load_run(store, run_dir, parts, options, inputs=paths, workers=1)
        assert stats.articles == 13 and stats.events > 0
        again = load_run(store, run_dir, parts, options, inputs=paths, workers=1)
        assert (again.articles, again.events, again.duplicates) == (0, 0, 13)
        dask = _contents(store)
    assert dask == _single(tmp_path, paths)


# ----------------------------------------------------------------------------------------- cluster
@pytest.fixture(scope="module")
def client() -> Any:
    distributed = pytest.importorskip("distributed")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        live = distributed.Client(cluster)
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test module
    yield live
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        live.close()
        cluster.close()


@pytest.mark.slow
def test_dask_run_equals_single_process(client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _paths()
    if not paths:
        pytest.skip("no demo corpus")
    monkeypatch.chdir(ROOT)
    db = tmp_path / "dask.duckdb"
    summary = run_dask(paths, client=client, db=db, partition_size=6, progress=False)
    assert summary.ok and summary.workers == 2 and summary.coded == summary.partitions > 2
    assert not Path(summary.run_dir).exists()  # loaded, then removed
    with Store.open(db) as store:
        dask = _contents(store)
    assert dask == _single(tmp_path, paths)
    # the same event ids as the plain Pipeline over the same articles
    docs = [d.article() for d in read_documents(paths) if hasattr(d, "article")]
    expected = {e.event_id for r in Pipeline().run(docs) for e in r.events}
    assert {row[0] for row in dask["events"]} <= expected
    assert len(dask["events"]) > 10


def _die_once(partition: Partition, run_dir: str, options: IngestOptions) -> ShardSummary:
    """Kill this worker process the first time partition 1 runs (a marker file remembers it)."""
    marker = Path(run_dir).parent / "killed"
    if partition.index == 1 and not marker.exists():
        marker.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    return code_partition(partition, run_dir, options)


@pytest.mark.slow
def test_killed_worker_still_gives_complete_results(client: Any, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "c", n=16)
    run_dir = tmp_path / "runs" / "r1"
    summary = run_dask(["c"], client=client, db=tmp_path / "dask.duckdb", run_dir=run_dir, partition_size=4,
                       progress=False, task=_die_once)
    assert (tmp_path / "runs" / "killed").exists()
    assert summary.ok and summary.coded == summary.partitions == 5
    with Store.open(tmp_path / "dask.duckdb") as store:
        assert _contents(store) == _single(tmp_path, ["c"])


def _fail_late(partition: Partition, run_dir: str, options: IngestOptions) -> ShardSummary:
    if partition.index >= 2:
        raise RuntimeError("stopped")
    return code_partition(partition, run_dir, options)


@pytest.mark.slow
def test_interrupted_run_resumes_with_the_rest_only(client: Any, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "c", n=16)
    db = tmp_path / "dask.duckdb"
    first = run_dask(["c"], client=client, db=db, partition_size=4, progress=False, task=_fail_late,
                     retries=0)
    assert not first.ok and first.coded == 2 and len(first.failed) == 3 and first.load is None
    assert Path(first.run_dir).is_dir()
    parts = plan(["c"], size=4, salt=salt(IngestOptions()))
    assert [read_done(first.run_dir, p.id) is not None for p in parts] == [True, True, False, False, False]
    second = run_dask(["c"], client=client, db=db, partition_size=4, progress=False)
    assert second.run_dir == first.run_dir
    assert (second.resumed, second.coded) == (2, 3) and second.ok and second.load is not None
    assert second.load.articles == 17
    with Store.open(db) as store:
        assert _contents(store) == _single(tmp_path, ["c"])


@pytest.mark.slow
def test_out_parquet_leaves_a_dataset(client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path / "c")
    out = tmp_path / "dataset"
    summary = run_dask(["c"], client=client, out_parquet=out, partition_size=5, progress=False)
    assert summary.ok and summary.load is None
    con = duckdb.connect()
    events = con.execute(f"SELECT count(*) FROM read_parquet('{out}/events/*.parquet')").fetchone()
    articles = con.execute(f"SELECT count(*) FROM read_parquet('{out}/articles/*.parquet') "
                           "WHERE state = 'ok'").fetchone()
    assert events is not None and events[0] == summary.events
    assert articles is not None and articles[0] == 13
