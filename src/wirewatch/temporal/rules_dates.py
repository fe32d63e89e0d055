"""Rules for dates that name their month: "Jan. 12", "12 January 2026", "2026-01-12", "March 2024",
"in May", "June last year", "Christmas", "the summer of 1998".

When the year is missing it comes from the publication date. wirewatch's convention for a month
later in the publication year: that year when it is at most two months ahead or a future cue or a
deadline word ("until", "by", "effective") is near; the year before when a past cue is near or it
is more than six months ahead; else that year. For a month earlier in the publication year: the
next year only with a future cue (or a deadline more than six months back), else the same year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from wirewatch.temporal.calendar import easter, fmt_day, fmt_month, nth_weekday, squash
from wirewatch.temporal.context import NO_YEAR, Context, Resolution
from wirewatch.temporal.lexicon import Holiday


def pick_year(ctx: Context, month: int) -> int | None:
    """Year of a month named without one; None when there is no publication date."""
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year
    if ctx.anchor.month is None:
        return year
    ahead = month - ctx.anchor.month
    if ahead == 0:
        return year
    tense = ctx.tense()
    deadline = ctx.deadline() or ctx.cue() in ctx.lex.cues["deadline_cues"]
    if ahead > 0:
        if tense > 0 or deadline or ahead <= 2:
            return year
        return year - 1 if tense < 0 or ahead > 6 else year
    return year + 1 if tense > 0 or (deadline and ahead < -6) else year


def _relative_year(today: date, month: int, day: int, rel: str) -> int:
    """ "last Oct. 23": the latest such day before the publication day; "next": the first one after."""
    try:
        this_year = date(today.year, month, day)
    except ValueError:
        return today.year
    if rel in ("last", "this past"):
        return today.year if this_year < today else today.year - 1
    if rel in ("next", "this coming"):
        return today.year if this_year > today else today.year + 1
    return today.year


def iso_date(m: re.Match[str], ctx: Context) -> Resolution | None:
    try:
        day = date(int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return None
    if m["hour"]:
        return Resolution("time", f"{fmt_day(day)}T{m['hour']}:{m['minute']}", "time")
    return Resolution("date", fmt_day(day), "day")


def slash_date(m: re.Match[str], ctx: Context) -> Resolution | None:
    """US order (month/day/year), as in American wire copy."""
    year = int(m["year"])
    if year < 100:
        year += 1900 if year > 50 else 2000
    try:
        return Resolution("date", fmt_day(date(year, int(m["month"]), int(m["day"]))), "day")
    except ValueError:
        return None


def month_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "Jan. 12", "12 January 2026", "Thursday, Jan. 12", "last Oct. 23"."""
    month = ctx.lex.month(m["month"])
    day = int(re.sub(r"\D", "", m["day"]))
    if month is None:
        return None
    rel = squash(m["rel"]) if "rel" in m.groupdict() else ""
    if m["year"]:
        year: int | None = int(m["year"])
    elif rel and ctx.anchor is not None and ctx.anchor.date is not None:
        year = _relative_year(ctx.anchor.date, month, day, rel)
    else:
        year = pick_year(ctx, month)
    if year is None:
        try:
            date(2000, month, day)  # a leap year, so Feb. 29 passes
        except ValueError:
            return None
        return Resolution("date", f"XXXX-{month:02d}-{day:02d}", "day", NO_YEAR)
    try:
        return Resolution("date", fmt_day(date(year, month, day)), "day")
    except ValueError:
        return None


def month_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "March 2024", and "June last year" (rule month_rel_year) counted from the publication year."""
    month = ctx.lex.month(m["month"])
    if month is None:
        return None
    if "rel" in m.groupdict() and m["rel"]:
        year = ctx.anchor_year()
        if isinstance(year, str):
            return Resolution("date", None, "month", year)
        return Resolution(
            "date", fmt_month(year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0), month), "month"
        )
    return Resolution("date", fmt_month(int(m["year"]), month), "month")


def month_name(m: re.Match[str], ctx: Context) -> Resolution | None:
    """A month alone. Ambiguous words ("May", "March") need a calendar cue before them."""
    word = m["month"]
    month = ctx.lex.month(word)
    if month is None:
        return None
    bare = word.rstrip(".")
    rel = squash(m["rel"])
    if bare in ctx.lex.months_need_context and not rel:
        if not word.endswith(".") and bare not in ctx.lex.full_month_names:
            return None  # "Jan" alone without its full stop is rarely a month
        if ctx.word_before() not in ctx.lex.cues["month_cues"]:
            return None
    if ctx.anchor is None:
        return Resolution("date", f"XXXX-{month:02d}", "month", NO_YEAR)
    year = ctx.anchor.year
    if ctx.anchor.month is not None:
        if rel in ("last", "this past"):
            year = year if month < ctx.anchor.month else year - 1
        elif rel in ("next", "this coming"):
            year = year if month > ctx.anchor.month else year + 1
        elif rel != "this":
            year = pick_year(ctx, month) or year
    return Resolution("date", fmt_month(year, month), "month")


def holiday_date(holiday: Holiday, year: int) -> date:
    if holiday.fixed:
        return date(year, *holiday.fixed)
    if holiday.nth_weekday:
        month, n, weekday = holiday.nth_weekday
        return nth_weekday(year, month, n, weekday) + timedelta(days=holiday.offset)
    return easter(year) + timedelta(days=holiday.easter or 0)


def holiday(m: re.Match[str], ctx: Context) -> Resolution | None:
    """Named days; without a year, the nearest one, leaning with the tense like a month name."""
    found = ctx.lex.holiday(re.sub(r"\s+", " ", m["name"]))
    if found is None:
        return None
    if m["year"]:
        return Resolution("date", fmt_day(holiday_date(found, int(m["year"]))), "day")
    if ctx.anchor is None:
        return Resolution("date", None, "day", NO_YEAR)
    year = ctx.anchor.year
    rel = (m["rel"] or "").lower()
    if ctx.anchor.date is not None:
        today = ctx.anchor.date
        this_year = holiday_date(found, year)
        ahead = (this_year - today).days
        if rel == "last":
            year = year if ahead < 0 else year - 1
        elif rel == "next":
            year = year if ahead > 0 else year + 1
        elif not rel:
            tense = ctx.tense()
            if tense > 0 and ahead < 0:
                year += 1
            elif (tense < 0 and ahead > 0) or ahead > 183:
                year -= 1
    return Resolution("date", fmt_day(holiday_date(found, year)), "day")


def season(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the summer of 1998" (1998-SU); "the summer" alone is the publication year's."""
    if m["year"]:
        return Resolution("date", f"{m['year']}-{ctx.lex.seasons[m['season'].lower()]}", "quarter")
    found = ctx.anchor_year()
    if isinstance(found, str):
        return Resolution("date", None, "quarter", found)
    return Resolution("date", f"{found:04d}-{ctx.lex.seasons[m['bare'].lower()]}", "quarter")
