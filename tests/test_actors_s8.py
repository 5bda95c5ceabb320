"""Who is who (issue 13), session 8: short forms of known people inside other people's names, legislatures
and seats of power that belong to one country, titles used by one country, and agencies named like armed
groups. Sentences and names are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import roots
from tidings import Pipeline
from tidings.actors import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def sides(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    """(source code, target code, CAMEO root) of each event coded in ``text``."""
    return roots(pipeline, text, dt.date(2023, 5, 6))


@pytest.mark.parametrize("phrase", [
    "Boris Velnik",  # a known given name before an unknown surname
    "Hunter Biden", "Melania Trump",  # a known surname after an unknown given name
])
def test_a_short_form_inside_another_name_is_not_the_known_person(kb: KnowledgeBase, phrase: str) -> None:
    assert kb.resolve(phrase.split(), dt.date(2023, 5, 6)) is None


@pytest.mark.parametrize(("phrase", "name"), [
    ("President Biden", "Joe Biden"), ("Mr Biden", "Joe Biden"), ("Russia's Putin", "Vladimir Putin"),
    ("Tayyip Erdogan", "Recep Tayyip Erdogan"), ("Boris Johnson", "Boris Johnson"),
    ("Gen. Sisi", "Abdel Fattah el-Sisi"), ("Sen. Biden", "Joe Biden"), ("Joe R. Biden", "Joe Biden"),
    ("former Trump", "Donald Trump"), ("Former Trump", "Donald Trump"),
])
def test_a_short_form_after_a_title_or_its_own_name_stays_the_known_person(
        kb: KnowledgeBase, phrase: str, name: str) -> None:
    actor = kb.resolve(phrase.split(), dt.date(2021, 5, 6))
    assert actor is not None and actor.name == name


def test_a_sentence_initial_word_does_not_hide_a_known_surname(kb: KnowledgeBase) -> None:
    found = kb.match(["Yesterday", "Biden", "signed", "the", "order"], dt.date(2023, 5, 6))
    assert [a.name for _, _, a in found] == ["Joe Biden"]


def test_an_unknown_president_with_a_known_given_name_takes_the_host_country(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Slovenian Foreign Minister Ana Kovac praised President Boris Velnik in Vienna "
                            "on Monday.")
    assert ("SVNGOV", "AUTGOV", "05") in found


@pytest.mark.parametrize(("text", "code"), [
    ("The Bundestag condemned Russia.", "DEULEG"), ("The State Duma condemned Ukraine.", "RUSLEG"),
    ("The Knesset condemned Iran.", "ISRLEG"), ("The Verkhovna Rada condemned Russia.", "UKRLEG"),
    ("The Sejm condemned Belarus.", "POLLEG"),
])
def test_a_legislature_of_one_country_is_that_countrys_not_the_sentences(
        pipeline: Pipeline, text: str, code: str) -> None:
    assert any(source == code for source, _, _ in sides(pipeline, text))


@pytest.mark.parametrize(("phrase", "code"), [
    ("the Taoiseach", "IRLGOV"), ("the Tanaiste", "IRLGOV"), ("the Chancellor of the Exchequer", "GBRGOV"),
])
def test_a_title_of_one_country_codes_as_that_country(kb: KnowledgeBase, phrase: str, code: str) -> None:
    actor = kb.resolve(phrase.split(), None)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(("text", "code"), [
    # the country the article spoke of last, when the title is used there
    ("Austrian police arrested three men in Vienna on Tuesday. The chancellor criticised the Polish "
     "prime minister.", "AUTGOV"),
    # no country of the title named: the title's first country
    ("Three men were arrested on Tuesday. The chancellor criticised the Polish prime minister.", "DEUGOV"),
    # a title any country has: the one country the article has named
    ("Kenyan police arrested three men in Nairobi on Tuesday. The president criticised the Polish "
     "prime minister.", "KENGOV"),
])
def test_a_title_alone_takes_the_articles_country(pipeline: Pipeline, text: str, code: str) -> None:
    assert (code, "POLGOV", "11") in sides(pipeline, text)


def test_a_title_any_country_has_stays_unknown_when_the_article_names_several(pipeline: Pipeline) -> None:
    text = ("Kenyan and Ugandan police arrested three men on Tuesday. The president criticised the Polish "
            "prime minister.")
    found = {source for source, target, root in sides(pipeline, text) if target == "POLGOV"}
    assert found == {"---GOV"}


def test_a_users_title_table_is_layered_over_the_packaged_one() -> None:
    kb = KnowledgeBase.packaged()
    kb.add_table("title\tcountries\tsector\nprotector\tNZL\tGOV\n", source="test")
    actor = kb.resolve(["the", "protector"], None)
    assert actor is not None and actor.code == "NZLGOV"


def test_a_short_form_the_article_defines_is_not_the_armed_group_of_the_same_letters(
        pipeline: Pipeline) -> None:
    text = ("Japan's Financial Services Agency (FSA) accused the bank of hiding losses. The FSA also accused "
            "two brokers of fraud on Tuesday.")
    sources = {source for source, _, _ in sides(pipeline, text)}
    assert sources and sources <= {"JPNGOV"}


def test_a_short_form_defined_as_the_known_group_stays_the_group(pipeline: Pipeline) -> None:
    text = ("The Free Syrian Army (FSA) attacked government forces near Aleppo. The FSA also shelled a "
            "checkpoint.")
    sources = {source for source, _, _ in sides(pipeline, text)}
    assert sources == {"SYRREBFSA"}


def test_an_undefined_short_form_keeps_its_known_meaning(pipeline: Pipeline) -> None:
    assert ("SYRREBFSA", "SYRMIL", "19") in sides(pipeline, "The FSA attacked government forces near Aleppo "
                                                            "on Tuesday.")


@pytest.mark.parametrize(("words", "long_form"), [
    (["the", "Department", "of", "Justice", "(", "DOJ", ")", "said"], ["Department", "of", "Justice"]),
    (["Japan", "'s", "Financial", "Services", "Agency", "(", "FSA", ")"],
     ["Financial", "Services", "Agency"]),
    (["the", "Ruritanian", "Coast", "Guard", "(", "RCG", ")"], ["Ruritanian", "Coast", "Guard"]),
])
def test_a_definition_is_a_name_whose_initials_make_the_short_form(words: list[str],
                                                                    long_form: list[str]) -> None:
    from tidings.mentions.acronyms import defined_acronyms
    from tidings.nlp.segment import Sentence

    found = defined_acronyms([Sentence(0, 0, 0, 0, " ".join(words), words)])
    assert found == {words[words.index("(") + 1]: long_form}


def test_brackets_around_letters_that_are_no_initials_define_nothing() -> None:
    from tidings.mentions.acronyms import defined_acronyms
    from tidings.nlp.segment import Sentence

    words = ["the", "Ruritanian", "Coast", "Guard", "(", "FSA", ")"]
    assert defined_acronyms([Sentence(0, 0, 0, 0, " ".join(words), words)]) == {}


def test_a_government_agency_or_regulator_named_by_kind_is_government(kb: KnowledgeBase) -> None:
    for phrase in (["Japan", "'s", "Financial", "Services", "Agency"], ["the", "Ruritanian", "regulator"]):
        actor = kb.resolve(phrase, None)
        assert actor is not None and actor.sector == "GOV", phrase
    news = kb.resolve(["a", "Ruritanian", "news", "agency"], None)
    assert news is not None and news.sector == "MED"


@pytest.mark.parametrize(("phrase", "sector"), [
    (["the", "city", "'s", "chief", "procurement", "officer"], "GOV"),
    (["the", "company", "'s", "chief", "financial", "officer"], "BUS"),
    (["a", "district", "medical", "officer"], "HLH"),
    (["a", "former", "army", "officer"], "MIL"),
    (["two", "prison", "officers"], "COP"),
    (["a", "police", "officer"], "COP"),
    (["the", "Ruritanian", "occupiers"], "MIL"),
])
def test_an_officer_is_of_the_service_the_compound_names(kb: KnowledgeBase, phrase: list[str],
                                                          sector: str) -> None:
    actor = kb.resolve(phrase, None)
    assert actor is not None and actor.sector == sector


@pytest.mark.parametrize(("name", "year", "code"), [
    ("Danilo Medina", 2017, "DOMGOV"), ("Carrie Lam", 2019, "HKGGOV"), ("Keith Rowley", 2020, "TTOGOV"),
    ("Peter O'Neill", 2016, "PNGGOV"), ("Xavier Bettel", 2020, "LUXGOV"),
    ("Mario Abdo Benitez", 2021, "PRYGOV"),
    ("Jim Mattis", 2018, "USAGOV"), ("Taro Kono", 2018, "JPNGOV"), ("Federica Mogherini", 2016, "IGOEUREEC"),
    ("Albin Kurti", 2020, "XKXELI"),  # between his two terms
    ("Peter O'Neill", 2022, "PNGELI"),  # after his term
])
def test_heads_of_state_and_government_after_2014_are_dated(kb: KnowledgeBase, name: str, year: int,
                                                             code: str) -> None:
    actor = kb.resolve(name.split(), dt.date(year, 9, 1))
    assert actor is not None and actor.code == code


def test_every_term_of_the_leaders_table_is_well_formed() -> None:
    import csv
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "src" / "tidings" / "actors" / "data"
    lines = (data / "countries.tsv").read_text(encoding="utf-8").splitlines()
    countries = {r[0] for r in csv.reader(lines, delimiter="\t") if r and not r[0].startswith("#")}
    bad = []
    leaders = (data / "leaders.tsv").read_text(encoding="utf-8").splitlines()
    for row in csv.reader(leaders, delimiter="\t", quoting=csv.QUOTE_NONE):
        if not row or row[0].startswith("#") or row[0] == "name":
            continue
        name, _, actor, _, start, end = row
        if (len(actor) == 3 and actor not in countries) or (end and start and not start < end):
            bad.append(name)
    assert bad == []


@pytest.mark.parametrize(("text", "source"), [
    ("At dawn a People's Protection Units (YPG) patrol ambushed Islamic State (IS) gunmen outside Hasakah.",
     "SYRREBYPG"),
    ("Witnesses said Syrian Democratic Forces (SDF) troops shelled Islamic State (IS) hideouts near Hasakah.",
     "SYRREBSDF"),
])
def test_a_bracketed_short_form_inside_a_phrase_keeps_the_name_before_it(
        pipeline: Pipeline, text: str, source: str) -> None:
    found = sides(pipeline, text)
    assert any(s == source and t.endswith("ISI") for s, t, _ in found), found


def test_a_users_honorific_keeps_a_known_surname_after_it() -> None:
    kb = KnowledgeBase.packaged()
    assert kb.resolve(["Hetman", "Biden"], dt.date(2022, 5, 6)) is None
    kb.add_table("word\nhetman\n", source="test")
    actor = kb.resolve(["Hetman", "Biden"], dt.date(2022, 5, 6))
    assert actor is not None and actor.name == "Joe Biden"


@pytest.mark.parametrize(("phrase", "code"), [
    (["Ukraine", "'s", "General", "Staff"], "UKRMIL"), (["the", "Tatmadaw"], "MMRMIL"),
    (["the", "PLA"], "CHNMIL"),
    (["the", "People", "'s", "Liberation", "Army"], "CHNMIL"),
    (["the", "Sudan", "People", "'s", "Liberation", "Army"], "SDNREB"),  # the longer name holds
    (["the", "SBU"], "UKRSPY"), (["Israeli", "settlers"], "ISRCVL"), (["the", "TPLF"], "ETHREB"),
    (["the", "Donetsk", "People", "'s", "Republic"], "UKRREB"),
])
def test_armed_forces_services_and_groups_named_by_their_own_names(kb: KnowledgeBase, phrase: list[str],
                                                                   code: str) -> None:
    actor = kb.resolve(phrase, dt.date(2023, 6, 1))
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(("phrase", "sector"), [
    (["the", "prosecutor", "general"], "JUD"), (["armed", "men"], "UAF"), (["an", "attacker"], "UAF"),
    (["the", "electoral", "commission"], "GOV"), (["the", "city", "council"], "GOV"),
    (["the", "lower", "house"], "LEG"), (["two", "hostages"], "CVL"),
    (["armed", "bandits"], "CRM"),
])
def test_role_words_of_the_gold_guide_sectors(kb: KnowledgeBase, phrase: list[str], sector: str) -> None:
    actor = kb.resolve(phrase, None)
    assert actor is not None and actor.sector == sector


@pytest.mark.parametrize("phrase", [
    ["the", "Interior", "Ministry"], ["the", "Russian", "Defence", "Ministry"], ["the", "health", "ministry"],
    ["the", "Ministry", "of", "Defence"], ["the", "central", "bank"], ["a", "health", "official"],
])
def test_a_ministry_or_a_state_body_is_government_whatever_its_field(kb: KnowledgeBase,
                                                                     phrase: list[str]) -> None:
    actor = kb.resolve(phrase, None)
    assert actor is not None and actor.sector == "GOV"


@pytest.mark.parametrize(("phrase", "code"), [
    (["the", "Saudi", "-", "led", "coalition"], "SAUMIL"), (["the", "ruling", "coalition"], "---GOV"),
    (["two", "Slovenian", "law", "enforcement", "agencies"], "SVNCOP"),
    (["at", "least", "9", "persons"], "---CVL"), (["the", "Ruritanian", "military", "men"], "---MIL"),
    (["two", "shops"], "---BUS"), (["City", "Hall"], "---GOV"),
    (["a", "brigadier", "general"], "---MIL"),
])
def test_kinds_of_group_named_by_a_compound(kb: KnowledgeBase, phrase: list[str], code: str) -> None:
    actor = kb.resolve(phrase, None)
    assert actor is not None and actor.code == code


def test_a_coalition_alone_is_no_army(kb: KnowledgeBase) -> None:
    assert kb.resolve(["the", "coalition"], None) is None
