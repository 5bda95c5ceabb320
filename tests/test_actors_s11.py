"""Who did what to whom (issue 13), session 11: role words the gold guide's generic actors need that
data/sectors.tsv lacked. Elders and community leaders are civilians (CVL) wherever they live; an election
candidate who holds no office is the opposition (OPP: the guide's "opposition politician"); a pronoun that
points back at elders takes their code. Sentences, people and places are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import roots
from tidings import Pipeline
from tidings.actors import KnowledgeBase

DAY = dt.date(2019, 6, 12)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def code_of(kb: KnowledgeBase, phrase: str) -> str | None:
    actor = kb.resolve(phrase.split(), DAY)
    return actor.code if actor is not None else None


@pytest.mark.parametrize(("phrase", "code"), [
    ("village elders", "---CVL"),
    ("Somali clan elders", "SOMCVL"),
    ("the local elders", "---CVL"),
    ("Kenyan community leaders", "KENCVL"),
    ("a presidential candidate", "---OPP"),
    ("Peruvian opposition candidate", "PEROPP"),
])
def test_role_words_of_generic_groups(kb: KnowledgeBase, phrase: str, code: str) -> None:
    assert code_of(kb, phrase) == code


def test_elders_meet_an_army_chief(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Ghana's army chief met village elders in Tamale on Thursday.", DAY)
    assert ("GHAMIL", "GHACVL", "04") in found


def test_them_points_back_at_the_elders_addressed(pipeline: Pipeline) -> None:
    text = ("The Malian defence minister met village elders in Mopti on Friday. "
            "He urged them to reject the insurgents.")
    found = roots(pipeline, text, DAY)
    assert any(s == "MLIGOV" and t == "MLICVL" and r == "02" for s, t, r in found)
    assert not any(t.endswith("REB") and r == "02" for _, t, r in found)


def test_elders_thank_the_army(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Clan elders in Kismayo thanked the Somali army for reopening the market.", DAY)
    assert ("SOMCVL", "SOMMIL", "05") in found


def test_a_titled_candidate_without_office_is_the_opposition(pipeline: Pipeline) -> None:
    text = "Presidential candidate Vesna Kovac criticised the Croatian government on Sunday."
    found = roots(pipeline, text, DAY)
    assert ("HRVOPP", "HRVGOV", "11") in found


# --- "Speaking to the elders, the governor said ...": the statement's addressee, no meeting

@pytest.mark.parametrize("text", [
    "Speaking to village elders in Kunduz, the Afghan interior minister said the roads would be rebuilt.",
    "The Afghan interior minister, speaking to village elders in Kunduz, said the roads would be rebuilt.",
    "Talking to clan elders in Garowe on Monday, the Somali president said the drought aid had arrived.",
])
def test_a_speaking_participle_names_whom_the_statement_was_made_to(pipeline: Pipeline, text: str) -> None:
    found = roots(pipeline, text, DAY)
    assert any(s[3:] == "GOV" and t[3:] == "CVL" and r == "01" for s, t, r in found)
    assert not any(r == "04" for _, _, r in found)
    assert not any(r == "01" and not t for _, t, r in found)


def test_speaking_to_someone_without_saying_is_still_a_meeting(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The Afghan president spoke to tribal elders in Kandahar on Monday.", DAY)
    assert ("AFGGOV", "AFGCVL", "04") in found


def test_the_one_quoted_is_not_whom_the_statement_is_aimed_at(pipeline: Pipeline) -> None:
    text = '"Our mills can make such turbines," said the Peruvian minister, as quoted by the state agency.'
    found = roots(pipeline, text, DAY)
    assert ("PERGOV", "", "01") in found
    assert not any(s and s == t for s, t, _ in found)


# --- "they", "them": the sentence's own parties before a group named inside another noun's phrase

@pytest.mark.parametrize("text", [
    ("Speaking to clan elders in Baidoa, the Somali army chief said that after years of operations against "
     "militants the region was calm. He urged them to support the new council."),
    ("The Somali army chief met clan elders in Baidoa after a week of raids on militants. "
     "He thanked them for their help."),
])
def test_them_is_a_party_not_a_group_inside_a_noun_phrase(pipeline: Pipeline, text: str) -> None:
    found = roots(pipeline, text, DAY)
    later = {(s, t) for s, t, r in found if r in ("02", "05")}
    assert later == {("SOMMIL", "SOMCVL")}


# --- military chiefs by their title alone (no dated knowledge needed); a title the parser split

@pytest.mark.parametrize(("phrase", "code"), [
    ("the chief of the army staff", "---MIL"),
    ("Ghana's Chief of Defence Staff", "GHAMIL"),
    ("Ugandan Chief of Defence Forces", "UGAMIL"),
    ("Air Chief Marshal Tomas Halvorsen", "---MIL"),
    ("the Zambian army chief", "ZMBMIL"),
    ("hospital staff", "---LAB"),  # staff alone stays the workers
    ("Somali tribal leaders", "SOMCVL"),
])
def test_military_chiefs_and_tribal_leaders(kb: KnowledgeBase, phrase: str, code: str) -> None:
    assert code_of(kb, phrase) == code


def test_a_split_title_is_read_whole(pipeline: Pipeline) -> None:
    text = "Ghana's Chief of Defence Staff, General Kofi Asante, met the Togolese president on Monday."
    found = roots(pipeline, text, DAY)
    assert ("GHAMIL", "TGOGOV", "04") in found
    assert not any(s.endswith("LAB") or t.endswith("LAB") for s, t, _ in found)


def test_a_defined_short_form_of_a_title_is_the_person_named_with_it(pipeline: Pipeline) -> None:
    text = ("The Kenyan Chief of Defence Staff (CDS), General Amos Otieno, met the Kenyan president. "
            "Later the CDS criticised the Somali government.")
    found = roots(pipeline, text, DAY)
    assert ("KENMIL", "SOMGOV", "11") in found


# --- a weapon described by who set it ("a mine laid by rebels") is that side's attack, with its victims

@pytest.mark.parametrize(("text", "expected"), [
    ("A landmine laid by rebels killed four herders near Kitgum.", ("UGAREB", "UGAAGR", "18")),
    ("A bomb planted by militants exploded at a bus stop in Quetta, killing six people.",
     ("PAKREB", "PAKCVL", "18")),
])
def test_a_weapon_set_by_a_side_is_its_attack_on_the_victims(pipeline: Pipeline, text: str,
                                                           expected: tuple[str, str, str]) -> None:
    found = roots(pipeline, text, DAY)
    assert expected in found
    assert not any(not s and r in ("18", "19") for s, _, r in found)


# --- a role given by a copula ("The candidates are X, Y and Z"): the person keeps it

@pytest.mark.parametrize("text", [
    "The Zambian opposition candidate is Mulenga Banda. Mulenga Banda criticised the Zambian government.",
    ("The two Zambian opposition candidates are Mulenga Banda and Grace Phiri. "
     "Grace Phiri criticised the Zambian government."),
])
def test_a_role_given_by_a_copula_stays_with_the_person(pipeline: Pipeline, text: str) -> None:
    assert ("ZMBOPP", "ZMBGOV", "11") in roots(pipeline, text, DAY)


def test_a_candidate_defeated_lost_a_vote(pipeline: Pipeline) -> None:
    text = "The Zambian opposition won the seat, defeating the ruling party candidate by 900 votes."
    assert not any(r in ("18", "19") for _, _, r in roots(pipeline, text, DAY))
