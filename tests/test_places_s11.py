"""Kinds of construction, in sentences written for these tests.

- A big town or a region right after "in" or "near" that the tagger took for an organisation or a person is
  a place all the same ("looted shops in Durban" with Durban tagged ORG); a name the gazetteer does not
  know as a big town or a region stays no place ("confidence in the Fed").
"""

from __future__ import annotations

import pytest

from tidings import Pipeline
from tidings.record import Article


def _places(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    return [(e.location.name if e.location else None, e.location.country if e.location else None)
            for e in pipeline.extract(Article("t", text, None))]


@pytest.mark.slow
class TestMislabelledTowns:
    def test_big_town_tagged_organisation(self, pipeline: Pipeline) -> None:
        assert ("Durban", "ZAF") in _places(pipeline, "Rioters looted shops in Durban.")

    def test_region_tagged_organisation(self, pipeline: Pipeline) -> None:
        places = _places(pipeline, "Rioters looted shops in KwaZulu-Natal.")
        assert [country for _, country in places] == ["ZAF"]

    def test_unknown_name_is_no_place(self, pipeline: Pipeline) -> None:
        places = _places(pipeline, "Protesters marched in Glimworth on Sunday against the new tax.")
        assert all(name is None or "Glimworth" not in name for name, _ in places)
