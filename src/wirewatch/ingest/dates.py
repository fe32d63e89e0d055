"""Container-declared dates (feed pubDate, JSON `date_publish`, epoch numbers) as ISO 8601 strings.

Only unambiguous machine formats are normalised here; anything else passes through untouched for
extract's date logic, which keeps the evidence and precision. A date-only value stays date-only and a
value without an offset stays naive: precision and time zone are never invented.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
# 2001-09-09 .. 2096-10-02 in seconds; larger numbers in that window are milliseconds.
_EPOCH_MIN, _EPOCH_MAX = 1_000_000_000, 4_000_000_000


def _from_epoch(value: float) -> str | None:
    seconds = value / 1000 if value > _EPOCH_MAX else value
    if not _EPOCH_MIN <= seconds <= _EPOCH_MAX:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC).isoformat()


def normalize_date(value: object) -> str | None:
    """ISO 8601 text for `value`, the stripped original when it is not machine-readable, None if empty."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if not text:
        return None
    if _DATE_ONLY.fullmatch(text):
        return text
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()  # RSS's RFC 822 dates
    except (TypeError, ValueError, IndexError):
        return text
