"""Seasons as dates ("last summer", "in the fall", "autumn 2016"): expressions and sentences written for these
tests. A season is dated at year precision: the named year, this year's, the latest one over before
publication ("last"), the first not yet begun ("next"), else the latest begun by publication; winter is the
year of its January. A season word that names no time ("the fall of the city", "the Arab Spring") is none."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.dates import DateResolver, event_date, is_date_expression
from tidings.nlp.model import parser

PUBLISHED = dt.date(2021, 3, 18)


@pytest.mark.parametrize(("expression", "year"), [
    ("autumn 2013", 2013),
    ("the summer of 2009", 2009),
    ("last summer", 2020),
    ("last autumn", 2020),
    ("this spring", 2021),
    ("next winter", 2022),
    ("the fall", 2020),        # begun by publication: last year's
    ("in the winter", 2021),   # the winter of December 2020 to February 2021
    ("during the spring", 2021),
])
def test_a_season_is_dated_to_its_year(expression: str, year: int) -> None:
    found = DateResolver(PUBLISHED).resolve(expression)
    assert (found.date, found.precision, found.from_publication) == (dt.date(year, 1, 1), "year", False)
    assert is_date_expression(expression)


@pytest.mark.parametrize("text", ["the Arab Spring", "spring training", "the fall of the regime"])
def test_season_words_that_name_no_time(text: str) -> None:
    assert not is_date_expression(text)


@pytest.mark.parametrize(("sentence", "trigger", "phrase", "year"), [
    ("Customs officers seized the cargo in the fall after a long search.", "seized", "the fall", 2020),
    ("Customs officers seized the cargo in the summer of 2019 near the port.", "seized", "the summer of 2019",
     2019),
])
def test_untagged_season_dates_the_event(sentence: str, trigger: str, phrase: str, year: int) -> None:
    doc = parser()(sentence)
    verb = next(t for t in doc if t.text == trigger)
    text, info = event_date(doc, verb, DateResolver(PUBLISHED))
    assert text == phrase and info.date == dt.date(year, 1, 1)


def test_the_fall_of_a_place_is_no_date() -> None:
    doc = parser()("The general resigned after the fall of the northern city.")
    verb = next(t for t in doc if t.text == "resigned")
    text, info = event_date(doc, verb, DateResolver(PUBLISHED))
    assert text is None and info.from_publication
