"""The renderers of an event list: one data function, many renderers (datasette's design).

:func:`tidings.serve.queries.events` is the one query behind ``tidings events`` and ``GET /api/events``; its
page (rows, total, cursor, filters) goes through one of these renderers in both:

    table   a text table (rich)                    json    the page, as one JSON object
    jsonl   one event a line                        csv     a header, then one event a line
    gdelt   GDELT 2.0 event rows (61 columns)       plover  PLOVER JSON records, one a line

``gdelt`` and ``plover`` read the full records of the page's events (their article, mentions and tone) with
the export's own queries, so a row is the same whether it comes from ``tidings export``, ``tidings events``
or the API. CSV cells that a spreadsheet would run as a formula (text starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) are neutralised with a leading apostrophe (OWASP's advice on CSV
injection); numbers are written as numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

__all__ = ["MEDIA_TYPES", "RENDERERS", "csv_cell", "json_default", "render_events"]

Row = dict[str, Any]

MEDIA_TYPES: dict[str, str] = {
    "table": "text/plain; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "gdelt": "text/tab-separated-values; charset=utf-8",
    "plover": "application/x-ndjson; charset=utf-8",
}
RENDERERS: tuple[str, ...] = tuple(MEDIA_TYPES)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def json_default(value: Any) -> Any:
    """JSON for what DuckDB hands back: dates as ISO strings, decimals as numbers, blobs as null."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes | bytearray):
        return None
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def csv_cell(value: Any) -> Any:
    """A value safe to put in a CSV cell: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _json(page: Row, _: Any) -> str:
    return json.dumps(page, default=json_default, ensure_ascii=False, separators=(",", ":"))


def _jsonl(page: Row, _: Any) -> str:
    return "".join(json.dumps(r, default=json_default, ensure_ascii=False) + "\n" for r in page["rows"])


def _csv(page: Row, _: Any) -> str:
    out = io.StringIO()
    rows: list[Row] = page["rows"]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(rows[0]) if rows else ["id"])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row.values()])
    return out.getvalue()


def _table(page: Row, _: Any) -> str:
    from rich.console import Console
    from rich.table import Table

    rows: list[Row] = page["rows"]
    total = page.get("total", len(rows))
    table = Table(title=f"{len(rows)} of {total} events", show_lines=False)
    for col in ("date", "source", "event", "target", "factuality", "attributed to", "mentions", "where"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(str(r["date"] or ""), r["source_code"] or "-", f"{r['cameo_code']} {r['cameo_name']}",
                      r["target_code"] or "-", r["factuality"], r.get("attribution_text") or "",
                      str(r.get("num_mentions") or 1), r.get("location_name") or "")
    console = Console(file=io.StringIO(), width=160, color_system=None, force_terminal=False)
    console.print(table)
    out: str = console.file.getvalue()  # type: ignore[attr-defined]
    return out


def _full_records(cur: duckdb.DuckDBPyConnection, template: str, key: str,
                  ids: Sequence[str]) -> list[Row]:
    """The export query's records of ``ids``, in the order of ``ids``."""
    cursor = cur.execute(template.format(**{key: (" WHERE " if key == "where" else " AND ")
                                            + "list_contains(?, e.id)"}), [list(ids)])
    names = [d[0] for d in cursor.description or []]
    found = {r["id"]: r for r in (dict(zip(names, row, strict=True)) for row in cursor.fetchall())}
    return [found[i] for i in ids if i in found]


def _gdelt(page: Row, cur: duckdb.DuckDBPyConnection) -> str:
    from tidings.export import gdelt
    from tidings.export.tone import ArticleTones

    out = io.StringIO()
    gdelt.write(iter(_full_records(cur, gdelt.QUERY, "where", [r["id"] for r in page["rows"]])), out,
                ArticleTones(cur))
    return out.getvalue()


def _plover(page: Row, cur: duckdb.DuckDBPyConnection) -> str:
    from tidings.export import plover

    out = io.StringIO()
    plover.write(iter(_full_records(cur, plover.QUERY, "and_where", [r["id"] for r in page["rows"]])), out)
    return out.getvalue()


_RENDER: dict[str, Callable[[Row, Any], str]] = {
    "table": _table, "jsonl": _jsonl, "csv": _csv, "json": _json, "gdelt": _gdelt, "plover": _plover,
}


def render_events(fmt: str, page: Row, cur: duckdb.DuckDBPyConnection | None = None) -> str:
    """A page of :func:`tidings.serve.queries.events` in ``fmt`` (``gdelt`` and ``plover`` need ``cur``)."""
    if fmt not in _RENDER:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(RENDERERS)}")
    return _RENDER[fmt](page, cur)
