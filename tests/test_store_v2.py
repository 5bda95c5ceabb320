"""Schema version 2: claims, appearances and summaries tables; a version-1 store migrates; round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from tidings.claims import Appearance, Claim, appearances
from tidings.record import Actor, Attribution
from tidings.store import SCHEMA_VERSION, Batch, Store, StoredArticle
from tidings.store.schema import CONTENT_TABLES, MIGRATIONS
from tidings.summary import Answer, Summary

KIM = Actor("he", "Kim Jong Un", "PRKGOV", "PRK", "GOV")


def _claim(kind: str, day: dt.date | None, factuality: str = "asserted", at: int = 10) -> Claim:
    return Claim("a1", KIM, kind, "positive", factuality,
                 Attribution("state media", "media", "---MED", "say") if factuality == "reported" else None,
                 day, day.isoformat() if day else None, "day" if day else None, dt.date(2020, 5, 9),
                 "He was seen on May 2.", (0, 21), 0, "seen", (at, at + 4), None, ("reportedly",), "text")


def _v1_store(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_info (version INTEGER NOT NULL, applied TIMESTAMP NOT NULL)")
    for statement in MIGRATIONS[0]:
        con.execute(statement)
    con.execute("INSERT INTO schema_info VALUES (1, now())")
    con.execute("INSERT INTO ingest_runs (id, started, status, coder, inputs, workers) "
                "VALUES (1, now(), 'done', 'tidings-0', '[]', 1)")
    con.execute("INSERT INTO articles (id, seq, name, kind, text, run_id, minhash) "
                "VALUES ('a1', 1, 'a.txt', 'txt', 'text', 1, '\\x00'::BLOB)")
    con.close()


def test_version_1_store_migrates_to_the_current(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    _v1_store(path)
    with Store.open(path) as store:
        assert store.version() == SCHEMA_VERSION == 3
        assert store.summary()["articles"] == 1  # old rows kept
        assert store.claims() == [] and store.appearances() == [] and store.summaries() == []
        # stored before claims existed: recode picks it up even though the coder is current
        assert [r[0] for r in store.articles_to_recode("tidings-0")] == ["a1"]
        versions = [r[0] for r in store.con.execute("SELECT version FROM schema_info ORDER BY 1").fetchall()]
        indexes = {r[0] for r in store.con.execute("SELECT index_name FROM duckdb_indexes() "
                                                   "WHERE table_name = 'mentions'").fetchall()}
    assert versions == [1, 2, 3]
    assert "mentions_event" in indexes  # version 3
    assert {"claims", "appearances", "summaries"} <= set(CONTENT_TABLES)


def test_claims_sightings_summaries_round_trip(tmp_path: Path) -> None:
    seen = _claim("appearance", dt.date(2020, 5, 2), "reported")
    rumour = _claim("death", None, "rumoured", at=40)
    summary = Summary("a1", Answer("Kim Jong Un", (("code", "PRKGOV"),)), Answer("was seen"),
                      Answer("May 2", (("date", "2020-05-02"), ("precision", "day"))), None, None, None)
    with Store.open(tmp_path / "s.duckdb") as store:
        run = store.start_run(["x"], workers=1, coder="tidings-test")
        article = StoredArticle(id="a1", seq=1, name="a.txt", kind="txt", text="t", minhash=b"\0")
        store.write_batch(Batch(run, [article], claims=[seen, rumour], summaries=[summary]))
        assert store.claims() == [seen, rumour]
        assert store.claims("kim-jong un", "death") == [rumour]
        assert store.claims("PRKGOV", "health") == []
        stored: list[Appearance] = store.appearances("Kim Jong Un")
        assert stored == appearances([seen, rumour]) and len(stored) == 1
        assert store.summaries() == [{"doc_id": "a1", **summary.to_dict(),
                                      "where": None, "why": None, "how": None}]
        before = store.contents()
        store.replace_events(["a1"], [], "tidings-test", claims=[rumour], summaries=[])
        assert store.claims() == [rumour] and store.appearances() == [] and store.summaries() == []
        assert before["claims"] and before["appearances"] and before["summaries"]
