"""Event places, session 9 (sentences written for these tests): a unit class word before its name ("Tehsil
X"), and demonyms that name where people come from ("Somalis arriving", "a Syrian refugee") rather than where
the event is."""

from __future__ import annotations

import pytest

import tidings
from tidings.nlp.model import parser
from tidings.places.event_place import sentence_country
from tidings.places.geocoder import Geocoder


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder.default()


@pytest.mark.parametrize("name", ["Tehsil Mardan", "tehsil Mardan", "Mardan tehsil"])
def test_a_tehsil_before_or_after_its_name_is_its_seat(geocoder: Geocoder, name: str) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.name == "Mardan" and found.country == "PAK"


def test_an_event_in_a_tehsil_is_at_its_seat() -> None:
    events = tidings.extract("Gunmen shot dead two policemen in Tehsil Mardan on Monday.",
                             published="2021-05-03")
    assert events and all(e.location is not None and e.location.name == "Mardan" for e in events)


@pytest.mark.parametrize(("sentence", "country"), [
    ("The Kenyan government is feeding thousands of Somalis crossing into its northern counties.", "KEN"),
    ("Police said a Syrian refugee was beaten by Turkish police on Sunday.", "TUR"),
    ("The Nigerian Army said it had freed forty Cameroonian nationals.", "NGA"),
    ("Ethiopian migrants were detained by Yemeni coastguards on Tuesday.", "YEM"),
])
def test_people_named_by_their_origin_do_not_place_the_event(geocoder: Geocoder, sentence: str,
                                                            country: str) -> None:
    found = sentence_country(parser()(sentence), geocoder)
    assert found is not None and found.country == country


def test_people_named_only_by_their_origin_name_no_country(geocoder: Geocoder) -> None:
    assert sentence_country(parser()("Somalis protested outside the embassy on Friday."), geocoder) is None
    assert sentence_country(parser()("A Syrian refugee was beaten on Sunday."), geocoder) is None


def test_an_earlier_briefing_abroad_does_not_place_an_event_in_the_named_country() -> None:
    text = ("The agency spoke at a briefing in Geneva on Friday. Working with the Kenyan Government, the "
            "agency is providing food aid for thousands of Somalis who reach the north of the country.")
    events = [e for e in tidings.extract(text, published="2021-05-03") if e.sentence == 1]
    assert events and all(e.location is not None and e.location.country == "KEN" for e in events)


def test_a_tehsil_named_first_is_a_place_whatever_the_tagger_says() -> None:
    from tidings.places.mention import place_phrases

    doc = parser()("Six people were hurt in two blasts in Tehsil Mardan of the Peshawar district.")
    assert "Tehsil Mardan" in [p.name for p in place_phrases(doc)]
    doc = parser()("The men were sentenced in District Court on Monday.")
    assert "District Court" not in [p.name for p in place_phrases(doc)]
