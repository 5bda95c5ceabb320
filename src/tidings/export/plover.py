"""PLOVER JSON records, one a line (the manual's "PLOVER JSON" table).

Required fields, always present: ``id``, ``date`` (YYYY-MM-DD), ``actor`` (list of entity objects; empty
for a one-sided event whose source is unknown) and ``event`` (list of PLOVER event types). Optional fields
filled: ``recipient``, ``event_loc`` (the manual's location object), ``event_text`` (the evidence sentence),
``quad_code``, ``event_scale`` (Goldstein), ``mode``, ``context``, ``text_info``, ``cite_info``, ``coder``.
Named fields beyond the manual's: ``cameo``, ``factuality``, ``confidence`` (FactBank's value of the
factuality, :mod:`tidings.export.factuality`), ``attribution`` (the cited source and its cue, null when the
author asserts the event), ``num_mentions``, ``num_sources``, ``num_articles``. Events whose CAMEO code has no
PLOVER type, and events with neither a date nor a publication date, are left out.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any, TextIO

from tidings.export.factuality import confidence

REQUIRED = ("id", "date", "actor", "event")

# ``{and_where}``: the caller's filter (`` AND ...`` over ``events e``, with ``?`` parameters).
QUERY = """
SELECT e.*, c.num_mentions, c.num_sources, c.num_articles, a.url, a.title, a.site, a.language,
       a.published, a.name AS article_name
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_counts c ON c.event_id = e.id
WHERE e.plover_type IS NOT NULL{and_where}
ORDER BY a.seq, e.span_start, e.id
"""


def _entity(r: dict[str, Any], side: str) -> list[dict[str, Any]]:
    code = r[f"{side}_code"]
    if not code:
        return []
    entity = {"code": r[f"{side}_country"] or code[:3], "sector": r[f"{side}_sector"],
              "entity_text": r[f"{side}_text"], "identifier_text": r[f"{side}_name"], "cameo_code": code}
    return [{k: v for k, v in entity.items() if v is not None}]


def record(r: dict[str, Any]) -> dict[str, Any] | None:
    day: dt.date | None = r["date"] or r["published"]
    if day is None:
        return None
    out: dict[str, Any] = {
        "id": f"tidings-{r['id']}",
        "date": day.isoformat(),
        "actor": _entity(r, "source"),
        "recipient": _entity(r, "target"),
        "event": [r["plover_type"]],
        "mode": [r["plover_mode"]] if r["plover_mode"] else [],
        "context": [r["plover_context"]] if r["plover_context"] else [],
        "quad_code": r["quad_class"],
        "event_scale": r["goldstein"],
        "event_text": [r["evidence"]],
        "text_info": {"sequence": r["sentence"], "start": r["span_start"], "end": r["span_end"]},
        "cite_info": {k: v for k, v in {"url": r["url"], "title": r["title"], "language": r["language"],
                                        "publication": r["site"], "citation": r["article_name"],
                                        "coder": r["coder"], "codebook": "CAMEO 2.0 -> PLOVER 2021"}.items()
                      if v is not None},
        "coder": r["coder"],
        "cameo": r["cameo_code"],
        "factuality": r["factuality"],
        "confidence": confidence(r["factuality"]),
        "attribution": None,
        "num_mentions": r["num_mentions"] or 1,
        "num_sources": r["num_sources"] or 1,
        "num_articles": r["num_articles"] or 1,
    }
    if r["location_name"]:
        loc = {"extracted_place": r["location_text"], "resolved_place": r["location_name"],
               "geonameid": r["location_geonameid"], "lat": r["location_lat"], "lon": r["location_lon"],
               "country_code": r["location_country"]}
        out["event_loc"] = {k: v for k, v in loc.items() if v is not None}
    if r["attribution_text"]:
        out["attribution"] = {"text": r["attribution_text"], "name": r["attribution_name"],
                              "code": r["attribution_code"], "cue": r["attribution_cue"]}
    return out


def write(records: Iterator[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for r in records:
        rec = record(r)
        if rec is None:
            continue
        out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
        n += 1
    return n
