"""Score the date resolver, event dating and the geocoder against the gold sets in /work/shared/eval.

    .venv/bin/python scripts/eval_components.py [--eval-dir /work/shared/eval] [--json]

Dates (MEANTIME ``timexes.jsonl``): every non-DCT DATE timex whose gold value is a plain day, month or year
(``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``) and whose text is not empty is resolved against its document's
creation time; a hit is an exact match of the value written at the precision tidings reports. The text
is the gold tokens joined by spaces, so " , " is closed up to ", " first. ``is_date_expression`` is also
scored: how many of those DATE timexes it keeps, and how many DURATION timexes it rejects.

Event dates (SemEval-2015 TimeLine ``timeline_anchors.jsonl``, 90 Wikinews articles): each gold event
mention's sentence is parsed as the pipeline parses it and ``tidings.dates.event_date`` picks the date
expression that dates the mention's word (the previous dated sentence anchors "a day later"). A mention
anchored to a day, month or year is a hit when our date, written at the gold precision, equals it (an event
with no date expression gets the publication date, as the pipeline gives it); for a mention the gold leaves
unanchored (``XXXX-XX-XX``) we count how often we nevertheless read a date from the text (over-dating).

Places (GeoWebNews ``geowebnews.jsonl``): toponyms of the literal types (Literal, Literal_Modifier, Mixed,
Embedded_Literal) whose offsets match the text are geocoded by their surface name, an article's names together
(``Geocoder.geocode_article``: the countries and regions it names decide between homonymous towns).
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
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.dates import DateResolver, event_date, is_date_expression
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


def _cat_sentences(path: Path) -> tuple[dict[int, list[str]], dict[int, tuple[int, int]]]:
    """Tokens of each sentence of a CAT document, and each token id's (sentence, position)."""
    sentences: dict[int, list[str]] = {}
    where: dict[int, tuple[int, int]] = {}
    for tok in ET.parse(path).getroot().iter("token"):
        words = sentences.setdefault(int(tok.get("sentence", "0")), [])
        where[int(tok.get("t_id", "0"))] = (int(tok.get("sentence", "0")), len(words))
        words.append(tok.text or "")
    return sentences, where


def evaluate_event_dates(eval_dir: Path = DEFAULT_EVAL_DIR) -> dict[str, Any]:
    from tidings.nlp.model import parser

    nlp = parser()
    root = eval_dir / "semeval2015_timeline"
    docs = {p.name.removesuffix(".xml"): p for p in root.glob("raw/corpus_*/corpus_trackB_CAT/*.txt.xml")}
    by_doc: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for entry in _jsonl(root / "timeline_anchors.jsonl"):
        for mention in entry["mentions"]:
            if mention.get("token_found") and mention.get("doc_name") in docs and mention.get("token_ids"):
                by_doc.setdefault(mention["doc_name"], []).append((entry, mention))
    counts = {"day": [0, 0], "month": [0, 0], "year": [0, 0]}
    undated = over = 0
    misses: list[tuple[str, str, str, str]] = []
    for name, mentions in sorted(by_doc.items()):
        dct = _dct(mentions[0][1])
        if dct is None:
            continue
        resolver = DateResolver(dct)
        sentences, where = _cat_sentences(docs[name])
        parsed: dict[int, Any] = {}
        last: dict[int, dt.date | None] = {}
        previous: dt.date | None = None
        for number in sorted(sentences):  # each sentence's own date anchors relative dates in the next
            doc = parsed[number] = nlp(" ".join(sentences[number]))
            last[number] = previous
            text, info = event_date(doc, doc[:].root, resolver, previous)
            if text is not None and not info.from_publication:
                previous = info.date
        seen: set[tuple[int, int]] = set()
        for entry, mention in mentions:
            sentence, position = where[mention["token_ids"][0]]
            if (sentence, position) in seen:  # one mention on several entities' timelines counts once
                continue
            seen.add((sentence, position))
            doc = parsed[sentence]
            start = sum(len(w) + 1 for w in sentences[sentence][:position])
            trigger = next((t for t in doc if t.idx <= start < t.idx + max(len(t.text), 1)), None)
            if trigger is None:
                continue
            text, info = event_date(doc, trigger, resolver, last[sentence])
            precision = entry["date_precision"]
            if precision == "unknown":
                undated += 1
                over += text is not None and not info.from_publication
                continue
            if precision not in counts:
                continue
            got = info.date.isoformat()[:{"day": 10, "month": 7, "year": 4}[precision]]
            counts[precision][0] += 1
            if got == entry["date"].replace("-XX", ""):
                counts[precision][1] += 1
            else:
                misses.append((doc.text, mention["word"], entry["date"], f"{got} from {text!r}"))
    total = sum(n for n, _ in counts.values())
    hits = sum(h for _, h in counts.values())
    figures: dict[str, Any] = {"event_mentions_dated": total,
                               "event_date_accuracy": hits / total if total else 0.0}
    for precision, (n, h) in counts.items():
        figures[f"event_date_accuracy_{precision}"] = h / n if n else 0.0
    figures["event_mentions_undated"] = undated
    figures["event_over_dated"] = over / undated if undated else 0.0
    figures["event_date_misses"] = misses
    return figures


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
        toponyms = [t for t in article["toponyms"]
                    if t["type"] in LITERAL_TYPES and t.get("offset_matches_text")]
        located = geocoder.geocode_article([t["extractedName"] for t in toponyms])
        for toponym, location in zip(toponyms, located, strict=True):
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
    events: dict[str, Any] = {}
    if (args.eval_dir / "semeval2015_timeline").is_dir():
        events = evaluate_event_dates(args.eval_dir)
    misses = dates.pop("date_misses")
    event_misses = events.pop("event_date_misses", [])
    if args.json:
        print(json.dumps({**dates, **events, **places}, indent=2))
    else:
        for key, value in {**dates, **events, **places}.items():
            print(f"{key:28} {value:.3f}" if isinstance(value, float) else f"{key:28} {value}")
    for text, gold, got, dct in misses[: args.misses]:
        print(f"miss: {text!r} gold={gold} got={got} dct={dct}")
    for sentence, word, gold, got in event_misses[: args.misses]:
        print(f"event miss: {word!r} gold={gold} got={got} in {sentence!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
