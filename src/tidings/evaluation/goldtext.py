"""Find runs of six words that a package file shares with a gold text in the shared data folder.

    .venv/bin/python -m tidings.evaluation.goldtext [--shared ../shared] [--src src tests scripts benchmarks]

A rule written from a test sentence scores that sentence, not the news; so no run of :data:`RUN` words of any
gold text (the samples, every evaluation suite's texts) may appear anywhere under ``src/``: code, comments,
docstrings and data files alike. The same holds for the tests, scripts and benchmarks (:data:`CHECKED`): a
test that pastes a gold sentence invites a rule written for that sentence. Words are taken exactly as the
project's stop hook takes them (lower case, ``[a-z0-9]+`` with an optional ``'s``-style ending; any other
character separates words), so the two checks agree. The checked side is small, so its runs are collected
first and the gold texts are streamed past them.

:func:`load_allowed` reads a short list of plain facts (official names of states and organisations,
``evaluation/gold-text-allowed.tsv``) that a data file may hold even where a gold text uses the same name:
the words of such a name in a package file belong to no run (a run can neither lie in it nor cross it).
Nothing else is excused. The list is kept outside ``src/`` so that the package holds none of the runs it
excuses.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RUN = 6
CHECKED = ("src", "tests", "scripts", "benchmarks")
"""The folders of a checkout that may hold no gold text."""
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SUFFIXES = frozenset({".py", ".pyi", ".json", ".jsonl", ".yaml", ".yml", ".toml", ".txt", ".tsv", ".csv",
                      ".cfg", ".ini", ".md", ".rst", ".html", ".htm", ".js", ".css", ".svg", ".xml", ".sql"})
TEXT_KEYS = ("text", "sentence_text", "sentences", "title", "description", "EventSnippet")
"""Fields that hold a gold text (a string or a list of strings) in the suites' JSON, JSONL and TSV files."""

def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def runs(tokens: list[str], n: int = RUN) -> Iterator[tuple[int, str]]:
    """Every run of ``n`` consecutive words, with the index of its first word."""
    for i in range(len(tokens) - n + 1):
        yield i, " ".join(tokens[i:i + n])


def load_allowed(path: Path) -> list[tuple[str, ...]]:
    """The allowed names of a ``name<TAB>what it is`` file (``#`` lines are comments), as word sequences."""
    names: list[tuple[str, ...]] = []
    if not path.is_file():
        return names
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name = tuple(words(line.split("\t")[0]))
            if name:
                names.append(name)
    return names


def _segments(tokens: list[str], allowed: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``tokens`` left once every allowed name is cut out."""
    cut = [False] * len(tokens)
    for name in allowed:
        size = len(name)
        for i in range(len(tokens) - size + 1):
            if tokens[i] == name[0] and tuple(tokens[i:i + size]) == name:
                cut[i:i + size] = [True] * size
    out, start = [], 0
    for i, dropped in enumerate([*cut, True]):
        if dropped:
            if i > start:
                out.append((start, i))
            start = i + 1
    return out


# --- the gold texts ---------------------------------------------------------------------------------------

def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                yield item


def _record_texts(record: Any) -> Iterator[str]:
    if isinstance(record, dict):
        for key in TEXT_KEYS:
            yield from _strings(record.get(key))


def _file_texts(path: Path) -> Iterator[str]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
            if line.strip():
                yield from _record_texts(json.loads(line))
    elif suffix == ".json":
        yield from _record_texts(json.loads(path.read_text(encoding="utf-8", errors="ignore")))
    elif suffix == ".tsv":
        with path.open(encoding="utf-8", errors="ignore", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                yield from _record_texts(row)
    elif suffix == ".xml":  # annotated documents (CAT, GeoWebNews): their running text, element by element
        yield " ".join(t.strip() for t in ET.parse(path).getroot().itertext() if t.strip())


def gold_files(shared: Path) -> list[Path]:
    """The files that hold gold texts: the samples and every suite's data (not READMEs or licences)."""
    files = sorted((shared / "samples").glob("*.txt"))
    for path in sorted((shared / "eval").rglob("*")):
        if path.is_file() and path.suffix.lower() in {".jsonl", ".json", ".tsv", ".xml"}:
            files.append(path)
    return files


def gold_texts(shared: Path) -> Iterator[tuple[Path, str]]:
    """Each gold text once, with the file it came from (a file that cannot be read stops the check)."""
    seen: set[str] = set()
    for path in gold_files(shared):
        texts: Iterable[str] = ([path.read_text(encoding="utf-8", errors="ignore")] if path.suffix == ".txt"
                                else _file_texts(path))
        for text in texts:
            if text not in seen:
                seen.add(text)
                yield path, text


# --- the package side -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Hit:
    """A run of words a package file shares with a gold text (the run itself is not kept in reports)."""

    file: Path
    line: int
    gold_file: Path
    run: str


def package_runs(src: Path, allowed: list[tuple[str, ...]] | None = None
                 ) -> dict[str, list[tuple[Path, int]]]:
    """Every run of :data:`RUN` words in the package's text files, with where it starts (file, character)."""
    found: dict[str, list[tuple[Path, int]]] = {}
    for path in sorted(src.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in SUFFIXES or "__pycache__" in path.parts:
            continue
        matches = list(WORD.finditer(path.read_text(encoding="utf-8", errors="ignore").lower()))
        tokens = [m.group() for m in matches]
        for start, end in _segments(tokens, allowed or []):
            for i, run in runs(tokens[start:end]):
                found.setdefault(run, []).append((path, matches[start + i].start()))
    return found


def _line(path: Path, offset: int) -> int:
    return path.read_text(encoding="utf-8", errors="ignore").count("\n", 0, offset) + 1


def find_hits(src: Path | Iterable[Path], shared: Path, allowed: list[tuple[str, ...]] | None = None,
              texts: Iterable[tuple[Path, str]] | None = None) -> list[Hit]:
    """Every place under ``src`` (a folder or several) that repeats a run of :data:`RUN` words of a gold text
    in ``shared`` (``texts``: the gold texts already read, as :func:`gold_texts` gives them)."""
    mine: dict[str, list[tuple[Path, int]]] = {}
    for root in [src] if isinstance(src, Path) else src:
        for run, found in package_runs(root, allowed).items():
            mine.setdefault(run, []).extend(found)
    hits: dict[tuple[Path, int, str], Hit] = {}
    for gold_file, text in texts if texts is not None else gold_texts(shared):
        for _, run in runs(words(text)):
            places = mine.get(run)
            if places is None:
                continue
            for file, offset in places:
                hits.setdefault((file, offset, run), Hit(file, _line(file, offset), gold_file, run))
    return sorted(hits.values(), key=lambda h: (str(h.file), h.line))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--src", type=Path, nargs="+", default=[Path(d) for d in CHECKED],
                    help="folders to check (default: %(default)s)")
    ap.add_argument("--allowed", type=Path, default=Path("evaluation/gold-text-allowed.tsv"))
    ap.add_argument("--show", action="store_true", help="print the shared words too (development use only)")
    args = ap.parse_args(argv)
    if not (args.shared / "eval").is_dir():
        print(f"no gold suites under {args.shared}", file=sys.stderr)
        return 2
    hits = find_hits(args.src, args.shared, load_allowed(args.allowed))
    for hit in hits:
        shown = f": {hit.run}" if args.show else ""
        print(f"{hit.file}:{hit.line}: a run of {RUN} words from {hit.gold_file}{shown}")
    print(f"{len(hits)} place(s) share a run of {RUN} words with a gold text", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    raise SystemExit(main())
