"""Scoring tidings on the PETRARCH-family gold suites (JSONL, one case per line).

The rules follow the suites' README: per-case exact match of the multiset of (source, target, code) triples
(a case expecting ``[]`` passes only with no event), and micro precision/recall/F1 over triples at three
levels: the full triple, the triple with the CAMEO root (first two digits), and the triple with country-level
actors (first three characters of each code). Cases marked inactive upstream are not scored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tidings.errors import MalformedInput
from tidings.pipeline import Options, Pipeline
from tidings.record import Article

Triple = tuple[str, str, str]


@dataclass(slots=True)
class Case:
    id: str
    text: str
    date: dt.date | None
    expected: list[Triple]
    category: str
    require_dyad: bool = True


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: Counter[Triple], found: Counter[Triple]) -> None:
        hit = sum((expected & found).values())
        self.tp += hit
        self.fp += sum(found.values()) - hit
        self.fn += sum(expected.values()) - hit

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    suite: str
    cases: int = 0
    exact: int = 0
    triple: Counts = field(default_factory=Counts)
    root: Counts = field(default_factory=Counts)
    country: Counts = field(default_factory=Counts)
    by_category: dict[str, list[int]] = field(default_factory=dict)  # category -> [cases, exact, tp, fp, fn]
    failures: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def counts(c: Counts) -> dict[str, float]:
            return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4), "f1": round(c.f1, 4)}

        return {
            "suite": self.suite, "cases": self.cases, "exact": self.exact,
            "exact_rate": round(self.exact / self.cases, 4) if self.cases else 0.0,
            "triple": counts(self.triple), "root": counts(self.root), "country": counts(self.country),
            "by_category": {k: dict(zip(("cases", "exact", "tp", "fp", "fn"), v, strict=True))
                            for k, v in sorted(self.by_category.items())},
        }


def load_suite(path: Path) -> list[Case]:
    cases: list[Case] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedInput(f"{path}:{number} is not JSON ({exc})") from exc
        if not raw.get("active", True) or "expected_actor_codes" in raw:
            continue
        config = raw.get("config") or {}
        date = dt.date.fromisoformat(raw["date"]) if raw.get("date") else None
        cases.append(Case(
            id=raw["id"], text=raw["text"], date=date,
            expected=[(e["source"], e["target"], e["code"]) for e in raw.get("expected", [])],
            category=raw.get("category") or "-",
            require_dyad=str(config.get("require_dyad", "true")).lower() != "false",
        ))
    return cases


def triples(events: Iterable[Any]) -> list[Triple]:
    out: list[Triple] = []
    for e in events:
        out.append((e.source.code if e.source else "---", e.target.code if e.target else "---", e.cameo.code))
    return out


def evaluate(path: Path, *, dictionaries: Path | None = None, pipeline: Pipeline | None = None,
             ids: Collection[str] | None = None, options: Options | None = None) -> Scores:
    """Run the coder over every active case of a suite (or of those whose id is in ``ids``) and score it
    (``options``: the pipeline's other options, such as Phoenix layers, for every case)."""
    cases = [c for c in load_suite(path) if ids is None or c.id in ids]
    base = replace(options or Options(), dictionaries=dictionaries, parse_all=True)
    strict = pipeline or Pipeline(replace(base, require_dyad=True))
    loose: Pipeline | None = None
    scores = Scores(suite=path.name)
    for case in cases:
        runner = strict
        if not case.require_dyad:
            loose = loose or Pipeline(replace(base, require_dyad=False))
            runner = loose
        events = runner.extract(Article(case.id, case.text, case.date)) if case.text.strip() else []
        found = Counter(triples(events))
        expected = Counter(case.expected)
        scores.cases += 1
        ok = found == expected
        scores.exact += ok
        scores.triple.add(expected, found)
        scores.root.add(_map(expected, _root), _map(found, _root))
        scores.country.add(_map(expected, _country), _map(found, _country))
        row = scores.by_category.setdefault(case.category, [0, 0, 0, 0, 0])
        hit = sum((expected & found).values())
        row[0] += 1
        row[1] += ok
        row[2] += hit
        row[3] += sum(found.values()) - hit
        row[4] += sum(expected.values()) - hit
        if not ok:
            scores.failures.append({"id": case.id, "text": case.text, "expected": sorted(expected.elements()),
                                    "found": sorted(found.elements()),
                                    "rules": [e.rule for e in events]})
    return scores


def _root(t: Triple) -> Triple:
    return (t[0], t[1], t[2][:2])


def _country(t: Triple) -> Triple:
    return (t[0][:3], t[1][:3], t[2])


def _map(counter: Counter[Triple], fn: Any) -> Counter[Triple]:
    out: Counter[Triple] = Counter()
    for key, n in counter.items():
        out[fn(key)] += n
    return out
