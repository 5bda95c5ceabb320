"""Acts between two known sides that the coder left uncoded, session 11: a group named by a two-word role
phrase whose head alone names no actor ("coast guard", "clan elders"). Sentences, names and places are
made up for these tests."""

from __future__ import annotations

import pytest

from helpers import triples
from tidings import Pipeline

# --- a role phrase of the sector data names its group although its head alone names nobody

@pytest.mark.parametrize(("text", "expected"), [
    ("The clan elders thanked the Somali army for reopening the market.", ("SOMCVL", "SOMMIL", "051")),
    ("Village elders in Turkana praised the Kenyan army.", ("KENCVL", "KENMIL", "051")),
    ("The tribal elders met the Malian general in Gao.", ("MLICVL", "MLIMIL", "040")),
])
def test_elders_are_civilians(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


def test_a_two_word_role_phrase_acts(pipeline: Pipeline) -> None:
    found = triples(pipeline, "The coast guard rescued Haitian migrants off Inagua.")
    assert any(s.endswith("MIL") and t.startswith("HTI") and c == "073" for s, t, c in found)


def test_a_role_word_modifying_a_thing_is_still_nobody(pipeline: Pipeline) -> None:
    # "military support": the role word modifies a thing, which names no actor
    found = triples(pipeline, "Military support thanked the Somali army.")
    assert not any(s for s, _, _ in found)


# --- putting pressure on someone coerces them (170), as the Phoenix verb dictionary files "pressure"

@pytest.mark.parametrize(("text", "expected"), [
    ("Chile puts pressure on Bolivia and blocks the talks, analysts believe.", ("CHL", "BOL", "170")),
    ("Moscow has exerted pressure on Minsk to accept the loan.", ("RUS", "BLR", "170")),
    ("Washington piled pressure on Caracas over the vote.", ("USA", "VEN", "170")),
])
def test_putting_pressure_on_a_side(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


def test_pressure_as_a_subject_is_no_act(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Pressure on Lebanon was rising, analysts said.")
    assert not any(c == "170" for _, _, c in found)


# --- a reporting verb gives way to the act its object names, with the preposition the parser hung on the
# verb ("announced tariffs on X": the tariffs are on X)

@pytest.mark.parametrize(("text", "expected"), [
    ("Lisbon announced tariffs on Moroccan tomatoes.", ("PRT", "MAR", "163")),
    ("Oslo declared a ban on Russian trawlers.", ("NOR", "RUS", "172")),
])
def test_an_announced_act_with_its_preposition(pipeline: Pipeline, text: str,
                                              expected: tuple[str, str, str]) -> None:
    found = triples(pipeline, text)
    assert expected in found
    assert not any(c.startswith("01") for _, _, c in found)


def test_a_date_after_the_object_is_no_target(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Lisbon announced the tariffs on Monday.")
    assert not any(c == "163" for _, _, c in found)


# --- an act named in the "of" phrase of an announcement is the announcer's act

@pytest.mark.parametrize(("text", "expected"), [
    ("The trigger was the announcement by Lisbon of tariffs on Moroccan tomatoes.", ("PRT", "MAR", "163")),
    ("The announcement by Oslo of sanctions against Belarus angered Minsk.", ("NOR", "BLR", "163")),
    ("Madrid's announcement of a ban on Moroccan fishing boats surprised Rabat.", ("ESP", "MAR", "172")),
])
def test_an_announced_act_named_by_nouns(pipeline: Pipeline, text: str,
                                        expected: tuple[str, str, str]) -> None:
    found = triples(pipeline, text)
    assert expected in found
    assert not any(c.startswith("01") for _, _, c in found)


def test_an_announcement_on_a_topic_is_still_no_act(pipeline: Pipeline) -> None:
    # "of" after a noun that is no announcement names a topic ("the cost of sanctions")
    found = triples(pipeline, "Oslo studied the cost of sanctions against Belarus.")
    assert not any(c == "163" for _, _, c in found)


# --- the recipient of an event noun that the parser hung on its "by" agent

@pytest.mark.parametrize(("text", "expected"), [
    ("A visit by a delegation from Ghana to Togo was postponed.", ("GHAGOV", "TGO", "042")),
    ("The visit by a Ghanaian delegation to Lome ended on Friday.", ("GHAGOV", "TGO", "042")),
])
def test_a_visit_by_an_agent_to_a_place(pipeline: Pipeline, text: str,
                                        expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


# --- condoling with someone (018); addressing a group of people or a body (010 to it)

@pytest.mark.parametrize(("text", "expected"), [
    ("President Ruto condoled with the family of the slain Kenyan officer.", ("KENGOV", "KENCVL", "018")),
    ("The Pakistani army chief addressed tribal elders in Wana.", ("PAKMIL", "PAKCVL", "010")),
    ("The Kenyan president addressed parliament on Tuesday.", ("KENGOV", "KENLEG", "010")),
])
def test_condoling_and_addressing(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


def test_addressing_a_problem_is_no_speech(pipeline: Pipeline) -> None:
    assert not triples(pipeline, "The Kenyan minister addressed concerns about the new tax.")


# --- retaliating or responding with a sanction is the sanction (163), not a fight

@pytest.mark.parametrize(("text", "expected"), [
    ("Beijing retaliated with tariffs on American soybeans.", ("CHN", "USA", "163")),
    ("Moscow responded with sanctions against Latvia.", ("RUS", "LVA", "163")),
])
def test_retaliating_with_a_sanction(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    found = triples(pipeline, text)
    assert expected in found
    assert not any(c.startswith("19") for _, _, c in found)


# --- the recipient of aid that the parser took for a compound of what is given ("offered the family aid")

@pytest.mark.parametrize(("text", "expected"), [
    ("The Kenyan president offered the family assistance.", ("KENGOV", "KENCVL", "033")),
    ("Germany offered the refugees shelter.", ("DEU", "DEUREF", "0333")),
])
def test_a_recipient_parsed_as_a_compound(pipeline: Pipeline, text: str,
                                          expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


def test_the_kind_of_aid_is_no_recipient(pipeline: Pipeline) -> None:
    # "military assistance" is what is given, not assistance to the military
    found = triples(pipeline, "Japan offered the military assistance.")
    assert not any(t.endswith("MIL") for _, t, _ in found)


# --- a word of support said in any channel ("tweeted", "reaffirmed", "reiterated" his support for X): 051

@pytest.mark.parametrize(("text", "expected"), [
    ("The Ghanaian president reaffirmed his support for the Togolese cabinet.", ("GHAGOV", "TGOGOV", "051")),
    ("Tokyo reiterated its backing for Manila.", ("JPN", "PHL", "051")),
])
def test_support_restated(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


# --- aid handed out ("distributed food to X") and care given ("provided medical care to X")

@pytest.mark.parametrize(("text", "expected"), [
    ("The Kenyan army distributed food to villagers in Turkana.", ("KENMIL", "KENCVL", "073")),
    ("The Nigerian army provided medical care to Chadian refugees.", ("NGAMIL", "TCDREF", "073")),
])
def test_aid_handed_out(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


def test_leaflets_are_no_aid(pipeline: Pipeline) -> None:
    assert not triples(pipeline, "The Kenyan police distributed leaflets to residents.")


# --- a court ruling against a party, or throwing out its appeal, rejects it (120)

@pytest.mark.parametrize(("text", "expected"), [
    ("The Zambian High Court ruled against the opposition leader.", ("ZMBJUD", "ZMBOPP", "120")),
    ("The Zambian High Court threw out the opposition leader's appeal.", ("ZMBJUD", "ZMBOPP", "120")),
])
def test_a_ruling_against_a_party(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


def test_throwing_out_diplomats_is_no_ruling(pipeline: Pipeline) -> None:
    assert not any(c == "120" for _, _, c in triples(pipeline, "Nigeria threw out two French diplomats."))


# --- assuring someone of support promises it (032), with "of" hung on the one assured

def test_assured_of_support(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Herders assured the Malian army of their full support.")
    assert ("MLICVL", "MLIMIL", "032") in found or ("MLIAGR", "MLIMIL", "032") in found
