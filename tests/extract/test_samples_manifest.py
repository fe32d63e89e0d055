"""Extraction of the bundled sample corpus, field by field, against `samples/manifest.jsonl`.

Each record is matched to its manifest line by where it came from, never by content: the source path
relative to `samples/corpus/` plus the member inside a container (JSONL line number; feed item link and
WARC-Target-URI, which the record carries as `source.url`).

Conventions shared by the extractor and the manifest generator (`samples/build.py`):

- Text is compared after NFKC, typographic quotes folded to ASCII, whitespace collapsed, case folded.
- Wire names are canonical on both sides (`news.canonical_wire`): "AP" == "Associated Press".
- A trailing wire signature ("... next month. — AFP", "... drugs. AFP") is a credit, not body text: the
  body ends before it.
- Newsroom credit lines, "(Reporting by ...; Editing by ...)" and "X contributed to this report.", are not
  body: they go to `boilerplate` (reason "contributors") on the text and the HTML paths alike.
- A photo credit keeps its marker as printed: "PHOTO: REUTERS", "Credit: Mexican Security Cabinet via AP",
  "Photo: AFP"; a bare credit stays bare. (The seed gold has "PHOTO: REUTERS" beside
  "REUTERS/Raquel Cunha/File Photo".) The caption text never contains its credit.
- `outlet` is the full outlet name when the document (with its container metadata) spells it out. When it
  does not (a Harbourview dump, a page showing only "GCC"), the manifest says null and the extractor may
  return nothing or a name read verbatim off the document, never a guess from elsewhere.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from wirewatch.api import process_records
from wirewatch.extract.news import canonical_wire
from wirewatch.records import ArticleRecord

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CORPUS = SAMPLES / "corpus"
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})

# Per-field share of documents that must be right; close to what the extractor achieves today.
THRESHOLDS = {
    "title": 1.0,
    "outlet": 1.0,
    "published": 1.0,
    "byline": 1.0,
    "dateline": 1.0,
    "wire": 1.0,
    "paragraphs": 1.0,
    "first_words": 1.0,
    "last_words": 1.0,
    "captions": 1.0,
    "credits": 1.0,
    "related": 1.0,
}


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return " ".join(text.split()).casefold()


def wire_set(value: str | None) -> set[str]:
    parts = [p for p in re.split(r"\s*,\s*", value or "") if p]
    return {canonical_wire(p) or p for p in parts}


def record_key(rec: ArticleRecord) -> tuple[str, str | int | None]:
    path = Path(rec.source.path or "").resolve().relative_to(CORPUS.resolve()).as_posix()
    if rec.source.kind == "jsonl":
        return path, int(str(rec.source.member).removeprefix("line "))
    if rec.source.kind in ("feed", "warc"):
        return path, rec.source.url
    return path, None


@cache
def matched() -> list[tuple[dict[str, Any], ArticleRecord]]:
    manifest = [json.loads(line) for line in (SAMPLES / "manifest.jsonl").read_text("utf-8").splitlines()]
    records = {
        record_key(r): r for r in process_records(CORPUS, stages=["extract"]) if isinstance(r, ArticleRecord)
    }
    return [(m, records[(m["path"], m["member"])]) for m in manifest if (m["path"], m["member"]) in records]


def _outlet_ok(m: dict[str, Any], rec: ArticleRecord) -> bool:
    got = rec.article.outlet
    if m["outlet"] is not None:
        return norm(got) == norm(m["outlet"])
    if got is None:
        return True
    shown = (CORPUS / m["path"]).read_text("utf-8") if m["member"] is None else ""
    return norm(got) in norm(shown)


def _edge(body: str, last: bool) -> str:
    words = body.split()
    return " ".join(words[-8:] if last else words[:8])


def compare(field: str, m: dict[str, Any], rec: ArticleRecord) -> tuple[bool, Any, Any]:
    """(right?, what we extracted, what the manifest says) for one field of one document."""
    a = rec.article
    caps = m["captions"]
    if field == "outlet":
        return _outlet_ok(m, rec), a.outlet, m["outlet"]
    if field == "published":
        return (a.published.date or "")[:10] == (m["published"] or ""), a.published.date, m["published"]
    if field == "byline":
        return sorted(map(norm, a.byline)) == sorted(map(norm, m["byline"])), a.byline, m["byline"]
    if field == "wire":
        return wire_set(a.wire) == wire_set(m["wire"]), a.wire, m["wire"]
    if field == "paragraphs":
        return len(a.paragraphs) == m["paragraphs"], len(a.paragraphs), m["paragraphs"]
    if field in ("first_words", "last_words"):
        got = _edge(a.body, field == "last_words")
        return norm(got) == norm(m[field]), got, m[field]
    if field == "captions":
        got, want = [c.text for c in a.captions], [c["text"] for c in caps]
    elif field == "credits":
        got, want = [c.credit for c in a.captions], [c["credit"] for c in caps]
    elif field == "related":
        got, want = a.related_headlines, m["related"]
    else:  # title, dateline
        got, want = getattr(a, field), m[field]
        return norm(got) == norm(want), got, want
    return [norm(x) for x in got] == [norm(x) for x in want], got, want


def test_every_manifest_document_is_extracted() -> None:
    manifest = (SAMPLES / "manifest.jsonl").read_text("utf-8").splitlines()
    assert len(matched()) == len(manifest)


@pytest.mark.parametrize("field", list(THRESHOLDS))
def test_field_accuracy(field: str) -> None:
    pairs = matched()
    failures = []
    for m, rec in pairs:
        ok, got, want = compare(field, m, rec)
        if not ok:
            failures.append(f"{m['id']}: got {got!r}, want {want!r}")
    share = 1 - len(failures) / len(pairs)
    assert share >= THRESHOLDS[field], f"{field}: {share:.2f} < {THRESHOLDS[field]}\n" + "\n".join(failures)
