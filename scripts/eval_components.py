"""Score the date resolver, event dating and the geocoder, development and test parts side by side.

    .venv/bin/python scripts/eval_components.py [--shared ../shared] [--json] [--misses N] [--write-baseline]

Each suite is scored once per part of the frozen split (``evaluation/splits.json``: MEANTIME by document,
SemEval-2015 TimeLine by timeline, GeoWebNews by article); the figures go to stdout and to the "Measured
figures" section of ``evaluation/components.md``. ``--misses`` lists development misses only (the test part's
errors are not read). ``--write-baseline`` replaces these gates in ``evaluation/baseline.json``.

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
import re
import statistics
import sys
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from tidings.about import CODER
from tidings.dates import DateResolver, event_date, is_date_expression
from tidings.evaluation.splits import (
    PARTS,
    Gate,
    digest,
    load_splits,
    shared_dir,
    side_by_side,
    write_gates,
    write_section,
)
from tidings.places import Geocoder
from tidings.places.geocoder import km_between

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = shared_dir(ROOT) / "eval"
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


def _meantime_id(row: dict[str, Any]) -> str:
    return f"{row['corpus']}/{row['doc_id']}"


def evaluate_dates(eval_dir: Path = DEFAULT_EVAL_DIR, ids: Collection[str] | None = None) -> dict[str, Any]:
    """Date resolution on the MEANTIME timexes of the documents in ``ids`` (None: every document)."""
    rows = [r for r in _jsonl(eval_dir / "meantime" / "timexes.jsonl")
            if ids is None or _meantime_id(r) in ids]
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
        got = _value(info.date, info.precision) if info.date is not None else "none"
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


def _timeline_mentions(anchors: Path, docs: Collection[str], ids: Collection[str] | None
                       ) -> dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]:
    """The anchored event mentions of the timelines in ``ids`` (None: all), by the document they are in."""
    by_doc: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for entry in _jsonl(anchors):
        if ids is not None and f"{entry['corpus']}/{entry['target_entity']}" not in ids:
            continue
        for mention in entry["mentions"]:
            if mention.get("token_found") and mention.get("doc_name") in docs and mention.get("token_ids"):
                by_doc.setdefault(mention["doc_name"], []).append((entry, mention))
    return by_doc


def evaluate_event_dates(eval_dir: Path = DEFAULT_EVAL_DIR, ids: Collection[str] | None = None
                         ) -> dict[str, Any]:
    """Event dating on the SemEval-2015 TimeLine timelines in ``ids`` (corpus/target entity; None: all)."""
    from tidings.nlp.model import parser

    nlp = parser()
    root = eval_dir / "semeval2015_timeline"
    docs = {p.name.removesuffix(".xml"): p for p in root.glob("raw/corpus_*/corpus_trackB_CAT/*.txt.xml")}
    by_doc = _timeline_mentions(root / "timeline_anchors.jsonl", docs, ids)
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
            width = {"day": 10, "month": 7, "year": 4}[precision]
            got = info.date.isoformat()[:width] if info.date is not None else "none"
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


def evaluate_places(eval_dir: Path = DEFAULT_EVAL_DIR, geocoder: Geocoder | None = None,
                    ids: Collection[str] | None = None) -> dict[str, Any]:
    """Geocoding of the GeoWebNews toponyms of the articles in ``ids`` (None: every article)."""
    geocoder = geocoder or Geocoder.default()
    with_id = id_hits = 0
    errors: list[float] = []
    resolved = 0
    for article in _jsonl(eval_dir / "geowebnews" / "geowebnews.jsonl"):
        if ids is not None and str(article["file"]) not in ids:
            continue
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
                        km_between(float(toponym["lat"]), float(toponym["lon"]), location.lat, location.lon)
                    )
    return {
        "toponyms_with_id": with_id,
        "geonameid_accuracy": id_hits / with_id if with_id else 0.0,
        "toponyms_with_coordinates": len(errors),
        "accuracy_161km": sum(e <= 161.0 for e in errors) / len(errors) if errors else 0.0,
        "median_error_km": statistics.median(errors) if errors else 0.0,
        "resolved": resolved,
    }


SOURCES = {
    "meantime": ("meantime/timexes.jsonl",),
    "semeval2015_timeline": ("semeval2015_timeline/timeline_anchors.jsonl",),
    "geowebnews": ("geowebnews/geowebnews.jsonl",),
}
GATES = {  # gate -> (suite, figures gated, figures where lower is better)
    "meantime/dates": ("meantime", ("date_accuracy", "durations_rejected"), ()),
    "semeval2015_timeline/event_dates": ("semeval2015_timeline", ("event_date_accuracy", "event_over_dated"),
                                         ("event_over_dated",)),
    "geowebnews/geocoding": ("geowebnews", ("geonameid_accuracy", "accuracy_161km"), ()),
}
ROWS = (  # (suite, figure, label)
    ("meantime", "date_timexes", "MEANTIME DATE timexes scored"),
    ("meantime", "date_accuracy", "date resolution: exact value"),
    ("meantime", "date_unresolved", "left unresolved (publication-date fallback)"),
    ("meantime", "is_date_kept", "`is_date_expression` keeps (of the DATE timexes)"),
    ("meantime", "durations", "DURATION timexes"),
    ("meantime", "durations_rejected", "`is_date_expression` rejects (of the DURATION timexes)"),
    ("semeval2015_timeline", "event_mentions_dated", "SemEval-2015 anchored event mentions"),
    ("semeval2015_timeline", "event_date_accuracy", "event dates at the gold precision"),
    ("semeval2015_timeline", "event_date_accuracy_day", "... anchored to a day"),
    ("semeval2015_timeline", "event_date_accuracy_month", "... anchored to a month"),
    ("semeval2015_timeline", "event_date_accuracy_year", "... anchored to a year"),
    ("semeval2015_timeline", "event_mentions_undated", "unanchored mentions"),
    ("semeval2015_timeline", "event_over_dated", "over-dated (of the unanchored; lower is better)"),
    ("geowebnews", "toponyms_with_id", "GeoWebNews toponyms with a GeoNames id"),
    ("geowebnews", "geonameid_accuracy", "GeoNames id exact match"),
    ("geowebnews", "toponyms_with_coordinates", "toponyms with coordinates"),
    ("geowebnews", "accuracy_161km", "within 161 km (unresolved = miss)"),
    ("geowebnews", "median_error_km", "median error, km"),
    ("geowebnews", "resolved", "toponyms resolved at all"),
)


def evaluate_part(eval_dir: Path, suite: str, ids: Collection[str] | None) -> dict[str, Any]:
    """One suite's figures on one part (the misses lists included)."""
    if suite == "meantime":
        return evaluate_dates(eval_dir, ids)
    if suite == "semeval2015_timeline":
        return evaluate_event_dates(eval_dir, ids)
    return evaluate_places(eval_dir, ids=ids)


