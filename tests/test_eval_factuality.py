"""Accuracy gate: recompute the factuality/attribution scores on the gold sets and hold them above floors.

The floors sit a little under the figures measured when the rules were written (see
evaluation/factuality.md); a change that drops below them fails here. Skipped when the gold data is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

EVAL_DIR = Path("/work/shared/eval")
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "eval_factuality.py"

# measured: MEANTIME accuracy 74.0, macro-F1 57.7, realis/irrealis 87.8; UDS-IH2 test accuracy 77.8,
# irrealis F1 72.5; attribution recall 72.6, cue accuracy 89.0, source recall 66.9
FLOORS = {
    "meantime_accuracy": 0.72,
    "meantime_macro_f1": 0.55,
    "meantime_binary_accuracy": 0.84,
    "uds_accuracy": 0.76,
    "uds_irrealis_f1": 0.70,
    "attribution_recall": 0.70,
    "cue_accuracy": 0.86,
    "source_recall": 0.63,
}
MAJORITY_MARGIN = 0.02  # the rules must beat the majority-class baseline by at least this much


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_factuality", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report() -> Any:
    if not (EVAL_DIR / "meantime" / "events.jsonl").exists() or not (EVAL_DIR / "uds_ih2").exists():
        pytest.skip(f"gold data not found under {EVAL_DIR}")
    return _load_script().evaluate(EVAL_DIR, uds_split="test")


def test_meantime_factuality_above_floor_and_baseline(report: Any) -> None:
    meantime = report.meantime
    labels = ("asserted", "reported", "hedged", "negated", "hypothetical")
    assert len(meantime.pairs) > 1900
    assert meantime.accuracy() >= FLOORS["meantime_accuracy"]
    assert meantime.macro_f1(labels) >= FLOORS["meantime_macro_f1"]
    assert meantime.accuracy() >= meantime.majority()[1] + MAJORITY_MARGIN
    assert report.meantime_binary.accuracy() >= FLOORS["meantime_binary_accuracy"]


def test_uds_realis_above_floor_and_baseline(report: Any) -> None:
    uds = report.uds
    assert len(uds.pairs) > 2400
    assert uds.accuracy() >= FLOORS["uds_accuracy"]
    assert uds.prf("irrealis")[2] >= FLOORS["uds_irrealis_f1"]
    assert uds.accuracy() >= uds.majority()[1] + MAJORITY_MARGIN


def test_meantime_attribution_above_floor(report: Any) -> None:
    attribution = report.attribution
    ratio = attribution.ratio
    assert ratio(attribution.detected, attribution.gold) >= FLOORS["attribution_recall"]
    assert ratio(attribution.cue_correct, attribution.detected) >= FLOORS["cue_accuracy"]
    assert ratio(attribution.source_correct, attribution.gold_source) >= FLOORS["source_recall"]


def test_markdown_renders_every_section(report: Any) -> None:
    text = _load_script().render_markdown(report, "cmd", "test")
    headings = ("## Measured figures", "### MEANTIME factuality", "### MEANTIME attribution", "### UDS-IH2")
    for heading in headings:
        assert heading in text
