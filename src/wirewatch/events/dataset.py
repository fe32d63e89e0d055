"""Sentence-level event items built from ../shared/data/events/, for the eval and the classifier.

Three sources, read on the fly (the third-party sentences are never copied into the repository):

* `gpt_synthetic_events_*.csv` (NGEC, synthetic, PLOVER `label` and `mode`): each story becomes ONE item,
  its lead sentence (the first sentence of the first paragraph). The stories were generated from a prompt
  that names the event, and the lead carries it in almost every story we read; later sentences are
  background that would add label noise. Stories whose lead is shorter than 4 words are dropped.
* `confli_cameo/cameo_class_train.jsonl` (label 0-4): we read the label as CAMEO's quad class after
  checking the examples of each label: 4 fighting/bombings/protests (MK), 3 rejections, condemnations,
  vetoes (VK), 2 releases, aid, lifted bans (MC), 1 meetings, praise, agreements (VC), 0 statements and
  appeals (CAMEO 01-02, which PLOVER does not code as an event type). Items carry `quad` only.
* `confli_cameo/cameo_ner_train.jsonl` (BIO tags S/T/R): the ids do not align with the class file, so
  the NER rows are joined to class rows by normalised text; the S span becomes `source_text`.

Split: SHA-1 of the item's text, as an integer, mod 5 == 0 → "heldout", else "dev". The held-out split is
never used to tune rules or train the classifier (scripts/train_event_classifier.py reads `dev` only).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SYNTHETIC_GLOB = "gpt_synthetic_events_*.csv"
QUADS = {0: None, 1: "VC", 2: "MC", 3: "VK", 4: "MK"}
# NGEC's spellings of a few modes against PLOVER's
MODE_FIXES = {"primative": "primitive", "sieze": "seize"}
_TITLES = "Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Sen|Rep|Gov|St|Jr|Sr|No|Capt|Maj|Prof|Inc|Co"
_ABBREV = re.compile(rf"(?:\b[A-Z]\.|\b(?:{_TITLES})\.)$")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"\u201d']?\s+(?=[\"\u201c(]?[A-Z0-9])")


def split_of(text: str) -> str:
    """Deterministic split: one item in five is held out, chosen by the SHA-1 of its text."""
    return "heldout" if int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 5 == 0 else "dev"


def lead_sentence(story: str) -> str:
    """The first sentence of the first paragraph; a light splitter that keeps 'U.S.' and 'Gen.' whole."""
    para = next((p.strip() for p in re.split(r"\n\s*\n", story) if p.strip()), "")
    para = re.sub(r"\s+", " ", para)
    start = 0
    for m in _BOUNDARY.finditer(para):
        head = para[start : m.start()].rstrip("\"\u201d'")
        if _ABBREV.search(head):
            continue
        return para[: m.end()].strip()
    return para


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def read_synthetic(data_dir: Path) -> Iterator[dict[str, Any]]:
    paths = sorted(data_dir.glob(SYNTHETIC_GLOB))
    if not paths:
        return
    with paths[0].open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            text = lead_sentence(row.get("text") or "")
            if len(text.split()) < 4 or not row.get("label"):
                continue
            mode = (row.get("mode") or "").strip().lower() or None
            yield {
                "id": f"syn-{n}",
                "corpus": "synthetic",
                "text": text,
                "type": row["label"].strip().upper(),
                "mode": MODE_FIXES.get(mode or "", mode),
                "split": split_of(text),
            }


def _spans(tokens: list[str], tags: list[str], kind: str) -> list[str]:
    out: list[list[str]] = []
    for tok, tag in zip(tokens, tags, strict=False):
        if tag == f"B-{kind}" or (tag == f"I-{kind}" and not out):
            out.append([tok])
        elif tag == f"I-{kind}":
            out[-1].append(tok)
    return [" ".join(s).replace(" 's", "'s").replace(" ,", ",") for s in out]


def read_cameo(data_dir: Path) -> Iterator[dict[str, Any]]:
    root = data_dir / "confli_cameo"
    cls_path, ner_path = root / "cameo_class_train.jsonl", root / "cameo_ner_train.jsonl"
    if not cls_path.exists():
        return
    sources: dict[str, list[str]] = {}
    if ner_path.exists():
        for line in ner_path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                sources[_norm("".join(row["tokens"]))] = _spans(row["tokens"], row["tags"], "S")
    for line in cls_path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"].strip()
        yield {
            "id": f"cameo-{row['id']}",
            "corpus": "cameo",
            "text": text,
            "quad": QUADS.get(int(row["label"])),
            "source_text": sources.get(_norm(text)),
            "split": split_of(text),
        }


def build_items(data_dir: Path, split: str | None = None) -> list[dict[str, Any]]:
    """All items (synthetic first, then CAMEO), optionally one split; stable order across runs."""
    items = [*read_synthetic(data_dir), *read_cameo(data_dir)]
    return [i for i in items if split is None or i["split"] == split]
