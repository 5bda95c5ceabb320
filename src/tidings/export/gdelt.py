"""The GDELT 2.0 event export: 61 tab-separated columns in GDELT's order, no header, one event a line.

Column names and order are facts of the GDELT 2.0 Event codebook (the BigQuery header spelling:
``GLOBALEVENTID``, ``SQLDATE``, ``Actor1Geo_FullName``). How each is filled from our events:

* ``GLOBALEVENTID``: the first 15 hex digits of our event id as an integer (fits a signed int64).
* ``SQLDATE``/``MonthYear``/``Year``/``FractionDate``: the event's date (else the article's publication
  date); ``FractionDate`` is GDELT's ``YYYY + (month * 30 + day) / 365``.
* ``Actor*Code``/``Name``/``CountryCode``/``Type1Code``: our CAMEO actor code, canonical name (upper case, as
  GDELT writes it), ISO 3166-1 alpha-3 country (CAMEO country codes are ISO alpha-3) and first sector.
  Known group, ethnic and religion codes stay empty.
* ``IsRootEvent``: 1 when the event is in the article's first sentence.
* ``NumMentions``/``NumSources``/``NumArticles``: from the ``mentions`` table (syndicated copies count);
  ``AvgTone`` is empty (tidings computes no tone).
* ``ActionGeo_*``: the event's place; ``Type`` 1 (country) or 4 (world city, when it has coordinates),
  ``CountryCode`` and ``ADM1Code`` are **ISO 3166-1 alpha-2** codes, not GDELT's FIPS 10-4 (they differ for
  some countries, e.g. Germany DE vs FIPS GM). ``FeatureID`` is the GeoNames id. ``Actor1Geo_*`` and
  ``Actor2Geo_*`` stay empty (type 0): tidings geocodes events, not actors.
* ``DATEADDED``: ``YYYYMMDDHHMMSS`` (UTC) when the ingest run that stored the article started.
* ``SOURCEURL``: the URL of the article the event was coded from (its name when it has no URL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from typing import Any, TextIO

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == 61

QUERY = """
SELECT e.*, c.num_mentions, c.num_sources, c.num_articles, a.url, a.name AS article_name,
       a.published, r.started
FROM events e
JOIN articles a ON a.id = e.article_id
JOIN ingest_runs r ON r.id = a.run_id
LEFT JOIN event_counts c ON c.event_id = e.id
ORDER BY a.seq, e.span_start, e.id
"""


@cache
def iso2(alpha3: str | None) -> str:
    if not alpha3:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3)
    return str(country.alpha_2) if country is not None else ""


def row(r: dict[str, Any]) -> list[str]:
    """One event row (as a dict of the query above) -> the 61 GDELT fields."""
    day: dt.date | None = r["date"] or r["published"]
    cells: list[Any] = [int(r["id"][:15], 16)]
    if day is not None:
        cells += [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                  f"{day.year + (day.month * 30 + day.day) / 365:.4f}"]
    else:
        cells += ["", "", "", ""]
    for side in ("source", "target"):
        name = r[f"{side}_name"]
        cells += [r[f"{side}_code"], name.upper() if name else "", r[f"{side}_country"], "", "", "", "",
                  r[f"{side}_sector"], "", ""]
    code = r["cameo_code"]
    cells += [1 if r["sentence"] == 0 else 0, code, code[:3], r["cameo_root"], r["quad_class"],
              r["goldstein"], r["num_mentions"] or 1, r["num_sources"] or 1, r["num_articles"] or 1, ""]
    cells += [0, "", "", "", "", "", "", ""] * 2
    if r["location_name"]:
        has_point = r["location_lat"] is not None
        cc = iso2(r["location_country"])
        cells += [4 if has_point else 1, r["location_name"], cc, cc, "",
                  r["location_lat"] if has_point else "", r["location_lon"] if has_point else "",
                  r["location_geonameid"] or ""]
    else:
        cells += [0, "", "", "", "", "", "", ""]
    started: dt.datetime = r["started"]
    cells += [started.strftime("%Y%m%d%H%M%S"), r["url"] or r["article_name"]]
    return ["" if c is None else _clean(str(c)) for c in cells]


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


def rows(records: Iterator[dict[str, Any]]) -> Iterator[list[str]]:
    for r in records:
        yield row(r)


def write(records: Iterator[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for cells in rows(records):
        out.write("\t".join(cells) + "\n")
        n += 1
    return n
