"""What every scorer shares: where the gold data is, the frozen development/test split, and the floors.

The shared data folder sits beside the checkout (``<checkout>/../shared``); scripts and tests pass their own
checkout (``Path(__file__).resolve().parents[1]``), so nothing depends on an absolute path. The split is
``evaluation/splits.json`` (made once by ``scripts/make_splits.py``): per suite, the document ids of its
development part and of its test part. Rules are written from the development part only; the test part is
read only as a figure, which is why every scorer prints both side by side.

The floors are ``evaluation/baseline.json``: one entry per gate (a scorer's figures on the development part of
one suite), each holding the floors (measured minus :data:`MARGIN`, rounded down), the figures measured, and
the sha256 of the corpus part it was measured on, so a changed corpus is noticed instead of silently scored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.about import CODER

PARTS = ("dev", "test")
MARGIN = 0.02


def shared_dir(checkout: Path) -> Path:
    """The shared data folder of a checkout: the ``shared`` folder beside it."""
    return checkout.parent / "shared"


def evaluation_dir(checkout: Path) -> Path:
    return checkout / "evaluation"


@dataclass(frozen=True, slots=True)
class Split:
    """One suite's frozen split: the document ids of each part."""

    suite: str
    dev: frozenset[str]
    test: frozenset[str]
    note: str = ""

    def ids(self, part: str) -> frozenset[str]:
        if part not in PARTS:
            raise ValueError(f"unknown part {part!r} (expected one of {', '.join(PARTS)})")
        return self.dev if part == "dev" else self.test


def load_splits(checkout: Path) -> dict[str, Split]:
    """Every suite's split from ``evaluation/splits.json``."""
    raw = json.loads((evaluation_dir(checkout) / "splits.json").read_text(encoding="utf-8"))
    return {name: Split(name, frozenset(s["dev"]), frozenset(s["test"]), s.get("note", ""))
            for name, s in raw["suites"].items()}


def digest(files: Iterable[Path], ids: Iterable[str]) -> str:
    """sha256 of a corpus part: the bytes of the files it is read from, then its sorted document ids."""
    h = hashlib.sha256()
    for path in files:
        h.update(path.read_bytes())
    for doc_id in sorted(ids):
        h.update(doc_id.encode("utf-8") + b"\n")
    return h.hexdigest()


def floor(value: float) -> float:
    """``value - MARGIN`` rounded down to 3 decimals (never below 0)."""
    return max(0.0, math.floor(round((value - MARGIN) * 1000, 6)) / 1000)


def ceiling(value: float) -> float:
    """For a figure where lower is better (a false-alarm rate): ``value + MARGIN`` rounded up (at most 1)."""
    return min(1.0, math.ceil(round((value + MARGIN) * 1000, 6)) / 1000)


@dataclass(frozen=True, slots=True)
class Gate:
    """A gate's measured development figures: higher-is-better ones get floors, ``lower`` ones ceilings."""

    name: str  # "<suite>/<what>", e.g. "meantime/dates"
    sha256: str
    figures: Mapping[str, float]
    lower: frozenset[str] = frozenset()
    subset: str = ""  # what part of the development part the gate runs on, when not all of it


def read_baseline(checkout: Path) -> dict[str, Any]:
    path = evaluation_dir(checkout) / "baseline.json"
    if not path.is_file():
        return {"margin": MARGIN, "gates": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault("gates", {})
    return data


def write_gates(checkout: Path, gates: Iterable[Gate], command: str) -> Path:
    """Replace these gates' entries in ``evaluation/baseline.json`` (other gates are kept as they are)."""
    data = read_baseline(checkout)
    data["margin"] = MARGIN
    data["note"] = (
        "Floors (and, for a rate where lower is better, ceilings) that tests/test_accuracy_gate.py holds "
        "each scorer to on the DEVELOPMENT part of its suite: measured minus (plus) the margin, rounded "
        "outwards. sha256 is that of the corpus part the figures were measured on.")
    for gate in gates:
        entry: dict[str, Any] = {
            "part": "dev", "sha256": gate.sha256, "command": command, "coder": CODER,
            "generated": dt.date.today().isoformat(),
            "floors": {k: floor(v) for k, v in gate.figures.items() if k not in gate.lower},
            "ceilings": {k: ceiling(v) for k, v in gate.figures.items() if k in gate.lower},
            "measured": {k: round(v, 4) for k, v in gate.figures.items()},
        }
        if gate.subset:
            entry["subset"] = gate.subset
        data["gates"][gate.name] = entry
    data["gates"] = dict(sorted(data["gates"].items()))
    path = evaluation_dir(checkout) / "baseline.json"
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def below_floors(checkout: Path, gate: Gate) -> list[str]:
    """What is wrong with a gate's figures against the committed baseline (empty: the gate passes)."""
    entry = read_baseline(checkout)["gates"].get(gate.name)
    if entry is None:
        return [f"evaluation/baseline.json has no entry for {gate.name}: "
                "run its scorer with --write-baseline"]
    if entry["sha256"] != gate.sha256:
        return [f"{gate.name}: the corpus part changed (sha256 {gate.sha256[:12]}, baseline "
                f"{entry['sha256'][:12]}): re-measure and re-baseline with the scorer's --write-baseline"]
    problems = []
    for key, bound in entry.get("floors", {}).items():
        value = gate.figures.get(key)
        if value is None or value < bound:
            problems.append(f"{gate.name} {key}: {value} < floor {bound}")
    for key, bound in entry.get("ceilings", {}).items():
        value = gate.figures.get(key)
        if value is None or value > bound:
            problems.append(f"{gate.name} {key}: {value} > ceiling {bound}")
    return problems


def side_by_side(rows: Iterable[tuple[str, Mapping[str, Any]]], *, label: str = "figure") -> str:
    """A markdown table with one row per figure and one column per part (development, then test)."""
    lines = [f"| {label} | development | test |", "|---|---|---|"]
    for name, by_part in rows:
        cells = [_cell(by_part.get(part)) for part in PARTS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def write_section(path: Path, section: str, heading: str = "## Measured figures") -> None:
    """Replace the generated section of a report (from ``heading`` on); the text before it stays."""
    head = path.read_text(encoding="utf-8") if path.exists() else ""
    head = head.split(heading)[0].rstrip() + "\n\n" if head.strip() else ""
    path.write_text(head + section.rstrip() + "\n", encoding="utf-8")
