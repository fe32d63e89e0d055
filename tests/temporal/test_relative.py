"""Expressions counted from the publication date or from an earlier mention."""

from __future__ import annotations

import pytest

from tests.temporal.helpers import only, times, value_of

MONDAY = "2026-01-12"
THURSDAY = "2026-01-15"


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "precision"),
    [
        ("Rebels shelled the port yesterday.", "yesterday", "2026-01-11", "day"),
        ("The minister resigned today.", "today", "2026-01-12", "day"),
        ("Parliament votes tomorrow.", "tomorrow", "2026-01-13", "day"),
        ("Markets fell last week.", "last week", "2026-W02", "week"),
        ("Markets fell this week.", "this week", "2026-W03", "week"),
        ("The strike begins next month.", "next month", "2026-02", "month"),
        ("Exports slumped last year.", "last year", "2025", "year"),
        ("The envoy arrived two days ago.", "two days ago", "2026-01-10", "day"),
        ("Prices rose earlier this month.", "earlier this month", "2026-01", "month"),
        ("Growth will slow early next year.", "early next year", "2027", "year"),
        ("Talks stalled last Friday.", "last Friday", "2026-01-09", "day"),
    ],
)
def test_counted_from_publication_date(sentence: str, surface: str, value: str, precision: str) -> None:
    expr = only(sentence, MONDAY)
    assert (expr.text, expr.value, expr.precision, expr.type) == (surface, value, precision, "date")


def test_tonight_and_parts_of_day_are_times() -> None:
    expr = only("The president speaks tonight.", MONDAY)
    assert (expr.type, expr.value, expr.precision) == ("time", "2026-01-12TNI", "time")
    assert value_of("Shelling resumed Sunday night.", MONDAY, "Sunday night") == "2026-01-11TNI"
    assert value_of("Shelling resumed last night.", MONDAY, "last night") == "2026-01-11TNI"


def test_weekday_same_day_when_publication_day_is_that_weekday() -> None:
    expr = only("The ministers met on Thursday in Brussels.", THURSDAY)
    assert (expr.text, expr.value, expr.cue) == ("Thursday", "2026-01-15", "on")


def test_weekday_defaults_to_latest_past_and_future_tense_looks_ahead() -> None:
    assert value_of("The ministers met on Tuesday.", THURSDAY, "Tuesday") == "2026-01-13"
    assert value_of("The ministers will meet on Tuesday.", THURSDAY, "Tuesday") == "2026-01-20"
    assert value_of("The ministers will meet on Thursday.", MONDAY, "Thursday") == "2026-01-15"
    assert value_of("Officials said Friday they will meet again.", MONDAY, "Friday") == "2026-01-09"
    assert value_of("He has until Wednesday to answer.", MONDAY, "Wednesday") == "2026-01-14"


def test_a_reporting_verb_after_the_date_does_not_set_its_tense() -> None:
    sentence = "The group could leave as soon as Tuesday, Castro said."
    assert value_of(sentence, THURSDAY, "Tuesday") == "2026-01-20"


def test_vague_references() -> None:
    assert value_of("The rebels recently seized the town.", MONDAY, "recently") == "PAST_REF"
    assert value_of("He is now the leader.", MONDAY, "now") == "PRESENT_REF"
    assert value_of("He currently leads the party.", MONDAY, "currently") == "PRESENT_REF"
    assert value_of("Prices may rise in the coming weeks.", MONDAY, "the coming weeks") == "FUTURE_REF"
    assert times("The now-defunct agency and the current account deficit.", MONDAY) == []


def test_earlier_counts_from_the_date_just_mentioned() -> None:
    found = times("The blast came on March 3, 2024. Three weeks earlier, a warning was sent.", MONDAY)
    assert [(t.text, t.value) for t in found] == [
        ("March 3, 2024", "2024-03-03"),
        ("Three weeks earlier", "2024-W06"),
    ]


def test_anaphora_to_an_earlier_day() -> None:
    text = "The vote was held on Oct. 4, 2025. The next day, protests began; that night police moved in."
    found = times(text, MONDAY)
    assert [(t.text, t.value) for t in found] == [
        ("Oct. 4, 2025", "2025-10-04"),
        ("The next day", "2025-10-05"),
        ("that night", "2025-10-04TNI"),
    ]


def test_year_earlier_in_earnings_copy_means_the_same_quarter() -> None:
    text = "Net income rose in the third quarter of 2025 from a year earlier."
    assert value_of(text, "2025-10-20", "a year earlier") == "2024-Q3"
    # Repeated, it still points at the quarter named, not one more year back.
    text += " Sales were flat compared with a year earlier."
    assert [t.value for t in times(text, "2025-10-20")] == ["2025-Q3", "2024-Q3", "2024-Q3"]


def test_two_days_after_an_event_is_a_duration_not_a_date() -> None:
    expr = only("Two days after the vote, the cabinet fell.", MONDAY)
    assert (expr.text, expr.type, expr.value) == ("Two days", "duration", "P2D")
