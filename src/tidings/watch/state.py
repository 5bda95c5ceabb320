"""The watcher's durable state, two tables in the store beside the content tables (created on first use).

    watch_feeds(url PK, etag, last_modified, polled, failures, next_poll, last_status, last_error)
    watch_items(key PK, kind, source, url, path, title, published, status, attempts, next_try,
                article_id, error, added, done)

``watch_items`` is the queue: a feed entry (its link) or a dropped file (path, size and modification time)
is inserted once (``INSERT OR IGNORE`` on the key) in the same transaction as the feed's new validators,
then marked ``done`` after its batch is committed. A kill between the two leaves it ``queued``: the next run
fetches it again and the store's article id (a hash of the text) turns the second copy into an exact
duplicate, so nothing is coded twice and nothing is lost.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

TABLES = (
    """CREATE TABLE IF NOT EXISTS watch_feeds (
        url           VARCHAR PRIMARY KEY,
        etag          VARCHAR,
        last_modified VARCHAR,
        polled        TIMESTAMP,
        failures      INTEGER NOT NULL DEFAULT 0,
        next_poll     TIMESTAMP,
        last_status   VARCHAR,
        last_error    VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS watch_items (
        key         VARCHAR PRIMARY KEY,       -- page:<url> or file:<path>:<size>:<mtime_ns>
        kind        VARCHAR NOT NULL,          -- page | file
        source      VARCHAR NOT NULL,          -- the feed URL, or the folder
        url         VARCHAR,
        path        VARCHAR,
        title       VARCHAR,
        published   DATE,
        status      VARCHAR NOT NULL,          -- queued | done | failed
        attempts    INTEGER NOT NULL DEFAULT 0,
        next_try    TIMESTAMP,
        article_id  VARCHAR,                   -- the stored article (pages)
        error       VARCHAR,
        added       TIMESTAMP NOT NULL,
        done        TIMESTAMP
    )""",
)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def create(con: Any) -> None:
    for sql in TABLES:
        con.execute(sql)


def feed_state(con: Any, url: str) -> tuple[str | None, str | None, int, dt.datetime | None]:
    """``(etag, last_modified, failures, next_poll)`` of a feed (nothing known: all empty)."""
    row = con.execute("SELECT etag, last_modified, failures, next_poll FROM watch_feeds WHERE url = ?",
                      [url]).fetchone()
    return (row[0], row[1], int(row[2]), row[3]) if row else (None, None, 0, None)


def save_feed(con: Any, url: str, *, etag: str | None, last_modified: str | None, failures: int,
              next_poll: dt.datetime, status: str, error: str | None) -> None:
    con.execute("INSERT OR REPLACE INTO watch_feeds VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [url, etag, last_modified, now(), failures, next_poll, status, error])


def enqueue(con: Any, items: list[dict[str, Any]]) -> int:
    """Queue items not seen before; how many were new."""
    if not items:
        return 0
    keys = [i["key"] for i in items]
    before = con.execute("SELECT count(*) FROM watch_items WHERE list_contains(?, key)", [keys]).fetchone()
    con.executemany(
        "INSERT OR IGNORE INTO watch_items (key, kind, source, url, path, title, published, status, added) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?)",
        [[i["key"], i["kind"], i["source"], i.get("url"), i.get("path"), i.get("title"), i.get("published"),
          now()] for i in items])
    return len(set(keys)) - int(before[0] if before else 0)


def queued(con: Any, limit: int) -> list[dict[str, Any]]:
    cursor = con.execute("SELECT key, kind, source, url, path, title, published, attempts FROM watch_items "
                         "WHERE status = 'queued' AND (next_try IS NULL OR next_try <= ?) "
                         "ORDER BY added, key LIMIT ?", [now(), limit])
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def mark_done(con: Any, done: dict[str, str | None]) -> None:
    """``done``: key -> the stored article id (or None for a file, which may hold many)."""
    if done:
        con.executemany("UPDATE watch_items SET status = 'done', done = ?, article_id = ?, error = NULL "
                        "WHERE key = ?", [[now(), article, key] for key, article in done.items()])


def mark_failed(con: Any, key: str, error: str, *, attempts: int, give_up: bool,
                next_try: dt.datetime) -> None:
    con.execute("UPDATE watch_items SET status = ?, attempts = ?, error = ?, next_try = ? WHERE key = ?",
                ["failed" if give_up else "queued", attempts, error[:500], next_try, key])


def counts(con: Any) -> dict[str, int]:
    return {str(k): int(n) for k, n in con.execute(
        "SELECT status, count(*) FROM watch_items GROUP BY status").fetchall()}
