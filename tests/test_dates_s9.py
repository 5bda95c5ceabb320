"""Quarters of a year as dates ("the first quarter of 2015", "third-quarter results"): expressions and
sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.dates import DateResolver, event_date, is_date_expression
from tidings.nlp.model import parser

PUBLISHED = dt.date(2015, 11, 4)


@pytest.mark.parametrize(("expression", "date"), [
    ("the 1st quarter of 2031", dt.date(2031, 1, 1)),
    ("during the 2nd quarter of 2033", dt.date(2033, 4, 1)),
    ("Q3 of this year", dt.date(2015, 7, 1)),
    ("the 1st quarter of last year", dt.date(2014, 1, 1)),
    ("the fourth quarter", dt.date(2015, 10, 1)),  # begun by publication: this year's
    ("the third quarter", dt.date(2015, 7, 1)),
    ("third-quarter", dt.date(2015, 7, 1)),
    ("Q2 2012", dt.date(2012, 4, 1)),
    ("the last quarter of 2011", dt.date(2011, 10, 1)),
])
def test_a_quarter_is_its_first_month(expression: str, date: dt.date) -> None:
    found = DateResolver(PUBLISHED).resolve(expression)
    assert (found.date, found.precision, found.from_publication) == (date, "month", False)
    assert is_date_expression(expression)


def test_a_quarter_not_yet_begun_is_last_year_s() -> None:
    found = DateResolver(dt.date(2015, 2, 9)).resolve("the third quarter")
    assert (found.date, found.precision) == (dt.date(2014, 7, 1), "month")
    assert DateResolver(dt.date(2015, 2, 9)).resolve("the last quarter").from_publication  # which one?


@pytest.mark.parametrize("text", ["a quarter", "quarterly", "three quarters", "the quarter-final"])
def test_other_quarters_are_no_dates(text: str) -> None:
    assert not is_date_expression(text)


def test_an_event_in_a_quarter_is_dated_by_it() -> None:
    doc = parser()("A brewer near Ghent lost 40 million euros in the 2nd quarter of 2012.")
    trigger = next(t for t in doc if t.text == "lost")
    phrase, found = event_date(doc, trigger, DateResolver(PUBLISHED))
    assert phrase is not None and found.date == dt.date(2012, 4, 1)


@pytest.mark.parametrize(("published", "expression", "date"), [
    (dt.date(2019, 11, 20), "last August", dt.date(2019, 8, 1)),
    (dt.date(2019, 11, 20), "past August", dt.date(2019, 8, 1)),
    (dt.date(2019, 11, 20), "last November", dt.date(2018, 11, 1)),  # this month's is not "last"
    (dt.date(2019, 11, 20), "last December", dt.date(2018, 12, 1)),
    (dt.date(2019, 11, 20), "next February", dt.date(2020, 2, 1)),
    (dt.date(2019, 11, 20), "coming April", dt.date(2020, 4, 1)),
    (dt.date(2019, 11, 20), "this August", dt.date(2019, 8, 1)),
    (dt.date(2019, 8, 20), "since December", dt.date(2018, 12, 1)),  # "since" looks back
    (dt.date(2019, 8, 20), "ever since December", dt.date(2018, 12, 1)),
])
def test_a_month_with_a_direction_word(published: dt.date, expression: str, date: dt.date) -> None:
    found = DateResolver(published).resolve(expression)
    assert (found.date, found.precision, found.from_publication) == (date, "month", False)


def test_a_month_without_a_direction_word_is_still_the_nearest() -> None:
    assert DateResolver(dt.date(2019, 8, 20)).resolve("December").date == dt.date(2019, 12, 1)
    assert DateResolver(dt.date(2019, 2, 20)).resolve("December").date == dt.date(2018, 12, 1)


def test_an_event_going_on_since_a_month_looks_back() -> None:
    doc = parser()("The union has been striking at the Lille plant since December.")
    trigger = next(t for t in doc if t.text == "striking")
    phrase, found = event_date(doc, trigger, DateResolver(dt.date(2019, 8, 20)))
    assert phrase == "since December" and found.date == dt.date(2018, 12, 1)
