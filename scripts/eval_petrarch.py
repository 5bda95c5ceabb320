"""Score tidings on the PETRARCH-family gold suites and write ``evaluation/petrarch.md``.

    .venv/bin/python scripts/eval_petrarch.py [--shared DIR] [--write-baseline]

Runs :func:`tidings.evaluation.petrarch.evaluate` on each suite of ``../shared/eval/petrarch`` (with our
knowledge base, with the Phoenix dictionaries, or with a suite's own fixture dictionaries), and writes one
table per run plus a by-category breakdown. ``--write-baseline`` also writes ``evaluation/baseline.json``:
the floors that ``tests/test_accuracy_gate.py`` enforces (measured minus 0.02, rounded down).
Progress goes to stderr; a run takes minutes (every sentence is parsed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.about import CODER
from tidings.evaluation.petrarch import Scores, evaluate, load_suite
from tidings.pipeline import Options, Pipeline
from tidings.record import Article, Event

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MARGIN = 0.02

PEERS = """\
Peer figures on `petr2_gsr_validation.jsonl`, as quoted in the project issue (not re-run here: both coders
need CoreNLP constituency or UD parses made first, which tidings does not):

| coder | cases scored | triple F1 | exact match |
|---|---|---|---|
| UniversalPetrarch | 78 | 0.788 | 70.5% |
| PETRARCH-2 | 58 (the ones it has parses for) | 0.817 | - |
"""


@dataclass(frozen=True)
class Run:
    suite: str  # file name in eval/petrarch
    dictionaries: str | None  # None: our knowledge base; else a path relative to the shared folder
    note: str


RUNS = (
    Run("petr2_gsr_validation.jsonl", None, "GSR validation, our knowledge base and lexicon"),
    Run("petr2_gsr_validation.jsonl", "dicts/phoenix", "GSR validation, plus the Phoenix dictionaries"),
    Run("udpetrarch_validate_records_2_02.jsonl", "eval/petrarch/fixtures/udpetrarch_2_02",
        "UD-PETRARCH 2_02 validation records, with their fixture dictionaries"),
    Run("petrarch_unittest_records.jsonl", "eval/petrarch/fixtures/petrarch_unittest",
        "PETRARCH unit-test records, with their fixture dictionaries (codes are mostly WEIS, not CAMEO)"),
    Run("universalpetrarch_english_sample.jsonl", None,
        "UniversalPetrarch English sample, our knowledge base"),
    Run("petrarch2_pytest_sentences.jsonl", None, "PETRARCH-2 pytest sentences, our knowledge base"),
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def floor(value: float) -> float:
    """``value - MARGIN`` rounded down to 3 decimals (never below 0)."""
    return max(0.0, math.floor(round((value - MARGIN) * 1000, 6)) / 1000)


class _Progress(Pipeline):
    """A pipeline that reports every 25th case on stderr."""

    def __init__(self, options: Options, label: str, total: int) -> None:
        super().__init__(options)
        self._label, self._total, self._done, self._t0 = label, total, 0, time.perf_counter()

    def extract(self, article: Article) -> list[Event]:
        self._done += 1
        if self._done % 25 == 0 or self._done == self._total:
            rate = self._done / max(1e-9, time.perf_counter() - self._t0)
            print(f"  {self._label}: {self._done}/{self._total} ({rate:.1f} cases/s)", file=sys.stderr)
        return super().extract(article)


def run_one(run: Run, shared: Path) -> dict[str, Any]:
    suite = shared / "eval" / "petrarch" / run.suite
    out: dict[str, Any] = {"suite": run.suite, "dictionaries": run.dictionaries, "note": run.note,
                           "sha256": sha256(suite)}
    dictionaries = shared / run.dictionaries if run.dictionaries else None
    label = run.suite + (f" + {run.dictionaries}" if run.dictionaries else "")
    print(f"{label}: starting", file=sys.stderr)
    t0 = time.perf_counter()
    try:
        total = sum(1 for c in load_suite(suite) if c.require_dyad)
        options = Options(dictionaries=dictionaries, require_dyad=True, parse_all=True)
        pipeline = _Progress(options, label, total)
        scores = evaluate(suite, dictionaries=dictionaries, pipeline=pipeline)
    except Exception as exc:  # report the failure in the document and go on with the other runs
        out["error"] = f"{type(exc).__name__}: {exc}"
        out["traceback"] = traceback.format_exc(limit=4)
        print(f"{label}: FAILED {out['error']}", file=sys.stderr)
        return out
    out["seconds"] = round(time.perf_counter() - t0, 1)
    out["scores"] = scores
    print(f"{label}: done in {out['seconds']} s, triple F1 {scores.triple.f1:.3f}", file=sys.stderr)
    return out


def markdown(results: list[dict[str, Any]], command: str, today: str) -> str:
    lines = [
        "# tidings on the PETRARCH-family gold suites",
        "",
        f"Generated {today} by `{command}` with coder `{CODER}` on a machine with {os.cpu_count()} cores.",
        "The suites and the scoring rules are described in `../shared/eval/petrarch/README.md`: a",
        "case matches exactly when the multiset of (source, target, code) triples equals the expected one",
        "(a case expecting no event passes only with none); precision, recall and F1 are micro-averaged",
        "over triples, with the full code (triple), the CAMEO root (first two digits) and country-level",
        "actors (first three characters of each actor code). Every sentence is parsed (`parse_all`) and",
        "events need both sides unless the case sets `require_dyad=false`.",
        "",
        PEERS,
    ]
    for res in results:
        title = f"## `{res['suite']}`" + (f" with `{res['dictionaries']}`" if res["dictionaries"] else
                                         " with our knowledge base")
        lines += [title, "", res["note"] + ".", "", f"Suite sha256: `{res['sha256']}`", ""]
        if "error" in res:
            lines += [f"**The run failed**: `{res['error']}`", "",
                      "```", res["traceback"].rstrip(), "```", ""]
            continue
        s: Scores = res["scores"]
        rate = s.exact / s.cases if s.cases else 0.0
        lines += [f"{s.cases} cases, {s.exact} exact ({rate:.1%}), {res['seconds']} s.", "",
                  "| level | P | R | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|"]
        for name, c in (("triple", s.triple), ("root", s.root), ("country", s.country)):
            lines.append(f"| {name} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {c.tp} | {c.fp} | "
                         f"{c.fn} |")
        lines += ["", "| category | cases | exact | TP | FP | FN |", "|---|---|---|---|---|---|"]
        for cat, row in sorted(s.by_category.items()):
            lines.append(f"| {cat} | " + " | ".join(map(str, row)) + " |")
        lines.append("")
    return "\n".join(lines)


def baseline(results: list[dict[str, Any]], command: str, today: str) -> dict[str, Any]:
    runs = []
    for res in results:
        if "error" in res:
            continue
        s: Scores = res["scores"]
        exact = s.exact / s.cases if s.cases else 0.0
        runs.append({
            "suite": res["suite"], "dictionaries": res["dictionaries"], "sha256": res["sha256"],
            "triple_f1": floor(s.triple.f1), "root_f1": floor(s.root.f1), "exact_rate": floor(exact),
            "measured": {"triple_f1": round(s.triple.f1, 4), "root_f1": round(s.root.f1, 4),
                         "exact_rate": round(exact, 4), "cases": s.cases, "seconds": res["seconds"]},
        })
    return {"generated": today, "coder": CODER, "command": command, "margin": MARGIN,
            "note": "triple_f1, root_f1 and exact_rate are floors: measured minus margin, rounded down; "
                    "dictionaries are relative to the shared folder (null: our knowledge base)",
            "runs": runs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--write-baseline", action="store_true", help="also write evaluation/baseline.json")
    parser.add_argument("--out", type=Path, default=ROOT / "evaluation", help="output folder")
    args = parser.parse_args(argv)
    if not (args.shared / "eval" / "petrarch").is_dir():
        print(f"no gold suites under {args.shared}/eval/petrarch", file=sys.stderr)
        return 2
    command = " ".join([".venv/bin/python", "scripts/eval_petrarch.py", *(argv if argv is not None
                                                                          else sys.argv[1:])])
    today = dt.date.today().isoformat()
    results = [run_one(run, args.shared) for run in RUNS]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "petrarch.md").write_text(markdown(results, command, today), encoding="utf-8")
    print(f"wrote {args.out / 'petrarch.md'}", file=sys.stderr)
    if args.write_baseline:
        path = args.out / "baseline.json"
        path.write_text(json.dumps(baseline(results, command, today), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 1 if any("error" in r for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
