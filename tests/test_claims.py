"""Claims, sightings, contradictions and timelines, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest

from tidings.claims import (
    Appearance,
    Claim,
    appearances,
    claims_for_article,
    contradictions,
    group_claims,
    timeline,
)
from tidings.pipeline import Pipeline
from tidings.record import Actor, Article, Attribution

PUBLISHED = dt.date(2021, 3, 20)


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline()


def claims(text: str, published: dt.date = PUBLISHED) -> list[Claim]:
    return claims_for_article(_pipeline(), Article("t", text, published))


def one(text: str, kind: str) -> Claim:
    found = [c for c in claims(text) if c.type == kind]
    assert found, [(c.type, c.cue) for c in claims(text)]
    return found[0]


@pytest.mark.slow
class TestExtraction:
    def test_death_rumour_with_source(self) -> None:
        c = one("Vladimir Putin chaired a meeting on Monday. Rumours of his death spread on social media.",
                "death")
        assert c.subject.name == "Vladimir Putin"
        assert c.factuality == "rumoured"
        assert c.attribution is not None and "social media" in c.attribution.text

    def test_health_reported_and_hedged(self) -> None:
        c = one("Officials said Xi Jinping was ill.", "health")
        assert (c.subject.name, c.factuality, c.polarity) == ("Xi Jinping", "reported", "positive")
        h = one("Xi Jinping visited Wuhan. Concerns about his health grew.", "health")
        assert h.factuality == "hedged"

    def test_denied_and_negative(self) -> None:
        d = one("Officials denied that Xi Jinping was ill.", "health")
        assert d.factuality == "denied" and d.polarity == "positive"
        n = one("Xi Jinping is not ill, the doctor said.", "health")
        assert n.polarity == "negative" and n.factuality == "reported"

    def test_absence_with_date_and_pronoun(self) -> None:
        c = one("Vladimir Putin gave a speech in March. He was not seen at the parade on May 9.", "absence")
        assert c.subject.name == "Vladimir Putin"
        assert c.refers_to == dt.date(2021, 5, 9) or c.refers_to == dt.date(2020, 5, 9)
        assert c.factuality == "asserted"

    def test_missed_event_is_absence(self) -> None:
        c = one("Xi Jinping missed the ceremony on Tuesday.", "absence")
        assert c.refers_to == dt.date(2021, 3, 16)

    def test_appearance_dated_and_absence_period(self) -> None:
        found = claims("Vladimir Putin appeared in public on March 12 after an absence from public view "
                       "for two weeks.")
        seen = next(c for c in found if c.type == "appearance")
        gone = next(c for c in found if c.type == "absence")
        assert seen.refers_to == dt.date(2021, 3, 12) and seen.factuality == "asserted"
        assert gone.duration_days == 14 and gone.refers_to == dt.date(2021, 3, 12)

    def test_future_visit_is_no_sighting(self) -> None:
        found = claims("Xi Jinping will visit Moscow next week.")
        assert not appearances(found)

    def test_identity_speculation(self) -> None:
        c = one("Vladimir Putin gave a speech. Speculation grew that the man on stage was his body double.",
                "identity")
        assert c.subject.name == "Vladimir Putin" and c.factuality in ("rumoured", "hedged")

    def test_succession_and_whereabouts(self) -> None:
        s = one("Xi Jinping met officials. Analysts discussed his successor.", "succession")
        assert s.subject.name == "Xi Jinping"
        w = one("Xi Jinping has disappeared, according to reports.", "whereabouts")
        assert w.factuality == "reported"


# --- Pure functions over hand-built records ----------------------------------------------------------

PERSON = Actor("Xi", "Xi Jinping", "CHNGOV", "CHN", "GOV")


def claim(kind: str, *, factuality: str = "asserted", polarity: str = "positive",
          refers_to: dt.date | None = None, made_on: dt.date = PUBLISHED, doc: str = "a", at: int = 0,
          duration: int | None = None) -> Claim:
    return Claim(doc, PERSON, kind, polarity, factuality, Attribution("media", None, None, "say"), refers_to,
                 None, "day" if refers_to else None, made_on, "evidence", (0, 8), 0, kind, (at, at + 1),
                 duration)


def sighting(c: Claim) -> Appearance:
    return appearances([c])[0]


def test_group_and_stable_ids() -> None:
    a = claim("death", factuality="rumoured", at=1)
    b = claim("death", factuality="denied", at=2, doc="b")
    groups = group_claims([a, b, claim("health", at=3)])
    assert len(groups[("CHNGOV|Xi Jinping", "death")]) == 2
    assert a.claim_id == claim("death", factuality="rumoured", at=1).claim_id != b.claim_id


def test_contradictions() -> None:
    rumour = claim("death", factuality="rumoured", at=1)
    seen = claim("appearance", refers_to=dt.date(2021, 3, 15), at=2)
    confirmed = claim("health", factuality="reported", at=3)
    denied = claim("health", factuality="denied", at=4, doc="b")
    kinds = {c.kind for c in contradictions([rumour, seen, confirmed, denied])}
    assert kinds == {"dead-but-seen", "confirmed-denied"}
    old = claim("appearance", refers_to=dt.date(2020, 1, 1), at=5)
    assert not contradictions([rumour, old])


def test_timeline_gaps_and_claims() -> None:
    first = claim("appearance", refers_to=dt.date(2021, 1, 1), at=1, made_on=dt.date(2021, 1, 2))
    second = claim("appearance", refers_to=dt.date(2021, 2, 1), at=2, made_on=dt.date(2021, 2, 2))
    rumour = claim("death", factuality="rumoured", refers_to=dt.date(2021, 1, 20), at=3,
                   made_on=dt.date(2021, 2, 5))
    ill = claim("health", factuality="reported", at=4, made_on=dt.date(2021, 1, 15))
    late = claim("appearance", refers_to=dt.date(2021, 3, 1), at=5, made_on=dt.date(2021, 3, 2))
    w = timeline("Xi Jinping", appearances([first, second, late]), [rumour, ill], dt.date(2021, 2, 10))
    assert w.last_seen is not None and w.last_seen.date == dt.date(2021, 2, 1)
    assert w.days_unseen == 9
    assert [(g.start, g.end) for g in w.gaps] == [(dt.date(2021, 1, 1), dt.date(2021, 2, 1)),
                                                 (dt.date(2021, 2, 1), dt.date(2021, 2, 10))]
    assert {c.type for c in w.claims_in_gaps[0][1]} == {"death", "health"}
    by_code = timeline("CHNGOV", appearances([first]), [], dt.date(2021, 1, 3))
    assert by_code.days_unseen == 2 and not by_code.gaps


def test_reported_absence_period_is_a_gap() -> None:
    gone = claim("absence", refers_to=dt.date(2021, 3, 12), duration=14, at=1)
    w = timeline("xi jinping", appearances([gone]), [claim("death", factuality="rumoured", at=2)],
                 dt.date(2021, 3, 20))
    assert w.last_seen is None and w.days_unseen is None
    assert [(g.start, g.end, g.reason) for g in w.gaps] == [(dt.date(2021, 2, 26), dt.date(2021, 3, 12),
                                                            "reported absence")]
    assert [c.type for c in w.claims_in_gaps[0][1]] == ["death"]
