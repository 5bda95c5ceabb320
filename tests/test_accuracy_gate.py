"""The accuracy gate: re-score the gold suites and fail below the floors in ``evaluation/baseline.json``.

Re-baseline after a deliberate change with ``.venv/bin/python scripts/eval_petrarch.py --write-baseline``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tidings.evaluation.petrarch import evaluate

BASELINE = Path(__file__).resolve().parents[1] / "evaluation" / "baseline.json"
SHARED = Path(__file__).resolve().parents[2] / "shared"

# (suite, dictionaries relative to the shared folder or None for our knowledge base); each runs in seconds
GATED = [
    ("petr2_gsr_validation.jsonl", None),
    ("udpetrarch_validate_records_2_02.jsonl", "eval/petrarch/fixtures/udpetrarch_2_02"),
]


def _baseline_run(suite: str, dictionaries: str | None) -> dict[str, Any]:
    runs = json.loads(BASELINE.read_text(encoding="utf-8"))["runs"]
    for run in runs:
        if run["suite"] == suite and run["dictionaries"] == dictionaries:
            return dict(run)
    raise AssertionError(f"{BASELINE.name} has no floors for {suite} with {dictionaries or 'our KB'}: "
                         "re-run scripts/eval_petrarch.py --write-baseline")


@pytest.mark.slow
@pytest.mark.parametrize(("suite", "dictionaries"), GATED)
def test_scores_stay_above_the_floors(suite: str, dictionaries: str | None) -> None:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED}")
    path = SHARED / "eval" / "petrarch" / suite
    if not path.is_file():
        pytest.skip(f"gold suite not found at {path}")
    assert BASELINE.is_file(), "evaluation/baseline.json is missing: run scripts/eval_petrarch.py " \
        "--write-baseline"
    floors = _baseline_run(suite, dictionaries)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == floors["sha256"], (
        f"the gold suite {suite} changed (sha256 {digest[:12]}…, baseline {floors['sha256'][:12]}…): "
        "re-baseline with scripts/eval_petrarch.py --write-baseline")
    scores = evaluate(path, dictionaries=SHARED / dictionaries if dictionaries else None)
    measured = {"triple_f1": scores.triple.f1, "root_f1": scores.root.f1,
                "exact_rate": scores.exact / scores.cases if scores.cases else 0.0}
    below = {k: f"{v:.4f} < {floors[k]}" for k, v in measured.items() if v < floors[k]}
    assert not below, f"{suite}: accuracy dropped below the committed floors: {below}"
