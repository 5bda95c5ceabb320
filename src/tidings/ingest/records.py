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
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from tidings.errors import InputError, MalformedInput
from tidings.ingest.base import Document, Item, ReadOptions, parse_date
from tidings.validate import decode

# Block or figure tags in a record's text: the field holds HTML, not plain text.
_MARKUP = re.compile(r"<(?:p|div|figure|figcaption|section|article|aside|h[1-6]|ul|li|br)\b[^<>]{0,500}>",
                     re.IGNORECASE)


def read_txt(data: bytes, name: str, options: ReadOptions, *, doc_id: str | None = None) -> Iterator[Item]:
    try:
        text = decode(data, name)
    except InputError as exc:
        yield exc
        return
    yield Document(name, text, "txt", published=options.published,
                   doc_id=doc_id or hashlib.sha1(data).hexdigest()[:16])


def read_jsonl(data: bytes, name: str, options: ReadOptions) -> Iterator[Item]:
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield MalformedInput(f"line {number} is not JSON ({exc})", doc_id=where)
            continue
        yield from_record(record, where, "jsonl", options)


def read_json(data: bytes, name: str, options: ReadOptions) -> Iterator[Item]:
    try:
        record = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield MalformedInput(f"not JSON ({exc})", doc_id=name)
        return
    records = record if isinstance(record, list) else [record]
    for n, item in enumerate(records):
        yield from_record(item, name if len(records) == 1 else f"{name}[{n}]", "json", options)


def read_csv(data: bytes, name: str, options: ReadOptions) -> Iterator[Item]:
    try:
        text = decode(data, name)
    except InputError as exc:
        yield exc
        return
    try:
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        yield MalformedInput(f"not CSV ({exc})", doc_id=name)
        return
    for number, row in enumerate(rows, 2):  # line 1 is the header
        yield from_record(row, f"{name}:{number}", "csv", options)


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
    doc_id = str(doc_id) if doc_id is not None else hashlib.sha1(text.encode()).hexdigest()[:16]
    published = options.published
    field_names = options.names("published")
    for f in field_names:
        value = record.get(f)
        if isinstance(value, str) and value.strip():
            try:
                published = parse_date(value)
            except ValueError:
                return MalformedInput(f"'{f}' is not an ISO date: {value!r}", doc_id=doc_id)
            break

    def string(attribute: str) -> str | None:
        value = _first(record, options.names(attribute))
        return value if isinstance(value, str) else None

    return Document(where, text, kind, published=published, title=string("title"), url=string("url"),
                    site=string("site"), author=string("author"), language=string("language"), doc_id=doc_id)
