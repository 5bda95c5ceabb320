"""HTTP for the watcher (httpx): conditional GET, bounded redirects, time and size.

Every fetch gives a :class:`Fetched` or raises :class:`FetchError` with a short reason (connection refused,
time-out, redirect loop, HTTP 404, body over the size limit); nothing else escapes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from tidings.about import __version__

USER_AGENT = f"tidings/{__version__} (+https://github.com/tidings; news event coder)"
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A fetch that failed; ``str()`` is the reason."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: body empty)
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str


def client(timeout: float) -> httpx.Client:
    return httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, trust_env=False,
                        timeout=httpx.Timeout(timeout), headers={"User-Agent": USER_AGENT})


def fetch(http: httpx.Client, url: str, *, max_bytes: int, total: float, etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """GET ``url`` (conditionally when validators are given), reading at most ``max_bytes`` within
    ``total`` seconds (the client's time-out bounds each wait; this bounds a server that trickles)."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with http.stream("GET", url, headers=headers) as answer:
            if answer.status_code == 304:
                return Fetched(str(answer.url), 304, b"", etag, last_modified, "")
            if answer.status_code != 200:
                raise FetchError(f"HTTP {answer.status_code}")
            parts: list[bytes] = []
            size = 0
            deadline = time.monotonic() + total
            for chunk in answer.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"body over {max_bytes:,} bytes")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out (body still coming after {total:g} s)")
                parts.append(chunk)
            return Fetched(str(answer.url), 200, b"".join(parts), answer.headers.get("etag"),
                           answer.headers.get("last-modified"), answer.headers.get("content-type", ""))
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects (a redirect loop?)") from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out ({type(exc).__name__})") from exc
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}"[:300]) from exc
