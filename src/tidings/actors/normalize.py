"""Token normalisation shared by the knowledge base and the resolver.

Every name, alias and role phrase is stored under the key that :func:`normalize` makes of its words, and
every phrase to resolve is normalised the same way, so "Kim Jong-un" == "Kim Jong Un", "U.S." == "US",
"Côte d'Ivoire" == "Cote d'Ivoire" and "Egypt's" == "Egypt" (with a possessive mark).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʻ": "'", "ʼ": "'", "´": "'"})
_SPLIT = re.compile(r"[-‐‑‒–—/_\s]+")
_DROP = re.compile(r"[^\w&']")  # punctuation other than apostrophes (handled apart) and '&'
_STOP = frozenset({"the"})


class Piece(NamedTuple):
    """One normalised word and where it came from."""

    norm: str  # lower-case, accent-free, no periods or apostrophes ("us", "jong", "divoire")
    raw: str  # the same piece with its original case, periods removed ("US", "Jong", "d'Ivoire")
    token: int  # index of the source token
    possessive: bool = False  # the source token ended in "'s" / "'"


def fold(text: str) -> str:
    """Strip accents and unify apostrophes (keeps case)."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def _split_token(token: str) -> tuple[tuple[tuple[str, str], ...], bool, bool]:
    """(pieces as (norm, raw), possessive, is a bare possessive marker) for one token; cached."""
    text = fold(token).strip()
    if not text:
        return (), False, False
    low = text.lower()
    if low in ("'s", "'"):
        return (), True, True
    possessive = False
    if low.endswith("'s") and len(low) > 2:
        text, possessive = text[:-2], True
    elif low.endswith("'") and len(low) > 1:
        text, possessive = text[:-1], True
    out: list[tuple[str, str]] = []
    for part in _SPLIT.split(text):
        raw = _DROP.sub("", part.replace(".", "")).replace("'", "")
        if raw:
            out.append(("and" if raw == "&" else raw.lower(), raw))
    return tuple(out), possessive, False


def normalize(tokens: Sequence[str], *, keep_stopwords: bool = False) -> list[Piece]:
    """Normalise the tokens of a phrase into :class:`Piece` objects.

    Hyphens, slashes and underscores split a token; periods and apostrophes inside a word are removed;
    a possessive "'s" (attached or a token of its own) marks the previous piece; "the" is dropped.
    (A new list each call; the phrase's pieces are cached.)
    """
    return list(_pieces(tuple(tokens), keep_stopwords))


@lru_cache(maxsize=65536)
def _pieces(tokens: tuple[str, ...], keep_stopwords: bool) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    for index, token in enumerate(tokens):
        parts, possessive, marker = _split_token(token)
        if marker:
            if pieces:
                last = pieces[-1]
                pieces[-1] = Piece(last.norm, last.raw, last.token, True)
            continue
        produced = [Piece(norm, raw, index) for norm, raw in parts if keep_stopwords or norm not in _STOP]
        if produced and possessive:
            last = produced[-1]
            produced[-1] = Piece(last.norm, last.raw, last.token, True)
        pieces.extend(produced)
    return tuple(pieces)


@lru_cache(maxsize=65536)
def key_of(phrase: str) -> tuple[str, ...]:
    """The dictionary key of a name or role phrase written with spaces, hyphens or underscores (cached: the
    same words are looked up for every sentence)."""
    return tuple(p.norm for p in normalize(phrase.split()))


def is_short_acronym(alias: str) -> bool:
    """Single-token aliases of at most three letters ("US", "U.N.", "WHO", "IS", "LeT") must match case."""
    pieces = normalize(alias.split())
    return len(pieces) == 1 and len(pieces[0].raw) <= 3 and pieces[0].raw.isalpha()
