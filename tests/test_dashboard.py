"""The dashboard in a real browser: Debian's Chromium driven by Playwright, against a server this test starts.

Marked slow (run in CI). Needs /usr/bin/chromium (``apt-get install chromium``); screenshots go to the test's
temporary folder, or to $TIDINGS_SCREENSHOTS when set.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from test_api import demo_store
    from tidings.serve import create_app

    app = create_app(demo_store(tmp_path_factory))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("TIDINGS_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_filter_open_event_highlight(server: str, shots: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(server + "/")
        expect(page.locator("#events-table tbody tr").first).to_be_visible(timeout=15_000)
        page.wait_for_function("document.querySelectorAll('#timeline canvas, #map canvas, #network canvas')"
                               ".length >= 3")
        page.screenshot(path=str(shots / "dashboard.png"), full_page=True)

        # apply a filter: material conflict, through the form; the URL carries it
        page.select_option("#filters select[name=quad]", "4")
        page.click("#apply")
        page.wait_for_url("**quad=4**")
        expect(page.locator(".chip", has_text="quad: 4")).to_be_visible()
        rows = page.locator("#events-table tbody tr")
        expect(rows.first).to_be_visible()
        badges = page.locator("#events-table tbody td .badge.q4")
        assert rows.count() == badges.count() > 0
        page.screenshot(path=str(shots / "filtered.png"), full_page=True)

        # open an event: evidence with the trigger, source and target highlighted, badges shown
        rows.first.click()
        drawer = page.locator("#drawer")
        expect(drawer.locator("#evidence")).to_be_visible()
        assert "event=" in page.url and "quad=4" in page.url
        trigger = drawer.locator("#evidence mark[data-role=trigger]")
        expect(trigger).to_have_count(1)
        assert trigger.inner_text().strip()
        expect(drawer.locator("#evidence mark[data-role=source]")).to_have_count(1)
        expect(drawer.locator("[data-factuality]").first).to_be_visible()
        assert drawer.locator(".badge.q4").count() >= 1
        page.screenshot(path=str(shots / "event.png"), full_page=False)

        # the shared link opens the same view in a fresh page
        fresh = browser.new_page(viewport={"width": 1440, "height": 1000})
        fresh.goto(page.url)
        expect(fresh.locator("#drawer #evidence mark[data-role=trigger]")).to_have_count(1)
        assert fresh.locator("#filters select[name=quad]").input_value() == "4"
        browser.close()
    assert not errors, errors


def test_actor_and_article_pages(server: str, shots: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1100})
        page.goto(server + "/")
        page.fill("#actor-q", "Pashinyan")
        page.locator("#actor-results a").first.click()
        expect(page.locator("#kpis")).to_be_visible()
        assert "view=actor" in page.url
        page.wait_for_function("document.querySelectorAll('#months canvas').length >= 1")
        page.screenshot(path=str(shots / "actor.png"), full_page=True)
        page.locator("#main tr[data-event]").first.click()
        page.locator("#drawer a[href*='view=article']").first.click()
        expect(page.locator("#article-text .sent").first).to_be_visible()
        expect(page.locator("#article-text mark[data-role=trigger]").first).to_be_visible()
        page.screenshot(path=str(shots / "article.png"), full_page=True)
        browser.close()
