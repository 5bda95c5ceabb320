"""HTML pages: main text and metadata (title, author, date, site, canonical URL) by trafilatura.

Extraction favours precision: navigation, teaser links, ads and comment sections stay out. A page with no
main text becomes an :class:`~tidings.errors.EmptyDocument`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

from tidings.errors import EmptyDocument, InputError, MalformedInput
from tidings.ingest.base import Document, Item, ReadOptions
from tidings.validate import decode

MIN_WORDS = 10  # a page with less main text than this is not an article


def read_html(data: bytes, name: str, options: ReadOptions, *, url: str | None = None,
              kind: str = "html") -> Iterator[Item]:
    try:
        yield extract_html(data, name, options, url=url, kind=kind)
    except InputError as exc:
        yield exc


def extract_html(data: bytes, name: str, options: ReadOptions, *, url: str | None = None,
                 kind: str = "html") -> Document:
    import trafilatura

    if b"\x00" in data[:4096]:
        decode(data, name)  # raises BinaryDocument
    try:
        tree = trafilatura.load_html(data)
    except (ValueError, TypeError) as exc:  # pragma: no cover - lxml refuses very few inputs
        raise MalformedInput(f"not HTML ({exc})", doc_id=name) from exc
    if tree is None:
        raise MalformedInput("not HTML (nothing to parse)", doc_id=name)
    language = tree.get("lang") or None
    found: Any = trafilatura.bare_extraction(tree, url=url, favor_precision=True, with_metadata=True,
                                             include_comments=False, include_tables=False)
    text = _get(found, "text") or ""
    if len(text.split()) < MIN_WORDS:  # trafilatura falls back to any text at all ("Home") on empty pages
        raise EmptyDocument(f" (no main text in the HTML page: {len(text.split())} words)", doc_id=name)
    published = options.published
    date = _get(found, "date")
    if date:
        with contextlib.suppress(ValueError):
            published = dt.date.fromisoformat(date[:10])
    canonical = _get(found, "url") or url
    return Document(name, text, kind, published=published, title=_get(found, "title"), url=canonical,
                    site=_get(found, "sitename") or _get(found, "hostname"), author=_get(found, "author"),
                    language=language)


def fragment_text(fragment: str) -> str:
    """The article text of an HTML fragment stored in a record's text field (a JSON or CSV export that kept
    the body's markup): trafilatura drops figure captions, related-story and newsletter blocks as it does on
    a page; when it finds too little, every block's text is kept (the cleaner's furniture rules still run)."""
    import trafilatura

    found = trafilatura.extract(f"<html><body><article>{fragment}</article></body></html>",
                                favor_precision=True, include_comments=False, include_tables=False)
    if isinstance(found, str) and len(found.split()) >= MIN_WORDS:
        return "\n\n".join(line for line in found.splitlines() if line.strip())
    return html_to_text(fragment)


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), paragraphs kept apart."""
    import trafilatura

    tree = trafilatura.load_html(f"<html><body>{fragment}</body></html>")
    if tree is None:
        return ""
    blocks = ("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "br")
    for el in tree.iter(*blocks):
        el.tail = "\n\n" + (el.tail or "")
    text: str = tree.text_content()
    return "\n\n".join(" ".join(part.split()) for part in text.split("\n\n") if part.strip())


def _get(found: Any, attribute: str) -> str | None:
    if found is None:
        return None
    value = found.get(attribute) if isinstance(found, dict) else getattr(found, attribute, None)
    return value if isinstance(value, str) and value.strip() else None
