"""Score coded events against a hand-annotated event gold: matching and metrics, no I/O.

The gold (``evaluation/gold/events.jsonl``, see its ``GUIDE.md``) gives, for each event, the character span of
the sentence that holds its trigger (and optionally other sentences that restate the same act), its source and
target actor codes, CAMEO code, PLOVER type, date, place, attribution and factuality.

Matching. A system event matches a gold event of the same document when

* its sentence span overlaps one of the gold event's sentences, and
* their types agree: the same CAMEO root (``by="root"``) or the same PLOVER type (``by="plover"``; codes of
  the roots 01 and 02, which PLOVER leaves unmapped, agree by root).

Matching is one-to-one within a document. Among all one-to-one matchings the solver picks one with the most
pairs, and among those the one whose pairs agree on the most scored fields (scipy's assignment solver).

Metrics. Event precision = matched / system events, recall = matched / gold events. For matched pairs, per
field: source code, target code (the first six characters: country or IGO/NGO prefix and primary role), CAMEO
root, all three together, date (only where the gold has one; the system date cut to the gold's precision),
place (only where the gold has a GeoNames id: the same id, or within 161 km), attribution (both absent, or
both present and sharing a content word) and factuality (the same label).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from scipy.optimize import linear_sum_assignment

from tidings.places.geocoder import km_between
from tidings.record import Event

__all__ = [
    "FIELDS", "MatchBy", "Place", "Scored", "Tally", "acts", "dyadic", "field_hits", "gold_events",
    "km_between", "match", "overlaps", "same_type", "score_document", "statements", "system_event", "total",
]

MatchBy = Literal["root", "plover"]
FIELDS: tuple[str, ...] = ("source", "target", "root", "dyad_and_root", "date", "place", "attribution",
                           "factuality")
PLACE_KM = 161.0
CODE_CHARS = 6
_PAIR_WEIGHT = 1000.0  # any allowed pair outweighs every agreement bonus: the most pairs come first
_STOP = frozenset({"a", "an", "the", "of", "to", "in", "on", "and", "for", "with", "by", "at", "its", "his",
                   "her", "their", "s", "said", "says", "according"})
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Scored:
    """One event reduced to what is scored; spans are sentence spans in the document's original text."""

    spans: tuple[tuple[int, int], ...]
    source: str
    target: str
    cameo: str
    plover: str | None
    date: str | None = None
    place: Place | None = None
    attribution: str | None = None
    factuality: str = "asserted"

    @property
    def root(self) -> str:
        return self.cameo[:2]


def _place(value: Mapping[str, Any] | None) -> Place | None:
    if not value:
        return None
    gid = value.get("geonameid")
    return Place(int(gid) if gid is not None else None, value.get("lat"), value.get("lon"))


def gold_events(record: Mapping[str, Any]) -> list[Scored]:
    """The gold events of one ``events.jsonl`` line."""
    out: list[Scored] = []
    for ev in record.get("events", []):
        spans = [(int(ev["sentence_start"]), int(ev["sentence_end"]))]
        spans += [(int(a), int(b)) for a, b in ev.get("also", [])]
        out.append(Scored(
            spans=tuple(spans), source=ev["source"]["code"], target=ev["target"]["code"], cameo=ev["cameo"],
            plover=ev.get("plover"), date=ev.get("date"), place=_place(ev.get("place")),
            attribution=ev.get("attribution"), factuality=ev["factuality"]))
    return out


def system_event(event: Event, span: tuple[int, int]) -> Scored:
    """A tidings event as scored; ``span`` is its sentence span mapped back to the original text."""
    loc = event.location
    return Scored(
        spans=(span,),
        source=event.source.code if event.source else "",
        target=event.target.code if event.target else "",
        cameo=event.cameo.code,
        plover=event.plover.type if event.plover else None,
        date=event.date.isoformat() if event.date else None,
        place=Place(loc.geonameid, loc.lat, loc.lon) if loc else None,
        attribution=event.attribution.text if event.attribution else None,
        factuality=event.factuality,
    )


