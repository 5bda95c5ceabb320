"""Score tidings' 5W1H summaries on the Giveme5W1H gold standard (76 annotated 'training' articles).

    .venv/bin/python scripts/eval_5w1h.py [--gold ../shared/eval/giveme5w1h] [--out evaluation/5w1h.md]

Scoring, as Giveme5W1H's evaluation: only the top answer per question is scored, and precision is the share
of given answers that are right (a question left unanswered does not count for or against). An answer is
right when it matches one of the phrases the coders annotated for that question (see MATCHING below).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import re
import sys
from pathlib import Path

from tidings.pipeline import Options, Pipeline
from tidings.record import Article
from tidings.summary import QUESTIONS, summarise

STOP = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "is",
    "was", "were", "be", "been", "has", "have", "had", "its", "it", "his", "her", "their", "this", "that",
    "these", "those",
})
MATCHING = (
    "After lower-casing, dropping punctuation and stop words (articles, auxiliaries, common prepositions and "
    "pronouns), an answer matches an annotated phrase when either one's words are all contained in the "
    "other's, or their word overlap (Jaccard) is at least 0.5. A 'when' answer also matches when its "
    "resolved date equals the annotated 'parsed' date (Giveme5W1H compared normalised TIMEX dates for "
    "'when'). If the coders agreed there is no answer, any answer is wrong."
)


_ESCAPED = re.compile(r"\\u([0-9a-fA-F]{4})")
"""A few annotated phrases hold JSON escapes written out literally (the text `\\u2018rigged\\u2019` for a
quoted word, escaped twice by the annotation tool): they are decoded before matching."""


def unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP}


def matches(answer: dict[str, object], gold: list[dict[str, object]], question: str) -> bool:
    mine = words(str(answer.get("text", "")))
    for item in gold:
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            continue
        theirs = words(unescape(text))
        if question == "when" and item.get("parsed") and answer.get("date") == str(item["parsed"])[:10]:
            return True
        if not mine or not theirs:
            continue
        if mine <= theirs or theirs <= mine or len(mine & theirs) / len(mine | theirs) >= 0.5:
            return True
    return False


HALVES = ("A (development: even positions)", "B (odd positions: held out until session 3, see Split)")
"""The 76 articles split in two halves by sorted file name: even positions (0, 2, ...) form half A, which
rule changes were developed on, odd positions half B, which checked that a change generalises (until
session 3)."""


def half_of(names: list[str]) -> dict[str, int]:
    """Half (0 = A, 1 = B) of each article: its position in the sorted file names, modulo 2."""
    return {name: i % 2 for i, name in enumerate(sorted(names))}


def _table(given: dict[str, int], right: dict[str, int], n: int) -> str:
    rows = []
    for q in QUESTIONS:
        p = right[q] / given[q] if given[q] else 0.0
        rows.append(f"| {q} | {given[q]} / {n} | {right[q]} | {p:.2f} |")
    four = ("who", "what", "when", "where")
    g4, r4 = sum(given[q] for q in four), sum(right[q] for q in four)
    ga, ra = sum(given.values()), sum(right.values())
    return "\n".join([
        "| question | answered | matched | precision |",
        "|---|---|---|---|",
        *rows,
        f"| who/what/when/where | {g4} | {r4} | {r4 / g4 if g4 else 0:.2f} |",
        f"| all six | {ga} | {ra} | {ra / ga if ga else 0:.2f} |",
    ])


def _four(given: dict[str, int], right: dict[str, int]) -> float:
    four = ("who", "what", "when", "where")
    g4 = sum(given[q] for q in four)
    return sum(right[q] for q in four) / g4 if g4 else 0.0


def _count(given: dict[str, int], right: dict[str, int]) -> tuple[int, int]:
    four = ("who", "what", "when", "where")
    return sum(right[q] for q in four), sum(given[q] for q in four)


def _verdict(four: float, unseen: tuple[int, int]) -> str:
    right, given = unseen
    on_unseen = ""
    if given:
        on_unseen = (f" On the unseen articles: {right / given:.2f} ({right} of {given} answers), too few "
                     "answers to confirm or refute the figure on text we never looked at.")
    if round(four, 2) > 0.82:
        return ("above it on this gold set, measured on articles the rules were developed on (see Split: the "
                "last held-out figure of half B was 0.79)." + on_unseen)
    return "**below** it; we do not match it yet." + on_unseen


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=here.parent / "shared" / "eval" / "giveme5w1h")
    ap.add_argument("--out", type=Path, default=here / "evaluation" / "5w1h.md")
    ap.add_argument("--failures", action="store_true", help="print wrong answers as JSON lines")
    ap.add_argument("--half", type=int, choices=(0, 1, 2),
                    help="print failures of one part (0 = half A, 1 = half B, 2 = the unseen articles)")
    args = ap.parse_args(argv)
    names = json.loads((args.gold / "sampling.json").read_text())["training"]
    halves = half_of(names)
    # the 4 annotated articles upstream set aside because CoreNLP's tokens did not match (irrelevant to us):
    # never read during development, they are scored on their own as unseen articles
    unseen = sorted(p.name for p in (args.gold / "data_damaged").glob("*.json"))
    work = [(args.gold / "data" / name, halves[name]) for name in names] + \
        [(args.gold / "data_damaged" / name, 2) for name in unseen]
    pipeline = Pipeline(Options())
    given = [dict.fromkeys(QUESTIONS, 0) for _ in range(3)]
    right = [dict.fromkeys(QUESTIONS, 0) for _ in range(3)]
    for path, h in work:
        name = path.name
        doc = json.loads(path.read_text())
        published = None
        with contextlib.suppress(ValueError):
            published = dt.date.fromisoformat(str(doc.get("date_publish"))[:10])
        body = "\n\n".join(p for p in (doc.get("description") or "", doc.get("text") or "") if p)
        article = Article(name.removesuffix(".json"), body, published, doc.get("title") or None)
        summary = summarise(pipeline, article).to_dict()
        for q in QUESTIONS:
            answer = summary[q]
            if answer is None:
                continue
            given[h][q] += 1
            gold = doc["fiveWoneH"].get(q, {}).get("annotated", [])
            if matches(answer, gold, q):
                right[h][q] += 1
            elif args.failures and (args.half is None or args.half == h):
                print(json.dumps({"doc": name, "q": q, "answer": answer["text"],
                                  "gold": [g.get("text") for g in gold]}))
    total_given = {q: given[0][q] + given[1][q] for q in QUESTIONS}
    total_right = {q: right[0][q] + right[1][q] for q in QUESTIONS}
    sizes = [sum(1 for h in halves.values() if h == i) for i in range(len(HALVES))]
    table = _table(total_given, total_right, len(names))
    parts = [f"All {len(names)} articles:\n\n{table}"]
    for i, label in enumerate(HALVES):
        parts.append(f"Half {label}, {sizes[i]} articles:\n\n{_table(given[i], right[i], sizes[i])}")
    if unseen:
        parts.append(f"Unseen: the {len(unseen)} annotated articles of `data_damaged/` (set aside upstream "
                     f"because CoreNLP's tokens did not match; never read during our development):\n\n"
                     f"{_table(given[2], right[2], len(unseen))}")
    tables = "\n\n".join(parts)
    print(tables)
    args.out.write_text(REPORT.format(n=len(names), tables=tables, matching=MATCHING,
                                      four=_four(total_given, total_right),
                                      four_a=_four(given[0], right[0]), four_b=_four(given[1], right[1]),
                                      verdict=_verdict(_four(total_given, total_right),
                                                       _count(given[2], right[2]))))
    return 0


REPORT = """# 5W1H summaries on the Giveme5W1H gold standard

