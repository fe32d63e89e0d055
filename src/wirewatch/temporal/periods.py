"""Calendar units counted from the publication date ("last week", "next quarter") or from the latest
time the text mentioned ("that year", "the following week")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from wirewatch.temporal.calendar import (
    add_months,
    add_quarters,
    fmt_day,
    fmt_month,
    fmt_quarter,
    fmt_week,
    quarter_of,
)
from wirewatch.temporal.context import NO_ANTECEDENT, Context, Resolution

BACK = frozenset(
    ["last", "past", "previous", "the past", "the previous", "the last", "this past", "preceding"]
)
AHEAD = frozenset(["next", "coming", "following", "the next", "the coming", "the following", "this coming"])
_SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def unit_value(ctx: Context, unit: str, offset: int) -> Resolution:
    """The calendar unit containing the publication date, moved by `offset` units."""
    if unit in ("week", "weekend"):
        found = ctx.anchor_day()
        if isinstance(found, str):
            return Resolution("date", None, "week", found)
        week = fmt_week(found + timedelta(weeks=offset))
        return Resolution("date", f"{week}-WE" if unit == "weekend" else week, "week")
    if unit in ("month", "quarter"):
        got = ctx.anchor_month()
        if isinstance(got, str):
            return Resolution("date", None, unit, got)  # type: ignore[arg-type]
        if unit == "month":
            return Resolution("date", fmt_month(*add_months(*got, offset)), "month")
        return Resolution("date", fmt_quarter(*add_quarters(got[0], quarter_of(got[1]), offset)), "quarter")
    year = ctx.anchor_year()
    if isinstance(year, str):
        return Resolution("date", None, "decade" if unit in ("decade", "century") else "year", year)
    if unit == "decade":
        return Resolution("date", f"{(year // 10 + offset):03d}", "decade")
    if unit == "century":
        return Resolution("date", f"{(year // 100 + offset):02d}", "decade")
    return Resolution("date", f"{year + offset:04d}", "year")


def season_value(ctx: Context, code: str, rel: str) -> Resolution:
    """ "last summer": the latest summer already over; "next winter": the first one not yet begun."""
    got = ctx.anchor_month()
    if isinstance(got, str):
        year = ctx.anchor_year()
        if rel in ("this", "current", "the current") and isinstance(year, int):
            return Resolution("date", f"{year:04d}-{code}", "quarter")
        return Resolution("date", None, "quarter", got)
    year, month = got
    if rel in BACK:
        year = year if month > _SEASON_END[code] and code != "WI" else year - 1
    elif rel in AHEAD:
        year = year if month < _SEASON_START[code] else year + 1
    return Resolution("date", f"{year:04d}-{code}", "quarter")


def antecedent(ctx: Context, unit: str, offset: int) -> Resolution:
    """ "that year", "the following week": the latest mentioned time at that granularity, moved."""
    return replace(_from_antecedent(ctx, unit, offset), derived=True)


def _from_antecedent(ctx: Context, unit: str, offset: int) -> Resolution:
    base = ctx.discourse.last_day
    if unit == "day":
        if base is None:
            return Resolution("date", None, "day", NO_ANTECEDENT)
        return Resolution("date", fmt_day(base + timedelta(days=offset)), "day")
    if unit in ("week", "weekend"):
        if base is None:
            return Resolution("date", None, "week", NO_ANTECEDENT)
        return Resolution("date", fmt_week(base + timedelta(weeks=offset)), "week")
    if unit not in ("month", "year"):
        return Resolution("date", None, "decade", NO_ANTECEDENT)
    earlier = ctx.discourse.last_calendar
    if unit == "month" and earlier is not None and not re.match(r"\d{4}-\d{2}", earlier):
        earlier = None
    if earlier is None or not earlier[:4].isdigit():
        return Resolution("date", None, "month" if unit == "month" else "year", NO_ANTECEDENT)
    if unit == "month":
        return Resolution(
            "date", fmt_month(*add_months(int(earlier[:4]), int(earlier[5:7]), offset)), "month"
        )
    return Resolution("date", f"{int(earlier[:4]) + offset:04d}", "year")
