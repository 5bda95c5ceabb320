"""``tidings ingest --db X`` while X is served: the CLI hands its inputs to the server, which ingests them
on its single writer thread (so readers keep reading and see the new events as soon as a batch commits).

    CLI: find_server(X) -> POST {url}/api/_writer/ingest  {"paths": [...absolute...], "options": {...}}
         (every field of IngestOptions: date, field map, user actor and lexicon files, dictionaries, limits)
         Authorization: Bearer <writer token from X.duckdb.serving.json>
    server: loopback clients only, token compared in constant time, then
         tidings.ingest.runner.ingest(Store(writer cursor), paths, options, coding=the server's CodingPool)
             -> the run's counters (parse and coding in a child process, storing on the writer thread)

The inputs are read by the server from the same file system (the note is beside the database, so both run on
one machine); standard input is first spooled to a temporary file by the CLI. A batch is coded with the
options the user gave (in the server's coding process when they are the server's, else in a coding process
of the run's own); options the server cannot honour are refused, never replaced by defaults.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

from tidings.about import __version__
from tidings.errors import StoreError
from tidings.ingest.dedup import THRESHOLD
from tidings.ingest.runner import IngestOptions
from tidings.serve.errors import bad_param
from tidings.store.serving import Serving
from tidings.validate import Limits, with_limits

ENDPOINT = "/api/_writer/ingest"
STARTING = 30.0
"""Seconds the CLI waits for a server whose note is there but whose port is not open yet (starting up)."""
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost", "testclient"})


def options_payload(options: IngestOptions) -> dict[str, Any]:
    """Every field of :class:`~tidings.ingest.runner.IngestOptions` as JSON (files as absolute paths, the
    limits as ``{name: value}``), so that the server codes the batch exactly as this ingest would have."""
    return {"published": options.published.isoformat() if options.published else None,
            "fields": {k: list(v) for k, v in options.fields.items()} if options.fields else None,
            "workers": options.workers, "batch": options.batch,
            "dictionaries": str(Path(options.dictionaries).resolve()) if options.dictionaries else None,
            "near_threshold": options.near_threshold,
            "actors": [str(Path(p).resolve()) for p in options.actors],
            "lexicons": [str(Path(p).resolve()) for p in options.lexicons],
            "limits": {f.name: getattr(options.limits, f.name) for f in fields(Limits)}}


def options_from(payload: dict[str, Any]) -> IngestOptions:
    """Server side: the ingest options of a hand-off. An option this server does not know (a newer CLI),
    a limit it does not have, or a file it cannot read is refused (400: the CLI stops with [T301]) rather
    than coded with defaults."""
    unknown = sorted(set(payload) - {f.name for f in fields(IngestOptions)})
    if unknown:
        raise bad_param("options", f"this server (tidings {__version__}) does not know {', '.join(unknown)}; "
                        "stop it and ingest directly, or serve with the same version")
    try:
        published, given = payload.get("published"), payload.get("fields")
        limits = with_limits([f"{k}={v}" for k, v in (payload.get("limits") or {}).items()])
        return IngestOptions(
            published=dt.date.fromisoformat(published) if published else None,
            fields={str(k): tuple(str(n) for n in v) for k, v in given.items()} if given else None,
            workers=max(1, int(payload.get("workers") or 1)), batch=max(1, int(payload.get("batch") or 32)),
            dictionaries=_folder(payload.get("dictionaries")),
            near_threshold=float(payload.get("near_threshold", THRESHOLD)),
            actors=tuple(_readable(p) for p in payload.get("actors") or ()),
            lexicons=tuple(_readable(p) for p in payload.get("lexicons") or ()), limits=limits)
    except (TypeError, ValueError, AttributeError) as exc:
        raise bad_param("options", f"not ingest options ({exc})") from exc


def _readable(given: Any) -> Path:
    """A user data file the server will load (``--actors``, ``--lexicon``): an absolute path it can read."""
    path = Path(str(given))
    if not path.is_absolute() or not path.is_file() or not os.access(path, os.R_OK):
        raise ValueError(f"the server cannot read the file {str(given)!r}")
    return path


def _folder(given: Any) -> Path | None:
    if not given:
        return None
    path = Path(str(given))
    if not path.is_absolute() or not path.is_dir():
        raise ValueError(f"the server cannot read the folder {str(given)!r}")
    return path


def run(cur: Any, db: str, paths: list[str], options: IngestOptions, coding: Any = None) -> dict[str, Any]:
    """Server side: ingest ``paths`` into the store through the writer's cursor (coding in ``coding``'s
    processes, a :class:`~tidings.ingest.runner.CodingPool`, if given); the run's report."""
    from tidings.ingest.runner import ingest
    from tidings.store.db import Store

    store = Store(cur, db)
    stats = ingest(store, paths, options, coding=coding)
    skipped = [r[0] for r in cur.execute("SELECT message FROM skipped WHERE run_id = ? ORDER BY name",
                                         [stats.run_id]).fetchall()]
    return {"run_id": stats.run_id, "articles": stats.articles, "events": stats.events,
            "duplicates": stats.duplicates, "near_duplicates": stats.near_duplicates,
            "skipped": stats.skipped, "ignored": stats.ignored, "batches": stats.batches,
            "seconds": stats.seconds, "reasons": dict(stats.reasons), "skipped_messages": skipped,
            "top_dyads": store.top_dyads(10)}


def send(server: Serving, paths: list[str], options: IngestOptions, *,
         timeout: float | None = None) -> dict[str, Any]:
    """CLI side: hand ``paths`` to the serving process; its report (raises :class:`StoreError`)."""
    import httpx

    body = {"paths": paths, "options": options_payload(options)}
    deadline = time.monotonic() + STARTING
    while True:
        try:
            answer = httpx.post(server.url + ENDPOINT, json=body,
                                headers={"Authorization": f"Bearer {server.token}"},
                                timeout=httpx.Timeout(timeout, connect=10.0), trust_env=False)
            break
        except httpx.ConnectError as exc:  # the note is written just before the port opens
            if time.monotonic() > deadline:
                raise StoreError(f"{server.db} is served by process {server.pid} at {server.url}, which does "
                                 f"not answer ({exc})") from exc
            time.sleep(0.2)
        except httpx.HTTPError as exc:
            raise StoreError(f"{server.db} is served by process {server.pid} at {server.url}, which did not "
                             f"take the ingest ({exc})") from exc
    if answer.status_code != 200:
        try:
            message = answer.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = answer.text[:300]
        raise StoreError(f"the server of {server.db} refused the ingest: {answer.status_code} {message}")
    report: dict[str, Any] = answer.json()
    return report
