"""Acceptance on the sample article (../shared/samples): claims, contradiction and whereabouts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tidings.claims import appearances, claims_for_article, contradictions, timeline
from tidings.pipeline import Pipeline
from tidings.record import Article

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "kim-letters-2020-05-09.txt"


@pytest.mark.slow
def test_sample_claims_and_whereabouts() -> None:
    if not SAMPLE.is_file():
        pytest.skip(f"sample article not found at {SAMPLE}")
    found = claims_for_article(Pipeline(), Article("kim", SAMPLE.read_text(), dt.date(2020, 5, 9)))
    kim = [c for c in found if c.subject.name == "Kim Jong Un"]

    def has(kind: str, factuality: tuple[str, ...], **fields: object) -> bool:
        return any(c.type == kind and c.factuality in factuality and
                   all(getattr(c, k) == v for k, v in fields.items()) for c in kim)

    assert has("absence", ("asserted",), refers_to=dt.date(2020, 4, 15))
    assert has("absence", ("asserted",), duration_days=15)
    assert has("appearance", ("asserted",), refers_to=dt.date(2020, 5, 2))
    assert has("health", ("reported",))
    death = [c for c in kim if c.type == "death" and c.factuality == "rumoured"]
    assert death and death[0].attribution is not None and "international media" in death[0].attribution.text
    assert has("identity", ("rumoured", "hedged"))
    clash = [x for x in contradictions(found) if x.kind == "dead-but-seen"]
    assert clash and clash[0].second.refers_to == dt.date(2020, 5, 2)

    where = timeline("Kim Jong Un", appearances(found), found, dt.date(2020, 5, 9))
    assert where.last_seen is not None and where.last_seen.date == dt.date(2020, 5, 2)
    assert where.days_unseen == 7
    assert any({"death", "health"} <= {c.type for c in cs} for _, cs in where.claims_in_gaps)
