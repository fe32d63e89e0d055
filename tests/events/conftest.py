"""One pipeline (extract → events) per test session; sentences run as one-sentence articles."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import wirewatch.events.stage  # noqa: F401  (registers the stage until pipeline.py imports it)
from wirewatch.config import Config
from wirewatch.pipeline import Pipeline
from wirewatch.records import ArticleRecord, RawDocument, Source

STAGES = ("extract", "nlp", "actors", "temporal", "quotes", "events")


def shared_root() -> Path:
    return Path(os.environ.get("WIREWATCH_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Config(stages=STAGES))


@pytest.fixture(scope="session")
def run(pipeline: Pipeline) -> Callable[[str], ArticleRecord]:
    def process(text: str) -> ArticleRecord:
        raw = RawDocument.from_bytes(text.encode(), "text", Source("file", path="t.txt"))
        return pipeline.process(raw)

    return process


@pytest.fixture(scope="session")
def events(run: Callable[[str], ArticleRecord]) -> Callable[[str], list[dict[str, Any]]]:
    def code(text: str) -> list[dict[str, Any]]:
        return run(text).events

    return code
