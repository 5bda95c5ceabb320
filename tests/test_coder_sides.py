"""Events with a side missing or named by kind only (tidings.events.sides), and the words of violence that
report none: sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import triples
from tidings import Pipeline
from tidings.events.sides import admissible, complete, localise
from tidings.record import Actor


def roots(pipeline: Pipeline, text: str) -> set[str]:
    return {code[:2] for _, _, code in triples(pipeline, text)}


GENERIC = Actor("gunmen", "gunmen", "---UAF", None, "UAF")
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
    assert localise(GENERIC, "KEN") == Actor("gunmen", "gunmen", "KENUAF", "KEN", "UAF")
    assert localise(NAMED, "KEN") is NAMED
    # an attack with no side named stands where its place is known, both sides left empty (GDELT)
    assert complete("190", None, None, ("Mombasa", "KEN")) == (None, None)
    assert complete("190", None, None, ("Mombasa", "KEN"), dyadic=True) is None
    assert complete("190", None, None, None) is None  # nowhere and nobody: not an event
    said = complete("018", GENERIC, NAMED, ("Lima", "PER"))  # a comment made about a place
    assert said is not None and said[0] is not None and said[0].code == "---UAF"


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
    ("A group of gunmen opened fire on a minibus in Peshawar.", ("PAKUAF", "190")),
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
    found = triples(pipeline, "The Taliban claimed responsibility for Sunday's bombing of a police post.")
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


@pytest.mark.parametrize(("text", "expected"), [
    # where it happened is no recipient: the protest and the raid have no one named as their target
    ("Protesters gathered in Nairobi on Friday.", ("KENOPP", "", "14")),
    ("Riot police fired tear gas in Mombasa on Monday.", ("KENCOP", "", "17")),
    # a place that is itself what was attacked is the recipient
    ("Turkey shelled a town in northern Syria on Tuesday.", ("TUR", "SYR", "19")),
])
def test_a_place_is_a_recipient_only_when_it_is_acted_on(
        pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    found = {(s, t, code[:2]) for s, t, code in triples(pipeline, text)}
    assert expected in found, found


def test_talks_held_in_a_country_are_not_talks_with_it(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Kenya's foreign minister held talks in Geneva on Monday.")
    assert found and all("CHE" not in (s, t) for s, t, _ in found), found


def test_a_transnational_group_is_coded_where_it_fights(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Islamic State militants attacked a checkpoint in Mosul on Sunday.")
    assert any(s.startswith("IRQREB") and code[:2] in ("18", "19") for s, _, code in found), found


def test_people_who_protest_are_protesters(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Thousands of people marched in Santiago in protest against the pension law.")
    assert any(s == "CHLOPP" and code[:2] == "14" for s, _, code in found), found


def test_a_local_group_takes_the_one_country_the_article_names(pipeline: Pipeline) -> None:
    text = ("Voters in Ghana chose a new parliament on Saturday.\n\n"
            "On Monday, police detained four journalists who had filmed the count.")
    found = triples(pipeline, text)
    assert ("GHACOP", "GHAMED", "173") in found or any(
        s == "GHACOP" and t == "GHAMED" and code[:2] == "17" for s, t, code in found), found


def test_a_country_named_with_another_leaves_a_group_without_one() -> None:
    from tidings.mentions.stage import ArticleMentions

    mentions = ArticleMentions(places={0: ("TUR", "SYR"), 1: ()})
    assert mentions.context_country(0) is None  # two countries in the sentence, none leads the article
    assert mentions.context_country(1) is None  # and the article names two
    assert ArticleMentions(places={0: ("GHA",), 1: ()}).context_country(1) == "GHA"


def test_a_crowd_with_no_one_else_named_is_who_protests() -> None:
    crowd = Actor("hundreds of workers", "workers", "---LAB", None, "LAB")
    sides = complete("141", None, crowd, ("Lima", "PER"))
    assert sides is not None and sides[1] is None and sides[0] is not None and sides[0].code == "PERLAB"


def test_forces_moved_by_a_show_of_force_are_no_recipient() -> None:
    troops = Actor("troops", "troops", "---MIL", None, "MIL")
    sides = complete("154", NAMED, troops, None)
    assert sides == (NAMED, None)
    enemy = Actor("Peruvian troops", "Peru troops", "PERMIL", "PER", "MIL")
    assert complete("154", NAMED, enemy, None) == (NAMED, enemy)  # another country's forces are


def test_who_fought_those_killed_in_clashes_with_them(pipeline: Pipeline) -> None:
    text = "Dozens of militants were killed and wounded in heavy clashes with Kurdish fighters near Kobani."
    found = triples(pipeline, text)
    # two groups of one kind fight each other; the participle shares the passive ("and wounded")
    assert any(s == "SYRREB" and t == "SYRREB" and code[:2] in ("18", "19") for s, t, code in found), found
    assert not any(s == "SYRREB" and t == "" for s, t, _ in found), found


@pytest.mark.parametrize("text", [
    "Four soldiers were injured in clashes with the rebels near Gao.",
    "Two soldiers were killed in fighting with rebels outside the town of Gao.",
])
def test_harm_in_a_mutual_act_gives_the_act_both_ways(pipeline: Pipeline, text: str) -> None:
    found = {(s[3:], t[3:]) for s, t, code in triples(pipeline, text) if code[:2] == "19"}
    # the wounded and the ones they fought, each the source once (one event per direction)
    assert {("MIL", "REB"), ("REB", "MIL")} <= found, found


def test_a_country_reporting_its_own_forces_accuses_no_one(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Zambia said Zambian soldiers killed four poachers near the border.")
    assert not any(code == "112" for _, _, code in found), found
    found = triples(pipeline, "Zambia said Angolan soldiers killed four farmers near the border.")
    assert ("ZMB", "AGOMIL", "112") in found, found


def test_a_town_named_by_of_is_what_was_attacked(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Saudi warplanes pounded the northern city of Saada.")
    assert any(s == "SAUMIL" and t == "YEM" and code[:2] == "19" for s, t, code in found), found


def test_who_an_attack_was_repelled_from(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Kenyan forces repelled an attack by Somali militants near the border.")
    # the act answers the attackers: they are its target
    assert ("KENMIL", "SOMREB", "190") in found, found
