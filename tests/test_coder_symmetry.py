"""Symmetric acts (meetings, talks, clashes, cooperation) are one event per ordered pair of parties
(evaluation/gold/GUIDE.md section 3): sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import helpers
from helpers import Triple
from tidings import Article, Pipeline


def triples(pipeline: Pipeline, text: str) -> set[Triple]:
    """(source, target, CAMEO root) of what ``text`` codes."""
    return {(source, target, code[:2]) for source, target, code in helpers.triples(pipeline, text)}


@pytest.mark.parametrize(("text", "a", "b", "root"), [
    ("The Peruvian foreign minister met with his Chilean counterpart in Lima.", "PERGOV", "CHLGOV", "04"),
    ("Kenyan troops clashed with Somali militants near the border on Friday.", "KENMIL", "SOMREB", "19"),
    ("Zambian police are cooperating with Angolan police to catch the smugglers.", "ZMBCOP", "AGOCOP", "06"),
])
def test_a_mutual_verb_with_a_partner_is_told_both_ways(pipeline: Pipeline, text: str, a: str, b: str,
                                                        root: str) -> None:
    found = triples(pipeline, text)
    assert {(a, b, root), (b, a, root)} <= found, found


def test_parties_holding_talks_in_a_city_talk_to_each_other(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Chinese and Russian diplomats held talks in Vienna on Monday.")
    assert {("CHNGOV", "RUSGOV", "04"), ("RUSGOV", "CHNGOV", "04")} <= found, found
    assert not any(t in ("", "AUT") for s, t, root in found if root == "04"), found


@pytest.mark.parametrize("text", [
    "The Peruvian president refused to meet the Chilean president.",
    "The Peruvian president met reporters in Lima.",
])
def test_a_refused_meeting_or_a_press_talk_is_one_way(pipeline: Pipeline, text: str) -> None:
    found = triples(pipeline, text)
    assert found, found
    assert not any(s in ("CHLGOV", "PERMED") or s.endswith("MED") for s, _, _ in found), found


def test_two_parties_of_one_kind_clash_each_way(pipeline: Pipeline) -> None:
    text = "Dozens of militants were wounded in clashes with Kurdish fighters near Kobani."
    found = pipeline.extract(Article("s", text, dt.date(2021, 3, 4)))
    fights = [e for e in found if e.cameo.code[:2] == "19" and e.source and e.target]
    # both sides are rebels of one country: still two events, one per direction, with their own ids
    assert len(fights) == 2 and len({e.event_id for e in fights}) == 2, fights
    assert {e.source.text for e in fights if e.source} == {e.target.text for e in fights if e.target}


def test_one_way_act_between_parties_of_one_kind_stays_one(pipeline: Pipeline) -> None:
    found = pipeline.extract(Article("s", "Syrian rebels attacked other Syrian rebels near Idlib.",
                                     dt.date(2021, 3, 4)))
    assert len([e for e in found if e.cameo.code[:2] == "19"]) == 1, found


@pytest.mark.parametrize(("text", "a", "b", "root"), [
    ("After a meeting with the Chilean president, the Peruvian president flew to Quito.", "PERGOV", "CHLGOV",
     "04"),
    ("The Peruvian president held a meeting with the Chilean president in Lima.", "PERGOV", "CHLGOV", "04"),
    ("Peru signed a fishing agreement with Chile on Monday.", "PER", "CHL", "05"),
    ("Kenyan troops exchanged fire with Somali militants near the border.", "KENMIL", "SOMREB", "19"),
])
def test_meetings_signings_and_exchanges_of_fire_go_both_ways(pipeline: Pipeline, text: str, a: str, b: str,
                                                              root: str) -> None:
    found = triples(pipeline, text)
    assert {(a, b, root), (b, a, root)} <= found, found


def test_a_meeting_is_not_with_the_city_it_is_held_in(pipeline: Pipeline) -> None:
    found = triples(pipeline, "The Peruvian president held a meeting in Geneva.")
    assert not any(s == "CHE" for s, _, _ in found), found


@pytest.mark.parametrize("text", [
    "Peru and Chile held a joint naval exercise off the coast.",
    "Peruvian and Chilean troops began a joint exercise near the border.",
    "Peru held a joint exercise with Chile.",
])
def test_a_joint_exercise_is_cooperation_each_way(pipeline: Pipeline, text: str) -> None:
    found = {(s[:3], t[:3]) for s, t, root in triples(pipeline, text) if root == "06"}
    assert {("PER", "CHL"), ("CHL", "PER")} <= found, found


@pytest.mark.parametrize(("text", "a", "b", "code"), [
    ("Peru and Chile traded accusations over the border dispute.", "PER", "CHL", "11"),
    ("Peru traded accusations with Chile over the border dispute.", "PER", "CHL", "11"),
    ("Peru and Chile exchanged threats on Monday.", "PER", "CHL", "13"),
    ("Kenyan troops traded fire with Somali militants near the border.", "KENMIL", "SOMREB", "19"),
])
def test_what_is_traded_between_two_goes_both_ways(pipeline: Pipeline, text: str, a: str, b: str,
                                                   code: str) -> None:
    found = triples(pipeline, text)
    assert {(a, b, code), (b, a, code)} <= found, found


def test_the_leaders_of_two_countries_meet_each_other(pipeline: Pipeline) -> None:
    found = triples(pipeline, "The foreign ministers of Peru and Chile held talks in Lima.")
    assert {("PERGOV", "CHLGOV", "04"), ("CHLGOV", "PERGOV", "04")} <= found, found
