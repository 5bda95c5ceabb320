"""Plain text, JSON, JSONL and CSV corpora.

A ``.txt`` file is one article. A ``.json`` file is one article object or a list of them; a ``.jsonl``
file one object a line; a ``.csv`` file one article a row (with a header). Record fields are looked up by
the names in :class:`~tidings.ingest.base.ReadOptions` (defaults: ``id``, ``text``/``maintext``, ``title``,
``published``/``date_publish``, ``url``, ``site``/``source_domain``, ``author``, ``language``), so the
news-please JSON layout reads as is.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from tidings.errors import DocumentTooLarge, InputError, MalformedInput
from tidings.ingest.base import Document, Item, ReadOptions, parse_date
from tidings.log import get_logger, warn
from tidings.validate import decode, max_text_bytes

_log = get_logger(__name__)
# Block or figure tags in a record's text: the field holds HTML, not plain text.
_MARKUP = re.compile(r"<(?:p|div|figure|figcaption|section|article|aside|h[1-6]|ul|li|br)\b[^<>]{0,500}>",
                     re.IGNORECASE)


def read_txt(data: bytes, name: str, options: ReadOptions, *, doc_id: str | None = None) -> Iterator[Item]:
    limit = max_text_bytes(options.limits)
    if len(data) > limit:  # more characters than max_chars, whatever the encoding: not decoded at all
        yield DocumentTooLarge(f" ({len(data):,} bytes of text: more than {options.limits.max_chars:,} "
                               f"characters, max_chars)", doc_id=name)
        return
    try:
        text = decode(data, name)
    except InputError as exc:
        yield exc
        return
    yield Document(name, text, "txt", published=options.published,
                   doc_id=doc_id or hashlib.sha1(data).hexdigest()[:16])


def lines(data: bytes) -> Iterator[bytes]:
    """``data.splitlines()`` one line at a time: a list of every line of a 256 MiB file of short lines
    (tens of millions of objects) took gigabytes before the first record was read."""
    start, end = 0, len(data)
    while start < end:
        stop = data.find(b"\n", start)
        stop = end if stop < 0 else stop + 1
        piece = data[start:stop]
        if b"\r" in piece:  # a lone CR ends a line too, as in splitlines
            yield from piece.splitlines()
        else:
            yield piece.rstrip(b"\n")
        start = stop


def read_jsonl(data: bytes, name: str, options: ReadOptions) -> Iterator[Item]:
    for number, line in enumerate(lines(data), 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = loads(line)
        except ValueError as exc:
            yield MalformedInput(f"line {number} is not JSON ({exc})", doc_id=where)
            continue
        yield from_record(record, where, "jsonl", options)


def read_json(data: bytes, name: str, options: ReadOptions) -> Iterator[Item]:
    try:
        record = loads(data)
    except ValueError as exc:
        yield MalformedInput(f"not JSON ({exc})", doc_id=name)
        return
    records = record if isinstance(record, list) else [record]
    for n, item in enumerate(records):
        yield from_record(item, name if len(records) == 1 else f"{name}[{n}]", "json", options)


def loads(data: bytes | str) -> Any:
    """JSON as Python, where any failure is a ``ValueError``: bad syntax, bad UTF-8, nesting deeper than the
    recursion limit. An integer too long for ``int()`` (more than 4,300 digits) is kept as its digits, a
    string, so one absurd field does not cost the record its article."""
    try:
        return json.loads(data, parse_int=_int)
    except RecursionError as exc:
        raise ValueError("nested too deeply") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8: {exc.reason} at byte {exc.start}") from exc


def _int(digits: str) -> int | str:
    return int(digits) if len(digits) <= 4_000 else digits


def read_csv(data: bytes, name: str, options: ReadOptions) -> Iterator[Item]:
    """One article a row; a row that cannot be read (a field longer than the document limit, an unclosed
    quote) is reported by its line and the rows after it are still read."""
    try:
        text = decode(data, name)
    except InputError as exc:
        yield exc
        return
    limit = options.limits.max_chars + 1
    if csv.field_size_limit() < limit:  # the csv module's default (131,072) is below one long article
        csv.field_size_limit(limit)
    reader = csv.DictReader(_text_lines(text))
    number = 1  # rows are numbered as lines of a file with one row a line (the header is line 1)
    while True:
        number += 1
        where = f"{name}:{number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger" in str(exc):
                yield DocumentTooLarge(f" (a CSV field longer than {limit - 1:,} characters in row {number})",
                                       doc_id=where)
            else:
                yield MalformedInput(f"CSV row {number} cannot be read ({exc})", doc_id=where)
            continue
        yield from_record(row, where, "csv", options)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _text_lines(text: str) -> Iterator[str]:
    """The lines of a text with their endings, one at a time (what a file opened with ``newline=""`` gives
    the csv module), without the copy an ``io.StringIO`` makes (4 bytes a character once read)."""
    for found in _LINE.finditer(text):
        yield found.group()


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if isinstance(value, list):  # news-please "authors": ["A", "B"]
            value = ", ".join(str(v) for v in value if v) or None
        if isinstance(value, str) and value.strip():
            return value
        if value is not None and not isinstance(value, str):
            return value
    return None


def from_record(record: Any, where: str, kind: str, options: ReadOptions) -> Item:
    """One JSON object or CSV row -> a :class:`Document` (or the error naming what is wrong)."""
    if not isinstance(record, dict):
        return MalformedInput("expected a JSON object with a 'text' field", doc_id=where)
    text = _first(record, options.names("text"))
    if not isinstance(text, str):
        return MalformedInput(f"no {options.names('text')[0]!r} field", doc_id=where)
    if _MARKUP.search(text):  # an export that kept the page's markup: extract as from a page
        from tidings.ingest.html import fragment_text

        text = fragment_text(text) or text
    doc_id = _first(record, options.names("id"))
    if isinstance(doc_id, (int, float)) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str):  # missing, or an object or a list where an id should be
        doc_id = hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]
    published = options.published
    field_names = options.names("published")
    for f in field_names:
        value = record.get(f)
        if isinstance(value, str) and value.strip():
            try:
                published = parse_date(value)
            except ValueError:  # the article is still news: dated by the default, and the date named
                warn("W002", f"{f!r} is not an ISO date ({value[:40]!r}); the default publication date "
                     f"{options.published or 'none'} is used", doc_id=where, log=_log)
            break

    def string(attribute: str) -> str | None:
        value = _first(record, options.names(attribute))
        return value if isinstance(value, str) else None

    return Document(where, text, kind, published=published, title=string("title"), url=string("url"),
                    site=string("site"), author=string("author"), language=string("language"), doc_id=doc_id)
