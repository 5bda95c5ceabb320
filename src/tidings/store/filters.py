"""Event filters shared by `tidings events` and the API: one place that turns filters into SQL.

Every value goes in as a ``?`` parameter; only fixed column names are written into the SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters of ``tidings events`` and a few more; ``None`` means any. Codes ending in ``*`` match
    as prefixes (``RUS*`` is Russia and every Russian sector)."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    code: str | None = None  # CAMEO code or a prefix of one
    root: str | None = None
    quad: int | None = None
    plover: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    factuality: str | None = None
    attribution: str | None = None  # attribution code, words of its name/text, or "none"
    country: str | None = None  # source, target or location country (ISO alpha-3)
    q: str | None = None  # free text over the evidence sentence
    article: str | None = None

    def params(self) -> dict[str, str]:
        """The filters set, as query parameters (for links)."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and value != "":
                out[f.name] = value.isoformat() if isinstance(value, dt.date) else str(value)
        return out


def _code_match(column: str, value: str) -> tuple[str, list[Any]]:
    if value.endswith("*"):
        return f"starts_with({column}, ?)", [value[:-1].upper()]
    return f"{column} = ?", [value.upper()]


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """``WHERE`` clause (or "") and its parameters for a filter, over ``events e``."""
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        s, p = _code_match("e.source_code", f.actor)
        t, q = _code_match("e.target_code", f.actor)
        where.append(f"({s} OR {t})")
        params += p + q
    for column, value in (("e.source_code", f.source), ("e.target_code", f.target)):
        if value:
            clause, p = _code_match(column, value)
            where.append(clause)
            params += p
    equalities: tuple[tuple[str, Any], ...] = (
        ("starts_with(e.cameo_code, ?)", f.code), ("e.cameo_root = ?", f.root and f.root.zfill(2)),
        ("e.quad_class = ?", f.quad), ("e.plover_type = ?", f.plover and f.plover.upper()),
        ("e.date >= ?", f.since), ("e.date <= ?", f.until), ("e.factuality = ?", f.factuality))
    for clause, value in equalities:  # an empty text is no filter; quad 0 is one
        if value is not None and value != "":
            where.append(clause)
            params.append(value)
    if f.attribution:
        if f.attribution.lower() == "none":
            where.append("e.attribution_text IS NULL")
        else:
            where.append("(e.attribution_code = ? OR contains(lower(e.attribution_name), lower(?)) "
                         "OR contains(lower(e.attribution_text), lower(?)))")
            params += [f.attribution.upper(), f.attribution, f.attribution]
    if f.country:
        where.append("(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)")
        params += [f.country.upper()] * 3
    if f.q:
        where.append("contains(lower(e.evidence), lower(?))")
        params.append(f.q)
    if f.article:
        where.append("e.article_id = ?")
        params.append(f.article)
    return (" WHERE " + " AND ".join(where) if where else ""), params
