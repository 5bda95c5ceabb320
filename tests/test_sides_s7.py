"""Who is who in an event (issue 13): actor facts in the packaged data and the sides the coder gives,
tested on sentences written for these tests."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tidings.actors import KnowledgeBase

DATA = Path(__file__).resolve().parents[1] / "src" / "tidings" / "actors" / "data"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r and not r[0].startswith("#") and r[0] != "code"]


def test_no_group_is_named_by_a_country_name() -> None:
    countries = {n.lower() for r in _rows("countries.tsv") for cell in r[1:4] for n in cell.split("|") if n}
    clashes = [(r[0], n) for r in _rows("phoenix_organisations.tsv") for n in [r[1], *r[2].split("|")]
               if n and n.lower() in countries]
    assert clashes == []


@pytest.mark.parametrize(("phrase", "code"), [
    ("Bolivia", "BOL"), ("Colombia", "COL"), ("South Africa", "ZAF"), ("the Bolivian army", "BOLMIL"),
])
def test_a_country_name_is_the_country(kb: KnowledgeBase, phrase: str, code: str) -> None:
    actor = kb.resolve(phrase.split(), None)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(("phrase", "code"), [
    ("the People's Protection Units", "SYRREBYPG"), ("Kurdish People's Protection Units", "SYRREBYPG"),
    ("the New People's Army", "PHLREBNPA"), ("Egypt's army", "EGYMIL"), ("Egypt's people", "EGYCVL"),
])
def test_a_possessive_inside_a_name_matches_the_name_only(kb: KnowledgeBase, phrase: str, code: str) -> None:
    actor = kb.resolve(phrase.split(), None)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(("phrase", "code"), [
    ("officers", "---COP"), ("security forces", "---COP"), ("the Peruvian security forces", "PERCOP"),
    ("army officers", "---MIL"), ("Kurds", "---REB"), ("Syrian Kurds", "SYRREB"),
])
def test_roles_as_the_gold_guide_codes_them(kb: KnowledgeBase, phrase: str, code: str) -> None:
    actor = kb.resolve(phrase.split(), None)
    assert actor is not None and actor.code == code
