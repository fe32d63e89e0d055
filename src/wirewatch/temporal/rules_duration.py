"""Rules for lengths of time and repetitions: "for three years" (P3Y), "48 hours" (PT48H), "every
week" (P1W, a set), "twice a year", "$40 a day" (a rate: set).

Fractions move to the next smaller unit so values stay whole numbers ("a year and a half" = P18M).
Ages ("a 52-year-old doctor", "52 years old") are not times and are skipped.
"""

from __future__ import annotations

import re

from wirewatch.temporal.context import Context, Resolution
from wirewatch.temporal.lexicon import Unit, parse_number

# For a fractional amount: the smaller unit and how many of it make one of the larger.
_SMALLER = {
    ("Y", False): ("M", False, 12),
    ("Q", False): ("M", False, 3),
    ("M", False): ("D", False, 30),
    ("W", False): ("D", False, 7),
    ("D", False): ("H", True, 24),
    ("H", True): ("M", True, 60),
    ("M", True): ("S", True, 60),
}
_LAST_WORD = re.compile(r"([\w%$]+)\W*$")


def duration_value(amount: float | None, unit: Unit) -> str:
    """TimeML duration: P3Y, PT48H, P10Y for a decade; X for an unknown amount (PXY)."""
    letter, time = unit.letter, unit.time
    if amount is None:
        return f"PTX{letter}" if time else f"PX{letter}"
    amount *= unit.factor
    while amount != int(amount) and (letter, time) in _SMALLER:
        letter, time, per = _SMALLER[(letter, time)]
        amount *= per
    number = int(amount) if amount == int(amount) else round(amount, 2)
    return f"PT{number}{letter}" if time else f"P{number}{letter}"


def _after_quantity(ctx: Context) -> bool:
    """True after a count or an amount ("$40 a day", "700 seats a week"): the time is a rate."""
    before = re.split(r"[.!?;:\n]\s", ctx.text[max(0, ctx.start - 25) : ctx.start])[-1]
    last = _LAST_WORD.search(before)
    if last is None:
        return False
    word = last[1].lower()
    return (
        word[-1].isdigit()
        or word.endswith("%")
        or word in ctx.lex.cues["rate_words"]
        or (word.endswith("s") and len(word) > 3 and ctx.cue() is None and word not in ctx.lex.clause_words)
    )


def duration(m: re.Match[str], ctx: Context) -> Resolution | None:
    unit = ctx.lex.unit(m["unit"])
    amount = parse_number(m["num"])
    if unit is None or amount is None or amount <= 0:
        return None
    if (m["old"] or "").lower() == "old":
        return None
    if m["half"]:
        amount += 0.5
    if m["num"].lower() in ("a", "an", "one") and not m["the"]:
        if m["unit"].lower() in ("second", "quarter"):
            return None  # "a second term", "a quarter of the vote"
        if _after_quantity(ctx):
            return Resolution("set", duration_value(1, unit), None)
    if m["the"] and m["the"].lower() in ("its", "their") and not m["rel"]:
        return None
    return Resolution("duration", duration_value(amount, unit), None)


def vague_duration(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "several years", "for months" (PXY, PXM)."""
    unit = ctx.lex.unit(m["unit"] or m["unit2"])
    return Resolution("duration", duration_value(None, unit), None) if unit else None


def set_every(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "every week" (P1W), "every other month" (P2M), "every Thursday" (XXXX-WXX-4), "each spring"."""
    if m["wd"]:
        return Resolution("set", f"XXXX-WXX-{ctx.lex.weekday(m['wd'])}", None)
    if m["month"]:
        month = ctx.lex.month(m["month"])
        return Resolution("set", f"XXXX-{month:02d}", None) if month else None
    word = m["unit"].lower()
    if word == "weekend":
        return Resolution("set", "XXXX-WXX-WE", None)
    if word in ctx.lex.parts_of_day:
        return Resolution("set", f"XXXX-XX-XXT{ctx.lex.parts_of_day[word]}", None)
    unit = ctx.lex.unit(word)
    if unit is None:
        return None
    num = (m["num"] or "").lower()
    amount = 2.0 if num == "other" else parse_number(num) if num else 1.0
    return Resolution("set", duration_value(amount, unit), None)


def set_weekday(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "Mondays", "every Tuesday night", "Tuesday nights": a weekday that recurs."""
    word = m["wd"][:-1] if m["wd"] else m["wd2"]
    weekday = ctx.lex.weekday(word)
    if weekday is None:
        return None
    pod = m["pod"] or m["pod2"]
    suffix = f"T{ctx.lex.parts_of_day[pod.lower()]}" if pod else ""
    return Resolution("set", f"XXXX-WXX-{weekday}{suffix}", None)


def set_rate(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "twice a year", "three times a week": the frequency's period."""
    unit = ctx.lex.unit(m["unit"])
    return Resolution("set", duration_value(1, unit), None) if unit else None


def set_adverb(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "daily", "annually" as adverbs; before a noun ("a quarterly dividend") they describe a thing."""
    following = re.match(r"\s+([a-z]+)\b", ctx.text_after(25))
    if following and following[1] not in ctx.lex.clause_words:
        return None
    value = ctx.lex.set_adverbs.get(m["adv"].lower())
    return Resolution("set", value, None) if value else None
