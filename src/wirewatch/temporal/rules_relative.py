"""Rules for expressions counted from the publication date: "yesterday", "on Thursday", "last week",
"this morning", "recently".

Weekdays follow news convention: the publication day itself when it is that weekday, otherwise the
latest such day, or the next one when a future cue ("will", "is expected to") or a deadline
("until Tuesday") is nearest.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from wirewatch.temporal.calendar import fmt_week, squash, weekday_near
from wirewatch.temporal.context import Context, Resolution
from wirewatch.temporal.periods import AHEAD, BACK, antecedent, season_value, unit_value
from wirewatch.temporal.rules_duration import duration_value

_DAY_SHIFT = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}


def _unresolved_day(pod: str | None, reason: str) -> Resolution:
    return Resolution("time", None, "time", reason) if pod else Resolution("date", None, "day", reason)


def day_word(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "yesterday", "tomorrow morning", "tonight" (the night of the publication day), "last night"."""
    found = ctx.anchor_day()
    pod = m["pod"] or m["pod2"]
    word = (m["word"] or "").lower()
    if word == "tonight" and not pod:
        pod = "night"
    if isinstance(found, str):
        return _unresolved_day(pod, found)
    if m["dd"]:
        shift = -2 if "before" in m["dd"].lower() else 2
    elif m["this"]:
        shift = -1 if m["this"].lower() == "last" else 0
    else:
        shift = _DAY_SHIFT[word]
    return ctx.day_value(found + timedelta(days=shift), pod)


def part_of_day(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the morning", "mid-afternoon": part of the day in focus (the latest date mentioned), else of
    the publication day."""
    day = ctx.discourse.last_day
    if day is None:
        found = ctx.anchor_day()
        if isinstance(found, str):
            return Resolution("time", None, "time", found)
        day = found
    return replace(ctx.day_value(day, m["pod"]), derived=True)


def lean(ctx: Context) -> int:
    """+1 to look forward for an unmarked day: a future cue is nearest, or a deadline ("extended until
    Tuesday") not followed by a past cue ("until Tuesday they had refused"); else -1, the news default."""
    if ctx.deadline():
        return -1 if ctx.tense(before_too=False) < 0 else 1
    return 1 if ctx.tense() > 0 else -1


def weekday(m: re.Match[str], ctx: Context) -> Resolution | None:
    wd = ctx.lex.weekday(m["wd"])
    rel = squash(m["rel"])
    if wd is None or rel == "that":
        return None
    pod = m["pod"]
    found = ctx.anchor_day()
    if isinstance(found, str):
        return _unresolved_day(pod, found)
    if rel in ("the previous", "the following", "the next"):
        base = ctx.discourse.last_day or found
        step = -1 if rel == "the previous" else 1
        return replace(ctx.day_value(weekday_near(base + timedelta(days=step), wd, step), pod), derived=True)
    if rel in BACK:
        day = weekday_near(found - timedelta(days=1), wd, -1)
    elif rel in AHEAD:
        day = weekday_near(found + timedelta(days=1), wd, +1)
    elif rel == "this":
        day = weekday_near(found, wd, +1 if ctx.tense() >= 0 else -1)
    else:
        day = weekday_near(found, wd, lean(ctx))
    return ctx.day_value(day, pod)


def relative_unit(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "last week", "this year", "next month", "earlier this month", "the end of last year"."""
    rel, unit = squash(m["rel"]), m["unit"].lower()
    if unit in ctx.lex.seasons:
        if rel in ("the", "that", "the same"):
            return None
        return season_value(ctx, ctx.lex.seasons[unit], rel)
    if rel in ("that", "the same"):
        return antecedent(ctx, unit, 0)
    if rel in ("the following", "the previous"):
        return antecedent(ctx, unit, 1 if rel == "the following" else -1)
    if rel == "the":
        if m["mod"] and unit in ("week", "month", "year"):
            return unit_value(ctx, unit, 0)  # "the end of the year"
        if unit == "weekend":
            return _the_weekend(ctx)
        return None
    if rel in ("the past", "the last", "the next", "the coming") and unit != "weekend":
        return Resolution("duration", duration_value(1, ctx.lex.units[unit]), None)
    return unit_value(ctx, unit, -1 if rel in BACK else 1 if rel in AHEAD else 0)


def _the_weekend(ctx: Context) -> Resolution:
    found = ctx.anchor_day()
    if isinstance(found, str):
        return Resolution("date", None, "week", found)
    saturday = weekday_near(found, 6, +1 if ctx.tense() > 0 else -1)
    return Resolution("date", f"{fmt_week(saturday)}-WE", "week")


def reference(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "recently", "now", "the coming weeks": TimeML's PAST_REF / PRESENT_REF / FUTURE_REF. These
    need no publication date, so they keep their value without one."""
    phrase = squash(m["ref"])
    value = ctx.lex.references.get(phrase)
    if value is None:
        return None
    blockers = ctx.lex.reference_blockers.get(phrase, ())
    after = ctx.text_after(20)
    if after.startswith("-") and "-" in blockers:
        return None
    next_word = re.match(r"\s*([\w,]+)", after)
    if next_word and next_word[1].lower() in blockers:
        return None
    return Resolution("date", value, None)
