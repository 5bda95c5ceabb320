"""The data functions of the API: plain functions of a DuckDB cursor and typed filters, returning JSON-ready
dicts. The routes in :mod:`tidings.serve.app` only parse parameters, call one of these on the read pool and
render the result (JSON, or CSV for event lists).

Every value a user gives reaches SQL as a ``?`` parameter. The only SQL text chosen by a request is picked
from fixed tables here (sort columns, grouping columns), never pasted from the request.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

import duckdb

from tidings.actors.labels import code_label
from tidings.claims.analysis import timeline as presence_timeline
from tidings.claims.records import Appearance, Claim, appearances
from tidings.clean import clean
from tidings.serve.errors import bad_param, not_found
from tidings.serve.pool import checkpoint
from tidings.store.contradictions import contradictions as find_contradictions
from tidings.store.db import SUBJECT_SQL, claims_where, row_appearance, row_claim
from tidings.store.filters import EventFilter as EventFilter
from tidings.store.filters import event_where as event_where
from tidings.store.schema import CLAIM_COLUMNS as CLAIM_COLUMNS  # the API's claim columns: the store's

Cursor = duckdb.DuckDBPyConnection
Row = dict[str, Any]

MAX_PAGE = 500
"""Hard cap on ``limit`` for event lists."""
FACTUALITY = ("asserted", "reported", "hedged", "rumoured", "negated", "hypothetical")
QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict",
              4: "Material conflict"}
CLAIMS_NOTE = ("this store has no claims table yet: claims and presence timelines appear once the store "
               "holds them (see docs/api.md)")

# sort name -> (SQL expression, type of the keyset value)
SORTS: dict[str, tuple[str, str]] = {
    "date": ("coalesce(e.date, DATE '0001-01-01')", "date"),
    "goldstein": ("e.goldstein", "float"),
    "quad": ("e.quad_class", "int"),
    "code": ("e.cameo_code", "str"),
    "source": ("coalesce(e.source_code, '')", "str"),
    "target": ("coalesce(e.target_code, '')", "str"),
    "factuality": ("e.factuality", "str"),
}
INTERVALS = ("day", "week", "month", "year")
TIMELINE_KEYS = {"quad": "e.quad_class", "root": "e.cameo_root", "plover": "coalesce(e.plover_type, '-')",
                 "factuality": "e.factuality"}
LIST_COLUMNS = (
    "e.id, e.date, e.date_precision, e.source_code, e.source_name, e.source_country, e.target_code, "
    "e.target_name, e.target_country, e.cameo_code, e.cameo_root, e.cameo_name, e.quad_class, e.goldstein, "
    "e.plover_type, e.factuality, e.attribution_name, e.attribution_text, e.attribution_code, "
    "e.location_name, e.location_country, e.article_id, e.evidence"
)




def dicts(cur: Cursor, sql: str, params: list[Any]) -> list[Row]:
    checkpoint()  # a request that has timed out stops here
    cursor = cur.execute(sql, params)
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def table_exists(cur: Cursor, name: str) -> bool:
    """Whether the store has table or view ``name`` (DuckDB's catalogue functions: faster than
    ``information_schema``)."""
    row = cur.execute("SELECT count(*) FROM (SELECT table_name AS name FROM duckdb_tables() UNION ALL "
                      "SELECT view_name FROM duckdb_views()) WHERE name = ?", [name]).fetchone()
    return bool(row and row[0])


# ------------------------------------------------------------------------------------------------ events
@dataclass(frozen=True, slots=True)
class Page:
    sort: str = "-date"
    limit: int = 50
    offset: int = 0
    cursor: str | None = None


def parse_sort(sort: str) -> tuple[str, bool]:
    desc = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in SORTS:
        raise bad_param("sort", f"unknown sort {sort!r}; one of {', '.join(SORTS)} (prefix - for descending)")
    return key, desc


def encode_cursor(value: Any, event_id: str) -> str:
    if isinstance(value, dt.date):
        value = value.isoformat()
    raw = json.dumps([value, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, kind: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        value, event_id = json.loads(raw)
        if kind == "date":
            value = dt.date.fromisoformat(value)
        elif kind == "float":
            value = float(value)
            if not math.isfinite(value):
                raise ValueError(value)
        elif kind == "int":
            if not isinstance(value, int) or not -(2 ** 31) <= value < 2 ** 31:  # quad_class is INTEGER
                raise ValueError(value)
        elif not isinstance(value, str):
            raise ValueError(value)
        if not isinstance(event_id, str):
            raise ValueError(event_id)
    except (ValueError, TypeError, OverflowError, RecursionError, binascii.Error) as exc:
        raise bad_param("cursor", "not a cursor this API handed out (take it from `next`)") from exc
    return value, event_id


Totals = MutableMapping[tuple[str, tuple[Any, ...]], int]
"""Kept totals of event lists, by ``WHERE`` clause and parameters: the caller keeps one per store write
version (the API: :class:`tidings.serve.cache.Totals`), so a page after the first counts nothing."""


def events(cur: Cursor, f: EventFilter, page: Page, *, totals: Totals | None = None) -> Row:
    """One page of events matching ``f``: rows, the total, and the cursor of the next page.

    A newest-first page over many matches is read from the newest dates that hold it
    (:func:`_newest_window`). Any other page takes two queries (late materialisation): the sort over every
    match reads only the sort key and the id, and the page's two dozen columns are then read for its
    ``limit`` ids alone, instead of being carried through the sort. ``totals`` keeps the count of matches."""
    key, desc = parse_sort(page.sort)
    expr, kind = SORTS[key]
    where, params = event_where(f)
    total = _total(cur, where, params, totals)
    order = "DESC" if desc else "ASC"
    page_where, page_params = where, list(params)
    value: Any = None
    if page.cursor:
        value, last_id = decode_cursor(page.cursor, kind)
        op = "<" if desc else ">"
        clause = f"({expr} {op} ? OR ({expr} = ? AND e.id {op} ?))"
        page_where = (where + " AND " if where else " WHERE ") + clause
        page_params += [value, value, last_id]
    offset = 0 if page.cursor else page.offset
    start = None
    if key == "date" and desc and total > WINDOW_FROM:
        start = _newest_window(cur, where, params, page.limit + 1 + offset, value if page.cursor else None)
        if start is not None:
            page_where = (page_where + " AND " if page_where else " WHERE ") + "e.date >= ?"
            page_params.append(start)
    order_by = f"ORDER BY {expr} {order}, e.id {order} LIMIT ? OFFSET ?"
    page_params += [page.limit + 1, offset]
    if start is not None:  # a few hundred rows in the window: one query reads them whole
        keyed = dicts(cur, f"SELECT {LIST_COLUMNS}, {expr} AS _key FROM events e{page_where} {order_by}",
                      page_params)
        rows = [{k: v for k, v in r.items() if k != "_key"} for r in keyed]
        keys = [(r["id"], r["_key"]) for r in keyed]
    else:  # the sort over every match reads the key and the id only; then the page's rows by id
        checkpoint()
        keys = cur.execute(f"SELECT e.id, {expr} AS _key FROM events e{page_where} {order_by}",
                           page_params).fetchall()
        rows = _rows_by_id(cur, [k[0] for k in keys[:page.limit]])
    more = len(keys) > page.limit
    rows = rows[:page.limit]
    next_cursor = encode_cursor(keys[page.limit - 1][1], keys[page.limit - 1][0]) if more else None
    _attach_counts(cur, rows)
    _label(rows, ("source_code", "target_code"))
    return {"rows": rows, "count": len(rows), "total": total, "sort": page.sort, "limit": page.limit,
            "offset": None if page.cursor else page.offset, "next_cursor": next_cursor,
            "filters": f.params()}


def _total(cur: Cursor, where: str, params: list[Any], totals: Totals | None) -> int:
    """How many events match (from ``totals`` when it has the count; kept there otherwise)."""
    key = (where, tuple(params))
    if totals is not None and key in totals:
        return totals[key]
    checkpoint()
    row = cur.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()
    total = int(row[0]) if row else 0
    if totals is not None:
        totals[key] = total
    return total


def _rows_by_id(cur: Cursor, ids: list[str]) -> list[Row]:
    """The list columns of these events, in the order of ``ids``."""
    if not ids:
        return []
    sql = f"SELECT {LIST_COLUMNS} FROM events e WHERE e.id IN ({_marks(ids)})"
    found = {r["id"]: r for r in dicts(cur, sql, ids)}
    return [found[i] for i in ids if i in found]


WINDOW_FROM = 20_000
"""Matching events past which a newest-first page is narrowed to a date window (below it the plain sort is
cheap, and the extra query would cost more than it saves)."""


def _newest_window(cur: Cursor, where: str, params: list[Any], need: int,
                   below: dt.date | None) -> dt.date | None:
    """The first day of the newest dates that hold a newest-first page (``e.date >= d`` narrows the page
    to them: the same rows, sorted from far fewer), or None.

    A page sorted by date, newest first, is a top-N over every matching event on two keys (the date, then
    the id to break ties): tens of milliseconds at a million events. ``d``, the date of the ``need``-th
    newest dated match (strictly before ``below``, the date of the cursor a later page starts after), is a
    top-N on the date column alone, which DuckDB answers from a few row groups. At least ``need`` matches
    after the cursor lie on or after ``d`` and undated events sort last, so the first ``need`` rows of the
    page do too: adding ``e.date >= d`` changes nothing but the work. With fewer dated matches: None.
    """
    dated = (where + " AND " if where else " WHERE ") + "e.date IS NOT NULL"
    bound: list[Any] = []
    if below is not None:
        dated += " AND e.date < ?"
        bound = [below]
    row = cur.execute(f"SELECT e.date FROM events e{dated} ORDER BY e.date DESC LIMIT 1 OFFSET ?",
                      [*params, *bound, need - 1]).fetchone()
    return row[0] if row else None


def _label(rows: list[Row], fields: tuple[str, ...]) -> None:
    """What each actor code means ("United States government"), beside the code: ``<field>_label``
    (``label`` for a field named ``code``)."""
    for row in rows:
        for name in fields:
            key = "label" if name == "code" else name.removesuffix("_code") + "_label"
            row[key] = code_label(row.get(name))


def _attach_counts(cur: Cursor, rows: list[Row]) -> None:
    """Mention, source and article counts of the rows (one query over their ids)."""
    if not rows:
        return
    ids = [r["id"] for r in rows]
    # the page's mentions first (the mentions_event index: a few look-ups, not a pass over every mention),
    # then the sites of their articles; counted here
    found = cur.execute(f"SELECT event_id, article_id FROM mentions WHERE event_id IN ({_marks(ids)})",
                        ids).fetchall()
    articles = sorted({a for _, a in found})
    sites = dict(cur.execute(f"SELECT id, coalesce(site, id) FROM articles WHERE id IN ({_marks(articles)})",
                             articles).fetchall()) if articles else {}
    by_event: dict[str, set[str]] = {}
    for event_id, article_id in found:
        by_event.setdefault(event_id, set()).add(article_id)
    for row in rows:
        seen = by_event.get(row["id"])
        if not seen:
            row.update(num_mentions=1, num_sources=1, num_articles=1)
            continue
        row.update(num_mentions=len(seen), num_sources=len({sites.get(a, a) for a in seen}),
                   num_articles=len(seen))


def _marks(values: list[Any]) -> str:
    """``?, ?, ...``: one parameter mark a value (the only SQL text a request's size chooses)."""
    return ", ".join("?" * len(values))


def highlights(row: Row) -> list[Row]:
    """Where the trigger, source, target and attribution are in the evidence sentence (offsets in it)."""
    evidence: str = row["evidence"]
    base = int(row["span_start"])
    out: list[Row] = []
    taken: list[tuple[int, int]] = []
    if row.get("trigger_start") is not None and row.get("trigger_end") is not None:
        start, end = int(row["trigger_start"]) - base, int(row["trigger_end"]) - base
        if 0 <= start < end <= len(evidence):
            out.append({"role": "trigger", "start": start, "end": end, "text": evidence[start:end]})
            taken.append((start, end))
    for role in ("source", "target", "attribution", "location"):
        words = row.get(f"{role}_text")
        if not words:
            continue
        found = _find_free(evidence, words, taken)
        if found is not None:
            out.append({"role": role, "start": found, "end": found + len(words), "text": words})
            taken.append((found, found + len(words)))
    return sorted(out, key=lambda h: h["start"])


def _find_free(text: str, words: str, taken: list[tuple[int, int]]) -> int | None:
    start = text.find(words)
    while start != -1:
        end = start + len(words)
        if all(end <= a or start >= b for a, b in taken):
            return start
        start = text.find(words, start + 1)
    return None


def event(cur: Cursor, event_id: str) -> Row:
    """One event with its evidence highlights, article, and the articles and sources that mention it."""
    rows = dicts(cur, "SELECT * FROM events WHERE id = ?", [event_id])
    if not rows:
        raise not_found("event", event_id)
    row = rows[0]
    if row.get("extra"):
        row["extra"] = json.loads(row["extra"])
    row["highlights"] = highlights(row)
    articles = dicts(cur, "SELECT id, title, url, published, site, name FROM articles WHERE id = ?",
                     [row["article_id"]])
    row["article"] = articles[0] if articles else None
    row["mentions"] = dicts(
        cur, "SELECT a.id, a.title, a.url, a.published, a.site, m.is_first FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY NOT m.is_first, a.seq",
        [event_id])
    row["num_mentions"] = len(row["mentions"]) or 1
    row["num_articles"] = len({m["id"] for m in row["mentions"]}) or 1
    row["num_sources"] = len({m["site"] or m["id"] for m in row["mentions"]}) or 1
    row["quad_name"] = QUAD_NAMES.get(row["quad_class"])
    return row


def article(cur: Cursor, article_id: str) -> Row:
    """An article's clean text and the spans of its events (sentence, trigger, actors)."""
    rows = dicts(cur, "SELECT id, seq, name, doc_id, kind, url, title, author, published, site, language, "
                 "text, duplicate_of, similarity, coder FROM articles WHERE id = ?", [article_id])
    if not rows:
        raise not_found("article", article_id)
    row = rows[0]
    row["raw_text"] = row["text"]
    row["text"] = clean(row["text"]).text  # event offsets are in the cleaned text (pure, no model)
    first = row["duplicate_of"] or row["id"]
    evs = dicts(cur, "SELECT id, sentence, span_start, span_end, trigger, trigger_start, trigger_end, "
                "evidence, "
                "source_text, source_code, target_text, target_code, attribution_text, location_text, "
                "cameo_code, cameo_name, quad_class, goldstein, factuality, date FROM events "
                "WHERE article_id = ? ORDER BY span_start, trigger_start", [first])
    for ev in evs:
        ev["highlights"] = [{**h, "start": h["start"] + ev["span_start"], "end": h["end"] + ev["span_start"]}
                            for h in highlights(ev)]
    _label(evs, ("source_code", "target_code"))
    row["events"] = evs
    return row


# ------------------------------------------------------------------------------------------------ aggregates
def timeline(cur: Cursor, f: EventFilter, interval: str, by: str) -> Row:
    if interval not in INTERVALS:
        raise bad_param("interval", f"one of {', '.join(INTERVALS)}")
    if by not in TIMELINE_KEYS:
        raise bad_param("by", f"one of {', '.join(TIMELINE_KEYS)}")
    where, params = event_where(f)
    where += (" AND " if where else " WHERE ") + "e.date IS NOT NULL"
    rows = dicts(cur, f"SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, {TIMELINE_KEYS[by]} AS key, "
                 f"count(*) AS events, round(avg(e.goldstein), 2) AS goldstein FROM events e{where} "
                 "GROUP BY ALL ORDER BY period, key", [interval, *params])
    keys = sorted({r["key"] for r in rows}, key=str)
    labels = {k: QUAD_NAMES.get(k, str(k)) if by == "quad" else str(k) for k in keys}
    return {"interval": interval, "by": by, "keys": keys, "labels": {str(k): v for k, v in labels.items()},
            "rows": rows, "filters": f.params()}


def dyads(cur: Cursor, f: EventFilter, period: str, limit: int) -> Row:
    if period not in ("all", *INTERVALS):
        raise bad_param("period", f"one of all, {', '.join(INTERVALS)}")
    where, params = event_where(f)
    where += (" AND " if where else " WHERE ") + "e.source_code IS NOT NULL AND e.target_code IS NOT NULL"
    period_sql = "NULL::DATE" if period == "all" else "CAST(date_trunc(?, e.date) AS DATE)"
    head = [] if period == "all" else [period]
    # a name written for each code: min(), not mode(), whose ties differ between scans (DuckDB vs Parquet)
    rows = dicts(cur, f"SELECT e.source_code AS source, e.target_code AS target, {period_sql} AS period, "
                 "min(e.source_name) AS source_name, min(e.target_name) AS target_name, "
                 "count(*) AS events, "
                 "round(avg(e.goldstein), 2) AS goldstein, "
                 "count(*) FILTER (WHERE e.quad_class >= 3) AS conflict "
                 f"FROM events e{where} GROUP BY e.source_code, e.target_code, period "
                 "ORDER BY events DESC, source, target, period LIMIT ?", [*head, *params, limit])
    _label(rows, ("source", "target"))
    return {"period": period, "rows": rows, "filters": f.params()}


def places(cur: Cursor, f: EventFilter, limit: int) -> Row:
    where, params = event_where(f)
    where += (" AND " if where else " WHERE ") + "e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL"
    rows = dicts(cur, "SELECT e.location_name AS name, e.location_country AS country, e.location_lat AS lat, "
                 "e.location_lon AS lon, e.location_geonameid AS geonameid, count(*) AS events, "
                 "round(avg(e.goldstein), 2) AS goldstein, mode(e.quad_class) AS quad_class "
                 f"FROM events e{where} GROUP BY ALL ORDER BY events DESC, name LIMIT ?", [*params, limit])
    return {"rows": rows, "filters": f.params()}


def overview(cur: Cursor) -> Row:
    """Counts, date range and the values filters can take (for the dashboard's controls)."""
    row = cur.execute("SELECT count(*), min(date), max(date) FROM events").fetchone() or (0, None, None)
    art = cur.execute("SELECT count(*) FROM articles").fetchone() or (0,)
    plover = [r[0] for r in cur.execute("SELECT DISTINCT plover_type FROM events "
                                        "WHERE plover_type IS NOT NULL ORDER BY 1").fetchall()]
    roots = dicts(cur, "SELECT cameo_root AS root, count(*) AS events FROM events GROUP BY 1 ORDER BY 1", [])
    return {"events": int(row[0]), "articles": int(art[0]), "first_date": row[1], "last_date": row[2],
            "quad_classes": {str(k): v for k, v in QUAD_NAMES.items()}, "factuality": list(FACTUALITY),
            "plover_types": plover, "roots": roots, "max_page": MAX_PAGE,
            "claims": table_exists(cur, "claims")}


# ------------------------------------------------------------------------------------------------ actors
def actors(cur: Cursor, q: str | None, limit: int) -> Row:
    where, params = "", []
    if q:
        where = " WHERE starts_with(a.code, ?) OR contains(lower(a.name), lower(?))"
        params = [q.upper(), q]
    rows = dicts(cur, "WITH counts AS (SELECT code, count(*) AS n FROM "
                 "(SELECT source_code AS code FROM events "
                 "UNION ALL SELECT target_code FROM events) WHERE code IS NOT NULL GROUP BY code) "
                 "SELECT a.code, list(DISTINCT a.name ORDER BY a.name) AS names, "
                 "any_value(a.country) AS country, "
                 "any_value(a.sector) AS sector, coalesce(any_value(c.n), 0) AS events "
                 f"FROM actors a LEFT JOIN counts c ON c.code = a.code{where} "
                 "GROUP BY a.code ORDER BY events DESC, a.code LIMIT ?", [*params, limit])
    _label(rows, ("code",))
    return {"q": q, "rows": rows}


def actor(cur: Cursor, code: str) -> Row:
    """An actor's summary, top partners, monthly counts by quad class, recent events, claims and presence."""
    code = code.upper()
    names = dicts(cur, "SELECT name, country, sector FROM actors WHERE code = ? ORDER BY name", [code])
    summary = dicts(cur, "SELECT count(*) AS events, count(*) FILTER (WHERE source_code = ?) AS as_source, "
                    "count(*) FILTER (WHERE target_code = ?) AS as_target, min(date) AS first_date, "
                    "max(date) AS last_date, round(avg(goldstein), 2) AS goldstein FROM events "
                    "WHERE source_code = ? OR target_code = ?", [code] * 4)[0]
    if not names and not summary["events"]:
        raise not_found("actor", code)
    partners = dicts(cur, "SELECT CASE WHEN source_code = ? THEN target_code ELSE source_code END AS code, "
                     "min(CASE WHEN source_code = ? THEN target_name ELSE source_name END) AS name, "
                     "count(*) AS events, round(avg(goldstein), 2) AS goldstein, "
                     "count(*) FILTER (WHERE quad_class >= 3) AS conflict FROM events "
                     "WHERE (source_code = ? OR target_code = ?) AND source_code IS NOT NULL "
                     "AND target_code IS NOT NULL GROUP BY 1 ORDER BY events DESC, code LIMIT 10", [code] * 4)
    months = dicts(cur, "SELECT CAST(date_trunc('month', date) AS DATE) AS month, quad_class, "
                   "count(*) AS events "
                   "FROM events WHERE (source_code = ? OR target_code = ?) AND date IS NOT NULL "
                   "GROUP BY ALL ORDER BY 1, 2", [code, code])
    recent = events(cur, EventFilter(actor=code), Page(limit=10))["rows"]
    _label(partners, ("code",))
    out: Row = {"code": code, "label": code_label(code), "names": [n["name"] for n in names],
                "country": names[0]["country"] if names else None,
                "sector": names[0]["sector"] if names else None, **summary,
                "partners": partners, "months": months, "recent": recent}
    out.update(actor_claims(cur, code))
    return out


# ------------------------------------------------------------------------------------------------ claims
"""The API reads the store's ``claims`` and ``appearances`` tables (schema version 2, written by
``tidings ingest``); a store without them (version 1, opened read-only) answers with :data:`CLAIMS_NOTE`."""


MAX_CLAIMS = 2000
"""Most claims (newest first) and sightings one request reads for a person's presence timeline; a
store that holds more about one person answers from the newest ones and says so (``truncated``)."""
MAX_PEOPLE = 20
"""Most people (by number of claims) an actor page draws timelines for."""
ACTOR_CONTRADICTIONS = 50
"""Contradictions an actor page lists (``/api/claims?contradictions=true`` pages through more)."""
NEWEST = "coalesce(refers_to, made_on) DESC NULLS LAST, article_id DESC, span_start, id"


def _load_claims(cur: Cursor, subject: str | None = None, kind: str | None = None,
                 limit: int = MAX_CLAIMS) -> list[Claim]:
    """Claims about ``subject`` of type ``kind``, newest first, at most ``limit`` (read in SQL)."""
    where, params = claims_where(subject, kind)
    return [row_claim(r) for r in dicts(cur, f"SELECT * FROM claims{where} ORDER BY {NEWEST} LIMIT ?",
                                        [*params, limit])]


def _claims_by_id(cur: Cursor, ids: list[str]) -> dict[str, Claim]:
    return {r["id"]: row_claim(r) for r in dicts(cur, "SELECT * FROM claims WHERE list_contains(?, id)",
                                                 [ids])}


def _load_appearances(cur: Cursor, person: str, claims: list[Claim]) -> list[Appearance]:
    """The stored sightings of a person, newest :data:`MAX_CLAIMS` (derived from the claims when the table
    is missing)."""
    if not table_exists(cur, "appearances"):
        return appearances(claims)
    return [row_appearance(r) for r in dicts(
        cur, f"SELECT * FROM appearances WHERE {SUBJECT_SQL.format(p='person')} "
        "ORDER BY date DESC NULLS LAST, made_on DESC, article_id, span_start, id LIMIT ?",
        [person, person, MAX_CLAIMS])]


def claims(cur: Cursor, subject: str | None, kind: str | None, contradictions: bool, limit: int) -> Row:
    """Claims (newest first), or with ``contradictions`` the pairs of claims that cannot both hold; both
    found in SQL with ``limit`` in the query."""
    if not table_exists(cur, "claims"):
        return {"rows": [], "count": 0, "note": CLAIMS_NOTE}
    if contradictions:
        where, params = claims_where(subject, kind)
        found = find_contradictions(cur, where, params, limit, lambda ids: _claims_by_id(cur, ids))
        pairs = [c.to_dict() for c in found]
        return {"contradictions": True, "rows": pairs, "count": len(pairs), "note": None}
    rows = [{**c.to_dict(), "article_id": c.doc_id} for c in _load_claims(cur, subject, kind, limit)]
    return {"contradictions": False, "rows": rows, "count": len(rows), "note": None}


def _latest_claim_date(cur: Cursor) -> dt.date:
    row = cur.execute("SELECT max(greatest(coalesce(made_on, refers_to), coalesce(refers_to, made_on))) "
                      "FROM claims").fetchone()
    return row[0] if row and isinstance(row[0], dt.date) else dt.date.today()


def whereabouts(cur: Cursor, person: str, as_of: dt.date | None) -> Row:
    """A person's presence timeline: last seen, days unseen, gaps, and the claims made during each gap."""
    if not table_exists(cur, "claims"):
        return {"person": person, "as_of": as_of, "last_seen": None, "days_unseen": None, "gaps": [],
                "claims_in_gaps": [], "appearances": [], "note": CLAIMS_NOTE}
    found = _load_claims(cur, person)
    when = as_of or _latest_claim_date(cur)
    seen = _load_appearances(cur, person, found)
    out: Row = presence_timeline(person, seen, found, when).to_dict()
    out["appearances"] = [a.to_dict() for a in sorted(seen, key=lambda a: a.date or dt.date.min)]
    out["note"] = None if found or seen else f"no claims about {person!r} in this store"
    return out


def actor_claims(cur: Cursor, code: str) -> Row:
    """Claims about the people under an actor code (newest 200), their first contradictions and the
    presence timelines of the :data:`MAX_PEOPLE` people most claimed about (each from their newest
    :data:`MAX_CLAIMS` claims and sightings)."""
    if not table_exists(cur, "claims"):
        return {"claims": [], "contradictions": [], "people": [], "claims_note": CLAIMS_NOTE}
    newest = _load_claims(cur, code, limit=200)
    where, params = claims_where(code, None)
    found = find_contradictions(cur, where, params, ACTOR_CONTRADICTIONS,
                                lambda ids: _claims_by_id(cur, ids))
    when = _latest_claim_date(cur)
    names = [r[0] for r in cur.execute(
        f"SELECT subject_name FROM claims{where} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?",
        [*params, MAX_PEOPLE]).fetchall()]
    people = []
    for name in sorted(names):
        theirs = [row_claim(r) for r in dicts(
            cur, f"SELECT * FROM claims{where} AND subject_name = ? ORDER BY {NEWEST} LIMIT ?",
            [*params, name, MAX_CLAIMS])]
        seen = [a for a in _load_appearances(cur, code, theirs) if a.person.name == name]
        if seen:
            people.append(presence_timeline(name, seen, theirs, when).to_dict())
    return {"claims": [{**c.to_dict(), "article_id": c.doc_id} for c in newest],
            "contradictions": [c.to_dict() for c in found], "people": people, "claims_note": None}
