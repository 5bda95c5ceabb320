"""WARC and WARC.gz files (warcio), as written by a news crawl: every HTML response becomes an article.

Non-HTML responses (PDF, images, robots.txt) are reported as skipped; request, metadata and warcinfo records
are counted in an :class:`~tidings.ingest.base.Ignored` tally. A truncated or corrupt file yields the
articles read so far, then one error for the rest.
"""

from __future__ import annotations

import io
import zlib
from collections import Counter
from collections.abc import Iterator

from tidings.errors import MalformedInput, MarkupTooComplex, UnsupportedInput
from tidings.ingest.base import Ignored, Item, ReadOptions
from tidings.ingest.html import read_html


def read_warc(data: bytes, name: str, options: ReadOptions) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    ignored: Counter[str] = Counter()
    n = 0
    broken = False
    records = iter(ArchiveIterator(io.BytesIO(data)))
    limit = options.limits.max_markup_bytes
    while True:
        try:  # warcio's own errors, and the ones it lets through on a broken file (AttributeError on a
            # missing header, ValueError on a bad length), all mean the same: the file is broken here
            record = next(records, None)
            if record is None:
                break
            n += 1
            kind = str(record.rec_type)
            url = record.rec_headers.get_header("WARC-Target-URI") if kind == "response" else None
            media = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
            body = record.content_stream().read(limit + 1) if kind == "response" else b""
        except Exception as exc:
            yield MalformedInput(f"WARC file broken after {n} record(s) ({type(exc).__name__}: {exc})",
                                 doc_id=name)
            broken = True
            break
        where = f"{name}#{n}"
        if record.rec_type is None:
            yield MalformedInput(f"WARC record {n} has no WARC-Type header", doc_id=where)
        elif kind != "response":
            ignored[kind] += 1
        elif "html" not in media.lower():
            yield UnsupportedInput(f"WARC response {url} is {media or 'untyped'}, not HTML", doc_id=where)
        elif len(body) > limit:
            yield MarkupTooComplex(f"WARC response {url} holds more than {limit:,} bytes (max_markup_bytes)",
                                   doc_id=where)
        else:
            yield from read_html(body, where, options, url=url, kind="warc")
    if not broken and data[:2] == b"\x1f\x8b":  # warcio stops quietly at a truncated gzip member
        problem = gzip_problem(data)
        if problem:
            yield MalformedInput(f"WARC file truncated after {n} record(s) ({problem}); the last may be "
                                 "incomplete", doc_id=name)
    if ignored:
        yield Ignored(name, dict(ignored))


def gzip_problem(data: bytes) -> str | None:
    """What is wrong with gzip data (truncated, corrupt), read through without keeping what it expands to;
    ``None`` when it is whole."""
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        pending = rest
        try:
            while pending and not inflater.eof:
                inflater.decompress(pending, 1 << 20)
                pending = inflater.unconsumed_tail
        except zlib.error as exc:
            return str(exc)
        if not inflater.eof:
            return "the compressed stream ends early"
        rest = inflater.unused_data
        if rest[:2] != b"\x1f\x8b":
            return "trailing garbage" if rest.strip(b"\x00") else None
    return None
