"""Clock times: "3:05 p.m.", "9 a.m. EST Tuesday", "5 p.m. Nov. 9", "noon". The day is the one named
with the time, else the latest date mentioned in the document, else the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from wirewatch.temporal.calendar import fmt_day, weekday_near
from wirewatch.temporal.context import Context, Resolution
from wirewatch.temporal.rules_dates import pick_year
from wirewatch.temporal.rules_relative import lean


def _named_day(m: re.Match[str], ctx: Context, today: date) -> date | None:
    """The day written next to the clock time, if any."""
    groups = m.groupdict()
    if groups.get("dmonth"):
        month = ctx.lex.month(m["dmonth"]) or 1
        year = int(m["dyear"]) if m["dyear"] else pick_year(ctx, month) or today.year
        try:
            return date(year, month, int(re.sub(r"\D", "", m["dday"])))
        except ValueError:
            return None
    weekday_word = groups.get("wd") or groups.get("wd2")
    if weekday_word and (weekday := ctx.lex.weekday(weekday_word)) is not None:
        return weekday_near(today, weekday, lean(ctx))
    if groups.get("dayword"):
        return today + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m["dayword"].lower(), 0))
    return None


def _clock(m: re.Match[str]) -> tuple[int, int] | None:
    """(hour, minute) on a 24-hour clock, or None for an impossible time ("13 p.m.")."""
    if m["noon"]:
        return (0 if m["noon"].lower() == "midnight" else 12), 0
    if m["hh"]:
        return int(m["hh"]), int(m["mm"])
    if m["mil"]:
        return int(m["mil"]), int(m["milm"])
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    ampm = m["ampm"].lower().replace(".", "")
    if hour > 12 or (hour == 0 and ampm != "o'clock"):
        return None
    if ampm == "pm" and hour != 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return hour, minute


def clock(m: re.Match[str], ctx: Context) -> Resolution | None:
    hour_minute = _clock(m)
    if hour_minute is None:
        return None
    clock_part = "T{:02d}:{:02d}".format(*hour_minute)
    today = ctx.anchor_day()
    if isinstance(today, str):
        return Resolution("time", f"XXXX-XX-XX{clock_part}", "time", today)
    day = _named_day(m, ctx, today) or ctx.discourse.last_day or today
    return Resolution("time", f"{fmt_day(day)}{clock_part}", "time")
