"""The tone of an article, as GDELT defines it, over VADER's sentiment lexicon.

GDELT 2.0's ``AvgTone`` is the average "tone" of the documents that mention an event, and a document's tone is
its positive score minus its negative score: the percentage of all its words that carry a positive emotional
connotation, minus the percentage that carry a negative one (so -100 to +100, in news mostly -10 to +10).
GDELT's own word lists are not public; the lexicon here is VADER's (vaderSentiment, Hutto and Gilbert 2014,
MIT licence: about 7,500 words rated by people from -4 to +4). A word counts as positive when its rating is
above zero and negative when below; how strongly is not counted, as in GDELT's definition. VADER's own
compound score (with negation and intensifier rules) is not used: it is a sentence score on another scale.

    tone("The talks were a great success.")   -> 33.33 (two positive words of six)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

__all__ = ["ArticleTones", "tone"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@cache
def _polarities() -> tuple[frozenset[str], frozenset[str]]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon: dict[str, float] = SentimentIntensityAnalyzer().lexicon
    positive = frozenset(w for w, v in lexicon.items() if float(v) > 0)
    negative = frozenset(w for w, v in lexicon.items() if float(v) < 0)
    return positive, negative


def tone(text: str) -> float:
    """GDELT's tone of ``text``: percent positive words minus percent negative words (0.0 without words)."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    if not words:
        return 0.0
    positive, negative = _polarities()
    pos = sum(w in positive for w in words)
    neg = sum(w in negative for w in words)
    return round(100.0 * (pos - neg) / len(words), 4)


class ArticleTones:
    """The tone of stored articles (each computed once), and GDELT's ``AvgTone`` of an event: the mean tone
    of the articles that mention it."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.cache: dict[str, float] = {}

    def __call__(self, article_ids: Sequence[str]) -> float:
        values = [self.of(a) for a in article_ids]
        return sum(values) / len(values) if values else 0.0

    def of(self, article_id: str) -> float:
        if article_id not in self.cache:
            row = self.con.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
            self.cache[article_id] = tone(row[0]) if row and row[0] else 0.0
        return self.cache[article_id]
