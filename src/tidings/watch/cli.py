"""``tidings watch``: poll feeds and a drop folder into the store until stopped (SIGTERM, Ctrl-C)."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Annotated, Any

import typer

from tidings.cli_options import (
    ActorsOpt,
    DictOpt,
    FieldsOpt,
    LexiconOpt,
    LimitOpt,
    PublishedOpt,
    TimeLimitOpt,
    coding_options,
)

FeedOpt = Annotated[list[str] | None, typer.Option("--feed", help="RSS/Atom feed URL (repeatable).")]
FolderOpt = Annotated[Path | None, typer.Option("--folder", help="Drop folder: files put here are ingested "
                                                "once.")]
IntervalOpt = Annotated[float, typer.Option("--interval", min=0.05, help="Seconds between polls of a feed.")]


def watch_command(
    db: Annotated[str, typer.Option("--db", help="The DuckDB event store file.")] = "tidings.duckdb",
    feed: FeedOpt = None,
    folder: FolderOpt = None,
    interval: IntervalOpt = 300.0,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait on a server.")] = 20.0,
    once: Annotated[bool, typer.Option("--once", help="One cycle, then exit.")] = False,
    until_idle: Annotated[bool, typer.Option("--until-idle", help="Exit when a cycle finds nothing to do.")]
    = False,
    workers: Annotated[int, typer.Option("--workers", min=0, help="Coding processes (held to --time-limit); "
                                         "0: code in this process.")] = 1,
    published: PublishedOpt = None,
    fields: FieldsOpt = None,
    dictionaries: DictOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
    time_limit: TimeLimitOpt = None,
    limit: LimitOpt = None,
) -> None:
    """Poll feeds (conditional GET) and a folder; fetch, code and store new articles, each once."""
    from rich.console import Console

    from tidings.console import require_extras
    from tidings.errors import TidingsError

    require_extras("store", "ingest", command="tidings watch")
    from tidings.ingest.runner import CodingPool
    from tidings.store.db import Store
    from tidings.store.serving import find_server
    from tidings.watch.core import CycleReport, Watcher, WatchOptions

    err = Console(stderr=True)
    if not feed and folder is None:
        raise typer.BadParameter("give at least one --feed or a --folder")
    coding = coding_options(published=published, fields=fields, workers=workers, dictionaries=dictionaries,
                            actors=actors, lexicon=lexicon, time_limit=time_limit, limit=limit)
    served = find_server(db)
    if served is not None:
        err.print(f"[red]error:[/red] [T301] Event store: {db} is served by process {served.pid}; run the "
                  "watcher inside it (`tidings serve --watch-feed URL --watch-folder DIR`)", highlight=False)
        raise typer.Exit(2)
    try:
        store = Store.open(db)
    except TidingsError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    options = WatchOptions(feeds=tuple(feed or ()), folder=folder, interval=interval, timeout=timeout,
                           ingest=coding)

    def write(fn: Any) -> Any:
        return fn(store)

    # one set of coding processes for the whole watch (the model loads once), held to --time-limit
    pool = CodingPool(coding, workers) if workers > 0 else None
    watcher = Watcher(write, options, coding=pool)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def show(report: CycleReport) -> None:
        err.print(report.line(), highlight=False)

    try:
        if once:
            show(watcher.cycle())
        else:
            watcher.run(stop, until_idle=until_idle, on_cycle=show)
    except KeyboardInterrupt:
        pass
    finally:
        watcher.close()
        if pool is not None:
            pool.close()
        store.close()
