"""Kinds of construction, in sentences written for these tests.

- A big town or a region right after "in" or "near" that the tagger took for an organisation or a person is
  a place all the same ("looted shops in Durban" with Durban tagged ORG); a name the gazetteer does not
  know as a big town or a region stays no place ("confidence in the Fed").
- An event with no place of its own takes the article's setting (the first town an earlier sentence places
  something in) when the sentence names no other country.
- A name made only of direction or part words ("south", "the east", "downtown") is no place.
"""

from __future__ import annotations

import pytest

from tidings import Pipeline
from tidings.record import Article


def _places(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    return [(e.location.name if e.location else None, e.location.country if e.location else None)
            for e in pipeline.extract(Article("t", text, None))]


@pytest.mark.slow
class TestMislabelledTowns:
    def test_big_town_tagged_organisation(self, pipeline: Pipeline) -> None:
        assert ("Durban", "ZAF") in _places(pipeline, "Rioters looted shops in Durban.")

    def test_region_tagged_organisation(self, pipeline: Pipeline) -> None:
        places = _places(pipeline, "Rioters looted shops in KwaZulu-Natal.")
        assert [country for _, country in places] == ["ZAF"]

    def test_unknown_name_is_no_place(self, pipeline: Pipeline) -> None:
        places = _places(pipeline, "Protesters marched in Glimworth on Sunday against the new tax.")
        assert all(name is None or "Glimworth" not in name for name, _ in places)


@pytest.mark.parametrize("name", ["south", "the East", "Northern", "north city", "downtown", "central"])
def test_direction_and_part_words_are_no_place(name: str) -> None:
    """A name made only of direction or part words names a part of somewhere, never a place of its own (a
    region named "South" in some country is not what "south" means in a sentence)."""
    from tidings.places.geocoder import Geocoder

    assert Geocoder.default().geocode(name) is None


@pytest.mark.parametrize(("name", "country"), [("Eastern Cape", "ZAF"), ("North Korea", "PRK"),
                                               ("West Bank", "PSE"), ("Northern Ireland", "GBR")])
def test_names_with_direction_words_stay_places(name: str, country: str) -> None:
    from tidings.places.geocoder import Geocoder

    found = Geocoder.default().geocode(name)
    assert found is not None and found.country == country


@pytest.mark.slow
def test_a_south_city_shop_is_not_in_a_region_called_south(pipeline: Pipeline) -> None:
    text = ("St. Louis Police announced its burglary squad arrested two people suspected of stealing cars "
            "from a south city garage.")
    for event in pipeline.extract(Article("t", text, None)):
        for actor in (event.source, event.target):
            assert actor is None or not actor.code.startswith("CMR")


@pytest.mark.slow
def test_an_event_with_no_place_of_its_own_takes_the_article_setting(pipeline: Pipeline) -> None:
    """A sentence that names no place, in a paragraph that names none, with no dateline: the article's
    setting, the first town an earlier sentence places something in."""
    text = ("The opposition party held a rally in Mutare on Sunday.\n\nLater, the party's leader Tendai Biti "
            "said the government had failed the country.")
    found = {e.trigger: e.location.name if e.location else None
             for e in pipeline.extract(Article("t", text, None))}
    assert found.get("said") == "Mutare"


@pytest.mark.slow
def test_the_setting_gives_way_to_a_country_the_sentence_names(pipeline: Pipeline) -> None:
    text = ("The opposition party held a rally in Mutare on Sunday.\n\nLater, the party's leader Tendai Biti "
            "said Kenya had failed its neighbours.")
    for event in pipeline.extract(Article("t", text, None)):
        if event.trigger == "said" and event.location is not None:
            assert event.location.name != "Mutare"
