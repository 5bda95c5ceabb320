"""The API on an open port: security headers, offline docs, the token, body and rate limits, hostile POST
bodies and paging cursors (400 in the one error shape, never a 500), CSV cells that are not formulas, and a
locked store reported as [T301]."""

from __future__ import annotations

import base64
import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from test_api import demo_store
from test_api_errors import assert_error_shape
from tidings.export.render import csv_cell
from tidings.serve import create_app
from tidings.serve.security import CSP

AUTH = {"Authorization": "Bearer s3cret"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_store(tmp_path_factory)


@pytest.fixture(scope="module")
def writable(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("rw") / "rw.duckdb"
    copy.write_bytes(db.read_bytes())
    return copy


@pytest.fixture(scope="module")
def client(writable: Path) -> Iterator[TestClient]:
    with TestClient(create_app(writable, token="s3cret", rate=0, max_body=1024 * 1024),
                    raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("url", ["/", "/api", "/api/events?limit=1", "/docs", "/static/app.js", "/nowhere"])
def test_security_headers_everywhere(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.headers["content-security-policy"] == CSP
    assert "frame-ancestors 'none'" in CSP and "script-src 'self';" in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-frame-options"] == "DENY"


def test_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "http://" not in page.text and "https://" not in page.text  # nothing from a CDN
    assert "<script>" not in page.text  # no inline script: the CSP would block it
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "docs-init.js", "swagger-ui.LICENSE"):
        r = client.get(f"/docs-assets/{asset}")
        assert r.status_code == 200 and len(r.content) > 100, asset
    assert "SwaggerUIBundle" in client.get("/docs-assets/swagger-ui-bundle.js").text


def test_token_only_in_the_header(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import hmac

    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    article = {"text": "The ministers of Chile and Peru met in Lima on Monday to sign a fishing accord."}
    for params in ({"token": "s3cret"}, {"access_token": "s3cret"}, {"authorization": "Bearer s3cret"}):
        r = client.post("/api/articles", params=params, json=article)
        assert r.status_code == 401, params
        assert_error_shape(r.json(), 401)
    assert client.post("/api/articles", json=article, headers={"Authorization": "Bearer guess"}).status_code \
        == 401
    assert calls == [(b"guess", b"s3cret")]  # compared in constant time


def test_body_limit_by_length_and_while_streaming(client: TestClient) -> None:
    big = json.dumps({"text": "word " * 300_000}).encode()  # 1.5 MB > 1 MB
    r = client.post("/api/articles", content=big, headers=AUTH)
    assert r.status_code == 413
    assert_error_shape(r.json(), 413)
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked; the server stops reading at the limit
        for _ in range(3000):
            sent.append(1)
            yield b" " * 1024

    r = client.post("/api/articles", content=chunks(), headers=AUTH)
    assert r.status_code == 413
    assert_error_shape(r.json(), 413)


def test_body_reading_stops_at_the_limit() -> None:
    """The route reads a chunked body piece by piece and stops once past the limit (not buffering it)."""
    import asyncio

    from starlette.requests import Request

    from tidings.serve.app import read_body
    from tidings.serve.errors import ApiError

    pulled: list[int] = []

    async def receive() -> dict[str, object]:
        pulled.append(1)
        return {"type": "http.request", "body": b"x" * 1024, "more_body": len(pulled) < 100_000}

    request = Request({"type": "http", "method": "POST", "headers": []}, receive)
    with pytest.raises(ApiError) as caught:
        asyncio.run(read_body(request, 10 * 1024))
    assert caught.value.status == 413 and len(pulled) == 11


def test_rate_limit(db: Path) -> None:
    with TestClient(create_app(db, rate=0.5, burst=3)) as c:
        codes = [c.get("/api").status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
        r = c.get("/api")
        assert int(r.headers["retry-after"]) >= 1
        assert_error_shape(r.json(), 429)


HOSTILE_BODIES: list[tuple[str, bytes]] = [
    ("100,000-deep list", b"[" * 100_000 + b"]" * 100_000),
    ("100,000-deep object", b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
    ("5,000-digit number as the body", b"9" * 5000),
    ("5,000-digit number in a field", b'{"text": "Chile and Peru signed an accord.", "id": ' + b"9" * 5000
     + b"}"),
    ("5,000-digit number as published", b'{"text": "Chile and Peru signed an accord.", "published": '
     + b"1" * 5000 + b"}"),
    ("bad IPv6 URL", json.dumps({"text": "Chile and Peru signed an accord.", "url": "http://[::1"}).encode()),
    ("URL with a bad port", json.dumps({"text": "Chile and Peru signed.", "url": "http://a.org:99x/"}).encode()),
    ("javascript URL", json.dumps({"text": "Chile and Peru signed.", "url": "javascript:alert(1)"}).encode()),
    ("URL as a number", json.dumps({"text": "Chile and Peru signed.", "url": 7}).encode()),
    ("published not a date", json.dumps({"text": "Chile and Peru signed.", "published": "soon"}).encode()),
    ("title as an object", json.dumps({"text": "Chile and Peru signed.", "title": {"a": 1}}).encode()),
    ("text as a list", json.dumps({"text": ["a"]}).encode()),
    ("bad UTF-8", b'{"text": "\xff\xfe"}'),
    ("NaN", b'{"text": NaN}'),
    ("1,001 articles", json.dumps([{"text": "x"}] * 1001).encode()),
]


@pytest.mark.parametrize(("name", "body"), HOSTILE_BODIES, ids=[n for n, _ in HOSTILE_BODIES])
def test_hostile_post_bodies_get_a_400(client: TestClient, name: str, body: bytes) -> None:
    r = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 400, (name, r.text[:300])
    assert_error_shape(r.json(), 400)


def _cursor(value: object) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


CURSORS = [
    ("quad", _cursor(b'[1e999, "x"]')),
    ("quad", _cursor([10 ** 30, "x"])),
    ("quad", _cursor(b"[" + b"9" * 5000 + b', "x"]')),
    ("goldstein", _cursor(["NaN-ish", "x"])),
    ("date", _cursor(["2020-13-45", "x"])),
    ("date", _cursor([None, "x"])),
    ("code", _cursor([1, "x"])),
    ("-date", _cursor({"a": 1, "b": 2})),
    ("-date", _cursor(b"[" * 5000 + b"]" * 5000)),
    ("-date", _cursor(["2020-01-01", None])),
    ("-date", _cursor(["2020-01-01"])),
    ("-date", "%%%not-base64%%%"),
    ("-date", _cursor(b"\xff\xfe\x00")),
    ("-date", "A" * 5000),
]


@pytest.mark.parametrize(("sort", "cursor"), CURSORS)
def test_crafted_cursors_get_a_400(client: TestClient, sort: str, cursor: str) -> None:
    r = client.get("/api/events", params={"sort": sort, "cursor": cursor})
    assert r.status_code == 400, r.text[:300]
    assert_error_shape(r.json(), 400)


def test_csv_cells_are_not_formulas(client: TestClient, writable: Path) -> None:
    assert [csv_cell(v) for v in ("=1+2", "+1", "-cmd", "@SUM(A1)", "\tx", "\rx", "ok", -3.5, None)] == \
        ["'=1+2", "'+1", "'-cmd", "'@SUM(A1)", "'\tx", "'\rx", "ok", -3.5, None]
    event_id = client.get("/api/events", params={"limit": "1"}).json()["rows"][0]["id"]
    client.app.state.pool.write_sync(  # type: ignore[attr-defined]
        lambda cur: cur.execute("UPDATE events SET evidence = '=HYPERLINK(\"http://x\",\"y\")', "
                                "source_name = '@cmd' WHERE id = ?", [event_id]))
    text = client.get("/api/events", params={"format": "csv", "limit": "500"}).text
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["id"] == event_id)
    assert row["evidence"].startswith("'=HYPERLINK") and row["source_name"] == "'@cmd"
    cells = [v for r in csv.DictReader(io.StringIO(text)) for v in r.values()]
    assert all(not v.startswith(("=", "+", "@")) for v in cells)


def test_serve_on_a_locked_store_says_t301(db: Path, tmp_path: Path) -> None:
    from tidings.cli import app

    copy = tmp_path / "locked.duckdb"
    copy.write_bytes(db.read_bytes())
    hold = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
            "time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(copy)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = CliRunner().invoke(app, ["serve", "--db", str(copy), "--host", "0.0.0.0"])
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert result.exit_code == 2
    assert "[T301]" in result.output and "Traceback" not in result.output
    assert "[W301]" in result.output  # all interfaces and no token: warned


def test_cli_and_export_csv_are_not_formulas(db: Path, tmp_path: Path) -> None:
    from tidings.cli import app
    from tidings.export import export
    from tidings.store.db import Store

    copy = tmp_path / "csv.duckdb"
    copy.write_bytes(db.read_bytes())
    with Store.open(copy) as store:
        store.con.execute("UPDATE events SET evidence = '+cmd|calc', source_name = '-2+3' "
                          "WHERE id = (SELECT min(id) FROM events)")
        out = tmp_path / "events.csv"
        export(store, "csv", out)
    exported = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert any(r["evidence"] == "'+cmd|calc" and r["source_name"] == "'-2+3" for r in exported)
    assert any(r["goldstein"].startswith("-") for r in exported)  # numbers stay numbers
    result = CliRunner().invoke(app, ["events", "--db", str(copy), "--format", "csv", "--limit", "1000"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert any(r["source_name"] == "'-2+3" for r in rows)
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values() if v)
