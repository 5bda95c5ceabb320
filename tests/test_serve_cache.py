"""Answers kept per store write version (tidings.serve.cache), the write version itself, kept totals, and the
two-query events page: the same rows as one query over every column."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from test_api import demo_store
from tidings.serve import create_app
from tidings.serve import queries as Q
from tidings.serve.cache import Message, ResponseCache, Scope, Totals
from tidings.store import versions
from tidings.store.db import Store
from tidings.store.filters import event_where

AUTH = {"Authorization": "Bearer s3cret"}
ARTICLE = ("Officials in Valdoria said on Monday that the army of Valdoria shelled the border town held by "
           "forces of Ostrava, and Ostrava accused Valdoria of breaking the truce.")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_store(tmp_path_factory)


@pytest.fixture
def writable(db: Path, tmp_path: Path) -> Iterator[TestClient]:
    copy = tmp_path / "rw.duckdb"
    copy.write_bytes(db.read_bytes())
    with TestClient(create_app(copy, token="s3cret", rate=0)) as c:
        yield c


def how(response: Any) -> str:
    """``hit``, ``miss`` or ``shared``: from the answer's Server-Timing header."""
    timing = response.headers["server-timing"]
    assert timing.startswith("app;dur=")
    return str(timing.rsplit("desc=", 1)[1])


def test_same_request_is_answered_from_memory_until_a_write(writable: TestClient) -> None:
    params = {"limit": "5", "sort": "-date"}
    first = writable.get("/api/events", params=params)
    again = writable.get("/api/events", params=params)
    assert (first.status_code, again.status_code) == (200, 200)
    assert (how(first), how(again)) == ("miss", "hit")
    assert again.content == first.content
    assert again.headers["x-content-type-options"] == "nosniff"  # the guard's headers on kept answers too
    total = first.json()["total"]
    overview = writable.get("/api").json()["events"]

    posted = writable.post("/api/articles", json={"text": ARTICLE, "title": "Border"}, headers=AUTH)
    assert posted.status_code == 201 and posted.json()["events"] > 0
    after = writable.get("/api/events", params=params)
    assert how(after) == "miss"
    assert after.json()["total"] == total + posted.json()["events"]
    assert writable.get("/api").json()["events"] == overview + posted.json()["events"]


def test_errors_and_writes_are_not_kept(writable: TestClient) -> None:
    bad = writable.get("/api/events", params={"sort": "nonsense"})
    assert bad.status_code == 400 and how(bad) == "miss"
    assert how(writable.get("/api/events", params={"sort": "nonsense"})) == "miss"
    r = writable.post("/api/articles", json={"title": "no text"}, headers=AUTH)
    assert r.status_code == 400 and "server-timing" not in r.headers


def test_cache_off(db: Path) -> None:
    with TestClient(create_app(db, cache_bytes=0)) as c:
        r = c.get("/api/events", params={"limit": "3"})
    assert r.status_code == 200 and "server-timing" not in r.headers


def test_store_commits_bump_the_write_version(tmp_path: Path) -> None:
    path = tmp_path / "v.duckdb"
    before = versions.current(str(path))
    store = Store.open(path)  # the migrations commit
    try:
        migrated = versions.current(str(path))
        assert migrated > before
        run = store.start_run(["x"], workers=1, coder="test")
        started = versions.current(str(path))
        assert started > migrated
        store.finish_run(run)
        assert versions.current(str(path)) > started
        assert versions.current(str(tmp_path / "other.duckdb")) == 0
    finally:
        store.close()


