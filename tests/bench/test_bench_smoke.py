"""The extraction benchmark runs end to end on a handful of generated documents (no speed thresholds)."""

from __future__ import annotations

from wirewatch.bench.extract import bench_extract, format_report, synthetic_html, synthetic_text
from wirewatch.extract.html import extract_html
from wirewatch.records import RawDocument, Source


def test_bench_reports_positive_rates_and_memory() -> None:
    result = bench_extract(n=6)
    assert result["html"]["docs"] == 6 and result["html"]["docs_per_s"] > 0
    assert result["html_4kb"]["docs_per_s"] > 0 and 3.0 < result["html_4kb"]["page_kb"] < 6.0
    assert result["text"].get("docs_per_s", 1) > 0  # or skipped with a reason when textdump is missing
    assert result["peak_mb"]["html_tracemalloc"] > 0 and result["peak_mb"]["process_max_rss"] > 0
    report = format_report(result)
    assert "pages/s" in report and "peak memory" in report


def test_generated_documents_are_deterministic_and_extractable() -> None:
    assert synthetic_html(3, 9) == synthetic_html(3, 9) and synthetic_html(3, 9) != synthetic_html(4, 9)
    assert synthetic_text(3, 5).count(b"\n\n") >= 8
    article = extract_html(RawDocument.from_bytes(synthetic_html(3, 9), "html", Source("file")))
    assert article.title and article.byline and article.published.date
    assert len(article.paragraphs) >= 9
    assert article.captions and article.related_headlines
    assert "cookies" not in article.body and "Copyright" not in article.body
