"""``tidings serve``: the API and dashboard over an event store, and its one writer.

By default the server opens the store for writing and leaves ``X.duckdb.serving.json`` beside it, so that
``tidings ingest PATH --db X`` hands its inputs to the server (see :mod:`tidings.serve.handoff`) and the
dashboard sees the new events at once. ``--watch-feed``/``--watch-folder`` run the watcher
(:mod:`tidings.watch`) on the same writer. ``--read-only`` opens the store read-only instead (several servers
may then share one file, and nothing can write to it meanwhile).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

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

if TYPE_CHECKING:
    from fastapi import FastAPI

    from tidings.ingest.runner import IngestOptions

ALL_INTERFACES = ("0.0.0.0", "::", "[::]", "")


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="The event store (DuckDB file).")] = Path("tidings.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Interface to listen on (127.0.0.1: this machine only)."
                                      )] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="TIDINGS_TOKEN",
        help="Turn on POST /api/articles (ingest), guarded by this bearer token. Off by default.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Time limit of one query, in seconds.")] = 5.0,
    workers: Annotated[int, typer.Option("--workers", help="Reader threads.")] = 8,
    read_only: Annotated[bool, typer.Option("--read-only", help="Open the store read-only: no hand-off "
                                            "ingest, no watcher.")] = False,
    rate_limit: Annotated[float, typer.Option("--rate-limit", min=0, help="Requests a second per client "
                                              "address (bursts of 3x); 0: no limit.")] = 20.0,
    watch_feed: Annotated[list[str] | None, typer.Option("--watch-feed", help="RSS/Atom feed to poll into "
                                                         "the store (repeatable).")] = None,
    watch_folder: Annotated[Path | None, typer.Option("--watch-folder", help="Drop folder to ingest from."
                                                      )] = None,
    watch_interval: Annotated[float, typer.Option("--watch-interval", min=0.05, help="Seconds between "
                                                  "polls.")] = 300.0,
    published: PublishedOpt = None,
    fields: FieldsOpt = None,
    dictionaries: DictOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
    time_limit: TimeLimitOpt = None,
    limit: LimitOpt = None,
) -> None:
    """Serve the event store: REST API at /api (docs at /docs) and the dashboard at /. The coding options
    (``--published``, ``--actors``, ``--lexicon``, ...) are those of ``tidings watch``: the watcher codes with
    them."""
    from tidings.console import require_extras

    require_extras("store", "serve", command="tidings serve")
    import uvicorn

    from tidings.errors import StoreError
    from tidings.log import warn
    from tidings.serve.app import create_app

    if not db.is_file():
        typer.echo(f"error: [T301] Event store: no event store at {db} (run `tidings ingest` first)",
                   err=True)
        raise typer.Exit(2)
    watching = bool(watch_feed) or watch_folder is not None
    if read_only and watching:
        raise typer.BadParameter("--watch-feed/--watch-folder need a writable store (drop --read-only)")
    coding = coding_options(published=published, fields=fields, dictionaries=dictionaries, actors=actors,
                            lexicon=lexicon, time_limit=time_limit, limit=limit)
    token = token or os.environ.get("TIDINGS_TOKEN") or None
    if host in ALL_INTERFACES and not token:
        typer.echo(warn("W301", f"serving on all interfaces ({host}) with no --token: anyone who can reach "
                                f"port {port} can read the whole store; bind 127.0.0.1 or put a proxy with "
                                "authentication in front"), err=True)
    start, stop = _hooks(db, host, port, Watching(watch_feed or [], watch_folder, watch_interval, coding),
                         writer=not read_only)
    try:
        app = create_app(db, token=token, timeout=timeout, workers=workers, writer=not read_only,
                         rate=rate_limit, burst=max(1, int(rate_limit * 3)), on_start=start, on_stop=stop,
                         coding=not read_only)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"tidings: serving {db} on http://{host}:{port}/ (API docs at /docs)"
               + ("; ingest on" if token else "") + ("; read-only" if read_only else "; the store's writer")
               + ("; watching" if watching else ""), err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


class Watching(NamedTuple):
    """What the server's watcher polls, how often, and the options it codes with."""

    feeds: list[str]
    folder: Path | None
    interval: float
    coding: IngestOptions


def _hooks(db: Path, host: str, port: int, watching: Watching, *, writer: bool) -> tuple[Any, Any]:
    """What the server does when it starts and stops: the serving note, and the watcher thread."""
    from tidings.log import warn
    from tidings.store.serving import announce, withdraw

    stop_event = threading.Event()
    threads: list[threading.Thread] = []

    def start(app: FastAPI) -> None:
        if not writer:
            return
        local = "127.0.0.1" if host in ALL_INTERFACES or host == "localhost" else host
        try:
            announce(db, f"http://{local}:{port}", app.state.handoff_token)
        except OSError as exc:  # a read-only folder: serve on, without the hand-off
            typer.echo(warn("W302", f"cannot write the serving note beside {db} ({exc}): `tidings ingest "
                                    "--db` cannot hand batches to this server"), err=True)
        if watching.feeds or watching.folder is not None:
            threads.append(_start_watcher(app, watching, stop_event))

    def stop(app: FastAPI) -> None:
        stop_event.set()
        for thread in threads:
            thread.join(60)
        if writer:
            withdraw(db, app.state.handoff_token)

    return start, stop


def _start_watcher(app: FastAPI, watching: Watching, stop: threading.Event) -> threading.Thread:
    from tidings.log import get_logger
    from tidings.store.db import Store
    from tidings.watch import Watcher, WatchOptions

    pool = app.state.pool
    log = get_logger("tidings.watch")

    def write(fn: Any) -> Any:
        return pool.write_sync(lambda cur: fn(Store(cur, pool.path)))

    options = WatchOptions(feeds=tuple(watching.feeds), folder=watching.folder, interval=watching.interval,
                           ingest=watching.coding)
    watcher = Watcher(write, options, coding=getattr(app.state, "coding", None))

    def report(cycle: Any) -> None:  # one line a cycle that did something, on stderr and in the log
        if not cycle.idle or cycle.failed_feeds or cycle.failed_items:
            typer.echo(f"watch: {cycle.line()}", err=True)
        log.info("watch: %s", cycle.line())

    def loop() -> None:
        try:
            watcher.run(stop, on_cycle=report)
        except Exception:  # the server goes on serving; the log says why the watcher stopped
            log.exception("the watcher stopped")
        finally:
            watcher.close()

    thread = threading.Thread(target=loop, name="tidings-watch", daemon=True)
    thread.start()
    return thread
