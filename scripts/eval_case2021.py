"""Score tidings' event types on CASE 2021 task 2 news snippets, development and test parts side by side.

    .venv/bin/python scripts/eval_case2021.py [--shared ../shared] [--out evaluation/case2021.md]
                                              [--misses N] [--write-baseline]

The snippets are the odd-id development half of the CASE 2021 task 2 test set in ``../shared/eval/case2021``
(the even ids are held elsewhere and never read), split again by id into our development and test parts
(``evaluation/splits.json``). Each snippet goes through the pipeline as a one-paragraph article with the
default options (events with an unnamed side count, as analysts record them with an unknown actor). Scoring
follows the table in ``../shared/eval/case2021/README.md``: a political snippet is found when at least one
event has a PLOVER type its SubType accepts; type recall = found / scored political snippets. A disaster
snippet with an ASSAULT, PROTEST, COERCE or THREATEN event is a false alarm; false-alarm rate = those /
disaster snippets. SubTypes the README does not score are left out. ``--misses`` lists development misses
only.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tidings.about import CODER
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
from tidings.events.learned import MODES
from tidings.pipeline import Options, Pipeline
from tidings.record import Article

ROOT = Path(__file__).resolve().parents[1]
TSV = Path("case2021") / "case2021_task2_dev.tsv"

_VIOLENT = frozenset({"ASSAULT"})
ACCEPTED: dict[str, frozenset[str]] = {
    **dict.fromkeys(("AIR_STRIKE", "ARMED_CLASH", "ART_MISS_ATTACK", "GRENADE", "SUIC_BOMB", "REM_EXPLOS",
                     "CHEM_WEAP", "ATTACK", "SEX_VIOL"), _VIOLENT),
    "MOB_VIOL": frozenset({"ASSAULT", "PROTEST"}),
    "ABDUCT_DISSAP": frozenset({"ASSAULT", "COERCE"}),
    "PROPERTY_DISTRUCT": frozenset({"ASSAULT", "COERCE"}),
    "ARREST": frozenset({"COERCE"}),
    "PEACE_PROTEST": frozenset({"PROTEST"}),
    "PROTEST_WITH_INTER": frozenset({"PROTEST", "COERCE"}),
    "VIOL_DEMONSTR": frozenset({"PROTEST", "ASSAULT"}),
    "FORCE_AGAINST_PROTEST": frozenset({"COERCE", "ASSAULT"}),
    "AGREEMENT": frozenset({"AGREE", "COOPERATE", "CONCEDE", "RETREAT"}),
    "GOV_REGAINS_TERIT": frozenset({"ASSAULT", "COERCE", "MOBILIZE"}),
    "NON_STATE_ACTOR_OVERTAKES_TER": frozenset({"ASSAULT", "COERCE", "MOBILIZE"}),
    "NON_VIOL_TERRIT_TRANSFER": frozenset({"RETREAT", "CONCEDE", "ASSAULT", "COERCE", "MOBILIZE"}),
    "ATTRIB": frozenset({"ACCUSE", "ASSAULT"}),
}
"""SubType -> the PLOVER types that find it (README table). DIPLO is apart: any type but the excluded."""
DIPLO_EXCLUDED = frozenset({"ASSAULT", "PROTEST", "MOBILIZE"})
DISASTERS = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER"})
FALSE_ALARM = frozenset({"ASSAULT", "PROTEST", "COERCE", "THREATEN"})
NOT_SCORED = frozenset({"ORG_CRIME", "HQ_ESTABLISHED", "CHANGE_TO_GROUP_ACT", "DISR_WEAP", "OTHER"})


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    subtype: str


@dataclass
class Scores:
    """Counts of one part."""

    found: dict[str, list[int]] = field(default_factory=dict)  # SubType -> [snippets, found]
    disasters: int = 0
    false_alarms: int = 0
    not_scored: int = 0
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (id, SubType, our types)

    @property
    def political(self) -> int:
        return sum(n for n, _ in self.found.values())

    @property
    def recall(self) -> float:
        return sum(f for _, f in self.found.values()) / self.political if self.political else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.disasters if self.disasters else 0.0


def read_snippets(eval_dir: Path) -> list[Snippet]:
    with (eval_dir / TSV).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [Snippet(r["id"], r["EventSnippet"], r["SubType"]) for r in rows]


def accepts(subtype: str, types: set[str]) -> bool:
    """Whether the PLOVER types found for a snippet find its SubType (README table)."""
    if subtype == "DIPLO":
        return bool(types - DIPLO_EXCLUDED)
    return bool(types & ACCEPTED.get(subtype, frozenset()))


def score(pipeline: Pipeline, snippets: Iterable[Snippet]) -> Scores:
    scores = Scores()
    todo = list(snippets)
    articles = (Article(f"case2021-{s.id}", s.text, None) for s in todo)
    for snippet, result in zip(todo, pipeline.run(articles), strict=True):
        types = {e.plover.type for e in result.events if e.plover is not None}
        if snippet.subtype in DISASTERS:
            scores.disasters += 1
            scores.false_alarms += bool(types & FALSE_ALARM)
        elif snippet.subtype in NOT_SCORED or not (snippet.subtype in ACCEPTED or snippet.subtype == "DIPLO"):
            scores.not_scored += 1
        else:
            row = scores.found.setdefault(snippet.subtype, [0, 0])
            row[0] += 1
            if accepts(snippet.subtype, types):
                row[1] += 1
            else:
                scores.misses.append((snippet.id, snippet.subtype, sorted(types)))
    return scores


def measure(eval_dir: Path, checkout: Path = ROOT, parts: Iterable[str] = PARTS,
            learned: str | None = None) -> dict[str, Scores]:
    """Each part's scores (the tests measure the development part only)."""
    split = load_splits(checkout)["case2021"]
    snippets = read_snippets(eval_dir)
    pipeline = Pipeline(Options(learned=learned))
    return {part: score(pipeline, [s for s in snippets if s.id in split.ids(part)]) for part in parts}


