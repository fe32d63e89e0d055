"""Publication date of an HTML page, with where it was found and how precise it is.

Order of trust: what the container declared (feed pubDate, JSON field), then what the publisher declared
in the page (JSON-LD, article:published_time and kin), then htmldate's look at the markup. The fetch date
is never used: an unknown date stays unknown.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement

from wirewatch.extract.dates import parse_date
from wirewatch.extract.html_jsonld import JsonLd
from wirewatch.records import Precision, Published

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]|$)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T|$)")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "article.published",
    "published_time",
)
_MIN_YEAR, _MAX_YEAR = 1990, 2100
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_-]|$)")
_TIMEZONE_SLACK_DAYS = 1


def _valid(year: int, month: int | None, day: int | None) -> bool:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= 31


def parse_machine_date(value: str) -> tuple[str, Precision] | None:
    """ISO 8601 (any precision), compact YYYYMMDD or RFC 822 text -> (YYYY[-MM[-DD]], precision)."""
    found = _ISO.match(value) or _COMPACT.match(value)
    if found:
        year = int(found.group(1))
        month = int(found.group(2)) if found.group(2) else None
        day = int(found.group(3)) if found.group(3) else None
        if not _valid(year, month, day):
            return None
        if day is not None and month is not None:
            return f"{year:04d}-{month:02d}-{day:02d}", "day"
        if month is not None:
            return f"{year:04d}-{month:02d}", "month"
        return f"{year:04d}", "year"
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if not _valid(parsed.year, parsed.month, parsed.day):
        return None
    return parsed.date().isoformat(), "day"


def url_date(url: str | None) -> str | None:
    """A full YYYY/MM/DD date in the URL path: the day the publisher filed the story, in its own time zone."""
    found = _URL_DATE.search(urlsplit(url).path) if url else None
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    try:
        return date(year, month, day).isoformat() if _valid(year, month, day) else None
    except ValueError:
        return None


def _local_day(declared: str, url: str | None) -> str:
    """A timestamp a day off the URL date is the story seen from another time zone: keep the URL's day."""
    from_url = url_date(url)
    if not from_url or from_url == declared:
        return declared
    gap = abs((date.fromisoformat(from_url) - date.fromisoformat(declared)).days)
    return from_url if gap <= _TIMEZONE_SLACK_DAYS else declared


def _time_element(tree: HtmlElement) -> str | None:
    for element in tree.iterfind(".//time[@datetime]"):
        if element.get("pubdate") is not None or "published" in (element.get("itemprop") or "").lower():
            return element.get("datetime")
    return None


def find_published(
    tree: HtmlElement,
    tags: dict[str, str],
    jsonld: JsonLd,
    declared: str | None = None,
    url: str | None = None,
) -> Published:
    if declared:
        parsed = parse_machine_date(declared)
        if parsed is None:  # a human-written container date ("March 5, 2024"): the shared text parser
            written = parse_date(declared)
            parsed = (written.date, written.precision) if written else None
        if parsed:
            return Published(parsed[0], parsed[1], f"container: {declared}", "container")
    candidates = [("json-ld datePublished", jsonld.date_published)]
    candidates += [(f"meta {key}", tags.get(key)) for key in _DATE_META]
    candidates.append(("time[pubdate]", _time_element(tree)))
    for where, value in candidates:
        if value:
            parsed = parse_machine_date(value)
            if parsed:
                day = _local_day(parsed[0], url) if parsed[1] == "day" else parsed[0]
                return Published(day, parsed[1], f"{where}: {value[:80]}", "html-meta")
    # htmldate: first markup only (meta, URL, date elements), then its slower search of the page text
    for extensive, where, source in (
        (False, "htmldate markup", "html-meta"),
        (True, "htmldate page text", "text"),
    ):
        guessed = _htmldate(tree, url, extensive)
        if guessed:
            return Published(guessed, "day", f"{where}: {guessed}", source)
    return Published()


def _htmldate(tree: HtmlElement, url: str | None, extensive: bool) -> str | None:
    try:
        return find_date(
            tree, url=url, original_date=True, extensive_search=extensive, outputformat="%Y-%m-%d"
        )
    except Exception:  # noqa: BLE001 - htmldate failing on an odd page only means "no date found"
        return None
