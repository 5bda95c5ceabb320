"""WARC and WARC.gz files (warcio), as written by a news crawl: every HTML response becomes an article.

Non-HTML responses (PDF, images, robots.txt) are reported as skipped; request, metadata and warcinfo records
are counted in an :class:`~tidings.ingest.base.Ignored` tally. A truncated or corrupt file yields the
articles read so far, then one error for the rest.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections import Counter
from collections.abc import Iterator

from tidings.errors import MalformedInput, UnsupportedInput
from tidings.ingest.base import Ignored, Item, ReadOptions
from tidings.ingest.html import read_html


def read_warc(data: bytes, name: str, options: ReadOptions) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    ignored: Counter[str] = Counter()
    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            n += 1
            where = f"{name}#{n}"
            if record.rec_type != "response":
                ignored[str(record.rec_type)] += 1
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            media = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
            body = record.content_stream().read()
            if "html" not in media.lower():
                yield UnsupportedInput(f"WARC response {url} is {media or 'untyped'}, not HTML", doc_id=where)
                continue
            yield from read_html(body, where, options, url=url, kind="warc")
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        yield MalformedInput(f"WARC file broken after {n} record(s) ({type(exc).__name__}: {exc})",
                             doc_id=name)
    else:
        if data[:2] == b"\x1f\x8b":  # warcio stops quietly at a truncated gzip member: check the stream
            try:
                gzip.decompress(data)
            except (EOFError, OSError, zlib.error) as exc:
                yield MalformedInput(f"WARC file truncated after {n} record(s) ({exc}); the last may be "
                                     "incomplete", doc_id=name)
    if ignored:
        yield Ignored(name, dict(ignored))
