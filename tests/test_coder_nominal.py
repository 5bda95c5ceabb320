"""Events told by a noun in the setting of another clause ("during his visit to X", "on the sidelines of
the summit"): sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import triples
from tidings import Pipeline


@pytest.mark.parametrize("text", [
    "On the margins of her visit to Peru, the German chancellor opened a car factory.",
    "In the course of her visit to Peru, the German chancellor opened a car factory.",
    "During her visit to Peru, the German chancellor met local artists.",
])
def test_a_visit_that_sets_the_scene_is_reported(pipeline: Pipeline, text: str) -> None:
    assert ("DEUGOV", "PER", "042") in triples(pipeline, text)


def test_a_topic_of_is_still_no_event(pipeline: Pipeline) -> None:
    found = triples(pipeline, "The German chancellor spoke about the cost of her visit to Peru.")
    assert not any(code == "042" for _, _, code in found), found


@pytest.mark.parametrize(("text", "expected"), [
    ("The arrest of a Chilean reporter by Peruvian police angered Santiago.", ("PERCOP", "CHLMED", "17")),
    ("The killing of two Chilean soldiers by Peruvian troops angered Santiago.", ("PERMIL", "CHLMIL", "18")),
])
def test_the_agent_of_an_act_told_as_a_noun(pipeline: Pipeline, text: str,
                                            expected: tuple[str, str, str]) -> None:
    found = {(s, t, code[:2]) for s, t, code in triples(pipeline, text)}
    assert expected in found, found
