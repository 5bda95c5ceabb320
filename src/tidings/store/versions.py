"""The write version of each store this process writes: a counter that goes up after every commit.

Readers in the same process (the API server, :mod:`tidings.serve.cache`) key what they keep by it: an
answer computed at version *v* is still right while the version is *v*. Every write the API can show goes
through :class:`tidings.store.db.Store` (ingest batches, runs, migrations, recoding): each of its
transactions, and its one autocommitted update (``finish_run``), bumps the version after it commits. (The
watcher's own queue tables, which no endpoint reads, are written beside it and do not.) Nothing outside the
process can write while a server holds the file (DuckDB's lock: see ``docs/store.md``), so these counters
see every write a served store's answers depend on.

The version is bumped *after* ``COMMIT`` returns: a reader that saw version *v* runs its query on a
snapshot at least as new as *v*, never an older one.
"""

from __future__ import annotations

import os
import threading

_versions: dict[str, int] = {}
_lock = threading.Lock()


def _key(path: str) -> str:
    return path if path == ":memory:" else os.path.realpath(path)


def bump(path: str) -> int:
    """Record a commit to the store at ``path``; return its new version."""
    key = _key(path)
    with _lock:
        version = _versions.get(key, 0) + 1
        _versions[key] = version
    return version


def current(path: str) -> int:
    """The write version of the store at ``path`` (0 until this process writes it)."""
    return _versions.get(_key(path), 0)
