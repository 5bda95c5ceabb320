"""HTML pages: main text and metadata (title, author, date, site, canonical URL) by trafilatura.

Extraction favours precision: navigation, teaser links, ads and comment sections stay out. A page with no
main text becomes an :class:`~tidings.errors.EmptyDocument`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from tidings.errors import EmptyDocument, InputError, MalformedInput, MarkupTooComplex
from tidings.ingest.base import Document, Item, ReadOptions
from tidings.validate import Limits, decode

_ATTRIBUTE = re.compile(rb"\s[^\s=/>]+")

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

    if not data.strip():
        raise EmptyDocument(" (an empty HTML page)", doc_id=name)
    if b"\x00" in data[:4096]:
        decode(data, name)  # raises BinaryDocument
    check_markup(data, name, options.limits)
    try:
        tree = trafilatura.load_html(data)
    except (ValueError, TypeError) as exc:  # pragma: no cover - lxml refuses very few inputs
        raise MalformedInput(f"not HTML ({exc})", doc_id=name) from exc
    if tree is None:
        raise MalformedInput("not HTML (nothing to parse)", doc_id=name)
    check_tree(tree, name, options.limits)
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


def check_markup(data: bytes, name: str, limits: Limits) -> None:
    """Refuse, before lxml sees it, a page past ``max_markup_bytes`` or with a tag carrying more than
    ``max_tag_attributes`` attributes (libxml2 checks an element's attributes for duplicates pairwise: a
    tag with 200,000 attributes takes minutes)."""
    if len(data) > limits.max_markup_bytes:
        raise MarkupTooComplex(f"{len(data):,} bytes of markup (max_markup_bytes "
                               f"{limits.max_markup_bytes:,})", doc_id=name)
    shortest = 2 * limits.max_tag_attributes  # an attribute takes at least two bytes (" a")
    for tag in re.finditer(rb"<[A-Za-z][^<>]{%d,}" % shortest, data):
        count = len(_ATTRIBUTE.findall(tag.group()))
        if count > limits.max_tag_attributes:
            raise MarkupTooComplex(f"a tag with {count:,} attributes at byte {tag.start():,} "
                                   f"(max_tag_attributes {limits.max_tag_attributes:,})", doc_id=name)


def check_tree(tree: Any, name: str, limits: Limits) -> None:
    """Refuse a parsed page with more elements, attributes or depth than the limits (lxml itself stops
    nesting at 256 levels, silently dropping what is deeper)."""
    from lxml import etree  # type: ignore[import-untyped]

    elements = attributes = depth = deepest = 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        deepest = max(deepest, depth)
        elements += 1
        attributes += len(element.attrib)
        if elements > limits.max_elements:
            raise MarkupTooComplex(f"more than {limits.max_elements:,} elements (max_elements)", doc_id=name)
        if attributes > limits.max_attributes:
            raise MarkupTooComplex(f"more than {limits.max_attributes:,} attributes (max_attributes)",
                                   doc_id=name)
        if deepest > limits.max_depth:
            raise MarkupTooComplex(f"elements nested more than {limits.max_depth} deep (max_depth)",
                                   doc_id=name)


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
