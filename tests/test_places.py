"""Geocoding place names (names chosen for these tests)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tidings.errors import DataError
from tidings.places import Geocoder, normalise_name
from tidings.places.geocoder import km_between
from tidings.places.knowledge import Knowledge


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
    ("Gunmen attacked the Afghan city of Mazar-e-Sharif.", "Mazar-e-Sharif"),
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


@pytest.mark.parametrize(
    ("name", "inside"),
    [
        # a representative point deep inside, not the mean of towns (which drifts to the populated coast)
        ("United States", (39.8, -98.6)),  # the geographic centre of the contiguous states
        ("Russia", (61.0, 97.0)),  # central Siberia, not Moscow
        ("Canada", (60.0, -110.0)),  # GeoNames puts it in the interior of the western provinces
        ("Australia", (-25.0, 134.0)),
    ],
)
def test_country_gets_a_representative_point(geocoder: Geocoder, name: str,
                                             inside: tuple[float, float]) -> None:
    location = geocoder.geocode(name)
    assert location is not None and location.lat is not None and location.lon is not None
    assert km_between(location.lat, location.lon, *inside) < 400


def test_bare_province_name_is_its_seat_but_province_word_asks_for_the_province(geocoder: Geocoder) -> None:
    town = geocoder.geocode("Kunduz")
    province = geocoder.geocode("Kunduz province")
    assert town is not None and town.geonameid is not None and town.country == "AFG"
    assert province is not None and province.geonameid is None and province.country == "AFG"
    assert province.lat is not None and province.lon is not None  # the mean of the province's towns
    assert geocoder.geocode("the city of Kunduz") == replace(town, text="the city of Kunduz")


def test_possessive_country_and_city_word(geocoder: Geocoder) -> None:
    found = geocoder.geocode("Afghanistan's Mazar-i-Sharif city")
    assert found is not None and found.country == "AFG" and found.geonameid == 1133616
    # the possessive's country bounds the look-up: a town of that name elsewhere is not taken
    french = geocoder.geocode("France's Springfield")
    assert french is not None and french.country == "FRA"


@pytest.mark.parametrize(
    ("name", "town_id"),
    [("the White House", 4140963), ("the Kremlin", 524901), ("Downing Street", 2643743)],
)
def test_landmark_is_placed_in_its_town(geocoder: Geocoder, name: str, town_id: int) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.geonameid == town_id and found.text == name


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Calif.", "California"), ("La.", "Louisiana"), ("LA", "Los Angeles"), ("Holy See", "Vatican")],
)
def test_abbreviations_as_written(geocoder: Geocoder, name: str, expected: str) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.name == expected and found.lat is not None


@pytest.mark.parametrize(
    ("name", "country"),
    [("Ontario", "CAN"), ("Bavaria", "DEU"), ("Helmand province", "AFG"), ("Idlib", "SYR")],
)
def test_subdivisions_get_coordinates(geocoder: Geocoder, name: str, country: str) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.country == country and found.lat is not None and found.lon is not None


def test_subdivision_against_homonymous_town(geocoder: Geocoder) -> None:
    victoria = geocoder.geocode("Victoria", country="AUS")
    assert victoria is not None and victoria.country == "AUS" and victoria.geonameid is None
    ontario = geocoder.geocode("Ontario", country="USA")
    assert ontario is not None and ontario.country == "USA" and ontario.geonameid is not None


def test_demonyms_and_continents(geocoder: Geocoder) -> None:
    syrian = geocoder.geocode("Syrian")
    assert syrian is not None and syrian.country == "SYR"
    europe = geocoder.geocode("European")
    assert europe is not None and europe.name == "Europe"


def test_article_places_decide_between_homonyms(geocoder: Geocoder) -> None:
    english, _ = geocoder.geocode_article(["Salisbury", "England"])
    zimbabwean, _ = geocoder.geocode_article(["Salisbury", "Zimbabwe"])
    assert english is not None and english.country == "GBR"
    assert zimbabwean is not None and zimbabwean.country == "ZWE"


def test_article_village_only_in_a_named_country(geocoder: Geocoder) -> None:
    assert geocoder.geocode("Tetbury") is None  # under 15,000 people: not in the main index
    village, _ = geocoder.geocode_article(["Tetbury", "Britain"])
    assert village is not None and village.country == "GBR"
    alone = geocoder.geocode_article(["Tetbury"])
    assert alone == [None]


def test_article_street_stands_for_the_article_town(geocoder: Geocoder) -> None:
    found = geocoder.geocode_article(["Portland", "Oregon", "Elm Street", "Mercy General Hospital"])
    portland = found[0]
    assert portland is not None and portland.country == "USA"
    assert found[2] == replace(portland, text="Elm Street")
    assert found[3] == replace(portland, text="Mercy General Hospital")
    assert geocoder.geocode_article(["Elm Street"]) == [None]
    road, lake, _ = geocoder.geocode_article(["Route 26", "Mill Lake", "Portland"])
    assert road is not None and lake is not None and road.geonameid == lake.geonameid == portland.geonameid


def test_user_knowledge_is_layered_over_the_packaged(tmp_path: Path) -> None:
    (tmp_path / "landmarks.tsv").write_text(
        "# mine\nname\taliases\ttown\tcountry\nWhite House\t\tLondon\tGBR\nOld Mill\tThe Mill\tLeeds\tGBR\n",
        encoding="utf-8",
    )
    knowledge = Knowledge.load([tmp_path])
    names = {(m.name, m.town) for m in knowledge.landmarks}
    assert ("Old Mill", "Leeds") in names and ("White House", "Washington") in names
    assert knowledge.aliases["Calif."] == ("California", "USA")


def test_bad_knowledge_file_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "areas.tsv").write_text("name\tcountry\nSomewhere\tGBR\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"areas\.tsv"):
        Knowledge.load([tmp_path])


@pytest.mark.parametrize(
    ("sentence", "country", "is_town"),
    [
        ("Taliban fighters attacked a police checkpoint in Afghanistan's Kunduz province on Monday.",
         "AFG", False),
        ("Syrian government forces bombed rebel positions in the city of Aleppo on Sunday.", "SYR", True),
    ],
)
def test_event_place_reads_class_words(sentence: str, country: str, is_town: bool) -> None:
    import tidings

    events = tidings.extract(sentence, published="2021-05-03")
    assert events, sentence
    location = events[0].location
    assert location is not None and location.country == country and location.lat is not None
    assert (location.geonameid is not None) == is_town


def test_place_phrase_keeps_class_word_and_possessive() -> None:
    from tidings.nlp.model import parser
    from tidings.places.mention import place_phrase

    doc = parser()("Gunmen killed two guards in Afghanistan's Herat city.")
    phrases = [p for p in map(place_phrase, doc.ents) if p is not None and p.head.dep_ == "pobj"]
    assert [p.name for p in phrases] == ["Afghanistan's Herat city"]
    assert phrases[0].head.head.lower_ == "in"


def test_article_states_decide_between_homonymous_us_towns(geocoder: Geocoder) -> None:
    alone = geocoder.geocode("Springfield")
    town, state = geocoder.geocode_article(["Springfield", "Illinois"])
    assert alone is not None and state is not None and town is not None
    assert town.geonameid == 4250542 != alone.geonameid  # the capital of Illinois, not the bigger namesake


def test_us_state_gets_its_centre_not_the_mean_of_its_towns(geocoder: Geocoder) -> None:
    california = geocoder.geocode("California")
    assert california is not None and california.lat is not None and california.lon is not None
    assert km_between(california.lat, california.lon, 37.2, -119.5) < 50
