"""Eval items: lead sentences, deterministic split, BIO spans."""

from __future__ import annotations

from wirewatch.events.dataset import _spans, lead_sentence, split_of


def test_lead_sentence_keeps_abbreviations() -> None:
    story = "U.S. Gen. Smith met the mayor of Mosul on Monday. They spoke for an hour.\n\nLater text."
    assert lead_sentence(story) == "U.S. Gen. Smith met the mayor of Mosul on Monday."


def test_split_is_deterministic_and_about_one_in_five() -> None:
    texts = [f"sentence number {n}" for n in range(2000)]
    held = [t for t in texts if split_of(t) == "heldout"]
    assert [split_of(t) for t in texts] == [split_of(t) for t in texts]
    assert 320 < len(held) < 480


def test_bio_spans() -> None:
    toks = ["Iraqi", "troops", "hit", "the", "town", "."]
    tags = ["B-S", "I-S", "O", "B-T", "I-T", "O"]
    assert _spans(toks, tags, "S") == ["Iraqi troops"] and _spans(toks, tags, "T") == ["the town"]
