"""The two seed articles through extract + quotes: every gold quote found with its kind, channel and
speaker (checked through speaker_text: the actors stage may not have run)."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from tests.quotes.conftest import shared_root
from wirewatch.config import Config
from wirewatch.pipeline import Pipeline
from wirewatch.quotes.stage import QuotesStage
from wirewatch.records import RawDocument, Source

MARKS = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    for a, b in MARKS.items():
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip().lower()


GOLD = shared_root() / "gold" / "seeds.gold.json"
SEEDS = shared_root() / "seeds"


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold not available")
@pytest.mark.parametrize("index", [0, 1])
def test_seed_quotes(index: int) -> None:
    gold = json.loads(GOLD.read_text("utf-8"))["documents"][index]
    path = SEEDS / gold["file"]
    raw = RawDocument.from_bytes(path.read_bytes(), "text", Source("file", path=str(path)))
    record = QuotesStage()(Pipeline(Config()).extract(raw))
    names = {a["name"]: {norm(a["name"]), *map(norm, a.get("aliases", []))} for a in gold["actors"]}
    for gq in gold["quotes"]:
        hit = next((q for q in record.quotes if norm(gq["contains"]) in norm(q["text"])), None)
        assert hit is not None, gq["contains"]
        assert hit["kind"] == gq["kind"], (gq["contains"], hit["kind"])
        if gq.get("channel"):
            assert norm(gq["channel"]) in norm(hit["channel"]), (gq["contains"], hit["channel"])
        allowed = names.get(gq["speaker"], {norm(gq["speaker"])}) | {norm(gq.get("speaker_text"))}
        assert norm(hit["speaker_text"]) in allowed, (gq["contains"], hit["speaker_text"])
