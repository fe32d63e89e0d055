"""Choosing the time expression that dates an event in its sentence."""

from __future__ import annotations

from tests.temporal.helpers import times
from wirewatch.temporal import resolve_event_date

DCT = "2026-01-15"  # a Thursday


def _date_event(text: str, trigger: str) -> dict:
    found = times(text, DCT)
    start = text.index(trigger)
    end = text.find(".", start)
    return resolve_event_date(found, 0, len(text) if end < 0 else end + 1, start)


def test_prefers_the_date_after_on_over_a_bound() -> None:
    text = "The army, deployed since 2024, attacked the town on Tuesday."
    got = _date_event(text, "attacked")
    assert got["value"] == "2026-01-13"
    assert got["precision"] == "day"
    assert got["evidence"] == {
        "start": text.index("Tuesday"),
        "end": text.index("Tuesday") + 7,
        "text": "Tuesday",
    }


def test_last_phrase_near_the_trigger_wins() -> None:
    text = "In a statement on Monday, officials said the embassy closed last week."
    assert _date_event(text, "closed")["value"] == "2026-W02"


def test_only_dates_in_the_same_sentence_count() -> None:
    text = "Talks collapsed on Monday. Rebels then shelled the port."
    found = times(text, DCT)
    second = text.index("Rebels")
    got = resolve_event_date(found, second, len(text), text.index("shelled"))
    assert got == {"value": None, "precision": None, "reason": "no date or time expression in the sentence"}


def test_durations_do_not_date_events_and_unresolved_dates_carry_their_reason() -> None:
    text = "The siege lasted three weeks and ended on Thursday."
    assert _date_event(text, "ended")["value"] == "2026-01-15"
    found = times("The siege ended on Thursday.", None)
    got = resolve_event_date(found, 0, 28, 10)
    assert got["value"] is None and got["reason"] == "relative expression and no publication date"
    assert got["evidence"]["text"] == "Thursday"
