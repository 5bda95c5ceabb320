"""Date resolution against a publication date (expressions written for these tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tidings.dates import DateResolver, event_date, is_date_expression
from tidings.record import Article

SATURDAY = dt.date(2021, 3, 6)


@pytest.mark.parametrize(
    ("expression", "date", "precision"),
    [
        ("Saturday", SATURDAY, "day"),  # the publication day itself
        ("on Wednesday", dt.date(2021, 3, 3), "day"),
        ("Sunday", dt.date(2021, 2, 28), "day"),
        ("Tuesday night", dt.date(2021, 3, 2), "day"),
        ("Friday evening", dt.date(2021, 3, 5), "day"),
        ("Monday's", dt.date(2021, 3, 1), "day"),
        ("yesterday", dt.date(2021, 3, 5), "day"),
        ("last week", dt.date(2021, 2, 27), "day"),
        ("three years ago", dt.date(2018, 1, 1), "year"),
        ("15 months ago", dt.date(2019, 12, 1), "month"),
        ("in 2019", dt.date(2019, 1, 1), "year"),
        ("2008", dt.date(2008, 1, 1), "year"),
        ("last month", dt.date(2021, 2, 1), "month"),
        ("May 2020", dt.date(2020, 5, 1), "month"),
        ("Feb 26", dt.date(2021, 2, 26), "day"),
        ("Nov 26", dt.date(2020, 11, 26), "day"),  # far ahead: last November
        ("March 12", dt.date(2021, 3, 12), "day"),  # six days ahead: nearer than a year ago
        ("December", dt.date(2020, 12, 1), "month"),
        ("the weekend", SATURDAY, "day"),
        ("since 2015", dt.date(2015, 1, 1), "year"),
    ],
)
def test_resolve_against_publication(expression: str, date: dt.date, precision: str) -> None:
    info = DateResolver(SATURDAY).resolve(expression)
    assert (info.date, info.precision, info.text, info.from_publication) == (
        date,
        precision,
        expression,
        False,
    )


@pytest.mark.parametrize(
    ("expression", "date"),
    [
        ("a day after", dt.date(2021, 2, 2)),
        ("a day earlier", dt.date(2021, 1, 31)),
        ("two days later", dt.date(2021, 2, 3)),
        ("the next day", dt.date(2021, 2, 2)),
        ("the previous day", dt.date(2021, 1, 31)),
        ("the day before", dt.date(2021, 1, 31)),
    ],
)
def test_relative_to_event_uses_anchor(expression: str, date: dt.date) -> None:
    assert DateResolver(SATURDAY).resolve(expression, anchor=dt.date(2021, 2, 1)).date == date


def test_relative_to_event_without_anchor_uses_publication() -> None:
    assert DateResolver(SATURDAY).resolve("a day earlier").date == dt.date(2021, 3, 5)


@pytest.mark.parametrize("expression", [None, "", "the 1990s", "for two years", "blue sky", "15 days"])
def test_fallback_to_publication(expression: str | None) -> None:
    info = DateResolver(SATURDAY).resolve(expression)
    assert info == type(info)(SATURDAY, None, "day", from_publication=True)


@pytest.mark.parametrize("expression", [None, "yesterday", "on Saturday", "last month", "May 3",
                                        "the weekend", "two days later"])
def test_undated_article_leaves_relative_dates_empty(expression: str | None) -> None:
    """No publication date: the clock is not read, so the same input gives the same dates on any day."""
    info = DateResolver(None).resolve(expression)
    assert info.date is None and info.from_publication


@pytest.mark.parametrize(("expression", "day", "precision"), [
    ("14 February 2011", dt.date(2011, 2, 14), "day"), ("March 2016", dt.date(2016, 3, 1), "month"),
    ("1998", dt.date(1998, 1, 1), "year")])
def test_undated_article_keeps_absolute_dates(expression: str, day: dt.date, precision: str) -> None:
    info = DateResolver(None).resolve(expression)
    assert (info.date, info.precision, info.from_publication) == (day, precision, False)


@pytest.mark.parametrize(
    "text",
    [
        "Saturday",
        "last week",
        "three years ago",
        "May 2020",
        "a day after",
        "the next day",
        "2019",
        "yesterday",
        "earlier this month",
    ],
)
def test_date_expressions(text: str) -> None:
    assert is_date_expression(text)


@pytest.mark.parametrize(
    "text",
    [
        "for two years",
        "15 days",
        "for months",
        "three years",
        "the 75th anniversary",
        "a 45-year-old",
        "months",
        "daily",
        "the 1990s",
        "decades",
        "every week",
        "the past two years",
        "recent years",
        "now",
        "15 a year",
        "2,000 a day",
        "33",
        "7",
        "(61)",
    ],
)
def test_not_date_expressions(text: str) -> None:
    assert not is_date_expression(text)


@pytest.mark.parametrize(("sentence", "phrase", "anchored"), [
    ("The inquiry was closed two days before Election Day.", "two days before", True),
    ("Troops arrived a week after the attack on the base.", "a week after", True),
    ("The deal was signed two days before May 3.", "two days before", False),
    ("KCNA confirmed it a day after it reported the letter.", "a day after", False),
    ("The talks ended on Friday.", "Friday", False),
])
def test_dates_relative_to_an_undated_event(sentence: str, phrase: str, anchored: bool) -> None:
    from tidings.dates import anchored_on_event
    from tidings.nlp.model import parser

    doc = parser()(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert anchored_on_event(doc, phrase, span.end) is anchored


def test_event_dated_relative_to_an_undated_event_falls_back_to_publication() -> None:
    from tidings import extract

    events = extract("Germany sent weapons to Ukraine a week after the invasion.", published="2022-05-09")
    assert events and all(e.extra["date_from_publication"] for e in events)


def test_a_past_event_is_not_dated_after_publication() -> None:
    from tidings import extract

    text = "A day after he returned home, North Korea fired a missile into the sea."
    events = extract(text, published="2022-05-09")
    assert events and all(e.date is not None and e.date <= dt.date(2022, 5, 9) for e in events)


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    # the date of a clause about another event does not date the trigger
    ("Police named the two climbers who died when an avalanche hit the ridge on Tuesday.", "named", None),
    ("Police named the two climbers who died when an avalanche hit the ridge on Tuesday.", "hit", "Tuesday"),
    ("The council said on Monday that the bridge had been closed in March.", "said", "Monday"),
    ("The council said on Monday that the bridge had been closed in March.", "closed", "March"),
    ("The council said that the bridge had been closed in March.", "said", None),
    # a clause that describes the trigger itself keeps its date
    ("The treaty signed in June angered the opposition.", "treaty", "June"),
    # a record compared with the past is not dated by it; a state that began then is
    ("Shares fell to their lowest level since 2009 on Friday.", "fell", "Friday"),
    ("Shares fell to their lowest level since 2009.", "fell", None),
    ("The firm has led the market since 2009.", "led", "2009"),
    # a frequency is not a date
    ("The plant makes 40 engines a year.", "makes", None),
])
def test_event_date_attachment(sentence: str, word: str, expected: str | None) -> None:
    from tidings.dates import event_date
    from tidings.nlp.model import parser

    doc = parser()(sentence)
    trigger = next(t for t in doc if t.text == word)
    text, info = event_date(doc, trigger, DateResolver(dt.date(2021, 11, 20)))
    assert text == expected
    assert info.from_publication is (text is None)


# --- only real date expressions date an event (sentences written for these tests) ---------------------------

PUBLISHED = dt.date(2021, 6, 9)  # a Wednesday


@pytest.fixture(scope="module")
def nlp() -> Any:
    from tidings.nlp.model import parser

    return parser()


def _dated(nlp: Any, sentence: str, trigger: str, last: dt.date | None = None) -> tuple[str | None, Any]:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    return event_date(doc, token, DateResolver(PUBLISHED), last)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Rebels attacked May's convoy.", "attacked"),  # a person's name as a possessive
        ("Officials said May had approved the strikes.", "approved"),  # the subject of a verb
        ("The 2019 accord was signed by both sides, and rebels attacked the town.", "attacked"),  # a name
        ("The Vision 2030 plan was backed by the cabinet, and troops attacked the rebels.", "attacked"),
        ("Rebels attacked the convoy several days later.", "attacked"),  # nothing to count from
        ("Rebels attacked the base a few days later, officials said.", "attacked"),
    ],
)
def test_words_that_are_not_dates_do_not_date_the_event(nlp: Any, sentence: str, trigger: str) -> None:
    text, info = _dated(nlp, sentence, trigger)
    assert text is None and info.from_publication and info.date == PUBLISHED


@pytest.mark.parametrize(
    ("sentence", "trigger", "last", "expected"),
    [
        ("Rebels attacked the town on Sunday morning.", "attacked", None, dt.date(2021, 6, 6)),
        ("Troops killed 12 militants in March.", "killed", None, dt.date(2021, 3, 1)),
        ("Rebels attacked the convoy several days later.", "attacked", dt.date(2021, 6, 1),
         dt.date(2021, 6, 4)),
        ("Rebels withdrew from the town during the 2014 ceasefire.", "withdrew", None, dt.date(2014, 1, 1)),
    ],
)
def test_real_dates_still_date_the_event(nlp: Any, sentence: str, trigger: str, last: dt.date | None,
                                         expected: dt.date) -> None:
    text, info = _dated(nlp, sentence, trigger, last)
    assert text is not None and not info.from_publication and info.date == expected


@pytest.mark.parametrize(
    ("text", "is_date"),
    [("the 2020 Act", False), ("Vision 2030", False), ("the 2019 World Cup", False), ("May 2020", True),
     ("2020", True), ("early 2020", True), ("Sept. 2020", True)],
)
def test_a_year_inside_a_name_is_not_a_date(text: str, is_date: bool) -> None:
    assert is_date_expression(text) is is_date


def test_an_age_set_off_by_commas_does_not_date_the_event(pipeline: Any) -> None:
    """ "Jana Novak, 33, ..." is an age: the event keeps the publication date, not 2033."""
    article = Article(id="age", text="The Serbian interior minister said police detained Jana Novak, 33, "
                      "after the clashes in Nis.", published=dt.date(2026, 3, 5))
    dated = [(e.date, e.date_text) for e in pipeline.extract(article)]
    assert dated and all(date == dt.date(2026, 3, 5) and text is None for date, text in dated)
