"""Statements on real news (session 11): sentences written for these tests, with made-up content, names and
places."""

from __future__ import annotations

import pytest

from helpers import Triple, triples
from tidings import Pipeline


def statements(pipeline: Pipeline, text: str) -> set[Triple]:
    """The root-01 triples of ``text`` (source code cut to six characters)."""
    return {(s[:6], t[:6], c) for s, t, c in triples(pipeline, text) if c.startswith("01")}


# ------------------------------------------------------------- the head of an IGO speaking again as "he"
@pytest.mark.parametrize("text", [
    "UN Secretary-General Antonio Guterres arrived in Nairobi on Monday. He said the drought was the worst "
    "the region had seen in forty years.",
    "Antonio Guterres, the UN chief, opened the conference in Vienna. \"Debts are the heaviest burden of the "
    "poorest nations,\" he stressed.",
])
def test_an_igo_head_known_by_name_is_he(pipeline: Pipeline, text: str) -> None:
    assert ("IGOUNO", "", "010") in statements(pipeline, text)
