"""Who a statement is by, on articles written for tidings (tests/data/speakers/, expectations in
tests/data/speakers.tsv): people the knowledge base cannot know, introduced by a title before the name
("Interior Minister X said"), by an apposition after it ("X, a senior member of the opposition party, said";
"X, the head of the nurses' union"), or inverted ("said X, a spokeswoman for ..."), then named by surname or
pronoun; officials, ministries, unions and police named by role; and speakers who are not political
(residents, shop owners, scientists, athletes, company officers), whose words are no statement event (GUIDE
sections 1 and 4). The test holds the coder to the share of statements it gives the right speaker and to no
statement by a non-political speaker; the rows it misses stay in the file as the work still to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import tsv_rows
from tidings import Article, Pipeline

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "speakers"
# Share of statement rows with an event of the expected root and speaker (139 of 155 when the file was
# written; 100 before the rules it came with, on main at 841811d; 131 after the lead withdrew three of them
# that lowered the blind draw-4 test part: members given in apposition, generic role appositions, the
# titles "Sen." and "Gov." -- their rows stay as misses, work still to do).
SPEAKER_FLOOR = 0.84
# Sentences by non-political speakers that may hold a statement event (none when the file was
# written; 5 of 64 on main at 841811d).
NON_POLITICAL_CEILING = 0


def _rows() -> list[dict[str, str]]:
    return tsv_rows(DATA / "speakers.tsv")


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> dict[str, tuple[list[str], list[tuple[int, str, str]]]]:
    """Per article: its sentences' texts and its events as (sentence, CAMEO code, source code)."""
    out = {}
    for path in sorted(ARTICLES.glob("*.txt")):
        article = Article(path.stem, path.read_text(encoding="utf-8"), None)
        sentences = [s.text for s in pipeline.prepare(article).sentences]
        found = [(e.sentence, e.cameo.code, e.source.code if e.source else "")
                 for e in pipeline.extract(article)]
        out[path.stem] = (sentences, found)
    return out


def _hits(coded: dict[str, tuple[list[str], list[tuple[int, str, str]]]]) -> tuple[list[bool], list[bool]]:
    right: list[bool] = []
    false: list[bool] = []
    for row in _rows():
        sentences, found = coded[row["article"]]
        index = [i for i, text in enumerate(sentences) if row["key"] in text]
        assert len(index) == 1, row["key"]
        here = [(code, source) for i, code, source in found if i == index[0]]
        if row["root"] == "-":
            false.append(any(code.startswith("01") for code, _ in here))
            continue
        roots, sources = row["root"].split("|"), row["source"].split("|")
        right.append(any(code[:2] in roots and source[:6] in sources for code, source in here))
    return right, false


def test_the_file_is_wide() -> None:
    rows = _rows()
    assert len({r["article"] for r in rows}) >= 6
    assert sum(r["root"] != "-" for r in rows) >= 60
    assert sum(r["root"] == "-" for r in rows) >= 20
    assert {r["article"] for r in rows} == {p.stem for p in ARTICLES.glob("*.txt")}


def test_statements_get_their_speaker(coded: dict[str, tuple[list[str], list[tuple[int, str, str]]]]) -> None:
    right, _ = _hits(coded)
    assert sum(right) / len(right) >= SPEAKER_FLOOR, f"{sum(right)}/{len(right)}"


def test_non_political_speakers_make_no_statement(
        coded: dict[str, tuple[list[str], list[tuple[int, str, str]]]]) -> None:
    _, false = _hits(coded)
    assert sum(false) <= NON_POLITICAL_CEILING, f"{sum(false)}/{len(false)}"
