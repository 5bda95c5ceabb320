"""The watcher against feeds and pages served by the test itself on 127.0.0.1: new entries between polls,
conditional GET, a dead feed, a redirect loop and a slow server backing off, a drop folder, each article
coded once; and kill -9 at random moments loses and doubles nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tidings.store.db import Store
from tidings.watch import Watcher, WatchOptions
from watch_site import Site, page_text


@pytest.fixture()
def site() -> Iterator[Site]:
    served = Site([0, 1]).start()
    yield served
    served.stop()


def rows(store: Store, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in store.con.execute(sql).fetchall()]


def test_feeds_folder_backoff_and_each_article_once(site: Site, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    store = Store.open(tmp_path / "w.duckdb")
    feeds = (f"{site.base}/feed.xml", f"{site.base}/dead.xml", f"{site.base}/loop-a", f"{site.base}/slow.xml",
             "http://127.0.0.1:9/closed.xml")
    options = WatchOptions(feeds=feeds, folder=folder, interval=0.01, backoff=600, timeout=0.5, settle=0)
    watcher = Watcher(lambda fn: fn(store), options)
    try:
        first = watcher.cycle()
        assert first.polled == 5 and first.queued == 2 and first.fetched == 2 and first.articles == 2
        failed = dict(first.failed_feeds)
        assert set(failed) == set(feeds[1:])
        assert "503" in failed[feeds[1]] and "redirect" in failed[feeds[2]]
        assert "timed out" in failed[feeds[3]] and "refused" in failed[feeds[4]]
        # the failing feeds back off (600 s after one failure), the good one is polled again, conditionally
        time.sleep(0.05)
        second = watcher.cycle()
        assert second.polled == 1 and second.not_modified == 1 and second.queued == 0
        assert site.conditional == 1
        backoff = rows(store, "SELECT url, failures, next_poll > polled FROM watch_feeds WHERE failures > 0 "
                              "ORDER BY url")
        assert len(backoff) == 4 and all(f == 1 and later for _, f, later in backoff)
        # the feed changes: one new entry, one kept; a file is dropped into the folder
        site.set_items([1, 2])
        (folder / "note.txt").write_text(page_text(40), encoding="utf-8")
        time.sleep(0.05)
        third = watcher.cycle()
        assert third.queued == 2 and third.fetched == 1 and third.files == 1 and third.articles == 2
        fourth = watcher.cycle()
        assert fourth.idle and fourth.articles == 0
        assert site.hits.get("/page/1.html") == 1  # never fetched twice
        assert rows(store, "SELECT count(*), count(DISTINCT id) FROM articles") == [(4, 4)]
        assert rows(store, "SELECT status, count(*) FROM watch_items GROUP BY 1") == [("done", 4)]
        assert rows(store, "SELECT count(*) FROM events")[0][0] > 4  # coded, with events
        assert "failed" in first.line() and "redirect" in first.line()
    finally:
        watcher.close()
        store.close()


def test_a_page_that_keeps_failing_is_given_up(site: Site, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "w.duckdb")
    watcher = Watcher(lambda fn: fn(store), WatchOptions(interval=0.001, backoff=0.001, attempts=2,
                                                         timeout=0.5))
    try:
        watcher.cycle()  # creates the tables
        from tidings.watch import state

        state.enqueue(store.con, [{"key": "page:x", "kind": "page", "source": "test",
                                   "url": f"{site.base}/nothing.html"}])
        reports = [watcher.cycle() for _ in range(3)]
        assert "HTTP 404" in reports[0].failed_items[0][1]
        assert rows(store, "SELECT status, attempts FROM watch_items") == [("failed", 2)]
        assert reports[-1].idle
    finally:
        watcher.close()
        store.close()


def _watch(db: Path, feed: str, folder: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tidings.cli", "watch", "--db", str(db), "--feed", feed,
                             "--folder", str(folder), "--interval", "0.2", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _page_hits(site: Site) -> int:
    return sum(n for path, n in site.hits.items() if path.startswith("/page/"))


def _wait_for_page_request(site: Site, before: int) -> float:
    """Wait until the watcher asks for a page (its model loaded, its queue read); the moment it did."""
    for _ in range(2400):
        if _page_hits(site) > before:
            break
        time.sleep(0.025)
    return time.monotonic()


def _cut_off_and_left(db: Path) -> tuple[set[object], int]:
    """The runs a kill cut off (still marked running), and how many watched items are still to do."""
    with Store.open(db, read_only=True) as store:
        cut = {r[0] for r in rows(store, "SELECT id FROM ingest_runs WHERE status = 'running'")}
        left = rows(store, "SELECT count(*) FROM watch_items WHERE status <> 'done'")[0][0]
    return cut, int(left)  # type: ignore[call-overload]


@pytest.mark.slow
def test_kill_9_loses_and_doubles_nothing(tmp_path: Path) -> None:
    """SIGKILL while the watcher codes (at a random moment of its work, timed on an uninterrupted run of the
    same feed) until three kills have landed mid-run, then let it finish: the store equals an uninterrupted
    run's."""
    pages = 24
    site = Site(list(range(pages))).start()
    try:
        feed = site.base + "/feed.xml"
        folders = {}
        for name in ("killed", "clean"):
            folders[name] = tmp_path / f"drop-{name}"
            folders[name].mkdir()
            for n in range(3):
                (folders[name] / f"f{n}.txt").write_text(page_text(100 + n), encoding="utf-8")
        clean = _watch(tmp_path / "clean.duckdb", feed, folders["clean"], "--until-idle")
        began = _wait_for_page_request(site, 0)
        assert clean.wait(600) == 0
        work = time.monotonic() - began  # fetching and coding, without start-up
        killed = tmp_path / "killed.duckdb"
        rng = random.Random(15)
        landed: set[object] = set()  # a run cut off stays "running" until the next run starts: count it once
        latest = 0.6  # the latest kill, as a share of the clean run's work
        for _ in range(12):  # a kill that lands between runs does not count; the watcher has more to do
            proc = _watch(killed, feed, folders["killed"])
            began = _wait_for_page_request(site, _page_hits(site))
            time.sleep(max(0.0, began + rng.uniform(0.05, latest) * work - time.monotonic()))
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            cut, left = _cut_off_and_left(killed)
            landed |= cut
            if len(landed) == 3 or (landed and not left):
                break
            if not left:  # faster than the clean run, this watcher finished first: start again, earlier
                for path in tmp_path.glob("killed.duckdb*"):
                    path.unlink()
                latest /= 2
        assert landed, "no kill landed while the watcher was coding"
        assert _watch(killed, feed, folders["killed"], "--until-idle").wait(600) == 0
    finally:
        site.stop()
    with Store.open(killed, read_only=True) as a, Store.open(tmp_path / "clean.duckdb", read_only=True) as b:
        assert rows(a, "SELECT count(*) FROM ingest_runs WHERE status = 'interrupted'")[0][0] == len(landed)
        assert rows(a, "SELECT count(*), count(DISTINCT id) FROM articles") == [(pages + 3, pages + 3)]
        assert rows(a, "SELECT status, count(*) FROM watch_items GROUP BY 1") == [("done", pages + 3)]
        got, want = a.contents(), b.contents()
        for table in ("events", "actors", "mentions", "claims", "appearances", "summaries", "skipped"):
            assert got[table] == want[table], table
        same = "SELECT id, url, title, published FROM articles ORDER BY id"  # names hold the folder paths
        assert rows(a, same) == rows(b, same)


