"""The `events` pipeline stage: PLOVER events from the body only (titles, captions and teasers never
create events), reusing the nlp stage's Doc through the quotes stage's accessor."""

from __future__ import annotations

from wirewatch.config import Config
from wirewatch.events.code import code_events
from wirewatch.pipeline import register_stage
from wirewatch.quotes.stage import body_doc
from wirewatch.records import ArticleRecord


class EventsStage:
    name = "events"

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        doc = body_doc(record)
        record.events = code_events(record, doc) if doc is not None else []
        return record


@register_stage("events")
def events_stage(config: Config) -> EventsStage:
    """Lexicons load lazily on first use."""
    return EventsStage()
