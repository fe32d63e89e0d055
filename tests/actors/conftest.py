"""Shared, session-scoped stages so spaCy and the KB load once for all actor tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.nlp.helpers import make_record
from wirewatch.actors.stage import ActorsStage, actors_stage
from wirewatch.config import Config
from wirewatch.nlp.stage import NlpStage, nlp_stage
from wirewatch.records import ArticleRecord


@pytest.fixture(scope="session")
def nlp() -> NlpStage:
    return nlp_stage(Config())


@pytest.fixture(scope="session")
def actors() -> ActorsStage:
    return actors_stage(Config())


@pytest.fixture(scope="session")
def run(nlp: NlpStage, actors: ActorsStage) -> Callable[..., ArticleRecord]:
    """Parse and resolve one article written for a test."""

    def go(paragraphs: list[str], **kwargs: object) -> ArticleRecord:
        record = make_record(paragraphs, **kwargs)  # type: ignore[arg-type]
        nlp.pipe([record])
        return actors(record)

    return go
