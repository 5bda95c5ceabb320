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

import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import (
    DocumentTooLarge,
    EmptyDocument,
    ExpandsTooFar,
    InputError,
    MalformedInput,
    MarkupTooComplex,
    OutsideInput,
    UnreadableInput,
    UnsupportedInput,
)
from tidings.ingest.base import Item, ReadOptions
from tidings.ingest.feed import read_feed
from tidings.ingest.html import read_html
from tidings.ingest.records import lines, read_csv, read_json, read_jsonl, read_txt
from tidings.ingest.warc import read_warc
from tidings.validate import max_text_bytes

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
        filled = (ln for ln in lines(data) if ln.strip())
        count = 0
        for line in filled:  # one line at a time: no list of a big file's lines
            if not line.lstrip().startswith(b"{"):
                return "json"
            count += 1
        return "jsonl" if count > 1 else "json"
    return "txt"


def read_bytes(data: bytes, name: str, options: ReadOptions, kind: str | None = None) -> Iterator[Item]:
    """Read one document or container whose bytes are in memory. A file that yields nothing at all (an
    empty JSONL or CSV, a WARC with no record) is reported as empty, never passed over in silence."""
    found = False
    for item in _read_bytes(data, name, options, kind):
        found = True
        yield item
    if not found:
        yield EmptyDocument(f" ({len(data):,} bytes, no article or record in it)", doc_id=name)


def _read_bytes(data: bytes, name: str, options: ReadOptions, kind: str | None) -> Iterator[Item]:
    gzipped = name.lower().endswith(".gz") or kind is None  # a "story.txt" of gzip bytes is binary, not text
    if data[:2] == GZIP_MAGIC and kind != "warc" and gzipped:
        cap = _kind_cap(kind, options)
        try:
            inner = gunzip(data, min(options.limits.max_decompressed_bytes, cap.limit))
        except ExpandsTooFar as exc:
            yield cap.refuse(name) if cap.limit < options.limits.max_decompressed_bytes else \
                ExpandsTooFar(exc.detail, doc_id=name)
            return
        except InputError as exc:
            yield type(exc)(exc.detail, doc_id=name)
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


@dataclass(frozen=True, slots=True)
class _Cap:
    """How far a gzipped file of one kind is worth decompressing, and the error past it (the one the
    kind's reader gives an uncompressed file of that size)."""

    limit: int
    error: type[InputError] = ExpandsTooFar
    detail: str = ""

    def refuse(self, name: str) -> InputError:
        return self.error(self.detail, doc_id=name)


