"""Near-duplicate texts: word shingles, MinHash signatures and LSH band keys.

A signature is NUM_PERM minimum hashes of the text's 5-word shingles; it is cut into BANDS bands of
ROWS rows and each band hashed to one key. Two texts share a band key with high probability when their
Jaccard similarity is above about (1/BANDS)^(1/ROWS) (~0.42 here), so candidates come from an index
lookup, never from comparing all pairs; candidates are then checked on the estimated Jaccard.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 5
COPY_JACCARD = 0.8  # the same text (a wire copy, a re-post) give or take a credit line or a trimmed tail
UPDATE_JACCARD = 0.45  # an edited version: new paragraphs, a new headline, the same core

_MERSENNE = np.uint64((1 << 61) - 1)
_MAX = np.uint64((1 << 32) - 1)
_rng = np.random.RandomState(20260112)
_A = _rng.randint(1, (1 << 32) - 1, size=NUM_PERM, dtype=np.uint64)
_B = _rng.randint(0, (1 << 32) - 1, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[int]:
    """Stable 32-bit hashes of k-word shingles (crc32: the same in every process, unlike hash())."""
    words = _WORD.findall((text or "").lower())
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i : i + k]).encode()) for i in range(len(words) - k + 1)}


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint64[NUM_PERM]); an empty text gets all-max values and matches nothing."""
    sh = shingles(text)
    if not sh:
        return np.full(NUM_PERM, _MAX, dtype=np.uint64)
    hv = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    with np.errstate(over="ignore"):
        ph = ((np.outer(hv, _A) + _B) % _MERSENNE) & _MAX
    return ph.min(axis=0).astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (fits a BIGINT column)."""
    keys = []
    for b in range(BANDS):
        chunk = sig[b * ROWS : (b + 1) * ROWS].tobytes()
        h = zlib.crc32(chunk) | (b << 32)
        keys.append(int(h))
    return keys


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if int(a[0]) == int(_MAX) and bool((a == _MAX).all()):
        return 0.0
    return float(np.mean(a == b))


@dataclass(frozen=True)
class DocInfo:
    """What the duplicate decision needs about one article."""

    id: str
    outlet: str | None
    url: str | None
    day: int | None  # proleptic ordinal of the publication day, or None
    length: int


def relation(new: DocInfo, old: DocInfo, sim: float) -> str | None:
    """`copy`, `update` or None for a new article against an earlier one.

    The same outlet (or the same URL) with an edited text is an update; different outlets carrying the
    same text is a copy (a wire story, a syndicated piece); a very close text is a copy either way.
    """
    same_place = bool(new.url and new.url == old.url) or bool(
        new.outlet and old.outlet and _norm(new.outlet) == _norm(old.outlet)
    )
    if sim >= COPY_JACCARD and not (same_place and new.length != old.length and sim < 0.97):
        return "copy"
    if sim >= UPDATE_JACCARD and same_place:
        return "update"
    if sim >= COPY_JACCARD - 0.1 and not same_place:
        return "copy"
    return None


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower().removeprefix("the "))
