"""No gold text in the checkout: no run of six words of any text in ../shared may stand anywhere under src/,
tests/, scripts/ or benchmarks/.

A rule written from a test sentence scores that sentence, not the news. The check covers code, comments,
docstrings and data files; it takes words as the project's stop hook (../shared/hooks/before-stop) does. The
only exceptions are the plain facts in ``evaluation/gold-text-allowed.tsv`` (official names of states and
organisations). The proof that the check can fail pastes phrases taken at run time from ../shared into a
synthetic package: no gold phrase is written in this file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tidings.evaluation.goldtext import (
    CHECKED,
    RUN,
    WORD,
    find_hits,
    gold_files,
    gold_texts,
    load_allowed,
    words,
)
from tidings.evaluation.splits import shared_dir

CHECKOUT = Path(__file__).resolve().parents[1]
SHARED = shared_dir(CHECKOUT)
ALLOWED = CHECKOUT / "evaluation" / "gold-text-allowed.tsv"


@pytest.fixture(scope="module")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        reason = f"gold texts not found under {SHARED}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set: the check must run)")
        pytest.skip(reason)
    return SHARED


@pytest.fixture(scope="module")
def texts(shared: Path) -> list[tuple[Path, str]]:
    """Every gold text, read once for the module."""
    return list(gold_texts(shared))


def _phrase(text: str, size: int = RUN + 2) -> str | None:
    """A stretch of ``size`` words of ``text`` as it is written there (case and punctuation kept)."""
    found = list(WORD.finditer(text.lower()))
    if len(found) < size + 4:
        return None
    start = len(found) // 3
    return text[found[start].start():found[start + size - 1].end()]


@pytest.fixture(scope="module")
def pasted(texts: list[tuple[Path, str]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A synthetic package holding one phrase of each kind of gold file, one file type each."""
    root = tmp_path_factory.mktemp("pkg") / "src"
    (root / "pkg" / "data").mkdir(parents=True)
    kinds: dict[str, str] = {}
    for path, text in texts:
        kind = "samples" if path.suffix == ".txt" else path.suffix
        phrase = _phrase(text) if kind not in kinds else None
        if phrase:
            kinds[kind] = phrase
    assert {"samples", ".jsonl", ".json", ".tsv", ".xml"} <= set(kinds), sorted(kinds)
    files = {
        "samples": root / "pkg" / "rules.py",
        ".jsonl": root / "pkg" / "data" / "cues.tsv",
        ".json": root / "pkg" / "data" / "lexicon.json",
        ".tsv": root / "pkg" / "page.html",
        ".xml": root / "pkg" / "notes.txt",
    }
    layouts = {
        "samples": "import re\n\n\n# as in {p!r}\nRULE = re.compile('x')\n",
        ".jsonl": "word\tnote\nshell\t{p}\n",
        ".json": '{{"example": "{p}"}}\n',
        ".tsv": "<p>\n{up}\n</p>\n",
        ".xml": "first line\n{p}\n",
    }
    for kind, path in files.items():
        phrase = kinds[kind]
        path.write_text(layouts[kind].format(p=phrase.replace('"', "'"), up=phrase.upper()), encoding="utf-8")
    (root / "pkg" / "clean.py").write_text('"""A module of our own words only."""\n', encoding="utf-8")
    return files


def test_the_checkout_holds_no_gold_text(shared: Path, texts: list[tuple[Path, str]]) -> None:
    hits = find_hits([CHECKOUT / d for d in CHECKED], shared, load_allowed(ALLOWED), texts)
    places = sorted({f"{h.file.relative_to(CHECKOUT)}:{h.line} (from {h.gold_file.relative_to(shared)})"
                     for h in hits})
    assert not places, ("runs of six words from gold texts in the package, tests or scripts; rewrite them in "
                        "your own words (a made-up sentence of the same construction) and check the rule is "
                        "general (python -m tidings.evaluation.goldtext lists them):\n" + "\n".join(places))


def test_the_check_reads_every_folder_it_is_given(
        shared: Path, texts: list[tuple[Path, str]], pasted: dict[str, Path], tmp_path: Path) -> None:
    package = next(iter(pasted.values())).parents[1]
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_x.py").write_text(pasted["samples"].read_text(encoding="utf-8"), encoding="utf-8")
    hits = find_hits([package, tests], shared, [], texts)
    assert {h.file for h in hits} == {*pasted.values(), tests / "test_x.py"}


def test_a_pasted_gold_phrase_is_found_in_every_kind_of_file(
        shared: Path, texts: list[tuple[Path, str]], pasted: dict[str, Path]) -> None:
    root = next(iter(pasted.values())).parents[1]
    hits = find_hits(root, shared, [], texts)
    by_file = {h.file for h in hits}
    assert by_file == set(pasted.values())
    assert {h.line for h in hits if h.file == pasted["samples"]} == {4}  # the comment's line
    assert {h.line for h in hits if h.file == pasted[".xml"]} == {2}


def test_an_allowed_name_is_no_run_but_the_words_around_it_still_count(
        shared: Path, texts: list[tuple[Path, str]], tmp_path: Path) -> None:
    text = next(t for p, t in texts if p.suffix == ".jsonl" and len(words(t)) >= 3 * RUN)
    tokens = words(text)
    name, around = tokens[RUN:2 * RUN], tokens[:2 * RUN + RUN]
    src = tmp_path / "src"
    src.mkdir()
    (src / "facts.tsv").write_text(" ".join(name) + "\n", encoding="utf-8")
    (src / "prose.py").write_text("# " + " ".join(around) + "\n", encoding="utf-8")
    hits = find_hits(src, shared, [tuple(name)], texts)
    assert {h.file.name for h in hits} == {"prose.py"}  # the words before the name still form a run


def test_the_check_reads_words_as_the_stop_hook_does() -> None:
    hook = SHARED / "hooks" / "before-stop"
    if not hook.is_file():
        pytest.skip(f"stop hook not found at {hook}")
    source = hook.read_text(encoding="utf-8")
    assert f"N = {RUN}" in source
    pattern = re.search(r're\.findall\(r"([^"]+)"', source)
    assert pattern is not None and pattern.group(1) == WORD.pattern


def test_every_suite_has_gold_files_to_read(shared: Path) -> None:
    suites = {p.name for p in (shared / "eval").iterdir() if p.is_dir()}
    read = {p.relative_to(shared / "eval").parts[0] for p in gold_files(shared) if "eval" in p.parts}
    assert suites <= read, f"suites whose texts the check does not read: {sorted(suites - read)}"


def test_the_allow_list_is_short_and_documented() -> None:
    rows = [line.split("\t") for line in ALLOWED.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert 0 < len(rows) <= 20
    assert all(len(row) == 2 and row[1].strip() for row in rows)
