"""Inputs split into partitions: deterministic, each with a stable id, so a resumed run knows what is done.

    paths ─ expand (folders walked in the registry's order) ─> members ─ group by weight ─> [Partition]

A member is a whole file, or a byte range of whole lines of an uncompressed JSONL file (one article a line),
with the number of its first line so that records keep the names the single-process reader gives them
(``wire.jsonl:1042``). Anything fsspec opens is an input (``s3://bucket/crawl/``, ``gs://...``, local paths),
as long as every worker can open it too. A partition's id hashes the salt (coder version and options), and
each member's path, size and range: the same inputs and options give the same ids, a changed file new ones.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fsspec  # type: ignore[import-untyped]
from fsspec.core import url_to_fs  # type: ignore[import-untyped]

from tidings.ingest.registry import kind_of, walk

DEFAULT_SIZE = 200  # articles (lines of JSONL, or files) a partition aims at
LINE_SPLIT_KINDS = frozenset({"jsonl"})  # kinds whose files may be cut between lines


@dataclass(frozen=True, slots=True)
class Member:
    """One file, or the lines ``line, line + 1, ...`` of one held in bytes ``[start, stop)``."""

    path: str  # where to read it: absolute local path or fsspec URL
    name: str  # what to call it: as the single-process reader does (the path as given, or within a folder)
    size: int  # file size in bytes when planned (-1: missing)
    kind: str | None  # reader kind by extension (None: sniff the content)
    start: int = 0
    stop: int | None = None  # None: to the end of the file
    line: int = 1  # number of the first line in the range
    weight: int = 1  # articles it is expected to hold

    def key(self) -> list[Any]:
        return [self.path, self.name, self.size, self.start, self.stop]


@dataclass(frozen=True, slots=True)
class Partition:
    """A unit of work for one task: its members in input order."""

    id: str
    index: int  # position in the plan (orders the articles when they are loaded)
    members: tuple[Member, ...]

    @property
    def weight(self) -> int:
        return sum(m.weight for m in self.members)


def plan(paths: Sequence[str], *, size: int = DEFAULT_SIZE, salt: str = "") -> list[Partition]:
    """Partitions of ``paths`` (files, folders, fsspec URLs) of about ``size`` articles each."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    partitions: list[Partition] = []
    group: list[Member] = []
    weight = 0
    for member in _members(paths, size):
        if group and weight + member.weight > size:
            partitions.append(_partition(group, len(partitions), salt))
            group, weight = [], 0
        group.append(member)
        weight += member.weight
    if group:
        partitions.append(_partition(group, len(partitions), salt))
    return partitions


def _partition(members: list[Member], index: int, salt: str) -> Partition:
    blob = json.dumps([salt, [m.key() for m in members]], separators=(",", ":"))
    return Partition(hashlib.sha1(blob.encode("utf-8")).hexdigest()[:20], index, tuple(members))


def files(raw: str) -> Iterator[tuple[str, str, int]]:
    """``(path, name, size)`` of the files one input names (a folder: recursively, in the registry's order).

    A local path is read by its absolute path (workers may run in another folder) and named as given; a
    missing input comes back with size -1, so that the worker reports it as the single-process reader does.
    """
    if raw == "-":
        raise ValueError("standard input cannot be shared with a cluster: give files, folders or URLs")
    if "://" not in raw:
        path = Path(raw)
        if path.is_dir():
            for child in walk(path):
                yield str(child.absolute()), str(child), child.stat().st_size
        elif path.is_file():
            yield str(path.absolute()), str(path), path.stat().st_size
        else:
            yield str(path.absolute()), raw, -1
        return
    fs, root = url_to_fs(raw)
    protocol = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
    if not fs.exists(root):
        yield raw, raw, -1
    elif fs.isdir(root):
        found = fs.find(root, detail=True)
        for name in sorted(found):
            base = name.rsplit("/", 1)[-1]
            if base.startswith(".") or not (kind_of(base) is not None or "." not in base):
                continue
            url = f"{protocol}://{name}"
            yield url, url, int(found[name].get("size") or 0)
    else:
        yield raw, raw, int(fs.size(root) or 0)


def _members(paths: Iterable[str], size: int) -> Iterator[Member]:
    for raw in paths:
        for path, name, nbytes in files(raw):
            kind = kind_of(path)
            if nbytes >= 0 and kind in LINE_SPLIT_KINDS and not path.lower().endswith(".gz"):
                yield from _line_ranges(path, name, nbytes, kind, size)
            else:
                yield Member(path, name, nbytes, kind)


def _line_ranges(path: str, name: str, nbytes: int, kind: str | None, size: int) -> Iterator[Member]:
    """Ranges of ``size`` non-blank lines each (the last may be shorter)."""
    start = offset = 0
    first = number = 1
    records = 0
    with fsspec.open(path, "rb") as handle:
        for line in handle:
            offset += len(line)
            number += 1
            if line.strip():
                records += 1
            if records == size:
                yield Member(path, name, nbytes, kind, start, offset, first, records)
                start, first, records = offset, number, 0
    if records or start == 0:
        yield Member(path, name, nbytes, kind, start, None if start == 0 else offset, first, max(records, 1))