def test_serve_runs_the_watcher_on_its_writer(site: Site, tmp_path_factory: pytest.TempPathFactory,
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve --watch-feed``: the watcher writes through the server's writer while the API reads; the
    parse and coding happen in a child process (the server process never builds a pipeline)."""
    from fastapi.testclient import TestClient

    from test_api import demo_store
    from tidings.ingest import runner
    from tidings.serve import create_app
    from tidings.serve.cli import Watching, _hooks
    from tidings.store.serving import read_note

    db = tmp_path / "served.duckdb"
    db.write_bytes(demo_store(tmp_path_factory).read_bytes())
    monkeypatch.setattr(runner, "_PIPELINE", None)  # coding here would build it (runner._init_worker)
    watching = Watching([f"{site.base}/feed.xml"], None, 0.2, runner.IngestOptions())
    start, stop = _hooks(db, "127.0.0.1", 8999, watching, writer=True)
    app = create_app(db, writer=True, rate=0, on_start=start, on_stop=stop, coding=True)
    with TestClient(app) as client:
        before = client.get("/api").json()["articles"]
        note = read_note(db)
        assert note is not None and note.url == "http://127.0.0.1:8999"
        for _ in range(1200):
            if client.get("/api").json()["articles"] == before + 2:
                break
            time.sleep(0.1)
        assert client.get("/api").json()["articles"] == before + 2
        assert client.get("/api/events", params={"since": "2024-01-01"}).json()["total"] > 0
        assert runner._PIPELINE is None  # the events were coded elsewhere ...
        coder = app.state.coding.executor.submit(os.getpid).result()
        assert coder != os.getpid()  # ... in the server's coding process
    assert read_note(db) is None  # withdrawn when the server stops


@pytest.mark.slow
def test_killed_server_leaves_no_coding_process(tmp_path: Path) -> None:
    """``serve --watch-folder`` codes in a child process; kill -9 of the server ends that child too."""
    import psutil

    from test_live_store import _free_port, _serve, _wait_articles

    folder = tmp_path / "drop"
    folder.mkdir()
    db = tmp_path / "s.duckdb"
    made = subprocess.run([sys.executable, "-m", "tidings.cli", "ingest", str(_one_page(tmp_path, 0)), "--db",
                           str(db)], capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    port = _free_port()
    server = _serve(db, port, "--watch-folder", str(folder), "--watch-interval", "0.2")
    children: list[int] = []
    try:
        base = f"http://127.0.0.1:{port}"
        before = _wait_articles(base, lambda n: n >= 1, "answered")
        _one_page(folder, 1)
        _wait_articles(base, lambda n: n > before, "coded the dropped file")
        children = [p.pid for p in psutil.Process(server.pid).children(recursive=True)]
        assert children, "the server coded without a child process"
        os.kill(server.pid, signal.SIGKILL)  # the server alone, not its process group
        server.wait()
        deadline = time.monotonic() + 30
        while _living(children) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _living(children) == [], "the coding process outlived its server"
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        for pid in _living(children):
            os.kill(pid, signal.SIGKILL)


def _one_page(folder: Path, n: int) -> Path:
    path = folder / f"page{n}.txt"
    path.write_text(page_text(n), encoding="utf-8")
    os.utime(path, (time.time() - 60, time.time() - 60))  # settled: the watcher takes it at once
    return path


def _living(pids: list[int]) -> list[int]:
    import psutil

    alive = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


def test_a_dead_coding_process_is_replaced() -> None:
    """The server's coding pool: the run that meets a killed coding process fails, the next one codes."""
    from concurrent.futures.process import BrokenProcessPool

    from tidings.ingest.runner import CodingPool

    pool = CodingPool()
    try:
        first = pool.executor.submit(os.getpid).result(timeout=600)
        assert first != os.getpid()
        os.kill(first, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool):
            pool.executor.submit(os.getpid).result(timeout=600)
        second = pool.executor.submit(os.getpid).result(timeout=600)
        assert second not in (first, os.getpid())
    finally:
        pool.close()


class _FailsOnce:
    """Stands in for the ingest runner: the first coding run raises, later runs are the real runner."""

    calls = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        from tidings.ingest.runner import Ingest

        type(self).calls += 1
        self.real = None if type(self).calls == 1 else Ingest(*args, **kwargs)  # type: ignore[arg-type]

    def run(self, *args: object, **kwargs: object) -> object:
        if self.real is None:
            raise RuntimeError("the coding process went away")
        return self.real.run(*args, **kwargs)  # type: ignore[arg-type]


def test_a_failed_coding_run_waits_and_is_tried_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    import tidings.watch.core as core

    monkeypatch.setattr(core, "Ingest", _FailsOnce)
    _FailsOnce.calls = 0
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "one.txt").write_text(page_text(7), encoding="utf-8")
    store = Store.open(tmp_path / "w.duckdb")
    watcher = Watcher(lambda fn: fn(store), WatchOptions(folder=folder, interval=0.001, backoff=0.001,
                                                         settle=0, attempts=3))
    try:
        first = watcher.cycle()
        assert first.articles == 0 and "coding failed: RuntimeError" in first.failed_items[0][1]
        assert "[W311]" in caplog.text
        assert rows(store, "SELECT status, attempts FROM watch_items") == [("queued", 1)]
        time.sleep(0.01)
        second = watcher.cycle()
        assert second.articles == 1 and not second.failed_items
        assert rows(store, "SELECT status FROM watch_items") == [("done",)]
        assert rows(store, "SELECT count(*) FROM articles") == [(1,)]
    finally:
        watcher.close()
        store.close()


