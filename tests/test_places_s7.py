"""Event places and geocoding by kind of construction: capitals named by their country, a name beside "the
capital" that the parser left unattached, places near a distance, the named object of another verb, Arabic
articles and countries at their GeoNames points (sentences written for these tests; names made up or
common)."""

from __future__ import annotations

import pytest

import tidings
from tidings.clean import clean
from tidings.nlp.model import parser
from tidings.places.event_place import dateline_name, event_places, sentence_country
from tidings.places.geocoder import Geocoder, km_between, normalise_name
from tidings.places.knowledge import Knowledge
from tidings.places.mention import place_phrases


def _tiers(sentence: str, trigger: str) -> list[tuple[int, list[str]]]:
    doc = parser()(sentence)
    verb = next(t for t in doc if t.text == trigger)
    return [(n, [p.name for p in tier]) for n, tier in event_places(doc, verb)]


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder.default()


@pytest.mark.parametrize(("name", "capital"), [
    ("Kenyan capital", "Nairobi"),
    ("capital of Peru", "Lima"),
    ("Ghana's capital", "Accra"),
])
def test_a_capital_named_by_its_country_is_that_country_s_capital(geocoder: Geocoder, name: str,
                                                                    capital: str) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.name == capital


def test_a_capital_of_an_unknown_country_is_not_guessed(geocoder: Geocoder) -> None:
    assert geocoder.geocode("capital of Zembla") is None


def test_the_demonym_capital_of_a_sentence_is_a_place_phrase() -> None:
    doc = parser()("Riot police broke up a sit-in by teachers in the Kenyan capital on Tuesday.")
    phrases = [(p.name, p.head.text) for p in place_phrases(doc)]
    assert ("Kenyan capital", "capital") in phrases


def test_a_name_after_the_capital_and_a_comma_hangs_from_the_capital() -> None:
    doc = parser()("Security forces fired rubber bullets to break up a march, wounding two students, in the "
                   "capital, Mbandaka, on 4 June, an aid group reported.")
    phrase = next(p for p in place_phrases(doc) if p.name == "Mbandaka")
    assert phrase.head.lower_ == "capital"
    assert phrase.head.head.lower_ == "in"


def test_a_place_after_a_distance_is_near_the_event() -> None:
    assert _tiers("Gunmen torched a warehouse some 30 miles from Mbandaka on Monday.", "torched") \
        == [(1, ["Mbandaka"])]
    assert _tiers("Rebels attacked a village 20 km north of Mbandaka on Monday.", "attacked") \
        == [(1, ["Mbandaka"])]


def test_a_place_after_from_without_a_distance_is_an_origin() -> None:
    assert _tiers("Rebels fled from Mbandaka on Monday.", "fled") == []


def test_the_named_place_another_verb_takes_is_the_sentence_s() -> None:
    tiers = _tiers("Rebels stormed Mbandaka on Friday once the garrison had withdrawn from the port, "
                   "residents said.", "withdrawn")
    assert tiers == [(3, ["Mbandaka"])]


def test_a_town_written_with_the_arabic_article_is_found(geocoder: Geocoder) -> None:
    plain = geocoder.geocode("Raqqa")
    written = geocoder.geocode("al-Raqqa")
    assert plain is not None and written is not None and written.geonameid == plain.geonameid


def test_a_large_country_resolves_at_its_geonames_point(geocoder: Geocoder) -> None:
    points = Knowledge.load().country_points
    for name, code in (("Canada", "CAN"), ("Indonesia", "IDN"), ("Japan", "JPN")):
        found = geocoder.geocode(name)
        assert found is not None and found.lat is not None and found.lon is not None
        assert (found.lat, found.lon) == points[code]


def test_the_pipeline_places_an_event_in_the_demonym_capital() -> None:
    result = next(iter(tidings.Pipeline().run([tidings.Article(
        "t", "Riot police clashed with teachers in the Kenyan capital on Tuesday.", None)])))
    located = [e.location for e in result.events if e.location is not None]
    assert located and all(loc.lat is not None and loc.lon is not None for loc in located)
    assert all(km_between(loc.lat or 0.0, loc.lon or 0.0, -1.28, 36.82) < 50 for loc in located)


def test_the_destination_of_a_deployment_is_the_event_s_place() -> None:
    assert _tiers("The army sent two battalions to Mombasa on Monday.", "sent") == [(1, ["Mombasa"])]


def test_a_destination_after_another_verb_is_no_event_place() -> None:
    assert _tiers("The minister wrote to Mombasa officials on Monday.", "wrote") == []


def test_a_name_after_a_distance_is_a_place_whatever_its_tag() -> None:
    sentence = "Fighters overran an empty army post about 25 miles from Mombasa late on Sunday."
    assert _tiers(sentence, "overran") == [(1, ["Mombasa"])]


