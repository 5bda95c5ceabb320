"""False events on news pages: sentences written for tidings (tests/data/cameo_negatives.tsv) that hold a word
of an event but report no political event (evaluation/gold/GUIDE.md section 1) -- games, markets and deals
between firms, disasters and accidents, crime between private persons, trial procedure, idioms and metaphors,
titles and plots of works, page furniture, history, general statements and questions, private persons
speaking or celebrating -- and beside them real events in the same settings ("near"), which must still be
coded. The test holds the coder to a ceiling of false events and a floor of the near events; the sentences
it still gets wrong stay in the file as the work to do."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from helpers import Triple, score_row, triples, tsv_rows
from tidings import Pipeline
from tidings.errors import EmptyDocument

DATA = Path(__file__).parent / "data" / "cameo_negatives.tsv"
KINDS = ("business", "court", "crime", "disaster", "furniture", "generic", "history", "idiom", "near",
         "private", "sports", "title")
# Share of negative sentences with any event (before the rules of session 9: 29 of 143; after: 5), and of near
# sentences with an event of the expected root (before: 20 of 29; after: 21).
FALSE_CEILING = 0.05
NEAR_FLOOR = 0.7
# Kinds a rule now covers: at most this many false sentences each.
KIND_CEILINGS = {"sports": 1, "title": 0, "business": 0, "furniture": 0, "generic": 0, "court": 0,
                 "private": 1, "idiom": 1, "history": 1, "crime": 0, "disaster": 1}


def _rows() -> list[dict[str, str]]:
    return tsv_rows(DATA)


def _coded(pipeline: Pipeline, sentence: str) -> set[Triple]:
    try:
        return triples(pipeline, sentence)
    except EmptyDocument:  # a line of page furniture alone leaves nothing to code: no event
        return set()


@pytest.fixture(scope="module")
def false_by_kind(pipeline: Pipeline) -> dict[str, list[bool]]:
    """Per kind of negative: whether each sentence gave any event."""
    out: dict[str, list[bool]] = defaultdict(list)
    for row in _rows():
        if row["root"] == "-":
            out[row["kind"]].append(bool(_coded(pipeline, row["sentence"])))
    return out


def test_the_file_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 150
    assert {r["kind"] for r in rows} == set(KINDS)
    assert len({r["sentence"] for r in rows}) == len(rows)
    assert all((r["root"] == "-") == (r["kind"] != "near") for r in rows)
    assert sum(r["kind"] == "near" for r in rows) >= 20


def test_false_events_stay_under_the_ceiling(false_by_kind: dict[str, list[bool]]) -> None:
    flat = [f for per_kind in false_by_kind.values() for f in per_kind]
    report = " ".join(f"{k}:{sum(v)}/{len(v)}" for k, v in sorted(false_by_kind.items()))
    assert sum(flat) / len(flat) <= FALSE_CEILING, report


@pytest.mark.parametrize("kind", sorted(KIND_CEILINGS))
def test_covered_kinds_stay_clean(false_by_kind: dict[str, list[bool]], kind: str) -> None:
    assert sum(false_by_kind[kind]) <= KIND_CEILINGS[kind], false_by_kind[kind]


def test_real_events_beside_them_are_still_coded(pipeline: Pipeline) -> None:
    near = [score_row(pipeline, {**r, "source": "-", "target": "-"}) for r in _rows() if r["kind"] == "near"]
    assert sum(root for root, _ in near) / len(near) >= NEAR_FLOOR
