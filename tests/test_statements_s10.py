"""Statements and stated intentions on real news (session 10): sentences written for these tests, with
made-up content, names and places."""

from __future__ import annotations

import pytest

from helpers import Triple, events, triples
from tidings import Pipeline
from tidings.events.sides import admissible
from tidings.record import Actor

MINISTRY = Actor("the ministry", "Estonia Government", "ESTGOV", "EST", "GOV")


def coded(pipeline: Pipeline, text: str) -> set[Triple]:
    return triples(pipeline, text)


# ------------------------------------------------------------------ a stated intention with nobody named
def test_a_stated_intention_stands_with_no_recipient() -> None:
    assert admissible("036", MINISTRY, None, statement=True)
    assert not admissible("036", MINISTRY, None)  # an intent no speaker states still needs both sides
    assert not admissible("036", None, None, statement=True)


@pytest.mark.parametrize("text, expected", [
    ('"We will host the summit next year," the Estonian prime minister said.', ("ESTGOV", "", "036")),
    ("The Latvian government said it would host the regional talks in the autumn.", ("LVAGOV", "", "036")),
])
def test_a_political_speaker_stating_its_own_intention_is_an_intent(
        pipeline: Pipeline, text: str, expected: Triple) -> None:
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize("text", [
    '"We will host a barbecue next year," the bakery owner said.',  # a private person's plan
    '"We will host the festival next year," a resident of the village said.',
])
def test_a_private_persons_plan_is_no_intent(pipeline: Pipeline, text: str) -> None:
    assert not any(code[:2] == "03" for _, _, code in coded(pipeline, text))


# ----------------------------------------------------------------------------------- "..., it said"
def test_it_that_speaks_is_the_body_named_last(pipeline: Pipeline) -> None:
    text = ("The Uruguayan energy ministry said on Monday that wind farms now supply a third of all power. "
            "Solar parks grew by a fifth last year, it said.")
    assert ("URYGOV", "", "010") in coded(pipeline, text)


# ------------------------------------------------------------ readiness and quoted intentions ("we ...")
@pytest.mark.parametrize("text, expected", [
    ("The Moldovan government is ready to hold talks with Romania.", ("MDAGOV", "ROU", "036")),
    ('"We are willing to negotiate with Romania," the Moldovan foreign minister said.',
     ("MDAGOV", "ROU", "036")),
    ('"We want to negotiate with Romania," the Moldovan president said.', ("MDAGOV", "ROU", "036")),
])
def test_readiness_and_a_quoted_we_are_the_speakers_intention(
        pipeline: Pipeline, text: str, expected: Triple) -> None:
    found = coded(pipeline, text)
    assert expected in found
    assert not any(code[:2] == "04" for _, _, code in found)  # no talks were held


def test_readiness_of_a_private_person_is_no_event(pipeline: Pipeline) -> None:
    text = '"We are ready to meet the buyers," the shop owner said.'
    assert not any(code[:2] in ("03", "04") for _, _, code in coded(pipeline, text))


# ------------------------------------------------------------------ an accusation named by its noun
def test_an_accusation_named_by_its_noun_stands_without_its_accuser() -> None:
    government = Actor("the government", "Moldova government", "MDAGOV", "MDA", "GOV")
    assert admissible("112", None, government, nominal=True)
    assert not admissible("112", None, government)  # a verb of accusing needs who accuses
    assert not admissible("112", None, Actor("officials", "officials", "---GOV", None, "GOV"), nominal=True)
    assert not admissible("111", None, None, nominal=True)


def test_the_allegations_against_a_government_are_an_accusation(pipeline: Pipeline) -> None:
    text = ("The Latvian foreign minister said the continued allegations against the Estonian government "
            "were baseless.")
    assert ("", "ESTGOV", "112") in coded(pipeline, text)


# ------------------------------------------------ a body's official named in full, later by surname
@pytest.mark.parametrize("intro", [
    "said OECD Secretary-General Lena M. Okonkwo",
    "said OECD chief Lena Okonkwo",
])
def test_a_bodys_official_quoted_again_by_surname_speaks_for_the_body(pipeline: Pipeline, intro: str) -> None:
    text = (f'"Tariffs hurt the poorest households first," {intro}. "Lower barriers would lift growth in '
            'every region," Okonkwo added.')
    found = [e for e in events(pipeline, text) if e.cameo.code == "010"]
    assert [(e.sentence, e.source.code if e.source else "") for e in found] == [(0, "IGOWSTOEC"),
                                                                                (1, "IGOWSTOEC")]


def test_a_private_person_quoted_again_by_surname_is_no_statement(pipeline: Pipeline) -> None:
    text = ('"The rents keep rising," said shop owner Lena Okonkwo. "We may have to close by spring," '
            'Okonkwo added.')
    assert not any(e.cameo.code[:2] == "01" for e in events(pipeline, text))


# ---------------------------------------------------- the one the reporter asks answers ("He said ...")
def test_the_official_the_reporter_asks_is_who_answers(pipeline: Pipeline) -> None:
    text = ("Our reporter asked the Cochise County Sheriff whether the arson inquiry would reopen. He said "
            "his deputies had checked every lead twice.")
    found = [e for e in events(pipeline, text) if e.sentence == 1]
    assert [(e.cameo.code, e.source.code[3:] if e.source else "") for e in found] == [("010", "COP")]


def test_a_private_person_the_reporter_asks_is_no_speaker(pipeline: Pipeline) -> None:
    text = "We asked a shopkeeper if he was worried. He said the police had done nothing."
    assert not any(e.sentence == 1 for e in events(pipeline, text))


def test_a_person_introduced_by_title_in_a_sentence_of_no_event_speaks_later(pipeline: Pipeline) -> None:
    text = ("Ghana's army chief General Kofi Mensah on Thursday opened two schools in Tamale. Speaking to "
            "local chiefs, he said the region was now calm.")
    found = [e for e in events(pipeline, text) if e.cameo.code == "010"]
    assert [(e.sentence, e.source.code if e.source else "") for e in found] == [(1, "GHAMIL")]


# ------------------------------------------- a measure a government announces in the passive (kind 1)
def test_a_measure_a_government_says_will_be_taken_is_its_intention(pipeline: Pipeline) -> None:
    found = coded(pipeline, "The Ugandan interior ministry said the curfew would be lifted on Monday.")
    assert ("UGAGOV", "", "0351") in found


@pytest.mark.parametrize("text", [
    "The Ugandan interior ministry said the curfew would not be lifted.",  # refused, not intended
    "A Ugandan shop owner said the curfew would be lifted soon.",  # no authority over it
])
def test_no_intention_where_the_measure_is_refused_or_the_speaker_has_no_say(
        pipeline: Pipeline, text: str) -> None:
    assert not any(code[:2] == "03" for _, _, code in coded(pipeline, text))
