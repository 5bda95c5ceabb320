"""The store: schema and migrations, one transaction a batch, parameterised queries; the exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from tidings.errors import MalformedInput, StoreError
from tidings.export import export
from tidings.export.gdelt import COLUMNS
from tidings.export.plover import REQUIRED
from tidings.record import Actor, Attribution, Cameo, Event, Location, Plover
from tidings.store import SCHEMA_VERSION, Batch, EventQuery, Skip, Store, StoredArticle

ONTOLOGY = Path(__file__).resolve().parents[2] / "shared" / "ontology"


def _event(doc: str, n: int, code: str = "043", date: dt.date | None = dt.date(2024, 3, 1)) -> Event:
    return Event(doc, f"{doc[:8]}{n:08x}", 0, "Kenya's minister visited Uganda.", (0, 33), date, "Monday",
                 "day",
                 Actor("Kenya's minister", "Kenya minister", "KENGOV", "KEN", "GOV"),
                 Actor("Uganda", "Uganda", "UGA", "UGA", None),
                 Cameo(code, code[:2], "Host a visit", 1, 2.8), Plover("CONSULT", "visit", None),
                 Location("Kampala", "UGA", 0.31, 32.58, 232422, "Kampala"),
                 Attribution("officials", None, None, "said"), "reported", "verb:visit", "tidings-test",
                 "visited", (17, 24))


def _article(key: str, seq: int, **kw: object) -> StoredArticle:
    return StoredArticle(id=key, seq=seq, name=f"{key}.txt", kind="txt", text=f"text {key}",
                         minhash=b"\0" * 8,
                         url=f"https://{kw.pop('site', 'a.example')}/{key}", **kw)  # type: ignore[arg-type]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "t.duckdb")
    run = s.start_run(["x"], workers=1, coder="tidings-test")
    s.write_batch(Batch(run, [_article("a1", 1, site="a.example"), _article("a2", 2, site="b.example",
                                                                              duplicate_of="a1")],
                        [_event("a1", 1), _event("a1", 2, "190")],
                        [Skip(MalformedInput("bad line", doc_id="f.jsonl:3"))]))
    return s


def test_schema_version_and_migrations(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store.open(path) as s:
        assert s.version() == SCHEMA_VERSION
        assert s.migrate() == SCHEMA_VERSION  # nothing to do the second time
    with Store.open(path, read_only=True) as s:
        assert s.summary()["events"] == 0
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_info VALUES (?, now())", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="T301"):
        Store.open(path)
    with pytest.raises(StoreError, match="no store"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_batch_counts_and_mentions(store: Store) -> None:
    assert store.summary() == {"articles": 1, "near_duplicates": 1, "events": 2, "mentions": 4, "actors": 2,
                               "skipped": 1, "runs": 1}
    counts = store.con.execute("SELECT num_mentions, num_sources, num_articles FROM event_counts").fetchall()
    assert counts == [(2, 2, 2), (2, 2, 2)]


def test_a_failed_batch_leaves_nothing(store: Store) -> None:
    before = store.contents(with_run_columns=True)
    broken = _event("a3", 2)
    broken.rule = None  # type: ignore[assignment]  # NOT NULL fails after the article row went in
    bad = Batch(1, [_article("a3", 3)], [broken])
    with pytest.raises(duckdb.Error):
        store.write_batch(bad)
    assert store.contents(with_run_columns=True) == before


def test_same_batch_again_adds_nothing(store: Store) -> None:
    before = store.contents()
    store.write_batch(Batch(1, [_article("a1", 1)], [_event("a1", 1)]))
    assert store.contents() == before


def test_event_queries_are_parameterised(store: Store) -> None:
    assert len(store.events(EventQuery(actor="KENGOV"))) == 2
    assert len(store.events(EventQuery(code="19"))) == 1
    assert len(store.events(EventQuery(root="4", quad=1))) == 1
    assert store.events(EventQuery(since=dt.date(2024, 3, 2))) == []
    assert store.events(EventQuery(source="KENGOV' OR 1=1 --")) == []
    [row] = store.events(EventQuery(code="043", factuality="reported"))
    assert row["num_mentions"] == 2 and row["url"] == "https://a.example/a1"
    assert store.top_dyads(1)[0]["events"] == 2


def test_gdelt_export_has_61_columns_in_gdelt_order(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(store, "gdelt", out) == 2
    rows = [line.split("\t") for line in out.read_text("utf-8").splitlines()]
    assert all(len(r) == 61 for r in rows)
    row = dict(zip(COLUMNS, rows[0], strict=True))
    assert row["SQLDATE"] == "20240301" and row["Actor1Code"] == "KENGOV"
    assert row["Actor2CountryCode"] == "UGA"
    assert row["NumMentions"] == "2" and row["NumSources"] == "2" and row["ActionGeo_CountryCode"] == "UG"
    assert row["EventBaseCode"] == "043" and row["SOURCEURL"] == "https://a.example/a1"
    field_file = ONTOLOGY / "gdelt2_events_field_file.ff"
    if field_file.is_file():  # same order as the reference list (two names are spelt differently there)
        names = [line.split(".")[0] for line in field_file.read_text("utf-8").split()]
        aliases = {"GlobalEventId": "GLOBALEVENTID", "Day": "SQLDATE"}
        assert [aliases.get(n, n).lower() for n in names] == [c.lower() for c in COLUMNS]


def test_plover_export_has_required_fields(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export(store, "plover", out) == 2
    for line in out.read_text("utf-8").splitlines():
        record = json.loads(line)
        assert all(k in record for k in REQUIRED)
        assert dt.date.fromisoformat(record["date"]) and isinstance(record["actor"], list)
        assert record["event"] == ["CONSULT"] and record["actor"][0]["code"] == "KEN"


def test_parquet_and_csv_exports_have_a_stable_schema(store: Store, tmp_path: Path) -> None:
    for fmt in ("parquet", "csv"):
        out = tmp_path / f"events.{fmt}"
        assert export(store, fmt, out) == 2
        reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
        con = duckdb.connect()
        rel = con.execute(f"SELECT * FROM {reader}(?)", [str(out)])
        names = [d[0] for d in rel.description or []]
        assert names[:3] == ["event_id", "article_id", "date"] and "num_sources" in names
        assert len(rel.fetchall()) == 2
        con.close()
    with pytest.raises(ValueError, match="unknown export"):
        export(store, "xml", tmp_path / "x")
