"""The store's tables as a Parquet dataset, and a query engine over it: for stores that outgrow one file.

    write_parquet(store.con, "events-parquet/")     # one <table>.parquet a table (DuckDB's COPY)
    con = open_parquet("events-parquet/")           # an in-memory DuckDB with one view a table

The views carry the store's table names and columns, so every query of the API's data functions
(:mod:`tidings.serve.queries`) and of the exports runs on them unchanged (``tests/test_store_parquet.py``
runs them on both and compares). The files can live on any file system DuckDB reads, and any engine that
reads Parquet (Spark, Trino, DataFusion, pandas/pyarrow) reads the same columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from tidings.store.schema import CONTENT_TABLES

TABLES = (*CONTENT_TABLES, "ingest_runs")
VIEWS = {"event_counts": """
    CREATE VIEW event_counts AS
    SELECT m.event_id, count(*) AS num_mentions, count(DISTINCT coalesce(a.site, a.id)) AS num_sources,
           count(DISTINCT m.article_id) AS num_articles
    FROM mentions m JOIN articles a ON a.id = m.article_id GROUP BY m.event_id"""}


def write_parquet(con: Any, folder: str | Path) -> list[Path]:
    """Each content table of the store on ``con`` as ``folder/<table>.parquet``; the files written."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        target = out / f"{table}.parquet"
        literal = str(target).replace("'", "''")  # COPY takes no parameter for its target
        con.execute(f"COPY (SELECT * FROM {table}) TO '{literal}' (FORMAT PARQUET)")
        written.append(target)
    return written


def open_parquet(folder: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose tables are views over ``folder/<table>.parquet``."""
    con = duckdb.connect()
    for table in TABLES:
        path = Path(folder) / f"{table}.parquet"
        if path.is_file():
            literal = str(path).replace("'", "''")
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{literal}')")
    for sql in VIEWS.values():
        con.execute(sql)
    return con
