"""The hard per-document time limit (``Limits.max_wall_seconds``, [T015]): a document past it is skipped with
its code and the other documents of the batch are coded, in this process (the document's own check between
sentences) and in watched coding processes (the parent stops a process stuck in one document)."""

from __future__ import annotations

import itertools
import logging
import os
import signal
import sys
import threading
from pathlib import Path

import pytest

from tidings.errors import CodingTimedOut, CodingTooSlow
from tidings.ingest.runner import CodingPool, IngestOptions, _Coder, ingest
from tidings.record import Article
from tidings.store.db import Store
from tidings.validate import Budget, Limits, hard_deadline, with_limits

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import hostile_corpus as hc  # noqa: E402


def attacks(count: int, offset: int = 0) -> str:
    """``count`` sentences, each an attack between two sides (a paragraph each)."""
    sides = list(zip(hc.COUNTRIES[:8], hc.COUNTRIES[8:16], strict=True))
    pairs = itertools.islice(itertools.cycle(sides[offset:] + sides[:offset]), count)
    return "\n\n".join(f"The army of {a} attacked {b} on Monday, the ministry said." for (a, _, _), (b, _, _)
                       in pairs)


def test_the_wall_clock_is_metered_like_the_cpu_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings import validate

    walls = iter([0.0, 2.0, 100.0, 101.0, 103.0])
    monkeypatch.setattr(validate, "wall_clock", lambda: next(walls))
    budget = Budget("doc-3", 1e9, clock=lambda: 0.0, wall_seconds=4.0).start()
    budget.stop()  # 2 s of its own
    budget.start()  # 98 s passed on other documents: not this one's
    budget.check()  # 3 s: within
    with pytest.raises(CodingTimedOut, match=r"\[T015\].*5 s; the limit is 4 s.*'doc-3'"):
        budget.check()


def test_the_cpu_budget_is_checked_before_the_wall_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings import validate

    monkeypatch.setattr(validate, "wall_clock", lambda: 50.0)
    budget = Budget("doc-4", 1.0, clock=iter([0.0, 9.0]).__next__, wall_seconds=0.5).start()
    with pytest.raises(CodingTooSlow):
        budget.check()


def test_no_wall_limit_at_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings import validate

    walls = iter([0.0, 1e6])
    monkeypatch.setattr(validate, "wall_clock", lambda: next(walls))
    Budget("doc-5", 1e9, clock=lambda: 0.0, wall_seconds=0.0).start().check()


def test_limits_from_the_command_line() -> None:
    limits = with_limits(["max_wall_seconds=2.5", "max_chars = 1_000"])
    assert limits.max_wall_seconds == 2.5 and limits.max_chars == 1000 and isinstance(limits.max_chars, int)
    for bad in ("max_wall_seconds", "no_such_limit=3", "max_chars=-1", "max_chars=many"):
        with pytest.raises(ValueError):
            with_limits([bad])
    assert hard_deadline(0.5) == 1.0 and hard_deadline(120.0) == 125.0


