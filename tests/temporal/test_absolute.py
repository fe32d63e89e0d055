"""Dates that name their month, year, decade or quarter."""

from __future__ import annotations

import pytest

from tests.temporal.helpers import only, times, value_of

DCT = "2026-01-12"  # a Monday


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "precision"),
    [
        ("The ceasefire was signed on Jan 12 in Doha.", "Jan 12", "2026-01-12", "day"),
        ("The ceasefire was signed on January 12, 2026, in Doha.", "January 12, 2026", "2026-01-12", "day"),
        ("Talks resumed on 12 January after a pause.", "12 January", "2026-01-12", "day"),
        ("The decree, dated 2026-01-12, was published later.", "2026-01-12", "2026-01-12", "day"),
        ("Polls open Nov. 3 across the state.", "Nov. 3", "2025-11-03", "day"),
        ("Inflation rose in March 2024 to a peak.", "March 2024", "2024-03", "month"),
        ("The rebels took the town in 2024.", "2024", "2024", "year"),
        ("Output collapsed in the 1990s.", "the 1990s", "199", "decade"),
        ("Sales in fiscal 2025 beat forecasts.", "fiscal 2025", "2025", "year"),
        ("Profit fell in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3", "quarter"),
        ("Shipments rose 4% in the first half of 2025.", "the first half of 2025", "2025-H1", "quarter"),
        ("Troops withdrew in June last year.", "June last year", "2025-06", "month"),
        ("He returned home on Christmas Day.", "Christmas Day", "2025-12-25", "day"),
        ("The clinic was founded in the 20th century.", "the 20th century", "19", "decade"),
        ("He first ran in nineteen ninety-four.", "nineteen ninety-four", "1994", "year"),
    ],
)
def test_named_dates(sentence: str, surface: str, value: str, precision: str) -> None:
    expr = only(sentence, DCT)
    assert (expr.text, expr.value, expr.precision, expr.type) == (surface, value, precision, "date")


def test_month_alone_takes_the_publication_year_unless_far_ahead() -> None:
    # Published in January: March is two months ahead (same year) ...
    assert value_of("The vote is planned in March.", DCT, "March") == "2026-03"
    # ... but October, nine months ahead and with no future cue, is last year's October.
    assert value_of("Prices peaked in October and fell.", DCT, "October") == "2025-10"
    # A future cue looks forward even when the month has passed in the publication year.
    assert value_of("The board will meet in December.", "2026-06-01", "December") == "2026-12"
    assert (
        value_of("The new law takes effect in April and will apply to all.", "2026-06-01", "April")
        == "2027-04"
    )


def test_past_cue_sends_a_later_month_back_a_year() -> None:
    assert value_of("The mine was closed in August after a flood.", "2026-03-10", "August") == "2025-08"


def test_ambiguous_month_words_need_a_calendar_cue() -> None:
    assert times("May I ask a question? It may rain.", DCT) == []
    assert value_of("The summit ended in May.", "2026-06-02", "May") == "2026-05"
    assert value_of("Fighting resumed in March.", "2026-04-02", "March") == "2026-03"


def test_quarter_without_year_is_the_latest_begun() -> None:
    assert value_of("Revenue grew in the fourth quarter.", "2026-02-03", "the fourth quarter") == "2025-Q4"
    assert value_of("Revenue grew in the first quarter.", "2026-05-03", "the first quarter") == "2026-Q1"
    assert value_of("Q3 earnings disappointed.", "2026-10-20", "Q3") == "2026-Q3"


def test_years_that_are_not_years() -> None:
    assert times("The plant employs 3500 people and paid $1990 in fees.", DCT) == []
    assert value_of("Flows since 2024 have doubled.", DCT, "2024") == "2024"


def test_since_keeps_the_preposition_as_cue_not_span() -> None:
    expr = only("Prices have doubled since 2024.", DCT)
    assert (expr.text, expr.value, expr.precision, expr.cue) == ("2024", "2024", "year", "since")
