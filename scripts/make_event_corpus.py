"""Write the synthetic labelled corpus the learned event-type model is trained on (deterministic).

Sentences are composed from templates and slot fillers kept as data in ``scripts/event_corpus/``:

* ``events.json``: for every PLOVER 2.0 type and mode, templates written from the type definitions of the
  PLOVER manual (``../shared/ontology/PLOVER_manual_v2.0_draft.tex``, definitions only);
* ``negatives.json``: hard negatives, texts that use the words of conflict and cooperation but report no
  political event (sports, business, crime between private persons, disasters, weather, idioms, page
  furniture, background facts);
* ``fillers.json``: made-up people, groups, firms, teams and towns, real country names, dates, numbers.

No sentence of any gold suite, of the CAMEO codebook or of PLOVER gold records is used. Each record is
``{"text", "labels", "kind", "template", "split"}``: ``labels`` are the PLOVER types the sentence reports
(``["NONE"]`` for a negative); ``split`` is ``heldout`` for every seventh template of each kind (so the
held-out check measures sentences built from templates the model never saw) and ``train`` otherwise.

    .venv/bin/python scripts/make_event_corpus.py --out build/event_corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "event_corpus"
SEED = 20261205
PER_TYPE = 900  # sentences per PLOVER type
PER_NEGATIVE_KIND = 650  # sentences per kind of hard negative
COMBINED = 1500  # two clauses joined in one sentence
NONE = "NONE"
SLOT = re.compile(r"\{([A-Z]+)\}")
HELDOUT_EVERY = 7


@dataclass(frozen=True, slots=True)
class Template:
    text: str
    labels: tuple[str, ...]
    kind: str  # "ASSAULT/explosives", "negative/sports"
    index: int  # position within its kind

    @property
    def split(self) -> str:
        return "heldout" if self.index % HELDOUT_EVERY == HELDOUT_EVERY // 2 else "train"


def load(data: Path = DATA) -> tuple[dict[str, list[str]], list[Template], list[Template]]:
    """Fillers, event templates and negative templates from the data folder."""
    fillers = {k: v for k, v in json.loads((data / "fillers.json").read_text("utf-8")).items()
               if not k.startswith("_")}
    events: list[Template] = []
    for ptype, modes in json.loads((data / "events.json").read_text("utf-8")).items():
        if ptype.startswith("_"):
            continue
        for mode, texts in modes.items():
            kind = ptype if mode == "-" else f"{ptype}/{mode}"
            events.extend(Template(t, (ptype,), kind, i) for i, t in enumerate(texts))
    negatives: list[Template] = []
    for kind, texts in json.loads((data / "negatives.json").read_text("utf-8")).items():
        if not kind.startswith("_"):
            negatives.extend(Template(t, (NONE,), f"negative/{kind}", i) for i, t in enumerate(texts))
    return fillers, events, negatives


def fill(text: str, fillers: dict[str, list[str]], rng: random.Random, depth: int = 0) -> str:
    """Replace every ``{SLOT}`` with a filler drawn on its own (fillers may hold slots themselves)."""
    if depth > 4:
        raise ValueError(f"slots nest too deep in {text!r}")

    def one(match: re.Match[str]) -> str:
        choices = fillers.get(match.group(1))
        if not choices:
            raise KeyError(f"no fillers for slot {match.group(1)!r} in {text!r}")
        return fill(rng.choice(choices), fillers, rng, depth + 1)

    return SLOT.sub(one, text)


def _lower_start(text: str, template: str) -> str:
    """A clause that no longer opens its sentence: a template's own first word ("Gunmen", "A") is lowered;
    a filler's is kept ("President Tomas Verel", "rebels")."""
    return text[0].lower() + text[1:] if text and not template.startswith("{") else text


def _sentence(core: str, template: str, fillers: dict[str, list[str]], rng: random.Random) -> str:
    """A clause dressed as a news sentence: an optional lead-in and attribution, a capital, a full stop."""
    prefix = fill(rng.choice(fillers["PREFIX"]), fillers, rng)
    suffix = fill(rng.choice(fillers["SUFFIX"]), fillers, rng)
    if prefix:
        core = _lower_start(core, template)
    text = re.sub(r"\s+", " ", f"{prefix}{core}{suffix}".strip()).replace(",,", ",")
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _records(templates: list[Template], per_kind: int, fillers: dict[str, list[str]],
             rng: random.Random) -> Iterator[dict[str, Any]]:
    by_kind: dict[str, list[Template]] = {}
    for t in templates:
        by_kind.setdefault(t.labels[0] if t.labels[0] != NONE else t.kind, []).append(t)
    for _, group in sorted(by_kind.items()):
        for _ in range(per_kind):
            t = rng.choice(group)
            text = _sentence(fill(t.text, fillers, rng), t.text, fillers, rng)
            yield {"text": text, "labels": list(t.labels), "kind": t.kind, "template": t.text,
                   "split": t.split}


def _combined(events: list[Template], negatives: list[Template], fillers: dict[str, list[str]],
              rng: random.Random) -> Iterator[dict[str, Any]]:
    """Two clauses in one sentence: two events, or an event beside a non-event."""
    joins = [", and ", " after ", " as ", " while ", "; meanwhile, ", " a day after "]
    for _ in range(COMBINED):
        first = rng.choice(events)
        second = rng.choice(events) if rng.random() < 0.5 else rng.choice(negatives)
        if rng.random() < 0.5:
            first, second = second, first
        a, b = fill(first.text, fillers, rng), fill(second.text, fillers, rng)
        b = _lower_start(b, second.text)
        labels = sorted({*first.labels, *second.labels} - {NONE}) or [NONE]
        split = "heldout" if "heldout" in (first.split, second.split) else "train"
        yield {"text": _sentence(a + rng.choice(joins) + b, first.text, fillers, rng), "labels": labels,
               "kind": "combined", "template": f"{first.text} | {second.text}", "split": split}


def build(seed: int = SEED, data: Path = DATA) -> list[dict[str, Any]]:
    """The whole corpus, the same for the same seed and data files."""
    rng = random.Random(seed)
    fillers, events, negatives = load(data)
    out = [*_records(events, PER_TYPE, fillers, rng), *_records(negatives, PER_NEGATIVE_KIND, fillers, rng),
           *_combined(events, negatives, fillers, rng)]
    rng.shuffle(out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--out", type=Path, default=Path("build/event_corpus.jsonl"))
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    records = build(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    held = sum(r["split"] == "heldout" for r in records)
    print(f"wrote {len(records)} sentences ({held} held out) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
