"""The API in-process (FastAPI's test client) over a store built from the demo corpus."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from tidings.serve import create_app
from tidings.serve.demo import build_store

DEMO = Path(__file__).resolve().parents[1] / "demo"


def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus coded once per test session (shared by the API and dashboard tests)."""
    path = tmp_path_factory.getbasetemp() / "demo-store" / "demo.duckdb"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_store(path, [str(DEMO)], published=dt.date(2020, 4, 12))
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_store(tmp_path_factory)


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def _first_event(client: TestClient, **params: str) -> dict[str, object]:
    rows = client.get("/api/events", params=params).json()["rows"]
    assert rows
    row: dict[str, object] = rows[0]
    return row


def test_overview(client: TestClient) -> None:
    r = client.get("/api")
    assert r.status_code == 200
    body = r.json()
    assert body["events"] > 20 and body["articles"] > 10
    assert body["ingest"] is False and body["claims"] is True


def test_events_filters_match_sql(client: TestClient, db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cases = {
            "quad=4": ("quad_class = 4", {"quad": "4"}),
            "root": ("cameo_root = '19'", {"root": "19"}),
            "actor": ("source_code = 'RUS' OR target_code = 'RUS'", {"actor": "rus"}),
            "actor prefix": ("starts_with(source_code, 'RUS') OR starts_with(target_code, 'RUS')",
                             {"actor": "RUS*"}),
            "factuality": ("factuality = 'reported'", {"factuality": "reported"}),
            "plover": ("plover_type = 'PROTEST'", {"plover": "protest"}),
            "country": ("'KEN' IN (source_country, target_country, location_country)", {"country": "KEN"}),
            "text": ("contains(lower(evidence), 'sanction')", {"q": "Sanction"}),
            "dates": ("date BETWEEN DATE '2023-01-01' AND DATE '2023-12-31'",
                      {"since": "2023-01-01", "until": "2023-12-31"}),
            "no attribution": ("attribution_text IS NULL", {"attribution": "none"}),
        }
        for name, (sql, params) in cases.items():
            expected = con.execute(f"SELECT count(*) FROM events WHERE {sql}").fetchone()
            body = client.get("/api/events", params={**params, "limit": "500"}).json()
            assert expected is not None
            assert body["total"] == expected[0] == body["count"], name
            assert body["total"] > 0, name
    finally:
        con.close()


def test_events_sorting_and_offset(client: TestClient) -> None:
    rows = client.get("/api/events", params={"sort": "goldstein", "limit": "500"}).json()["rows"]
    scores = [r["goldstein"] for r in rows]
    assert scores == sorted(scores)
    rows = client.get("/api/events", params={"sort": "-date", "limit": "500"}).json()["rows"]
    dates = [r["date"] or "" for r in rows]
    assert dates == sorted(dates, reverse=True)
    second = client.get("/api/events", params={"sort": "-date", "limit": "5", "offset": "5"}).json()["rows"]
    assert [r["id"] for r in second] == [r["id"] for r in rows[5:10]]
    assert all(r["num_mentions"] >= 1 for r in rows)


@pytest.mark.parametrize("sort", ["-date", "date", "goldstein", "-quad", "source", "-factuality"])
def test_keyset_pagination_walks_everything_once(client: TestClient, sort: str) -> None:
    everything = client.get("/api/events", params={"sort": sort, "limit": "500"}).json()["rows"]
    seen: list[str] = []
    params = {"sort": sort, "limit": "7"}
    for _ in range(100):
        body = client.get("/api/events", params=params).json()
        seen += [r["id"] for r in body["rows"]]
        if not body["next_cursor"]:
            break
        assert "cursor=" in body["next"]
        params = {"sort": sort, "limit": "7", "cursor": body["next_cursor"]}
    assert seen == [r["id"] for r in everything]


def test_page_size_cap(client: TestClient) -> None:
    r = client.get("/api/events", params={"limit": "501"})
    assert r.status_code == 400
    assert r.json()["error"]["detail"][0]["param"] == "limit"


def test_csv_renderer_same_rows(client: TestClient) -> None:
    json_rows = client.get("/api/events", params={"quad": "4"}).json()["rows"]
    r = client.get("/api/events", params={"quad": "4", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.strip().splitlines()
    assert lines[0].startswith("id,date,") and len(lines) == len(json_rows) + 1


def test_event_detail_highlights(client: TestClient) -> None:
    first = _first_event(client, q="sanctions", quad="4")
    body = client.get(f"/api/events/{first['id']}").json()
    assert body["evidence"] and body["article"]["id"] == body["article_id"]
    roles = {h["role"]: h for h in body["highlights"]}
    assert "trigger" in roles and "source" in roles
    for h in body["highlights"]:
        assert body["evidence"][h["start"]:h["end"]] == h["text"]
    assert body["num_mentions"] >= 1 and body["num_sources"] >= 1 and body["mentions"]


def test_syndicated_copies_count_as_mentions(client: TestClient, db: Path) -> None:
    # the demo store links no near-duplicates (it is built without the ingest runner): add one mention
    copy = db.parent / "mentions.duckdb"
    shutil.copy(db, copy)
    con = duckdb.connect(str(copy))
    event_id, article_id = con.execute("SELECT id, article_id FROM events LIMIT 1").fetchone() or ("", "")
    con.execute("INSERT INTO articles SELECT 'copy-1' AS id, seq + 1000 AS seq, name, doc_id, kind, url, "
                "title, author, published, 'other.example' AS site, language, text, id AS duplicate_of, "
                "0.9, NULL, run_id, minhash FROM articles WHERE id = ?", [article_id])
    con.execute("INSERT INTO mentions VALUES (?, 'copy-1', false)", [event_id])
    con.close()
    with TestClient(create_app(copy)) as c:
        body = c.get(f"/api/events/{event_id}").json()
        assert body["num_mentions"] == 2 and body["num_sources"] == 2
        listed = c.get("/api/events", params={"article": article_id}).json()["rows"]
        assert next(r for r in listed if r["id"] == event_id)["num_mentions"] == 2
        assert c.get("/api/articles/copy-1").json()["events"]  # a copy shows its first copy's events


def test_article_spans(client: TestClient) -> None:
    first = _first_event(client)
    body = client.get(f"/api/articles/{first['article_id']}").json()
    assert body["text"] and body["events"]
    for ev in body["events"]:
        assert body["text"][ev["span_start"]:ev["span_end"]] == ev["evidence"]
        for h in ev["highlights"]:
            assert body["text"][h["start"]:h["end"]] == h["text"]


def test_actors_search_and_page(client: TestClient) -> None:
    found = client.get("/api/actors", params={"q": "russ"}).json()["rows"]
    assert any(r["code"].startswith("RUS") for r in found)
    body = client.get("/api/actors/RUS").json()
    assert body["events"] >= 1 and body["partners"] and body["months"] and body["recent"]
    assert body["as_source"] + body["as_target"] >= body["events"]


def test_actor_claims_and_whereabouts(client: TestClient) -> None:
    claims = client.get("/api/claims").json()
    assert claims["count"] >= 1 and claims["note"] is None
    subject = claims["rows"][0]["subject"]
    body = client.get(f"/api/whereabouts/{subject['name']}").json()
    assert body["appearances"] and body["last_seen"] is not None
    assert client.get(f"/api/actors/{subject['code']}").json()["claims"]


def test_contradictions(tmp_path: Path, db: Path) -> None:
    copy = tmp_path / "claims.duckdb"
    shutil.copy(db, copy)
    con = duckdb.connect(str(copy))
    row = con.execute("SELECT * FROM claims WHERE type = 'appearance' AND refers_to IS NOT NULL "
                      "LIMIT 1").fetchone()
    cols = [d[0] for d in con.description or []]
    assert row is not None
    death = dict(zip(cols, row, strict=True))
    death.update(id="dead-1", article_id="other", type="death", factuality="reported",
                 refers_to=death["refers_to"] - dt.timedelta(days=3), cue="died")
    con.execute(f"INSERT INTO claims ({', '.join(death)}) VALUES ({', '.join('?' * len(death))})",
                list(death.values()))
    con.close()
    with TestClient(create_app(copy)) as c:
        body = c.get("/api/claims", params={"contradictions": "true"}).json()
        assert body["contradictions"] is True
        kinds = {p["kind"] for p in body["rows"]}
        assert "dead-but-seen" in kinds
        pair = body["rows"][0]
        assert pair["first"]["evidence"] and pair["second"]["evidence"]
        actor = c.get(f"/api/actors/{death['subject_code']}").json()
        assert actor["contradictions"]


def test_claims_absent_table_gives_note(tmp_path: Path, db: Path) -> None:
    copy = tmp_path / "noclaims.duckdb"
    shutil.copy(db, copy)
    con = duckdb.connect(str(copy))
    con.execute("DROP TABLE claims")
    con.close()
    with TestClient(create_app(copy)) as c:
        for url in ("/api/claims", "/api/claims?contradictions=true", "/api/whereabouts/Kim%20Jong%20Un"):
            r = c.get(url)
            assert r.status_code == 200 and "no claims table" in r.json()["note"]
        assert c.get("/api/actors/RUS").json()["claims_note"]


def test_aggregates(client: TestClient, db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    dated = (con.execute("SELECT count(*) FROM events WHERE date IS NOT NULL").fetchone() or (0,))[0]
    located = (con.execute("SELECT count(*) FROM events WHERE location_lat IS NOT NULL").fetchone()
               or (0,))[0]
    con.close()
    for interval in ("day", "week", "month"):
        tl = client.get("/api/timeline", params={"interval": interval}).json()
        assert sum(r["events"] for r in tl["rows"]) == dated
        assert set(tl["keys"]) <= {1, 2, 3, 4}
    roots = client.get("/api/timeline", params={"by": "root", "quad": "4"}).json()
    assert roots["rows"] and all(r["key"] in {"15", "16", "17", "18", "19", "20"} for r in roots["rows"])
    dy = client.get("/api/dyads").json()["rows"]
    assert dy and all(r["source"] and r["target"] and -10 <= r["goldstein"] <= 10 for r in dy)
    monthly = client.get("/api/dyads", params={"period": "month"}).json()["rows"]
    assert sum(r["events"] for r in monthly) == sum(r["events"] for r in dy)
    pl = client.get("/api/places").json()["rows"]
    assert sum(r["events"] for r in pl) == located and all(r["lat"] is not None for r in pl)


def test_dashboard_and_docs_served(client: TestClient) -> None:
    r = client.get("/?quad=4")
    assert r.status_code == 200 and "tidings" in r.text
    assert client.get("/static/vendor/echarts.min.js").status_code == 200
    assert client.get("/static/vendor/countries-110m.json").status_code == 200
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/timeline", "/api/dyads", "/api/places",
            "/api/claims", "/api/whereabouts/{actor}", "/api/actors/{code}"} <= set(paths)
    assert "/api/articles" not in paths


def test_sql_injection_is_data(client: TestClient) -> None:
    r = client.get("/api/events", params={"actor": "RUS' OR 1=1 --", "q": "'; DROP TABLE events; --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/events").json()["total"] > 0
