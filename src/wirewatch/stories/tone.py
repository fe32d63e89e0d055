"""Tone per article: VADER compound averaged over body sentences (the lexicon ships in the wheel)."""

from __future__ import annotations

import re

from wirewatch.nlp.sentiment import analyzer

_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘A-Z0-9])")


def tone(text: str) -> dict[str, float | int]:
    """Mean compound, positive and negative share over sentences; 0 for an empty text."""
    sents = [s for p in (text or "").split("\n") for s in _SENT.split(p) if len(s.strip()) > 3]
    if not sents:
        return {"compound": 0.0, "pos": 0.0, "neg": 0.0, "n_sentences": 0}
    an = analyzer()
    scores = [an.polarity_scores(s) for s in sents]
    n = len(scores)
    return {
        "compound": round(sum(s["compound"] for s in scores) / n, 4),
        "pos": round(sum(s["pos"] for s in scores) / n, 4),
        "neg": round(sum(s["neg"] for s in scores) / n, 4),
        "n_sentences": n,
    }
