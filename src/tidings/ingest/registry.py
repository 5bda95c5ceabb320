"""The one registry of input kinds: a kind is chosen by file extension, else by sniffing the first bytes.

    kind    extensions                    reader
    txt     .txt .text                    records.read_txt       one article a file
    json    .json                         records.read_json      one article object, or a list
    jsonl   .jsonl .ndjson                records.read_jsonl     one article object a line
    csv     .csv                          records.read_csv       one article a row
    html    .html .htm .xhtml             html.read_html         trafilatura
    feed    .rss .atom .xml               feed.read_feed         feedparser
    warc    .warc .arc                    warc.read_warc         warcio

``.gz`` is stripped before the look-up (``corpus.jsonl.gz``, ``crawl.warc.gz``). Folders are walked
recursively (files with a known extension, and files with none, which are sniffed); ``-`` is standard input.
"""

from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tidings.errors import MalformedInput, UnsupportedInput
from tidings.ingest.base import Item, ReadOptions
from tidings.ingest.feed import read_feed
from tidings.ingest.html import read_html
from tidings.ingest.records import read_csv, read_json, read_jsonl, read_txt
from tidings.ingest.warc import read_warc

Reader = Callable[[bytes, str, ReadOptions], Iterator[Item]]

READERS: dict[str, Reader] = {
    "txt": read_txt,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
    "feed": read_feed,
    "warc": read_warc,
}
EXTENSIONS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}
GZIP_MAGIC = b"\x1f\x8b"


def register(kind: str, reader: Reader, *extensions: str) -> None:
    """Add (or replace) a reader for ``kind`` and the extensions that choose it."""
    READERS[kind] = reader
    for ext in extensions:
        EXTENSIONS[ext.lower()] = kind


def kind_of(name: str) -> str | None:
    """The kind an extension names (``None``: unknown, sniff the content)."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return EXTENSIONS.get(suffixes[-1]) if suffixes else None


def sniff(data: bytes) -> str:
    """The kind of a document from its first bytes (plain text when nothing else fits)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"warc/", b"filedesc://")):
        return "warc"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        return "html"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed" if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf")) else "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        lines = [ln for ln in data.splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith(b"{") for ln in lines):
            return "jsonl"
        return "json"
    return "txt"


def read_bytes(data: bytes, name: str, options: ReadOptions, kind: str | None = None) -> Iterator[Item]:
    """Read one document or container whose bytes are in memory."""
    gzipped = name.lower().endswith(".gz") or kind is None  # a "story.txt" of gzip bytes is binary, not text
    if data[:2] == GZIP_MAGIC and kind != "warc" and gzipped:
        try:
            inner = gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as exc:
            yield MalformedInput(f"broken gzip data ({type(exc).__name__}: {exc})", doc_id=name)
            return
        if kind is None and inner[:2048].lstrip().lower().startswith(b"warc/"):
            kind = "warc"  # a .gz with no other suffix: hand warcio the raw bytes
        else:
            data = inner
    if kind is None:
        kind = sniff(data)
    reader = READERS.get(kind)
    if reader is None:
        yield UnsupportedInput(f"no reader for kind {kind!r}", doc_id=name)
        return
    if kind == "txt":
        stem = None if name.startswith("<") else Path(name.removesuffix(".gz")).stem
        yield from read_txt(data, name, options, doc_id=stem)
        return
    yield from reader(data, name, options)


def read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield MalformedInput(f"cannot read {path}: {exc.strerror}", doc_id=str(path))
        return
    yield from read_bytes(data, str(path), options, kind_of(path.name))


def walk(folder: Path) -> Iterator[Path]:
    """Files of a folder, recursively, in name order: known extensions, and names with no extension."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.startswith("."):
            continue
        if kind_of(path.name) is not None or not path.suffix:
            yield path


def read_paths(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Documents (or the errors that replace them) from files, folders and ``-`` (standard input)."""
    options = options or ReadOptions()
    for raw in paths:
        if raw == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", options)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in walk(path):
                yield from read_file(child, options)
        elif path.is_file():
            yield from read_file(path, options)
        else:
            yield MalformedInput(f"no such file or folder: {raw}", doc_id=raw)
