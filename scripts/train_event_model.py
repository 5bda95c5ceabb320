"""Train the learned second opinion on event types (deterministic) and ship it as package data.

The corpus is the synthetic one of ``scripts/make_event_corpus.py`` (built in memory from its data files
with its fixed seed). The model is a spaCy ``textcat_multilabel`` with the bag-of-words architecture
(the words of the lower-cased text, hashed into ``LENGTH`` rows): one probability per PLOVER type
and one for ``NONE`` (no political event). It is written, zlib-compressed, to
``src/tidings/events/data/event_model.bin`` with its config, labels and held-out figures in
``event_model.json``; :mod:`tidings.events.learned` loads it once, on first use.

    .venv/bin/python scripts/train_event_model.py            # train, check on the held-out part, write
    .venv/bin/python scripts/train_event_model.py --check    # only report the shipped model's figures
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import zlib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from make_event_corpus import NONE, SEED, build  # noqa: E402

OUT = ROOT / "src" / "tidings" / "events" / "data"
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
LABELS = (*PLOVER_TYPES, NONE)
LENGTH = 2**16  # hashed n-gram rows: 65,536 x 17 weights
EPOCHS = 4
BATCH = 32
THRESHOLD = 0.5


def normalise(text: str) -> str:
    """What the model reads: the lower-cased text (the BOW features are case-sensitive)."""
    return text.lower()


def make_nlp() -> Any:
    import spacy

    nlp = spacy.blank("en")
    config = {"threshold": THRESHOLD,
              "model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 1,
                        "no_output_layer": False, "length": LENGTH, "nO": None}}
    textcat = nlp.add_pipe("textcat_multilabel", config=config)
    for label in LABELS:
        textcat.add_label(label)
    return nlp


def examples(nlp: Any, records: list[dict[str, Any]]) -> list[Any]:
    from spacy.training import Example

    out = []
    for r in records:
        cats = {label: float(label in r["labels"]) for label in LABELS}
        out.append(Example.from_dict(nlp.make_doc(normalise(r["text"])), {"cats": cats}))
    return out


def train(records: list[dict[str, Any]], seed: int = SEED) -> Any:
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = make_nlp()
    data = examples(nlp, [r for r in records if r["split"] == "train"])
    optimizer = nlp.initialize(lambda: data[:500])
    for epoch in range(EPOCHS):
        rng.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=BATCH):
            nlp.update(batch, sgd=optimizer, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses.get('textcat_multilabel', 0.0):.2f}", file=sys.stderr)
    return nlp


def check(nlp: Any, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Figures on the held-out templates: exact label sets at the threshold, and the top label of
    single-label sentences."""
    held = [r for r in records if r["split"] == "heldout"]
    exact = top = single = 0
    negatives_right = negatives = 0
    started = time.perf_counter()
    docs = list(nlp.pipe(normalise(r["text"]) for r in held))
    seconds = time.perf_counter() - started
    for r, doc in zip(held, docs, strict=True):
        predicted = {k for k, v in doc.cats.items() if v >= THRESHOLD}
        gold = set(r["labels"])
        exact += predicted == gold
        if len(gold) == 1:
            single += 1
            top += max(doc.cats, key=doc.cats.__getitem__) in gold
        if gold == {NONE}:
            negatives += 1
            negatives_right += doc.cats[NONE] >= THRESHOLD
    print(f"{1000 * seconds / len(held):.4f} ms a sentence", file=sys.stderr)  # not stored: varies by run
    return {"heldout_sentences": len(held), "exact_match": round(exact / len(held), 4),
            "top_label_accuracy": round(top / single, 4) if single else None,
            "negatives_recognised": round(negatives_right / negatives, 4) if negatives else None}


def corpus_digest(records: list[dict[str, Any]]) -> str:
    """A short digest of the corpus texts and labels (the shipped model records the one it was trained on)."""
    lines = (f"{r['text']}\t{','.join(r['labels'])}\t{r['split']}" for r in records)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def write(nlp: Any, figures: dict[str, Any], records: list[dict[str, Any]], out: Path = OUT) -> Path:
    blob = zlib.compress(nlp.to_bytes(), 9)
    model = out / "event_model.bin"
    model.write_bytes(blob)
    corpus = corpus_digest(records)
    meta = {"_schema": "the learned event-type model of tidings.events.learned (written by "
                       "scripts/train_event_model.py; do not edit)",
            "config": nlp.config.to_str(), "labels": list(LABELS), "threshold": THRESHOLD,
            "normalise": "lower", "seed": SEED, "epochs": EPOCHS, "corpus_sentences": len(records),
            "corpus_sha256_16": corpus, "model_sha256_16": hashlib.sha256(blob).hexdigest()[:16],
            "heldout": figures}
    (out / "event_model.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return model


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--check", action="store_true", help="only check the shipped model on the held-out part")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    records = build()
    if args.check:
        from tidings.events.learned import model

        figures = check(model().nlp, records)
    else:
        nlp = train(records)
        figures = check(nlp, records)
        path = write(nlp, figures, records, args.out)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
