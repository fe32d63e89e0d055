"""The registered pipeline stage fills record.times."""

from __future__ import annotations

from wirewatch.records import Article, ArticleRecord, Published, Source
from wirewatch.temporal.stage import TemporalStage, publication_date


def _record(date: str | None) -> ArticleRecord:
    article = Article(
        id="x",
        title="Talks will resume Thursday",
        published=Published(date=date, precision="day"),
        paragraphs=["Envoys met yesterday in Geneva.", "They will meet again next week."],
    )
    return ArticleRecord(id="x", source=Source(kind="text"), article=article)


def test_stage_fills_times_from_body_and_title() -> None:
    record = TemporalStage()(_record("2026-01-12"))
    body = record.article.body
    assert [(t["text"], t["value"]) for t in record.times] == [
        ("yesterday", "2026-01-11"),
        ("next week", "2026-W04"),
        ("Thursday", "2026-01-15"),
    ]
    first = record.times[0]
    assert body[first["start"] : first["end"]] == "yesterday"
    assert record.times[-1]["field"] == "title" and "field" not in first


def test_stage_leaves_relative_times_open_without_a_readable_date() -> None:
    record = TemporalStage()(_record("sometime in spring"))
    assert all(t["value"] is None for t in record.times)
    assert publication_date("2026-01-12T08:00:00Z") == "2026-01-12T08:00:00Z"
    assert publication_date(None) is None
