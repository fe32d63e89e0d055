"""The pipeline benchmark runs every stage and reports a rate per stage (no speed threshold asserted)."""

from __future__ import annotations

from pathlib import Path

from tests.test_jobs import make_corpus
from wirewatch.bench.pipeline import bench_pipeline, format_report


def test_reports_every_stage(tmp_path: Path) -> None:
    result = bench_pipeline(make_corpus(tmp_path / "in", 2), repeat=1)
    assert result["documents"] == 2
    assert set(result["stages"]) == {"extract", "nlp", "actors", "temporal", "quotes", "events", "geo"}
    assert result["articles_per_s"] > 0
    assert "articles/s" in format_report(result)
