"""Durations, sets and clock times."""

from __future__ import annotations

import pytest

from tests.temporal.helpers import only, times, value_of

DCT = "2026-01-12"


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("He was jailed for three years.", "three years", "P3Y"),
        ("The curfew lasts 48 hours.", "48 hours", "PT48H"),
        ("The plant has been idle for a decade.", "a decade", "P10Y"),
        ("Sales rose over the past two months.", "the past two months", "P2M"),
        ("She waited a year and a half for the verdict.", "a year and a half", "P18M"),
        ("The ceasefire held for about five weeks.", "about five weeks", "P5W"),
        ("A five-year plan was adopted.", "five-year", "P5Y"),
        ("The search went on for twenty-four hours.", "twenty-four hours", "PT24H"),
        ("Fighting has gone on for years.", "years", "PXY"),
        ("It took several months to rebuild.", "several months", "PXM"),
    ],
)
def test_durations(sentence: str, surface: str, value: str) -> None:
    expr = only(sentence, DCT)
    assert (expr.text, expr.type, expr.value, expr.precision) == (surface, "duration", value, None)


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("Inspectors visit every week.", "every week", "P1W"),
        ("The council meets every other month.", "every other month", "P2M"),
        ("Prayers are held every Friday.", "every Friday", "XXXX-WXX-5"),
        ("Flights leave Bombay on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("Reports are filed daily.", "daily", "P1D"),
        ("The board meets twice a year.", "twice a year", "P1Y"),
        ("The fund pays $40 a day.", "a day", "P1D"),
    ],
)
def test_sets(sentence: str, surface: str, value: str) -> None:
    expr = only(sentence, DCT)
    assert (expr.text, expr.type, expr.value) == (surface, "set", value)


def test_adjectives_and_ages_are_not_times() -> None:
    assert times("The company raised its quarterly dividend.", DCT) == []
    assert times("A 52-year-old doctor, 40 years old, was hurt.", DCT) == []
    assert times("A second term is likely.", DCT) == []


def test_clock_times_take_the_day_they_are_written_with() -> None:
    expr = only("The blast struck at 3:05 p.m. local time.", DCT)
    assert (expr.text, expr.type, expr.value, expr.precision) == (
        "3:05 p.m.",
        "time",
        "2026-01-12T15:05",
        "time",
    )
    sentence = "The deadline was extended until 9 a.m. EST Tuesday."
    assert value_of(sentence, DCT, "9 a.m. EST Tuesday") == "2026-01-13T09:00"
    assert value_of("The offer expires at 5 p.m. Jan. 30.", DCT, "5 p.m. Jan. 30") == "2026-01-30T17:00"
    assert value_of("Troops crossed at noon.", DCT, "noon") == "2026-01-12T12:00"


def test_clock_time_after_a_named_day_belongs_to_that_day() -> None:
    found = times("The vote was held on Jan. 9. Polls closed at 8 p.m.", DCT)
    assert [t.value for t in found] == ["2026-01-09", "2026-01-09T20:00"]
