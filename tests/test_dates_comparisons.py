"""Dates that are not when an event happened: comparison bases and deadlines (sentences written for these
tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tidings.dates import DateResolver, event_date

PUBLISHED = dt.date(2021, 5, 3)


@pytest.fixture(scope="module")
def nlp() -> Any:
    from tidings.nlp.model import parser

    return parser()


def _date_text(nlp: Any, sentence: str, trigger: str) -> str | None:
    doc = nlp(sentence)
    verb = next(t for t in doc if t.text == trigger)
    text, _ = event_date(doc, verb, DateResolver(PUBLISHED))
    return text


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Coffee exports fell 12 % from a year ago.", "fell"),
        ("Coffee exports rose compared with last year.", "rose"),
        ("Ticket prices rose faster than last year.", "rose"),
        ("The mill plans to cut 3,000 jobs by 2030.", "cut"),
    ],
)
def test_a_comparison_base_or_a_deadline_dates_nothing(nlp: Any, sentence: str, trigger: str) -> None:
    assert _date_text(nlp, sentence, trigger) is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Rebels took the town by Friday.", "took", "Friday"),  # "by" a past day still dates it
        ("Coffee exports fell 12 % in April.", "fell", "April"),
        ("The union met the mill's owners from Monday.", "met", "Monday"),
    ],
)
def test_real_dates_still_date_the_event(nlp: Any, sentence: str, trigger: str, expected: str) -> None:
    assert _date_text(nlp, sentence, trigger) == expected
