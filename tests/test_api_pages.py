"""Event pages over a store of thousands of events spread over years (some undated): the newest-first page
narrowed to a date window (``queries._newest_window``) and the mention counts found by event id give the same
rows and counts as the plain top-N over every event and the ``event_counts`` view."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from test_api import demo_store
from tidings.serve import queries
from tidings.serve.queries import EventFilter, Page


@pytest.fixture(scope="module")
def cur(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    path = tmp_path_factory.mktemp("pages") / "pages.duckdb"
    shutil.copy(demo_store(tmp_path_factory), path)
    con = duckdb.connect(str(path))
    cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'events' ORDER BY ordinal_position").fetchall()]
    # 60 copies of every event, each copy 11 days further back; every 13th copy undated
    select = ", ".join("e.id || '-' || k.k" if c == "id" else
                       "CASE WHEN k.k % 13 = 0 THEN NULL ELSE e.date - CAST(k.k * 11 AS INTEGER) END"
                       if c == "date" else f"e.{c}" for c in cols)
    con.execute(f"INSERT INTO events SELECT {select} FROM events e, range(1, 61) k(k)")
    # a second mention from another article for some copies, so that the counts are not all 1
    con.execute("INSERT INTO mentions SELECT e.id, a.id, false FROM events e, "
                "(SELECT id FROM articles ORDER BY id LIMIT 1) a "
                "WHERE e.id NOT IN (SELECT event_id FROM mentions) AND e.article_id <> a.id "
                "AND hash(e.id) % 3 = 0")
    con.execute("INSERT INTO mentions SELECT e.id, e.article_id, true FROM events e WHERE NOT EXISTS "
                "(SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.article_id = e.article_id)")
    yield con.cursor()
    con.close()


def reference(cur: duckdb.DuckDBPyConnection, f: EventFilter, limit: int, offset: int) -> list[str]:
    where, params = queries.event_where(f)
    sql = (f"SELECT e.id FROM events e{where} ORDER BY coalesce(e.date, DATE '0001-01-01') DESC, e.id DESC "
           "LIMIT ? OFFSET ?")
    return [r[0] for r in cur.execute(sql, [*params, limit, offset]).fetchall()]


FILTERS = [EventFilter(), EventFilter(quad=4), EventFilter(root="19"), EventFilter(actor="USA*"),
           EventFilter(until=dt.date(2019, 6, 30))]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: str(f.params() or "all"))
def test_newest_pages_are_the_plain_top_n(cur: duckdb.DuckDBPyConnection, f: EventFilter,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    narrowed: list[bool] = []
    window = queries._newest_window

    def spy(*args: Any) -> dt.date | None:
        out = window(*args)
        narrowed.append(out is not None)
        return out

    monkeypatch.setattr(queries, "_newest_window", spy)
    monkeypatch.setattr(queries, "WINDOW_FROM", 0)  # narrow however few events match
    for limit, offset in ((1, 0), (50, 0), (7, 30), (200, 0), (500, 100)):
        got = queries.events(cur, f, Page(sort="-date", limit=limit, offset=offset))
        assert [r["id"] for r in got["rows"]] == reference(cur, f, limit, offset)
    # walking by cursor reaches the undated events at the end, once each
    walked: list[str] = []
    page = Page(sort="-date", limit=97)
    for _ in range(1000):
        got = queries.events(cur, f, page)
        walked += [r["id"] for r in got["rows"]]
        if not got["next_cursor"]:
            break
        page = Page(sort="-date", limit=97, cursor=got["next_cursor"])
    assert walked == reference(cur, f, 10**6, 0)
    assert any(narrowed)  # the window was used, so the comparisons above test it


def test_page_counts_are_the_views(cur: duckdb.DuckDBPyConnection) -> None:
    rows = queries.events(cur, EventFilter(), Page(sort="-date", limit=500))["rows"]
    view = {r[0]: r[1:] for r in cur.execute("SELECT event_id, num_mentions, num_sources, num_articles "
                                             "FROM event_counts").fetchall()}
    got = {r["id"]: (r["num_mentions"], r["num_sources"], r["num_articles"]) for r in rows}
    assert got == {i: view[i] for i in got}
    assert any(c[0] > 1 for c in got.values())
