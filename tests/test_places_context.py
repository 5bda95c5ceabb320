"""Homonyms, counties, buildings named after their town, abbreviations (names chosen for these tests)."""

from __future__ import annotations

import pytest

from tidings.places import Geocoder


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder.default()


def test_a_named_country_helps_a_town_of_similar_size(geocoder: Geocoder) -> None:
    alone = geocoder.geocode("Birmingham")
    beside_us = geocoder.geocode("Birmingham", context={"USA"})
    assert alone is not None and alone.country == "GBR"
    assert beside_us is not None and beside_us.country == "USA"


def test_a_named_country_does_not_outweigh_a_capital(geocoder: Geocoder) -> None:
    for name, country in (("Moscow", "RUS"), ("Rome", "ITA")):
        found = geocoder.geocode(name, context={"USA"})
        assert found is not None and found.country == country


def test_a_main_name_beats_a_bigger_town_s_alternate_name(geocoder: Geocoder) -> None:
    found = geocoder.geocode("Riverdale")
    assert found is not None and found.name == "Riverdale"
    bombay = geocoder.geocode("Bombay")  # an old name of a very big city still finds it
    assert bombay is not None and bombay.country == "IND"


def test_a_county_is_placed_by_the_town_or_state_of_the_article(geocoder: Geocoder) -> None:
    town, county = geocoder.geocode_article(["Akron", "Summit County"])
    assert town is not None and county is not None
    assert (county.name, county.text) == ("Akron", "Summit County")
    (alone,) = geocoder.geocode_article(["Travis County"])  # only Texas has one
    assert alone is not None and alone.name == "Texas" and alone.lat is not None
    (several,) = geocoder.geocode_article(["Summit County"])  # several states, nothing to choose by
    assert several is None


@pytest.mark.parametrize(
    ("name", "hint", "place"),
    [
        ("Springfield General Hospital", "USA", "Springfield"),
        ("Leeds General Infirmary", None, "Leeds"),
        ("Ohio State Armory", None, "Ohio"),
        ("Kenya Embassy", None, "Kenya"),
        ("University of Nairobi", None, "Nairobi"),
        ("Leeds University area", None, "Leeds"),
    ],
)
def test_a_building_is_in_the_place_it_is_named_after(geocoder: Geocoder, name: str, hint: str | None,
                                                      place: str) -> None:
    found = geocoder.geocode(name, country=hint)
    assert found is not None and found.name == place and found.text == name


@pytest.mark.parametrize("name", ["The Lima Theatre", "Banbury Stadium", "Springfield Road"])
def test_a_building_or_street_is_not_placed_by_a_word_of_its_name(geocoder: Geocoder, name: str) -> None:
    # a building's own name with "The", a small foreign town the article does not name, a street
    assert geocoder.geocode(name) is None


def test_an_unknown_abbreviation_is_not_a_town(geocoder: Geocoder) -> None:
    assert geocoder.geocode("WA") is None
    los_angeles = geocoder.geocode("LA")
    assert los_angeles is not None and los_angeles.name == "Los Angeles"


def test_towns_of_one_country_make_its_homonyms_the_article_s(geocoder: Geocoder) -> None:
    alone = geocoder.geocode("Gloucester")
    *_, town = geocoder.geocode_article(["Cheltenham", "Cirencester", "Gloucester"])
    assert alone is not None and town is not None and town.country == "GBR"


def test_a_named_us_state_finds_its_own_small_town(geocoder: Geocoder) -> None:
    alone = geocoder.geocode("Gainesville")
    state, town = geocoder.geocode_article(["Virginia", "Gainesville"])
    assert alone is not None and town is not None and state is not None
    assert town.country == "USA" and town.geonameid != alone.geonameid and town.lat is not None
    assert town.lat > 37.0  # the one in Virginia, not the bigger one in Florida
    _, capital = geocoder.geocode_article(["West Virginia", "Washington"])
    assert capital is not None and capital.geonameid == 4140963  # a big city keeps its name


def test_an_arabic_article_may_be_left_out(geocoder: Geocoder) -> None:
    raqqa = geocoder.geocode("Raqqa")
    ar_raqqa = geocoder.geocode("Ar Raqqah")
    assert raqqa is not None and ar_raqqa is not None and raqqa.geonameid == ar_raqqa.geonameid


def test_a_named_us_state_finds_its_own_village_of_a_name_the_big_index_lacks(geocoder: Geocoder) -> None:
    # "Red Oak" has no town of 15,000 people; of the villages of that name, the one in the named state wins
    state, village = geocoder.geocode_article(["Iowa", "Red Oak"])
    assert state is not None and village is not None and village.lat is not None and village.lon is not None
    assert 40.0 < village.lat < 44.0 and -97.0 < village.lon < -90.0


def test_a_province_is_found_without_its_arabic_article(geocoder: Geocoder) -> None:
    yemeni = geocoder.geocode("Jawf province", country="YEM")
    assert yemeni is not None and yemeni.country == "YEM"  # a province, not a Libyan town of that name
    syrian = geocoder.geocode("Hasakah province")
    assert syrian is not None and syrian.country == "SYR" and syrian.lat is not None
