"""Checks that a document can be coded at all, before any work is spent on it.

Each check raises an :class:`~tidings.errors.InputError` subclass naming the document, so that a batch can
skip it, say why, and go on.
"""

from __future__ import annotations

import re

from tidings.errors import BinaryDocument, DocumentTooLarge, EmptyDocument, EncodingError, NotEnglish

MAX_CHARS = 2_000_000
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u06FF\u4E00-\u9FFF]+")
# The most frequent English function words: in any English prose of 30+ words they make up a large share.
_ENGLISH = frozenset({
    "the", "of", "and", "to", "a", "in", "is", "was", "that", "for", "on", "it", "with", "as", "by", "at",
    "from", "he", "his", "her", "she", "they", "their", "be", "are", "were", "has", "have", "had", "not",
    "this", "which", "an", "or", "but", "its", "who", "will", "would", "said", "says", "been", "after",
    "more", "than", "also",
})


def decode(data: bytes, doc_id: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM); binary data and other encodings are refused."""
    if b"\x00" in data[:4096]:
        raise BinaryDocument(f" ({len(data)} bytes with NUL bytes)", doc_id=doc_id)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(f" (byte {exc.start}: {exc.reason})", doc_id=doc_id) from exc


def check_text(text: str, doc_id: str, *, max_chars: int = MAX_CHARS) -> None:
    """Refuse empty, binary-looking, huge or non-English text."""
    if not text or not text.strip():
        raise EmptyDocument("", doc_id=doc_id)
    if len(text) > max_chars:
        raise DocumentTooLarge(f" ({len(text):,} characters; the limit is {max_chars:,})", doc_id=doc_id)
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(sample) // 100) or "\ufffd" * 3 in sample:
        raise BinaryDocument(f" ({controls} control characters in the first {len(sample)})", doc_id=doc_id)
    words = _WORD.findall(sample)
    if len(words) >= 20:
        ascii_words = [w for w in words if w.isascii()]
        share = sum(1 for w in words if w.lower() in _ENGLISH) / len(words)
        if share < 0.08 or len(ascii_words) < len(words) * 0.5:
            raise NotEnglish(f" ({share:.0%} English function words)", doc_id=doc_id)
