"""``tidings serve``: the API and dashboard over an event store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="The event store (DuckDB file).")] = Path("tidings.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="TIDINGS_TOKEN",
        help="Turn on POST /api/articles (ingest), guarded by this bearer token. Off by default.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Time limit of one query, in seconds.")] = 5.0,
    workers: Annotated[int, typer.Option("--workers", help="Reader threads.")] = 8,
) -> None:
    """Serve the event store: REST API at /api (docs at /docs) and the dashboard at /."""
    from tidings.errors import MissingExtra
    from tidings.extras import require

    try:
        require("store", "serve", command="tidings serve")
    except MissingExtra as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    import uvicorn

    from tidings.serve.app import create_app

    if not db.is_file():
        typer.echo(f"error: no event store at {db} (run `tidings ingest` first)", err=True)
        raise typer.Exit(2)
    app = create_app(db, token=token or os.environ.get("TIDINGS_TOKEN") or None, timeout=timeout,
                     workers=workers)
    typer.echo(f"tidings: serving {db} on http://{host}:{port}/ (API docs at /docs)"
               + ("; ingest on" if token else ""), err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
