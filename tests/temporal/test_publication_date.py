"""What is resolved, and what is left open, with a coarse or missing publication date."""

from __future__ import annotations

import pytest

from tests.temporal.helpers import only, times
from wirewatch.temporal import Anchor, find_times

TEXT = "On Jan 12 the army moved. On Thursday it stopped; last year it had also advanced in March."


def test_no_publication_date_never_guesses() -> None:
    found = {t.text: t for t in times(TEXT, None)}
    assert found["Jan 12"].value == "XXXX-01-12"
    assert found["Jan 12"].reason == "year not stated and no publication date"
    for surface in ("Thursday", "last year"):
        assert found[surface].value is None
        assert found[surface].reason == "relative expression and no publication date"
    assert found["March"].value == "XXXX-03"
    # Explicit dates and durations need no publication date.
    assert only("It ended on January 12, 2026.", None).value == "2026-01-12"
    assert only("It lasted three years.", None).value == "P3Y"
    assert only("It happened yesterday.", None).value is None


def test_year_only_publication_date() -> None:
    found = {t.text: t for t in times(TEXT, "2026")}
    assert found["Jan 12"].value == "2026-01-12"
    assert found["last year"].value == "2025"
    assert found["Thursday"].value is None
    assert "only the year is known" in (found["Thursday"].reason or "")


def test_month_only_publication_date() -> None:
    assert only("Prices rose last month.", "2026-03").value == "2026-02"
    assert only("Prices rose last week.", "2026-03").value is None


def test_publication_datetime_is_cut_to_its_day() -> None:
    assert only("It rained yesterday.", "2026-01-12T23:10:00+01:00").value == "2026-01-11"


@pytest.mark.parametrize("bad", ["12/01/2026", "January 2026", "2026-13-01"])
def test_unreadable_publication_date_is_an_error(bad: str) -> None:
    with pytest.raises(ValueError):
        find_times("yesterday", bad)


def test_anchor_precision() -> None:
    assert Anchor.parse("2026").precision == "year"  # type: ignore[union-attr]
    assert Anchor.parse("2026-02").precision == "month"  # type: ignore[union-attr]
    assert Anchor.parse(None) is None


def test_to_dict_matches_the_record_contract() -> None:
    expr = only("The talks began on Thursday.", "2026-01-15")
    assert expr.to_dict() == {
        "text": "Thursday",
        "start": 19,
        "end": 27,
        "type": "date",
        "value": "2026-01-15",
        "precision": "day",
        "reason": None,
        "cue": "on",
    }
    title = find_times("Talks begin Thursday", "2026-01-12", field="title")[0]
    assert title.to_dict()["field"] == "title"
