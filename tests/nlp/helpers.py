"""Building small English articles for the NLP and actors tests (texts written for the tests)."""

from __future__ import annotations

from wirewatch.records import Article, ArticleRecord, Caption, Published, Source


def make_record(paragraphs: list[str], *, title: str | None = None, captions: list[str] | None = None,
                published: str | None = None, language: str | None = "en", rid: str = "t") -> ArticleRecord:
    article = Article(
        id=rid, title=title, language=language, paragraphs=list(paragraphs),
        captions=[Caption(c) for c in captions or []],
        published=Published(date=published, precision="day" if published else "unknown"),
    )
    return ArticleRecord(id=rid, source=Source(kind="text"), article=article)
