"""5W1H summaries of articles: who did what, when, where, why and how (the main event).

>>> summarise(pipeline, article).to_dict()
"""

from __future__ import annotations

from tidings.summary.core import (
    QUESTIONS,
    Answer,
    Lead,
    Summary,
    lead_of,
    summarise,
    summarise_prepared,
    summarise_text,
)
from tidings.summary.format import format_table

__all__ = ["QUESTIONS", "Answer", "Lead", "Summary", "format_table", "lead_of", "summarise",
           "summarise_prepared", "summarise_text"]
