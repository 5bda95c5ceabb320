"""Continuous ingest: poll RSS/Atom feeds and a drop folder, fetch new article pages, code them into the
store, and keep a durable queue in the store so nothing is lost or coded twice across restarts and kill -9.

    tidings watch --db X --feed URL [--feed URL ...] [--folder DIR] [--interval 300]
    tidings serve --db X --watch-feed URL --watch-folder DIR          (the same watcher inside the server)

See ``docs/store.md`` ("Continuous ingest").
"""

from __future__ import annotations

from typing import Any

__all__ = ["CycleReport", "WatchOptions", "Watcher"]


def __getattr__(name: str) -> Any:  # lazy: `tidings.cli` imports the command, not the ingest machinery
    if name in __all__:
        from tidings.watch import core

        return getattr(core, name)
    raise AttributeError(name)
