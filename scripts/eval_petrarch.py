"""Score tidings on the PETRARCH-family gold suites, development and test parts side by side.

    .venv/bin/python scripts/eval_petrarch.py [--shared DIR] [--write-baseline]

Runs :func:`tidings.evaluation.petrarch.evaluate` on each suite of ``../shared/eval/petrarch`` (with our
knowledge base, with the Phoenix dictionaries, or with a suite's own fixture dictionaries), once per part
of the frozen split (``evaluation/splits.json``), and writes ``evaluation/petrarch.md``: one table per run
with the development and test figures side by side, plus the development part's breakdown by category.
The GSR suite was read in full while the rules were written: it is a regression suite only, and neither
of its parts is unseen. ``--write-baseline`` also replaces the PETRARCH gates in
``evaluation/baseline.json`` (development figures minus 0.02, rounded down), which
``tests/test_accuracy_gate.py`` enforces. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.about import CODER
from tidings.evaluation.petrarch import Scores, evaluate, load_suite
from tidings.evaluation.splits import PARTS, Gate, digest, load_splits, shared_dir, side_by_side, write_gates
from tidings.pipeline import Options, Pipeline
from tidings.record import Article, Event

ROOT = Path(__file__).resolve().parents[1]
SHARED = shared_dir(ROOT)

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
    split: str | None = None  # the suite's name in evaluation/splits.json; None: not split, scored whole
    gate: str | None = None  # the gate in evaluation/baseline.json this run's development figures feed


RUNS = (
    Run("petr2_gsr_validation.jsonl", None, "GSR validation, our knowledge base and lexicon. Read in full "
        "while the rules were written: a regression suite only (neither part is unseen)", "petrarch_gsr",
        "petrarch_gsr/events"),
    Run("petr2_gsr_validation.jsonl", "dicts/phoenix", "GSR validation, plus the Phoenix dictionaries "
        "(regression suite only, as above)", "petrarch_gsr"),
    Run("udpetrarch_validate_records_2_02.jsonl", "eval/petrarch/fixtures/udpetrarch_2_02",
        "UD-PETRARCH 2_02 validation records, with their fixture dictionaries", "petrarch_ud",
        "petrarch_ud/events"),
    Run("petrarch_unittest_records.jsonl", "eval/petrarch/fixtures/petrarch_unittest",
        "PETRARCH unit-test records, with their fixture dictionaries (codes are mostly WEIS, not CAMEO)",
        "petrarch_unit", "petrarch_unit/events"),
    Run("universalpetrarch_english_sample.jsonl", None,
        "UniversalPetrarch English sample, our knowledge base (5 sentences, all in GSR; not split)"),
    Run("petrarch2_pytest_sentences.jsonl", None,
        "PETRARCH-2 pytest sentences, our knowledge base (3 sentences; not split)"),
)


def figures(scores: Scores) -> dict[str, float]:
    """The gated figures of one scored part."""
    return {"triple_f1": scores.triple.f1, "root_f1": scores.root.f1,
            "exact_rate": scores.exact / scores.cases if scores.cases else 0.0}


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


def score_part(run: Run, shared: Path, ids: frozenset[str] | None, pipeline: Pipeline | None = None
               ) -> Scores:
    """Score one part of a run (``ids`` None: the whole suite)."""
    suite = shared / "eval" / "petrarch" / run.suite
    dictionaries = shared / run.dictionaries if run.dictionaries else None
    return evaluate(suite, dictionaries=dictionaries, pipeline=pipeline, ids=ids)


def part_digest(run: Run, shared: Path, ids: frozenset[str]) -> str:
    return digest([shared / "eval" / "petrarch" / run.suite], ids)


def run_one(run: Run, shared: Path, checkout: Path = ROOT) -> dict[str, Any]:
    suite = shared / "eval" / "petrarch" / run.suite
    out: dict[str, Any] = {"run": run, "parts": {}}
    dictionaries = shared / run.dictionaries if run.dictionaries else None
    label = run.suite + (f" + {run.dictionaries}" if run.dictionaries else "")
    split = load_splits(checkout)[run.split] if run.split else None
    parts: dict[str, frozenset[str] | None] = ({p: split.ids(p) for p in PARTS} if split else {"all": None})
    for part, ids in parts.items():
        print(f"{label} [{part}]: starting", file=sys.stderr)
        t0 = time.perf_counter()
        try:
            total = sum(1 for c in load_suite(suite) if c.require_dyad and (ids is None or c.id in ids))
            options = Options(dictionaries=dictionaries, require_dyad=True, parse_all=True)
            scores = score_part(run, shared, ids, _Progress(options, f"{label} [{part}]", total))
        except Exception as exc:  # report the failure in the document and go on with the other runs
            out["error"] = f"{type(exc).__name__}: {exc}"
            out["traceback"] = traceback.format_exc(limit=4)
            print(f"{label}: FAILED {out['error']}", file=sys.stderr)
            return out
        out["parts"][part] = scores
        if run.gate and part == "dev" and ids is not None:
            out["gate"] = Gate(run.gate, part_digest(run, shared, ids), figures(scores))
        print(f"{label} [{part}]: done in {time.perf_counter() - t0:.1f} s, triple F1 {scores.triple.f1:.3f}",
              file=sys.stderr)
    return out


def _table(parts: dict[str, Scores]) -> list[str]:
    def row(name: str, get: Any) -> tuple[str, dict[str, Any]]:
        return name, {p: get(s) for p, s in parts.items()}

    if "all" in parts:
        parts = {"dev": parts["all"]}  # an unsplit suite: its figures stand in the first column
    rows = [row("cases", lambda s: s.cases),
            row("exact match", lambda s: s.exact / s.cases if s.cases else 0.0)]
    for level in ("triple", "root", "country"):
        rows += [row(f"{level} P", lambda s, lv=level: getattr(s, lv).precision),
                 row(f"{level} R", lambda s, lv=level: getattr(s, lv).recall),
                 row(f"{level} F1", lambda s, lv=level: getattr(s, lv).f1)]
    return [side_by_side(rows)]


def markdown(results: list[dict[str, Any]], command: str, today: str, shared: Path) -> str:
    lines = [
        "# tidings on the PETRARCH-family gold suites",
        "",
        f"Generated {today} by `{command}` with coder `{CODER}` on a machine with {os.cpu_count()} cores.",
        "Each split suite is scored on its development part and its test part (`evaluation/splits.json`,",
        "by case id). What was read during development: before the split (4 December 2026) every suite was",
        "scored whole and its failures could be read, so no test column is yet a figure on unseen text; from",
        "the split on, rules are written from development cases only. The GSR suite was read in full while",
        "rules were written: it is a **regression suite only**, whatever the column. The suites and the",
        "scoring rules are described in `../shared/eval/petrarch/README.md`: a case matches exactly when",
        "the multiset of (source, target, code) triples equals the expected one (a case expecting no event",
        "passes only with none); precision, recall and F1 are micro-averaged over triples, with the full",
        "code (triple), the CAMEO root (first two digits) and country-level actors (first three characters",
        "of each actor code). Every sentence is parsed (`parse_all`) and events need both sides unless the",
        "case sets `require_dyad=false`.",
        "",
        PEERS,
    ]
    for res in results:
        run: Run = res["run"]
        title = f"## `{run.suite}`" + (f" with `{run.dictionaries}`" if run.dictionaries else
                                       " with our knowledge base")
        suite = shared / "eval" / "petrarch" / run.suite
        lines += [title, "", run.note + ".", "", f"Suite sha256: `{digest([suite], [])}`", ""]
        if "error" in res:
            lines += [f"**The run failed**: `{res['error']}`", "",
                      "```", res["traceback"].rstrip(), "```", ""]
            continue
        parts: dict[str, Scores] = res["parts"]
        if "all" in parts:
            lines += ["Not split (too small): the whole suite is in the development column.", ""]
        lines += _table(parts)
        dev = parts.get("dev") or parts.get("all")
        if dev is not None and len(dev.by_category) > 1:
            lines += ["", "Development part by category:", "",
                      "| category | cases | exact | TP | FP | FN |", "|---|---|---|---|---|---|"]
            for cat, row in sorted(dev.by_category.items()):
                lines.append(f"| {cat} | " + " | ".join(map(str, row)) + " |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--write-baseline", action="store_true",
                        help="also replace the PETRARCH gates in evaluation/baseline.json")
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
    (args.out / "petrarch.md").write_text(markdown(results, command, today, args.shared), encoding="utf-8")
    print(f"wrote {args.out / 'petrarch.md'}", file=sys.stderr)
    if args.write_baseline:
        gates = [r["gate"] for r in results if "gate" in r]
        print(f"wrote {write_gates(ROOT, gates, command)}", file=sys.stderr)
    return 1 if any("error" in r for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
