"""Who did what to whom (issues 12 and 13), session 9: gunmen by the guide's code, a country's name as a
person's surname, a language that is no nation, a speaker's nationality that says nothing of where an act
happened, "its"/"the country's" officials, short forms with two readings, and titles in apposition.
Sentences and names are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import roots
from tidings import Pipeline
from tidings.actors import KnowledgeBase

DAY = dt.date(2023, 5, 6)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def sides(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    """(source code, target code, CAMEO root) of each event coded in ``text``."""
    return roots(pipeline, text, DAY)


# --- gunmen and armed men are unidentified armed forces (the gold guide, section 5)

@pytest.mark.parametrize(("phrase", "code"), [
    ("gunmen", "---UAF"), ("a gunman", "---UAF"), ("armed men", "---UAF"), ("two masked gunmen", "---UAF"),
    ("Kenyan gunmen", "KENUAF"),
])
def test_gunmen_are_unidentified_armed_forces(kb: KnowledgeBase, phrase: str, code: str) -> None:
    actor = kb.resolve(phrase.split(), DAY)
    assert actor is not None and actor.code == code


def test_gunmen_take_the_country_of_the_place_they_attack(pipeline: Pipeline) -> None:
    assert ("KENUAF", "KENBUS", "18") in sides(pipeline, "Gunmen stormed a bank in Mombasa on Tuesday.")


@pytest.mark.parametrize(("phrase", "code"), [
    ("Ruritanian occupants", "MIL"), ("the occupants", "MIL"), ("the Russian occupiers", "MIL"),
])
def test_occupants_are_troops(kb: KnowledgeBase, phrase: str, code: str) -> None:
    actor = kb.resolve(phrase.split(), DAY)
    assert actor is not None and actor.sector == code


# --- a country's name after a given name is a surname

@pytest.mark.parametrize("words", [
    ["Tom", "Jordan", "said", "the", "police", "came"], ["reporter", "Bill", "Holland", "said"],
    ["correspondent", "Michael", "Jordan", "wrote"], ["James", "Chad", "said"],
])
def test_a_country_name_after_a_given_name_is_a_surname(kb: KnowledgeBase, words: list[str]) -> None:
    assert kb.match(words, DAY) == []


@pytest.mark.parametrize(("words", "code"), [
    (["Syria", "and", "Jordan", "signed", "a", "deal"], "JOR"),
    (["King", "Abdullah", "of", "Jordan", "said"], "JORGOV"),
    (["Northern", "Jordan", "was", "quiet"], "JOR"),
    (["troops", "entered", "Jordan"], "JOR"),
])
def test_a_country_name_elsewhere_stays_the_country(kb: KnowledgeBase, words: list[str], code: str) -> None:
    assert code in {actor.code for _, _, actor in kb.match(words, DAY)}


def test_a_reporters_surname_does_not_set_the_articles_country(pipeline: Pipeline) -> None:
    text = ("Reporter Anna Holland covered the trial for years. Holland said the case was closed. Holland "
            "recalled the verdict. Holland wrote a book. An official of the state prison service told "
            "reporters the inmate would go free in March.")
    sources = {source for source, _, _ in sides(pipeline, text)}
    assert not any(code.startswith("NLD") for code in sources)


# --- a language is no nation

@pytest.mark.parametrize("phrase", [
    "English", "the status of English", "lessons in French", "a course of German",
])
def test_a_language_named_alone_is_no_actor(kb: KnowledgeBase, phrase: str) -> None:
    assert kb.resolve(phrase.split(), DAY) is None


@pytest.mark.parametrize("words", [
    ["the", "status", "of", "English", "was", "questioned"],
    ["classes", "in", "German", "."], ["free", "Chinese", "lessons"],
])
def test_a_language_in_a_sentence_names_no_country(kb: KnowledgeBase, words: list[str]) -> None:
    assert kb.match(words, DAY) == []


@pytest.mark.parametrize(("phrase", "code"), [
    ("the French", "FRA"), ("French troops", "FRAMIL"), ("the English police", "GBRCOP"), ("France", "FRA"),
    ("Russians", "RUS"),
])
def test_a_demonym_with_an_article_or_a_noun_stays_the_nation(kb: KnowledgeBase, phrase: str,
                                                              code: str) -> None:
    actor = kb.resolve(phrase.split(), DAY)
    assert actor is not None and actor.code == code


def test_a_language_questioned_is_no_target(pipeline: Pipeline) -> None:
    found = sides(pipeline, "President Emmanuel Macron questioned the standing of English in the "
                            "European Union.")
    assert not any(target.startswith("GBR") for _, target, _ in found)


# --- where an act happened, not who reports it

def test_police_take_the_country_of_the_article_not_of_a_foreign_speaker(pipeline: Pipeline) -> None:
    text = ("Protesters blocked roads in Lahore on Monday. Police arrested 40 protesters, a British diplomat "
            "said.")
    found = sides(pipeline, text)
    assert not any(s.startswith("GBR") or t.startswith("GBR") for s, t, _ in found)
    assert ("PAKCOP", "PAKOPP", "17") in found


def test_a_foreign_speakers_nationality_does_not_place_villagers(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Villagers protested against a new dam on Monday, the Canadian ambassador said.")
    assert not any(source.startswith("CAN") for source, _, _ in found)


def test_a_nationality_of_local_forces_still_places_them(pipeline: Pipeline) -> None:
    assert ("KENCOP", "KENOPP", "17") in sides(pipeline, "Kenyan police arrested 20 protesters on Monday.")


# --- "its ambassador", "the country's president": the country spoken of

@pytest.mark.parametrize(("text", "code"), [
    ("Germany summoned the Russian envoy on Monday. Its foreign minister criticised Moscow.", "DEUGOV"),
    ("Ruritania closed its border on Monday. Its president criticised Austria.", None),
    ("Kenya expelled two diplomats on Monday. The country's president criticised Uganda.", "KENGOV"),
])
def test_its_official_is_the_country_spoken_of(pipeline: Pipeline, text: str, code: str | None) -> None:
    found = sides(pipeline, text)
    sources = {source for source, _, root in found if root == "11"}
    if code is None:
        assert not any(s.startswith("DEU") or s.startswith("KEN") for s in sources)
    else:
        assert code in sources


# --- a short form with two readings: the one of the article's country

def test_rsf_in_an_article_about_sudan_is_the_rapid_support_forces(pipeline: Pipeline) -> None:
    text = ("Fighting continued in Sudan on Monday. The RSF shelled a hospital in Omdurman, killing five "
            "people.")
    assert any(source.startswith("SDN") for source, _, root in sides(pipeline, text) if root == "19")


def test_rsf_in_an_article_about_press_freedom_stays_reporters_without_borders(pipeline: Pipeline) -> None:
    text = "RSF condemned the arrest of a journalist in Paris on Monday."
    assert any(source.startswith("NGO") for source, _, _ in sides(pipeline, text))


def test_the_rapid_support_forces_by_their_short_form(kb: KnowledgeBase) -> None:
    actor = kb.resolve(["Rapid", "Support", "Forces"], DAY)
    assert actor is not None and actor.code.startswith("SDN")


# --- a title in apposition is the person's current office, whatever the dictionary's dates

@pytest.mark.parametrize("text", [
    "Wang Yi, China's foreign minister, criticised the United States on Monday.",
    "Wang Yi, the Chinese foreign minister, criticised the United States on Monday.",
])
def test_a_title_in_apposition_keeps_the_office(pipeline: Pipeline, text: str) -> None:
    assert ("CHNGOV", "USA", "11") in sides(pipeline, text)


@pytest.mark.parametrize(("name", "gender"), [
    ("Bill Holland", "m"), ("Hillary Jordan", "f"), ("Holland", None),
])
def test_an_unknown_persons_gender_from_a_given_name_known_people_share(kb: KnowledgeBase, name: str,
                                                                        gender: str | None) -> None:
    assert kb.given_gender(name) == gender


def test_a_former_title_in_apposition_keeps_the_former_official(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Wang Yi, a former Chinese foreign minister, criticised the United States on "
                            "Monday.")
    assert ("CHNELI", "USA", "11") in found


# --- a group named by kind with the place it belongs to

@pytest.mark.parametrize(("text", "code"), [
    ("The mayor of Lagos criticised the police on Monday.", "NGAGOV"),
    ("Police in Lagos arrested the governor's aide on Monday.", "NGACOP"),
])
def test_a_group_named_by_kind_takes_the_country_of_its_place(pipeline: Pipeline, text: str,
                                                              code: str) -> None:
    assert code in {source for source, _, _ in sides(pipeline, text)}


# --- who a protest noun is by

@pytest.mark.parametrize(("text", "code"), [
    ("Police dispersed a student demonstration in Delhi on Friday.", "INDOPP"),
    ("Police broke up a teachers' protest in Lima on Friday.", "PEROPP"),
])
def test_the_crowd_named_inside_a_protest_noun_are_protesters(pipeline: Pipeline, text: str,
                                                               code: str) -> None:
    found = sides(pipeline, text)
    assert any(source == code for source, _, root in found if root == "14")
    assert not any(source.endswith(("EDU", "CVL")) for source, _, root in found if root == "14")


def test_a_group_that_protests_by_a_verb_keeps_its_role(pipeline: Pipeline) -> None:
    assert ("INDEDU", "", "14") in sides(pipeline, "Students marched in Delhi on Friday.")


def test_a_town_the_parser_takes_for_a_person_still_places_a_group(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Militants seized a checkpoint 40 miles from Palmyra on Monday.")
    assert any(source == "SYRREB" for source, _, _ in found)


def test_a_compound_title_alone_is_the_person_named_with_it_before(pipeline: Pipeline) -> None:
    text = ("Afghanistan's Vice President Abdul Karim Khalili criticised Pakistan on Monday. The vice "
            "president also accused India of interference.")
    assert ("AFGGOV", "IND", "11") in roots(pipeline, text, dt.date(2017, 5, 6))


def test_a_users_language_and_abroad_tables_are_layered_over_the_packaged_ones() -> None:
    kb = KnowledgeBase.packaged()
    assert kb.add_table("language\nestonian\n", source="test") == 1
    assert kb.add_table("role\nattache\n", source="test") == 1
    assert "estonian" in kb.languages and "attache" in kb.abroad
    assert kb.resolve(["lessons", "in", "Estonian"], None) is None
