"""Calendar arithmetic and TimeML value formatting, kept apart from the rules that use them."""

from __future__ import annotations

import re
from datetime import date, timedelta


def fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: date) -> str:
    """ISO week of a day, as TimeML writes it ('2026-W02'); the ISO year may differ from the calendar year."""
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def fmt_quarter(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_quarters(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The given ISO weekday nearest the anchor: the anchor itself when it matches, else the last one
    before it (direction -1) or the next one after it (direction +1)."""
    delta = weekday - anchor.isoweekday()
    if delta == 0:
        return anchor
    if direction < 0:
        return anchor + timedelta(days=delta if delta < 0 else delta - 7)
    return anchor + timedelta(days=delta if delta > 0 else delta + 7)


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday by the anonymous Gregorian computus."""
    golden = year % 19
    century, year_in_century = divmod(year, 100)
    leap_skip, leap_rest = divmod(century, 4)
    moon_fix = (century + 8) // 25
    moon_shift = (century - moon_fix + 1) // 3
    epact = (19 * golden + century - leap_skip - moon_shift + 15) % 30
    four_years, year_rest = divmod(year_in_century, 4)
    weekday_fix = (32 + 2 * leap_rest + 2 * four_years - epact - year_rest) % 7
    correction = (golden + 11 * epact + 22 * weekday_fix) // 451
    month, day = divmod(epact + weekday_fix - 7 * correction + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    """The n-th ISO weekday of a month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))
    next_first = date(year + month // 12, month % 12 + 1, 1)
    last = next_first - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def shift_value(value: str, unit: str, amount: int) -> str | None:
    """Move a TimeML calendar value by whole units at its own granularity ('1989-Q3' - 1 year = '1988-Q3')."""
    parts = value.split("-")
    try:
        year = int(parts[0])
    except ValueError:
        return None
    years = {"year": amount, "decade": 10 * amount}.get(unit)
    if years is None:
        return None
    return "-".join([f"{year + years:04d}", *parts[1:]]) if len(parts) > 1 else f"{year + years:04d}"


def precision_of(value: str | None) -> str | None:
    """Precision of a TimeML calendar value ('1989-Q3' quarter, '1989-10' month ...)."""
    if value is None:
        return None
    if re.fullmatch(r"\d{4}-[QH]\d|\d{4}-(?:SP|SU|FA|WI)", value):
        return "quarter"
    for pattern, precision in (
        (r"\d{4}", "year"),
        (r"\d{4}-\d{2}", "month"),
        (r"\d{4}-\d{2}-\d{2}", "day"),
        (r"\d{4}-W\d{2}(?:-WE)?", "week"),
        (r"\d{3}", "decade"),
    ):
        if re.fullmatch(pattern, value):
            return precision
    return None


def squash(words: str | None) -> str:
    """Lower case with single spaces, for comparing matched words ('This  Past' -> 'this past')."""
    return re.sub(r"\s+", " ", words or "").strip().lower()
