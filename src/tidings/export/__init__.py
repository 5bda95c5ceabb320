"""Exports the field uses: GDELT 2.0 event rows, PLOVER JSON records, Parquet and CSV.

    export(store, "gdelt", "events.tsv")                                  -> rows written
    export(store, "plover", "ev.jsonl", EventFilter(actor="RUS*"), irrealis=True)

Every format takes the filters of ``tidings events`` (:class:`~tidings.store.filters.EventFilter`).
Negated and hypothetical events are left out unless ``irrealis`` is set or the filter asks for one of those
factuality labels by name (:mod:`tidings.export.factuality`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from tidings.export import gdelt, plover
from tidings.export.factuality import IRREALIS, confidence_sql
from tidings.export.render import csv_cell
from tidings.export.tone import ArticleTones
from tidings.store.db import Store
from tidings.store.filters import EventFilter, event_where

__all__ = ["FLAT_QUERY", "FORMATS", "export", "export_where", "irrealis_count", "undated_count"]

FORMATS = ("gdelt", "plover", "parquet", "csv")

FLAT_QUERY = """
SELECT e.id AS event_id, e.article_id, CAST(e.date AS DATE) AS date, e.date_text, e.date_precision,
       e.source_code, e.source_name, e.source_country, e.source_sector, e.source_text,
       e.target_code, e.target_name, e.target_country, e.target_sector, e.target_text,
       e.cameo_code, e.cameo_root, e.cameo_name, CAST(e.quad_class AS INTEGER) AS quad_class,
       CAST(e.goldstein AS DOUBLE) AS goldstein, e.plover_type, e.plover_mode, e.plover_context,
       e.location_name, e.location_text, e.location_country, CAST(e.location_lat AS DOUBLE) AS location_lat,
       CAST(e.location_lon AS DOUBLE) AS location_lon,
       CAST(e.location_geonameid AS BIGINT) AS location_geonameid,
       e.attribution_text, e.attribution_name, e.attribution_code, e.attribution_cue, e.factuality,
       e.evidence, CAST(e.sentence AS INTEGER) AS sentence, CAST(e.span_start AS INTEGER) AS span_start,
       CAST(e.span_end AS INTEGER) AS span_end, e.trigger, e.rule, e.coder,
       CAST(coalesce(c.num_mentions, 1) AS BIGINT) AS num_mentions,
       CAST(coalesce(c.num_sources, 1) AS BIGINT) AS num_sources,
       CAST(coalesce(c.num_articles, 1) AS BIGINT) AS num_articles,
       a.url, a.title, a.site, CAST(a.published AS DATE) AS published,
       {confidence} AS confidence
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_counts c ON c.event_id = e.id{where}
ORDER BY a.seq, e.span_start, e.id
"""

def export_where(f: EventFilter | None, *, irrealis: bool = False) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (or "") and parameters of an export: the filter, less irrealis events."""
    f = f or EventFilter()
    where, params = event_where(f)
    if not irrealis and f.factuality is None:
        where += (" AND " if where else " WHERE ") + "NOT list_contains(?, e.factuality)"
        params.append(list(IRREALIS))
    return where, params


def irrealis_count(store: Store, f: EventFilter | None = None) -> int:
    """How many events matching ``f`` an export leaves out as negated or hypothetical."""
    where, params = event_where(f or EventFilter())
    where += (" AND " if where else " WHERE ") + "list_contains(?, e.factuality)"
    row = store.con.execute(f"SELECT count(*) FROM events e{where}", [*params, list(IRREALIS)]).fetchone()
    return int(row[0]) if row else 0


def undated_count(store: Store, f: EventFilter | None = None, *, irrealis: bool = False) -> int:
    """How many events an export would write but GDELT and PLOVER cannot: no date and no publication date."""
    where, params = export_where(f, irrealis=irrealis)
    where += (" AND " if where else " WHERE ") + "e.date IS NULL AND a.published IS NULL"
    row = store.con.execute(f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id{where}",
                            params).fetchone()
    return int(row[0]) if row else 0


def _records(store: Store, sql: str, params: Sequence[Any]) -> Iterator[dict[str, Any]]:
    cursor = store.con.cursor().execute(sql, list(params))
    names = [d[0] for d in cursor.description or []]
    while rows := cursor.fetchmany(1000):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def _write_csv(store: Store, sql: str, params: Sequence[Any], path: Path) -> int:
    """CSV with a header; text cells that a spreadsheet would run as a formula are neutralised."""
    cursor = store.con.cursor().execute(sql, list(params))
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([d[0] for d in cursor.description or []])
        while rows := cursor.fetchmany(1000):
            writer.writerows([csv_cell(v) for v in row] for row in rows)
            n += len(rows)
    return n


def export(store: Store, fmt: str, out: str | Path, f: EventFilter | None = None, *,
           irrealis: bool = False) -> int:
    """Write the events of ``store`` matching ``f`` to ``out`` in ``fmt``; return how many rows or records."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    path = Path(out)
    where, params = export_where(f, irrealis=irrealis)
    if fmt == "gdelt":
        with path.open("w", encoding="utf-8", newline="") as fh:
            return gdelt.write(_records(store, gdelt.QUERY.format(where=where), params), fh,
                               ArticleTones(store.con))
    if fmt == "plover":
        and_where = where.replace(" WHERE ", " AND ", 1)
        with path.open("w", encoding="utf-8") as fh:
            return plover.write(_records(store, plover.QUERY.format(and_where=and_where), params), fh)
    sql = FLAT_QUERY.format(where=where, confidence=confidence_sql())
    if fmt == "csv":
        return _write_csv(store, sql, params, path)
    store.con.sql(sql, params=params).write_parquet(str(path))
    row = store.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
    return int(row[0]) if row else 0
