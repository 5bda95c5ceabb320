"""The claims and 5W1H summary stages run inside a document's time meter (``Limits.max_seconds``,
``max_wall_seconds``), like its preparation and event coding: a document whose claims take too long is
skipped with its numbered reason, the coding process's watchdog sees the document while they run, an error
in them skips only that document, and the batch goes on."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from tidings import validate
from tidings.errors import CodingFailed, CodingTimedOut, CodingTooSlow
from tidings.pipeline import Options, Pipeline
from tidings.record import Article
from tidings.validate import Limits

TEXTS = {
    "calm-1": "Ministers of Norway met officials of Chile in Oslo on Tuesday to talk about fishing rights.",
    "slow": "The army of Peru attacked rebels near the border on Monday, the ministry said.",
    "calm-2": "The president of Ghana praised Kenya for its help with the floods, his office said.",
}


def _articles() -> list[Article]:
    return [Article(name, text) for name, text in TEXTS.items()]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> dict[str, float]:
    """A wall and CPU clock that move only when a test stage says so."""
    now = {"t": 0.0}
    monkeypatch.setattr(validate, "wall_clock", lambda: now["t"])
    monkeypatch.setattr(validate, "cpu_clock", lambda: now["t"])
    return now


def _slow_claims(monkeypatch: pytest.MonkeyPatch, now: dict[str, float], seconds: float, *,
                 seen: list[Any] | None = None) -> None:
    """The claims of the document ``slow`` take ``seconds`` (of the fake clocks), then one more sentence is
    looked at; ``seen`` collects the document the watchdog's table is told about meanwhile."""
    real = Pipeline._claims

    def claims(self: Pipeline, prepared: Any, check: Any = None) -> Any:
        if prepared.article.id == "slow":
            now["t"] += seconds
            if seen is not None:
                seen.append(watched[-1] if watched else None)
            if check is not None:
                check()
        return real(self, prepared, check)

    watched: list[str | None] = []
    validate.set_watcher(lambda doc, _spent: watched.append(doc))
    monkeypatch.setattr(Pipeline, "_claims", claims)


@pytest.fixture(autouse=True)
def _no_watcher() -> Any:
    yield
    validate.set_watcher(None)


@pytest.mark.parametrize(("limits", "error"), [(Limits(max_seconds=1e9, max_wall_seconds=40), CodingTimedOut),
                                               (Limits(max_seconds=40, max_wall_seconds=0), CodingTooSlow)])
def test_slow_claims_skip_their_document_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch,
                                                               clock: dict[str, float], limits: Limits,
                                                               error: type[Exception]) -> None:
    seen: list[Any] = []
    _slow_claims(monkeypatch, clock, 100.0, seen=seen)
    pipeline = Pipeline(Options(limits=limits))
    results = {r.article.id: r for r in pipeline.process(_articles(), claims=True, summary=True)}
    assert isinstance(results["slow"].error, error) and results["slow"].error.doc_id == "slow"
    assert seen == ["slow"]  # the watchdog's table names the document while its claims run
    for calm in ("calm-1", "calm-2"):
        assert results[calm].error is None and results[calm].summary is not None


def test_slow_summary_skips_its_document(monkeypatch: pytest.MonkeyPatch, clock: dict[str, float]) -> None:
    real = Pipeline._summary

    def summary(self: Pipeline, prepared: Any, events: Any) -> Any:
        if prepared.article.id == "slow":
            clock["t"] += 100.0
        return real(self, prepared, events)

    monkeypatch.setattr(Pipeline, "_summary", summary)
    pipeline = Pipeline(Options(limits=Limits(max_seconds=1e9, max_wall_seconds=40)))
    results = {r.article.id: r for r in pipeline.process(_articles(), summary=True)}
    assert isinstance(results["slow"].error, CodingTimedOut)
    assert results["calm-1"].summary is not None and results["calm-2"].summary is not None


def test_claims_check_the_budget_before_every_sentence() -> None:
    pipeline = Pipeline(Options())
    text = " ".join(TEXTS.values())
    prepared = pipeline.prepare(Article("three", text))
    from tidings.nlp.segment import parse

    parse(prepared.sentences)
    pipeline.code(prepared)
    looks = itertools.count()
    pipeline._claims(prepared, lambda: next(looks) and None)
    assert next(looks) == len(prepared.sentences)


def test_an_error_in_the_claims_skips_only_its_document(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Pipeline._claims

    def claims(self: Pipeline, prepared: Any, check: Any = None) -> Any:
        if prepared.article.id == "slow":
            raise RecursionError("maximum recursion depth exceeded")
        return real(self, prepared, check)

    monkeypatch.setattr(Pipeline, "_claims", claims)
    results = {r.article.id: r for r in Pipeline(Options()).process(_articles(), claims=True)}
    assert isinstance(results["slow"].error, CodingFailed) and "RecursionError" in str(results["slow"].error)
    assert results["calm-1"].error is None and results["calm-2"].error is None
