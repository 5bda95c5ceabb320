"""No sentence ends a run: a pronoun inside its own antecedent, and an unexpected error in one sentence."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest

from tidings import Article, Pipeline
from tidings.events import coder as coder_module


@pytest.mark.parametrize("text", [
    "Two suicide bombers killed 23 people and themselves.",  # the sentence of issue 12
    "Three gunmen shot four guards and themselves near the Iraqi border.",
    "The rebels wounded dozens of villagers and themselves when their truck exploded in Mali.",
])
def test_a_pronoun_in_its_own_list_does_not_recurse(pipeline: Pipeline, text: str) -> None:
    pipeline.extract(Article("r", text, dt.date(2020, 1, 1)))  # no RecursionError


def test_themselves_after_another_list_still_finds_it(pipeline: Pipeline) -> None:
    events = pipeline.extract(Article(
        "r", "Russia and China said they would condemn Japan.", dt.date(2020, 1, 1)))
    assert {e.source.code for e in events if e.source} >= {"RUS", "CHN"}


def test_an_error_in_one_sentence_is_logged_and_the_rest_go_on(
        pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    original = coder_module.SentenceCoder.code

    def fragile(self: Any, doc: Any) -> Any:
        if "Chad" in doc.text:
            raise ValueError("a fault planted by the test")
        return original(self, doc)

    monkeypatch.setattr(coder_module.SentenceCoder, "code", fragile)
    text = ("Sudanese troops attacked Chad on Monday. Egypt condemned Israel on Tuesday. "
            "Kenya accused Somalia of shelling its border post.")
    articles = [Article("bad", text, dt.date(2020, 1, 1)),
                Article("good", "Germany praised France for its aid.", dt.date(2020, 1, 1))]
    with caplog.at_level(logging.WARNING, logger="tidings"):
        results = list(pipeline.run(articles))
    assert [r.ok for r in results] == [True, True]
    first, second = results
    assert all(e.sentence != 0 for e in first.events)
    assert {e.source.code for e in first.events if e.source} >= {"EGY", "KEN"}
    assert second.events
    warned = [r.getMessage() for r in caplog.records if "[W101]" in r.getMessage()]
    assert len(warned) == 1 and "'bad'" in warned[0] and "sentence 0" in warned[0]