Command (from the repository root, with `../shared` present):

```sh
.venv/bin/python scripts/eval_5w1h.py
```

Data: the {n} 'training' articles of the Giveme5W1H gold standard (`../shared/eval/giveme5w1h`, listed in
its `sampling.json`; the 20 'test' articles are not in our copy). Input per article: title, lead
(`description`) and body text, with `date_publish` as publication date.

Scoring, as in Giveme5W1H: only the top answer per question is scored; precision = matched / answered; a
question we leave unanswered counts neither way (the 'answered' column shows how often we answer).

Matching rule: {matching}

Split: the articles sorted by file name, even positions form half A, odd positions half B. Until session 3
rules were developed looking at half A's errors only and half B was held out; its last unseen score was 0.79
(88 of 111; half A 0.83, 103 of 124, all 0.81). Session 3 then read half B's errors for outright bugs (a
hyphenated town cut to "Mazar", "in the city of X" not read as a place, a plural subject's verb read as a
noun, a headline's aside to the reader, a party taken for a means); each fix is a general rule tested on
sentences of our own and changed nothing on half A, but half B is no longer unseen: both halves are now
development data, and the 0.79 above is the last held-out figure. The 4 annotated articles upstream set aside
(`data_damaged/`, CoreNLP's tokens did not match theirs, which does not concern us) were never read during
development and are scored as a small unseen set; they are not in the 76-article totals.

{tables}

Comparison. Giveme5W1H's published figure (Hamborg et al. 2019) is precision 0.82 on who/what/when/where
and 0.73 over all six. Those figures come from three human assessors rating answers 0/1/2 on other
articles (BBC corpus), not from string matching on this gold standard, so the two numbers measure related
but not identical things: ours is an automatic lower-bound-style check on the coders' phrases (a correct
answer worded differently from every annotated phrase counts as wrong), and it counts only the questions we
answer, where theirs rated an answer for every question.

