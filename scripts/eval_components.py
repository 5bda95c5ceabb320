"""Score the date resolver and the geocoder against the gold sets in /work/shared/eval.

    .venv/bin/python scripts/eval_components.py [--eval-dir /work/shared/eval] [--json]

Dates (MEANTIME ``timexes.jsonl``): every non-DCT DATE timex whose gold value is a plain day, month or year
(``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``) and whose text is not empty is resolved against its document's
creation time; a hit is an exact match of the value written at the precision tidings reports. The text
is the gold tokens joined by spaces, so " , " is closed up to ", " first. ``is_date_expression`` is also
scored: how many of those DATE timexes it keeps, and how many DURATION timexes it rejects.

Places (GeoWebNews ``geowebnews.jsonl``): toponyms of the literal types (Literal, Literal_Modifier, Mixed,
Embedded_Literal) whose offsets match the text are geocoded by their surface name with no country hint.
Scores: exact GeoNames id on those with an id; accuracy@161km and median error on those with coordinates
(a toponym left unresolved, or resolved without coordinates, counts as a miss at 20,039 km, half the
Earth's circumference).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.dates import DateResolver, is_date_expression
from tidings.places import Geocoder

DEFAULT_EVAL_DIR = Path("/work/shared/eval")
LITERAL_TYPES = frozenset({"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal"})
PLAIN_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
MISS_KM = 20039.0
# Documents whose DCT is missing in MEANTIME; the README gives them from the SemEval-2015 timeline set.
MISSING_DCT = {"78496": "2007-09-01", "8951": "2005-04-27"}


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _dct(row: dict[str, Any]) -> dt.date | None:
    raw = row.get("dct") or MISSING_DCT.get(str(row.get("doc_id")))
    if not raw:
        return None
    if re.fullmatch(r"\d{2}-\d{2}-\d{4}", raw):  # one upstream DCT is DD-MM-YYYY
        day, month, year = raw.split("-")
        raw = f"{year}-{month}-{day}"
    return dt.date.fromisoformat(raw)


def _value(date: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def evaluate_dates(eval_dir: Path = DEFAULT_EVAL_DIR) -> dict[str, Any]:
    rows = list(_jsonl(eval_dir / "meantime" / "timexes.jsonl"))
    total = hits = unresolved = kept = 0
    misses: list[tuple[str, str, str, str]] = []
    for row in rows:
        if row["type"] != "DATE" or row["functionInDocument"] == "CREATION_TIME":
            continue
        text, value = row.get("text"), row.get("value") or ""
        dct = _dct(row)
        if not text or dct is None or not PLAIN_VALUE.fullmatch(value):
            continue
        text = re.sub(r" ([,.])", r"\1", text)
        total += 1
        kept += is_date_expression(text)
        info = DateResolver(dct).resolve(text)
        if info.from_publication:
            unresolved += 1
        got = _value(info.date, info.precision)
        if got == value:
            hits += 1
        else:
            misses.append((text, value, got, dct.isoformat()))
    durations = [r for r in rows if r["type"] == "DURATION" and r.get("text")]
    rejected = sum(not is_date_expression(re.sub(r" ([,.])", r"\1", r["text"])) for r in durations)
    return {
        "date_timexes": total,
        "date_accuracy": hits / total if total else 0.0,
        "date_unresolved": unresolved,
        "is_date_kept": kept / total if total else 0.0,
        "durations": len(durations),
        "durations_rejected": rejected / len(durations) if durations else 0.0,
        "date_misses": misses,
    }


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def evaluate_places(eval_dir: Path = DEFAULT_EVAL_DIR, geocoder: Geocoder | None = None) -> dict[str, Any]:
    geocoder = geocoder or Geocoder.default()
    with_id = id_hits = 0
    errors: list[float] = []
    resolved = 0
    for article in _jsonl(eval_dir / "geowebnews" / "geowebnews.jsonl"):
        for toponym in article["toponyms"]:
            if toponym["type"] not in LITERAL_TYPES or not toponym.get("offset_matches_text"):
                continue
            location = geocoder.geocode(toponym["extractedName"])
            resolved += location is not None
            gold_id = toponym.get("geonamesID")
            if gold_id:
                with_id += 1
                id_hits += location is not None and location.geonameid == int(gold_id)
            if toponym.get("lat") is not None and toponym.get("lon") is not None:
                if location is None or location.lat is None or location.lon is None:
                    errors.append(MISS_KM)
                else:
                    errors.append(
                        _km(float(toponym["lat"]), float(toponym["lon"]), location.lat, location.lon)
                    )
    return {
        "toponyms_with_id": with_id,
        "geonameid_accuracy": id_hits / with_id if with_id else 0.0,
        "toponyms_with_coordinates": len(errors),
        "accuracy_161km": sum(e <= 161.0 for e in errors) / len(errors) if errors else 0.0,
        "median_error_km": statistics.median(errors) if errors else 0.0,
        "resolved": resolved,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", type=int, default=0, help="print this many date misses")
    args = parser.parse_args(argv)
    if not (args.eval_dir / "meantime").is_dir() or not (args.eval_dir / "geowebnews").is_dir():
        print(f"gold sets not found under {args.eval_dir}", file=sys.stderr)
        return 2
    dates = evaluate_dates(args.eval_dir)
    places = evaluate_places(args.eval_dir)
    misses = dates.pop("date_misses")
    if args.json:
        print(json.dumps({**dates, **places}, indent=2))
    else:
        for key, value in {**dates, **places}.items():
            print(f"{key:28} {value:.3f}" if isinstance(value, float) else f"{key:28} {value}")
    for text, gold, got, dct in misses[: args.misses]:
        print(f"miss: {text!r} gold={gold} got={got} dct={dct}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
