"""The GDELT 2.0 event export: 61 tab-separated columns in GDELT's order, no header, one event a line.

Column names and order are facts of the GDELT 2.0 Event codebook (the BigQuery header spelling:
``GLOBALEVENTID``, ``SQLDATE``, ``Actor1Geo_FullName``); every row loads with GDELT's column types (integers,
doubles, strings: ``shared/ontology/gdelt2_events_field_file.ff``) and in GDELT readers such as gdelt-py.
How each is filled from our events:

* ``GLOBALEVENTID``: the first 15 hex digits of our event id as an integer (fits a signed int64).
* ``SQLDATE``/``MonthYear``/``Year``/``FractionDate``: the event's date (else the article's publication
  date); ``FractionDate`` is GDELT's ``YYYY + (month * 30 + day) / 365``. An event with neither has no row
  (GDELT has no undated events); :func:`write` counts it as left out.
* ``Actor*Code``/``Name``/``CountryCode``/``Type1Code``: our CAMEO actor code, canonical name (upper case, as
  GDELT writes it), ISO 3166-1 alpha-3 country (CAMEO country codes are ISO alpha-3, as in GDELT) and first
  sector. Known group, ethnic and religion codes stay empty.
* ``IsRootEvent``: 1 when the event is in the article's first sentence.
* ``NumMentions``/``NumSources``/``NumArticles``: from the ``mentions`` table (syndicated copies count).
* ``AvgTone``: the mean tone of the stored articles that mention the event, GDELT's definition (percent
  positive words minus percent negative words) over VADER's lexicon (:mod:`tidings.export.tone`).
* ``Actor1Geo_*``/``Actor2Geo_*``: the actor's country when its code names one; ``ActionGeo_*``: the event's
  place. FIPS 10-4 country codes, GDELT's geography types and feature ids (:mod:`tidings.export.geo`).
* ``DATEADDED``: ``YYYYMMDDHHMMSS`` (UTC) when the ingest run that stored the article started.
* ``SOURCEURL``: the URL of the article the event was coded from (its name when it has no URL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

from tidings.export.geo import Gazetteer, actor_geo, event_geo

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

# ``{where}``: the caller's filter (a WHERE clause over ``events e``, with ``?`` parameters).
QUERY = """
SELECT e.*, c.num_mentions, c.num_sources, c.num_articles, a.url, a.name AS article_name,
       a.published, r.started,
       (SELECT list(m.article_id ORDER BY m.article_id) FROM mentions m WHERE m.event_id = e.id)
           AS mentioned_in
FROM events e
JOIN articles a ON a.id = e.article_id
JOIN ingest_runs r ON r.id = a.run_id
LEFT JOIN event_counts c ON c.event_id = e.id{where}
ORDER BY a.seq, e.span_start, e.id
"""

ToneOf = Callable[[Sequence[str]], float]


def row(r: dict[str, Any], avg_tone: ToneOf, places: Gazetteer) -> list[str] | None:
    """One event row (as a dict of the query above) -> the 61 GDELT fields; None when it has no date."""
    day: dt.date | None = r["date"] or r["published"]
    if day is None:
        return None
    cells: list[Any] = [int(r["id"][:15], 16), day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                        f"{day.year + (day.month * 30 + day.day) / 365:.4f}"]
    for side in ("source", "target"):
        name = r[f"{side}_name"]
        cells += [r[f"{side}_code"], name.upper() if name else "", r[f"{side}_country"], "", "", "", "",
                  r[f"{side}_sector"], "", ""]
    code = r["cameo_code"]
    cells += [1 if r["sentence"] == 0 else 0, code, code[:3], r["cameo_root"], r["quad_class"],
              r["goldstein"], r["num_mentions"] or 1, r["num_sources"] or 1, r["num_articles"] or 1,
              f"{avg_tone(r['mentioned_in'] or [r['article_id']]):.4f}"]
    cells += [*actor_geo(places, r["source_country"]), *actor_geo(places, r["target_country"])]
    cells += event_geo(places, r["location_name"], r["location_country"], r["location_lat"],
                       r["location_lon"], r["location_geonameid"])
    started: dt.datetime = r["started"]
    cells += [started.strftime("%Y%m%d%H%M%S"), r["url"] or r["article_name"]]
    return ["" if c is None else _clean(str(c)) for c in cells]


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write(records: Iterator[dict[str, Any]], out: TextIO, avg_tone: ToneOf,
          places: Gazetteer | None = None) -> int:
    """Write the rows of ``records``; return how many (an event without any date has none)."""
    places = places or Gazetteer.default()
    n = 0
    for r in records:
        cells = row(r, avg_tone, places)
        if cells is not None:
            out.write("\t".join(cells) + "\n")
            n += 1
    return n
