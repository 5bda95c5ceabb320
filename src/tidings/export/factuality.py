"""What the exports say about how firmly a text commits to an event: factuality, confidence, irrealis.

``confidence`` is the event's factuality on FactBank's scale (Saurí and Pustejovsky 2009), the one event
corpora such as MEANTIME annotate: how certain the text (or the source it cites) is that the event happened.

    asserted      CT+   certainly happened, says the author
    reported      CT+   certainly happened, says the cited source (``attribution`` names it)
    hedged        PR+   probably happened ("likely", "appears to")
    rumoured      PS+   possibly happened (unconfirmed reports, rumours)
    negated       CT-   certainly did not happen
    hypothetical  Uu    not committed to (a plan, a threat, a condition, a question)

Negated and hypothetical events are *irrealis*: the exports leave them out unless asked for
(``tidings export --irrealis``), since a row in an event data set is read as something that happened.
"""

from __future__ import annotations

__all__ = ["CONFIDENCE", "IRREALIS", "confidence", "confidence_sql"]

CONFIDENCE: dict[str, str] = {"asserted": "CT+", "reported": "CT+", "hedged": "PR+", "rumoured": "PS+",
                              "negated": "CT-", "hypothetical": "Uu"}
IRREALIS: tuple[str, ...] = ("negated", "hypothetical")


def confidence(factuality: str | None) -> str | None:
    """FactBank's value for one of our factuality labels (None for an unknown label)."""
    return CONFIDENCE.get(factuality or "")


def confidence_sql(column: str = "e.factuality") -> str:
    """The same mapping as a SQL ``CASE`` expression over ``column`` (fixed text, no user input)."""
    whens = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in CONFIDENCE.items())
    return f"CASE {column} {whens} END"
