"""The body of ``POST /api/articles``: JSON parsed with bounds, each article checked field by field.

Whatever a client sends, the answer is the article list or a 400 in the API's one error shape, naming the
field: never a 500 and never a dropped connection. Bounds: :data:`MAX_BATCH` articles, nesting at most
:data:`MAX_DEPTH` deep (checked before parsing), numbers of at most 4,300 digits (Python's own limit, turned
into a 400 here), and per field:

    text        string, required, not blank
    id          string of at most 200 characters
    title       string of at most 2,000 characters
    url         http(s) URL of at most 2,048 characters that parses (host required)
    published   ISO date or date-time string (YYYY-MM-DD...)
    site, author, language   strings of at most 500 characters
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import urlsplit

from tidings.serve.errors import bad_param

MAX_BATCH = 1000
MAX_DEPTH = 32
TEXT_FIELDS = {"id": 200, "title": 2000, "site": 500, "author": 500, "language": 500}
ALLOWED = {"text", "url", "published", *TEXT_FIELDS}
MAX_URL = 2048
_STRINGS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = re.compile(rb"[\[\]{}]")


def nesting_depth(body: bytes, limit: int = MAX_DEPTH) -> int:
    """How deep ``[``/``{`` nest in a JSON text (outside strings), stopping once past ``limit``."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub(b"", body)):
        if bracket in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                break
        else:
            depth -= 1
    return deepest


def parse_articles(body: bytes) -> list[dict[str, Any]]:
    """The posted articles (one object or a list), or a 400 naming what is wrong."""
    if nesting_depth(body) > MAX_DEPTH:
        raise bad_param("body", f"JSON nested more than {MAX_DEPTH} levels deep")
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError) as exc:  # ValueError: bad JSON, bad UTF-8, a 5,000-digit number
        raise bad_param("body", f"not JSON: {_short(exc)}") from exc
    records = payload if isinstance(payload, list) else [payload]
    if not records or len(records) > MAX_BATCH:
        raise bad_param("body", f"give one article object or a list of 1 to {MAX_BATCH}")
    for i, rec in enumerate(records):
        check_article(rec, f"body[{i}]")
    return records


def check_article(rec: Any, where: str) -> None:
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
        raise bad_param(where, "an article is an object with a non-empty `text` "
                               "(and optional id, title, url, published, site, author, language)")
    for key, value in rec.items():
        if key not in ALLOWED or value is None or key == "text":
            continue
        if not isinstance(value, str):
            raise bad_param(f"{where}.{key}", f"a string, not {type(value).__name__}")
        if key in TEXT_FIELDS and len(value) > TEXT_FIELDS[key]:
            raise bad_param(f"{where}.{key}", f"at most {TEXT_FIELDS[key]} characters")
    if rec.get("url") is not None:
        check_url(rec["url"], f"{where}.url")
    if rec.get("published") is not None:
        try:
            dt.date.fromisoformat(rec["published"].strip()[:10])
        except ValueError as exc:
            raise bad_param(f"{where}.published", "an ISO date (YYYY-MM-DD)") from exc


def check_url(url: str, where: str) -> None:
    if len(url) > MAX_URL:
        raise bad_param(where, f"at most {MAX_URL} characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises on a port that is not a number
    except ValueError as exc:
        raise bad_param(where, f"not a URL ({_short(exc)})") from exc
    if parts.scheme not in ("http", "https") or not host or any(c.isspace() for c in url):
        raise bad_param(where, "an http(s) URL with a host")


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "…"
