"""The command line, in process (typer's CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.about import __version__
from tidings.cli import app

runner = CliRunner()

ARTICLE = (
    "Chinese President Xi Jinping praised Pakistan on Monday for its support in the fight against the "
    "epidemic, Xinhua reported.\n\n"
    "French President Emmanuel Macron did not meet German Chancellor Angela Merkel in Berlin on Friday.\n"
)


def _events(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "xi-pakistan.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_txt_jsonl(article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article), "--published", "2020-03-04", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = _events(result.stdout)
    assert events
    assert all(e["doc_id"] == "xi-pakistan" for e in events)
    praise = [e for e in events if e["cameo"]["root"] == "05"]  # type: ignore[index]
    assert praise and praise[0]["source"]["code"] == "CHNGOV"  # type: ignore[index]
    assert praise[0]["target"]["country"] == "PAK"  # type: ignore[index]
    assert praise[0]["date"] == "2020-03-02" and praise[0]["date_text"] == "Monday"
    assert all(str(e["coder"]).startswith("tidings-") for e in events)
    assert "1 article(s) coded, 0 skipped" in _flat(result.stderr)


def test_extract_table(article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article), "--published", "2020-03-04", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "events" in result.stdout and "CHNGOV" in result.stdout
    assert not result.stdout.lstrip().startswith("{")


def test_extract_stdin_jsonl() -> None:
    lines = [json.dumps({"id": "a1", "text": ARTICLE, "published": "2020-03-04"}),
             json.dumps({"id": "a2", "text": ARTICLE.split("\n\n")[1], "published": "2020-03-04"})]
    result = runner.invoke(app, ["extract", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    events = _events(result.stdout)
    assert {e["doc_id"] for e in events} == {"a1", "a2"}
    macron = [e for e in events if e["doc_id"] == "a2"]
    # "did not meet" is no meeting: a negated consult, or a rejection coded from the negation
    assert macron and all(e["factuality"] == "negated" or str(e["rule"]).endswith(":negated") for e in macron)


def test_extract_folder_with_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), "--published", "2020-03-04"])
    assert result.exit_code == 1, result.output
    events = _events(result.stdout)
    assert events and {e["doc_id"] for e in events} == {"good"}
    summary = _flat(result.stderr)
    assert "1 article(s) coded, 2 skipped" in summary
    assert "BinaryDocument" in summary and "EmptyDocument" in summary
    assert "[T002]" in summary and "[T001]" in summary


def test_extract_nothing_codable(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt")])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "0 article(s) coded, 2 skipped" in _flat(result.stderr)


def test_extract_bad_published_is_a_usage_error(article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article), "--published", "9 May 2020"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
    assert result.stdout == "" or "{" not in result.stdout


def test_extract_bad_format_is_a_usage_error(article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article), "--format", "xml"])
    assert result.exit_code == 2


SUITE = [
    {"id": "T-1", "date": "2020-03-02", "category": "DEMO",
     "text": "Chinese President Xi Jinping praised Pakistan for its support.",
     "expected": [{"source": "CHNGOV", "target": "PAK", "code": "051"}]},
    {"id": "T-2", "date": "2020-03-02", "category": "DEMO",
     "text": "The weather in Paris was mild on Monday.", "expected": []},
    {"id": "T-3", "date": "2020-03-02", "category": "OTHER",
     "text": "French President Emmanuel Macron met German Chancellor Angela Merkel in Berlin.",
     "expected": [{"source": "FRAGOV", "target": "DEUGOV", "code": "036"}]},  # deliberately wrong code
]


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(case) for case in SUITE) + "\n", encoding="utf-8")
    return path


def test_eval_json(suite: Path) -> None:
    result = runner.invoke(app, ["eval", str(suite), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"suite", "cases", "exact", "exact_rate", "triple", "root", "country",
                           "by_category"}
    assert scores["suite"] == "tiny.jsonl" and scores["cases"] == 3
    assert scores["exact"] == 2  # T-1 and T-2; T-3 expects a code the coder should not give
    assert scores["triple"]["tp"] == 1 and scores["triple"]["fn"] == 1
    assert set(scores["triple"]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert scores["by_category"]["DEMO"] == {"cases": 2, "exact": 2, "tp": 1, "fp": 0, "fn": 0}


def test_eval_table_and_failures(suite: Path) -> None:
    result = runner.invoke(app, ["eval", str(suite), "--failures"])
    assert result.exit_code == 0, result.output
    assert "2/3 cases exact" in _flat(result.stdout)
    failures = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [f["id"] for f in failures] == ["T-3"]
    assert failures[0]["expected"] == [["FRAGOV", "DEUGOV", "036"]]


def test_eval_missing_suite(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2


def test_version() -> None:
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == __version__
