"""The CAMEO event codes, their Goldstein values and quad classes, and their PLOVER equivalents.

One packaged table, ``data/cameo.tsv`` (written by ``scripts/build_ontology.py``), is read once on first use.

* :func:`cameo` returns the :class:`~tidings.record.Cameo` record of a code and raises
  :class:`~tidings.errors.DataError` for a code CAMEO does not define.
* :func:`plover` returns the PLOVER type, mode and context of a code. When the conversion table has no
  row for the code itself, the nearest parent that has one is used (``0231`` -> ``023`` -> ``02``).
  CAMEO roots 01 (statements) and 02 (appeals) have no PLOVER equivalent, so their codes give ``None``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from tidings.datafiles import packaged_text, read_rows
from tidings.errors import DataError
from tidings.record import Cameo, Plover

__all__ = ["CAMEO_CODES", "cameo", "is_code", "plover", "root_of"]

_TABLE = "cameo.tsv"
_COLUMNS = ["code", "root", "name", "quad_class", "goldstein", "plover_type", "plover_mode", "plover_context"]


@functools.cache
def _load() -> tuple[Mapping[str, Cameo], Mapping[str, Plover]]:
    text = packaged_text("tidings.events", _TABLE)
    codes: dict[str, Cameo] = {}
    plovers: dict[str, Plover] = {}
    for row in read_rows(text, source=f"events/data/{_TABLE}", header=_COLUMNS, quoting=True):
        code, root, name, quad, goldstein, ptype, mode, context = row.cells
        try:
            codes[code] = Cameo(code=code, root=root, name=name, quad_class=int(quad),
                                goldstein=float(goldstein))
        except ValueError as exc:
            raise row.error(str(exc)) from exc
        if ptype:
            plovers[code] = Plover(type=ptype, mode=mode or None, context=context or None)
    return MappingProxyType(codes), MappingProxyType(plovers)


class _Codes(Mapping[str, Cameo]):
    """A read-only view of the CAMEO table that loads the data on first access."""

    def __getitem__(self, code: str) -> Cameo:
        return _load()[0][code]

    def __iter__(self) -> Iterator[str]:
        return iter(_load()[0])

    def __len__(self) -> int:
        return len(_load()[0])

    def __repr__(self) -> str:
        return f"<CAMEO_CODES: {len(self)} codes>"


CAMEO_CODES: Mapping[str, Cameo] = _Codes()
"""Every CAMEO 2.0 code (roots "01".."20" and their sub-codes) mapped to its record."""


def is_code(code: str) -> bool:
    """True when ``code`` is a CAMEO 2.0 event code ("01", "042", "1823")."""
    return code in _load()[0]


def cameo(code: str) -> Cameo:
    """The CAMEO record for ``code``; :class:`DataError` when CAMEO has no such code."""
    try:
        return _load()[0][code]
    except KeyError:
        raise DataError(f"unknown CAMEO event code {code!r}") from None


def root_of(code: str) -> str:
    """The two-digit root of a CAMEO code ("1823" -> "18"); :class:`DataError` for unknown codes."""
    return cameo(code).root


def plover(code: str) -> Plover | None:
    """The PLOVER type/mode/context for a CAMEO code, falling back to the nearest parent code.

    ``None`` for codes of the roots PLOVER dropped (01 statements, 02 appeals) and for unknown codes.
    """
    plovers = _load()[1]
    candidate = code
    while len(candidate) >= 2:
        found = plovers.get(candidate)
        if found is not None:
            return found
        candidate = candidate[:-1]
    return None
