"""Freeze the development/test split of every gold suite in ``../shared/eval`` (``evaluation/splits.json``).

    .venv/bin/python scripts/make_splits.py [--shared ../shared] [--check]

Each suite is split by document id (sorted, then shuffled with a fixed seed, first half development). The
split is made once and committed; ``--check`` only verifies that the committed file still describes the
suites in ``../shared`` (same ids), so a changed corpus is noticed instead of silently re-split. Rules are
written from the development parts only; the test parts' texts and errors are not read while developing.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261204
OUT = ROOT / "evaluation" / "splits.json"


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _ids_by_key(rel: str, key: Callable[[dict[str, Any]], str]) -> Callable[[Path], list[str]]:
    def read(eval_dir: Path) -> list[str]:
        return sorted({key(r) for r in _jsonl(eval_dir / rel)})
    return read


def _case2021(eval_dir: Path) -> list[str]:
    with (eval_dir / "case2021" / "case2021_task2_dev.tsv").open(encoding="utf-8") as fh:
        return sorted({r["id"] for r in csv.DictReader(fh, delimiter="\t")}, key=int)


def _giveme(eval_dir: Path) -> list[str]:
    return sorted(p.name for p in (eval_dir / "giveme5w1h" / "data").glob("*.json"))


SUITES: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "petrarch_gsr": (_ids_by_key("petrarch/petr2_gsr_validation.jsonl", lambda r: r["id"]),
                     "Read in full during earlier development (rules were written from it): a regression "
                     "suite only; neither part is unseen."),
    "petrarch_ud": (_ids_by_key("petrarch/udpetrarch_validate_records_2_02.jsonl", lambda r: r["id"]),
                    "UD-PETRARCH validation records (toy-world and real sentences)."),
    "petrarch_unit": (_ids_by_key("petrarch/petrarch_unittest_records.jsonl", lambda r: r["id"]),
                      "PETRARCH unit-test records."),
    "case2021": (_case2021, "The odd-id development half of CASE 2021 task 2 in ../shared, split again here; "
                            "the even ids are held elsewhere and never read."),
    "giveme5w1h": (_giveme, "The 76 annotated articles; all were read in earlier sessions "
                            "(see evaluation/5w1h.md)."),
    "meantime": (_ids_by_key("meantime/documents.jsonl", lambda r: f"{r['corpus']}/{r['doc_id']}"),
                 "MEANTIME English documents, by corpus/doc_id."),
    "semeval2015_timeline": (_ids_by_key("semeval2015_timeline/timeline_anchors.jsonl",
                                         lambda r: f"{r['corpus']}/{r['target_entity']}"),
                             "SemEval-2015 TimeLine, by corpus/target entity (one timeline each)."),
    "geowebnews": (_ids_by_key("geowebnews/geowebnews.jsonl", lambda r: str(r["file"])),
                   "GeoWebNews articles by file number; the blind event gold (evaluation/gold) draws from "
                   "these."),
    "uds_ih2": (lambda d: [f"dev/{r['file_idx']}" for r in _jsonl(d / "uds_ih2" / "dev.jsonl")]
                + [f"test/{r['file_idx']}" for r in _jsonl(d / "uds_ih2" / "test.jsonl")],
                "UDS-IH2 keeps the corpus's own split: its dev.jsonl is our development part, test.jsonl "
                "our test part (train.jsonl unused)."),
}


def split(name: str, ids: list[str]) -> dict[str, list[str]]:
    """Half development, half test, by a shuffle seeded with the suite's name (stable across suites)."""
    if name == "uds_ih2":
        return {"dev": sorted({i for i in ids if i.startswith("dev/")}),
                "test": sorted({i for i in ids if i.startswith("test/")})}
    order = list(ids)
    random.Random(f"{SEED}:{name}").shuffle(order)
    half = (len(order) + 1) // 2
    return {"dev": sorted(order[:half]), "test": sorted(order[half:])}


def build(eval_dir: Path) -> dict[str, Any]:
    suites = {}
    for name, (reader, note) in SUITES.items():
        parts = split(name, reader(eval_dir))
        suites[name] = {"note": note, "dev": parts["dev"], "test": parts["test"]}
    return {"seed": SEED, "made_by": "scripts/make_splits.py", "suites": suites}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--check", action="store_true", help="verify the committed splits, write nothing")
    args = ap.parse_args(argv)
    made = build(args.shared / "eval")
    if args.check:
        frozen = json.loads(OUT.read_text(encoding="utf-8"))
        old = frozen["suites"]
        bad = [n for n, s in made["suites"].items()
               if sorted(s["dev"] + s["test"]) != sorted(old[n]["dev"] + old[n]["test"])]
        print("splits match the suites" if not bad else f"suites changed since the split: {', '.join(bad)}")
        return 1 if bad else 0
    if OUT.exists():
        print(f"{OUT} exists; the split is frozen (use --check)", file=sys.stderr)
        return 1
    OUT.write_text(json.dumps(made, indent=1) + "\n", encoding="utf-8")
    for n, s in made["suites"].items():
        print(f"{n}: {len(s['dev'])} development, {len(s['test'])} test")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
