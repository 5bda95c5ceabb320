"""A small news site served from the test itself on 127.0.0.1 (no outside network): a feed that changes
between polls and answers conditional GETs, a dead feed, a redirect loop, a slow server, article pages.
"""

from __future__ import annotations

import contextlib
import email.utils
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Sentences written for these tests.
PLACES = ["Lima", "Quito", "Bogota", "Santiago", "Montevideo", "Asuncion", "La Paz", "Caracas", "Brasilia",
          "Buenos Aires", "Panama City", "San Jose"]
LEADERS = [("Chile", "Peru"), ("Ecuador", "Colombia"), ("Uruguay", "Paraguay"), ("Bolivia", "Venezuela"),
           ("Brazil", "Argentina"), ("Panama", "Costa Rica")]


def page_text(n: int) -> str:
    a, b = LEADERS[n % len(LEADERS)]
    place = PLACES[n % len(PLACES)]
    return (f"The foreign minister of {a} met the foreign minister of {b} in {place} on Monday, "
            f"officials said. The two governments signed an agreement on river trade, item {n}. "
            f"Police in {place} arrested {n + 2} protesters outside the meeting, the interior ministry said.")


def page_html(n: int) -> bytes:
    body = "".join(f"<p>{s.strip()}.</p>" for s in page_text(n).split(". ") if s.strip())
    return (f"<html lang='en'><head><title>Story {n}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Story {n}</h1>{body}</article><footer>Contact us</footer></body></html>").encode()


def feed_xml(base: str, items: list[int]) -> bytes:
    entries = "".join(
        f"<item><title>Story {n}</title><link>{base}/page/{n}.html</link><guid>{base}/page/{n}.html</guid>"
        f"<pubDate>Mon, 0{1 + n % 9} Apr 2024 10:00:00 GMT</pubDate>"
        f"<description>Story {n}</description></item>"
        for n in items)
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test wire</title><link>{base}</link>"
            f"<description>test</description>{entries}</channel></rss>").encode()


class Site:
    """The site's state: which items the feed lists, and what was asked of it."""

    def __init__(self, items: list[int]) -> None:
        self.items = items
        self.version = 1
        self.hits: dict[str, int] = {}
        self.conditional = 0  # 304 answers
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def set_items(self, items: list[int]) -> None:
        with self.lock:
            self.items = items
            self.version += 1

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: object) -> None:
                pass

            def do_GET(self) -> None:
                with site.lock:
                    site.hits[self.path] = site.hits.get(self.path, 0) + 1
                site.answer(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def answer(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        if path == "/feed.xml":
            etag = f'"v{self.version}"'
            if h.headers.get("If-None-Match") == etag:
                with self.lock:
                    self.conditional += 1
                h.send_response(304)
                h.end_headers()
                return
            self.send(h, 200, feed_xml(self.base, self.items), "application/rss+xml",
                      {"ETag": etag, "Last-Modified": email.utils.formatdate(usegmt=True)})
        elif path == "/dead.xml":
            self.send(h, 503, b"down", "text/plain")
        elif path.startswith("/loop"):
            h.send_response(302)
            h.send_header("Location", "/loop-b" if path == "/loop-a" else "/loop-a")
            h.end_headers()
        elif path == "/slow.xml":
            time.sleep(3)
            self.send(h, 200, feed_xml(self.base, [900]), "application/rss+xml")
        elif path.startswith("/page/") and path.endswith(".html"):
            self.send(h, 200, page_html(int(path[6:-5])), "text/html; charset=utf-8")
        else:
            self.send(h, 404, b"no", "text/plain")

    @staticmethod
    def send(h: BaseHTTPRequestHandler, status: int, body: bytes, kind: str,
             headers: dict[str, str] | None = None) -> None:
        h.send_response(status)
        h.send_header("Content-Type", kind)
        h.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            h.wfile.write(body)

