"""Span → actor lookups over the actors stage's mention index (annotations["actor_at"])."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def actor_overlapping(actor_at: Sequence[tuple[int, int, str]] | None, start: int, end: int) -> str | None:
    """The actor of the first mention overlapping [start, end) in the sorted (start, end, id) index.

    Looks back a few entries because a containing span starts before the probe.
    """
    if not actor_at:
        return None
    i = bisect.bisect_left(actor_at, (start, -1, ""))
    for s, e, actor in actor_at[max(0, i - 3) :]:
        if s >= end:
            break
        if start < e:
            return str(actor)
    return None