Result: {four:.2f} on who/what/when/where (half A {four_a:.2f}, half B {four_b:.2f}) against Giveme5W1H's
published 0.82: {verdict}
How answers are chosen (general rules, `tidings.summary`): a headline with a finite verb and a subject gives
who (its subject) and what (its verb phrase; "X says ..." and "footage shows ..." give the reported clause).
The headline is read part by part: a leading quotation is dropped and a label before a colon ("Storm hits
coast: Thousands flee ...") is a part of its own; each part is parsed as written, truecased when it is
Written In Title Case (each word in the case the body uses most), and with a present-tense verb the parser
took for a noun ("Ana Lopez protests outside ...") put in the past tense, first when the body uses that
verb's past or -ing form; answers keep the headline's words. Otherwise who and what come from the main coded
event of the lead, else the first lead sentence whose subject names an actor. When is the main event's
resolved date, else the first lead date expression with a dating word (a clock time counts), else a date of
the publication day or the day before in the next sentences; where is the most specific place of the title and
lead (a town or site before a country), then the earliest, and a site named beside its town gives the town;
a venue ("outside Trump Towers" tagged as a title, "at the Grand Prix") answers only when no place is named.
Why is an explicit cause or purpose in the headline ("... to make them lighter"), else a causal connective in
the main event's lead sentence ("because of", "due to", "amid"), else what the headline's event came after
("... after Donald Trump beats Hillary Clinton"; not a time or a count) or the thing that set off a reaction
("Shape change sparks anger"). How is a method ("by announcing ...") or the means of an act of force ("struck
with a suicide car bomb": a "with"/"using" phrase on a verb the lexicon codes 17-20 by itself).
A headline without a finite verb is read as one with its copula left out ("Seven killed as tram derails":
who is the number, what the whole headline) or as a noun phrase with an event clause ("Tears of joy as fans
celebrate ..."). The weak points left: "what" where the coders paraphrase, "who" when the
subject is a description ("the singer") and not a name, and "where" when the town is named only after the
lead or a site is named beside its town.

Scorer notes (the rule above is kept as it is, to stay comparable): a few annotated phrases hold literal
escape sequences (the text `\\u2018rigged\\u2019` for a quoted word, escaped twice by the annotation tool);
they are decoded before matching (before that fix the word split turned them into tokens such as "u2018rigged"
that no answer could match); and containment either way lets a long answer match a short annotated phrase,
which favours long answers.
"""


if __name__ == "__main__":
    sys.exit(main())
