"""Precision rules of session 9 on made-up sentences: who blames whom when a monitor reports a fight."""

from __future__ import annotations

import pytest

from helpers import roots
from tidings import Pipeline


@pytest.mark.parametrize("text", [
    "Human Rights Watch said rebels seized the town of Kessa on Monday.",
    "The Ruritanian Observatory for Human Rights said the rebels recaptured Kessa after the army pulled out.",
])
def test_a_monitor_reporting_a_fight_blames_nobody(pipeline: Pipeline, text: str) -> None:
    found = roots(pipeline, text)
    assert any(code == "19" for _, _, code in found)
    assert not any(code == "11" for _, _, code in found)


@pytest.mark.parametrize("text", [
    "Amnesty International said Ruritanian soldiers killed 12 villagers near Kessa.",  # harm to civilians
    "Russia said rebels seized the town of Kessa on Monday.",  # a state is a party
])
def test_harm_to_civilians_or_a_party_speaking_is_an_accusation(pipeline: Pipeline, text: str) -> None:
    assert any(code == "11" for _, _, code in roots(pipeline, text))
