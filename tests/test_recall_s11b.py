"""Recall constructions of session 11, second round (sentences written for tidings, in new words): a
statement of a political actor whose said-clause reports only a crime between private persons, which is no
event (GUIDE section 1), stands as a statement of its own (010, GUIDE section 4); a said-clause that reports
political violence stays that act's attribution. Police shooting or attacking a civilian is an assault
(root 18), not a fight between armed forces (GUIDE section 2 on killings). Terms agreed between parties
("agreed new quotas") are a formal agreement (057), as a deal is. A participle of saying after a text
issued ("issued a statement on Monday saying ...") is the issuer's statement, with no comma needed.
Condolences tweeted are sympathy (018). Police trying to identify or trace someone are investigating
(090)."""

from __future__ import annotations

from helpers import roots
from tidings import Pipeline


def test_police_telling_of_a_private_stabbing_make_a_statement(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Police in Leeds said a man stabbed his neighbour outside a pub.")
    assert any(src.endswith("COP") and root == "01" for src, _, root in found)
    assert not any(root == "18" for _, _, root in found)  # the stabbing itself is private crime


def test_a_saying_after_a_private_assault_makes_a_statement(pipeline: Pipeline) -> None:
    found = roots(pipeline, "A man punched his neighbour in a Tulsa car park, police said.")
    assert any(src.endswith("COP") and root == "01" for src, _, root in found)


def test_reported_political_violence_stays_an_attribution(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Police said gunmen attacked a checkpoint near Kirkuk before dawn.")
    assert any(root == "19" for _, _, root in found)
    assert not any(root == "01" for _, _, root in found)


def test_police_shooting_a_civilian_is_an_assault(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Officers in Denver shot and killed a man who was holding a kitchen knife on "
                            "Tuesday.")
    assert ("USACOP", "USACVL", "18") in found
    assert not any(root == "19" for _, _, root in found)


def test_police_firing_at_gunmen_stays_a_fight(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Police exchanged fire with gunmen near the border crossing at Torkham.")
    assert any(root == "19" for _, _, root in found)
    assert not any(root == "18" for _, _, root in found)


def test_police_firing_on_protesters_stays_repression(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Police fired on protesters outside the parliament in Nairobi.")
    assert any(root == "17" for _, _, root in found)


def test_terms_agreed_between_two_states_are_a_formal_agreement(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Chile and Peru agreed new fishing quotas on Monday.")
    assert ("CHL", "PER", "05") in found and ("PER", "CHL", "05") in found


def test_agreeing_to_cooperate_stays_an_intent(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Ghana and Togo agreed to cooperate on border security.")
    assert ("GHA", "TGO", "03") in found


def test_a_statement_issued_with_a_saying_participle_is_a_statement(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The Kenyan government issued a statement on Monday saying the drought had "
                            "eased.")
    assert ("KENGOV", "", "01") in found


def test_an_act_reported_in_an_issued_statement_stays_the_event(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The Kenyan army released a statement saying its troops had shelled rebel "
                            "positions near Garissa.")
    assert any(root == "19" for _, _, root in found)
    assert not any(root == "01" for _, _, root in found)


def test_condolences_tweeted_are_an_empathetic_comment(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The Finnish prime minister tweeted his condolences to the family of the "
                            "victims.")
    assert any(src == "FINGOV" and root == "01" for src, _, root in found)


def test_police_trying_to_trace_someone_are_investigating(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Police in Ohio are trying to identify the driver of the van.")
    assert any(src.endswith("COP") and root == "09" for src, _, root in found)


def test_private_people_trying_to_locate_something_make_no_event(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Volunteers in Ohio are trying to locate a missing dog.")
    assert not any(root == "09" for _, _, root in found)
