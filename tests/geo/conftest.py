"""One pipeline (nlp, actors, geo) per session; texts become one-article records built directly, so the
tests do not depend on the extractor's dateline rules or the events coder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import wirewatch.geo.stage  # noqa: F401  (registers the stage until pipeline.py imports it)
from wirewatch.config import Config
from wirewatch.pipeline import Pipeline
from wirewatch.records import Article, ArticleRecord, Source, content_id

Run = Callable[..., ArticleRecord]


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Config(stages=("nlp", "actors", "geo")))


@pytest.fixture(scope="session")
def run(pipeline: Pipeline) -> Run:
    def process(text: str, *, dateline: str | None = None, title: str | None = None,
                events: list[dict[str, Any]] | None = None) -> ArticleRecord:
        rid = content_id(text.encode())
        article = Article(rid, title=title, dateline=dateline, language="en", paragraphs=text.split("\n\n"))
        record = ArticleRecord(rid, Source("text"), article, events=list(events or []))
        for stage in pipeline.stages:
            stage(record)
        return record

    return process


def place_of(record: ArticleRecord, text: str) -> dict[str, Any]:
    """The place whose mentions include `text` (fails the test if there is none)."""
    for place in record.places:
        if any(m["text"] == text for m in place["mentions"]):
            return place
    raise AssertionError(f"no place mentioned as {text!r}: {[p['name'] for p in record.places]}")
