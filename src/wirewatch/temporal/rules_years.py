"""Rules for years and the spans inside them: "2024", "fiscal 2025", "nineteen ninety-four",
"the 1990s", "the 20th century", "the third quarter", "Q3", "the first half of 1989".

A quarter named without a year is the latest one that has begun, unless a future cue points ahead.
"""

from __future__ import annotations

import re

from wirewatch.temporal.calendar import fmt_quarter, quarter_of, shift_value
from wirewatch.temporal.context import Context, Resolution
from wirewatch.temporal.lexicon import parse_number


def year(m: re.Match[str], ctx: Context) -> Resolution | None:
    """A four-digit year. A bare number counts only in a plausible range (1900 to a decade past the
    publication year), or anywhere from 1000 to 2199 with a calendar cue ("in", "since", "fiscal")."""
    value = int(m["year"])
    if m["mod"] or m["fiscal"]:
        return Resolution("date", f"{value:04d}", "year")
    before = ctx.text[max(0, ctx.start - 1) : ctx.start]
    prev = ctx.word_before()
    if (before and before in "$#£€") or prev in ctx.lex.cues["not_year_before"]:
        return None
    after = ctx.text_after(12).lstrip()
    cued = prev in ctx.lex.cues["year_cues"] or (after[:1] != "" and after[:1] in ",.;:)'\"")
    low, high = (1000, 2199) if cued else (1900, (ctx.anchor.year if ctx.anchor else 2030) + 10)
    if not low <= value <= high:
        return None
    return Resolution("date", f"{value:04d}", "year")


def spoken_year(m: re.Match[str], ctx: Context) -> Resolution | None:
    """Years read out in broadcast transcripts: "nineteen ninety-four", "the year two thousand"."""
    if m["thousand"]:
        value = parse_number(m["thousand"])
    else:
        oh = re.search(r"(?i)\boh\b", m["rest"]) is not None
        rest = parse_number(re.sub(r"(?i)\boh\b", "", m["rest"]))
        if rest is None or rest != int(rest) or not (1 if oh else 10) <= rest <= 99:
            return None  # "twenty six of them" is a count; "twenty oh six" or "nineteen ninety" a year
        value = (19 if m["century"].lower() == "nineteen" else 20) * 100 + rest
    if value is None or value != int(value):
        return None
    return Resolution("date", f"{int(value):04d}", "year")


def decade(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the 1990s" = 199; "the '90s" takes the latest century that makes it past; "the nineties" 199."""
    if m["dec"]:
        return Resolution("date", m["dec"][:3], "decade")
    if m["word"]:
        return Resolution("date", f"19{ctx.lex.decade_words[m['word'].lower()]}", "decade")
    short = int(m["short"][0])
    now = ctx.anchor.year if ctx.anchor else None
    century = 20 if now is not None and 2000 + short * 10 <= now else 19
    return Resolution("date", f"{century}{short}", "decade")


def century(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the 20th century" = 19 (TimeML counts centuries by their first two digits)."""
    word = m["ord"].lower()
    number = int(word[:-2]) if word[:-2].isdigit() else ctx.lex.ordinals.get(word)
    if word in ("last", "final") or not number:
        return None
    return Resolution("date", f"{number - 1:02d}", "decade")


def _latest_year(ctx: Context, n: int, half: bool, rel: str) -> int | str:
    """Year of the n-th quarter (or half) named without one: see the module docstring."""
    found = ctx.anchor_month()
    if isinstance(found, str):
        return found
    year, month = found
    current = (month - 1) // 6 + 1 if half else quarter_of(month)
    if rel in ("last", "previous", "past"):
        return year - 1
    if rel == "next":
        return year + 1
    if not rel and n > current and ctx.tense() <= 0:
        return year - 1
    return year


def _quarter_value(year: int, n: int, half: bool) -> str:
    return f"{year:04d}-H{n}" if half else fmt_quarter(year, n)


def quarter(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the third quarter (of 1989)", "fiscal 1990 first half", "the year-earlier third quarter"."""
    half = m["unit"].lower() == "half"
    word = m["ord"].lower()
    explicit = m["year"] or m["pre"] or m["pre2"]
    rel = ((m["rel"] or m["prerel"] or "").lower().split() or [""])[-1]
    if word in ("last", "final") and not (explicit or rel):
        return None  # "the last quarter" is the one before this; rule period_rel handles it
    n = 2 if half and word in ("last", "final") else ctx.lex.ordinals.get(word)
    if n is None or n > 4 or (half and n > 2):
        return None
    year = int(explicit) if explicit else _latest_year(ctx, n, half, rel)
    if isinstance(year, str):
        return Resolution("date", None, "quarter", year)
    value = _quarter_value(year, n, half)
    if m["yearago"]:
        value = shift_value(value, "year", -1) or value
    return Resolution("date", value, "quarter")


def quarter_code(m: re.Match[str], ctx: Context) -> Resolution | None:
    """ "Q3", "Q3 2025", "H1"."""
    n = int(m["n"])
    half = m["kind"] == "H"
    if half and n > 2:
        return None
    year = int(m["year"]) if m["year"] else _latest_year(ctx, n, half, "")
    if isinstance(year, str):
        return Resolution("date", None, "quarter", year)
    return Resolution("date", _quarter_value(year, n, half), "quarter")