def _kind_cap(kind: str | None, options: ReadOptions) -> _Cap:
    """A one-article kind is decompressed no further than its reader reads: a text file up to
    :func:`~tidings.validate.max_text_bytes`, a page or feed up to ``max_markup_bytes``; containers (JSONL,
    CSV, JSON, WARC) and unknown kinds up to ``max_decompressed_bytes``. A 256 MiB text in a small ``.gz``
    was decompressed, copied and decoded (600 MB) to be refused for its length."""
    limits = options.limits
    if kind == "txt":
        return _Cap(max_text_bytes(limits), DocumentTooLarge,
                    f" (more than {max_text_bytes(limits):,} bytes of text once decompressed: more than "
                    f"{limits.max_chars:,} characters, max_chars)")
    if kind in ("html", "feed"):
        return _Cap(limits.max_markup_bytes, MarkupTooComplex,
                    f"more than {limits.max_markup_bytes:,} bytes of markup once decompressed "
                    "(max_markup_bytes)")
    return _Cap(limits.max_decompressed_bytes)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data (one member or several) without ever holding more than ``limit`` bytes of it:
    a gzip bomb is refused ([T010]) after ``limit`` bytes, not after it has filled the memory; a truncated or
    corrupt stream is [T006]."""
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        pending = rest
        try:
            while pending and not inflater.eof:
                out += inflater.decompress(pending, limit + 1 - len(out))
                if len(out) > limit:
                    raise ExpandsTooFar(f"more than {limit:,} bytes from {len(data):,} compressed "
                                        f"(max_decompressed_bytes)")
                pending = inflater.unconsumed_tail
        except zlib.error as exc:
            raise MalformedInput(f"broken gzip data ({exc})") from exc
        if not inflater.eof:
            raise MalformedInput(f"broken gzip data (truncated: the stream ends after {len(out):,} bytes)")
        rest = inflater.unused_data
        if rest[:2] != GZIP_MAGIC:
            if rest.strip(b"\x00"):
                raise MalformedInput(f"broken gzip data ({len(rest):,} bytes of trailing garbage)")
            break
    return bytes(out)


def read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    try:
        size = path.stat().st_size
        if size > options.limits.max_file_bytes:
            yield DocumentTooLarge(f" (a file of {size:,} bytes; the limit is "
                                   f"{options.limits.max_file_bytes:,}, max_file_bytes)", doc_id=str(path))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield UnreadableInput(f"cannot read {path}: {exc.strerror or exc}", doc_id=str(path))
        return
    yield from read_bytes(data, str(path), options, kind_of(path.name))


def walk(folder: Path) -> Iterator[Path]:
    """Files of a folder, recursively, in name order: known extensions, and names with no extension. Links
    that lead out of the folder, and files that cannot be listed, are left out (see :func:`scan`)."""
    for item in scan(folder):
        if isinstance(item, Path):
            yield item


def scan(folder: Path) -> Iterator[Path | InputError]:
    """The files :func:`walk` reads, and an error for each thing in the folder that is not read but should
    be said: a sub-folder that cannot be listed, a link out of the folder, a dangling or looping link, a
    special file (a FIFO, a device). Symbolic links to folders are not followed (no loops); a link to a
    file inside the folder is read."""
    root = Path(os.path.realpath(folder))
    found: list[tuple[str, Path | InputError]] = []

    def unlistable(exc: OSError) -> None:
        where = str(exc.filename or folder)
        found.append((where, UnreadableInput(f"cannot list the folder {where}: {exc.strerror or exc}",
                                             doc_id=where)))

    for base, dirs, files in os.walk(folder, onerror=unlistable, followlinks=False):
        for name in dirs:
            path = Path(base) / name
            if path.is_symlink() and not _inside(path, root):
                found.append((str(path), OutsideInput(f"{path} -> {os.path.realpath(path)}",
                                                      doc_id=str(path))))
        for name in files:
            path = Path(base) / name
            if name.startswith(".") or not (kind_of(name) is not None or not path.suffix):
                continue
            found.append((str(path), _check_file(path, root)))
    for _, item in sorted(found, key=lambda pair: Path(pair[0])):  # the order of sorted(rglob) before
        yield item


def _check_file(path: Path, root: Path) -> Path | InputError:
    if path.is_symlink():
        if not _inside(path, root):
            return OutsideInput(f"{path} -> {os.path.realpath(path)}", doc_id=str(path))
        if not path.exists():
            return UnreadableInput(f"{path} is a dangling or looping symbolic link", doc_id=str(path))
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return UnreadableInput(f"cannot read {path}: {exc.strerror or exc}", doc_id=str(path))
    if not stat.S_ISREG(mode):
        return UnreadableInput(f"{path} is not a regular file (a FIFO, socket or device)", doc_id=str(path))
    return path


def _inside(path: Path, root: Path) -> bool:
    target = Path(os.path.realpath(path))
    return target == root or root in target.parents


def read_paths(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Documents (or the errors that replace them) from files, folders and ``-`` (standard input)."""
    options = options or ReadOptions()
    for raw in paths:
        if raw == "-":
            limit = options.limits.max_file_bytes
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                yield DocumentTooLarge(f" (more than {limit:,} bytes on standard input, max_file_bytes)",
                                       doc_id="<stdin>")
                continue
            yield from read_bytes(data, "<stdin>", options)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in scan(path):
                if isinstance(child, InputError):
                    yield child
                else:
                    yield from read_file(child, options)
        elif path.is_file():
            yield from read_file(path, options)
        elif path.exists():
            yield UnreadableInput(f"{raw} is not a regular file (a FIFO, socket or device)", doc_id=raw)
        elif path.is_symlink():
            yield UnreadableInput(f"{raw} is a dangling or looping symbolic link", doc_id=raw)
        else:
            yield MalformedInput(f"no such file or folder: {raw}", doc_id=raw)
