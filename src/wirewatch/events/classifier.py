"""A small sentence classifier over the 16 PLOVER types, used only to arbitrate between the types a
trigger word can carry ('strike': ASSAULT or PROTEST; 'release': RETREAT or AID). It never creates an
event: the lexicon and the parse decide that there is one.

Weights are plain arrays (vocabulary, idf, coefficients) in data/events/type_classifier.npz, written by
scripts/train_event_classifier.py from the dev split of the synthetic stories' lead sentences; scoring
re-implements scikit-learn's TF-IDF (sublinear tf, l2 norm) and multinomial logistic regression in numpy,
so loading is safe (no pickle) and needs no scikit-learn at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

WEIGHTS = "type_classifier.npz"
TOKEN = re.compile(r"(?u)\b\w\w+\b")


def features(text: str) -> list[str]:
    """Lower-cased word unigrams and bigrams, as scikit-learn's default analyzer makes them."""
    words = TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass(frozen=True)
class TypeClassifier:
    labels: tuple[str, ...]
    vocab: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # labels x vocabulary
    intercept: np.ndarray

    def probabilities(self, text: str) -> dict[str, float]:
        counts: dict[int, int] = {}
        for f in features(text):
            j = self.vocab.get(f)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return {}
        idx = np.fromiter(counts, dtype=np.int64)
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))
        x = tf * self.idf[idx]
        x /= np.linalg.norm(x) or 1.0
        logits = self.coef[:, idx].astype(np.float64) @ x + self.intercept
        p = np.exp(logits - logits.max())
        p /= p.sum()
        return dict(zip(self.labels, p.tolist(), strict=True))

    def choose(self, text: str, types: list[str], margin: float = 0.15) -> str | None:
        """The type among `types` the sentence favours, if it leads the runner-up by `margin` (as a share
        of the candidates' probability mass); None when the classifier has no clear view."""
        probs = self.probabilities(text)
        if not probs or len(types) < 2:
            return None
        mass = sum(probs.get(t, 0.0) for t in types) or 1.0
        ranked = sorted(types, key=lambda t: probs.get(t, 0.0), reverse=True)
        lead = (probs.get(ranked[0], 0.0) - probs.get(ranked[1], 0.0)) / mass
        return ranked[0] if lead >= margin else None


@cache
def type_classifier() -> TypeClassifier | None:
    """The shipped classifier, or None if its weights are missing (the coder keeps the lexicon's type)."""
    ref = resources.files("wirewatch.data").joinpath("events").joinpath(WEIGHTS)
    if not ref.is_file():
        return None
    with ref.open("rb") as fh, np.load(fh, allow_pickle=False) as z:
        vocab = {str(t): i for i, t in enumerate(z["vocab"])}
        return TypeClassifier(
            tuple(str(s) for s in z["labels"]), vocab, z["idf"].astype(np.float64),
            z["coef"], z["intercept"].astype(np.float64),
        )  # fmt: skip
