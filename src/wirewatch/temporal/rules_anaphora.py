"""Rules for expressions counted from an earlier mention: "a year earlier", "the next day",
"the year-earlier quarter", "the latest period".

Earnings copy convention: when the latest calendar expression was a quarter, "a year earlier" and
"year-earlier" mean that quarter a year before ("1989-Q3" -> "1988-Q3"), not the whole year.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from wirewatch.temporal.calendar import (
    add_months,
    add_quarters,
    fmt_day,
    fmt_month,
    fmt_quarter,
    fmt_week,
    precision_of,
    quarter_of,
    shift_value,
    squash,
)
from wirewatch.temporal.context import NO_ANTECEDENT, Context, Resolution
from wirewatch.temporal.lexicon import Unit, parse_number
from wirewatch.temporal.periods import antecedent, unit_value

_YEAR_BACK = frozenset(["year-earlier", "year-ago", "year-before", "comparable", "same"])
_LATEST = frozenset(["latest", "most recent", "recent", "current", "same"])
_BACKWARD = frozenset(["ago", "earlier", "before", "back", "previously"])
_DEICTIC = frozenset(["ago", "back", "from now", "hence"])
_DAY_OFFSET = {"previous": -1, "preceding": -1, "prior": -1, "next": 1, "following": 1}


def period_rel(m: re.Match[str], ctx: Context) -> Resolution | None:
    """Reporting periods: "the latest quarter", "last quarter", "the year-earlier period"."""
    res = _period(squash(m["det"]), squash(m["rel"]), m["unit"].lower(), ctx)
    if res is not None and res.value != unit_value(ctx, "quarter", 0).value:
        return replace(res, derived=True)
    return res


def _period(det: str, rel: str, unit: str, ctx: Context) -> Resolution | None:
    last_quarter = ctx.discourse.last_by_kind.get("quarter")
    if rel in _YEAR_BACK:
        base = last_quarter if unit == "quarter" else ctx.discourse.last_period
        if base is None:
            return Resolution("date", None, "quarter" if unit == "quarter" else None, NO_ANTECEDENT)
        shifted = base if rel == "same" else shift_value(base, "year", -1)
        return Resolution("date", shifted, precision_of(shifted))  # type: ignore[arg-type]
    if unit == "period":
        if rel in _LATEST and ctx.discourse.last_period:
            return Resolution("date", ctx.discourse.last_period, precision_of(ctx.discourse.last_period))  # type: ignore[arg-type]
        return None
    if unit == "half":
        return None
    if (det in ("this", "its", "their") and not rel) or rel == "current":
        return unit_value(ctx, "quarter", 0)
    if det == "last" or rel in ("past", "previous", "prior"):
        if rel in ("previous", "prior") and last_quarter:
            year, quarter = int(last_quarter[:4]), int(last_quarter[-1])
            return Resolution("date", fmt_quarter(*add_quarters(year, quarter, -1)), "quarter")
        return unit_value(ctx, "quarter", -1)
    if det == "next" or rel in ("coming", "following"):
        return unit_value(ctx, "quarter", 1)
    if det == "the" and rel in ("", "latest", "most recent", "recent"):
        if last_quarter:
            return Resolution("date", last_quarter, "quarter")
        return unit_value(ctx, "quarter", -1) if rel else None
    return None


def year_adjective(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "year-earlier" (results), "year-end"."""
    word = squash(m["word"]).replace(" ", "-")
    year = ctx.anchor_year()
    if isinstance(year, str):
        return Resolution("date", None, "year", year)
    if word in ("year-end", "year-to-date"):
        return Resolution("date", f"{year:04d}", "year")
    in_focus = ctx.discourse.quarter_in_focus
    if in_focus:
        return Resolution("date", shift_value(in_focus, "year", -1), "quarter", derived=True)
    return Resolution("date", f"{year - 1:04d}", "year")


def ago(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "two days ago", "a year earlier", "three weeks later": "ago" counts from the publication date,
    "earlier"/"later" from the latest date mentioned (or the publication date when none was)."""
    direction = squash(m["dir"])
    if direction in ("before", "after") and ctx.text_after(3).lstrip()[:1].isalnum():
        return None  # "two days after the vote": the scanner falls back to the duration alone
    back = direction in _BACKWARD
    if m["vague"]:
        return Resolution("date", "PAST_REF" if back else "FUTURE_REF", None)
    unit = ctx.lex.unit(m["unit"])
    amount = parse_number(m["num"])
    if unit is None or amount is None:
        return None
    if m["half"]:
        amount += 0.5
    steps = amount * unit.factor * (-1 if back else 1)
    in_focus = ctx.discourse.quarter_in_focus
    if unit.letter == "Y" and unit.factor == 1 and in_focus and steps == int(steps):
        return Resolution("date", shift_value(in_focus, "year", int(steps)), "quarter", derived=True)
    if direction not in _DEICTIC and ctx.discourse.last_day is not None:
        return replace(_shift(ctx, unit, steps, ctx.discourse.last_day), derived=True)
    return _shift(ctx, unit, steps, ctx.anchor_day())


def _shift(ctx: Context, unit: Unit, steps: float, base: date | str) -> Resolution:
    """`base` moved by `steps` units, at the unit's precision; a str base is why there is no day."""
    whole = round(steps)
    if isinstance(base, str):
        if unit.letter == "Y" and ctx.anchor is not None and steps == whole:
            return Resolution("date", f"{ctx.anchor.year + whole:04d}", "year")
        if unit.letter == "M" and not unit.time and ctx.anchor is not None and ctx.anchor.month:
            return Resolution(
                "date", fmt_month(*add_months(ctx.anchor.year, ctx.anchor.month, whole)), "month"
            )
        return Resolution("date", None, unit.precision, base)  # type: ignore[arg-type]
    if unit.time:
        return Resolution("date", fmt_day(base), "day")
    if unit.letter == "D":
        return Resolution("date", fmt_day(base + timedelta(days=whole)), "day")
    if unit.letter == "W":
        return Resolution("date", fmt_week(base + timedelta(weeks=steps)), "week")
    if unit.letter == "M":
        return Resolution("date", fmt_month(*add_months(base.year, base.month, whole)), "month")
    if unit.letter == "Q":
        quarter = add_quarters(base.year, quarter_of(base.month), whole)
        return Resolution("date", fmt_quarter(*quarter), "quarter")
    if unit.factor >= 10:
        return Resolution("date", f"{(base.year + whole) // 10:03d}", "decade")
    if steps != whole:
        return Resolution("date", fmt_month(*add_months(base.year, base.month, round(steps * 12))), "month")
    return Resolution("date", f"{base.year + whole:04d}", "year")


def anaphoric(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the next day", "that morning", "the day before": counted from the latest date mentioned,
    or from the publication date when none was."""
    if m["dir"]:
        rel, unit = ("previous" if m["dir"].lower() == "before" else "next"), "day"
    else:
        rel, unit = squash(m["rel"]) or "same", m["unit"].lower()
    offset = _DAY_OFFSET.get(rel, 0)
    pod = unit if unit in ctx.lex.parts_of_day else None
    if pod:
        unit = "day"
    if unit != "day":
        return antecedent(ctx, unit, offset)
    base = ctx.discourse.last_day
    if base is None and offset:
        found = ctx.anchor_day()
        base = found if isinstance(found, date) else None
    if base is None:
        return (
            Resolution("time", None, "time", NO_ANTECEDENT)
            if pod
            else Resolution("date", None, "day", NO_ANTECEDENT)
        )
    return replace(ctx.day_value(base + timedelta(days=offset), pod), derived=True)
