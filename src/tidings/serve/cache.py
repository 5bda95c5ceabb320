"""Answers of the read endpoints kept per store write version: one pure ASGI middleware.

A ``GET`` under ``/api`` is answered from memory when the same request (path, query string, ``Host``) was
answered at the store's current write version (:mod:`tidings.store.versions`: it goes up after every
commit, so a kept answer is exactly what the query would give now). Concurrent identical requests that miss
share one computation (single flight): at a new version, 16 clients asking for the dashboard's events page
cost one query, not 16. A waiter whose client goes away does not cancel the computation the others wait for.

Only answers with status 200 are kept, up to ``max_bytes`` in all (least recently used first out) and
``max_entry`` each; answers of an older version are dropped as soon as a newer one is seen. The writer
endpoints (``POST``, ``/api/_writer``) pass straight through.

Every answer that passes here carries ``Server-Timing: app;dur=<ms>;desc=<hit|miss|shared>``: the time
from the request reaching this middleware to its answer being ready, and how it was answered (``shared``:
it waited for an identical request's computation). ``benchmarks/api_load.py`` reports it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Key = tuple[int, str, str, bytes, bytes]

MAX_BYTES = 32 * 1024 * 1024
"""Bytes of kept answers (bodies) in all."""
MAX_ENTRY = 4 * 1024 * 1024
"""Largest answer kept (bigger ones are computed per request)."""
PASS_THROUGH = ("/api/_writer",)


@dataclass(slots=True)
class Answer:
    """A whole HTTP answer as the app sent it."""

    status: int = 0
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: list[bytes] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(b) for b in self.body)


@dataclass(slots=True)
class Stats:
    hits: int = 0
    misses: int = 0
    shared: int = 0


class ResponseCache:
    """The middleware; ``version()`` is the store's write version (``ReadPool.version``)."""

    def __init__(self, app: ASGIApp, *, version: Callable[[], int], max_bytes: int = MAX_BYTES,
                 max_entry: int = MAX_ENTRY) -> None:
        self.app = app
        self.version = version
        self.max_bytes = max_bytes
        self.max_entry = max_entry
        self.stats = Stats()
        self._kept: OrderedDict[Key, Answer] = OrderedDict()
        self._bytes = 0
        self._newest = -1
        self._pending: dict[Key, asyncio.Task[Answer]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _cacheable(scope):
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        key = self._key(scope)
        answer = self._kept.get(key)
        how = "hit"
        if answer is not None:
            self._kept.move_to_end(key)
            self.stats.hits += 1
        else:
            task = self._pending.get(key)
            how = "shared" if task is not None else "miss"
            if task is None:
                task = asyncio.ensure_future(self._compute(key, scope, receive))
                task.add_done_callback(_retrieve)
                self._pending[key] = task
            answer = await asyncio.shield(task)  # a waiter that is cancelled leaves the task running
            self.stats.shared += how == "shared"
        await _replay(send, answer, how, (time.perf_counter() - start) * 1000)

    def _key(self, scope: Scope) -> Key:
        version = self.version()
        if version > self._newest:  # answers of older versions can never be asked for again
            self._newest = version
            self._kept.clear()
            self._bytes = 0
        host = next((v for k, v in scope.get("headers", []) if k == b"host"), b"")
        # today's date: an answer that defaults to "today" (whereabouts) is not kept past midnight
        return (version, dt.date.today().isoformat(), str(scope.get("path", "")),
                bytes(scope.get("query_string", b"")), bytes(host))

    async def _compute(self, key: Key, scope: Scope, receive: Receive) -> Answer:
        self.stats.misses += 1
        answer = Answer()

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer.status = int(message["status"])
                answer.headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                answer.body.append(bytes(message.get("body", b"")))

        try:
            await self.app(scope, receive, capture)
        finally:
            self._pending.pop(key, None)
        self._keep(key, answer)
        return answer

    def _keep(self, key: Key, answer: Answer) -> None:
        size = answer.size
        if answer.status != 200 or size > self.max_entry or key[0] != self._newest:
            return
        self._kept[key] = answer
        self._bytes += size
        while self._bytes > self.max_bytes and self._kept:
            _, old = self._kept.popitem(last=False)
            self._bytes -= old.size


class Totals:
    """Totals of event lists (``queries.events``' count of matches) at the store's current write version:
    a page after the first, by cursor or offset, counts nothing. Read and filled from the reader threads."""

    def __init__(self, version: Callable[[], int], max_entries: int = 4096) -> None:
        self.version = version
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._at = -1
        self._counts: dict[tuple[str, tuple[Any, ...]], int] = {}

    def at(self) -> dict[tuple[str, tuple[Any, ...]], int]:
        """The totals of the current version (a fresh mapping once the version has moved on)."""
        version = self.version()
        with self._lock:
            if version != self._at or len(self._counts) >= self.max_entries:
                self._at = version
                self._counts = {}
            return self._counts


def _retrieve(task: asyncio.Task[Answer]) -> None:
    """Mark a failed computation's exception as seen (its waiters, if any are left, raise it)."""
    if not task.cancelled():
        task.exception()


def _cacheable(scope: Scope) -> bool:
    if scope["type"] != "http" or scope.get("method") != "GET":
        return False
    path = str(scope.get("path", ""))
    return (path == "/api" or path.startswith("/api/")) and not path.startswith(PASS_THROUGH)


async def _replay(send: Send, answer: Answer, how: str, ms: float) -> None:
    timing = (b"server-timing", f"app;dur={ms:.2f};desc={how}".encode())
    await send({"type": "http.response.start", "status": answer.status, "headers": [*answer.headers, timing]})
    for i, chunk in enumerate(answer.body):
        await send({"type": "http.response.body", "body": chunk, "more_body": i < len(answer.body) - 1})
    if not answer.body:
        await send({"type": "http.response.body", "body": b"", "more_body": False})
