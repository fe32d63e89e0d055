"""The two seed articles through the full pipeline: every required gold event with its type, actors,
mode, factuality and date, and no more events than the gold file says the text supports."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest

from tests.events.conftest import shared_root
from wirewatch.pipeline import Pipeline
from wirewatch.records import RawDocument, Source

GOLD = shared_root() / "gold" / "seeds.gold.json"
SEEDS = shared_root() / "seeds"
MARKS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
    "\u00e1": "a",
    "\u00f3": "o",
}


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    for a, b in MARKS.items():
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip().lower()


def names(actor: dict[str, Any] | None) -> set[str]:
    if actor is None:
        return set()
    return {norm(actor.get("name")), *map(norm, actor.get("aliases") or [])}


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold not available")
@pytest.mark.parametrize("index", [0, 1])
def test_seed_events(index: int, pipeline: Pipeline) -> None:
    gold = json.loads(GOLD.read_text("utf-8"))["documents"][index]
    path = SEEDS / gold["file"]
    raw = RawDocument.from_bytes(path.read_bytes(), "text", Source("file", path=str(path)))
    record = pipeline.process(raw)
    by_id = {a["id"]: a for a in record.actors}
    gold_actors = {a["name"]: a for a in gold["actors"]}

    def matches(ids: list[str], wanted: str) -> bool:
        want = names(gold_actors.get(wanted, {"name": wanted}))
        return any(names(by_id.get(i)) & want for i in ids)

    for ge in (g for g in gold["events"] if not g.get("optional")):

        def fits(e: dict[str, Any], ge: dict[str, Any] = ge) -> bool:
            if e["type"] != ge["type"]:
                return False
            if ge["type"] == "CONSULT":
                return all(matches(e["source"] + e["target"], n) for n in ge["source"])
            return any(matches(e["source"], n) for n in ge["source"]) and (
                not ge["target"] or any(matches(e["target"], n) for n in ge["target"])
            )

        hit = next((e for e in record.events if fits(e)), None)
        assert hit is not None, ge["evidence"]
        if "date" in ge:
            assert (hit["date"]["value"] or None) == ge["date"], ge["evidence"]
        if ge.get("mode"):
            assert hit["mode"] == ge["mode"], ge["evidence"]
        assert hit["factuality"] == ge.get("factuality", "asserted"), ge["evidence"]
    assert len(record.events) <= gold["max_events"]
