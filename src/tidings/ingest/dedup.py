"""Near-duplicate (syndicated copy) detection with MinHash LSH (datasketch).

Each article's signature is a MinHash over its word 3-grams (normalised, lower-cased). An article whose
estimated Jaccard similarity to an earlier first copy reaches the threshold is linked to it; among several,
the most similar wins (ties: the smaller id), so the choice does not depend on insertion order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
THRESHOLD = 0.6  # short wire copies differ by dateline, headline and tail lines: 0.6-0.95 in the demo
SHINGLE = 3
SCHEME = "affine32"  # datasketch's permutation scheme; stored signatures are only comparable within one
_WORD = re.compile(r"\w+")


def signature(text: str, *, num_perm: int = NUM_PERM) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=num_perm, seed=1, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype="<u8").tobytes()


def from_bytes(blob: bytes, *, num_perm: int = NUM_PERM) -> MinHash:
    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(blob, dtype="<u8"))


class NearDuplicates:
    """An LSH index of first copies; :meth:`match` finds the copy a new article repeats, if any."""

    def __init__(self, *, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        # the LSH bands are tuned lower than the threshold, so copies just above it are not missed; every
        # candidate is then checked against the threshold
        self._lsh = MinHashLSH(threshold=max(0.3, threshold - 0.2), num_perm=num_perm)
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def load(self, signatures: Iterable[tuple[str, bytes]]) -> None:
        for key, blob in signatures:
            self.add(key, from_bytes(blob, num_perm=self.num_perm))

    def add(self, key: str, mh: MinHash) -> None:
        if key not in self._sigs:
            self._lsh.insert(key, mh)
            self._sigs[key] = mh

    def match(self, mh: MinHash) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for key in self._lsh.query(mh):
            similarity = float(mh.jaccard(self._sigs[key]))
            if similarity < self.threshold:
                continue
            if best is None or similarity > best[1] or (similarity == best[1] and key < best[0]):
                best = (key, similarity)
        return best
