"""Toponym resolution, session 9 (name lists and sentences written for these tests): a park or street led by a
place the article names, a state's abbreviation in a story about its country, airports and resorts named
as places, islands that stand for their country, a former state at its successor's point."""

from __future__ import annotations

import pytest

from tidings.places.geocoder import Geocoder, km_between


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder.default()


def test_a_park_named_after_a_town_of_the_story_is_in_that_town(geocoder: Geocoder) -> None:
    # Lyon is the story's main town (named twice), but "Grenoble Park" is in Grenoble, which it names too.
    found = geocoder.geocode_article(["Lyon", "Lyon", "Grenoble", "Grenoble Park"])[3]
    assert found is not None and found.name == "Grenoble"


def test_gardens_named_after_a_country_of_the_story_are_in_that_country(geocoder: Geocoder) -> None:
    found = geocoder.geocode_article(["Yerevan", "Yerevan", "Vatican", "Vatican Gardens"])[3]
    assert found is not None and found.country == "VAT"


def test_a_street_without_a_named_place_in_it_is_still_the_main_town(geocoder: Geocoder) -> None:
    found = geocoder.geocode_article(["Lyon", "Lyon", "Grenoble", "Baker Street"])[3]
    assert found is not None and found.name == "Lyon"


@pytest.mark.parametrize(("names", "index", "state"), [
    (["Perth", "Fremantle", "WA"], 2, "Western Australia"),
    (["Sydney", "Newcastle", "NSW"], 2, "New South Wales"),
    (["Seattle", "Tacoma", "WA"], 2, "Washington"),
    (["Vancouver", "Victoria", "BC"], 2, "British Columbia"),
])
def test_a_state_abbreviation_in_a_story_about_its_country(geocoder: Geocoder, names: list[str], index: int,
                                                           state: str) -> None:
    found = geocoder.geocode_article(names)[index]
    assert found is not None and found.name == state and found.lat is not None


def test_a_state_abbreviation_alone_stays_unknown(geocoder: Geocoder) -> None:
    assert geocoder.geocode_article(["WA"]) == [None]
    assert geocoder.geocode_article(["Paris", "Lyon", "WA"])[2] is None  # no state of France is "WA"


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Schiphol", 52.37, 4.89),
    ("Amsterdam Airport Schiphol", 52.37, 4.89),
    ("Disney World", 28.54, -81.38),
    ("Disneyworld", 28.54, -81.38),
    ("O'Hare", 41.85, -87.65),
])
def test_airports_and_resorts_are_in_their_town(geocoder: Geocoder, name: str, lat: float,
                                                lon: float) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.lat is not None and found.lon is not None
    assert km_between(found.lat, found.lon, lat, lon) < 60


@pytest.mark.parametrize("name", ["T&T", "Trinidad", "Tobago"])
def test_the_islands_of_trinidad_and_tobago(geocoder: Geocoder, name: str) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.country == "TTO"
    assert found.lat is not None and found.lon is not None
    assert km_between(found.lat, found.lon, 10.65, -61.5) < 161


def test_a_former_state_stands_at_its_successor_s_point(geocoder: Geocoder) -> None:
    union, russia = geocoder.geocode("Soviet Union"), geocoder.geocode("Russia")
    assert union is not None and russia is not None
    assert (union.lat, union.lon) == (russia.lat, russia.lon)


@pytest.mark.parametrize("name", ["Burton", "Stoke", "Stourport"])
def test_a_british_town_named_after_its_river_by_its_first_word(geocoder: Geocoder, name: str) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.country == "GBR" and found.name.startswith(name)


def test_a_bigger_namesake_keeps_the_short_name(geocoder: Geocoder) -> None:
    found = geocoder.geocode("Stockton")  # Stockton-on-Tees is smaller than Stockton, California
    assert found is not None and found.country == "USA"