def gate(eval_dir: Path, name: str, ids: Collection[str], figures: dict[str, Any]) -> Gate:
    suite, keys, lower = GATES[name]
    return Gate(name, digest([eval_dir / rel for rel in SOURCES[suite]], ids),
                {k: float(figures[k]) for k in keys}, frozenset(lower))


def measure(eval_dir: Path, checkout: Path = ROOT) -> dict[str, dict[str, dict[str, Any]]]:
    """suite -> part -> figures, for every suite and both parts."""
    splits = load_splits(checkout)
    return {suite: {part: evaluate_part(eval_dir, suite, splits[suite].ids(part)) for part in PARTS}
            for suite in SOURCES}


def render(results: dict[str, dict[str, dict[str, Any]]], command: str) -> str:
    rows = [(label, {p: results[suite][p].get(key) for p in PARTS}) for suite, key, label in ROWS]
    return "\n".join([
        "## Measured figures",
        "",
        f"Produced by `{command}` on {dt.date.today().isoformat()} (coder `{CODER}`), development",
        "and test parts of `evaluation/splits.json` side by side. Only development misses are ever listed.",
        "",
        side_by_side(rows),
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir(ROOT))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", type=int, default=0, help="print this many development misses")
    parser.add_argument("--out", type=Path, default=ROOT / "evaluation" / "components.md")
    parser.add_argument("--write-baseline", action="store_true",
                        help="also replace these gates in evaluation/baseline.json")
    args = parser.parse_args(argv)
    eval_dir = args.shared / "eval"
    missing = [s for s in SOURCES if not (eval_dir / s).is_dir()]
    if missing:
        print(f"gold sets not found under {eval_dir}: {', '.join(missing)}", file=sys.stderr)
        return 2
    results = measure(eval_dir)
    dev = results["meantime"]["dev"], results["semeval2015_timeline"]["dev"]
    misses = dev[0].get("date_misses", [])
    event_misses = dev[1].get("event_date_misses", [])
    for by_part in results.values():
        for figures in by_part.values():
            figures.pop("date_misses", None)
            figures.pop("event_date_misses", None)
    command = " ".join([".venv/bin/python", "scripts/eval_components.py", *(argv if argv is not None
                                                                             else sys.argv[1:])])
    if args.json:
        print(json.dumps(results, indent=2))
    section = render(results, command)
    print(section)
    write_section(args.out, section)
    for text, gold, got, dct in misses[: args.misses]:
        print(f"miss: {text!r} gold={gold} got={got} dct={dct}")
    for sentence, word, gold, got in event_misses[: args.misses]:
        print(f"event miss: {word!r} gold={gold} got={got} in {sentence!r}")
    if args.write_baseline:
        splits = load_splits(ROOT)
        gates = [gate(eval_dir, name, splits[suite].ids("dev"), results[suite]["dev"])
                 for name, (suite, _, _) in GATES.items()]
        print(f"wrote {write_gates(ROOT, gates, command)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