def test_a_town_followed_by_its_arabic_name_is_the_town(geocoder: Geocoder) -> None:
    found = geocoder.geocode("Mosul al-Jadida")
    assert found is not None and found.name == "Mosul"
    assert geocoder.geocode("Tel al-Zarqa") is None  # a short first word is part of the name


@pytest.mark.parametrize(("written", "gazetteer"), [("al-Mayadeen", "Mayadin"), ("al-Hasakeh", "Hasakah")])
def test_an_arabic_name_in_another_transliteration_is_found(geocoder: Geocoder, written: str,
                                                             gazetteer: str) -> None:
    found = geocoder.geocode(written)
    assert found is not None and found.country == "SYR"
    assert normalise_name(found.name).endswith(gazetteer.lower())


def test_vowels_alone_do_not_make_a_short_name_match(geocoder: Geocoder) -> None:
    assert geocoder.geocode("al-Ruqa") is None  # two consonants are too few to tell names apart


@pytest.mark.parametrize("name", ["al-Ahram", "al-Watan", "al-Shabaab"])
def test_an_arabic_name_of_no_town_stays_unknown(geocoder: Geocoder, name: str) -> None:
    assert geocoder.geocode(name) is None  # a newspaper or a group, not a town without the article


def test_an_arabic_town_the_tagger_calls_an_organisation_places_the_event() -> None:
    sentence = "Government troops fought the insurgents in block 7 in al-Nabk and captured two hills."
    doc = parser()(sentence)
    assert any(e.text == "al-Nabk" and e.label_ != "GPE" for e in doc.ents)
    assert "al-Nabk" in [p.name for p in place_phrases(doc)]


def test_an_arrest_from_a_named_site_is_there_but_not_from_a_country() -> None:
    assert _tiers("Six activists were arrested from Kisumu University area on Thursday.", "arrested") \
        == [(1, ["Kisumu University area"])]
    assert _tiers("Police arrested two men from Somalia on Thursday.", "arrested") == []


def test_a_destination_the_parser_calls_a_dative_is_the_event_s_place() -> None:
    assert _tiers("Kenya has deployed police to Mombasa ahead of the planned protests.", "deployed") \
        == [(1, ["Mombasa"])]


def test_a_named_county_makes_a_town_the_one_of_a_state_with_that_county(geocoder: Geocoder) -> None:
    (alone,) = geocoder.geocode_article(["Clinton"])
    town, county = geocoder.geocode_article(["Clinton", "Hunterdon County"])  # only New Jersey has one
    assert alone is not None and town is not None and county is not None
    assert town.geonameid != alone.geonameid and town.lat is not None and 40 < town.lat < 41.5
    assert (county.geonameid, county.text) == (town.geonameid, "Hunterdon County")


@pytest.mark.parametrize(("text", "town"), [
    ("Kisumu, March 3 (PTI) Traders shut their stalls on Monday against a new levy.", "Kisumu"),
    ("Nakuru, Jan 5 (IANS) Farmers marched to the county offices.", "Nakuru"),
])
def test_a_dateline_with_a_date_and_an_agency_names_the_town(text: str, town: str) -> None:
    assert dateline_name(text, clean(text).removed) == town


def test_an_institution_with_its_acronym_is_no_dateline() -> None:
    text = "The Health Ministry (MoH) said on Monday that clinics would reopen."
    assert dateline_name(text, clean(text).removed) is None


def test_a_name_a_country_owns_is_a_place_whatever_its_tag() -> None:
    doc = parser()("Hundreds of traders staged a protest in Kenya's Kisumu on Monday.")
    assert "Kenya's Kisumu" in [p.name for p in place_phrases(doc)]
    assert _tiers("Hundreds of traders staged a protest in Kenya's Kisumu on Monday.", "staged") \
        == [(0, ["Kenya's Kisumu"])]


def test_a_sentence_without_a_place_takes_the_one_country_it_names(geocoder: Geocoder) -> None:
    one = sentence_country(parser()("A Kenyan official said gunmen seized two oil fields on Tuesday."),
                           geocoder)
    assert one is not None and one.country == "KEN"
    owned = sentence_country(parser()("Opponents of Kenya's coup gathered on Sunday."), geocoder)
    assert owned is not None and owned.country == "KEN"
    assert sentence_country(parser()("Russia said Iranian gunmen seized a tanker."), geocoder) is None


def test_the_pipeline_falls_back_on_the_sentence_s_country() -> None:
    result = next(iter(tidings.Pipeline().run([tidings.Article(
        "t", "A Kenyan official said gunmen seized two oil fields on Tuesday.", None)])))
    assert [e.location.country for e in result.events if e.location is not None] == ["KEN"]
