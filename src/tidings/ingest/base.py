"""What every reader yields: a :class:`Document` (an article plus what the page said about itself) or the
:class:`~tidings.errors.InputError` that replaces it, so a batch goes on and says why it skipped something.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tidings.errors import InputError
from tidings.record import Article
from tidings.validate import DEFAULT_LIMITS, Limits, plain, strip_nul

# Field names tried in order for each article attribute of a JSON/JSONL/CSV record. The news-please layout
# (maintext, title, date_publish, url, source_domain, language) works as is.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id"),
    "text": ("text", "maintext", "body", "content"),
    "title": ("title", "headline"),
    "published": ("published", "date_publish", "date", "publish_date"),
    "url": ("url", "link"),
    "site": ("site", "source_domain", "source", "sitename"),
    "author": ("author", "authors", "byline"),
    "language": ("language", "lang"),
}


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read: the default publication date, the record field names (``{"text": ("body",)}``) and the
    limits on sizes (:class:`~tidings.validate.Limits`)."""

    published: dt.date | None = None
    fields: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FIELDS))
    limits: Limits = DEFAULT_LIMITS

    def names(self, attribute: str) -> tuple[str, ...]:
        return self.fields.get(attribute, DEFAULT_FIELDS[attribute])


def parse_fields(spec: str | None) -> dict[str, tuple[str, ...]]:
    """``"text=body,published=pubdate"`` -> the default field table with those names tried first."""
    fields = dict(DEFAULT_FIELDS)
    if not spec:
        return fields
    for part in spec.split(","):
        key, sep, name = part.partition("=")
        key, name = key.strip(), name.strip()
        if not sep or key not in DEFAULT_FIELDS or not name:
            raise ValueError(f"bad field mapping {part!r}: use ATTRIBUTE=NAME with ATTRIBUTE one of "
                             + ", ".join(DEFAULT_FIELDS))
        fields[key] = (name, *[n for n in DEFAULT_FIELDS[key] if n != name])
    return fields


@dataclass(slots=True)
class Document:
    """One article as read, with the metadata the store keeps beside it."""

    name: str  # where it came from: "crawl.warc.gz#3", "wire.jsonl:12", "page.html"
    text: str
    kind: str  # the reader that produced it: "txt", "jsonl", "html", "feed", "warc", ...
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None  # as declared by the source ("en", "de-DE"); None when it says nothing
    doc_id: str | None = None  # the id the record carried, if any

    def __post_init__(self) -> None:
        # NUL is not text in any format we read (a JSON "\u0000", a stray byte in a page): never stored
        self.text = strip_nul(self.text, self.name)
        for name in ("title", "url", "site", "author", "language", "doc_id"):
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, plain(value))
        if self.site is None and self.url:
            host = urlsplit(self.url).hostname
            self.site = host.removeprefix("www.") if host else None

    @property
    def key(self) -> str:
        """The article id in the store: a hash of the normalised text (same text, same id)."""
        return text_key(self.text)

    def article(self) -> Article:
        """The pipeline's record; its id is :attr:`key`, so event ids depend on the text only."""
        return Article(self.key, self.text, self.published, self.title, self.url)


@dataclass(frozen=True, slots=True)
class Ignored:
    """Records of a container that are not articles and not errors (WARC requests, metadata): counted only."""

    name: str
    counts: dict[str, int]


Item = Document | InputError | Ignored

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC, one space for every run of white space, no leading or trailing space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def text_key(text: str) -> str:
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:16]


def parse_date(value: object) -> dt.date | None:
    """An ISO date or datetime string ("2024-03-14", "2024-03-14 08:00:00", "2024-03-14T08:00Z")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    return dt.date.fromisoformat(value.strip()[:10])
