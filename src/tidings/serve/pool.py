"""Reads on a thread pool, one DuckDB cursor per worker thread, each under a time limit.

The server opens the store once, read-only (read-write only when ingest by token is on, and then all writes
go through :meth:`ReadPool.write`, one at a time). A query that outlives ``timeout`` seconds is
interrupted (``DuckDBPyConnection.interrupt``) and answered with a 504 in the API's error shape; the data
function's next query (:func:`checkpoint`) stops it, so no timed-out request works on unseen.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from tidings.errors import StoreError
from tidings.serve.errors import ApiError
from tidings.store import versions

T = TypeVar("T")
Cursor = duckdb.DuckDBPyConnection


_job = threading.local()


def checkpoint() -> None:
    """Raise a 504 in a data function whose request has timed out (called before each of its queries), so
    a timed-out request stops its work instead of running on with nobody waiting for it."""
    flag: threading.Event | None = getattr(_job, "cancelled", None)
    if flag is not None and flag.is_set():
        raise ApiError(504, "the request timed out and was stopped")


class ReadPool:
    """A DuckDB file shared by ``workers`` threads; use :meth:`read` from async code."""

    def __init__(self, path: str | Path, *, workers: int = 8, timeout: float = 5.0,
                 writable: bool = False) -> None:
        name = str(path)
        if not Path(name).is_file():
            raise FileNotFoundError(f"no event store at {name} (run `tidings ingest` first)")
        self.path = name
        self.timeout = timeout
        self.writable = writable
        try:
            self._con = duckdb.connect(name, read_only=not writable)
        except duckdb.Error as exc:  # most often: another process holds the file's write lock
            raise StoreError(f"cannot open {name}{' for writing' if writable else ''}: {exc}") from exc
        self._local = threading.local()
        self._cursors: list[Cursor] = []
        self._lock = threading.Lock()
        self._reads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tidings-read")
        self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tidings-write")

    def cursor(self) -> Cursor:
        """This thread's cursor (made on first use)."""
        cur: Cursor | None = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self._con.cursor()
            self._local.cursor = cur
            with self._lock:
                self._cursors.append(cur)
        return cur

    async def read(self, fn: Callable[[Cursor], T], *, timeout: float | None = None) -> T:
        """Run ``fn(cursor)`` on a worker thread; interrupt it and raise a 504 after the time limit."""
        return await self._run(self._reads, fn, self.timeout if timeout is None else timeout)

    @property
    def version(self) -> int:
        """The store's write version (:mod:`tidings.store.versions`): it goes up after every commit of a
        :class:`tidings.store.db.Store` (every write the API shows goes through one)."""
        return versions.current(self.path)

    async def write(self, fn: Callable[[Cursor], T], *, timeout: float | None = 600.0) -> T:
        """Run ``fn(cursor)`` on the single writer thread (``timeout=None``: as long as it takes)."""
        if not self.writable:
            raise ApiError(503, "this server opened its store read-only")
        return await self._run(self._writes, fn, timeout)

    def write_sync(self, fn: Callable[[Cursor], T]) -> T:
        """Run ``fn(cursor)`` on the single writer thread from a plain thread (the watcher); wait for it."""
        if not self.writable:
            raise ApiError(503, "this server opened its store read-only")
        return self._writes.submit(lambda: fn(self.cursor())).result()

    async def _run(self, executor: ThreadPoolExecutor, fn: Callable[[Cursor], T], limit: float | None) -> T:
        holder: list[Cursor] = []
        cancelled = threading.Event()

        def job() -> T:
            cur = self.cursor()
            holder.append(cur)
            _job.cancelled = cancelled
            try:
                return fn(cur)
            finally:
                _job.cancelled = None

        future: Future[T] = executor.submit(job)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), limit)
        except TimeoutError:
            cancelled.set()  # the data function stops at its next query (checkpoint)
            if holder:
                holder[0].interrupt()
            future.cancel()
            future.add_done_callback(_swallow)
            raise ApiError(504, f"the query took longer than {limit or 0:g} s and was stopped; "
                                "narrow the filters or the date range") from None

    def close(self) -> None:
        self._reads.shutdown(wait=True, cancel_futures=True)
        self._writes.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            for cur in self._cursors:
                cur.close()
            self._cursors.clear()
        self._con.close()


def _swallow(future: Future[Any]) -> None:
    if not future.cancelled():
        future.exception()
