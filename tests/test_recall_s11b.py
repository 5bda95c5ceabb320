"""Recall constructions of session 11, second round (sentences written for tidings, in new words): a
statement of a political actor whose said-clause reports only a crime between private persons, which is no
event (GUIDE section 1), stands as a statement of its own (010, GUIDE section 4); a said-clause that reports
political violence stays that act's attribution."""

from __future__ import annotations

from helpers import roots
from tidings import Pipeline


def test_police_telling_of_a_private_stabbing_make_a_statement(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Police in Leeds said a man stabbed his neighbour outside a pub.")
    assert any(src.endswith("COP") and root == "01" for src, _, root in found)
    assert not any(root == "18" for _, _, root in found)  # the stabbing itself is private crime


def test_a_saying_after_a_private_assault_makes_a_statement(pipeline: Pipeline) -> None:
    found = roots(pipeline, "A man punched his neighbour in a Tulsa car park, police said.")
    assert any(src.endswith("COP") and root == "01" for src, _, root in found)


def test_reported_political_violence_stays_an_attribution(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Police said gunmen attacked a checkpoint near Kirkuk before dawn.")
    assert any(root == "19" for _, _, root in found)
    assert not any(root == "01" for _, _, root in found)
