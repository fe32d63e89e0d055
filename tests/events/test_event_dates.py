"""An act reported as done cannot be dated after its article: a later date in its sentence belongs to the
announced act. Uses the events stage directly on a record with a publication date."""

from __future__ import annotations

from wirewatch.events.code import _not_after_publication


def _date(value: str) -> dict[str, object]:
    return {"value": value, "precision": "day", "evidence": {"start": 0, "end": 6, "text": "Dec. 1"}}


def test_a_threat_is_not_dated_by_the_threatened_act() -> None:
    out = _not_after_publication(_date("2026-12-01"), "2026-11-04", "asserted")
    assert out["value"] is None and "announced act" in out["reason"]
    assert out["evidence"]["text"] == "Dec. 1"  # the expression is still shown


def test_earlier_dates_and_open_acts_keep_their_date() -> None:
    assert _not_after_publication(_date("2026-11-02"), "2026-11-04", "asserted")["value"] == "2026-11-02"
    assert _not_after_publication(_date("2026-12-01"), "2026-11-04", "hypothetical")["value"] == "2026-12-01"
    month = {"value": "2026-11", "precision": "month"}
    assert _not_after_publication(month, "2026-11-04", "asserted")["value"] == "2026-11"
    assert _not_after_publication(_date("2026-12-01"), None, "asserted")["value"] == "2026-12-01"
