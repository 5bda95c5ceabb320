"""Recall on real news: families of constructions the coder used to miss (issue 12), each tested on
sentences written for this file."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import Article, Event, Pipeline
from tidings.events.lexicon import Lexicon
from tidings.events.statements import statement_cues


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def coded(pipeline: Pipeline, text: str) -> list[tuple[str, str, str]]:
    """(source code, target code, CAMEO code) of the events of ``text``."""
    found: list[Event] = pipeline.extract(Article("r", text, dt.date(2022, 5, 6)))
    return [(e.source.code if e.source else "", e.target.code if e.target else "", e.cameo.code)
            for e in found]


# ----------------------------------------------------------------------------- reporting verbs of a statement
@pytest.mark.parametrize("verb", ["argued", "contended", "replied", "reaffirmed", "clarified", "pointed out"])
def test_a_reporting_verb_with_a_said_clause_is_a_statement(pipeline: Pipeline, verb: str) -> None:
    text = f"Norway's fisheries minister {verb} that the quota rules were fair."
    assert coded(pipeline, text) == [("NORGOV", "", "010")]


def test_the_reporting_verbs_are_data() -> None:
    cues = statement_cues()
    assert {"argue", "contend", "reply", "reaffirm", "clarify", "point", "ask"} <= set(cues.verbs)
    assert all(cues.verbs[w] for w in ("argue", "reply", "ask"))  # each needs a said-clause or a quotation


@pytest.mark.parametrize("text", [
    "Norway's fisheries minister maintained the old harbour for years.",  # no said-clause
    "Norway's fisheries minister replied to the letter on Monday.",
    "A fisherman in Bergen argued that the quota rules were unfair.",  # not a political speaker
])
def test_a_reporting_verb_without_a_clause_or_political_speaker_is_no_statement(
        pipeline: Pipeline, text: str) -> None:
    assert [c for c in coded(pipeline, text) if c[2].startswith("01")] == []


# ------------------------------------------------------------------------------------- a question asked aloud
def test_a_quoted_question_asked_by_an_official_is_a_statement(pipeline: Pipeline) -> None:
    text = ("Norway's health minister Kari Lund spoke on Friday. "
            "\u201cWho will pay for the new clinics,\u201d Lund asked.")
    assert coded(pipeline, text) == [("NORGOV", "", "010")]


def test_asking_someone_stays_an_appeal(pipeline: Pipeline) -> None:
    found = coded(pipeline, "Norway's fisheries minister asked Iceland to reopen the fishing grounds.")
    assert found and all(code.startswith("02") and target == "ISL" for _, target, code in found)


def test_a_question_in_indirect_speech_is_left_to_what_it_reports(pipeline: Pipeline) -> None:
    text = "Norway's fisheries minister asked whether the quota rules were still valid."
    assert coded(pipeline, text) == []


def test_the_lexicon_codes_the_new_reporting_verbs_as_weak_statements() -> None:
    lexicon = Lexicon.default()
    for lemma, particle in (("argue", None), ("reply", None), ("point", "out")):
        entry = lexicon.verb(lemma, particle=particle)
        assert entry is not None and entry.code == "010" and entry.weak


# ------------------------------------------------------------------------ admitting an act (CAMEO 015)
@pytest.mark.parametrize("text", [
    "Norway's fisheries minister has pleaded guilty to fraud charges.",  # a predicative complement
    "Norway's fisheries minister confessed to taking bribes.",
    "Norway's fisheries minister entered a guilty plea on Monday.",
    "Norway's fisheries minister owned up to the error.",
])
def test_a_plea_of_guilty_or_a_confession_acknowledges_the_act(pipeline: Pipeline, text: str) -> None:
    assert coded(pipeline, text) == [("NORGOV", "", "015")]


@pytest.mark.parametrize("text", [
    "Norway's fisheries minister pleaded not guilty to fraud charges.",
    "Norway's fisheries minister did not plead guilty.",
])
def test_a_plea_of_not_guilty_admits_nothing(pipeline: Pipeline, text: str) -> None:
    assert [c for c in coded(pipeline, text) if c[2] == "015"] == []


def test_the_admitting_words_are_lexicon_data() -> None:
    lexicon = Lexicon.default()
    plea = lexicon.verb("plead", xcomp="guilty")
    assert plea is not None and plea.code == "015"
    appeal = lexicon.verb("plead", preps=["with"])  # "pleaded with X" stays an appeal
    assert appeal is not None and appeal.code == "020"
    confession = lexicon.noun("confession")
    assert confession is not None and confession.code == "015"


# ------------------------------------------------------------------------- investigating a crime (CAMEO 09)
@pytest.mark.parametrize("text", [
    "Police in Oslo are searching for two suspects.",
    "Police in Oslo are hunting for the killers of a shopkeeper.",
    "Police in Oslo questioned the suspect on Monday.",
])
def test_police_looking_for_suspects_investigate_a_crime(pipeline: Pipeline, text: str) -> None:
    assert [(s, c) for s, _, c in coded(pipeline, text) if c[:2] == "09"] == [("NORCOP", "091")]


@pytest.mark.parametrize("text", [
    "Police in Oslo could not proceed with the investigation.",
    "Prosecutors in Oslo pursued the investigation.",
    "Police in Oslo widened the probe on Tuesday.",
])
def test_an_investigation_carried_on_is_an_investigation(pipeline: Pipeline, text: str) -> None:
    assert [c for _, _, c in coded(pipeline, text)] == ["090"]


@pytest.mark.parametrize("text", [
    "Police in Oslo are looking for a new headquarters.",  # not someone sought for a crime
    "Rescue teams in Oslo are searching for survivors.",
    "Police in Oslo continued the parade.",
])
def test_searching_for_what_is_no_suspect_is_no_investigation(pipeline: Pipeline, text: str) -> None:
    assert [c for _, _, c in coded(pipeline, text) if c[:2] == "09"] == []


# --------------------------------------------------------------------- cooperation, aid, praise, disapproval
@pytest.mark.parametrize("text", [
    "The Danish navy coordinated with the Swedish navy.",
    "The Danish navy joined forces with the Swedish navy.",
])
def test_acting_together_is_material_cooperation_both_ways(pipeline: Pipeline, text: str) -> None:
    assert sorted(coded(pipeline, text)) == [("DNKMIL", "SWEMIL", "060"), ("SWEMIL", "DNKMIL", "060")]


@pytest.mark.parametrize("text", [
    "The World Food Programme stepped up its relief effort for Somali refugees.",
    "The World Food Programme expanded its humanitarian response for Somali refugees.",
])
def test_a_relief_effort_for_someone_is_humanitarian_aid(pipeline: Pipeline, text: str) -> None:
    assert coded(pipeline, text) == [("IGOUNOWFP", "SOMREF", "073")]


@pytest.mark.parametrize("text", [
    "The Swedish ambassador was awarded a medal by the Danish prime minister.",
    "The Danish prime minister presented a medal to the Swedish ambassador.",
])
def test_an_honour_given_is_praise(pipeline: Pipeline, text: str) -> None:
    assert coded(pipeline, text) == [("DNKGOV", "SWEGOV", "051")]


def test_presenting_something_other_than_an_honour_is_no_praise(pipeline: Pipeline) -> None:
    assert coded(pipeline, "The Danish prime minister presented a plan to the Swedish ambassador.") == []


def test_a_status_questioned_by_an_official_is_disapproval(pipeline: Pipeline) -> None:
    text = "The legitimacy of the vote has been questioned by the Danish prime minister."
    assert coded(pipeline, text) == [("DNKGOV", "", "110")]


def test_facing_charges_makes_one_the_target_of_the_charges(pipeline: Pipeline) -> None:
    assert coded(pipeline, "A Danish senator faces corruption charges.") == [("", "DNKLEG", "173")]


# ------------------------------------------------- a clause set off by commas: the noun it describes acts
@pytest.mark.parametrize("text", [
    "The World Food Programme, coordinating with the Somali government, is sending food to Somali refugees.",
    "The World Food Programme, which coordinates with the Somali government, sends food to Somali refugees.",
])
def test_a_clause_set_off_by_commas_has_the_noun_it_describes_as_its_subject(
        pipeline: Pipeline, text: str) -> None:
    found = coded(pipeline, text)
    assert ("IGOUNOWFP", "SOMGOV", "060") in found and ("SOMGOV", "IGOUNOWFP", "060") in found
    assert ("IGOUNOWFP", "SOMREF", "073") in found


@pytest.mark.parametrize("text", [
    "A Kenyan base hosting Somali troops was hit.",  # the clause picks the base out: no visit
    "Kenyan militants that had attacked Somali troops fled.",
])
def test_a_clause_that_picks_its_noun_out_gives_it_no_act(pipeline: Pipeline, text: str) -> None:
    assert [c for c in coded(pipeline, text) if c[2][:2] in ("04", "19") and c[0]] == []


# ------------------------------------------------------------- a letter's participle carries the letter's act
@pytest.mark.parametrize("verb", ["sent", "wrote"])
def test_a_letter_calling_for_something_is_an_appeal_to_its_addressee(pipeline: Pipeline, verb: str) -> None:
    text = (f"Denmark's dockers union {verb} a letter to the Danish parliament calling for a new "
            "inquiry into the port contracts.")
    found = coded(pipeline, text)
    assert [(s, t, c[:2]) for s, t, c in found] == [("DNKLAB", "DNKLEG", "02")]


def test_a_letter_with_no_act_stays_a_statement_to_its_addressee(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Denmark's dockers union wrote a letter to the Danish parliament.") == [
        ("DNKLAB", "DNKLEG", "010")]


def test_a_letter_whose_participle_is_no_act_stays_a_statement(pipeline: Pipeline) -> None:
    text = "Denmark's dockers union sent a letter to the Danish parliament containing ten pages of figures."
    assert coded(pipeline, text) == [("DNKLAB", "DNKLEG", "010")]


# ------------------------------------------------ a surname alone, for someone introduced earlier with a role
def test_a_surname_alone_speaks_for_the_role_it_was_introduced_with(pipeline: Pipeline) -> None:
    text = ("Danish health minister Tom Quist said the waiting lists were long. "
            "Quist added that kidneys were scarce.")
    found = pipeline.extract(Article("r", text, dt.date(2022, 5, 6)))
    assert [(e.sentence, e.source.code if e.source else "", e.cameo.code) for e in found] == [
        (0, "DNKGOV", "010"), (1, "DNKGOV", "010")]


def test_a_surname_of_someone_introduced_without_a_role_stays_uncoded(pipeline: Pipeline) -> None:
    text = ("Danish health minister Tom Quist said the waiting lists were long. "
            "Anna Berg waited for two years. Berg added that the clinic was far away.")
    found = pipeline.extract(Article("r", text, dt.date(2022, 5, 6)))
    assert [e.sentence for e in found] == [0]


@pytest.mark.parametrize("text", [
    "Norway's fisheries minister was quoted as saying that the quota rules were fair.",
    "Norway's fisheries minister wrote on Twitter that the quota rules were fair.",
    "Norway's fisheries minister acknowledged that the quota rules had flaws.",
])
def test_more_ways_of_saying_something_in_public(pipeline: Pipeline, text: str) -> None:
    assert coded(pipeline, text) == [("NORGOV", "", "010")]


def test_writing_something_that_is_no_message_is_no_statement(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Norway's fisheries minister wrote a book about the sea.") == []


def test_suspects_sought_are_criminals(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Police in Oslo are searching for two suspects.") == [("NORCOP", "NORCRM", "091")]
