"""The same schema on Parquet with a query engine: the API's data functions give the same answers over the
store's tables written as Parquet files as over the DuckDB file."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from test_api import demo_store
from tidings.serve import queries as Q
from tidings.store.parquet import open_parquet, write_parquet


def test_api_queries_run_unchanged_on_parquet(tmp_path_factory: pytest.TempPathFactory,
                                              tmp_path: Path) -> None:
    db = demo_store(tmp_path_factory)
    con = duckdb.connect(str(db), read_only=True)
    try:
        files = write_parquet(con, tmp_path / "parquet")
        assert all(f.stat().st_size > 0 for f in files)
        lake = open_parquet(tmp_path / "parquet")
        everything = Q.EventFilter()
        calls = [
            lambda c: Q.events(c, everything, Q.Page(limit=20)),
            lambda c: Q.events(c, Q.EventFilter(quad=4), Q.Page(sort="goldstein", limit=10)),
            lambda c: Q.timeline(c, everything, "month", "quad"),
            lambda c: Q.dyads(c, everything, "all", 50),
            lambda c: Q.places(c, everything, 100),
            lambda c: Q.overview(c),
            lambda c: Q.claims(c, None, None, True, 50),
            lambda c: Q.claims(c, None, None, False, 50),
        ]
        for call in calls:
            assert call(lake) == call(con)
        assert Q.events(lake, everything, Q.Page(limit=5))["total"] > 20
        top = Q.dyads(con, everything, "all", 1)["rows"][0]
        assert Q.actor(lake, top["source"]) == Q.actor(con, top["source"])
    finally:
        con.close()
