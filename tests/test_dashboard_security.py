"""In a real browser (Debian's Chromium via Playwright): articles whose title and text hold ``<script>`` and
``<img onerror>`` are shown as text on every dashboard view and nothing runs; the dashboard and the offline
API docs work under the server's Content-Security-Policy (no violation reported)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from test_api import demo_store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]

PAYLOADS = ['<script>window.__xss = "script"</script>', '<img src=x onerror="window.__xss = \'img\'">',
            '"><svg onload="window.__xss = \'svg\'">']
# Our own sentences, each carrying one payload where the dashboard shows text: title, evidence, names.
HOSTILE = [
    {"id": "hostile-1", "title": f"Talks {PAYLOADS[0]} {PAYLOADS[1]}", "published": "2024-05-06",
     "text": f"The foreign minister of France met the foreign minister of Brazil in Paris on Monday "
             f"{PAYLOADS[0]}, officials said. Police in Lyon arrested {PAYLOADS[1]} twelve protesters."},
    {"id": "hostile-2", "title": PAYLOADS[2], "published": "2024-05-07",
     "text": f"Germany {PAYLOADS[2]} criticised Poland over the new border rules on Tuesday, officials said. "
             f"The Italian government {PAYLOADS[1]} praised Spain for its help after the floods."},
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from tidings.serve import create_app

    db = tmp_path_factory.mktemp("xss") / "xss.duckdb"
    db.write_bytes(demo_store(tmp_path_factory).read_bytes())
    with TestClient(create_app(db, token="t0ken", rate=0)) as c:
        r = c.post("/api/articles", json=HOSTILE, headers={"Authorization": "Bearer t0ken"})
        assert r.status_code == 201 and r.json()["articles"] == 2, r.text
    app = create_app(db, rate=0)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def test_hostile_text_never_runs(server: str) -> None:
    import httpx
    from playwright.sync_api import expect, sync_playwright

    rows = httpx.get(server + "/api/events", params={"since": "2024-05-01", "limit": "500"}).json()["rows"]
    events = [e for e in rows if "<script>" in e["evidence"] or "onerror" in e["evidence"]]
    assert events
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.on("dialog", lambda d: (problems.append(f"dialog {d.message}"), d.dismiss()))
        page.on("pageerror", lambda exc: problems.append(str(exc)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "404" not in m.text
                else None)
        page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        codes = sorted({c for e in events for c in (e["source_code"], e["target_code"]) if c})
        views = [f"/?since=2024-05-01&event={e['id']}" for e in events] + ["/?q=onerror", "/?q=script"]
        views += [f"/?view=actor&id={c}" for c in codes]
        article_ids = {e["article_id"] for e in events}
        assert article_ids
        views += [f"/?view=article&id={a}" for a in sorted(article_ids)]
        for view in views:
            page.goto(server + view)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__xss") is None, view
            assert page.locator("#main img[src=x], #drawer img[src=x], #main svg[onload]").count() == 0, view
        script = next(e["article_id"] for e in events if "<script>" in e["evidence"])
        page.goto(server + f"/?view=article&id={script}")
        expect(page.locator("#article-text")).to_contain_text("<script>")  # shown as text, not run
        browser.close()
    assert not problems, problems


def test_docs_render_offline_under_the_csp(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    problems: list[str] = []
    outside: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("request",
                lambda r: outside.append(r.url) if not r.url.startswith((server, "data:")) else None)
        page.goto(server + "/docs")
        expect(page.locator(".swagger-ui .info .title")).to_contain_text("tidings", timeout=15_000)
        expect(page.locator(".opblock-summary-path", has_text="/api/events").first).to_be_visible()
        browser.close()
    assert not problems, problems
    assert not outside, outside
