"""Who is who (issue 13), session 8: short forms of known people inside other people's names, legislatures
and seats of power that belong to one country, titles used by one country, and agencies named like armed
groups. Sentences and names are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import Article, Pipeline
from tidings.actors import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def sides(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    """(source code, target code, CAMEO root) of each event coded in ``text``."""
    events = pipeline.extract(Article("s8", text, dt.date(2023, 5, 6)))
    return {(e.source.code if e.source else "", e.target.code if e.target else "", e.cameo.code[:2])
            for e in events}


@pytest.mark.parametrize("phrase", [
    "Boris Velnik",  # a known given name before an unknown surname
    "Hunter Biden", "Melania Trump",  # a known surname after an unknown given name
])
def test_a_short_form_inside_another_name_is_not_the_known_person(kb: KnowledgeBase, phrase: str) -> None:
    assert kb.resolve(phrase.split(), dt.date(2023, 5, 6)) is None


@pytest.mark.parametrize(("phrase", "name"), [
    ("President Biden", "Joe Biden"), ("Mr Biden", "Joe Biden"), ("Russia's Putin", "Vladimir Putin"),
    ("Tayyip Erdogan", "Recep Tayyip Erdogan"), ("Boris Johnson", "Boris Johnson"),
])
def test_a_short_form_after_a_title_or_its_own_name_stays_the_known_person(
        kb: KnowledgeBase, phrase: str, name: str) -> None:
    actor = kb.resolve(phrase.split(), dt.date(2021, 5, 6))
    assert actor is not None and actor.name == name


def test_a_sentence_initial_word_does_not_hide_a_known_surname(kb: KnowledgeBase) -> None:
    found = kb.match("Yesterday Biden signed the order".split(), dt.date(2023, 5, 6))
    assert [a.name for _, _, a in found] == ["Joe Biden"]


def test_an_unknown_president_with_a_known_given_name_takes_the_host_country(pipeline: Pipeline) -> None:
    found = sides(pipeline, "Slovenian Foreign Minister Ana Kovac praised President Boris Velnik in Vienna "
                            "on Monday.")
    assert ("SVNGOV", "AUTGOV", "05") in found
