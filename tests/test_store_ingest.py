"""End to end: ingest the demo corpus; re-ingest adds nothing; syndicated copies become mentions; a kill -9
in the middle of an ingest, then a re-run, gives exactly the store an uninterrupted run gives; recode."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.ingest.runner import IngestOptions, ingest, recode
from tidings.store import Store

DEMO = Path(__file__).resolve().parents[1] / "demo"
PUBLISHED = dt.date(2020, 4, 12)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store.open(path) as store:
        stats = ingest(store, [str(DEMO)], IngestOptions(published=PUBLISHED, batch=8))
    assert stats.articles >= 25 and stats.events > 40
    assert stats.near_duplicates >= 4 and stats.reasons.get("NotEnglish") == 2
    return path


def test_reingest_adds_nothing(demo_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(demo_store.read_bytes())
    with Store.open(copy) as store:
        before = store.contents()
        stats = ingest(store, [str(DEMO)], IngestOptions(published=PUBLISHED))
        assert stats.articles == 0 and stats.events == 0 and stats.near_duplicates == 0
        assert stats.duplicates >= 30
        assert store.contents() == before


def test_syndicated_copies_are_mentions_not_events(demo_store: Path) -> None:
    with Store.open(demo_store, read_only=True) as store:
        rows = store.con.execute(
            "SELECT a.name, f.name FROM articles a JOIN articles f ON f.id = a.duplicate_of").fetchall()
        pairs = {(Path(a).name, Path(f).name) for a, f in rows}
        assert ("wire.jsonl:6", "world.rss#4") in pairs or ("world.rss#4", "wire.jsonl:6") in pairs
        assert not store.con.execute("SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
                                     "WHERE a.duplicate_of IS NOT NULL").fetchone()[0]  # type: ignore[index]
        most = store.con.execute("SELECT max(num_sources) FROM event_counts").fetchone()
        assert most is not None and most[0] >= 2


def _run_cli(db: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tidings.cli", "ingest", str(DEMO), "--db", str(db),
                             "--published", "2020-04-12", "--batch", "4", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen[str]) -> int:
    proc.communicate(timeout=600)  # reads (and closes) stderr
    return proc.returncode


def _contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Store.open(db, read_only=True) as store:
        return store.contents()


def test_kill_9_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    whole, killed = tmp_path / "whole.duckdb", tmp_path / "killed.duckdb"
    assert _finish(_run_cli(whole)) == 1  # 1: some inputs were skipped (German, French, ...)
    proc = _run_cli(killed)
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("batch 1 committed"):
            os.kill(proc.pid, signal.SIGKILL)
            break
    assert _finish(proc) == -signal.SIGKILL
    partial = _contents(killed)
    assert 0 < len(partial["articles"]) < len(_contents(whole)["articles"])
    assert _finish(_run_cli(killed)) == 1
    assert _contents(killed) == _contents(whole)
    with Store.open(killed, read_only=True) as store:
        statuses = [r[0] for r in store.con.execute("SELECT status FROM ingest_runs ORDER BY id").fetchall()]
    assert statuses == ["interrupted", "done"]


def test_two_workers_give_the_same_store(demo_store: Path, tmp_path: Path) -> None:
    two = tmp_path / "two.duckdb"
    with Store.open(two) as store:
        ingest(store, [str(DEMO)], IngestOptions(published=PUBLISHED, batch=8, workers=2))
        assert store.contents() == _contents(demo_store)


def test_recode_rewrites_events_with_the_current_coder(demo_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "recode.duckdb"
    copy.write_bytes(demo_store.read_bytes())
    with Store.open(copy) as store:
        before = store.contents()
        store.con.execute("UPDATE events SET coder = 'tidings-old'")
        store.con.execute("UPDATE articles SET coder = 'tidings-old' WHERE coder IS NOT NULL")
        stats = recode(store)
        assert stats.articles >= 25 and stats.failed == 0
        assert store.contents() == before


def test_cli_events_and_export(demo_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["events", "--db", str(demo_store), "--root", "19", "--format", "jsonl"])
    assert result.exit_code == 0 and '"cameo_code": "19' in result.stdout
    result = runner.invoke(app, ["events", "--db", str(demo_store), "--format", "csv", "--limit", "3"])
    assert result.exit_code == 0 and len(result.stdout.strip().splitlines()) == 4
    out = tmp_path / "g.tsv"
    result = runner.invoke(app, ["export", "--db", str(demo_store), "--format", "gdelt", "--out", str(out)])
    assert result.exit_code == 0 and all(len(r.split("\t")) == 61 for r in out.read_text().splitlines())
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
