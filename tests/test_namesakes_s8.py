"""A known person's one-word name inside another person's name is someone else (sentences written for
these tests; Petr Pavel is the Czech president in the knowledge base, the other people are made up)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import Pipeline

WHEN = dt.date(2026, 3, 5)


@pytest.mark.parametrize("words", [
    "Pavel Dunaj",  # the president's surname used as another man's given name
    "Anna Pavel",  # the same surname with another given name
    "Melania Trump",  # a relative the knowledge base does not hold
    "Trump Tower",  # a building named after the person
])
def test_someone_else(pipeline: Pipeline, words: str) -> None:
    actor = pipeline.kb.resolve(words.split(), WHEN)
    assert actor is None or actor.name not in ("Petr Pavel", "Donald Trump")


@pytest.mark.parametrize(("words", "name"), [
    ("President Pavel", "Petr Pavel"),  # a title before the surname
    ("Czech President Pavel", "Petr Pavel"),
    ("Tayyip Erdogan", "Recep Tayyip Erdogan"),  # a word of the person's own full name
    ("Vladimirovich Putin", "Vladimir Putin"),  # a given-name form with the same initial
    ("Trump administration", "Donald Trump"),  # a lower-case word after the name
    ("Donald J. Trump", "Donald Trump"),
])
def test_the_person_still(pipeline: Pipeline, words: str, name: str) -> None:
    actor = pipeline.kb.resolve(words.split(), WHEN)
    assert actor is not None and actor.name == name


def test_a_policeman_sharing_a_presidents_name_is_not_the_president(pipeline: Pipeline) -> None:
    from tidings.record import Article

    events = pipeline.extract(Article(id="n", text="Police in Belgrade arrested police officer Pavel Dunaj "
                                      "after the protest.", published=WHEN))
    codes = [actor.code for e in events for actor in (e.source, e.target) if actor is not None]
    assert codes and not any(code.startswith("CZE") for code in codes)