class SlowApp:
    """An ASGI app that counts its calls and answers once ``go`` is set."""

    def __init__(self, status: int = 200) -> None:
        self.calls = 0
        self.status = status
        self.go = asyncio.Event()

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        self.calls += 1
        call = self.calls
        await self.go.wait()
        body = f"answer {call} to {scope['query_string'].decode()}".encode()
        await send({"type": "http.response.start", "status": self.status,
                    "headers": [(b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def scope(path: str = "/api/events", query: bytes = b"limit=5") -> Scope:
    return {"type": "http", "method": "GET", "path": path, "query_string": query,
            "headers": [(b"host", b"testserver")]}


async def call(cache: ResponseCache, s: Scope) -> tuple[int, bytes, str]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    await cache(s, receive, send)
    timing = dict(sent[0]["headers"])[b"server-timing"].decode()
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:]), timing


def test_identical_requests_share_one_computation() -> None:
    async def run() -> None:
        app = SlowApp()
        cache = ResponseCache(app, version=lambda: 7)
        waiters = [asyncio.ensure_future(call(cache, scope())) for _ in range(6)]
        other = asyncio.ensure_future(call(cache, scope(query=b"limit=6")))
        await asyncio.sleep(0.01)
        waiters[0].cancel()  # the first asker goes away: the others still get the answer
        app.go.set()
        answers = await asyncio.gather(*waiters[1:], other)
        assert app.calls == 2  # one per distinct request
        assert {a[1] for a in answers[:-1]} == {answers[0][1]}
        assert answers[-1][1] != answers[0][1]
        assert [a[2].rsplit("=", 1)[1] for a in answers[:-1]] == ["shared"] * 5
        assert (await call(cache, scope()))[2].endswith("desc=hit")
        assert (cache.stats.misses, cache.stats.shared, cache.stats.hits) == (2, 5, 1)

    asyncio.run(run())


def test_a_new_version_or_a_failed_answer_is_computed_again() -> None:
    async def run() -> None:
        version = [1]
        app = SlowApp()
        app.go.set()
        cache = ResponseCache(app, version=lambda: version[0])
        first = await call(cache, scope())
        assert (await call(cache, scope()))[1] == first[1]
        version[0] = 2
        second = await call(cache, scope())
        assert second[2].endswith("desc=miss") and second[1] != first[1]
        failing = SlowApp(status=503)
        failing.go.set()
        cache = ResponseCache(failing, version=lambda: 1)
        await call(cache, scope())
        assert (await call(cache, scope()))[0] == 503 and failing.calls == 2
        small = ResponseCache(app, version=lambda: 3, max_bytes=20)
        for query in (b"a=1", b"a=2", b"a=1"):
            await call(small, scope(query=query))
        assert small.stats.misses == 3  # two answers do not fit in 20 bytes: the older went out

    asyncio.run(run())


def test_kept_totals_are_used_and_follow_the_version(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        cur = store.con.cursor()
        f = Q.EventFilter(quad=4)
        totals: dict[tuple[str, tuple[Any, ...]], int] = {}
        page = Q.events(cur, f, Q.Page(limit=2), totals=totals)
        where, params = event_where(f)
        assert totals == {(where, tuple(params)): page["total"]}
        totals[(where, tuple(params))] = 12345  # a kept total is what the page reports: it does not count
        assert Q.events(cur, f, Q.Page(limit=2, cursor=page["next_cursor"]), totals=totals)["total"] == 12345
    version = [1]
    kept = Totals(lambda: version[0])
    kept.at()["k", ()] = 3
    assert kept.at() == {("k", ()): 3}
    version[0] = 2
    assert kept.at() == {}


def test_two_query_page_equals_one_query_over_every_column(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        cur = store.con.cursor()
        for f, sort in ((Q.EventFilter(), "-date"), (Q.EventFilter(quad=4), "goldstein"),
                        (Q.EventFilter(since=dt.date(2020, 1, 1)), "source"), (Q.EventFilter(), "-code")):
            key, desc = Q.parse_sort(sort)
            expr = Q.SORTS[key][0]
            order = "DESC" if desc else "ASC"
            where, params = event_where(f)
            expected = Q.dicts(cur, f"SELECT {Q.LIST_COLUMNS} FROM events e{where} "
                                    f"ORDER BY {expr} {order}, e.id {order} LIMIT 7", params)
            rows = Q.events(cur, f, Q.Page(sort=sort, limit=7))["rows"]
            assert [r["id"] for r in rows] == [r["id"] for r in expected]
            assert all(r[k] == e[k] for r, e in zip(rows, expected, strict=True) for k in e)
