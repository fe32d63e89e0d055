"""Shared helpers for the temporal tests: run find_times and check offsets on every result."""

from __future__ import annotations

import os
from pathlib import Path

from wirewatch.temporal import TimeExpr, find_times


def times(text: str, dct: str | None) -> list[TimeExpr]:
    """find_times, asserting that every span's offsets give back its text."""
    found = find_times(text, dct)
    for t in found:
        assert text[t.start : t.end] == t.text, t
    return found


def only(text: str, dct: str | None) -> TimeExpr:
    """The single expression found in `text`."""
    found = times(text, dct)
    assert len(found) == 1, found
    return found[0]


def value_of(text: str, dct: str | None, surface: str) -> str | None:
    """The value of the expression whose text is `surface`."""
    for t in times(text, dct):
        if t.text == surface:
            return t.value
    raise AssertionError(f"{surface!r} not found in {[t.text for t in times(text, dct)]}")


def shared_dir() -> Path:
    """The shared data directory: $WIREWATCH_SHARED, else the checkout's sibling `shared`."""
    env = os.environ.get("WIREWATCH_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared"
