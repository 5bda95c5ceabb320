"""What the server does to every request before a route sees it: security headers, a body-size limit and a
per-client rate limit. One pure ASGI middleware (no buffering of bodies), answered in the API's error shape.

    Content-Security-Policy   scripts, fonts, images and connections from this server only; no inline or
                              eval'd script; no framing (frame-ancestors 'none'); no plugins; no <base>
    X-Content-Type-Options    nosniff
    X-Frame-Options           DENY (for browsers older than frame-ancestors)
    Referrer-Policy           no-referrer
    Cross-Origin-Opener-Policy / Cross-Origin-Resource-Policy   same-origin

The dashboard writes ``style="..."`` attributes in the markup it builds, so ``style-src`` allows inline
styles (no script can run from them); everything that runs is in ``/static`` and ``/docs-assets``.

Limits (stated in ``docs/api.md``):

* a request body over ``max_body`` bytes is refused with 413: here, at once, when ``Content-Length`` says
  so; a chunked body is read by the route in pieces (:func:`tidings.serve.app.read_body`), which stops as
  soon as the bytes read pass the limit;
* each client address may make ``rate`` requests a second on average, in bursts of up to ``burst``; past
  that it is answered 429 with ``Retry-After`` (``rate=0`` turns the limit off). Packaged static files
  (:data:`UNLIMITED`) are not counted.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from tidings.serve.errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
UNLIMITED = ("/static/", "/docs-assets/")
"""Packaged files: not counted by the rate limit (a dashboard page loads a dozen of them)."""
MAX_CLIENTS = 10_000
"""Rate-limit buckets kept (least recently seen clients are forgotten first)."""


class TokenBuckets:
    """A token bucket per client address: ``rate`` tokens a second, at most ``burst`` saved up."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = max(1, burst)
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, client: str, now: float | None = None) -> float:
        """0 when ``client`` may go on, else the seconds until it may."""
        when = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(client, (float(self.burst), when))
            tokens = min(float(self.burst), tokens + (when - last) * self.rate)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / self.rate
            self._buckets[client] = (tokens, when)
            while len(self._buckets) > MAX_CLIENTS:
                self._buckets.popitem(last=False)
        return wait


class Guard:
    """The middleware: headers on every answer, body limit, rate limit."""

    def __init__(self, app: ASGIApp, *, max_body: int, rate: float, burst: int) -> None:
        self.app = app
        self.max_body = max_body
        self.buckets = TokenBuckets(rate, burst) if rate > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in HEADERS if k not in names)]
            await send(message)

        refusal = self._refusal(scope)
        if refusal is not None:
            await _answer(send_with_headers, *refusal)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope) -> tuple[int, str, dict[str, str]] | None:
        if self.buckets is not None and not str(scope.get("path", "")).startswith(UNLIMITED):
            client = scope.get("client")
            wait = self.buckets.take(client[0] if client else "?")
            if wait > 0:
                return (429, f"too many requests from this address; retry in {math.ceil(wait)} s",
                        {"retry-after": str(math.ceil(wait))})
        for key, value in scope.get("headers", []):
            if key == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    return 400, "Content-Length is not a number", {}
                if size > self.max_body:
                    return self._too_large()
        return None

    def _too_large(self) -> tuple[int, str, dict[str, str]]:
        return (413, f"request body over {self.max_body:,} bytes; send smaller batches", {})


async def _answer(send: Send, status: int, message: str, headers: dict[str, str]) -> None:
    body = json.dumps(error_body(status, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            *((k.encode(), v.encode()) for k, v in headers.items())]})
    await send({"type": "http.response.body", "body": body})
