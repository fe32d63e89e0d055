"""The records of the temporal stage: a found time expression and the publication date it leans on."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

TimeType = Literal["date", "time", "duration", "set"]
TimePrecision = Literal["day", "week", "month", "quarter", "year", "decade", "time"]

_DCT = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:[T ].*)?")


@dataclass(frozen=True)
class TimeExpr:
    """One time expression: where it is, what kind it is, and its TimeML value or why it has none.

    `cue` is the preposition just before the expression ("on", "since", "by" ...): it is not part of
    the TimeML span but tells a caller whether the time dates an event or bounds it.
    """

    text: str
    start: int
    end: int
    type: TimeType
    value: str | None
    precision: TimePrecision | None
    reason: str | None = None
    cue: str | None = None
    field: str = "body"

    def to_dict(self) -> dict[str, Any]:
        """The `times[]` record shape; `field` appears only off the body, as for all evidence."""
        out = asdict(self)
        if self.field == "body":
            out.pop("field")
        return out


@dataclass(frozen=True)
class Anchor:
    """The publication date at whatever precision is known; relative expressions resolve against it."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @property
    def precision(self) -> Literal["day", "month", "year"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @classmethod
    def parse(cls, dct: str | None) -> Anchor | None:
        """'2026-01-12', '2026-01', '2026' or an ISO datetime (its clock part is ignored); None stays None.

        Raises ValueError for anything else, so a wrong publication date is never silently guessed.
        """
        if dct is None or not dct.strip():
            return None
        m = _DCT.fullmatch(dct.strip())
        if m is None:
            raise ValueError(
                f"publication date {dct!r} is not YYYY, YYYY-MM or YYYY-MM-DD; pass None if unknown"
            )
        year = int(m["y"])
        month = int(m["m"]) if m["m"] else None
        day = int(m["d"]) if m["d"] else None
        if month is not None and day is not None:
            date(year, month, day)  # validates, raising ValueError with the calendar's message
        elif month is not None and not 1 <= month <= 12:
            raise ValueError(f"publication date {dct!r} has no month {month}")
        return cls(year, month, day)
