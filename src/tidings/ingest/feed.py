"""RSS and Atom feeds (feedparser): each entry an article, with the full content where the feed carries it,
else the summary, with the entry's date and link."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from tidings.errors import EmptyDocument, InputError, MalformedInput, MarkupTooComplex
from tidings.ingest.base import Document, Item, ReadOptions
from tidings.ingest.html import html_to_text
from tidings.validate import Limits

_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|channel)\b", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)

# feedparser's complaints that do not mean the feed is broken
_BENIGN = frozenset({"CharacterEncodingOverride", "NonXMLContentType"})


def read_feed(data: bytes, name: str, options: ReadOptions) -> Iterator[Item]:
    import feedparser

    try:
        check_feed(data, name, options.limits)
    except InputError as exc:
        yield exc
        return
    parsed: Any = feedparser.parse(data)  # bytes: parsed in memory, nothing fetched
    entries = list(parsed.get("entries") or [])
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    broken = problem is not None and type(problem).__name__ not in _BENIGN
    if broken or (problem is not None and not entries):
        # reported once for the file; entries recovered from the broken XML are still read if they have text
        yield MalformedInput(f"not a well-formed RSS or Atom feed ({problem})", doc_id=name)
    feed = parsed.get("feed") or {}
    language = feed.get("language") or None
    site = feed.get("title") or None
    for n, entry in enumerate(entries):
        where = f"{name}#{n + 1}"
        body = _body(entry)
        if not body.strip():
            if broken:
                continue
            yield EmptyDocument(" (feed entry with neither content nor summary)", doc_id=where)
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(when.tm_year, when.tm_mon, when.tm_mday) if when else options.published
        link = entry.get("link") or None
        yield Document(where, body, "feed", published=published, title=entry.get("title") or None, url=link,
                       author=entry.get("author") or None, language=language,
                       doc_id=entry.get("id") or link, site=None if link else site)


def check_feed(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a feed past ``max_markup_bytes``, or one that declares entities in its DOCTYPE: no news feed
    needs them, and they are how an XML file reads a local file (XXE) or expands to gigabytes (the "billion
    laughs"); expat stops the expansion, but only after a million callbacks into feedparser."""
    if len(data) > limits.max_markup_bytes:
        raise MarkupTooComplex(f"a feed of {len(data):,} bytes (max_markup_bytes "
                               f"{limits.max_markup_bytes:,})", doc_id=name)
    root = _ROOT.search(data, 0, 1 << 16)
    prolog = data[:root.start()] if root else data[:1 << 16]
    if _ENTITY.search(prolog):
        raise MarkupTooComplex("the feed declares entities in its DOCTYPE (not parsed: an XML entity "
                               "expansion or external entity)", doc_id=name)


def _body(entry: Any) -> str:
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if value.strip():
            return _text(value, part.get("type") or "")
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return _text(summary, detail.get("type") or "text/html")


def _text(value: str, media_type: str) -> str:
    if "html" in media_type or "<" in value:
        return html_to_text(value)
    return value.strip()
