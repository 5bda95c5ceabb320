"""The throughput benchmark's own logic (no timings asserted: the benchmark reports ratios within one run)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import throughput  # noqa: E402


def test_arms_alternate_which_goes_first() -> None:
    pairs = throughput.order(4)
    assert pairs == [("spacy", "tidings"), ("tidings", "spacy"), ("spacy", "tidings"), ("tidings", "spacy")]
    assert all(sorted(p) == ["spacy", "tidings"] for p in throughput.order(7))


def test_spread_is_median_quartiles_and_range() -> None:
    s = throughput.spread([1.2, 0.8, 1.0, 0.9, 1.1])
    assert (s["median"], s["min"], s["max"]) == (1.0, 0.8, 1.2)
    assert s["q1"] == 0.9 and s["q3"] == 1.1
    one = throughput.spread([0.7])
    assert one["median"] == one["q1"] == one["q3"] == 0.7


def test_cold_clears_bounded_text_caches_only() -> None:
    from tidings.actors.normalize import key_of
    from tidings.events.lexicon import word_classes

    key_of("foreign minister")
    word_classes()
    assert key_of.cache_info().currsize > 0
    assert throughput.clear_text_caches() >= 1
    assert key_of.cache_info().currsize == 0
    assert word_classes.cache_info().currsize == 1  # a loaded table (unbounded cache) stays


def test_corpus_reads_only_the_development_part() -> None:
    folder = throughput.SHARED / "eval" / "giveme5w1h" / "data"
    if not folder.is_dir():
        pytest.skip("../shared not present")
    splits = json.loads((ROOT / "evaluation" / "splits.json").read_text(encoding="utf-8"))
    dev = {Path(n).stem for n in splits["suites"]["giveme5w1h"]["dev"]}
    test = {Path(n).stem for n in splits["suites"]["giveme5w1h"]["test"]}
    wire = {json.loads(line)["id"] for line in (ROOT / "demo" / "wire.jsonl").read_text().splitlines()}
    ids = {d["id"].rsplit("-", 1)[0] for d in throughput.corpus(len(dev) + len(wire))}
    assert ids == dev | wire
    assert not ids & test