def overlaps(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    """Whether any span of ``a`` overlaps any span of ``b`` (half-open character spans)."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def same_type(gold: Scored, system: Scored, by: MatchBy) -> bool:
    if by == "root" or gold.plover is None or system.plover is None:
        return gold.root == system.root
    return gold.plover == system.plover


def _code(code: str | None) -> str:
    return (code or "")[:CODE_CHARS]


def _date_hit(gold: str | None, system: str | None) -> bool | None:
    if gold is None:
        return None
    return system is not None and system[:len(gold)] == gold


def _place_hit(gold: Place | None, system: Place | None) -> bool | None:
    if gold is None or gold.geonameid is None:
        return None
    if system is None:
        return False
    if system.geonameid is not None and system.geonameid == gold.geonameid:
        return True
    coords = (gold.lat, gold.lon, system.lat, system.lon)
    if any(c is None for c in coords):
        return False
    return km_between(*(float(c) for c in coords if c is not None)) <= PLACE_KM


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _attribution_hit(gold: str | None, system: str | None) -> bool:
    if gold is None or system is None:
        return gold is None and system is None
    return bool(_words(gold) & _words(system))


def field_hits(gold: Scored, system: Scored) -> dict[str, bool | None]:
    """For one matched pair: each field right (True), wrong (False) or not scored (None)."""
    source = _code(gold.source) == _code(system.source)
    target = _code(gold.target) == _code(system.target)
    root = gold.root == system.root
    return {
        "source": source,
        "target": target,
        "root": root,
        "dyad_and_root": source and target and root,
        "date": _date_hit(gold.date, system.date),
        "place": _place_hit(gold.place, system.place),
        "attribution": _attribution_hit(gold.attribution, system.attribution),
        "factuality": gold.factuality == system.factuality,
    }


def match(gold: Sequence[Scored], system: Sequence[Scored], by: MatchBy = "root") -> list[tuple[int, int]]:
    """One-to-one matching of one document's events: pairs of (gold index, system index)."""
    if not gold or not system:
        return []
    weights = np.zeros((len(gold), len(system)))
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if overlaps(g.spans, s.spans) and same_type(g, s, by):
                bonus = sum(1 for hit in field_hits(g, s).values() if hit)
                main = 1.0 if overlaps(g.spans[:1], s.spans) else 0.0  # prefer the trigger's own sentence
                weights[i, j] = _PAIR_WEIGHT + bonus + main
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if weights[i, j] > 0]


@dataclass
class Tally:
    """Counts of one or more documents: events, matches and per-field right/scored counts."""

    gold: int = 0
    system: int = 0
    matched: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.system += other.system
        self.matched += other.matched
        for name in FIELDS:
            self.right[name] += other.right[name]
            self.scored[name] += other.scored[name]

    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        """Share of matched pairs with this field right, or None when no pair had it scored."""
        return self.right[name] / self.scored[name] if self.scored[name] else None


def score_document(gold: Sequence[Scored], system: Sequence[Scored], by: MatchBy = "root") -> Tally:
    tally = Tally(gold=len(gold), system=len(system))
    pairs = match(gold, system, by)
    tally.matched = len(pairs)
    for i, j in pairs:
        for name, hit in field_hits(gold[i], system[j]).items():
            if hit is not None:
                tally.scored[name] += 1
                tally.right[name] += int(hit)
    return tally


def dyadic(events: Iterable[Scored]) -> list[Scored]:
    """The events with both sides known (a non-empty source and target code), as event coders of the
    PETRARCH family require."""
    return [e for e in events if e.source and e.target]


def statements(events: Iterable[Scored]) -> list[Scored]:
    """The statement events (CAMEO root 01): a third of news events, coded by rules of their own."""
    return [e for e in events if e.root == "01"]


def acts(events: Iterable[Scored]) -> list[Scored]:
    """Every event but the statements (CAMEO roots 02-20)."""
    return [e for e in events if e.root != "01"]


def total(tallies: Iterable[Tally]) -> Tally:
    out = Tally()
    for t in tallies:
        out.add(t)
    return out
