"""Reading articles from files and streams (the I/O edge of the library).

Supported: ``.txt`` (one article per file), ``.json`` (one article object), ``.jsonl`` (one article per line
with ``id``, ``text``, optional ``published``, ``title``, ``url``), directories (recursively) and ``-`` for
standard input (JSONL when every line is a JSON object, else one plain-text article).
Every problem becomes an :class:`~tidings.errors.InputError` naming the document; a reader yields it in place
of the article so the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tidings.errors import InputError, MalformedInput
from tidings.record import Article
from tidings.validate import decode

SUFFIXES = (".txt", ".json", ".jsonl")
TEXT_FIELDS = ("text", "maintext", "body", "content")
DATE_FIELDS = ("published", "date_publish", "date", "publish_date")

Item = Article | InputError


def read_paths(paths: Iterable[str], *, published: dt.date | None = None) -> Iterator[Item]:
    """Articles (or the errors that replace them) from files, folders and ``-``."""
    for raw in paths:
        if raw == "-":
            yield from read_stream(sys.stdin.buffer.read(), "<stdin>", published=published)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from read_file(child, published=published)
        elif path.is_file():
            yield from read_file(path, published=published)
        else:
            yield MalformedInput(f"no such file or folder: {raw}", doc_id=raw)


def read_file(path: Path, *, published: dt.date | None = None) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield MalformedInput(f"cannot read {path}: {exc.strerror}", doc_id=str(path))
        return
    suffix = path.suffix.lower()
    name = str(path)
    if suffix == ".jsonl":
        yield from _jsonl(data, name, published)
    elif suffix == ".json":
        yield from _json(data, name, published)
    else:
        try:
            text = decode(data, name)
        except InputError as exc:
            yield exc
            return
        yield Article(path.stem, text, published)


def read_stream(data: bytes, name: str, *, published: dt.date | None = None) -> Iterator[Item]:
    lines = [ln for ln in data.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith(b"{") for ln in lines):
        yield from _jsonl(data, name, published)
        return
    try:
        text = decode(data, name)
    except InputError as exc:
        yield exc
        return
    yield Article(hashlib.sha1(data).hexdigest()[:16], text, published)


def _jsonl(data: bytes, name: str, published: dt.date | None) -> Iterator[Item]:
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield MalformedInput(f"line {number} is not JSON ({exc})", doc_id=where)
            continue
        yield _article(record, where, published)


def _json(data: bytes, name: str, published: dt.date | None) -> Iterator[Item]:
    try:
        record = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield MalformedInput(f"not JSON ({exc})", doc_id=name)
        return
    records = record if isinstance(record, list) else [record]
    for n, item in enumerate(records):
        yield _article(item, name if len(records) == 1 else f"{name}[{n}]", published)


def _article(record: Any, where: str, published: dt.date | None) -> Item:
    if not isinstance(record, dict):
        return MalformedInput("expected a JSON object with a 'text' field", doc_id=where)
    text = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str)), None)
    if text is None:
        return MalformedInput("no 'text' field", doc_id=where)
    doc_id = str(record.get("id") or record.get("doc_id") or hashlib.sha1(text.encode()).hexdigest()[:16])
    date = published
    for f in DATE_FIELDS:
        value = record.get(f)
        if isinstance(value, str) and value.strip():
            try:
                date = dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                return MalformedInput(f"'{f}' is not an ISO date: {value!r}", doc_id=doc_id)
            break
    title = record.get("title")
    url = record.get("url")
    return Article(doc_id, text, date, title if isinstance(title, str) else None,
                   url if isinstance(url, str) else None)
