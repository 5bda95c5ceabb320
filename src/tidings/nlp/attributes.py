"""The attribute ruler's patterns matched by index instead of by spaCy's general Matcher.

en_core_web_sm's ``attribute_ruler`` (tag map, pronoun and auxiliary rules: 179 keys) runs a
:class:`spacy.matcher.Matcher` over every token: each token starts every pattern (hundreds of nanoseconds per
pattern and token) and every ``IN``/``NOT_IN``/``REGEX`` predicate is a Python call per token. On the
benchmark's articles that costs as much as the tagger, the parser and the lemmatizer together.

Every one of the model's patterns is a fixed sequence of one or two tokens (no ``OP``) whose token specs test
``TAG``, ``LOWER``, ``DEP`` or ``IS_SPACE`` for equality, ``IN``, ``NOT_IN`` or ``REGEX``. Such a pattern
matches at ``i`` exactly when every spec holds at its token, so :class:`IndexedMatcher` finds the same matches
by looking each token's tag, lower form and dependency up in tables of the patterns that can start there. It
reads the same attribute values the Matcher reads (``Doc.to_array``: the struct attributes behind
``get_token_attr_for_matcher``) and compares them as the Matcher does (a string value by its hash, a boolean
as 0 or 1, ``IN``/``NOT_IN`` against the set of hashes, ``REGEX`` searched in the attribute's string), and
it returns each ``(key, start, end)`` once, as the Matcher does (the ruler sorts the matches itself).
It stands in for the ruler's matcher only for calls; everything else (``get``, ``len``, serialisation)
is the Matcher's.

A ruler holding a pattern outside that subset keeps spaCy's Matcher (:func:`install`).
tests/test_attribute_matcher.py checks the two agree, match for match, on texts of our own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["IndexedMatcher", "install"]

_SINGLE_ROWS = 200_000  # most token rows whose one-token matches are remembered

_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the attributes read, in the order of Doc.to_array's columns
_COLUMN = {name: i for i, name in enumerate(_FIELDS)}

# A compiled test: (offset in the pattern, column, kind, value); kind "eq" (value: int), "in" / "not_in"
# (value: frozenset of ints), "regex" (value: compiled pattern, searched in the attribute's string).
Check = tuple[int, int, str, Any]
# A compiled pattern: (match key, length, checks: cheap ones first).
Compiled = tuple[int, int, tuple[Check, ...]]


class Unsupported(ValueError):
    """A pattern outside the subset this matcher reproduces exactly."""


def _spec_checks(offset: int, spec: dict[str, Any], strings: Any) -> list[Check]:
    from spacy.strings import get_string_id

    checks: list[Check] = []
    for attr, value in spec.items():
        if attr not in _COLUMN:
            raise Unsupported(f"attribute {attr!r}")
        column = _COLUMN[attr]
        if isinstance(value, bool):  # (a bool is an int: test it first) the Matcher compares int(value)
            checks.append((offset, column, "eq", int(value)))
        elif isinstance(value, str):
            checks.append((offset, column, "eq", strings.add(value)))  # as Matcher._get_attr_values
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                # as _SetPredicate: the set of get_string_id of the values
                checks.append((offset, column, op.lower(), frozenset(get_string_id(v) for v in arg)))
            elif op == "REGEX" and isinstance(arg, str) and attr != "IS_SPACE":
                checks.append((offset, column, "regex", re.compile(arg)))
            else:
                raise Unsupported(f"predicate {value!r}")
        else:
            raise Unsupported(f"value {value!r}")
    return checks


_COST = {"eq": 0, "in": 1, "not_in": 1, "regex": 2}


def compile_pattern(key: int, pattern: list[dict[str, Any]], strings: Any) -> Compiled:
    """One Matcher pattern as a fixed-length test; :class:`Unsupported` when it is not one."""
    if not pattern:
        raise Unsupported("empty pattern")
    checks: list[Check] = []
    for offset, spec in enumerate(pattern):
        if not isinstance(spec, dict) or not spec or "OP" in spec:
            raise Unsupported(f"token spec {spec!r}")
        checks.extend(_spec_checks(offset, spec, strings))
    checks.sort(key=lambda c: _COST[c[2]])  # the order of tests changes no answer, only its cost
    return key, len(pattern), tuple(checks)


class IndexedMatcher:
    """Finds the matches of fixed-length patterns by indexing them on their first token's tag, lower form or
    dependency (a pattern goes under one table only, so a start is tried once per pattern). What the
    one-token patterns give a token depends only on its row of attribute values, so it is remembered per
    row."""

    def __init__(self, matcher: Any, keys: list[str]) -> None:
        self._matcher = matcher
        strings = matcher.vocab.strings
        self._strings = strings
        compiled: list[Compiled] = []
        for name in keys:
            key = strings.add(name)
            found = matcher.get(key)
            if found is None:
                raise Unsupported(f"no patterns under {name!r}")
            on_match, patterns = found
            if on_match is not None:
                raise Unsupported(f"an on_match callback under {name!r}")
            compiled.extend(compile_pattern(key, pattern, strings) for pattern in patterns)
        # per column (TAG, LOWER, DEP): value -> patterns whose first token needs that value; and the rest
        self._index, self._rest = self._indexed([c for c in compiled if c[1] > 1])
        self._one_index = self._indexed([c for c in compiled if c[1] == 1])
        # the keys of the one-token patterns a token matches depend on its row alone: remembered per row
        self._single: dict[tuple[int, ...], tuple[int, ...]] = {}

    def __call__(self, doclike: Any, *, as_spans: bool = False, allow_missing: bool = False,
                 with_alignments: bool = False) -> Any:
        from spacy.tokens import Doc

        if as_spans or with_alignments or not isinstance(doclike, Doc):
            return self._matcher(doclike, as_spans=as_spans, allow_missing=allow_missing,
                                 with_alignments=with_alignments)
        return self.matches(doclike)

    @staticmethod
    def _indexed(patterns: list[Compiled]) -> tuple[tuple[dict[int, list[Compiled]], ...], list[Compiled]]:
        """Patterns indexed by the value their first token needs in the first column that names one (TAG,
        LOWER, DEP), or left in a list tried at every token; each pattern in exactly one place."""
        index: tuple[dict[int, list[Compiled]], ...] = ({}, {}, {})
        rest: list[Compiled] = []
        for compiled in patterns:
            first = [c for c in compiled[2] if c[0] == 0 and c[1] < 3 and c[2] in ("eq", "in")]
            if not first:
                rest.append(compiled)
                continue
            _, column, kind, value = min(first, key=lambda c: (c[2] != "eq", c[1]))
            for v in ([value] if kind == "eq" else sorted(value)):
                index[column].setdefault(v, []).append(compiled)
        return index, rest

    def _single_keys(self, rows: list[tuple[int, ...]], i: int) -> tuple[int, ...]:
        """The keys of the one-token patterns token ``i`` matches (each once, in the order tried)."""
        (by_tag, by_lower, by_dep), rest = self._one_index
        row = rows[i]
        keys: list[int] = []
        for group in (by_tag.get(row[0]), by_lower.get(row[1]), by_dep.get(row[2]), rest):
            if group:
                keys.extend(key for key, _, checks in group
                            if _holds(checks, rows, i, self._strings.__getitem__) and key not in keys)
        return tuple(keys)

    def matches(self, doc: Any) -> list[tuple[int, int, int]]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows: list[tuple[int, ...]] = [tuple(r) for r in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()] \
            if len(doc) else []
        n = len(rows)
        by_tag, by_lower, by_dep = self._index
        rest = self._rest
        strings = self._strings
        single = self._single
        if len(single) > _SINGLE_ROWS:
            single.clear()  # a bound on what is remembered (the rows of a long run of made-up words)
        out: list[tuple[int, int, int]] = []
        seen: set[tuple[int, int, int]] = set()
        for i, row in enumerate(rows):
            keys = single.get(row)
            if keys is None:
                keys = single[row] = self._single_keys(rows, i)
            out.extend((key, i, i + 1) for key in keys)
            for group in (by_tag.get(row[0]), by_lower.get(row[1]), by_dep.get(row[2]), rest):
                if not group:
                    continue
                for key, length, checks in group:
                    if i + length <= n and _holds(checks, rows, i, strings.__getitem__):
                        match = (key, i, i + length)
                        if match not in seen:
                            seen.add(match)
                            out.append(match)
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._matcher, name)

    def __len__(self) -> int:
        return len(self._matcher)

    def __contains__(self, key: object) -> bool:
        return key in self._matcher


Row = tuple[int, ...]


def _holds(checks: tuple[Check, ...], rows: list[Row], i: int, string: Callable[[int], str]) -> bool:
    for offset, column, kind, value in checks:
        got = rows[i + offset][column]
        if kind == "eq":
            if got != value:
                return False
        elif kind == "in":
            if got not in value:
                return False
        elif kind == "not_in":
            if got in value:
                return False
        elif not value.search(string(got)):
            return False
    return True


def install(ruler: Any) -> bool:
    """Give an AttributeRuler the indexed matcher when every one of its patterns is in the subset it
    reproduces; True when installed (the ruler's output is the same either way)."""
    from tidings.log import get_logger

    if isinstance(ruler.matcher, IndexedMatcher):
        return True
    try:
        indexed = IndexedMatcher(ruler.matcher, [str(i) for i in range(len(ruler.attrs))])
    except Unsupported as exc:
        get_logger(__name__).info("attribute ruler keeps spaCy's Matcher: %s", exc)
        return False
    ruler.matcher = indexed
    return True
