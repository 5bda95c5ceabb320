"""Reading articles from files and streams (the I/O edge of the library): the pre-store API.

The readers themselves live in :mod:`tidings.ingest` (one registry of input kinds: text, JSON, JSONL, CSV,
HTML, RSS/Atom, WARC; folders recursively; ``-`` for standard input). This module keeps the original
functions, which yield plain :class:`~tidings.record.Article` records (or the
:class:`~tidings.errors.InputError` that replaces one) with the id each record carried.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from tidings.errors import InputError
from tidings.ingest import registry
from tidings.ingest.base import Document, ReadOptions
from tidings.ingest.base import Item as DocItem
from tidings.record import Article

SUFFIXES = tuple(registry.EXTENSIONS)

Item = Article | InputError


def read_paths(paths: Iterable[str], *, published: dt.date | None = None) -> Iterator[Item]:
    """Articles (or the errors that replace them) from files, folders and ``-``."""
    return _articles(registry.read_paths(paths, ReadOptions(published=published)))


def read_file(path: Path, *, published: dt.date | None = None) -> Iterator[Item]:
    return _articles(registry.read_file(path, ReadOptions(published=published)))


def read_stream(data: bytes, name: str, *, published: dt.date | None = None) -> Iterator[Item]:
    return _articles(registry.read_bytes(data, name, ReadOptions(published=published)))


def _articles(items: Iterable[DocItem]) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Document):
            yield Article(item.doc_id or item.key, item.text, item.published, item.title, item.url)
        elif isinstance(item, InputError):
            yield item
