"""Ingest over the shared development data (read in place, never copied): real pages and seed dumps."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from wirewatch.ingest import iter_documents
from wirewatch.records import RawDocument, Skip


def test_readability_pages_are_all_html_and_decodable(shared: Path) -> None:
    pages = sorted((shared / "data/extraction/mozilla-readability/test/test-pages").glob("*/source.html"))
    if not pages:
        pytest.skip("mozilla-readability pages not present in the shared data")
    items = list(iter_documents(pages))
    assert len(items) == len(pages)
    assert all(isinstance(i, RawDocument) and i.media_type == "html" for i in items)
    for doc in items:
        assert isinstance(doc, RawDocument)
        doc.content.decode(doc.declared["encoding"])  # the declared encoding really decodes the bytes


def test_seed_dumps_are_text_documents(shared: Path) -> None:
    items = list(iter_documents([shared / "seeds"]))
    assert items and all(isinstance(i, RawDocument) and i.media_type == "text" for i in items)


def test_trafilatura_eval_tree_has_no_surprises(shared: Path) -> None:
    root = shared / "data/extraction/trafilatura-evaldata/tests"
    if not root.is_dir():
        pytest.skip("trafilatura evaluation pages not present in the shared data")
    items = list(iter_documents([root]))
    kinds = Counter(i.media_type for i in items if isinstance(i, RawDocument))
    skipped = [i for i in items if isinstance(i, Skip)]
    # every .html page is HTML; the only skips are the two annotation JSON files without article text
    assert kinds["html"] == sum(1 for p in root.rglob("*.html"))
    assert kinds["text"] == 0
    assert all(s.where.endswith(".json") for s in skipped)
