"""Who did what to whom (issue 13), session 10: a titled newcomer keeps the country of their own title, the
office holders of 2014-2026 by date (data/offices.tsv, layered between leaders.tsv and Phoenix), and "both
sides", "the two countries", "each other" as the two parties the article has just named, or as no one.
Sentences and the people not in office are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import roots
from tidings import Pipeline
from tidings.actors import KnowledgeBase
from tidings.errors import DataError

DAY = dt.date(2019, 6, 12)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def sides(pipeline: Pipeline, text: str, day: dt.date = DAY) -> set[tuple[str, str, str]]:
    """(source code, target code, CAMEO root) of each event coded in ``text``."""
    return roots(pipeline, text, day)


# --- an unknown person with a title keeps the title's country, whatever else the sentence names

@pytest.mark.parametrize("text", [
    "Malawian Health Minister Chisomo Banda met the Zambian envoy in Lisbon on Monday.",
    "In Lusaka, Malawian Health Minister Chisomo Banda met the Zambian envoy.",
    "Malawi's Health Minister Chisomo Banda met the Zambian envoy in Lisbon.",
    "Chisomo Banda, Malawi's health minister, met the Zambian envoy in Lisbon.",
    "Health Minister Chisomo Banda of Malawi met the Zambian envoy in Lisbon.",
])
def test_a_titled_newcomer_keeps_the_title_country(pipeline: Pipeline, text: str) -> None:
    found = sides(pipeline, text)
    assert ("MWIGOV", "ZMBGOV", "04") in found
    assert not any(s.startswith(("ZMB", "PRT")) and t.startswith(("ZMB", "PRT")) for s, t, _ in found)


@pytest.mark.parametrize(("text", "source"), [
    ("The spokeswoman for the Malawian health ministry criticised Zambia on Friday.", "MWIGOV"),
    ("A spokesman for the Peruvian foreign ministry criticised the Chilean government.", "PERGOV"),
    ("A spokesman for the Peruvian foreign ministry, Luis Quispe, accused Chile of provocations.", "PERGOV"),
])
def test_a_spokesperson_takes_the_country_of_the_ministry(pipeline: Pipeline, text: str,
                                                          source: str) -> None:
    assert any(s == source and r in ("11", "12") for s, _, r in sides(pipeline, text))


# --- office holders since 2014 by date (data/offices.tsv)

@pytest.mark.parametrize(("name", "day", "code"), [
    ("Sergei Lavrov", "2019-05-01", "RUSGOV"),
    ("Nasser Judeh", "2015-03-01", "JORGOV"),  # a Phoenix term that ends on 2014-01-31 no longer decides
    ("Nasser Judeh", "2018-03-01", "JORELI"),
    ("Fumio Kishida", "2015-06-01", "JPNGOV"),  # foreign minister before he led the government
    ("Khawaja Asif", "2016-01-01", "PAKGOV"),
    ("Imad Khamis", "2018-04-05", "SYRGOV"),
    ("Gebran Bassil", "2018-04-05", "LBNGOV"),
    ("Jorge Faurie", "2018-04-05", "ARGGOV"),
    ("Qamar Javed Bajwa", "2018-04-05", "PAKMIL"),
    ("Radoslaw Sikorski", "2012-01-01", "POLGOV"),
    ("Radoslaw Sikorski", "2019-01-01", "POLELI"),
    ("John Bolton", "2018-06-01", "USAGOV"),  # national security adviser
    ("Mike Pompeo", "2018-01-10", "USASPY"),  # CIA director before he led the State Department
    ("Mike Pompeo", "2019-01-10", "USAGOV"),
    ("Jeff Sessions", "2018-01-10", "USAJUD"),  # an attorney general is the justice sector's
    ("Nancy Pelosi", "2018-01-10", "USALEG"),
    ("Jeremy Corbyn", "2018-01-10", "GBROPP"),
    ("Bashar al-Jaafari", "2018-01-10", "SYRGOV"),
])
def test_office_holders_by_date(kb: KnowledgeBase, name: str, day: str, code: str) -> None:
    actor = kb.resolve(name.split(), dt.date.fromisoformat(day))
    assert actor is not None and actor.code == code


def test_an_office_holder_without_a_title_in_a_sentence(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Gebran Bassil met Sergei Lavrov in Moscow on Tuesday.", dt.date(2018, 8, 21))
    assert ("LBNGOV", "RUSGOV", "04") in found and ("RUSGOV", "LBNGOV", "04") in found


def test_offices_table_is_layered_under_a_user_table() -> None:
    kb = KnowledgeBase.packaged()
    kb.add_table("name\taliases\tactor\trole\toffice\tstart\tend\n"
                 "Nasser Judeh\t\tJOR\tOPP\tother\t2015-01-01\t\n")
    actor = kb.resolve(["Nasser", "Judeh"], dt.date(2016, 1, 1))
    assert actor is not None and actor.code == "JOROPP"


def test_an_office_that_is_not_listed_is_an_error() -> None:
    with pytest.raises(DataError, match="office"):
        KnowledgeBase.packaged().add_table("name\taliases\tactor\trole\toffice\tstart\tend\n"
                                           "Vesna Petrak\t\tHRV\tGOV\tmayor\t2015-01-01\t\n")


def test_every_offices_row_is_well_formed(kb: KnowledgeBase) -> None:
    from tidings.actors.kb import OFFICES, _read_tsv

    for row in _read_tsv("offices.tsv"):
        assert row["office"] in OFFICES
        assert row["actor"] in kb.countries
        assert row["role"] in ("GOV", "MIL", "OPP", "LEG", "JUD", "SPY", "COP")
        start = dt.date.fromisoformat(row["start"])
        assert not row["end"] or dt.date.fromisoformat(row["end"]) > start


# --- "both sides", "the two countries", "the two leaders", "each other": the two parties just named

PAIR_DAY = dt.date(2022, 3, 9)


def test_both_sides_are_the_two_parties_of_the_sentence_before(pipeline: Pipeline) -> None:
    text = ("Peruvian President Ana Quispe met Bolivian President Luis Mamani in La Paz on Monday. "
            "Both sides agreed to reopen the border.")
    found = sides(pipeline, text, PAIR_DAY)
    assert {("PERGOV", "BOLGOV", "03"), ("BOLGOV", "PERGOV", "03")} <= found


@pytest.mark.parametrize(("phrase", "codes"), [
    ("The two leaders", {"PERGOV", "BOLGOV"}),
    ("The two countries", {"PER", "BOL"}),
    ("Both governments", {"PERGOV", "BOLGOV"}),
    ("The two sides", {"PERGOV", "BOLGOV"}),
])
def test_a_pair_phrase_takes_the_kind_its_noun_names(pipeline: Pipeline, phrase: str,
                                                     codes: set[str]) -> None:
    text = ("Peruvian President Ana Quispe met Bolivian President Luis Mamani in La Paz on Monday.\n\n"
            f"{phrase} also signed a water treaty.")
    treaty = {(s, t) for s, t, r in sides(pipeline, text, PAIR_DAY) if r == "05"}
    assert treaty and {c for pair in treaty for c in pair} == codes


def test_a_third_party_in_between_leaves_both_sides_unnamed(pipeline: Pipeline) -> None:
    text = ("Peruvian President Ana Quispe met Bolivian President Luis Mamani in La Paz on Monday. "
            "Chile criticised the meeting. The two sides signed a water treaty.")
    found = sides(pipeline, text, PAIR_DAY)
    assert not any(r == "05" for _, _, r in found)
    assert not any(s == "CHL" and t for s, t, r in found if r != "11")


def test_a_pair_phrase_with_no_pair_named_is_no_one(pipeline: Pipeline) -> None:
    text = "Chile, Peru and Bolivia criticised Argentina. Both sides signed a deal."
    found = sides(pipeline, text, PAIR_DAY)
    assert not any(r == "05" for _, _, r in found)


def test_one_side_named_again_keeps_the_pair(pipeline: Pipeline) -> None:
    text = ("Peruvian President Ana Quispe met Bolivian President Luis Mamani in La Paz on Monday. "
            "Quispe said the talks were frank. The two leaders signed a water treaty.")
    treaty = {(s, t) for s, t, r in sides(pipeline, text, PAIR_DAY) if r == "05"}
    assert treaty == {("PERGOV", "BOLGOV"), ("BOLGOV", "PERGOV")}


@pytest.mark.parametrize("text", [
    "Peru and Bolivia accused each other of violating the water treaty.",
    "Peruvian and Bolivian troops attacked one another near the border.",
])
def test_each_other_is_the_other_member_of_the_subject(pipeline: Pipeline, text: str) -> None:
    found = {(s[:3], t[:3]) for s, t, _ in sides(pipeline, text, PAIR_DAY) if s and t}
    assert {("PER", "BOL"), ("BOL", "PER")} <= found


def test_both_sides_then_each_other(pipeline: Pipeline) -> None:
    text = ("Peruvian President Ana Quispe met Bolivian President Luis Mamani in La Paz on Monday. "
            "Both sides accused each other of stalling the talks.")
    found = {(s, t) for s, t, r in sides(pipeline, text, PAIR_DAY) if r == "11"}
    assert found == {("PERGOV", "BOLGOV"), ("BOLGOV", "PERGOV")}


# --- "its" and "their" of the sentence's own parties

@pytest.mark.parametrize(("text", "pair"), [
    ("Ghanaian Defence Minister Kofi Mensah visited Togo and praised its army.", ("GHAGOV", "TGOMIL")),
    ("Mali criticised Niger and defended its decision to close the border.", None),
])
def test_a_possessive_belongs_to_a_party_of_its_own_sentence(pipeline: Pipeline, text: str,
                                                              pair: tuple[str, str] | None) -> None:
    found = sides(pipeline, text)
    if pair is not None:
        assert (*pair, "05") in found
    assert not any(r == "05" and t[:3] == "NER" for _, t, r in found)  # not Niger's decision


def test_a_possessive_does_not_reach_past_the_subject_to_an_earlier_sentence(pipeline: Pipeline) -> None:
    text = "Kenya praised Uganda on Monday.\n\nTanzania condemned the attack on its embassy."
    assert not any(s == "TZA" and t[:3] in ("KEN", "UGA") for s, t, _ in sides(pipeline, text))


# --- military ranks; an apposition that says what a place is, not who

@pytest.mark.parametrize(("phrase", "code"), [
    ("staff sergeant Ode Manyo", "---MIL"), ("a police sergeant", "---COP"), ("an army corporal", "---MIL"),
    ("Lance Corporal Femi Ade", "---MIL"),
])
def test_ranks_are_military_unless_their_group_says_otherwise(kb: KnowledgeBase, phrase: str,
                                                               code: str) -> None:
    actor = kb.resolve(phrase.split(), DAY)
    assert actor is not None and actor.code == code


def test_a_place_is_not_the_person_its_apposition_names(pipeline: Pipeline) -> None:
    text = "Gunmen attacked Kisumu, the hometown of Kenyan President William Ruto, on Friday."
    found = sides(pipeline, text, dt.date(2023, 2, 3))
    assert found and not any(t == "KENGOV" for _, t, _ in found)


def test_an_apposition_that_names_an_actor_still_counts(pipeline: Pipeline) -> None:
    found = sides(pipeline, "The group, a Kenyan rebel movement, attacked Uganda.", dt.date(2023, 2, 3))
    assert ("KENREB", "UGA", "19") in found


# --- a government speaker's "the country holds ...": the speaker's own statement

@pytest.mark.parametrize("text", [
    "Peruvian Foreign Minister Rosa Tello said on Monday that Peru is concerned over the Chilean drills.",
    "Peruvian Foreign Minister Rosa Tello spoke on Monday. She added that Peru rejects the Chilean plan.",
])
def test_what_a_government_speaker_says_the_country_holds_is_the_speakers(pipeline: Pipeline,
                                                                           text: str) -> None:
    found = sides(pipeline, text, PAIR_DAY)
    assert any(s == "PERGOV" and t[:3] == "CHL" for s, t, _ in found)
    assert not any(s == "PER" for s, _, _ in found)


def test_an_opposition_speaker_does_not_voice_the_country(pipeline: Pipeline) -> None:
    text = "The Peruvian opposition leader said Peru must reject the deal with Chile."
    found = sides(pipeline, text, PAIR_DAY)
    assert not any(s == "PERGOV" for s, _, _ in found)


# --- counted phrases: "more than 200 protesters", "three Britons"

@pytest.mark.parametrize(("phrase", "code"), [
    ("more than 300 strikers", "---LAB"), ("up to 40 students", "---EDU"),
    ("as many as 12 soldiers", "---MIL"), ("fewer than 10 police officers", "---COP"),
    ("at least 14 villagers", "---CVL"), ("four Peruvians", "PERCVL"),
    ("More than 1,200 Bolivians", "BOLCVL"), ("thousands of Chileans", "CHLCVL"), ("the Peruvians", "PER"),
    ("two Peruvian diplomats", "PERGOV"),
    ("300 Bolivian detainees", "BOL"), ("two Chilean outposts", "CHL"),
])
def test_a_counted_phrase_is_its_counted_noun(kb: KnowledgeBase, phrase: str, code: str) -> None:
    actor = kb.resolve(phrase.split(), DAY)
    assert actor is not None and actor.code == code


def test_counted_protesters_are_arrested(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Police arrested more than 200 protesters in Arequipa on Monday.", PAIR_DAY)
    assert ("PERCOP", "PEROPP", "17") in found


def test_counted_nationals_are_people_not_their_state(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Gunmen killed two Peruvians near Cucuta.", PAIR_DAY)
    assert any(t == "PERCVL" for _, t, _ in found) and not any(t == "PER" for _, t, _ in found)


def test_an_embassy_is_not_of_the_place_it_stands_in(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Gunmen attacked the embassy in Lima on Monday.", PAIR_DAY)
    assert found and not any(t == "PERGOV" for _, t, _ in found)
    assert ("PERJUD", "PERCVL", "17") in sides(pipeline, "A court in Lima sentenced three men.", PAIR_DAY)
