"""Statements on real news (session 11): sentences written for these tests, with made-up content, names and
places."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import Triple, triples
from tidings import Article, Pipeline
from tidings.events.statements import _quoted


def statements(pipeline: Pipeline, text: str) -> set[Triple]:
    """The root-01 triples of ``text`` (source code cut to six characters)."""
    return {(s[:6], t[:6], c) for s, t, c in triples(pipeline, text) if c.startswith("01")}


# ------------------------------------------------------------- the head of an IGO speaking again as "he"
@pytest.mark.parametrize("text", [
    "UN Secretary-General Antonio Guterres arrived in Nairobi on Monday. He said the drought was the worst "
    "the region had seen in forty years.",
    "Antonio Guterres, the UN chief, opened the conference in Vienna. \"Debts are the heaviest burden of the "
    "poorest nations,\" he stressed.",
])
def test_an_igo_head_known_by_name_is_he(pipeline: Pipeline, text: str) -> None:
    assert ("IGOUNO", "", "010") in statements(pipeline, text)


# ------------------------------------------- a title set off from the name by a comma ("City Mayor, X")
@pytest.mark.parametrize("text, expected", [
    ("Lusaka Mayor, Tomas Mwale opened the new market on Monday. Mwale however said the stalls would "
     "only be let in the spring.", ("ZMBGOV", "", "010")),
    ("Kabwe councillor, Peter Banda spoke at the meeting in Zambia. Banda argued that the old road "
     "should carry the name of a teacher.", ("ZMBGOV", "", "010")),
])
def test_a_title_before_a_comma_names_the_person(pipeline: Pipeline, text: str, expected: Triple) -> None:
    assert expected in statements(pipeline, text)


@pytest.mark.parametrize("text", [
    "In Lusaka, Tomas Mwale opened a bakery. Mwale said the bread would be cheap.",
    "Speaking to the minister, Jane Mbeki praised the bread. Mbeki said the bread was the best in town.",
])
def test_a_place_or_an_addressee_before_a_comma_is_no_title(pipeline: Pipeline, text: str) -> None:
    assert not statements(pipeline, text)


# ------------------------------------------ a title in apposition after the name ("X, the mayor of Y,")
def test_a_title_after_the_name_names_the_person(pipeline: Pipeline) -> None:
    text = ("Tomas Mwale, the mayor of Lusaka, opened the market on Monday. Mwale said the stalls would be "
            "let in the spring.")
    assert ("ZMBGOV", "", "010") in statements(pipeline, text)


@pytest.mark.parametrize("text", [
    "John Tembo, a former mayor of Ndola, opened a bakery. Tembo said the bread would be cheap.",
    "Jane Okafor, a professor at the University of Lusaka, spoke on Friday. Okafor said the bread was cheap.",
])
def test_a_former_or_unpolitical_title_after_the_name_makes_no_speaker(pipeline: Pipeline, text: str) -> None:
    assert not statements(pipeline, text)


# --------------------------------------------------- "speaking to X, the minister said ...": the addressee
def test_speaking_to_a_group_makes_it_the_addressee(pipeline: Pipeline) -> None:
    text = "Speaking to local farmers, the Nigerian agriculture minister said the harvest would be good."
    assert ("NGAGOV", "NGAAGR", "010") in statements(pipeline, text)


def test_speaking_to_reporters_is_a_statement_to_nobody(pipeline: Pipeline) -> None:
    text = "Speaking to reporters in Kano, the Nigerian agriculture minister said the harvest would be good."
    assert statements(pipeline, text) == {("NGAGOV", "", "010")}


def test_speaking_to_reporters_about_an_attack_attributes_it(pipeline: Pipeline) -> None:
    text = "Speaking to reporters in Kano, the Nigerian police chief said gunmen killed three farmers."
    assert not statements(pipeline, text)


# ------------------------------ a disaster's harm in the said-clause: the saying is a statement of its own
def test_a_disasters_harm_leaves_the_statement_standing(pipeline: Pipeline) -> None:
    text = ("Dozens were injured and five people are missing after floods swept through villages in the "
            "valley, the Kenyan disaster agency said.")
    assert ("KENGOV", "", "010") in statements(pipeline, text)


@pytest.mark.parametrize("text", [
    "Five people were killed in clashes near the border, the Kenyan police said.",
    "Dozens were injured after gunmen attacked a village hit by floods, the Kenyan police said.",
])
def test_a_harm_with_a_doer_or_without_a_disaster_is_attributed(pipeline: Pipeline, text: str) -> None:
    assert not statements(pipeline, text)


# --------------------- a straight mark left at the end of a sentence opens the next one's quotation
def test_a_mark_set_off_at_the_end_opens_the_next_quotation() -> None:
    words = ["The", "envoy", "said", "talks", "helped", ".", '"']
    assert _quoted(words, opens_after=True) == set()
    assert _quoted(words) == {0, 1, 2, 3, 4, 5}  # glued to the words before: it closes a quotation


def test_he_after_a_split_quotation_is_the_speaker_before(pipeline: Pipeline) -> None:
    text = ('The economist Pablo Rojas Vidal opened the forum in Accra. WHO Director-General Tedros Adhanom '
            'Ghebreyesus, back from a tour of Ghana, told the forum the vaccine pact was vital. "Trust '
            'must grow," he stressed. Clinics in every village matter with the IMF paying for them, '
            'he said.')
    found = [e for e in pipeline.extract(Article("t", text, dt.date(2021, 3, 4))) if e.cameo.code == "010"]
    assert len(found) == 3 and {e.source.code[:6] for e in found if e.source} == {"IGOUNO"}


# ------------------------------------------------------- the Pakistani army's media wing speaks for it
def test_the_pakistani_armys_media_wing_speaks_for_the_army(pipeline: Pipeline) -> None:
    text = "The Inter-Services Public Relations said the new roads in the tribal districts were ready."
    assert ("PAKMIL", "", "010") in statements(pipeline, text)


# ------------- a cooperative act told as background inside what is said leaves the statement standing
def test_a_background_act_in_a_while_clause_leaves_the_statement(pipeline: Pipeline) -> None:
    text = ("The Kenyan governor said, while the county assembly had endorsed the budget, the towns would "
            "wait until May for the money.")
    assert ("KENGOV", "", "010") in statements(pipeline, text)


@pytest.mark.parametrize("text", [
    "The Kenyan governor said, while police had arrested two men, the roads would stay closed until May.",
    "The Kenyan governor said the county assembly approved the budget for the towns.",
])
def test_a_material_or_foreground_act_is_attributed(pipeline: Pipeline, text: str) -> None:
    assert ("KENGOV", "", "010") not in statements(pipeline, text)
