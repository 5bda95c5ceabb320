"""The FastAPI application: parse parameters, call one data function on the read pool, render.

    app = create_app("tidings.duckdb")              # read-only API + dashboard
    app = create_app("tidings.duckdb", token="s3")  # ... and POST /api/articles with that bearer token

Renderers: JSON for every endpoint (one error shape, :mod:`tidings.serve.errors`); event lists in every format
of ``tidings events`` (``/api/events?format=csv``: json, jsonl, csv, table, gdelt, plover), through the same
renderers (:mod:`tidings.export.render`); and the dashboard at ``/`` (static files that read the JSON API).
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import secrets
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings.about import __version__
from tidings.export.render import MEDIA_TYPES, RENDERERS, json_default, render_events
from tidings.serve import queries as Q
from tidings.serve.cache import MAX_BYTES as CACHE_BYTES
from tidings.serve.cache import ResponseCache, Totals
from tidings.serve.errors import ApiError, bad_param, error_body
from tidings.serve.pool import Cursor, ReadPool
from tidings.serve.posted import parse_articles
from tidings.serve.security import Guard

STATIC = Path(__file__).parent / "static"
DOCS_ASSETS = Path(__file__).parent / "docs_assets"
MAX_BODY = 10 * 1024 * 1024
"""Largest request body (bytes): 413 past it."""
RATE = 20.0
"""Requests a second one client address may make on average: ``tidings serve --rate-limit``'s default
(``create_app`` itself limits nothing unless given ``rate``; 0: no limit) ..."""
BURST = 60
"""... and in a burst."""
log = logging.getLogger("tidings.serve")
_SUFFIX = {"csv": "csv", "gdelt": "tsv", "plover": "jsonl", "jsonl": "jsonl"}


def dumps(content: Any) -> bytes:
    return json.dumps(content, default=json_default, ensure_ascii=False, separators=(",", ":")).encode()


class Json(JSONResponse):
    """JSON with dates as ISO strings, written straight from the data function's dicts."""

    def render(self, content: Any) -> bytes:
        return dumps(content)


def error_response(status: int, message: str, *, code: str | None = None,
                   detail: list[dict[str, Any]] | None = None) -> Json:
    return Json(error_body(status, message, code=code, detail=detail), status_code=status)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    token: str | None = None
    timeout: float = 5.0
    workers: int = 8
    writer: bool = False  # this server is the store's writer (hand-off ingest, watcher)
    max_body: int = MAX_BODY
    rate: float = 0.0
    burst: int = BURST


# ------------------------------------------------------------------------------------------------ parameters
def event_filter(
    actor: Annotated[str | None, Query(description="Source or target actor code (`RUS`; `RUS*`: prefix)")]
    = None,
    source: Annotated[str | None, Query(description="Source actor code")] = None,
    target: Annotated[str | None, Query(description="Target actor code")] = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or prefix")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root (01-20)")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type (`ASSAULT`)")] = None,
    since: Annotated[dt.date | None, Query(description="Events on or after (YYYY-MM-DD)")] = None,
    until: Annotated[dt.date | None, Query(description="Events on or before (YYYY-MM-DD)")] = None,
    factuality: Annotated[str | None, Query(description=", ".join(Q.FACTUALITY))] = None,
    attribution: Annotated[str | None, Query(description="Attribution code, words of its name, or `none`")]
    = None,
    country: Annotated[str | None, Query(description="Source, target or location country (ISO alpha-3)")]
    = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the evidence sentence")] = None,
    article: Annotated[str | None, Query(description="Article id")] = None,
) -> Q.EventFilter:
    if factuality is not None and factuality not in Q.FACTUALITY:
        raise bad_param("factuality", f"one of {', '.join(Q.FACTUALITY)}")
    if since and until and since > until:
        raise bad_param("since", "after `until`")
    return Q.EventFilter(actor=actor or None, source=source or None, target=target or None, code=code,
                         root=root, quad=quad, plover=plover or None, since=since, until=until,
                         factuality=factuality, attribution=attribution or None, country=country or None,
                         q=q or None, article=article or None)


Filters = Annotated[Q.EventFilter, Depends(event_filter)]


