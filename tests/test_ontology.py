"""The packaged CAMEO table, its quad classes and Goldstein values, and the PLOVER mapping."""

from __future__ import annotations

import pytest

from tidings.errors import DataError
from tidings.events.ontology import CAMEO_CODES, cameo, is_code, plover, root_of
from tidings.record import Cameo, Plover

ROOTS = [f"{n:02d}" for n in range(1, 21)]


def test_every_root_is_present() -> None:
    for root in ROOTS:
        assert is_code(root)
        assert cameo(root).root == root
        assert is_code(root + "0"), f"{root}0 (not specified below) missing"


def test_table_size_and_types() -> None:
    assert len(CAMEO_CODES) == 311
    record = cameo("1823")
    assert isinstance(record, Cameo)
    assert record == Cameo("1823", "18", "Kill by physical assault", 4, -10.0)
    assert set(CAMEO_CODES) >= {"010", "0231", "0841", "1121", "2042"}


@pytest.mark.parametrize("root", ROOTS)
def test_quad_class_by_root(root: str) -> None:
    expected = 1 if root <= "05" else 2 if root <= "09" else 3 if root <= "14" else 4
    for record in CAMEO_CODES.values():
        if record.root == root:
            assert record.quad_class == expected, record


def test_goldstein_range_and_sign() -> None:
    for record in CAMEO_CODES.values():
        assert -10.0 <= record.goldstein <= 10.0
        assert record.code.startswith(record.root)
    assert cameo("057").goldstein > 0 > cameo("190").goldstein
    assert cameo("0874").goldstein == 10.0


def test_unknown_codes() -> None:
    assert not is_code("99")
    assert not is_code("1213")  # in the PLOVER table, not in CAMEO 2.0
    assert not is_code("")
    with pytest.raises(DataError, match=r"\[T102\].*'999'"):
        cameo("999")
    with pytest.raises(DataError):
        root_of("abc")
    assert root_of("0231") == "02"


def test_plover_exact_rows() -> None:
    assert plover("0841") == Plover("RETREAT", "release", "legal")
    assert plover("042") == Plover("CONSULT", "visit", None)
    assert plover("163") == Plover("COERCE", "restrict", "diplomatic")  # listed under SANCTION, typed COERCE
    assert plover("1121") == Plover("ACCUSE", "allege", "crime; corruption")
    assert plover("175") == Plover("ASSAULT", "pro_autocracy", "military")
    assert plover("0813") == Plover("RETREAT", None, "legal")
    assert plover("08") == Plover("CONCEDE", None, None)  # "08" is listed twice; the first wins


def test_plover_blank_fields_are_none() -> None:
    result = plover("040")
    assert result is not None and result.mode is None and result.context is None


def test_plover_dropped_roots_and_fallback() -> None:
    # PLOVER drops CAMEO 01 (statements) and 02 (appeals): no row for the code nor any parent
    assert plover("010") is None
    assert plover("0231") is None
    assert plover("99") is None


def test_plover_falls_back_to_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings.events import ontology

    codes, plovers = ontology._load()
    trimmed = {code: value for code, value in plovers.items() if code not in {"0231", "023"}}
    trimmed["02"] = Plover("REQUEST", None, None)
    monkeypatch.setattr(ontology, "_load", lambda: (codes, trimmed))
    assert plover("0231") == Plover("REQUEST", None, None)
    assert plover("1823") == plovers["1823"]


def test_every_non_dropped_code_has_a_plover_type() -> None:
    types = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
             "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    for record in CAMEO_CODES.values():
        result = plover(record.code)
        if record.root in {"01", "02"}:
            assert result is None
        else:
            assert result is not None and result.type in types, record
