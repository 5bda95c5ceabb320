"""The README is checked: its worked example is run and compared with what it shows, and its stage map names
every package and module of ``src/tidings``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "src" / "tidings"


def _section(title: str) -> str:
    return README.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def _example() -> tuple[str, str, dict[str, object], int]:
    """The article (the quoted paragraphs, one line each), the command, the JSON shown, the events said."""
    section = _section("Worked example")
    quoted = [line[1:].strip() for line in section.splitlines() if line.startswith(">")]
    paragraphs = " ".join(line or "\n\n" for line in quoted).replace(" \n\n ", "\n\n")
    command = re.search(r"^\$ \.venv/bin/(tidings .+)$", section, re.M)
    shown = re.search(r"```json\n(.*?)\n```", section, re.S)
    count = re.search(r"gives (\w+) events", section)
    assert command and shown and count, "the worked example lost its command, JSON block or event count"
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
    return paragraphs + "\n", command.group(1), json.loads(shown.group(1)), words[count.group(1)]


@pytest.mark.slow
def test_worked_example_gives_what_the_readme_shows(tmp_path: Path) -> None:
    text, command, shown, count = _example()
    assert text.count("\n\n") == 1 and "Kishida" in text
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    argv = command.split()[1:]
    assert argv[:2] == ["extract", "article.txt"]
    result = CliRunner().invoke(app, ["-q", "extract", str(tmp_path / "article.txt"), *argv[2:]])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(events) == count
    first = events[0]
    stable = {k: v for k, v in shown.items() if k != "coder"}  # the coder's version moves with releases
    assert {k: first[k] for k in stable} == stable
    assert set(shown) == set(first)


def test_stage_map_names_every_package_and_module() -> None:
    section = _section("Pipeline (one folder per stage)")
    named = set(re.findall(r"^  ([a-z_]+(?:/|\.py))", section, re.M))
    present = {f"{p.name}/" for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    present |= {p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"}
    assert present <= named, f"not in README's stage map: {sorted(present - named)}"
    assert named <= present, f"in README's stage map but not in src/tidings: {sorted(named - present)}"
