"""VADER polarity, loaded once per process: the lexicon ships in the vaderSentiment wheel.

Shared by the stories stage (tone per outlet) and the event coder (whether "described X as ..." praises
or disparages).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def polarity(text: str) -> float:
    """VADER's compound score of `text`, from -1 (hostile) to 1 (warm)."""
    return float(analyzer().polarity_scores(text)["compound"])
