"""Draw the documents of the blind real-news event gold (``evaluation/gold/draw.json``).

    .venv/bin/python scripts/draw_gold.py [--check]

A seeded random draw, half from the development part and half from the test part of each suite in
``evaluation/splits.json``: 20 + 20 GeoWebNews articles and 50 + 50 CASE 2021 task-2 snippets (the odd-id
half in ``../shared``). The draw reads only document ids, never texts. It is made once and committed;
``--check`` verifies that the committed draw is what this script draws.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = 1414
OUT = ROOT / "evaluation" / "gold" / "draw.json"
PER_PART = {"geowebnews": 20, "case2021": 50}


def draw(splits: dict[str, Any]) -> dict[str, Any]:
    rng = random.Random(SEED)
    items: list[dict[str, str]] = []
    for suite, n in PER_PART.items():
        for part in ("dev", "test"):
            ids = sorted(splits["suites"][suite][part], key=lambda x: (len(x), x))
            for doc_id in sorted(rng.sample(ids, n), key=lambda x: (len(x), x)):
                items.append({"doc": f"{suite}:{doc_id}", "suite": suite, "id": doc_id, "part": part})
    return {"seed": SEED, "made_by": "scripts/draw_gold.py", "per_part": PER_PART,
            "splits": "evaluation/splits.json", "items": items}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="verify the committed draw instead of writing it")
    args = ap.parse_args(argv)
    splits = json.loads((ROOT / "evaluation" / "splits.json").read_text(encoding="utf-8"))
    result = draw(splits)
    text = json.dumps(result, indent=1) + "\n"
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("draw.json is current" if same else "draw.json differs from a fresh draw")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    counts = {(i["suite"], i["part"]): 0 for i in result["items"]}
    for i in result["items"]:
        counts[(i["suite"], i["part"])] += 1
    print(f"wrote {OUT.relative_to(ROOT)}: " + ", ".join(f"{s} {p} {n}" for (s, p), n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
