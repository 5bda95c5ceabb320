"""Contradictions found in SQL with the limit in the query equal the in-memory rules, and the API's claim
endpoints stay bounded with 2,000 claims about one person (no all-pairs list is ever built in Python)."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tidings.claims.analysis import contradictions as in_memory
from tidings.claims.records import Claim, appearances
from tidings.record import Actor
from tidings.serve import create_app
from tidings.store.contradictions import contradiction_pairs
from tidings.store.db import Store, appearance_row, claim_row
from tidings.store.schema import APPEARANCE_COLUMNS, CLAIM_COLUMNS

PEOPLE = [Actor("the minister", "Ana Reyes", "ESPGOV", "ESP", "GOV"),
          Actor("the general", "Tomas Lind", "SWEMIL", "SWE", "MIL"),
          Actor("he", "Tomas Lind", "SWEGOV", "SWE", "GOV")]
TYPES = ["death", "appearance", "absence", "health", "whereabouts"]
FACTUALITY = ["asserted", "reported", "hedged", "rumoured", "denied"]


def make_claims(n: int, seed: int, people: list[Actor] = PEOPLE) -> list[Claim]:
    rng = random.Random(seed)
    out = []
    base = dt.date(2024, 3, 1)
    for i in range(n):
        dated = rng.random() < 0.7
        made = base + dt.timedelta(days=rng.randrange(60)) if rng.random() < 0.9 else None
        out.append(Claim(
            doc_id=f"doc{rng.randrange(max(2, n // 3)):04d}", subject=rng.choice(people),
            type=rng.choice(TYPES), polarity=rng.choice(["positive", "positive", "negative"]),
            factuality=rng.choice(FACTUALITY), attribution=None,
            refers_to=base + dt.timedelta(days=rng.randrange(8)) if dated else None, refers_to_text=None,
            precision="day" if dated else None, made_on=made, evidence=f"Sentence number {i}.",
            span=(i * 10, i * 10 + 9), sentence=i, cue="said", cue_span=(i * 10, i * 10 + 4),
            duration_days=rng.choice([None, None, 0, 12])))
    return out


def _bulk(store: Store, table: str, columns: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
    """Rows into ``table`` through a JSON lines file (DuckDB's executemany is slow for thousands of rows)."""
    path = Path(store.path).with_suffix(f".{table}.jsonl")
    path.write_text("".join(json.dumps(dict(zip(columns, r, strict=True)), default=str) + "\n" for r in rows))
    store.con.execute(f"INSERT OR IGNORE INTO {table} BY NAME SELECT * FROM read_json_auto(?)", [str(path)])


def store_with(path: Path, claims: list[Claim]) -> Path:
    with Store.open(path) as store:
        _bulk(store, "claims", CLAIM_COLUMNS, [claim_row(c) for c in claims])
        seen = appearances(claims)
        if seen:
            _bulk(store, "appearances", APPEARANCE_COLUMNS, [appearance_row(a) for a in seen])
        store.con.executemany("INSERT OR IGNORE INTO actors VALUES (?, ?, ?, ?)",
                              [[p.code, p.name, p.country, p.sector] for p in PEOPLE])
    return path


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sql_pairs_equal_the_in_memory_rules(tmp_path: Path, seed: int) -> None:
    claims = make_claims(300, seed)
    path = store_with(tmp_path / "c.duckdb", claims)
    expected = {(c.subject, c.kind, c.first.claim_id, c.second.claim_id, c.note) for c in in_memory(claims)}
    assert len(expected) > 20  # the random claims do contradict each other, of every kind
    kinds = {"dead-but-seen", "confirmed-denied", "polarity", "absent-but-seen"}
    assert {k for _, k, *_ in expected} == kinds
    with Store.open(path, read_only=True) as store:
        found = contradiction_pairs(store.con, "", [], 1_000_000)
        assert set(found) == expected and len(found) == len(expected)
        first = contradiction_pairs(store.con, "", [], 7)
        assert len(first) == 7 and first == found[:7]  # the limit is the first rows of one fixed order


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """2,000 random claims about one person: 46,696 contradicting pairs, of which a request builds 50."""
    one = [PEOPLE[0]]
    claims = make_claims(2000, 7, one)
    path = store_with(tmp_path_factory.mktemp("crowded") / "c.duckdb", claims)
    with TestClient(create_app(path, rate=0)) as client:
        yield client


def test_contradictions_are_bounded_by_the_limit(crowded: TestClient,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def all_pairs(*_: object) -> None:
        raise AssertionError("the API must not build all pairs in Python")

    monkeypatch.setattr("tidings.claims.analysis.contradictions", all_pairs)
    r = crowded.get("/api/claims", params={"contradictions": "true", "limit": "50", "subject": "ESPGOV"})
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 50 and all(p["subject"] == "ESPGOV" for p in body["rows"])
    r = crowded.get("/api/claims", params={"subject": "Ana Reyes", "limit": "30"})
    assert r.json()["count"] == 30
    actor = crowded.get("/api/actors/ESPGOV").json()
    assert len(actor["contradictions"]) == 50 and len(actor["claims"]) == 200
    assert actor["people"] and actor["people"][0]["person"] == "Ana Reyes"
    where = crowded.get("/api/whereabouts/ESPGOV").json()
    assert where["last_seen"] is not None


def test_a_timed_out_request_stops_its_work(tmp_path: Path) -> None:
    """After the 504, the data function stops at its next query instead of running on unseen."""
    import asyncio
    import time

    from tidings.serve import queries as Q
    from tidings.serve.errors import ApiError
    from tidings.serve.pool import ReadPool

    path = store_with(tmp_path / "t.duckdb", make_claims(10, 1))
    ran: list[int] = []

    def long_work(cur: object) -> None:
        for _ in range(200):  # 200 queries with a pause: far longer than the time limit
            Q.dicts(cur, "SELECT 1", [])  # type: ignore[arg-type]
            ran.append(1)
            time.sleep(0.02)

    pool = ReadPool(path, workers=2, timeout=0.1)
    with pytest.raises(ApiError) as caught:
        asyncio.run(pool.read(long_work))
    assert caught.value.status == 504
    pool.close()  # waits for the worker thread
    assert 0 < len(ran) < 200
