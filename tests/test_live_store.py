"""A store that grows while it is served: ``tidings serve`` holds the writer, the plain ``tidings ingest PATH
--db X`` hands its inputs to it, the API sees the new events without a restart; after a kill -9 of the
server its stale note is ignored and ingest opens the file itself. A server that watches a feed and a drop
folder grows its store while it is read, and a kill -9 in the middle loses and doubles nothing."""

from __future__ import annotations

import os
import random
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from test_api import demo_store
from tidings.store.db import Store
from tidings.store.serving import find_server, note_path, read_note
from watch_site import Site, page_text

pytestmark = pytest.mark.slow


def _tidings(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tidings.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=600)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _overview(base: str) -> dict[str, int]:
    body = httpx.get(base + "/api", timeout=120).json()
    return {"events": body["events"], "articles": body["articles"]}


def test_ingest_while_served(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    db.write_bytes(demo_store(tmp_path_factory).read_bytes())
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "tidings.cli", "serve", "--db", str(db), "--port",
                               str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(3600):  # a busy machine may take a minute to start it
            if find_server(db) is not None:
                break
            time.sleep(0.05)
        note = read_note(db)
        assert note is not None and note.pid == server.pid and note.url == base
        for _ in range(1200):  # the note is written at start-up, just before the port opens
            try:
                httpx.get(base + "/api", timeout=120)
                break
            except httpx.ConnectError:
                time.sleep(0.05)
        assert stat.S_IMODE(note_path(db).stat().st_mode) == 0o600
        before = _overview(base)

        article = tmp_path / "new.txt"
        article.write_text(page_text(7), encoding="utf-8")
        done = _tidings("ingest", str(article), "--db", str(db), "--published", "2024-04-08")
        assert done.returncode == 0, done.stderr
        assert "handing the inputs to it" in done.stderr and "articles coded and stored" in done.stderr
        after = _overview(base)  # the same server, no restart
        assert after["articles"] == before["articles"] + 1 and after["events"] > before["events"]
        found = httpx.get(base + "/api/events", params={"since": "2024-01-01"}, timeout=120).json()
        assert found["total"] >= 1

        piped = _tidings("ingest", "-", "--db", str(db), "--published", "2024-04-09", stdin=page_text(8))
        assert piped.returncode == 0, piped.stderr
        again = _tidings("ingest", str(article), "--db", str(db))  # the same text: an exact duplicate
        assert again.returncode == 0 and _overview(base)["articles"] == before["articles"] + 2

        # the user's actor file and limits travel with the hand-off (a made-up person, two events, one kept)
        from test_serve_handoff import TWO_EVENTS, _user_files

        people, _ = _user_files(tmp_path)
        (tmp_path / "oakridge.txt").write_text(TWO_EVENTS, encoding="utf-8")
        own = _tidings("ingest", str(tmp_path / "oakridge.txt"), "--db", str(db), "--published", "2024-04-10",
                       "--actors", str(people), "--limit", "max_events=1", "--time-limit", "60")
        assert own.returncode == 0 and "handing the inputs to it" in own.stderr, own.stderr
        found = httpx.get(base + "/api/events", params={"actor": "IRLGOV"}, timeout=120).json()
        assert [r["cameo_code"] for r in found["rows"]] == ["111"]
        refused = _tidings("ingest", str(article), "--db", str(db), "--actors", str(tmp_path / "none.tsv"))
        assert refused.returncode == 2 and "[T301]" in refused.stderr and "cannot read the file" in \
            refused.stderr, refused.stderr

        # the writer endpoint wants the note's token, and the public API never takes the token in the URL
        r = httpx.post(base + "/api/_writer/ingest", json={"paths": [str(article)]}, timeout=30)
        assert r.status_code == 401
        r = httpx.post(base + "/api/_writer/ingest", params={"token": note.token},
                       json={"paths": [str(article)]}, timeout=30)
        assert r.status_code == 401
    finally:
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
    assert note_path(db).exists() and find_server(db) is None  # stale after kill -9: ignored
    other = tmp_path / "other.txt"
    other.write_text(page_text(9), encoding="utf-8")
    direct = _tidings("ingest", str(other), "--db", str(db), "--published", "2024-04-10")
    assert direct.returncode == 0, direct.stderr
    assert "handing" not in direct.stderr


def _serve(db: Path, port: int, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "tidings.cli", "serve", "--db", str(db), "--port", str(port), *extra]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def _wait_articles(base: str, done: Callable[[int], bool], what: str) -> int:
    """Poll the API's article count (up to 10 minutes on a busy machine) until ``done`` holds."""
    for _ in range(6000):
        try:
            articles = _overview(base)["articles"]
            if done(articles):
                return articles
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"the served store never {what}")


def test_served_store_grows_from_feed_and_folder_across_kill_9(tmp_path_factory: pytest.TempPathFactory,
                                                               tmp_path: Path) -> None:
    """``serve --watch-feed --watch-folder`` on a store that is being read: the API sees articles arrive
    without a restart; a kill -9 of the server while it codes, a restart, and the store ends equal to an
    uninterrupted ``tidings watch`` of the same feed and folder: every article once, every item done."""
    pages = 8
    site = Site(list(range(pages))).start()
    demo = demo_store(tmp_path_factory).read_bytes()
    feed = site.base + "/feed.xml"
    folders = {name: tmp_path / f"drop-{name}" for name in ("served", "clean")}
    for folder in folders.values():
        folder.mkdir()
        for n in range(3):
            (folder / f"f{n}.txt").write_text(page_text(200 + n), encoding="utf-8")
    db, clean = tmp_path / "served.duckdb", tmp_path / "clean.duckdb"
    db.write_bytes(demo)
    clean.write_bytes(demo)
    with Store.open(db, read_only=True) as store:
        before = int(store.con.execute("SELECT count(*) FROM articles").fetchall()[0][0])
    watch = ("--watch-feed", feed, "--watch-folder", str(folders["served"]), "--watch-interval", "0.2")
    server: subprocess.Popen[bytes] | None = None
    try:
        port = _free_port()
        server = _serve(db, port, *watch)
        base = f"http://127.0.0.1:{port}"
        _wait_articles(base, lambda n: n > before, "grew while served")  # seen without a restart
        time.sleep(random.Random(15).uniform(0, 2))  # fetching, coding or writing
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
        port = _free_port()
        server = _serve(db, port, *watch)
        base = f"http://127.0.0.1:{port}"
        _wait_articles(base, lambda n: n >= before + pages + 3, "took in every page and file")
        time.sleep(1)  # a late duplicate would show now
        assert _overview(base)["articles"] == before + pages + 3
        server.terminate()
        server.wait(120)
        server = None
        done = _tidings("watch", "--db", str(clean), "--feed", feed, "--folder", str(folders["clean"]),
                        "--interval", "0.2", "--until-idle")
        assert done.returncode == 0, done.stderr
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        site.stop()
    with Store.open(db, read_only=True) as a, Store.open(clean, read_only=True) as b:
        assert a.con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchall() == \
            [(before + pages + 3, before + pages + 3)]
        assert a.con.execute("SELECT status, count(*) FROM watch_items GROUP BY 1").fetchall() == \
            [("done", pages + 3)]
        got, want = a.contents(), b.contents()
        for table in ("events", "actors", "mentions", "claims", "appearances", "summaries"):
            assert got[table] == want[table], table
