"""End to end: articles in, events out (one spaCy pipeline for the module)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from tidings import Article, Event, Options, Pipeline
from tidings.clean import clean
from tidings.errors import DocumentTooLarge, EmptyDocument, NotEnglish
from tidings.record import FACTUALITY_LABELS

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "kim-letters-2020-05-09.txt"


def code(pipeline: Pipeline, text: str, published: str, doc_id: str = "t") -> list[Event]:
    return pipeline.extract(Article(doc_id, text, dt.date.fromisoformat(published)))


def country(actor: object) -> str | None:
    return getattr(actor, "country", None)


def find(events: Iterable[Event], *, source_country: str | None = None, source_code: str | None = None,
         target_country: str | None = None, root: str) -> list[Event]:
    return [e for e in events
            if e.cameo.root == root
            and (source_code is None or (e.source is not None and e.source.code == source_code))
            and (source_country is None or country(e.source) == source_country)
            and (target_country is None or country(e.target) == target_country)]


def describe(events: Iterable[Event]) -> str:
    return "\n".join(f"  s{e.sentence} {e.source.code if e.source else '-'} {e.cameo.code} "
                     f"{e.target.code if e.target else '-'} {e.date} {e.factuality} {e.rule}" for e in events)


# ---------------------------------------------------------------------------------------- the sample article

@pytest.fixture(scope="module")
def sample_events(pipeline: Pipeline) -> list[Event]:
    if not SAMPLE.is_file():
        pytest.skip(f"sample article not found at {SAMPLE}")
    return code(pipeline, SAMPLE.read_text(encoding="utf-8"), "2020-05-09", "kim-letters")


def test_sample_kim_congratulates_putin_reported_by_kcna(sample_events: list[Event]) -> None:
    hits = [e for e in find(sample_events, source_code="PRKGOV", target_country="RUS", root="05")
            if e.date in (dt.date(2020, 5, 9), dt.date(2020, 5, 8))]
    assert hits, describe(sample_events)
    attributed = [e for e in hits if e.attribution is not None and (
        e.attribution.code == "PRKMED" or "Korean Central News Agency" in (e.attribution.name or ""))]
    assert attributed, describe(hits)


def test_sample_kim_praises_china_a_day_earlier(sample_events: list[Event]) -> None:
    hits = [e for e in find(sample_events, source_code="PRKGOV", target_country="CHN", root="05")
            if e.date in (dt.date(2020, 5, 8), dt.date(2020, 5, 7))]
    assert hits, describe(sample_events)


def test_sample_chinese_medical_team_is_reported_not_asserted(sample_events: list[Event]) -> None:
    hits = find(sample_events, source_country="CHN", target_country="PRK", root="07")
    assert hits, describe(sample_events)
    assert all(e.factuality != "asserted" for e in hits), describe(hits)


def test_sample_teaser_lines_yield_nothing(sample_events: list[Event]) -> None:
    for e in sample_events:
        assert "Also Read" not in e.evidence
        assert not re.search(r"\b(India|Modi|Teen|MoUs?)\b", e.evidence), e.evidence
        assert "IND" not in (country(e.source), country(e.target))


# ------------------------------------------------------------------------------------- our own articles

WIRE = (
    "Japanese Foreign Minister Toshimitsu Motegi sent a message on Tuesday to congratulate his Indian "
    "counterpart Subrahmanyam Jaishankar on the anniversary of diplomatic relations. Kyodo News confirmed "
    "this on Wednesday.\n\n"
    "Separately, a German medical team is reported to have arrived in Italy to help treat patients.Also Read"
    " - Brazil Sends Troops To Venezuela Border, Says Army\n\n"
    "French President Emmanuel Macron did not meet German Chancellor Angela Merkel in Berlin on Friday."
)


@pytest.fixture(scope="module")
def wire_events(pipeline: Pipeline) -> list[Event]:
    return code(pipeline, WIRE, "2020-04-29", "wire")  # a Wednesday


def test_minister_congratulates_counterpart_confirmed_next_sentence(wire_events: list[Event]) -> None:
    hits = find(wire_events, source_code="JPNGOV", target_country="IND", root="05")
    assert len(hits) == 1, describe(wire_events)
    event = hits[0]
    assert event.date == dt.date(2020, 4, 28)  # "on Tuesday", the day before publication
    assert event.date_text == "Tuesday"
    assert event.attribution is not None and event.attribution.code == "JPNMED"
    assert event.attribution.cue == "confirm"
    assert event.factuality == "reported"


def test_relief_team_reported_arriving_is_aid_not_fact(wire_events: list[Event]) -> None:
    hits = find(wire_events, source_country="DEU", target_country="ITA", root="07")
    assert hits, describe(wire_events)
    assert all(e.factuality != "asserted" for e in hits)


def test_glued_teaser_is_cut(wire_events: list[Event]) -> None:
    for e in wire_events:
        assert "Also Read" not in e.evidence
        assert {"BRA", "VEN"}.isdisjoint({country(e.source), country(e.target)}), describe([e])


def _is_negated_meeting(e: Event) -> bool:
    """ "did not meet": a negated 04 (consult), or, PETRARCH-style, a 12 (reject) coded from the negation."""
    return (e.cameo.root == "04" and e.factuality == "negated") or (
        e.cameo.root == "12" and e.rule.endswith(":negated"))


def test_negated_meeting(wire_events: list[Event]) -> None:
    dyad = [e for e in wire_events if e.source is not None and e.source.code == "FRAGOV"
            and country(e.target) == "DEU"]
    assert dyad and all(_is_negated_meeting(e) for e in dyad), describe(wire_events)
    assert dyad[0].date == dt.date(2020, 4, 24)  # "on Friday" before Wednesday 29 April


def test_anonymous_confirmation_attributes_previous_sentence(pipeline: Pipeline) -> None:
    text = ("Australian Foreign Minister Marise Payne sent a message to New Zealand Foreign Minister Winston "
            "Peters to congratulate him on his re-election. The state news agency confirmed it on Thursday.")
    events = code(pipeline, text, "2020-03-23")
    hits = find(events, source_code="AUSGOV", target_country="NZL", root="05")
    assert hits, describe(events)
    assert hits[0].attribution is not None and hits[0].attribution.cue == "confirm"
    assert "news agency" in hits[0].attribution.text
    assert hits[0].factuality == "reported"


def test_confirmation_sentence_is_not_an_event(pipeline: Pipeline) -> None:
    text = ("Australian Foreign Minister Marise Payne sent a message to New Zealand Foreign Minister Winston "
            "Peters to congratulate him on his re-election. The state news agency confirmed it on Thursday.")
    events = code(pipeline, text, "2020-03-23")
    # "confirmed it" vouches for the sentence before; it is no 010 statement about "it"
    assert all(e.sentence == 0 for e in events), describe(events)


def test_dateline_is_not_an_actor(pipeline: Pipeline) -> None:
    events = code(pipeline, "Cairo: Egypt's foreign minister Sameh Shoukry praised Sudan on Monday for its "
                  "efforts to mediate in the dispute, the state news agency MENA said.", "2020-03-17")
    hits = find(events, source_code="EGYGOV", target_country="SDN", root="05")
    assert hits, describe(events)
    assert hits[0].attribution is not None and hits[0].attribution.code == "EGYMED"
    events = code(pipeline, "CAIRO (Reuters) - Egypt's foreign minister praised Sudan on Monday for its "
                  "efforts to mediate in the dispute, the Middle East News Agency said.", "2020-03-17")
    assert find(events, source_code="EGYGOV", target_country="SDN", root="05"), describe(events)


def test_fighting_a_disease_is_not_military_force(pipeline: Pipeline) -> None:
    events = code(pipeline, "A Cuban medical brigade reportedly arrived in Italy on Sunday to help fight the "
                  "outbreak.", "2020-03-23")
    assert not [e for e in events if e.cameo.root in ("18", "19", "20")], describe(events)


# ------------------------------------------------------------------------------------------ output contract

ACTOR_KEYS = {"text", "name", "code", "country", "sector"}


def _check_actor(value: object) -> None:
    if value is None:
        return
    assert isinstance(value, dict) and set(value) == ACTOR_KEYS
    assert isinstance(value["text"], str) and value["text"]
    assert isinstance(value["name"], str) and isinstance(value["code"], str)
    assert value["country"] is None or re.fullmatch(r"[A-Z]{3}", value["country"])
    assert value["sector"] is None or isinstance(value["sector"], str)


def _is_span(value: object) -> bool:
    return (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)
            and 0 <= value[0] < value[1])


def test_output_contract(wire_events: list[Event]) -> None:
    assert wire_events
    cleaned = clean(WIRE).text
    for event in wire_events:
        d = event.to_dict()
        assert list(d) == ["doc_id", "event_id", "sentence", "evidence", "span", "date", "date_text",
                           "date_precision", "source", "target", "cameo", "plover", "location", "attribution",
                           "factuality", "rule", "coder", "trigger", "trigger_span"]
        assert d["doc_id"] == "wire"
        assert isinstance(d["event_id"], str) and d["event_id"]
        assert type(d["sentence"]) is int and d["sentence"] >= 0
        assert _is_span(d["span"]) and _is_span(d["trigger_span"])
        assert cleaned[d["span"][0]:d["span"][1]] == d["evidence"]
        assert d["span"][0] <= d["trigger_span"][0] and d["trigger_span"][1] <= d["span"][1]
        assert cleaned[d["trigger_span"][0]:d["trigger_span"][1]] == d["trigger"]
        assert isinstance(d["date"], str) and dt.date.fromisoformat(d["date"])
        assert d["date_text"] is None or isinstance(d["date_text"], str)
        assert d["date_precision"] in ("day", "month", "year")
        _check_actor(d["source"])
        _check_actor(d["target"])
        cameo = d["cameo"]
        assert set(cameo) == {"code", "root", "name", "quad_class", "goldstein"}
        assert re.fullmatch(r"\d{3,4}", cameo["code"]) and cameo["code"].startswith(cameo["root"])
        assert cameo["quad_class"] in (1, 2, 3, 4) and isinstance(cameo["goldstein"], float)
        assert d["plover"] is None or set(d["plover"]) == {"type", "mode", "context"}
        if d["location"] is not None:
            assert set(d["location"]) == {"name", "country", "lat", "lon", "geonameid"}
        if d["attribution"] is not None:
            assert set(d["attribution"]) == {"text", "name", "code", "cue"}
            assert isinstance(d["attribution"]["cue"], str)
        assert d["factuality"] in FACTUALITY_LABELS
        assert isinstance(d["rule"], str) and d["rule"]
        assert d["coder"].startswith("tidings-")


def test_event_ids_are_stable_and_distinct(pipeline: Pipeline, wire_events: list[Event]) -> None:
    again = code(pipeline, WIRE, "2020-04-29", "wire")
    assert [e.event_id for e in again] == [e.event_id for e in wire_events]
    assert len({e.event_id for e in wire_events}) == len(wire_events)
    other = code(pipeline, WIRE, "2020-04-29", "another-doc")
    assert {e.event_id for e in other}.isdisjoint(e.event_id for e in wire_events)


# ---------------------------------------------------------------------------------------------- batches

def test_run_skips_bad_articles_with_their_reason(pipeline: Pipeline) -> None:
    small = Pipeline(Options(max_chars=2_000))
    good = "Chinese President Xi Jinping praised Pakistan on Monday for its support, Xinhua reported."
    german = ("Die Regierung hat am Montag angekündigt, dass die Grenzen zu den Nachbarländern bis zum Ende "
              "des Monats geschlossen bleiben, weil die Zahl der Infektionen weiter steigt und die Kliniken "
              "überlastet sind.")
    articles = [
        Article("good-1", good, dt.date(2020, 3, 3)),
        Article("empty", "  \n ", dt.date(2020, 3, 3)),
        Article("german", german, dt.date(2020, 3, 3)),
        Article("huge", (good + " ") * 40, dt.date(2020, 3, 3)),
        Article("good-2", WIRE, dt.date(2020, 4, 29)),
    ]
    results = list(small.run(articles))
    assert [r.article.id for r in results] == ["good-1", "empty", "german", "huge", "good-2"]
    errors = {r.article.id: type(r.error) for r in results if r.error is not None}
    assert errors == {"empty": EmptyDocument, "german": NotEnglish, "huge": DocumentTooLarge}
    assert all(r.ok and r.events for r in results if r.article.id.startswith("good"))
    assert all(not r.events for r in results if not r.ok)
    assert find(results[0].events, source_code="CHNGOV", target_country="PAK", root="05")
    assert results[3].error is not None and "huge" in str(results[3].error)
    assert str(results[3].error).startswith("[T005]")
