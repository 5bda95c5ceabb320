"""The note a serving process leaves beside the store it writes: ``X.duckdb.serving.json``.

DuckDB lets one process write a database file. While ``tidings serve`` (or ``tidings watch``) holds the store
it writes this note (mode 0600: only the same user can read it) with its process id, the local URL of its
writer endpoint and a random token made at start. ``tidings ingest --db X`` finds the note, checks the
process is alive, and hands its inputs to that endpoint instead of opening the file; the note is removed
when the server stops, and a note whose process is gone (after a ``kill -9``) is ignored and replaced.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

SUFFIX = ".serving.json"


@dataclass(frozen=True, slots=True)
class Serving:
    pid: int
    url: str  # base URL of the writer, e.g. http://127.0.0.1:8000
    token: str  # the writer token (not the API's ingest token)
    db: str


def note_path(db: str | Path) -> Path:
    return Path(str(db) + SUFFIX)


def announce(db: str | Path, url: str, token: str) -> Path:
    """Write the note for ``db`` (atomically, readable by this user only)."""
    path = note_path(db)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(Serving(os.getpid(), url, token, str(Path(db).resolve()))), fh)
    os.replace(tmp, path)
    return path


def withdraw(db: str | Path, token: str) -> None:
    """Remove the note if it is still this server's."""
    found = read_note(db)
    if found is not None and found.token == token:
        with contextlib.suppress(FileNotFoundError):
            note_path(db).unlink()


def read_note(db: str | Path) -> Serving | None:
    try:
        raw = json.loads(note_path(db).read_text(encoding="utf-8"))
        return Serving(int(raw["pid"]), str(raw["url"]), str(raw["token"]), str(raw["db"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def find_server(db: str | Path) -> Serving | None:
    """The live process serving ``db``, or ``None`` (no note, or its process has gone)."""
    found = read_note(db)
    if found is None or not _alive(found.pid):
        return None
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
