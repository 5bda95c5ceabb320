"""Draw the documents of the blind real-news event gold (``evaluation/gold/draw.json``).

    .venv/bin/python scripts/draw_gold.py [--check]

Seeded random draws, half from the development part and half from the test part of each suite in
``evaluation/splits.json``. Draw 1 (seed 1414): 20 + 20 GeoWebNews articles and 50 + 50 CASE 2021 task-2
snippets (the odd-id half in ``../shared``). Draw 2 (seed 2612), to make the article figures less noisy: 12
+ 12 more GeoWebNews articles, none of those of draw 1. Draw 3 (seed 3907), for the same reason and for more
kinds of news in the development part: 12 + 12 more GeoWebNews articles, none of those of draws 1 and 2.
Draw 4 (seed 4721, session 12), so that test figures are judged on articles nobody has tuned to: 12 + 12
more GeoWebNews articles, none of those of draws 1 to 3. The draws read only document ids, never texts. They
are made once and committed; ``--check`` verifies that the committed file is what this script draws (all
draws).
Each item carries the number of its draw; ``scripts/eval_events.py --draw 1`` scores draw 1 alone.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evaluation" / "gold" / "draw.json"
DRAWS: tuple[tuple[int, int, dict[str, int]], ...] = (
    (1, 1414, {"geowebnews": 20, "case2021": 50}),
    (2, 2612, {"geowebnews": 12}),
    (3, 3907, {"geowebnews": 12}),
    (4, 4721, {"geowebnews": 12}),
)


def _key(doc_id: str) -> tuple[int, str]:
    return (len(doc_id), doc_id)


def draw_one(splits: dict[str, Any], seed: int, per_part: dict[str, int],
             taken: set[str]) -> list[dict[str, Any]]:
    """One seeded draw of ``per_part`` ids per suite and part, never an id in ``taken``."""
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    for suite, n in per_part.items():
        for part in ("dev", "test"):
            ids = sorted((i for i in splits["suites"][suite][part] if f"{suite}:{i}" not in taken), key=_key)
            for doc_id in sorted(rng.sample(ids, n), key=_key):
                items.append({"doc": f"{suite}:{doc_id}", "suite": suite, "id": doc_id, "part": part})
    return items


def draw(splits: dict[str, Any]) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    draws: list[dict[str, Any]] = []
    for number, seed, per_part in DRAWS:
        taken = {i["doc"] for i in items}
        new = draw_one(splits, seed, per_part, taken)
        items += [{**i, "draw": number} for i in new]
        draws.append({"draw": number, "seed": seed, "per_part": per_part,
                      "excludes": "the items of the earlier draws" if number > 1 else None})
    first = DRAWS[0]
    return {"seed": first[1], "made_by": "scripts/draw_gold.py", "per_part": first[2],
            "splits": "evaluation/splits.json", "draws": draws, "items": items}


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
    counts: dict[tuple[int, str, str], int] = {}
    for i in result["items"]:
        key = (i["draw"], i["suite"], i["part"])
        counts[key] = counts.get(key, 0) + 1
    summary = ", ".join(f"draw {d} {s} {p} {n}" for (d, s, p), n in counts.items())
    print(f"wrote {OUT.relative_to(ROOT)}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
