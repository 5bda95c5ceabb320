"""Events with a side missing or named by kind only (tidings.events.sides), and the words of violence that
report none: sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import Article, Event, Pipeline
from tidings.events.sides import admissible, complete, localise
from tidings.record import Actor


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.extract(Article("s", text, dt.date(2021, 3, 4)))


def triples(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return {(e.source.code if e.source else "", e.target.code if e.target else "", e.cameo.code)
            for e in events(pipeline, text)}


def roots(pipeline: Pipeline, text: str) -> set[str]:
    return {code[:2] for _, _, code in triples(pipeline, text)}


GENERIC = Actor("gunmen", "gunmen", "---REB", None, "REB")
NAMED = Actor("Chile", "Chile", "CHL", "CHL", None)


def test_the_policy_follows_plover_on_recipients() -> None:
    assert admissible("190", GENERIC, None)  # ASSAULT: no recipient needed, a generic actor is enough
    assert admissible("173", None, GENERIC)  # COERCE: "were arrested", no actor needed
    assert not admissible("0234", NAMED, None)  # an appeal to nobody
    assert not admissible("073", NAMED, None)  # AID requires a recipient
    assert not admissible("161", NAMED, None)  # so does SANCTION
    assert not admissible("112", None, NAMED)  # a verbal act needs someone who acts
    assert not admissible("112", GENERIC, GENERIC)  # and someone identifiable
    assert admissible("112", NAMED, None)  # ACCUSE needs no recipient


def test_generic_sides_take_the_country_of_the_place_of_a_conflict() -> None:
    assert localise(GENERIC, "KEN") == Actor("gunmen", "gunmen", "KENREB", "KEN", "REB")
    assert localise(NAMED, "KEN") is NAMED
    sides = complete("190", None, None, ("Mombasa", "KEN"))
    assert sides is not None and sides[0] is None and sides[1] is not None and sides[1].code == "KEN"
    assert complete("190", None, None, None) is None  # nowhere and nobody: not an event
    said = complete("018", GENERIC, NAMED, ("Lima", "PER"))  # a comment made about a place
    assert said is not None and said[0] is not None and said[0].code == "---REB"


@pytest.mark.parametrize(("text", "root"), [
    ("A car bomb went off near a busy market in Baghdad.", "18"),
    ("Several shops were looted in Durban overnight.", "17"),
    ("Unknown attackers torched two buses in Karachi.", "17"),
    ("Two policemen were kidnapped in Kaduna on Friday.", "18"),
])
def test_an_act_with_no_side_named_is_placed(pipeline: Pipeline, text: str, root: str) -> None:
    assert root in roots(pipeline, text)


def test_a_topic_noun_with_no_actor_is_no_event(pipeline: Pipeline) -> None:
    assert not triples(pipeline, "Residents of Kabul live in fear of a new attack.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Thousands of demonstrators gathered outside parliament in Ankara.", ("TUROPP", "141")),
    ("Hundreds of farmers assembled in Lima in protest at the new water law.", ("PERAGR", "141")),
    ("A group of gunmen opened fire on a minibus in Peshawar.", ("PAKREB", "190")),
    ("Dozens of students were detained by police in Lagos.", ("NGACOP", "173")),
])
def test_counted_and_generic_actors(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    found = triples(pipeline, text)
    assert any(expected[0] in (s, t) and code == expected[1] for s, t, code in found), found


def test_gathering_alone_is_no_protest(pipeline: Pipeline) -> None:
    assert "14" not in roots(pipeline, "Families gathered in Lima for the wedding of the mayor's daughter.")


def test_clashes_between_two_parties_go_both_ways(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Clashes erupted between Indian troops and Pakistani soldiers on Tuesday.")
    assert {("INDMIL", "PAKMIL", "190"), ("PAKMIL", "INDMIL", "190")} <= found


def test_who_claims_an_attack_made_it(pipeline: Pipeline) -> None:
    found = triples(pipeline, "The Taliban claimed responsibility for the bombing of a police post.")
    assert any(s.startswith("AFGREB") and code.startswith("19") for s, _, code in found), found


@pytest.mark.parametrize("text", [
    "The storm hit the coast of Mozambique on Sunday.",
    "A landslide killed twelve villagers in Nepal.",
    "Heavy flooding destroyed hundreds of homes in Bangladesh.",
    "Real Madrid crushed Barcelona 4-0 in the league on Saturday.",
    "Brazil beat Argentina in the final of the tournament.",
    "The children took turns beating a piñata at the party in Mexico.",
    "Protesters hanged an effigy of Nicolas Maduro in Caracas.",
])
def test_words_of_violence_that_report_none(pipeline: Pipeline, text: str) -> None:
    assert not roots(pipeline, text) & {"18", "19", "20"}, triples(pipeline, text)


def test_a_promise_to_nobody_is_not_stored(pipeline: Pipeline) -> None:
    assert not triples(pipeline, "The president of Peru promised a better future.")


@pytest.mark.parametrize(("text", "root"), [
    ("A grenade exploded in a crowded market in Davao on Monday.", "18"),
    ("A roadside bomb went off near a police convoy in Helmand.", "18"),
    ("Four soldiers were wounded in a roadside blast in Kandahar.", "18"),  # 1833, a roadside bombing
    ("Two women blew themselves up near a mosque in Maiduguri.", "18"),
    ("Militants hurled a grenade at a police post in Srinagar.", "18"),
    ("Kurdish fighters recaptured the town of Tal Abyad from the jihadists.", "19"),
    ("Three civilians died in an airstrike on a village near Idlib.", "19"),
])
def test_attacks_by_their_means(pipeline: Pipeline, text: str, root: str) -> None:
    assert root in roots(pipeline, text), triples(pipeline, text)


@pytest.mark.parametrize("text", [
    "Tensions exploded in Davao after the vote.",
    "A gas explosion at a chemical plant killed nine workers in Texas.",
    "Several hikers were injured in Auckland after the volcano erupted.",
    "Two hundred people died of cholera in Yemen last month.",
])
def test_harm_without_an_attack_is_no_assault(pipeline: Pipeline, text: str) -> None:
    assert not roots(pipeline, text) & {"18", "19", "20"}, triples(pipeline, text)


@pytest.mark.parametrize(("text", "root"), [
    ("Chlorine bombs were dropped on a town in northern Syria, the watchdog said.", "19"),
    ("Police carried out the violent dispersal of a sit-in outside the ministry in Khartoum.", "17"),
    ("Masked men set fire to a mosque in the north of Sweden.", "17"),
])
def test_more_means_and_places(pipeline: Pipeline, text: str, root: str) -> None:
    assert root in roots(pipeline, text), triples(pipeline, text)


def test_an_explosion_alone_may_be_an_accident(pipeline: Pipeline) -> None:
    assert not triples(pipeline, "More explosions shook the warehouse district of Tianjin on Friday.")
    for text in ("A bomb blast killed six people at a market in Quetta.",
                 "Six people were killed in a bomb blast at a market in Quetta."):
        assert roots(pipeline, text) & {"18", "19"}, triples(pipeline, text)


def test_harm_in_a_disaster_with_nobody_acting_is_the_disaster(pipeline: Pipeline) -> None:
    text = "Rescuers said dozens of villagers were killed in Sumatra as the typhoon passed."
    assert not triples(pipeline, text)
    # a named perpetrator still acts
    found = triples(pipeline, "Israeli troops shot two protesters in Gaza on the day the storm arrived.")
    assert any(s.startswith("ISR") for s, _, _ in found), found
