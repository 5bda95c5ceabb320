"""`tidings claims`, `tidings whereabouts` and `tidings summary` over articles written for these tests, and
the acceptance run on the sample article (../shared/samples)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tidings.cli import app

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "kim-letters-2020-05-09.txt"

pytestmark = pytest.mark.slow

SEEN = ("Russian President Vladimir Putin chaired a meeting of the security council on March 1, the Kremlin "
        "said.\n\nPutin was seen in public on March 3 at a factory outside Moscow.\n")
RUMOUR = ("Rumours of the death of Russian President Vladimir Putin spread on social media on Monday.\n\n"
          "Putin has not been seen in public since March 3.\n")
SUMMARY = ("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on "
           "Tuesday.\n\nThe two leaders spoke for three hours.\n")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("claims")
    (folder / "in").mkdir()
    (folder / "in" / "seen.txt").write_text(SEEN, encoding="utf-8")
    (folder / "in" / "rumour.jsonl").write_text(json.dumps(
        {"id": "rumour", "text": RUMOUR, "published": "2021-03-22", "url": "https://news.example/r"}) + "\n",
        encoding="utf-8")
    db = folder / "t.duckdb"
    result = runner.invoke(app, ["ingest", str(folder / "in"), "--db", str(db), "--published", "2021-03-04"])
    assert result.exit_code == 0, result.output
    return db


def test_claims_jsonl_and_filters(store: Path) -> None:
    result = runner.invoke(app, ["claims", "--db", str(store), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["subject"]["name"] == "Vladimir Putin" for r in rows)
    assert {"appearance", "death"} <= {r["type"] for r in rows}
    deaths = runner.invoke(app, ["claims", "--db", str(store), "--type", "death", "--subject", "RUSGOV",
                                 "--format", "jsonl"])
    assert deaths.exit_code == 0
    death = [json.loads(line) for line in deaths.stdout.splitlines()]
    assert [d["factuality"] for d in death] == ["rumoured"]
    assert "social media" in death[0]["attribution"]["text"]
    assert runner.invoke(app, ["claims", "--db", str(store), "--type", "gossip"]).exit_code == 2


def test_contradictions_table(store: Path) -> None:
    result = runner.invoke(app, ["claims", "--db", str(store), "--contradictions"])
    assert result.exit_code == 0, result.output
    # a dateless rumour covers the month before it was made: the March 3 sighting contradicts it
    assert "rumoured death, seen in public on 2021-03-03" in result.stdout
    assert "social media (in news.example)" in result.stdout and "seen.txt" in result.stdout
    # "not seen since March 3" is a period that starts after the sighting, not an absence on that day
    assert "absent-but-seen" not in result.stdout
    out = runner.invoke(app, ["claims", "--db", str(store), "--contradictions", "--format", "jsonl"])
    assert out.exit_code == 0


def test_whereabouts(store: Path) -> None:
    result = runner.invoke(app, ["whereabouts", "Vladimir Putin", "--db", str(store), "--as-of", "2021-03-22",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    where = json.loads(result.stdout)
    assert where["last_seen"]["date"] == "2021-03-03" and where["days_unseen"] == 19
    gap = where["claims_in_gaps"][0]
    assert gap["gap"]["start"] == "2021-03-03" and any(c["type"] == "death" for c in gap["claims"])
    assert where["articles"][where["last_seen"]["doc_id"]]["name"].endswith("seen.txt")
    table = runner.invoke(app, ["whereabouts", "RUSGOV", "--db", str(store), "--as-of", "2021-03-22",
                                "--min-gap", "30"])
    assert "last seen: 2021-03-03 (19 days unseen)" in table.stdout
    assert "gaps longer than 30 days: 0" in table.stdout
    nobody = runner.invoke(app, ["whereabouts", "Nobody Here", "--db", str(store)])
    assert nobody.exit_code == 0 and "no claims about" in nobody.stdout


def test_summary_command(tmp_path: Path) -> None:
    path = tmp_path / "meeting.txt"
    path.write_text(SUMMARY, encoding="utf-8")
    result = runner.invoke(app, ["summary", str(path), "--published", "2021-09-30"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(row) == {"doc_id", "who", "what", "when", "where", "why", "how"} and row["doc_id"] == "meeting"
    assert "Putin" in row["who"]["text"] and row["when"]["date"] == "2021-09-28"
    table = runner.invoke(app, ["summary", str(path), "--format", "table"])
    assert table.exit_code == 0 and "who" in table.stdout
    missing = runner.invoke(app, ["summary", str(tmp_path / "missing.txt")])
    assert missing.exit_code == 2


def test_ingest_stores_a_summary_per_coded_article(store: Path) -> None:
    con = duckdb.connect(str(store), read_only=True)
    first = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NULL").fetchone()
    summaries = con.execute("SELECT count(*) FROM summaries").fetchone()
    con.close()
    assert first == summaries


def test_near_duplicates_make_no_claims(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(RUMOUR, encoding="utf-8")
    (folder / "b.txt").write_text(RUMOUR.replace("Monday", "Monday afternoon"), encoding="utf-8")
    db = tmp_path / "d.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--published", "2021-03-22"])
    assert result.exit_code == 0, result.output

    con = duckdb.connect(str(db), read_only=True)
    near = con.execute("SELECT id FROM articles WHERE duplicate_of IS NOT NULL").fetchall()
    assert len(near) == 1
    assert not con.execute("SELECT count(*) FROM claims WHERE article_id = ?", [near[0][0]]).fetchone()[0]  # type: ignore[index]
    con.close()


def test_sample_article_acceptance(tmp_path: Path) -> None:
    if not SAMPLE.is_file():
        pytest.skip(f"sample article not found at {SAMPLE}")
    db = tmp_path / "kim.duckdb"
    ingest = runner.invoke(app, ["ingest", str(SAMPLE), "--db", str(db), "--published", "2020-05-09"])
    assert ingest.exit_code == 0, ingest.output
    where = runner.invoke(app, ["whereabouts", "Kim Jong Un", "--db", str(db), "--as-of", "2020-05-09"])
    assert where.exit_code == 0, where.output
    assert "last seen: 2020-05-02 (7 days unseen)" in where.stdout
    clash = runner.invoke(app, ["claims", "--db", str(db), "--contradictions"])
    assert clash.exit_code == 0, clash.output
    text = clash.stdout
    assert "dead-but-seen" in text and "rumoured death, seen in public on 2020-05-02" in text
    assert "death, rumoured" in text and "international media" in text  # the rumour and its source
    assert "appearance, asserted, about 2020-05-02, made 2020-05-09" in text  # the sighting and its dates
    pairs = [json.loads(line) for line in runner.invoke(
        app, ["claims", "--db", str(db), "--contradictions", "--format", "jsonl"]).stdout.splitlines()]
    pair = next(p for p in pairs if p["kind"] == "dead-but-seen")
    assert pair["first"]["type"] == "death" and pair["first"]["made_on"] == "2020-05-09"
    assert pair["second"]["refers_to"] == "2020-05-02"
