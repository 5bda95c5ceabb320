"""Geocoding place names (names chosen for these tests)."""

from __future__ import annotations

import pytest

from tidings.places import Geocoder, normalise_name


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder.default()


@pytest.mark.parametrize(
    ("name", "hint", "country", "geonameid"),
    [
        ("Paris", None, "FRA", 2988507),
        ("Paris, Texas", None, "USA", 4717560),
        ("the United States", None, "USA", 6252001),
        ("U.S.", None, "USA", 6252001),
        ("Britain", None, "GBR", 2635167),
        ("Côte d'Ivoire", None, "CIV", 2287781),
        ("Georgia", None, "GEO", 614540),
        ("Georgia", "USA", "USA", 4197000),
        ("Washington", None, "USA", 4140963),
        ("St. Petersburg", None, "RUS", 498817),
        ("Sao Paulo", None, "BRA", 3448439),
        ("Bombay", None, "IND", 1275339),
        ("Tripoli", "LBN", "LBN", 266826),
        ("Texas", None, "USA", 4736286),
        ("Springfield, Illinois", None, "USA", 4250542),
    ],
)
def test_geocode(geocoder: Geocoder, name: str, hint: str | None, country: str, geonameid: int) -> None:
    location = geocoder.geocode(name, country=hint)
    assert location is not None
    assert (location.country, location.geonameid, location.text) == (country, geonameid, name)
    assert location.lat is not None and location.lon is not None


@pytest.mark.parametrize(
    ("name", "country"),
    [("Gaza Strip", "PSE"), ("West Bank", "PSE"), ("Golan Heights", "SYR"), ("Crimea", "UKR")],
)
def test_regions(geocoder: Geocoder, name: str, country: str) -> None:
    location = geocoder.geocode(name)
    assert location is not None and location.country == country and location.lat is not None


def test_country_coordinates_fall_inside_the_country(geocoder: Geocoder) -> None:
    france = geocoder.geocode("France")
    assert france is not None and france.lat is not None and france.lon is not None
    assert 42 < france.lat < 51 and -5 < france.lon < 8


def test_subdivision_gives_country_only(geocoder: Geocoder) -> None:
    ontario = geocoder.geocode("Ontario")
    assert ontario is not None and ontario.country == "CAN" and ontario.lat is None


@pytest.mark.parametrize("name", ["", "the Police", "Blorptown", "yesterday"])
def test_non_places(geocoder: Geocoder, name: str) -> None:
    assert geocoder.geocode(name) is None


def test_default_is_cached() -> None:
    assert Geocoder.default() is Geocoder.default()


def test_normalise_name() -> None:
    assert normalise_name("The U.S.") == "us"
    assert normalise_name("St. Louis") == normalise_name("Saint Louis") == "saint louis"
    assert normalise_name("Port-au-Prince") == "port au prince"
    assert normalise_name("Bogotá") == "bogota"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Rebels attacked a base in Mazar-i-Sharif on Monday.", "Mazar-i-Sharif"),  # tagged "Mazar" by the model
    ("Gunmen attacked the city of Mazar-e-Sharif.", "Mazar-e-Sharif"),
    ("Militants seized Kafr-el-Sheikh.", "Kafr-el-Sheikh"),
])
def test_hyphenated_names_are_tagged_whole(sentence: str, name: str) -> None:
    from tidings.nlp.model import parser
    assert name in [e.text for e in parser()(sentence).ents]


def test_hyphenated_names_leave_compounds_alone() -> None:
    from tidings.nlp.model import parser
    assert "Saudi" in [e.text for e in parser()("Saudi-led forces struck the port.").ents]


def test_event_at_a_hyphenated_town_is_geocoded() -> None:
    from tidings import extract

    events = extract("Taliban fighters attacked the German consulate in Mazar-i-Sharif on Thursday.",
                     published="2016-11-11")
    located = [e.location for e in events if e.location is not None]
    assert located and located[0].geonameid == 1133616  # Mazar-e Sharif, not left unplaced
