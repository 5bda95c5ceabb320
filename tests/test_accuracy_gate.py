"""The accuracy gates: every scorer runs on the DEVELOPMENT part of its suite and must stay above its floors.

The floors are in ``evaluation/baseline.json`` (measured minus 0.02, with the sha256 of the corpus part);
re-baseline after a deliberate change with the scorer's ``--write-baseline`` (``make baseline`` does all).
The gold data is found beside the checkout (``../shared``). Without it a gate skips, saying why, except when
the environment variable ``CI`` is set: then a missing folder or a scorer that cannot run fails the gate.
Every suite of ``evaluation/splits.json`` must have a gate here, so a new suite without a scorer fails.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from tidings.evaluation.splits import Gate, below_floors, load_splits, read_baseline, shared_dir

CHECKOUT = Path(__file__).resolve().parents[1]
SHARED = shared_dir(CHECKOUT)
EVAL = SHARED / "eval"


def require(shared: Path, *needed: str) -> None:
    """Skip (fail under CI) unless every ``needed`` path exists under the shared folder."""
    missing = [str(shared / rel) for rel in needed if not (shared / rel).exists()]
    if not missing:
        return
    reason = f"gold data not found: {', '.join(missing)}"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the accuracy gates must run)")
    pytest.skip(reason)


def script(name: str) -> ModuleType:
    """Load ``scripts/<name>.py`` as a module (once)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, CHECKOUT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _petrarch(gate: str) -> list[Gate]:
    mod = script("eval_petrarch")
    run = next(r for r in mod.RUNS if r.gate == gate)
    ids = load_splits(CHECKOUT)[run.split].ids("dev")
    return [Gate(gate, mod.part_digest(run, SHARED, ids), mod.figures(mod.score_part(run, SHARED, ids)))]


def _components(gate: str) -> list[Gate]:
    mod = script("eval_components")
    suite = mod.GATES[gate][0]
    ids = load_splits(CHECKOUT)[suite].ids("dev")
    return [mod.gate(EVAL, gate, ids, mod.evaluate_part(EVAL, suite, ids))]


@cache
def _factuality() -> list[Gate]:
    mod = script("eval_factuality")
    gates: list[Gate] = mod.gates(mod.evaluate(EVAL, part="dev", checkout=CHECKOUT))
    return gates


def _summaries() -> list[Gate]:
    return [script("eval_5w1h").dev_gate(EVAL / "giveme5w1h", CHECKOUT)]


def _case2021() -> list[Gate]:
    mod = script("eval_case2021")
    return [mod.gate(EVAL, mod.measure(EVAL, CHECKOUT, parts=("dev",))["dev"], CHECKOUT)]


# gate -> (what it needs under ../shared, how to measure it on the development part)
GATES: dict[str, tuple[tuple[str, ...], Callable[[], list[Gate]]]] = {
    "petrarch_gsr/events": (("eval/petrarch/petr2_gsr_validation.jsonl",),
                            lambda: _petrarch("petrarch_gsr/events")),
    "petrarch_ud/events": (("eval/petrarch/udpetrarch_validate_records_2_02.jsonl",
                            "eval/petrarch/fixtures/udpetrarch_2_02"),
                           lambda: _petrarch("petrarch_ud/events")),
    "petrarch_unit/events": (("eval/petrarch/petrarch_unittest_records.jsonl",
                              "eval/petrarch/fixtures/petrarch_unittest"),
                             lambda: _petrarch("petrarch_unit/events")),
    "meantime/dates": (("eval/meantime/timexes.jsonl",), lambda: _components("meantime/dates")),
    "semeval2015_timeline/event_dates": (("eval/semeval2015_timeline/timeline_anchors.jsonl",),
                                         lambda: _components("semeval2015_timeline/event_dates")),
    "geowebnews/geocoding": (("eval/geowebnews/geowebnews.jsonl",),
                             lambda: _components("geowebnews/geocoding")),
    "meantime/factuality": (("eval/meantime/events.jsonl", "eval/uds_ih2/dev.jsonl"), _factuality),
    "meantime/attribution": (("eval/meantime/attribution.jsonl", "eval/uds_ih2/dev.jsonl"), _factuality),
    "uds_ih2/realis": (("eval/meantime/events.jsonl", "eval/uds_ih2/dev.jsonl"), _factuality),
    "giveme5w1h/summaries": (("eval/giveme5w1h/data",), _summaries),
    "case2021/types": (("eval/case2021/case2021_task2_dev.tsv",), _case2021),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(GATES))
def test_development_figures_stay_above_the_floors(name: str) -> None:
    needed, measure = GATES[name]
    require(SHARED, *needed)
    gate = next(g for g in measure() if g.name == name)
    problems = below_floors(CHECKOUT, gate)
    assert not problems, "; ".join(problems)


def test_every_suite_of_the_split_has_a_gate() -> None:
    suites = set(load_splits(CHECKOUT))
    gated = {name.split("/", 1)[0] for name in GATES}
    assert suites <= gated, f"suites in evaluation/splits.json without a gate: {sorted(suites - gated)}"


def test_every_gate_has_committed_floors() -> None:
    entries = read_baseline(CHECKOUT)["gates"]
    assert set(entries) == set(GATES), (
        f"evaluation/baseline.json and the gates differ: missing {sorted(set(GATES) - set(entries))}, "
        f"stale {sorted(set(entries) - set(GATES))}")
    for name, entry in entries.items():
        assert entry["part"] == "dev" and len(entry["sha256"]) == 64, name
        assert entry["floors"] or entry["ceilings"], f"{name} holds no floor"


def test_a_missing_shared_folder_skips_outside_ci_and_fails_under_ci(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="gold data not found"):
        require(tmp_path, "eval/petrarch/petr2_gsr_validation.jsonl")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        require(tmp_path, "eval/petrarch/petr2_gsr_validation.jsonl")
    require(CHECKOUT, "evaluation/splits.json")  # present: neither skips nor fails


def test_a_figure_below_its_floor_fails_the_gate() -> None:
    entries = read_baseline(CHECKOUT)["gates"]
    name = "case2021/types"
    entry = entries[name]
    good = Gate(name, entry["sha256"], dict(entry["measured"]), frozenset(entry["ceilings"]))
    assert below_floors(CHECKOUT, good) == []
    worse = {k: (v + 0.5 if k in entry["ceilings"] else v - 0.5) for k, v in entry["measured"].items()}
    assert len(below_floors(CHECKOUT, Gate(name, entry["sha256"], worse, frozenset(entry["ceilings"])))) == 2
    changed = Gate(name, "0" * 64, dict(entry["measured"]))
    assert "corpus part changed" in below_floors(CHECKOUT, changed)[0]
