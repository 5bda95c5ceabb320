"""False and double events on real news pages, session 12: sentences and short passages written for tidings
(tests/data/page_negatives.tsv) in the styles the coder met on unseen news -- a match report's "blast" or
"hit", a word in another sense (figures released, a position taken, a lawsuit that has hung over someone),
crime between private persons, practices and types told in general, travel home, history -- and acts told
twice (an apposition that lists the members of a class, a protest and its aim, an arrest or a shelling told
again), with real events in the same settings beside them ("near"), which must still be coded. The test holds
the coder to a ceiling of false sentences, a floor of near ones and a floor of doubles told once; the rows
it still gets wrong stay in the file as the work to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import events, tsv_rows
from tidings import Event, Pipeline
from tidings.errors import EmptyDocument

DATA = Path(__file__).parent / "data" / "page_negatives.tsv"
KINDS = ("business", "crime", "disaster", "double", "entertainment", "generic", "history", "listing",
         "near", "obituary", "opinion", "outlet", "question", "quote", "review", "science", "sense", "sports",
         "travel")
# Negative rows with any event (main before session 12: 16 of 76; after: 8), near rows with an event of the
# expected root and no more events than the count (before: 19 of 28; after: 19), double rows within their
# count (before: 5 of 10; after: 8).
FALSE_CEILING = 8
NEAR_FLOOR = 19
DOUBLE_FLOOR = 8


def _rows() -> list[dict[str, str]]:
    return tsv_rows(DATA)


def _coded(pipeline: Pipeline, text: str) -> list[Event]:
    try:
        return events(pipeline, text)
    except EmptyDocument:
        return []


def _right(pipeline: Pipeline, row: dict[str, str]) -> bool:
    found = _coded(pipeline, row["sentence"])
    if row["root"] == "-":
        return not found
    return any(e.cameo.code[:2] == row["root"] for e in found) and len(found) <= int(row["count"])


@pytest.fixture(scope="module")
def right_by_kind(pipeline: Pipeline) -> dict[str, list[bool]]:
    out: dict[str, list[bool]] = {kind: [] for kind in KINDS}
    for row in _rows():
        out[row["kind"]].append(_right(pipeline, row))
    return out


def test_the_file_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 80
    assert {r["kind"] for r in rows} == set(KINDS)
    assert len({r["sentence"] for r in rows}) == len(rows)
    assert all((r["root"] == "-") == (r["count"] == "0") for r in rows)
    assert all(r["root"] != "-" for r in rows if r["kind"] in ("near", "double"))


def test_false_events_stay_under_the_ceiling(right_by_kind: dict[str, list[bool]]) -> None:
    false = {k: v.count(False) for k, v in right_by_kind.items() if k not in ("near", "double")}
    assert sum(false.values()) <= FALSE_CEILING, false


def test_real_events_beside_them_are_still_coded(right_by_kind: dict[str, list[bool]]) -> None:
    assert sum(right_by_kind["near"]) >= NEAR_FLOOR, right_by_kind["near"]


def test_one_act_is_coded_once(right_by_kind: dict[str, list[bool]]) -> None:
    assert sum(right_by_kind["double"]) >= DOUBLE_FLOOR, right_by_kind["double"]
