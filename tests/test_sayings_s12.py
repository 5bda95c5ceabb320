"""When a saying is an event of its own (evaluation/gold/GUIDE.md sections 2, 4, 5 and 7), on wire-style
articles and sentences written for tidings (tests/data/sayings/ and sayings.tsv: invented people, real
countries).

A said-clause that reports an act as done ("police said they arrested 12 people") makes the saying that
act's attribution; one that only judges or mentions an act ("said the protests were illegal", "said arrests
alone would not solve the problem", "respected the right to strike") leaves the saying a statement of its own
(010 and its CAMEO 01 kinds: declined to comment, denied, condolences). A quotation continued without a
reporting verb, "according to X", quotes of residents, parents and companies make no statement. The test
holds the coder to the share of checks it passes and to the negative checks (no statement where there is
none); the rows it fails stay in the file as the work still to do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import events, tsv_rows
from tidings import Event, Pipeline

DATA = Path(__file__).parent / "data"
ROWS = DATA / "sayings.tsv"
ARTICLES = DATA / "sayings"
# Share of rows whose checks all pass (s12-sayings: 131 of 153, main before it 105), and of the rows that
# only forbid a statement or any event (the negatives: quote continuations, "according to", reported acts).
FLOOR = 0.82
NEGATIVE_FLOOR = 0.95
# Constructions taught in session 12 (fragments of the rows): they must keep passing.
TAUGHT = (
    "protests against the new fuel levy were illegal", "arrests were lawful", "the shooting was lawful",
    "declined to comment", "Treasury defended the levy", "Kidnapping has become a business",
    "arrests alone would not solve", "respected the right to strike", "posted on Facebook",
    "would cut the deficit",
    "Ecuador's interior minister told a rally in Quito that crime had fallen by a third.",
    "The Turkish defence ministry said the air strikes were necessary to protect the border.",
)


def _rows() -> list[dict[str, str]]:
    return tsv_rows(ROWS)


def _check(check: str, found: list[Event]) -> bool:
    if check == "none":
        return not found
    if check.startswith("!"):
        return not any(e.cameo.code[:2] == check[1:] for e in found)
    roots, source = check.split(":")
    return any(e.cameo.code[:2] in roots.split("|") and
               (source == "-" or (e.source is not None and e.source.code.startswith(source))) for e in found)


def _outcomes(pipeline: Pipeline) -> Iterator[tuple[dict[str, str], bool]]:
    coded: dict[str, list[Event]] = {}
    for row in _rows():
        name = row["article"]
        if name == "-":
            found = events(pipeline, row["fragment"], None)
        else:
            if name not in coded:
                coded[name] = events(pipeline, (ARTICLES / f"{name}.txt").read_text(encoding="utf-8"), None,
                                     doc_id=name)
            found = [e for e in coded[name] if row["fragment"] in e.evidence]
        yield row, all(_check(check, found) for check in row["expect"].split(";"))


@pytest.fixture(scope="module")
def outcomes(pipeline: Pipeline) -> list[tuple[dict[str, str], bool]]:
    return list(_outcomes(pipeline))


def test_the_set_is_broad() -> None:
    rows = _rows()
    articles = {r["article"] for r in rows} - {"-"}
    assert len(articles) >= 6 and len(rows) >= 140
    for row in rows:
        if row["article"] != "-":
            text = (ARTICLES / f"{row['article']}.txt").read_text(encoding="utf-8")
            assert text.count(row["fragment"]) == 1, row["fragment"]
        for check in row["expect"].split(";"):
            assert check == "none" or check.startswith("!") or ":" in check, check


def test_accuracy_floor(outcomes: list[tuple[dict[str, str], bool]]) -> None:
    failed = [r["fragment"][:50] for r, ok in outcomes if not ok]
    share = 1 - len(failed) / len(outcomes)
    assert share >= FLOOR, f"{share:.3f}; failed: {failed}"


def test_negatives_hold(outcomes: list[tuple[dict[str, str], bool]]) -> None:
    negatives = [(r, ok) for r, ok in outcomes if all(c == "none" or c.startswith("!")
                                                       for c in r["expect"].split(";"))]
    assert len(negatives) >= 8
    share = sum(ok for _, ok in negatives) / len(negatives)
    assert share >= NEGATIVE_FLOOR, [r["fragment"] for r, ok in negatives if not ok]


def test_taught_constructions(outcomes: list[tuple[dict[str, str], bool]]) -> None:
    by_fragment = {r["fragment"]: ok for r, ok in outcomes}
    assert all(f in by_fragment for f in TAUGHT)
    assert [f for f in TAUGHT if not by_fragment[f]] == []


@pytest.mark.parametrize(("sentence", "code"), [
    ("The Danish foreign minister said she was optimistic about the talks with Greenland.", "013"),
    ("Finnish President Mikko Salo said he was pessimistic about relations with Russia.", "012"),
    ("The Honduran foreign ministry said it was confident that the border dispute would be settled.", "013"),
    ("The Honduran foreign ministry said it was not confident that the dispute would be settled.", "010"),
    ("The Belgian interior ministry declined to comment on the investigation.", "011"),
])
def test_kinds_of_statement(pipeline: Pipeline, sentence: str, code: str) -> None:
    """The CAMEO 01 kind the text makes clear (GUIDE section 4): optimism, pessimism, no comment."""
    assert [e.cameo.code for e in events(pipeline, sentence, None) if e.cameo.code[:2] == "01"] == [code]
