"""CSV cells that a spreadsheet will not run as formulas (OWASP "CSV injection").

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula by
Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)``, ``@SUM(...)``, ``-2+3``). Following OWASP's advice,
such a cell gets a leading apostrophe, which spreadsheets show as text and do not evaluate; the CSV writer
quotes the cell as usual. Numbers and dates are written as they are (``-3.5`` stays a number).

Every CSV tidings writes goes through :func:`csv_safe` (Python writers) or :func:`csv_safe_sql` (DuckDB's
``COPY``): ``/api/events?format=csv``, ``tidings events --format csv`` and ``tidings export --format csv``.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: csv_safe(value) for key, value in row.items()}


def csv_safe_sql(column: str) -> str:
    """The SQL expression of :func:`csv_safe` for a text column (``column`` is a quoted identifier)."""
    return (f"CASE WHEN left({column}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) "
            f"THEN '''' || {column} ELSE {column} END")


def csv_safe_select(con: Any, query: str) -> str:
    """``SELECT`` over ``query`` with :func:`csv_safe_sql` applied to each of its text columns."""
    described = con.execute(f"DESCRIBE ({query})").fetchall()
    text = [name for name, kind, *_ in described if str(kind).upper() == "VARCHAR"]
    if not text:
        return query
    replace = ", ".join(f'{csv_safe_sql(_quote(n))} AS {_quote(n)}' for n in text)
    return f"SELECT * REPLACE ({replace}) FROM ({query})"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