# ------------------------------------------------------------------------------------------------ the app
def create_app(db: str | Path, *, token: str | None = None, timeout: float = 5.0, workers: int = 8,
               writer: bool = False, max_body: int = MAX_BODY, rate: float = 0.0, burst: int = BURST,
               cache_bytes: int = CACHE_BYTES, on_start: Callable[[FastAPI], None] | None = None,
               on_stop: Callable[[FastAPI], None] | None = None, coding: bool = False) -> FastAPI:
    """The API and dashboard over the store at ``db``.

    The store is opened read-only unless ``token`` turns on ``POST /api/articles`` or ``writer`` makes this
    server the store's one writer (``tidings serve`` does: then ``tidings ingest --db`` hands its inputs to
    it, see ``docs/store.md``). Answers of ``GET /api...`` are kept per store write version, up to
    ``cache_bytes`` (0: none; :mod:`tidings.serve.cache`). ``on_start``/``on_stop`` run when the server
    starts and stops (the watcher). With ``coding`` the articles this server ingests (watcher, hand-off,
    POST) are parsed and coded in a child process (:class:`~tidings.ingest.runner.CodingPool`), not on the
    writer thread, so coding does not hold the GIL the reader threads need; the writer thread stores them.
    """
    settings = Settings(str(db), token or None, timeout, workers, writer, max_body, rate, burst)
    pool = ReadPool(settings.db, workers=workers, timeout=timeout,
                    writable=settings.token is not None or writer)
    coder = _coding_pool() if coding and (writer or settings.token is not None) else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if on_start is not None:
            on_start(app)
        try:
            yield
        finally:
            if on_stop is not None:
                on_stop(app)
            pool.close()
            if coder is not None:
                coder.close()

    app = FastAPI(title="tidings", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Read-only API over a tidings event store: source-attributed CAMEO/PLOVER "
                              "events, their evidence, actors, aggregates for charts, claims and presence "
                              "timelines. Every error has the shape "
                              '`{"error": {"status", "code", "message", "detail"}}`.')
    app.state.pool = pool
    app.state.coding = coder
    app.state.settings = settings
    app.state.handoff_token = secrets.token_urlsafe(32) if writer else None
    if cache_bytes > 0:  # inside the guard: answers from memory get its headers and rate limit too
        app.add_middleware(ResponseCache, version=lambda: pool.version, max_bytes=cache_bytes)
    app.add_middleware(Guard, max_body=max_body, rate=rate, burst=burst)
    _install_errors(app)
    _install_queries(app, pool, Totals(lambda: pool.version), ingest=settings.token is not None)
    if settings.token is not None:
        _install_ingest(app, pool, settings.token)
    if app.state.handoff_token is not None:
        _install_handoff(app, pool, app.state.handoff_token)
    _install_pages(app)
    return app


def _coding_pool() -> Any:
    from tidings.ingest.runner import CodingPool

    return CodingPool()


