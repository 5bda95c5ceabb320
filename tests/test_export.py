"""The exports: GDELT rows that GDELT's own readers load (gdelt-py, DuckDB with GDELT's column types), FIPS
geography, tone, filters, irrealis events left out by default; PLOVER and Parquet carry factuality,
attribution and confidence; the event-list renderers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from pathlib import Path

import duckdb
import pytest

from tidings.export import export
from tidings.export.gdelt import COLUMNS
from tidings.export.render import RENDERERS, csv_cell, render_events
from tidings.export.tone import tone
from tidings.record import Actor, Attribution, Cameo, Event, Location, Plover
from tidings.serve import queries as Q
from tidings.store import Batch, Store, StoredArticle
from tidings.store.filters import EventFilter

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIELD_FILE = SHARED / "ontology" / "gdelt2_events_field_file.ff"
DUCKDB_TYPES = {"int64": "BIGINT", "double": "DOUBLE", "string": "VARCHAR"}

BERLIN = Location("Berlin", "DEU", 52.52, 13.41, 2950159, "Berlin")
GERMANY = Location("Germany", "DEU", 51.2, 10.4, 2921044, "Germany")
TEXAS = Location("Texas", "USA", 31.2, -99.5, 4736286, "Texas")


def _event(doc: str, n: int, factuality: str = "asserted", location: Location | None = BERLIN,
           date: dt.date | None = dt.date(2025, 5, 2), evidence: str = "The mayor met the envoy.") -> Event:
    return Event(doc, f"{doc[-1]}{n:015x}", n, evidence, (0, len(evidence)), date, "Friday", "day",
                 Actor("the chancellor", "Germany chancellor", "DEUGOV", "DEU", "GOV"),
                 Actor("France", "France", "FRA", "FRA", None),
                 Cameo("040", "04", "Consult", 1, 1.0), Plover("CONSULT", None, None), location,
                 Attribution("an aide", None, None, "said") if factuality == "reported" else None,
                 factuality, "verb:meet", "tidings-test", "met", (10, 13))


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "x.duckdb")
    run = s.start_run(["x"], workers=1, coder="tidings-test")
    happy = "Leaders praised a great and friendly agreement, a success for peace."
    grim = "=HYPERLINK(\"x\") Fighters killed and wounded civilians in a brutal attack."
    s.write_batch(Batch(run, [
        StoredArticle(id="art1", seq=1, name="one.txt", kind="txt", text=happy, minhash=b"\0" * 8,
                      url="https://news.example/one", published=dt.date(2025, 5, 3)),
        StoredArticle(id="art2", seq=2, name="two.txt", kind="txt", text=grim, minhash=b"\1" * 8,
                      url=None, published=None)],
        [_event("art1", 1), _event("art1", 2, "reported", GERMANY), _event("art1", 3, "negated", TEXAS),
         _event("art1", 4, "hypothetical", None), _event("art2", 5, "hedged", None, None),
         _event("art2", 6, "rumoured", None, dt.date(2025, 5, 1), "=SUM(A1) they said.")]))
    return s


def test_tone_is_gdelts_positive_minus_negative_word_share() -> None:
    assert tone("The talks were a great success.") == pytest.approx(100 * 2 / 6, abs=1e-3)
    assert tone("Troops killed two men.") < 0 < tone("A warm, friendly welcome.")
    assert tone("") == 0.0 and tone("1234 5678") == 0.0


def _gdelt_rows(store: Store, tmp_path: Path, **kw: object) -> tuple[Path, list[dict[str, str]]]:
    out = tmp_path / "events.tsv"
    n = export(store, "gdelt", out, **kw)  # type: ignore[arg-type]
    rows = [dict(zip(COLUMNS, line.split("\t"), strict=True)) for line in out.read_text("utf-8").splitlines()]
    assert len(rows) == n
    return out, rows


def test_gdelt_rows_leave_out_irrealis_and_undated_events(store: Store, tmp_path: Path) -> None:
    _, rows = _gdelt_rows(store, tmp_path)
    # asserted, reported, rumoured: negated and hypothetical left out; the hedged one has no date at all
    assert len(rows) == 3
    _, everything = _gdelt_rows(store, tmp_path, irrealis=True)
    assert len(everything) == 5
    _, negated = _gdelt_rows(store, tmp_path, f=EventFilter(factuality="negated"))
    assert len(negated) == 1 and negated[0]["ActionGeo_Type"] == "2"  # asked for by name: exported


def test_gdelt_geography_is_fips_with_types_and_feature_ids(store: Store, tmp_path: Path) -> None:
    _, rows = _gdelt_rows(store, tmp_path, irrealis=True)
    city, country, state = rows[0], rows[1], rows[2]
    assert (city["ActionGeo_Type"], city["ActionGeo_CountryCode"]) == ("4", "GM")  # ISO would be DE
    assert city["ActionGeo_FeatureID"] == "2950159" and city["ActionGeo_ADM1Code"].startswith("GM")
    assert (country["ActionGeo_Type"], country["ActionGeo_FeatureID"], country["ActionGeo_ADM1Code"]) == \
        ("1", "GM", "GM")
    assert (state["ActionGeo_Type"], state["ActionGeo_ADM1Code"], state["ActionGeo_CountryCode"]) == \
        ("2", "USTX", "US")
    assert city["Actor1Geo_Type"] == "1" and city["Actor1Geo_CountryCode"] == "GM"
    assert city["Actor2Geo_CountryCode"] == "FR" and city["Actor2Geo_FullName"] == "France"
    assert float(city["Actor2Geo_Lat"]) == pytest.approx(46.5, abs=3)
    assert city["Actor1CountryCode"] == "DEU"  # actor country codes are CAMEO's (ISO alpha-3), as in GDELT


def test_gdelt_avg_tone_is_the_mentioning_articles_tone(store: Store, tmp_path: Path) -> None:
    _, rows = _gdelt_rows(store, tmp_path)
    happy, grim = rows[0], rows[2]
    assert float(happy["AvgTone"]) > 5 and float(grim["AvgTone"]) < -5
    assert grim["SQLDATE"] == "20250501" and grim["SOURCEURL"] == "two.txt"


def test_every_gdelt_row_loads_in_gdelt_py(store: Store, tmp_path: Path,
                                           caplog: pytest.LogCaptureFixture) -> None:
    from py_gdelt.models.events import Event as GdeltEvent
    from py_gdelt.parsers.events import EventsParser

    out, rows = _gdelt_rows(store, tmp_path, irrealis=True)
    with caplog.at_level(logging.WARNING):
        raws = list(EventsParser().parse(out.read_bytes()))
    assert not [r for r in caplog.records if "Skipping" in r.getMessage()]
    events = [GdeltEvent.from_raw(raw) for raw in raws]
    assert len(events) == len(rows) == 5
    first = events[0]
    assert first.avg_tone > 0 and first.action_geo is not None and first.action_geo.country_code == "GM"
    assert first.actor1 is not None and first.actor1.code == "DEUGOV"


def test_every_gdelt_row_loads_in_duckdb_with_gdelts_types(store: Store, tmp_path: Path) -> None:
    if not FIELD_FILE.is_file():
        pytest.skip(f"GDELT's field file is not at {FIELD_FILE} (../shared absent)")
    fields = [line.strip().rstrip(")").split(".") for line in FIELD_FILE.read_text("utf-8").split()]
    columns = {name: DUCKDB_TYPES[kind.rstrip("(")] for name, kind in fields}
    out, rows = _gdelt_rows(store, tmp_path, irrealis=True)
    con = duckdb.connect()
    loaded = con.execute("SELECT * FROM read_csv(?, delim='\t', header=false, quote='', escape='', "
                         "columns=?, strict_mode=true)", [str(out), columns]).fetchall()
    con.close()
    assert len(loaded) == len(rows) == 5
    assert all(isinstance(r[0], int) and isinstance(r[34], float) for r in loaded)


def test_plover_and_parquet_carry_factuality_attribution_confidence(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    assert export(store, "plover", out) == 3
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    reported = next(r for r in records if r["factuality"] == "reported")
    assert reported["confidence"] == "CT+" and reported["attribution"]["text"] == "an aide"
    assert {r["confidence"] for r in records} == {"CT+", "PS+"}
    parquet = tmp_path / "e.parquet"
    assert export(store, "parquet", parquet, irrealis=True) == 6
    con = duckdb.connect()
    got = con.execute("SELECT factuality, confidence, attribution_text FROM read_parquet(?) "
                      "ORDER BY event_id", [str(parquet)]).fetchall()
    con.close()
    assert ("negated", "CT-", None) in got and ("reported", "CT+", "an aide") in got
    assert ("hypothetical", "Uu", None) in got


def test_export_takes_the_events_filters(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "f.csv"
    assert export(store, "csv", out, EventFilter(country="USA"), irrealis=True) == 1
    assert export(store, "csv", out, EventFilter(article="art2")) == 2  # the flat table keeps undated events
    assert export(store, "csv", out, EventFilter(since=dt.date(2025, 5, 2))) == 2
    cells = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert cells[0][:3] == ["event_id", "article_id", "date"] and len(cells) == 3


def test_csv_cells_that_start_a_formula_are_neutralised(store: Store, tmp_path: Path) -> None:
    assert [csv_cell(v) for v in ("=1+1", "+1", "-1", "@x", "\tx", "\rx", "ok", -1.5)] == \
        ["'=1+1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "ok", -1.5]
    out = tmp_path / "all.csv"
    export(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    evidence = [row["evidence"] for row in rows]
    assert "'=SUM(A1) they said." in evidence and not any(e.startswith("=") for e in evidence)
    page = Q.events(store.con.cursor(), EventFilter(article="art2"), Q.Page(limit=10))
    text = render_events("csv", page)
    assert "'=SUM(A1)" in text and "\n=" not in text and ",=" not in text


def test_each_renderer_renders_the_one_query(store: Store) -> None:
    cur = store.con.cursor()
    page = Q.events(cur, EventFilter(source="DEUGOV"), Q.Page(limit=2, sort="date"))
    assert page["total"] == 6 and len(page["rows"]) == 2
    for fmt in RENDERERS:
        text = render_events(fmt, page, cur)
        assert text.strip(), fmt
    assert json.loads(render_events("json", page))["total"] == 6
    assert len(render_events("jsonl", page).splitlines()) == 2
    gdelt_rows = render_events("gdelt", page, cur).splitlines()
    assert all(len(line.split("\t")) == 61 for line in gdelt_rows)
    assert "of 6 events" in render_events("table", page)
    with pytest.raises(ValueError, match="unknown format"):
        render_events("xml", page)


def test_cli_events_and_the_api_give_the_same_output(store: Store, tmp_path: Path) -> None:
    """One data function, one set of renderers: `tidings events` prints what GET /api/events answers."""
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from tidings.cli import app
    from tidings.serve import create_app

    db = tmp_path / "x.duckdb"
    store.close()
    runner = CliRunner()
    with TestClient(create_app(db)) as client:
        for fmt in RENDERERS:
            cli = runner.invoke(app, ["events", "--db", str(db), "--format", fmt, "--source", "DEUGOV",
                                      "--sort", "-goldstein", "--limit", "4"])
            assert cli.exit_code == 0, cli.output
            api = client.get("/api/events", params={"format": fmt, "source": "DEUGOV", "sort": "-goldstein",
                                                    "limit": "4"})
            assert api.status_code == 200, api.text
            if fmt == "json":
                answer = api.json()
                assert answer.pop("next") is not None  # the API adds the link of the next page
                answer["next_cursor"] = None
                expected = json.loads(cli.stdout)
                expected["next_cursor"] = None
                assert answer == expected
            else:
                assert api.text == cli.stdout, fmt


def test_cli_export_takes_filters_and_says_what_it_left_out(store: Store, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tidings.cli import app

    db = tmp_path / "x.duckdb"
    store.close()
    runner = CliRunner()
    out = tmp_path / "g.tsv"
    result = runner.invoke(app, ["-v", "export", "--db", str(db), "--format", "gdelt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stderr.split())
    assert "3 gdelt record(s) written" in text
    assert "2 negated or hypothetical event(s) left out" in text
    assert "[W402] 1 event(s) with neither a date nor a publication date" in text
    result = runner.invoke(app, ["-q", "export", "--db", str(db), "--format", "gdelt", "--out", str(out),
                                 "--irrealis", "--country", "USA"])
    assert result.exit_code == 0 and len(out.read_text("utf-8").splitlines()) == 1
    assert "W402" not in result.stderr
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(out),
                                 "--factuality", "maybe"])
    assert result.exit_code == 2
