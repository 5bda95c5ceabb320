"""Measure what each Phoenix dictionary layer (verbs, agents, actors) adds beneath tidings' own data.

    .venv/bin/python scripts/eval_phoenix_layers.py [--shared ../shared]
        [--markdown evaluation/phoenix-layers.md]

For each configuration (none, each layer alone, all three) the pipeline is built with ``Options.phoenix``
(:mod:`tidings.dictionaries.layers`) and scored on the blind real-news event gold (``eval_events``: events by
CAMEO root, development and test parts) and on the PETRARCH GSR and UD-PETRARCH suites (``eval_petrarch``:
triple F1 and root F1, both parts). Only figures are printed: no case text, so the test parts stay unread.
UD-PETRARCH runs with its own fixture dictionaries, which replace the knowledge base: there only the verb
layer can act.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from tidings.evaluation.petrarch import evaluate as evaluate_petrarch
from tidings.evaluation.splits import PARTS, load_splits
from tidings.pipeline import Options, Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_events  # a sibling script

ROOT = Path(__file__).resolve().parents[1]
CONFIGS: tuple[tuple[str, frozenset[str]], ...] = (
    ("none", frozenset()),
    ("verbs", frozenset({"verbs"})),
    ("agents", frozenset({"agents"})),
    ("actors", frozenset({"actors"})),
    ("all three", frozenset({"verbs", "agents", "actors"})),
)
PETRARCH = (("GSR", "petr2_gsr_validation.jsonl", None, "petrarch_gsr"),
            ("UD-PETRARCH", "udpetrarch_validate_records_2_02.jsonl",
             "eval/petrarch/fixtures/udpetrarch_2_02", "petrarch_ud"))


def measure(shared: Path, layers: frozenset[str]) -> dict[str, float]:
    """The figures of one configuration, keyed ``suite part measure``."""
    options = Options(phoenix=layers, phoenix_dir=shared / "dicts" / "phoenix" if layers else None)
    out: dict[str, float] = {}
    events = eval_events.evaluate(shared, parts=PARTS, pipeline=Pipeline(options))
    for (suite, part), tally in events["scores"]["root"].items():
        out[f"{suite} {part} P"] = tally.precision()
        out[f"{suite} {part} R"] = tally.recall()
    splits = load_splits(ROOT)
    for label, file, fixtures, split in PETRARCH:
        for part in PARTS:
            scores = evaluate_petrarch(shared / "eval" / "petrarch" / file,
                                       dictionaries=shared / fixtures if fixtures else None,
                                       ids=splits[split].ids(part), options=options)
            out[f"{label} {part} triple F1"] = scores.triple.f1
            out[f"{label} {part} root F1"] = scores.root.f1
        print(f"  {sorted(layers) or 'none'}: {label} done", file=sys.stderr)
    return out


def table(results: dict[str, dict[str, float]]) -> list[str]:
    keys = list(next(iter(results.values())))
    lines = ["| figure | " + " | ".join(results) + " |", "|---" * (len(results) + 1) + "|"]
    for key in keys:
        cells = [f"{100 * figures[key]:.1f}" for figures in results.values()]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args(argv)
    if not (args.shared / "dicts" / "phoenix").is_dir():
        print(f"no Phoenix dictionaries under {args.shared}", file=sys.stderr)
        return 2
    results: dict[str, dict[str, Any]] = {}
    for name, layers in CONFIGS:
        print(f"configuration {name}", file=sys.stderr)
        results[name] = measure(args.shared, layers)
    lines = table(results)
    print("\n".join(lines))
    if args.markdown:
        head = ["# The Phoenix dictionary layers, one by one", "",
                f"Generated {dt.date.today()} by `python scripts/eval_phoenix_layers.py`. Figures in %. "
                "Events: the blind real-news gold (`eval_events.py`), matched by CAMEO root (geowebnews = "
                "articles, case2021 = snippets). PETRARCH: triple and root F1 (`eval_petrarch.py`); "
                "UD-PETRARCH runs with its fixture dictionaries, which replace the knowledge base, so only "
                "the verb layer acts there. Layers: `Options.phoenix` (`tidings.dictionaries.layers`), "
                "beneath tidings' own data.", ""]
        args.markdown.write_text("\n".join(head + lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
