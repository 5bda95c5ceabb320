"""Acts told as history (dated by their own words more than a year before the report) are not events of the
report; recent background and undated acts are (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import Options, Pipeline
from tidings.events.history import period_end
from tidings.record import Article

PUBLISHED = dt.date(2026, 3, 5)


def codes(pipeline: Pipeline, text: str, published: dt.date | None = PUBLISHED) -> list[str]:
    return [e.cameo.code for e in pipeline.extract(Article(id="h", text=text, published=published))]


@pytest.mark.parametrize("text", [
    "In 1956 Soviet troops invaded Hungary.",
    "Iraqi forces attacked Kuwait in August 1990.",
    "Ethiopia and Eritrea signed a peace accord in July 2018.",
])
def test_history_is_not_news(pipeline: Pipeline, text: str) -> None:
    assert codes(pipeline, text) == []


@pytest.mark.parametrize("text", [
    "Soviet troops invaded Hungary in 1956.",  # no publication date and no newer dated act: not history
])
def test_without_a_publication_date_nothing_is_history(pipeline: Pipeline, text: str) -> None:
    assert codes(pipeline, text, published=None)


@pytest.mark.parametrize("text", [
    "Iraqi forces attacked Kuwaiti positions on Tuesday.",  # the report's week
    "Ethiopia and Eritrea signed a peace accord in September 2025.",  # recent background stays
    "Ethiopia and Eritrea signed a peace accord in 2025.",  # the year's end is within the year
])
def test_recent_acts_stay(pipeline: Pipeline, text: str) -> None:
    assert codes(pipeline, text)


def test_history_can_be_kept() -> None:
    keep = Pipeline(Options(history_days=None))
    assert codes(keep, "In 1956 Soviet troops invaded Hungary.")


def test_period_end() -> None:
    assert period_end(dt.date(2024, 2, 1), "month") == dt.date(2024, 2, 29)
    assert period_end(dt.date(2019, 1, 1), "year") == dt.date(2019, 12, 31)
    assert period_end(dt.date(2019, 5, 7), "day") == dt.date(2019, 5, 7)


def test_without_a_publication_date_the_newest_dated_act_stands_in() -> None:
    """An undated report is no older than the newest act it dates: acts dated long before it are history."""
    text = ("Rebels attacked the army base near Kessa on 3 March 2022. "
            "Soviet troops invaded Hungary in 1956.")
    found = Pipeline().extract(Article(id="h", text=text, published=None))
    assert [e.date.year for e in found if e.date is not None] == [2022]
