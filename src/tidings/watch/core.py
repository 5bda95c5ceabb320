"""The watcher: one :meth:`Watcher.cycle` polls the feeds that are due, scans the drop folder, fetches the
queued pages and codes them through the ingest runner, and reports what it did.

All store access goes through ``write`` (a function that runs a function of the :class:`Store` on the store's
one writer): in ``tidings watch`` that is the watcher's own connection, inside ``tidings serve --watch-*``
the server's writer thread, so readers keep reading while the watcher writes. Network I/O happens outside it.
Inside the server the parse and coding run in a child process (a :class:`~tidings.ingest.runner.CodingPool`),
so they do not take the GIL from the API's reader threads; the writer thread only stores the records.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.ingest.base import Document, ReadOptions
from tidings.ingest.runner import CodingPool, Ingest, IngestOptions
from tidings.log import get_logger, warn
from tidings.store.db import Store
from tidings.watch import state
from tidings.watch.fetch import FetchError, client, fetch

Writer = Callable[[Callable[[Store], Any]], Any]
log = get_logger(__name__)

FILE_SUFFIXES = frozenset({".txt", ".text", ".json", ".jsonl", ".ndjson", ".csv", ".html", ".htm",
                           ".xhtml", ".rss", ".atom", ".xml", ".warc", ".arc", ".gz"})


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """What to watch and how hard to try (stated in ``docs/store.md``)."""

    feeds: tuple[str, ...] = ()
    folder: Path | None = None
    interval: float = 300.0  # seconds between polls of a feed that works
    backoff: float = 60.0  # a failing feed or page waits backoff * 2**(failures - 1) ...
    max_backoff: float = 3600.0  # ... at most this
    timeout: float = 20.0  # seconds for one HTTP wait, and twice that for a whole body
    max_bytes: int = 5 * 1024 * 1024  # largest feed or page read
    per_cycle: int = 32  # queued items taken in one cycle
    attempts: int = 3  # tries of a page before it is marked failed
    settle: float = 2.0  # a dropped file is taken once unchanged for this long
    ingest: IngestOptions = field(default_factory=IngestOptions)


@dataclass(slots=True)
class CycleReport:
    """What one cycle did."""

    polled: int = 0
    not_modified: int = 0
    failed_feeds: list[tuple[str, str]] = field(default_factory=list)
    queued: int = 0  # new items (pages and files)
    fetched: int = 0
    failed_items: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0
    articles: int = 0
    events: int = 0
    duplicates: int = 0
    skipped: int = 0
    waiting: int = 0  # items still queued after the cycle

    @property
    def idle(self) -> bool:
        return not self.queued and not self.fetched and not self.files and not self.waiting

    def line(self) -> str:
        text = (f"polled {self.polled} feed(s) ({self.not_modified} not modified, {len(self.failed_feeds)} "
                f"failed), {self.queued} new item(s), fetched {self.fetched} page(s), {self.files} file(s); "
                f"{self.articles} article(s) coded, {self.events} event(s), {self.duplicates} duplicate(s), "
                f"{self.skipped} skipped; {self.waiting} waiting")
        problems = [f"{u}: {r}" for u, r in self.failed_feeds + self.failed_items]
        return text + ("".join(f"\n  failed {p}" for p in problems))


class Watcher:
    """Feeds and a folder into the store through ``write``; see the module docstring."""

    def __init__(self, write: Writer, options: WatchOptions, *, coding: CodingPool | None = None) -> None:
        self.write = write
        self.options = options
        self.coding = coding  # None: code on the writer's thread; else in these processes (tidings serve)
        self.http = client(options.timeout)
        self._ready = False

    def close(self) -> None:
        self.http.close()

    # ------------------------------------------------------------------ one cycle
    def cycle(self) -> CycleReport:
        if not self._ready:
            self.write(lambda store: state.create(store.con))
            self._ready = True
        report = CycleReport()
        for url in self.options.feeds:
            self._poll(url, report)
        if self.options.folder is not None:
            report.queued += self._scan(self.options.folder)
        self._work(report)
        report.waiting = int(self.write(lambda s: state.counts(s.con)).get("queued", 0))
        return report

    def run(self, stop: threading.Event, *, until_idle: bool = False,
            on_cycle: Callable[[CycleReport], None] | None = None) -> None:
        """Cycle until ``stop`` is set (or, with ``until_idle``, until a cycle finds nothing to do)."""
        failures = 0
        while not stop.is_set():
            try:
                report = self.cycle()
            except Exception as exc:  # a served watcher outlives one bad cycle
                failures += 1
                wait = _backoff(self.options, failures)
                warn("W312", f"watch cycle failed ({type(exc).__name__}: {exc}); failure {failures}, "
                     f"next cycle in {wait:g} s", log=log)
                log.debug("watch cycle failure", exc_info=True)
                stop.wait(wait)
                continue
            failures = 0
            if on_cycle is not None:
                on_cycle(report)
            if until_idle and report.idle:
                return
            if not report.waiting:
                stop.wait(self.options.interval)

    # ------------------------------------------------------------------ feeds
    def _poll(self, url: str, report: CycleReport) -> None:
        etag, modified, failures, next_poll = self.write(lambda s: state.feed_state(s.con, url))
        if next_poll is not None and next_poll > state.now():
            return
        report.polled += 1
        opts = self.options
        try:
            got = fetch(self.http, url, max_bytes=opts.max_bytes, total=2 * opts.timeout, etag=etag,
                        last_modified=modified)
        except FetchError as exc:
            self._feed_failed(url, str(exc), failures + 1, etag, modified, report)
            return
        items = [] if got.status == 304 else feed_items(got.body, url)
        report.not_modified += got.status == 304
        following = state.now() + dt.timedelta(seconds=opts.interval)

        def save(store: Store) -> int:
            with _transaction(store):
                new = state.enqueue(store.con, items)
                state.save_feed(store.con, url, etag=got.etag or etag,
                                last_modified=got.last_modified or modified, failures=0,
                                next_poll=following, status=str(got.status), error=None)
            return new

        report.queued += self.write(save)

    def _feed_failed(self, url: str, reason: str, failures: int, etag: str | None, modified: str | None,
                     report: CycleReport) -> None:
        """Back off: the next poll of a failing feed waits ``backoff * 2**(failures - 1)`` (at most
        ``max_backoff``)."""
        wait = _backoff(self.options, failures)
        report.failed_feeds.append((url, reason))
        warn("W310", f"feed {url} failed ({reason}); failure {failures}, next poll in {wait:g} s", log=log)
        self.write(lambda s: state.save_feed(s.con, url, etag=etag, last_modified=modified, failures=failures,
                                             status="failed", error=reason,
                                             next_poll=state.now() + dt.timedelta(seconds=wait)))

    # ------------------------------------------------------------------ folder
    def _scan(self, folder: Path) -> int:
        items = []
        limit = state.now().timestamp() - self.options.settle
        for root, dirs, names in os.walk(folder, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                path = Path(root) / name
                if name.startswith(".") or path.suffix.lower() not in FILE_SUFFIXES or path.is_symlink():
                    continue
                try:
                    info = path.stat()
                except OSError:
                    continue
                if info.st_mtime > limit:  # still being written, perhaps: next cycle
                    continue
                rel = path.relative_to(folder).as_posix()
                items.append({"key": f"file:{rel}:{info.st_size}:{info.st_mtime_ns}", "kind": "file",
                              "source": str(folder), "path": str(path)})
        return int(self.write(lambda s: state.enqueue(s.con, items))) if items else 0

    # ------------------------------------------------------------------ the queue
    def _work(self, report: CycleReport) -> None:
        opts = self.options
        todo = self.write(lambda s: state.queued(s.con, opts.per_cycle))
        docs: list[Any] = []
        done: dict[str, str | None] = {}
        files: list[str] = []
        for item in todo:
            if item["kind"] == "file":
                files.append(item["path"])
                done[item["key"]] = None
                continue
            try:
                got = fetch(self.http, item["url"], max_bytes=opts.max_bytes, total=2 * opts.timeout)
            except FetchError as exc:
                self._failed(item, str(exc), report)
                continue
            report.fetched += 1
            found = page_items(got.body, item["url"], item.get("published") or opts.ingest.published)
            docs.extend(found)
            keys = [d.key for d in found if isinstance(d, Document)]
            done[item["key"]] = keys[0] if keys else None
        report.files += len(files)
        if not done:
            return

        def code(store: Store) -> Any:
            stats = []
            if docs:
                stats.append(Ingest(store, opts.ingest, coding=self.coding).run(["watch:feeds"], items=docs))
            if files:
                stats.append(Ingest(store, opts.ingest, coding=self.coding).run(files))
            state.mark_done(store.con, done)
            return stats

        try:
            results = self.write(code)
        except Exception as exc:  # the batch waits, is retried, is given up
            warn("W311", f"coding {len(todo)} queued item(s) failed ({type(exc).__name__}: {exc}); "
                 "they wait and are tried again", log=log)
            log.debug("watch coding failure", exc_info=True)
            for item in todo:
                self._failed(item, f"coding failed: {type(exc).__name__}", report)
            return
        for stats in results:
            report.articles += stats.articles
            report.events += stats.events
            report.duplicates += stats.duplicates + stats.near_duplicates
            report.skipped += stats.skipped

    def _failed(self, item: dict[str, Any], reason: str, report: CycleReport) -> None:
        attempts = int(item["attempts"]) + 1
        give_up = attempts >= self.options.attempts
        wait = _backoff(self.options, attempts)
        what = item.get("url") or item.get("path") or item["key"]
        report.failed_items.append((what, reason + (" (given up)" if give_up else "")))
        self.write(lambda s: state.mark_failed(s.con, item["key"], reason, attempts=attempts, give_up=give_up,
                                               next_try=state.now() + dt.timedelta(seconds=wait)))


def _backoff(options: WatchOptions, failures: int) -> float:
    return float(min(options.backoff * 2 ** min(max(failures, 1) - 1, 30), options.max_backoff))


def feed_items(body: bytes, feed_url: str) -> list[dict[str, Any]]:
    """The entries of a feed as queue items (one a link; entries without a link are not pages)."""
    import feedparser

    parsed: Any = feedparser.parse(body)
    out = []
    for entry in parsed.get("entries") or []:
        link = (entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")) or len(link) > 2048:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        out.append({"key": f"page:{link}", "kind": "page", "source": feed_url, "url": link,
                    "title": (entry.get("title") or None), "published": published})
    return out


def page_items(body: bytes, url: str, published: dt.date | None) -> list[Any]:
    """The article of a fetched page (or the numbered error that replaces it)."""
    from tidings.ingest.html import read_html

    return list(read_html(body, url, ReadOptions(published), url=url))


class _transaction:
    def __init__(self, store: Store) -> None:
        self.con = store.con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.con.execute("COMMIT" if exc_type is None else "ROLLBACK")
