"""Claims and whereabouts read from the event store, and their text renderings (``tidings claims``,
``tidings whereabouts``).

>>> stored_whereabouts(store, "Kim Jong Un", as_of=dt.date(2020, 5, 9))["days_unseen"]

Rows come from the ``claims`` and ``appearances`` tables (schema version 2, ``docs/store.md``); the
analysis is :mod:`tidings.claims.analysis` over them, so a store and a list of articles give the same answers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tidings.claims.analysis import MIN_GAP_DAYS, contradictions, timeline
from tidings.claims.records import Appearance, Claim, Contradiction
from tidings.record import Attribution


def latest_date(claims: list[Claim]) -> dt.date:
    """The latest date the claims speak of or were made on (the default "as of" of a timeline)."""
    days = [d for c in claims for d in (c.refers_to, c.made_on) if d is not None]
    return max(days) if days else dt.date.today()


def articles(store: Any, ids: set[str]) -> dict[str, dict[str, Any]]:
    """``{article id: {name, url, title, published, site}}`` of the given stored articles."""
    if not ids:
        return {}
    rows = store.con.execute("SELECT id, name, url, title, published, site FROM articles "
                             "WHERE list_contains(?, id)", [sorted(ids)]).fetchall()
    return {r[0]: {"name": r[1], "url": r[2], "title": r[3],
                   "published": r[4].isoformat() if r[4] else None, "site": r[5]} for r in rows}


def stored_claims(store: Any, *, subject: str | None = None, kind: str | None = None) -> list[Claim]:
    """Claims in the store, filtered by subject (name or actor code) and type."""
    found: list[Claim] = store.claims(subject, kind)
    return found


def stored_contradictions(store: Any, *, subject: str | None = None,
                          kind: str | None = None) -> list[Contradiction]:
    """Pairs of stored claims that cannot both hold (:func:`tidings.claims.contradictions`)."""
    found = contradictions(store.claims(subject))
    return [c for c in found if kind is None or kind in (c.first.type, c.second.type)]


def stored_whereabouts(store: Any, person: str, *, as_of: dt.date | None = None,
                       min_gap_days: int = MIN_GAP_DAYS) -> dict[str, Any]:
    """A person's presence timeline from the store: :class:`~tidings.claims.Whereabouts` as a dict, with
    the stored sightings and the articles every claim and sighting comes from (``articles``)."""
    claims: list[Claim] = store.claims(person)
    seen: list[Appearance] = store.appearances(person)
    when = as_of or latest_date(claims)
    out: dict[str, Any] = timeline(person, seen, claims, when, min_gap_days=min_gap_days).to_dict()
    out["min_gap_days"] = min_gap_days
    out["appearances"] = [a.to_dict() for a in seen]
    ids = {a.doc_id for a in seen} | {c.doc_id for c in claims}
    out["articles"] = articles(store, ids)
    out["note"] = None if claims or seen else f"no claims about {person!r} in this store"
    return out


# ------------------------------------------------------------------------------------------------ text
def _source(attribution: dict[str, Any] | Attribution | None, article: dict[str, Any] | None) -> str:
    """Who says so: the attribution in the article, and the article itself."""
    if isinstance(attribution, Attribution):
        attribution = attribution.to_dict()
    where = ""
    if article:
        where = article.get("site") or article.get("url") or article.get("name") or ""
    said = (attribution or {}).get("text") or ""
    if said and where:
        return f"{said} (in {where})"
    if where:
        return f"the article ({where})"
    return said or "-"


def format_claims(claims: list[Claim], names: dict[str, dict[str, Any]]) -> str:
    """One line a claim: date, subject, type, polarity, factuality, source, evidence."""
    lines = [f"{len(claims)} claim(s)"]
    for c in claims:
        date = c.refers_to.isoformat() if c.refers_to else "-"
        made = c.made_on.isoformat() if c.made_on else "-"
        sign = "" if c.polarity == "positive" else " (not)"
        lines.append(f"{date:<10} {c.subject.name} [{c.subject.code}] {c.type}{sign}, {c.factuality}; "
                     f"made {made} by {_source(c.attribution, names.get(c.doc_id))}")
        lines.append(f"           {c.evidence}")
    return "\n".join(lines)


def format_contradictions(pairs: list[Contradiction], names: dict[str, dict[str, Any]]) -> str:
    """Each contradiction: the note, then both claims with their dates, sources and evidence."""
    lines = [f"{len(pairs)} contradiction(s)"]
    for pair in pairs:
        lines.append(f"{pair.kind}: {pair.first.subject.name} [{pair.subject}]: {pair.note}")
        for claim in (pair.first, pair.second):
            about = claim.refers_to.isoformat() if claim.refers_to else "no date of its own"
            made = claim.made_on.isoformat() if claim.made_on else "-"
            lines.append(f"  - {claim.type}, {claim.factuality}, about {about}, made {made}, "
                         f"source: {_source(claim.attribution, names.get(claim.doc_id))}")
            lines.append(f"    {claim.evidence}")
    return "\n".join(lines)


def format_whereabouts(where: dict[str, Any]) -> str:
    """Last seen, days unseen, the gaps and the claims made during each."""
    names: dict[str, dict[str, Any]] = where.get("articles", {})
    lines = [f"{where['person']} as of {where['as_of']}"]
    last = where.get("last_seen")
    if last is None:
        lines.append("  last seen: unknown (no dated sighting in the store)")
    else:
        lines.append(f"  last seen: {last['date']} ({where['days_unseen']} days unseen)")
        lines.append(f"  evidence: {last['evidence']}")
        lines.append(f"  source: {_source(last.get('source'), names.get(last['doc_id']))}")
    gaps = where.get("claims_in_gaps", [])
    lines.append(f"  gaps longer than {where.get('min_gap_days', MIN_GAP_DAYS)} days: {len(gaps)}")
    for item in gaps:
        gap = item["gap"]
        lines.append(f"  - {gap['start']} to {gap['end']} ({gap['days']} days, {gap['reason']})")
        for claim in item["claims"]:
            about = claim["refers_to"] or "no date of its own"
            said = _source(claim["attribution"], names.get(claim["doc_id"]))
            lines.append(f"      {claim['type']}, {claim['factuality']}, about {about}, made "
                         f"{claim['made_on']}, source: {said}")
            lines.append(f"        {claim['evidence']}")
    if where.get("note"):
        lines.append(f"  note: {where['note']}")
    return "\n".join(lines)
