"""Claims about people (health, death, whereabouts, appearances and absences, succession, identity) and
presence timelines.

>>> claims = claims_for_article(pipeline, article)
>>> timeline("Kim Jong Un", appearances(claims), claims, as_of=dt.date(2020, 5, 9)).last_seen

See ``docs/claims.md``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tidings.claims.analysis import contradictions, group_claims, matches_subject, timeline
from tidings.claims.records import (
    CLAIM_FACTUALITY,
    CLAIM_TYPES,
    Appearance,
    Claim,
    Contradiction,
    Gap,
    Whereabouts,
)

if TYPE_CHECKING:
    from tidings.claims.article import claims_for_article, claims_for_prepared, needs_parse
    from tidings.claims.extract import extract_claims
    from tidings.claims.records import appearances

# The parts that need spaCy load on first use: the store reads and writes claims without the model.
_LAZY = {"claims_for_article": "article", "claims_for_prepared": "article", "needs_parse": "article",
         "extract_claims": "extract", "appearances": "records"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"tidings.claims.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'tidings.claims' has no attribute {name!r}")


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
