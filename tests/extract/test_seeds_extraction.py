"""The two seed dumps against their hand annotation (shared/gold/seeds.gold.json), scorer-normalised."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from wirewatch.extract.textdump import extract_text
from wirewatch.records import Article, RawDocument, Source

SHARED = Path(os.environ.get("WIREWATCH_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")
GOLD = SHARED / "gold" / "seeds.gold.json"
QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    for a, b in QUOTES.items():
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip().lower()


def gold_documents() -> list[dict[str, Any]]:
    if not GOLD.exists():
        return []
    return list(json.loads(GOLD.read_text(encoding="utf-8"))["documents"])


@pytest.fixture(scope="module")
def extracted() -> dict[str, Article]:
    if not GOLD.exists():
        pytest.skip(f"seed gold not found at {GOLD}; set WIREWATCH_SHARED to the shared folder")
    out = {}
    for doc in gold_documents():
        path = SHARED / "seeds" / doc["file"]
        if not path.exists():
            pytest.skip(f"seed dump {path} is missing")
        raw = RawDocument.from_bytes(path.read_bytes(), "text", Source("file", path=str(path)))
        out[doc["file"]] = extract_text(raw)
    return out


DOCS = gold_documents() or [{"file": "absent", "article": {}}]


@pytest.mark.parametrize("doc", DOCS, ids=[d["file"][:3] for d in DOCS])
def test_seed_article_fields(doc: dict[str, Any], extracted: dict[str, Article]) -> None:
    art, gold = extracted[doc["file"]], doc["article"]
    assert norm(art.title) == norm(gold.get("title")) if gold.get("title") else art.title is None
    for key in ("outlet", "wire", "dateline"):
        want, got = gold.get(key), getattr(art, key)
        assert (norm(want) in norm(got) or norm(got) in norm(want)) if want else got is None, key
    if gold.get("publisher"):
        assert norm(art.publisher) == norm(gold["publisher"])
    pub = gold["published"]
    if doc["file"].startswith("003"):
        assert art.published.date is None and art.published.precision == "unknown"
    else:
        date = art.published.date or ""
        assert pub["earliest"] <= date[:10] <= pub["latest"] or date == pub["earliest"][:4]
        assert art.published.evidence and art.published.source == "text"
    body = norm(art.body)
    assert body.startswith(norm(gold["body_starts_with"]))
    assert norm(gold["body_ends_with"]) in body[-200:]  # the scorer allows closing punctuation after it
    assert len(art.paragraphs) == gold["body_paragraphs"]


@pytest.mark.parametrize("doc", DOCS, ids=[d["file"][:3] for d in DOCS])
def test_seed_captions_credits_related_dropped(doc: dict[str, Any], extracted: dict[str, Article]) -> None:
    art, gold = extracted[doc["file"]], doc["article"]
    body = norm(art.body)
    captions = [norm(c.text) for c in art.captions]
    assert len(captions) == len(gold.get("captions", []))
    for want in gold.get("captions", []):
        assert any(norm(want)[:60] in c for c in captions) and norm(want)[:60] not in body
    credits = [norm(c.credit) for c in art.captions]
    assert credits == [norm(c) for c in gold.get("photo_credits", [])]
    assert all(not norm(c.text).endswith(norm(c.credit)) for c in art.captions if c.credit)
    if "related_headlines" in gold:
        assert [norm(h) for h in art.related_headlines] == [norm(h) for h in gold["related_headlines"]]
    for line in gold["boilerplate_lines"]:
        assert norm(line) not in body, line
    dropped = " | ".join([norm(b.text) for b in art.boilerplate] + [norm(h) for h in art.related_headlines])
    for line in gold["boilerplate_lines"]:
        assert norm(line) in dropped, line


def test_seed_000_evidence_names_its_sources(extracted: dict[str, Article]) -> None:
    art = next(a for name, a in extracted.items() if name.startswith("000"))
    assert art.evidence["outlet"].endswith("header logo")
    assert "Published by" in art.evidence["publisher"]
    assert art.evidence["wire"] == "REUTERS"
    assert art.evidence["dateline"] == "MEXICO CITY -"
    assert art.language == "en"
    assert art.paragraphs[-1].endswith("always yield results”.")  # the trailing credit is gone
