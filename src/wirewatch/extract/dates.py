"""Publication date from the words of a page, never invented.

The caller hands over the lines that are *not* body text (header, byline, footer) plus the dateline,
because a date inside a body sentence ("said on Jan 12") is the date of an event, not of the article.
Precision is kept honest: a copyright line only tells the year, so the answer is the year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache

from wirewatch.extract.news import Dateline, load_data, parse_dateline
from wirewatch.records import Precision, Published


@dataclass(frozen=True)
class DateMatch:
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: Precision
    start: int
    end: int


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    iso: re.Pattern[str]
    ymd_slash: re.Pattern[str]
    mdy: re.Pattern[str]
    dmy: re.Pattern[str]
    month_year: re.Pattern[str]
    numeric: re.Pattern[str]
    published_cue: re.Pattern[str]
    updated_cue: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = load_data("extract_dates.json")
    months: dict[str, int] = data["months"]
    alt = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    mon = rf"(?P<mon>{alt})\.?"
    year = r"(?P<y>(?:19|20)\d{2})(?!\d)"

    def cues(words: list[str]) -> re.Pattern[str]:
        words_alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"^\W*(?:{words_alt})\b\s*(?:on|at|:|-)?\s*", re.I)

    return _Patterns(
        months=months,
        iso=re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
        ymd_slash=re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)"),
        mdy=re.compile(rf"\b{mon}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}", re.I),
        dmy=re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|\u00ba|\.)?\s+(?:de\s+)?{mon},?\s+(?:de\s+)?{year}",
            re.I,
        ),
        month_year=re.compile(rf"\b{mon}\s+(?:de\s+)?{year}", re.I),
        numeric=re.compile(r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?!\d)"),
        published_cue=cues(data["published_cues"]),
        updated_cue=cues(data["updated_cues"]),
    )


def _valid(y: int, m: int, d: int | None) -> bool:
    try:
        Date(y, m, d or 1)
    except ValueError:
        return False
    return True


def parse_date(text: str) -> DateMatch | None:
    """The first explicit calendar date in `text` that names its year; slashed dates only when unambiguous."""
    p = _patterns()
    found: list[DateMatch] = []
    for rx in (p.iso, p.ymd_slash):
        m = rx.search(text)
        if m and _valid(int(m["y"]), int(m["m"]), int(m["d"])):
            iso = f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"
            found.append(DateMatch(iso, "day", *m.span()))
    for rx in (p.mdy, p.dmy):
        m = rx.search(text)
        if m:
            y, mo, d = int(m["y"]), p.months[m["mon"].lower()], int(m["d"])
            if _valid(y, mo, d):
                found.append(DateMatch(f"{y:04d}-{mo:02d}-{d:02d}", "day", *m.span()))
    m = p.numeric.search(text)
    if m:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        # "3.11.2026" is day-first everywhere it is written; "3/11/2026" is only safe when one side > 12.
        if m["sep"] == "." or a > 12:
            day, mon = a, b
        elif b > 12:
            day, mon = b, a
        else:
            day = mon = 0
        if day and _valid(y, mon, day):
            found.append(DateMatch(f"{y:04d}-{mon:02d}-{day:02d}", "day", *m.span()))
    if not found:
        m = p.month_year.search(text)
        if m:
            y, mo = int(m["y"]), p.months[m["mon"].lower()]
            found.append(DateMatch(f"{y:04d}-{mo:02d}", "month", *m.span()))
    return min(found, key=lambda f: f.start) if found else None


_COPYRIGHT_YEAR = re.compile(
    r"(?:copyright|\u00a9|\(c\))\s*(?:\u00a9|\(c\))?\s*(?:(?:19|20)\d{2}\s*[-\u2013/]\s*)?(?P<y>(?:19|20)\d{2})(?!\d)",
    re.I,
)
_TIME = re.compile(
    r"(?:\bT?|(?<=\d)T)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,4}(?:[+-]\d{1,2})?\)?)?",
    re.I,
)
_WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
    r"|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|mi[eé]rcoles|jueves|viernes"
    r"|s[aá]bado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b",
    re.I,
)


def copyright_year(text: str) -> str | None:
    """The (latest) year of a copyright notice: "Copyright © 2001-2026 X" -> "2026"."""
    m = _COPYRIGHT_YEAR.search(text)
    return m["y"] if m else None


def date_line_kind(line: str) -> str | None:
    """'published' / 'updated' when a line announces a date, 'date' when it is only a date; else None.

    Used by the line classifier too, so a "Updated 3:05 PM, Nov 3, 2026" line is dropped from the body.
    """
    text = " ".join(line.split())
    if not text or len(text) > 120:
        return None
    dm = parse_date(text)
    if dm is None:
        return None
    p = _patterns()
    if p.published_cue.match(text):
        return "published"
    if p.updated_cue.match(text):
        return "updated"
    rest = text[: dm.start] + " " + text[dm.end :]
    rest = _WEEKDAY.sub(" ", _TIME.sub(" ", rest))
    leftover = [w for w in re.split(r"[\s,|/\-\u2013\u2014\u2022\u00b7()]+", rest) if re.search(r"\w", w)]
    if len(leftover) <= 1:
        return "date"
    # "Updated 3:05 PM, Nov 3, 2026" puts the cue first but a time before the date: look for it anywhere early
    head = text[: dm.start].lower()
    if any(w in head for w in ("updated", "modified", "mis à jour", "actualizado", "aktualisiert")):
        return "updated"
    if any(w in head for w in ("published", "posted", "publié", "publicado", "veröffentlicht")):
        return "published"
    return None


def _dateline_of(dateline: Dateline | str | None) -> Dateline | None:
    if dateline is None or isinstance(dateline, Dateline):
        return dateline
    return parse_dateline(dateline.rstrip() + " X")  # evidence ends at the dash; give the guard its next word


def find_published(lines: Iterable[str], dateline: Dateline | str | None = None) -> Published:
    """Publication date stated by the page's own words, with evidence; Published() when nothing says.

    Order of trust: a "Published ..." line, a line that is only a date, a dateline carrying a full date
    ("WASHINGTON, Nov 3, 2026 (Reuters) -"), an "Updated ..." line (a date the article existed by), and
    last the copyright year (precision "year").
    """
    first: dict[str, tuple[DateMatch, str]] = {}
    year: tuple[str, str] | None = None
    for line in lines:
        text = " ".join(line.split())
        kind = date_line_kind(text)
        if kind and kind not in first:
            dm = parse_date(text)
            if dm:
                first[kind] = (dm, text)
        if year is None:
            y = copyright_year(text)
            if y:
                year = (y, text)
    dl = _dateline_of(dateline)
    if dl and dl.date_text:
        dm = parse_date(dl.date_text)
        if dm and dm.precision == "day":
            first.setdefault("dateline", (dm, dl.text))
    for kind in ("published", "date", "dateline", "updated"):
        if kind in first:
            dm, text = first[kind]
            return Published(dm.date, dm.precision, text, "text")
    if year:
        return Published(year[0], "year", year[1], "text")
    return Published()


__all__ = ["DateMatch", "copyright_year", "date_line_kind", "find_published", "parse_date"]
