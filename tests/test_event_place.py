"""Where an event happened: the clause's place, the verb's object, the sentence's, the dateline (sentences
written for these tests)."""

from __future__ import annotations

import pytest

import tidings
from tidings.clean import clean
from tidings.nlp.model import parser
from tidings.places.event_place import dateline_name, event_places, locative_preposition


def _names(sentence: str, trigger: str) -> list[tuple[int, list[str]]]:
    doc = parser()(sentence)
    verb = next(t for t in doc if t.text == trigger)
    return [(n, [p.name for p in tier]) for n, tier in event_places(doc, verb)]


def test_a_place_after_in_is_the_clause_s_and_places_the_sides() -> None:
    assert _names("Police arrested four men in Mombasa on Monday.", "arrested") == [(0, ["Mombasa"])]


def test_a_place_down_an_of_phrase_or_apposition_is_the_clause_s() -> None:
    tiers = _names("Thousands of farmers marched through the streets of Madrid on Friday.", "marched")
    assert tiers == [(1, ["Madrid"])]
    doc = parser()("Soldiers fired on a crowd in the capital, Bamako, on Sunday.")
    place = next(t for t in doc if t.text == "Bamako")
    prep = locative_preposition(place)
    assert prep is not None and prep.lower_ == "in"


def test_a_place_that_is_an_actor_is_no_event_place() -> None:
    assert _names("Tokyo said it would send an envoy.", "send") == []


def test_a_place_of_another_clause_comes_after_the_clause_s() -> None:
    tiers = _names("The army said rebels seized the airport, which residents in Nairobi had left.", "seized")
    assert tiers == [(3, ["Nairobi"])]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("MOMBASA, Kenya (Reuters) - Police arrested four men on Monday after a raid on a warehouse.",
         "Mombasa"),
        ("Lyon: Farmers blocked roads with tractors on Friday to protest against fuel prices.", "Lyon"),
        ("KISUMU (AP) Farmers blocked roads with tractors on Friday over fuel prices.", "Kisumu"),
    ],
)
def test_dateline_names_the_town(text: str, town: str) -> None:
    name = dateline_name(text, clean(text).removed)
    assert name is not None and name.lower() == town.lower()


def test_prose_is_no_dateline() -> None:
    text = "Farmers in Kisumu blocked roads on Friday (AP) to protest against fuel prices."
    assert dateline_name(text, clean(text).removed) is None


def test_an_event_with_no_place_in_its_sentence_takes_the_dateline() -> None:
    text = ("MOMBASA, Kenya (Reuters) - Kenyan police arrested four opposition activists on Monday, "
            "officials said.")
    events = tidings.extract(text, published="2021-05-03")
    assert events
    assert all(e.location is not None and e.location.name == "Mombasa" for e in events)


def test_the_smallest_place_of_the_clause_wins() -> None:
    events = tidings.extract("Kenyan police arrested four opposition activists in Kisumu, Kenya, on Monday.",
                             published="2021-05-03")
    assert events and events[0].location is not None and events[0].location.name == "Kisumu"


def test_a_building_of_the_sentence_is_in_the_dateline_s_town() -> None:
    text = "KISUMU (AP) Police arrested an official of the county at the Town Hall on Monday."
    events = tidings.extract(text, published="2021-05-03")
    assert events and all(e.location is not None and e.location.name == "Kisumu" for e in events)


def test_a_sentence_with_no_place_goes_on_where_the_one_before_was() -> None:
    text = ("Heavy fighting broke out in Kismayo on Monday between two militias. "
            "Militiamen killed four soldiers and wounded six civilians, officials said.")
    events = [e for e in tidings.extract(text, published="2021-05-03") if e.sentence == 1]
    assert events and all(e.location is not None and e.location.name == "Kismayo" for e in events)


def test_the_object_of_a_taking_verb_is_a_place_even_as_a_person_name() -> None:
    tiers = _names("Militiamen recaptured Kismayo on Sunday.", "recaptured")
    assert tiers == [(2, ["Kismayo"])]
    assert _names("Militiamen thanked Kismayo on Sunday.", "thanked") == []  # a person, for all we know