def _install_queries(app: FastAPI, pool: ReadPool, totals: Totals, *, ingest: bool) -> None:
    """The read-only routes: overview, events, articles, actors, aggregates, claims (list totals kept per
    write version in ``totals``)."""

    async def read(fn: Callable[[Cursor], Any]) -> Json:
        return Json(await pool.read(fn))

    @app.get("/api", tags=["meta"], summary="Store overview and the values filters take")
    async def api_index() -> Json:
        out = await pool.read(Q.overview)
        out.update(version=__version__, ingest=ingest, docs="/docs")
        return Json(out)

    @app.get("/api/events", tags=["events"], summary="Events matching filters, sorted, paginated")
    async def list_events(
        request: Request, f: Filters,
        sort: Annotated[str, Query(description="date, goldstein, quad, code, source, target, factuality; "
                                               "prefix - for descending")] = "-date",
        limit: Annotated[int, Query(ge=1, le=Q.MAX_PAGE, description=f"Page size (at most {Q.MAX_PAGE})")]
        = 50,
        offset: Annotated[int, Query(ge=0, le=100_000, description="Offset pagination")] = 0,
        cursor: Annotated[str | None, Query(description="Keyset pagination: `next_cursor` of the page "
                                                        "before")] = None,
        format: Annotated[str, Query(pattern=f"^({'|'.join(RENDERERS)})$",
                                     description=", ".join(RENDERERS))] = "json",
    ) -> Response:
        Q.parse_sort(sort)
        if cursor and offset:
            raise bad_param("cursor", "give either `cursor` or `offset`, not both")
        page = Q.Page(sort=sort, limit=limit, offset=offset, cursor=cursor or None)

        def run(cur: Cursor) -> str:  # the one data function, then the renderer `tidings events` uses too
            data = Q.events(cur, f, page, totals=totals.at())
            data["next"] = (str(request.url.include_query_params(cursor=data["next_cursor"])
                                .remove_query_params("offset")) if data["next_cursor"] else None)
            return render_events(format, data, cur)

        body = await pool.read(run)
        headers = {"Content-Disposition": f'attachment; filename="events.{_SUFFIX.get(format, format)}"'} \
            if format in _SUFFIX else None
        return Response(body, media_type=MEDIA_TYPES[format], headers=headers)

    @app.get("/api/events/{event_id}", tags=["events"],
             summary="One event: evidence with highlights, article, mention and source counts")
    async def get_event(event_id: Annotated[str, PathParam(max_length=64)]) -> Json:
        return await read(lambda cur: Q.event(cur, event_id))

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="An article's clean text with the spans of its events")
    async def get_article(article_id: Annotated[str, PathParam(max_length=200)]) -> Json:
        return await read(lambda cur: Q.article(cur, article_id))

    @app.get("/api/actors", tags=["actors"], summary="Search actors by code prefix or words of a name")
    async def list_actors(q: Annotated[str | None, Query(max_length=100)] = None,
                          limit: Annotated[int, Query(ge=1, le=200)] = 20) -> Json:
        return await read(lambda cur: Q.actors(cur, q or None, limit))

    @app.get("/api/actors/{code}", tags=["actors"],
             summary="Actor summary, top partners, events by month, claims, presence timelines")
    async def get_actor(code: Annotated[str, PathParam(max_length=40)]) -> Json:
        return await read(lambda cur: Q.actor(cur, code))

    @app.get("/api/timeline", tags=["aggregates"], summary="Events per period by quad class, root, ...")
    async def get_timeline(f: Filters,
                           interval: Annotated[str, Query(description="day, week, month, year")] = "week",
                           by: Annotated[str, Query(description="quad, root, plover, factuality")] = "quad",
                           ) -> Json:
        return await read(lambda cur: Q.timeline(cur, f, interval, by))

    @app.get("/api/dyads", tags=["aggregates"], summary="Event counts and mean Goldstein per actor pair")
    async def get_dyads(f: Filters,
                        period: Annotated[str, Query(description="all, day, week, month, year")] = "all",
                        limit: Annotated[int, Query(ge=1, le=2000)] = 200) -> Json:
        return await read(lambda cur: Q.dyads(cur, f, period, limit))

    @app.get("/api/places", tags=["aggregates"], summary="Events per geocoded location")
    async def get_places(f: Filters, limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> Json:
        return await read(lambda cur: Q.places(cur, f, limit))

    @app.get("/api/claims", tags=["claims"], summary="Claims about people, or their contradictions")
    async def get_claims(subject: Annotated[str | None, Query(description="Actor code or person name")]
                         = None,
                         type: Annotated[str | None, Query(description="health, death, whereabouts, ...")]
                         = None,
                         contradictions: bool = False,
                         limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Json:
        return await read(lambda cur: Q.claims(cur, subject or None, type or None, contradictions, limit))

    @app.get("/api/whereabouts/{actor}", tags=["claims"],
             summary="Presence timeline: last seen, gaps, and claims made during them")
    async def get_whereabouts(actor: Annotated[str, PathParam(max_length=100)],
                              as_of: dt.date | None = None) -> Json:
        return await read(lambda cur: Q.whereabouts(cur, actor, as_of))



def _install_pages(app: FastAPI) -> None:
    """The API docs (Swagger UI from packaged files) and the dashboard."""
    @app.get("/docs", include_in_schema=False)
    async def docs() -> FileResponse:  # Swagger UI from packaged files: works offline, no inline script
        return FileResponse(DOCS_ASSETS / "docs.html", headers={"Cache-Control": "no-cache"})

    app.mount("/docs-assets", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")

    @app.get("/", include_in_schema=False)
    async def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> Json:
        return error_response(exc.status, exc.message, code=exc.code, detail=exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> Json:
        detail = []
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
            detail.append({"param": ".".join(loc) or "request", "message": str(err.get("msg", "invalid"))})
        message = "; ".join(f"{d['param']}: {d['message']}" for d in detail)
        return error_response(400, message or "invalid request", detail=detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Json:
        if exc.status_code == 404:
            message = f"no route {request.method} {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path} (the API is read-only)"
        else:
            message = str(exc.detail)
        return error_response(exc.status_code, message)

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> Json:
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, f"internal error ({type(exc).__name__}); see the server log")


# ------------------------------------------------------------------------------------------------ ingest
async def read_body(request: Request, limit: int) -> bytes:
    """The request body, read in pieces; 413 as soon as it passes ``limit`` bytes (the rest is not read)."""
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"request body over {limit:,} bytes; send smaller batches")
        parts.append(chunk)
    return b"".join(parts)


def check_bearer(request: Request, token: str) -> None:
    """401 unless the ``Authorization: Bearer`` header holds ``token`` (compared in constant time).

    A token in the query string is never looked at: URLs end up in logs, histories and Referer headers."""
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise ApiError(401, "missing or wrong bearer token (Authorization: Bearer TOKEN; never in the URL)")


def _install_ingest(app: FastAPI, pool: ReadPool, token: str) -> None:
    @app.post("/api/articles", tags=["ingest"], status_code=201,
              summary="Ingest one article or a batch (needs the server's bearer token)")
    async def post_articles(request: Request) -> Json:
        check_bearer(request, token)
        body = await read_body(request, app.state.settings.max_body)
        records = parse_articles(body)
        coding = app.state.coding
        stats = await pool.write(lambda cur: ingest_records(cur, pool.path, records, coding))
        return Json(stats, status_code=201)


def ingest_records(cur: Cursor, path: str, records: list[dict[str, Any]],
                   coding: Any = None) -> dict[str, Any]:
    """Code ``records`` (JSONL article objects) into the store through the ingest runner (in ``coding``'s
    processes, a :class:`~tidings.ingest.runner.CodingPool`, if given)."""
    from tidings.ingest.runner import IngestOptions, ingest
    from tidings.store.db import Store

    with tempfile.TemporaryDirectory(prefix="tidings-post-") as folder:
        batch = Path(folder) / "posted.jsonl"
        batch.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        stats = ingest(Store(cur, path), [str(batch)], IngestOptions(), coding=coding)
    return {"run_id": stats.run_id, "articles": stats.articles, "events": stats.events,
            "duplicates": stats.duplicates, "near_duplicates": stats.near_duplicates,
            "skipped": stats.skipped,
            "reasons": dict(stats.reasons)}


def _install_handoff(app: FastAPI, pool: ReadPool, token: str) -> None:
    """The writer endpoint ``tidings ingest --db`` uses while this server holds the store (not in the docs:
    loopback clients with the token of the ``.serving.json`` note only)."""
    from tidings.serve import handoff

    @app.post(handoff.ENDPOINT, include_in_schema=False)
    async def writer_ingest(request: Request) -> Json:
        client = request.client.host if request.client else ""
        if client not in handoff.LOOPBACK:
            raise ApiError(403, "the writer endpoint answers this machine only")
        check_bearer(request, token)
        body = await read_body(request, 1024 * 1024)
        try:
            payload = json.loads(body)
            paths = [str(p) for p in payload["paths"]]
            options = handoff.options_from(payload.get("options") or {})
        except (ValueError, RecursionError, KeyError, TypeError) as exc:
            raise bad_param("body", "give {\"paths\": [...], \"options\": {...}}") from exc
        coding = app.state.coding
        report = await pool.write(lambda cur: handoff.run(cur, pool.path, paths, options, coding),
                                  timeout=None)
        return Json(report)

