"""The `temporal` pipeline stage: fills `record.times` from the body and title.

Importing this module registers the stage (`wirewatch process --stages extract,temporal`).
"""

from __future__ import annotations

from wirewatch.config import Config
from wirewatch.pipeline import register_stage
from wirewatch.records import ArticleRecord
from wirewatch.temporal.find import find_times
from wirewatch.temporal.model import Anchor


class TemporalStage:
    name = "temporal"

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        article = record.article
        dct = publication_date(article.published.date)
        found = find_times(article.body, dct)
        if article.title:
            found += find_times(article.title, dct, field="title")
        record.times = [t.to_dict() for t in found]
        return record


def publication_date(value: str | None) -> str | None:
    """The article's publication date if it reads as one; an unreadable date counts as unknown, so
    relative expressions stay unresolved rather than resolved against a guess."""
    try:
        return value if Anchor.parse(value) is not None else None
    except ValueError:
        return None


@register_stage("temporal")
def temporal_stage(config: Config) -> TemporalStage:
    """Lexicons and patterns load lazily, once per process, on first use."""
    return TemporalStage()
