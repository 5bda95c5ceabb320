"""One JSON error shape for every error of every endpoint (datasette's test_error_shape, for tidings)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from test_api import demo_store
from tidings.serve import create_app
from tidings.serve.errors import ERROR_CODES
from tidings.serve.queries import MAX_PAGE

BAD_REQUESTS = [
    ("GET", "/api/events?quad=9", 400),
    ("GET", "/api/events?quad=x", 400),
    ("GET", "/api/events?since=yesterday", 400),
    ("GET", "/api/events?since=2024-02-01&until=2024-01-01", 400),
    ("GET", "/api/events?factuality=certain", 400),
    ("GET", "/api/events?code=abc", 400),
    ("GET", "/api/events?sort=evidence", 400),
    ("GET", f"/api/events?limit={MAX_PAGE + 1}", 400),
    ("GET", "/api/events?limit=0", 400),
    ("GET", "/api/events?cursor=not-a-cursor", 400),
    ("GET", "/api/events?cursor=WyJ4IiwxXQ", 400),
    ("GET", "/api/events?format=xml", 400),
    ("GET", "/api/events/no-such-event", 404),
    ("GET", "/api/articles/no-such-article", 404),
    ("GET", "/api/actors/NOSUCHACTOR", 404),
    ("GET", "/api/actors?limit=100000", 400),
    ("GET", "/api/timeline?interval=hour", 400),
    ("GET", "/api/timeline?by=colour", 400),
    ("GET", "/api/dyads?period=decade", 400),
    ("GET", "/api/places?limit=-1", 400),
    ("GET", "/api/claims?limit=0", 400),
    ("GET", "/api/whereabouts/Kim?as_of=soon", 400),
    ("GET", "/api/nothing-here", 404),
    ("POST", "/api/articles", 404),
    ("DELETE", "/api/events/x", 405),
    ("PUT", "/api/events", 405),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_store(tmp_path_factory)


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def assert_error_shape(body: Any, status: int) -> None:
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"status", "code", "message", "detail"}, err
    assert err["status"] == status
    assert err["code"] == ERROR_CODES[status]
    assert isinstance(err["message"], str) and err["message"]
    assert err["detail"] is None or all(set(d) == {"param", "message"} for d in err["detail"])


@pytest.mark.parametrize(("method", "url", "status"), BAD_REQUESTS)
def test_error_shape(client: TestClient, method: str, url: str, status: int) -> None:
    r = client.request(method, url)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert_error_shape(r.json(), status)


def test_validation_names_the_parameter(client: TestClient) -> None:
    err = client.get("/api/events?quad=9&limit=9999").json()["error"]
    assert {d["param"] for d in err["detail"]} == {"quad", "limit"}


def test_every_api_route_is_covered(client: TestClient) -> None:
    """A new endpoint must come with a bad request in BAD_REQUESTS."""
    covered = {url.split("?")[0] for _, url, _ in BAD_REQUESTS}
    for path in client.get("/openapi.json").json()["paths"]:
        head = path.split("{")[0].rstrip("/")
        assert any(u in (head, path) or u.startswith(head + "/") or u.startswith(head + "?")
                   for u in covered) or path == "/api", path


def test_crash_has_the_shape(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings.serve import queries

    def boom(*_: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(queries, "places", boom)
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.get("/api/places")
    assert r.status_code == 500
    assert_error_shape(r.json(), 500)
    assert "boom" not in r.json()["error"]["message"]  # no internals leak


def test_time_limit_interrupts(db: Path) -> None:
    with TestClient(create_app(db, timeout=1e-9), raise_server_exceptions=False) as c:
        r = c.get("/api/timeline", params={"interval": "day"})
    assert r.status_code == 504
    assert_error_shape(r.json(), 504)


def test_ingest_needs_the_token(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "rw.duckdb"
    copy.write_bytes(db.read_bytes())
    with TestClient(create_app(copy, token="s3cret"), raise_server_exceptions=False) as c:
        assert "/api/articles" in c.get("/openapi.json").json()["paths"]
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}):
            r = c.post("/api/articles", json={"text": "Russia attacked Ukraine."}, headers=headers)
            assert r.status_code == 401
            assert_error_shape(r.json(), 401)
        auth = {"Authorization": "Bearer s3cret"}
        bodies: list[object] = [{"title": "no text"}, [], "text"]
        for body in bodies:
            r = c.post("/api/articles", json=body, headers=auth)
            assert r.status_code == 400
            assert_error_shape(r.json(), 400)
        r = c.post("/api/articles", content=b"{not json", headers=auth)
        assert r.status_code == 400
        assert_error_shape(r.json(), 400)
