"""Seeds gold: every actor of both seed articles, with its country (skipped without /work/shared)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from wirewatch.api import process_records
from wirewatch.records import ArticleRecord

SHARED = Path("/work/shared")
pytestmark = pytest.mark.skipif(not (SHARED / "gold" / "seeds.gold.json").exists(), reason="no shared seeds")


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").replace("’", "'").split()).lower()


def matches(out: dict[str, Any], gold: dict[str, Any]) -> bool:
    names = {norm(gold["name"])} | {norm(a) for a in gold.get("aliases", [])}
    return norm(out["name"]) in names or any(norm(m["text"]) in names for m in out["mentions"][:1])


def test_seed_actors_and_countries() -> None:
    import wirewatch.actors.stage  # noqa: F401  (registers the stages)
    import wirewatch.nlp.stage  # noqa: F401

    gold = json.loads((SHARED / "gold" / "seeds.gold.json").read_text())["documents"]
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    records = [r for r in process_records(seeds, stages=["extract", "nlp", "actors"])
               if isinstance(r, ArticleRecord)]
    assert len(records) == len(seeds)
    missing = []
    for doc in gold:
        record = next(r for r, path in zip(records, seeds, strict=True) if path.name == doc["file"])
        for want in doc["actors"]:
            if want.get("only_in"):
                continue
            hit = next((a for a in record.actors if matches(a, want)), None)
            if hit is None or hit["country"] != want["country"]:
                missing.append((doc["file"][:3], want["name"], hit and hit["country"]))
    assert missing == []