def gate(eval_dir: Path, dev: Scores, checkout: Path = ROOT) -> Gate:
    ids = load_splits(checkout)["case2021"].ids("dev")
    return Gate("case2021/types", digest([eval_dir / TSV], ids),
                {"type_recall": dev.recall, "false_alarm_rate": dev.false_alarm_rate},
                lower=frozenset({"false_alarm_rate"}))


def _share(found: int, n: int) -> str:
    return f"{found / n:.2f} ({found}/{n})" if n else "-"


def render(results: dict[str, Scores], command: str) -> str:
    rows: list[tuple[str, dict[str, object]]] = [
        ("political snippets scored", {p: s.political for p, s in results.items()}),
        ("**type recall**", {p: _share(sum(f for _, f in s.found.values()), s.political)
                             for p, s in results.items()}),
        ("disaster snippets", {p: s.disasters for p, s in results.items()}),
        ("**false-alarm rate** (lower is better)", {p: _share(s.false_alarms, s.disasters)
                                                    for p, s in results.items()}),
        ("snippets of SubTypes not scored", {p: s.not_scored for p, s in results.items()}),
    ]
    subtypes = sorted({t for s in results.values() for t in s.found})
    for subtype in subtypes:
        rows.append((f"recall `{subtype}`", {p: _share(s.found.get(subtype, [0, 0])[1],
                                                       s.found.get(subtype, [0, 0])[0])
                                            for p, s in results.items()}))
    return "\n".join([
        "## Measured figures",
        "",
        f"Produced by `{command}` on {dt.date.today().isoformat()} (coder `{CODER}`); development and test",
        "parts of `evaluation/splits.json` side by side (by snippet id).",
        "",
        side_by_side(rows),
        "",
    ])


HEAD = """# Event types on CASE 2021 task 2 news snippets

What is measured: whether tidings finds an event of the right kind in a short news snippet that analysts
labelled with one ACLED-style event SubType (`../shared/eval/case2021`, the odd-id half of the CASE 2021
task 2 test set; the even ids are held elsewhere and never read). The scoring table is the one in
`../shared/eval/case2021/README.md`: a political snippet is found when at least one of our events has an
accepted PLOVER type for its SubType; type recall = found / scored political snippets; a disaster snippet
with an ASSAULT, PROTEST, COERCE or THREATEN event is a false alarm. Events whose perpetrator is unnamed count
(the pipeline's default options). The gate (`tests/test_accuracy_gate.py`) holds the development figures to
`evaluation/baseline.json`.

What was read during development: before the split (4 December 2026) the whole odd-id half was scored and
its misses could be read, so the test column is not yet a figure on unseen text. From the split on, rules are
written from development misses only (`--misses` lists no others); the test part is read only as a figure.

Peer figure: none on this scoring (CASE 2021's task 2 ranked systems by their own type labels, not PLOVER).
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=shared_dir(ROOT))
    ap.add_argument("--out", type=Path, default=ROOT / "evaluation" / "case2021.md")
    ap.add_argument("--misses", type=int, default=0, help="print this many development misses")
    ap.add_argument("--write-baseline", action="store_true",
                    help="also replace this gate in evaluation/baseline.json")
    ap.add_argument("--learned", choices=MODES, default=None,
                    help="the learned second opinion: off, fuse, veto (default: events/data/learned.json)")
    args = ap.parse_args(argv)
    eval_dir = args.shared / "eval"
    if not (eval_dir / TSV).is_file():
        print(f"no CASE 2021 snippets at {eval_dir / TSV}", file=sys.stderr)
        return 2
    results = measure(eval_dir, learned=args.learned)
    command = " ".join([".venv/bin/python", "scripts/eval_case2021.py", *(argv if argv is not None
                                                                          else sys.argv[1:])])
    section = render(results, command)
    print(section)
    args.out.write_text(HEAD, encoding="utf-8")
    write_section(args.out, section)
    for snippet_id, subtype, types in results["dev"].misses[: args.misses]:
        print(f"miss: id {snippet_id} {subtype}: our types {types or 'none'}")
    if args.write_baseline:
        print(f"wrote {write_gates(ROOT, [gate(eval_dir, results['dev'])], command)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
