"""The Python API as a notebook user meets it."""

from __future__ import annotations

from pathlib import Path

import wirewatch
from tests.test_jobs import PARAS, make_corpus


def test_process_text_and_path(tmp_path: Path) -> None:
    recs = wirewatch.process("Harbour vote delayed\n\n" + "\n\n".join(PARAS))
    assert len(recs) == 1
    assert recs[0]["article"]["paragraphs"][0].startswith("Officials in the port city")
    corpus = make_corpus(tmp_path / "in", 2)
    assert len(wirewatch.process(corpus)) == 2
    assert len(wirewatch.process([str(p) for p in sorted(corpus.iterdir())])) == 2


def test_open_returns_arrow_tables(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 2)
    with wirewatch.open(tmp_path / "w.duckdb") as corpus_db:
        report = corpus_db.ingest(corpus)
        assert report.added == 2
        df = corpus_db.articles().to_pandas()
        assert sorted(df["title"]) == [f"Ferry link number {i} wins approval" for i in (0, 1)]
        one = corpus_db.article(df["id"][0])
        assert one is not None and one["id"] == df["id"][0]
        assert "Elena Marsh" in one["article"]["body"]
