"""A health noun that names a topic is no claim until something is said of it (sentences written for
these tests).

"He spoke about his health" reports a conversation; "his health is failing", "he has health problems", "he
resigned for health reasons" and "concerns about his health" are claims (the last one hedged).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest

from tidings.claims import Claim, claims_for_article
from tidings.pipeline import Pipeline
from tidings.record import Article


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline()


def health(text: str) -> list[Claim]:
    found = claims_for_article(_pipeline(), Article("topic", text, dt.date(2024, 3, 1)))
    return [c for c in found if c.type == "health"]


@pytest.mark.slow
class TestTopicHealthNouns:
    @pytest.mark.parametrize("text", [
        "President Joe Biden spoke about his health on Tuesday in Washington.",
        "Joe Biden talked about his health with reporters on Monday.",
        "Joe Biden said his health was a private matter.",
        "Xi Jinping discussed health care with nurses in Beijing.",
    ])
    def test_health_as_a_topic_is_no_claim(self, text: str) -> None:
        assert health(text) == []

    @pytest.mark.parametrize(("text", "factuality"), [
        ("Joe Biden resigned for health reasons, his office said.", "reported"),
        ("Joe Biden has health problems, aides said.", "reported"),
        ("Joe Biden's health deteriorated sharply last week.", "asserted"),
        ("Joe Biden's health is fragile, aides said.", "reported"),
        ("Concerns about Joe Biden's health grew on Monday.", "hedged"),
        ("Joe Biden was in poor health in March.", "asserted"),
    ])
    def test_a_state_said_of_health_is_a_claim(self, text: str, factuality: str) -> None:
        found = health(text)
        assert [(c.subject.name if c.subject else None, c.factuality) for c in found] == [
            ("Joe Biden", factuality)]

    def test_good_health_stays_a_negative_claim(self) -> None:
        found = health("Joe Biden is in good health, his doctor said on Friday.")
        assert [(c.subject.name if c.subject else None, c.polarity) for c in found] == [
            ("Joe Biden", "negative")]


@pytest.mark.slow
class TestNegatedMeetings:
    def _kinds(self, text: str) -> list[str]:
        return [c.type for c in claims_for_article(_pipeline(), Article("meet", text, dt.date(2024, 3, 1)))]

    @pytest.mark.parametrize("text", [
        'Donald Trump said the two men have not met in person.',
        "Donald Trump had never met with Vladimir Putin.",
    ])
    def test_not_having_met_someone_is_no_absence(self, text: str) -> None:
        assert "absence" not in self._kinds(text)

    def test_not_attending_is_still_an_absence(self) -> None:
        assert self._kinds("Kim Jong Un did not attend the parade on Monday.") == ["absence"]