def test_the_watch_loop_outlives_a_failing_cycle(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import threading

    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "one.txt").write_text(page_text(8), encoding="utf-8")
    store = Store.open(tmp_path / "w.duckdb")
    broken = {"left": 2}

    def write(fn: object) -> object:
        if broken["left"]:
            broken["left"] -= 1
            raise OSError("the store's disk went away for a moment")
        return fn(store)  # type: ignore[operator]

    watcher = Watcher(write, WatchOptions(folder=folder, interval=0.001, backoff=0.001, settle=0))
    reports: list[object] = []
    try:
        watcher.run(threading.Event(), until_idle=True, on_cycle=reports.append)
        assert caplog.text.count("[W312]") == 2
        assert rows(store, "SELECT count(*) FROM articles") == [(1,)]
        assert sum(int(getattr(r, "articles", 0)) for r in reports) == 1
    finally:
        watcher.close()
        store.close()


def test_serve_watcher_codes_with_the_users_options(tmp_path: Path) -> None:
    """``serve --watch-folder DIR --actors FILE --published DAY``: the watcher inside the server codes with
    the options given, as ``tidings watch`` and a hand-off do (a made-up person from the user's actor file
    is an actor; without the file the same text gives no event)."""
    from fastapi.testclient import TestClient

    from test_serve_handoff import PEOPLE, TWO_EVENTS
    from tidings.cli_options import coding_options
    from tidings.serve import create_app
    from tidings.serve.cli import Watching, _hooks

    db = tmp_path / "served.duckdb"
    Store.open(db).close()
    people = tmp_path / "people.tsv"
    people.write_text(PEOPLE, encoding="utf-8")
    folder = tmp_path / "drop"
    folder.mkdir()
    page = folder / "oakridge.txt"
    page.write_text(TWO_EVENTS, encoding="utf-8")
    os.utime(page, (time.time() - 60, time.time() - 60))
    coding = coding_options(published="2024-04-08", actors=[people])
    start, stop = _hooks(db, "127.0.0.1", 8998, Watching([], folder, 0.2, coding), writer=True)
    app = create_app(db, writer=True, rate=0, on_start=start, on_stop=stop, coding=True)
    with TestClient(app) as client:
        for _ in range(1200):
            if client.get("/api").json()["articles"] == 1:
                break
            time.sleep(0.1)
        events = client.get("/api/events").json()["rows"]
    coded = sorted((e["source_code"], e["cameo_code"]) for e in events)
    assert coded == [("IRLGOV", "051"), ("IRLGOV", "111")]
    assert {e["date"] for e in events} == {"2024-04-08"}
