"""Toponym resolution by general methods (sentences and name lists written for these tests): spatial coherence
among an article's places, counties and well-known regions, regional demonyms, villages of the countries a
sentence names, and a town named with its province."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import tidings
from tidings.nlp.model import parser
from tidings.places.cache import cached_rows
from tidings.places.event_place import event_places, sentence_countries, sentence_town
from tidings.places.geocoder import Geocoder, km_between


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder.default()


def test_a_homonym_near_the_article_s_other_towns_wins(geocoder: Geocoder) -> None:
    # Alone, "Springfield" is the biggest one (Missouri); beside Hartford and Worcester it is the one there.
    alone = geocoder.geocode_article(["Springfield"])[0]
    assert alone is not None and alone.lon is not None and alone.lon < -90
    found = geocoder.geocode_article(["Hartford", "Springfield", "Worcester"])[1]
    assert found is not None and found.lat is not None and found.lon is not None
    assert km_between(found.lat, found.lon, 42.1, -72.59) < 50


def test_a_us_state_beside_towns_of_another_country_may_be_a_town_there(geocoder: Geocoder) -> None:
    found = geocoder.geocode_article(["Montevideo", "Florida", "Durazno"])[1]
    assert found is not None and found.country == "URY"


def test_a_us_state_in_an_american_story_stays_the_state(geocoder: Geocoder) -> None:
    found = geocoder.geocode_article(["Albany", "Florida", "Rochester", "Syracuse"])[1]
    assert found is not None and found.name == "Florida" and found.lat is not None and found.lat < 31


def test_a_big_city_keeps_its_reading_beside_small_towns(geocoder: Geocoder) -> None:
    found = geocoder.geocode_article(["Paris", "Sherman", "Denison"])[0]
    assert found is not None and found.country == "FRA"


@pytest.mark.parametrize(("name", "country"), [
    ("Lincolnshire", "GBR"),
    ("County Wicklow", "IRL"),
    ("Co. Offaly", "IRL"),
    ("North Waziristan", "PAK"),
    ("Cape Cod", "USA"),
    ("Negev", "ISR"),
])
def test_counties_and_well_known_regions_have_a_point(geocoder: Geocoder, name: str, country: str) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.country == country and found.lat is not None


def test_a_county_named_like_a_foreign_town_is_the_county_in_a_british_story(geocoder: Geocoder) -> None:
    found = geocoder.geocode_article(["Surrey", "Guildford", "England"])[0]
    assert found is not None and found.country == "GBR"


@pytest.mark.parametrize(("name", "region"), [("Welsh", "Wales"), ("Catalan", "Catalonia")])
def test_a_regional_demonym_is_its_region(geocoder: Geocoder, name: str, region: str) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.name == region


def test_a_village_is_found_only_in_a_country_the_text_names(geocoder: Geocoder) -> None:
    assert geocoder.geocode("Mazamet") is None
    found = geocoder.geocode("Mazamet", context={"FRA"})
    assert found is not None and found.country == "FRA"
    assert geocoder.geocode("Mazamet", context={"BRA"}) is None


def test_a_town_named_with_its_class_word_may_be_a_village_of_the_context(geocoder: Geocoder) -> None:
    found = geocoder.geocode("town of Mazamet", country="FRA")
    assert found is not None and found.country == "FRA" and found.lat is not None


def test_a_sentence_names_its_countries_by_demonym() -> None:
    doc = parser()("Gunmen raided a bank in a town, a Norwegian broadcaster said, citing Polish police.")
    assert sentence_countries(doc, Geocoder.default()) >= {"NOR", "POL"}


def test_the_town_the_verb_acts_on_comes_before_the_province_of_the_clause() -> None:
    doc = parser()("On Friday, jets bombed the town of Elmvale in the northern province of Dunmore.")
    verb = next(t for t in doc if t.text == "bombed")
    tiers = [(n, [p.name for p in tier]) for n, tier in event_places(doc, verb)]
    assert tiers and tiers[0][0] == 0 and tiers[0][1][0] == "town of Elmvale"


def test_a_plain_object_is_no_town_phrase() -> None:
    doc = parser()("On Friday, jets bombed the bridge of Elmvale in the northern province of Dunmore.")
    verb = next(t for t in doc if t.text == "bombed")
    names = [p.name for _, tier in event_places(doc, verb) for p in tier]
    assert "bridge of Elmvale" not in names and "town of Elmvale" not in names


def test_the_pipeline_places_an_event_in_a_village_of_the_country_the_sentence_names() -> None:
    result = next(iter(tidings.Pipeline().run([tidings.Article(
        "t", "Farmers blocked roads near Mazamet on Sunday, French police said.", None)])))
    located = [e.location for e in result.events if e.location is not None]
    assert located and all(loc.lat is not None and loc.lon is not None for loc in located)
    assert all(km_between(loc.lat or 0.0, loc.lon or 0.0, 43.49, 2.37) < 30 for loc in located)


@pytest.mark.parametrize(("name", "country"), [("Lahore district", "PAK"), ("Kunduz district", "AFG")])
def test_a_district_named_after_its_seat_is_that_town(geocoder: Geocoder, name: str, country: str) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.country == country and found.geonameid is not None


def test_a_state_whose_name_has_a_class_word_is_that_state(geocoder: Geocoder) -> None:
    found = geocoder.geocode("District of Columbia")
    assert found is not None and found.lat is not None and found.lon is not None
    assert km_between(found.lat, found.lon, 38.9, -77.0) < 50


def test_the_district_class_word_makes_a_place_phrase() -> None:
    doc = parser()("Police dispersed a crowd in Hallam district of Westland on Monday.")
    verb = next(t for t in doc if t.text == "dispersed")
    names = [p.name for _, tier in event_places(doc, verb) for p in tier]
    assert any("district" in name for name in names)


def test_the_second_of_two_coordinated_places_has_the_first_one_s_preposition() -> None:
    doc = parser()("Rebels shelled villages in Nakuru and Naivasha on Sunday.")
    verb = next(t for t in doc if t.text == "shelled")
    names = [p.name for _, tier in event_places(doc, verb) for p in tier]
    assert "Naivasha" in names


def test_a_country_gives_way_to_a_town_of_it_the_clause_names() -> None:
    result = next(iter(tidings.Pipeline().run([tidings.Article(
        "t", "Farmers blocked the road between Nakuru and Naivasha in central Kenya.", None)])))
    located = [e.location for e in result.events if e.location is not None]
    assert located and all(loc.country == "KEN" and loc.name != "Kenya" for loc in located)


def test_where_a_statement_was_made_is_not_the_place_of_the_act_it_reports() -> None:
    doc = parser()("Militias burned a market, the governor told journalists in Lusaka.")
    verb = next(t for t in doc if t.text == "burned")
    assert [p.name for _, tier in event_places(doc, verb) for p in tier] == []


def test_the_speaker_s_place_still_counts_for_the_act() -> None:
    doc = parser()("Militias burned a market overnight, police in Ndola said.")
    verb = next(t for t in doc if t.text == "burned")
    assert "Ndola" in [p.name for _, tier in event_places(doc, verb) for p in tier]


def test_a_statement_keeps_the_place_where_it_was_made() -> None:
    doc = parser()("The governor told journalists in Lusaka that the market would reopen.")
    verb = next(t for t in doc if t.text == "told")
    assert "Lusaka" in [p.name for _, tier in event_places(doc, verb) for p in tier]


def test_a_town_and_its_state_is_that_state_s_town_or_village(geocoder: Geocoder) -> None:
    found = geocoder.geocode("Smithfield, Utah")
    assert found is not None and found.lon is not None and found.lon < -110  # not the one in Rhode Island
    village = geocoder.geocode("Glenrock, Wyoming")
    assert village is not None and village.country == "USA" and village.lon is not None and village.lon < -100


def test_an_unknown_town_of_a_named_state_is_placed_in_that_state(geocoder: Geocoder) -> None:
    found = geocoder.geocode("Quillbrook Falls, Ohio")
    assert found is not None and found.name == "Ohio"


def test_a_village_and_its_country_is_found_there(geocoder: Geocoder) -> None:
    found = geocoder.geocode("Mazamet, France")
    assert found is not None and found.country == "FRA" and found.lat is not None


def test_a_town_named_as_a_modifier_is_the_sentence_s_town(geocoder: Geocoder) -> None:
    doc = parser()("Mombasa traders shut their shops on Monday over new taxes.")
    found = sentence_town(doc, geocoder)
    assert found is not None and found.country == "KEN"


def test_two_modifier_towns_name_no_single_town(geocoder: Geocoder) -> None:
    doc = parser()("Mombasa traders and Kisumu farmers shut their shops on Monday.")
    assert sentence_town(doc, geocoder) is None


def test_the_pipeline_places_an_act_at_the_town_its_actor_is_named_after() -> None:
    result = next(iter(tidings.Pipeline().run([tidings.Article(
        "t", "Mombasa police arrested two opposition activists on Tuesday.", None)])))
    located = [e.location for e in result.events if e.location is not None]
    assert located and all(loc.lat is not None and loc.lon is not None for loc in located)
    assert all(km_between(loc.lat or 0.0, loc.lon or 0.0, -4.05, 39.66) < 50 for loc in located)


def test_a_dateline_abroad_gives_way_to_the_country_the_sentence_names() -> None:
    text = "GENEVA (Reuters) - Ruritanian and Malawian aid workers met on Monday.\n\n" \
           "Malawian soldiers detained two aid workers on Tuesday."
    result = next(iter(tidings.Pipeline().run([tidings.Article("t", text, None)])))
    later = [e.location for e in result.events if e.sentence > 0 and e.location is not None]
    assert later and all(loc.country == "MWI" for loc in later)


def test_a_dateline_in_the_country_the_sentence_names_is_kept() -> None:
    text = "LILONGWE (Reuters) - Malawian soldiers detained two aid workers on Tuesday."
    result = next(iter(tidings.Pipeline().run([tidings.Article("t", text, None)])))
    located = [e.location for e in result.events if e.location is not None]
    assert located and all(loc.name == "Lilongwe" for loc in located)


def test_two_villages_near_each_other_place_each_other(geocoder: Geocoder) -> None:
    assert geocoder.geocode_article(["Kinsale"]) == [None]  # alone, a village is too ambiguous
    found = geocoder.geocode_article(["Kinsale", "Bandon"])
    assert all(loc is not None and loc.country == "IRL" for loc in found)


def test_a_village_far_from_every_other_place_stays_unknown(geocoder: Geocoder) -> None:
    assert geocoder.geocode_article(["Kinsale", "Brazil"])[0] is None


def test_the_village_rows_are_built_once_and_read_back_from_the_cache_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, list[tuple[Any, ...]]]:
        calls.append(1)
        return {"elmvale": [("Elmvale", "CAN", 44.6, -79.9, 1, 1500, "08")]}

    first = cached_rows("villages", build)
    second = cached_rows("villages", build)
    assert first == second == build() and len(calls) == 2  # once by the first call, once here
    assert len(list(tmp_path.glob("villages-*.marshal"))) == 1


def test_an_unreadable_row_cache_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path))
    cached_rows("villages", lambda: {"a": []})
    for path in tmp_path.glob("villages-*.marshal"):
        path.write_bytes(b"not marshal")
    assert cached_rows("villages", lambda: {"b": []}) == {"b": []}


@pytest.mark.parametrize("name", ["Central America", "Eastern Europe", "Southern California"])
def test_a_directional_region_is_not_its_bare_head(geocoder: Geocoder, name: str) -> None:
    found = geocoder.geocode(name)
    assert found is not None and found.name == name
