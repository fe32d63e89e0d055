"""Train the PLOVER type classifier that arbitrates ambiguous triggers (wirewatch.events.classifier).

Reads only the dev split of the synthetic stories' lead sentences (wirewatch.events.dataset; the
held-out fifth is never seen here), fits TF-IDF word uni/bigrams + multinomial logistic regression on CPU
in a few seconds, prints 5-fold cross-validated accuracy on dev, and writes plain arrays to
src/wirewatch/data/events/type_classifier.npz (no pickle).

    .venv/bin/python scripts/train_event_classifier.py --data ../shared/data/events
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

from wirewatch.events.classifier import TOKEN, WEIGHTS
from wirewatch.events.dataset import build_items

OUT = Path(__file__).resolve().parents[1] / "src" / "wirewatch" / "data" / "events" / WEIGHTS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/events"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--C", type=float, default=4.0)
    args = ap.parse_args()
    items = [i for i in build_items(args.data, "dev") if i["corpus"] == "synthetic"]
    texts, labels = [i["text"] for i in items], [i["type"] for i in items]

    def model() -> object:
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=TOKEN.pattern)
        return make_pipeline(vec, LogisticRegression(C=args.C, max_iter=2000))

    cv = cross_val_score(model(), texts, labels, cv=5, scoring="accuracy")
    print(f"{len(texts)} dev sentences; 5-fold accuracy {cv.mean():.3f} (+/- {cv.std():.3f})")
    pipe = model()
    pipe.fit(texts, labels)  # type: ignore[attr-defined]
    vec, clf = pipe.steps[0][1], pipe.steps[1][1]  # type: ignore[attr-defined]
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        labels=np.array(clf.classes_, dtype=str),
        vocab=np.array(vocab, dtype=str),
        idf=vec.idf_.astype(np.float32),
        coef=clf.coef_.astype(np.float16),
        intercept=clf.intercept_.astype(np.float32),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(vocab)} features)")


if __name__ == "__main__":
    main()
