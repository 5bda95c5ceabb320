"""Who is who in an event (issue 13): actor facts in the packaged data and the sides the coder gives,
tested on sentences written for these tests."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from helpers import roots
from tidings import Article, Pipeline
from tidings.actors import KnowledgeBase

DATA = Path(__file__).resolve().parents[1] / "src" / "tidings" / "actors" / "data"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def sides(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    """(source code, target code, CAMEO root) of each event coded in ``text``."""
    return roots(pipeline, text, dt.date(2022, 5, 6))


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
    ("the Canadian Trade Representative", "CANGOV"),
])
def test_roles_as_the_gold_guide_codes_them(kb: KnowledgeBase, phrase: str, code: str) -> None:
    actor = kb.resolve(phrase.split(), None)
    assert actor is not None and actor.code == code


def test_two_groups_of_one_kind_fight_each_other(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Militants clashed with Kurds near Afrin on Tuesday.")
    assert {("SYRREB", "SYRREB", "19")} == {s for s in found if s[2] == "19"}
    assert len([e for e in pipeline.extract(Article("x", "Militants clashed with Kurds near Afrin.", None))
                if e.cameo.code[:2] == "19"]) == 2  # one event each way


def test_the_other_side_of_a_fight_engaged_in(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Zorvan militiamen engaged in bloody clashes with ISIL near Raqqa.")
    assert ("SYRREB", "SYRREBISI", "19") in found and ("SYRREBISI", "SYRREB", "19") in found
    found = sides(pipeline, "Rebel fighters engaged in a tough battle against Kurdish militias near Afrin.")
    assert ("SYRREB", "SYRREB", "19") in found


def test_a_stretch_of_a_place_is_no_side(pipeline: Pipeline) -> None:
    marched = sides(pipeline, "Demonstrators marched through the streets of Lisbon on Friday.")
    assert ("PRTOPP", "", "14") in marched
    arrested = sides(pipeline, "Five opposition activists were arrested from the Dhaka University area.")
    assert {s for s, _, root in arrested if root == "17"} == {""}


def test_where_a_seizure_happened_is_no_recipient(pipeline: Pipeline) -> None:
    for text in ("The Ghana Revenue Authority has seized 30 pistols at Takoradi.",
                 "Police in Ghana seized drugs at Tema."):
        assert {t for _, t, root in sides(pipeline, text) if root == "17"} == {""}
    fired = sides(pipeline, "Soldiers fired at Tema on Monday.")
    assert ("GHAMIL", "GHA", "19") in fired  # an attack aimed at a place is an attack on it


def test_a_protest_named_by_its_noun_is_by_protesters_against_their_government(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Police used tear gas to disperse an anti-government protest in Lima on Tuesday.")
    assert ("PEROPP", "PERGOV", "14") in found
    found = sides(pipeline, "Several cities in Russia saw unauthorized protests on Wednesday.")
    assert ("RUSOPP", "", "14") in found


def test_protest_sides_need_a_country() -> None:
    from tidings.events.sides import protest_sides
    from tidings.record import Actor

    government = Actor("government", "government", "---GOV", None, "GOV")
    assert protest_sides(None, government, None, "rally") == (None, government)
    source, target = protest_sides(None, government, "CHL", "rally")
    assert source is not None and source.code == "CHLOPP" and source.text == ""  # implied, not written
    assert target is not None and target.code == "CHLGOV"
    assert protest_sides(None, None, "CHL", None) == (None, None)  # a verb's protest names its protesters


def test_a_strike_named_by_its_noun_is_by_strikers(pipeline: Pipeline) -> None:
    text = "Trains stopped across Portugal as a general strike against the government began."
    found = sides(pipeline, text)
    assert ("PRTLAB", "PRTGOV", "14") in found


def test_a_place_taken_by_force_is_the_recipient_and_still_the_place(pipeline: Pipeline) -> None:
    text = "The Islamic State group recaptured Palmyra on Sunday after government troops pulled out."
    taken = [e for e in pipeline.extract(Article("s7", text, None)) if e.cameo.code[:2] == "19"]
    assert [(e.target.code if e.target else "") for e in taken] == ["SYR"]
    assert taken[0].location is not None and taken[0].location.country == "SYR"


@pytest.mark.parametrize(("phrase", "code"), [
    ("BNP activists", "BGDPTY"), ("United Russia", "RUSPTY"), ("the ANC", "ZAFPTY"),
    ("Likud lawmakers", "ISRPTY"),
])
def test_a_party_and_its_people_are_the_party(kb: KnowledgeBase, phrase: str, code: str) -> None:
    actor = kb.resolve(phrase.split(), None)
    assert actor is not None and actor.code[:6] == code


def test_a_place_held_by_a_group_stands_for_the_group(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Loyalist troops launched an offensive against Houthi-held villages near Marib.")
    assert ("YEMMIL", "YEMREB", "19") in {(s, t[:6], root) for s, t, root in found}



def test_an_official_visit_is_made_by_the_visitor(pipeline: Pipeline) -> None:
    text = "During her official visit to Peru, Prime Minister Ana Brnabic toured a port near Lima."
    visits = {(s, t) for s, t, root in sides(pipeline, text) if root == "04"}
    assert visits and not any("---GOV" in pair for pair in visits)
