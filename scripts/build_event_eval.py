"""Build the sentence-level event eval set from ../shared/data/events/ into a cache dir (not committed).

Deterministic: the same input gives the same items, ids and split. How items are made and split is in
wirewatch.events.dataset: one lead sentence per synthetic story (PLOVER type and mode), every CAMEO
sentence (quad class, source span from the NER file); SHA-1(text) mod 5 == 0 is held out. The held-out
split must never be used to tune rules or to train (scripts/train_event_classifier.py reads dev only).
The eval (wirewatch.eval.events) builds the same items on the fly, so this cache is for inspection.

    .venv/bin/python scripts/build_event_eval.py --data ../shared/data/events --out .cache/events_eval
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from wirewatch.events.dataset import build_items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/events"))
    ap.add_argument("--out", type=Path, default=Path(".cache/events_eval"))
    args = ap.parse_args()
    items = build_items(args.data)
    args.out.mkdir(parents=True, exist_ok=True)
    for split in ("dev", "heldout"):
        with (args.out / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for item in items:
                if item["split"] == split:
                    fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    counts = Counter((i["corpus"], i["split"]) for i in items)
    print(json.dumps({f"{c}/{s}": n for (c, s), n in sorted(counts.items())}, indent=1))


if __name__ == "__main__":
    main()
