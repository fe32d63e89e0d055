"""Shared fixtures: the spaCy model loads once per test session."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from wirewatch.quotes import Quote, find_quotes
from wirewatch.quotes.stage import shared_nlp


def shared_root() -> Path:
    return Path(os.environ.get("WIREWATCH_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")


@pytest.fixture(scope="session")
def nlp() -> Language:
    return shared_nlp()


@pytest.fixture(scope="session")
def quotes(nlp: Language) -> Callable[[str], list[Quote]]:
    def run(text: str) -> list[Quote]:
        return find_quotes(nlp(text))

    return run
