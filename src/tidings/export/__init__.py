"""Exports the field uses: GDELT 2.0 event rows, PLOVER JSON records, Parquet and CSV.

    export(store, "gdelt", "events.tsv")    -> number of rows written
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.export import gdelt, plover
from tidings.store.csvsafe import csv_safe_select
from tidings.store.db import Store

FORMATS = ("gdelt", "plover", "parquet", "csv")

# The flat table behind Parquet and CSV: every events column, the mention counts and the first article.
# Its columns and types are fixed here (the "stable schema"); new columns are only ever appended.
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
       a.url, a.title, a.site, CAST(a.published AS DATE) AS published
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_counts c ON c.event_id = e.id
ORDER BY a.seq, e.span_start, e.id
"""


def _records(store: Store, sql: str) -> Iterator[dict[str, Any]]:
    cursor = store.con.execute(sql)
    names = [d[0] for d in cursor.description or []]
    while rows := cursor.fetchmany(1000):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def export(store: Store, fmt: str, out: str | Path) -> int:
    """Write all events of ``store`` to ``out`` in ``fmt``; return how many rows or records."""
    path = Path(out)
    if fmt == "gdelt":
        with path.open("w", encoding="utf-8", newline="") as fh:
            return gdelt.write(_records(store, gdelt.QUERY), fh)
    if fmt == "plover":
        with path.open("w", encoding="utf-8") as fh:
            return plover.write(_records(store, plover.QUERY), fh)
    if fmt in ("parquet", "csv"):
        options = "FORMAT PARQUET" if fmt == "parquet" else "FORMAT CSV, HEADER"
        literal = str(path).replace("'", "''")  # COPY takes no parameter for its target
        query = FLAT_QUERY if fmt == "parquet" else csv_safe_select(store.con, FLAT_QUERY)  # no formulas
        store.con.execute(f"COPY ({query}) TO '{literal}' ({options})")
        row = store.con.execute("SELECT count(*) FROM events").fetchone()
        return int(row[0]) if row else 0
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
