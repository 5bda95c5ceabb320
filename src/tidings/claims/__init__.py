"""Claims about people (health, death, whereabouts, appearances and absences, succession, identity) and
presence timelines.

>>> claims = claims_for_article(pipeline, article)
>>> timeline("Kim Jong Un", appearances(claims), claims, as_of=dt.date(2020, 5, 9)).last_seen

See ``docs/claims.md``.
"""

from __future__ import annotations

from tidings.claims.analysis import contradictions, group_claims, matches_subject, timeline
from tidings.claims.article import appearances, claims_for_article, claims_for_prepared, needs_parse
from tidings.claims.extract import extract_claims
from tidings.claims.records import (
    CLAIM_FACTUALITY,
    CLAIM_TYPES,
    Appearance,
    Claim,
    Contradiction,
    Gap,
    Whereabouts,
)

__all__ = [
    "CLAIM_FACTUALITY",
    "CLAIM_TYPES",
    "Appearance",
    "Claim",
    "Contradiction",
    "Gap",
    "Whereabouts",
    "appearances",
    "claims_for_article",
    "claims_for_prepared",
    "contradictions",
    "extract_claims",
    "group_claims",
    "matches_subject",
    "needs_parse",
    "timeline",
]