def test_wall_limit_skips_the_slow_document_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wall clock that moves one second a look makes a document's time proportional to its sentences:
    the long one passes the limit, the short ones before and after it are coded (no child process)."""
    from tidings import validate
    from tidings.pipeline import Options, Pipeline

    counter = itertools.count()
    monkeypatch.setattr(validate, "wall_clock", lambda: float(next(counter)))
    pipeline = Pipeline(Options(limits=Limits(max_wall_seconds=40)))
    articles = [Article("short-1", attacks(2)), Article("long", attacks(60)), Article("short-2", attacks(3))]
    results = {r.article.id: r for r in pipeline.process(articles)}
    assert isinstance(results["long"].error, CodingTimedOut) and results["long"].error.doc_id == "long"
    assert results["short-1"].error is None and results["short-1"].events
    assert results["short-2"].error is None and results["short-2"].events


def write_batch(folder: Path, long_sentences: int) -> list[str]:
    """Four short articles and one long one between them, as text files; the names in file order."""
    folder.mkdir()
    texts = {"a-short": attacks(2, 0), "b-short": attacks(3, 1), "c-long": attacks(long_sentences, 2),
             "d-short": attacks(2, 3), "e-short": attacks(3, 4)}
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return list(texts)


@pytest.mark.slow
def test_a_document_past_the_limit_is_skipped_and_the_batch_is_coded(tmp_path: Path) -> None:
    """In a watched coding process: the long document (1,500 sentences, about 2.5 seconds of its own stages
    on a quiet 2-core machine; the batch's parse is charged to no document) passes a 1-second limit and is
    skipped with [T015]; the four short ones (hundredths of a second each, with room for a busy machine)
    are coded and nothing else is lost. The pool codes a warm-up run first, so that what loads at the first
    document is not charged to a short one. (With 1,000 sentences and 2 seconds the long document came in
    under the limit once the coder got faster: the margin is now about 2.5 times either way.)"""
    limits = Limits(max_wall_seconds=1.0)
    options = IngestOptions(batch=8, workers=1, limits=limits)
    warm = tmp_path / "warm"
    warm.mkdir()
    visits = (f"Officials of {a} visited {capital} on Tuesday to discuss aid from {b}."
              for (a, _, capital), (b, _, _) in zip(hc.COUNTRIES[20:24], hc.COUNTRIES[24:28], strict=True))
    (warm / "warm.txt").write_text("\n\n".join(visits), encoding="utf-8")
    names = write_batch(tmp_path / "batch", 1500)
    pool = CodingPool(options)
    try:
        with Store.open(tmp_path / "t.duckdb") as store:
            assert ingest(store, [str(warm)], options, coding=pool).articles == 1
            stats = ingest(store, [str(tmp_path / "batch")], options, coding=pool)
            coded = {Path(n).stem for (n,) in store.con.execute("SELECT name FROM articles").fetchall()
                     if Path(n).parent.name == "batch"}
            skipped = store.con.execute("SELECT name, code FROM skipped WHERE run_id = ?",
                                        [stats.run_id]).fetchall()
    finally:
        pool.close()
    assert [(Path(n).stem, code) for n, code in skipped] == [("c-long", "T015")]
    assert coded == {n for n in names if n != "c-long"}
    assert stats.articles == 4 and stats.events > 0 and stats.reasons == {"CodingTimedOut": 1}


@pytest.mark.slow
def test_a_coding_process_that_dies_loses_no_document(tmp_path: Path) -> None:
    """A coding process killed from outside while it codes (out of memory, an operator): the articles of
    its task are coded again one by one in a new process, and all come back coded."""
    options = IngestOptions(workers=1, limits=Limits(max_wall_seconds=0))
    coder = _Coder(options)
    try:
        pid = coder._live().executor.submit(os.getpid).result(timeout=600)
        articles = [Article("one", attacks(2, 0)), Article("two", attacks(300, 1)),
                    Article("three", attacks(2))]
        parts = coder.submit(articles)
        killer = threading.Timer(0.5, os.kill, (pid, signal.SIGKILL))
        killer.start()
        coded = {c.article_id: c for c in coder.collect(parts)}
        killer.join()
    finally:
        coder.close()
    assert set(coded) == {"one", "two", "three"}
    assert all(c.error is None and c.events for c in coded.values())


@pytest.mark.slow
def test_warnings_of_a_coding_process_reach_this_process(tmp_path: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    """A sentence past ``max_sentence_tokens`` is left unparsed with [W003] in the coding process; the
    warning is logged here, under the same logger, naming the document (by its article id)."""
    folder = tmp_path / "in"
    folder.mkdir()
    long = "The minister said " + " and ".join(["France met Germany"] * 40) + "."
    (folder / "long-sentence.txt").write_text(long + "\n\n" + attacks(3), encoding="utf-8")
    options = IngestOptions(workers=1, limits=Limits(max_sentence_tokens=60))
    with caplog.at_level(logging.WARNING, logger="tidings"), Store.open(tmp_path / "w.duckdb") as store:
        stats = ingest(store, [str(folder)], options)
    assert stats.articles == 1
    found = [r for r in caplog.records if "[W003]" in r.getMessage()]
    assert found and "(document '" in found[0].getMessage() and found[0].name.startswith("tidings")


def test_the_command_line_sets_the_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--time-limit`` and ``--limit NAME=VALUE`` reach the run's options; a bad limit is bad usage."""
    from typer.testing import CliRunner

    from tidings import cli
    from tidings.ingest import runner

    seen: list[IngestOptions] = []

    def run(store: object, paths: list[str], options: IngestOptions, err: object) -> object:
        seen.append(options)
        raise SystemExit(0)

    monkeypatch.setattr(cli, "_run_ingest", run)
    assert runner.IngestOptions().workers == 0  # the library codes in its own process unless asked
    db = str(tmp_path / "c.duckdb")
    CliRunner().invoke(cli.app, ["ingest", str(tmp_path), "--db", db, "--time-limit", "7.5",
                                 "--limit", "max_chars=50000", "--workers", "0"])
    assert seen and seen[0].limits.max_wall_seconds == 7.5 and seen[0].limits.max_chars == 50_000
    assert seen[0].workers == 0
    bad = CliRunner().invoke(cli.app, ["ingest", str(tmp_path), "--db", db, "--limit", "max_speed=3"])
    assert bad.exit_code == 2 and "max_speed" in bad.output


@pytest.mark.slow
def test_the_watchdog_stops_a_stuck_process_and_codes_the_rest_again() -> None:
    """The hard path, made deterministic: while the coding process works on a task, its row in the watched
    table is made to say that it has been on the task's second article for an hour; the watchdog stops the
    process, that article comes back as [T015], and the first and third are coded in a new process."""
    from tidings.ingest.runner import ROW, _Task

    coder = _Coder(IngestOptions(workers=1, limits=Limits(max_wall_seconds=60)))
    try:
        articles = [Article("first", attacks(2)), Article("stuck", attacks(3, 1)),
                    Article("third", attacks(300, 2))]
        parts = coder.submit(articles)
        task = parts[0]
        assert isinstance(task, _Task) and len(parts) == 1
        pool = task.pool
        for _ in range(12_000):  # until the process has begun the task (its budgets report)
            if pool.table[3] != 0.0 or task.future.done():
                break
            threading.Event().wait(0.05)
        with pool.table.get_lock():
            pool.table[1:ROW] = [float(task.number), 1.0, 1.0]
            assert pool.look()
        coded = {c.article_id: c for c in coder.collect(parts)}
    finally:
        coder.close()
    assert isinstance(coded["stuck"].exception(), CodingTimedOut)
    assert "stopped after" in str(coded["stuck"].exception())
    assert coded["first"].error is None and coded["first"].events
    assert coded["third"].error is None and coded["third"].events
