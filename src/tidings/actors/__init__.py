"""Actors: the knowledge base of countries, leaders, organisations and role words, and the resolver
that turns a noun phrase into a CAMEO-style actor code.

    >>> from tidings.actors import KnowledgeBase
    >>> KnowledgeBase.default().resolve(["Syrian", "rebels"]).code
    'SYRREB'
"""

from __future__ import annotations

from tidings.actors.kb import SECTOR_CODES, Entry, KnowledgeBase, Sector, Term, split_code
from tidings.actors.normalize import normalize
from tidings.actors.resolve import UNKNOWN_COUNTRY, resolve_phrase

__all__ = [
    "SECTOR_CODES",
    "UNKNOWN_COUNTRY",
    "Entry",
    "KnowledgeBase",
    "Sector",
    "Term",
    "normalize",
    "resolve_phrase",
    "split_code",
]
