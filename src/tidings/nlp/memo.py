"""What a function computes from a parsed sentence, remembered on the sentence's Doc.

Once the parser's components have run, tidings never changes a Doc's annotations, so a function of the Doc
alone (its place phrases, the countries it names) gives the same answer every time it is asked: the event
coder asks once per candidate event and once more for each of the next two sentences. :func:`per_doc` keeps
the answer in ``Doc.user_data`` (which lives and dies with the Doc) under a key of its own. The answers kept
must not be changed by their callers: the functions that use it return immutable values or a fresh list.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["per_doc"]

T = TypeVar("T")

_KEY = "tidings.memo"


def per_doc(doc: Any, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per Doc and ``key``."""
    store: dict[Hashable, Any] = doc.user_data.setdefault(_KEY, {})
    if key in store:
        found: T = store[key]
        return found
    value = compute()
    store[key] = value
    return value
