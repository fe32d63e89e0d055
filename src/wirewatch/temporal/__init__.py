"""Time expressions in news text, normalised to TimeML values relative to the publication date.

`find_times(text, dct)` finds and resolves every expression; `resolve_event_date` picks the one that
dates an event. `import wirewatch.temporal.stage` registers the `temporal` pipeline stage.

Conventions (English news; each rule module documents its own):
- Spans follow TimeML: "last Friday", "the past two months", "about two years ago" include their
  modifiers; prepositions do not ("on Thursday" -> "Thursday") and are kept as `cue` instead.
- A weekday is the publication day when it is that weekday, else the latest such day, or the next
  one when a future cue or a deadline ("until Tuesday") is nearest.
- A month without a year: see `rules_dates` (publication year, unless past/future cues or distance
  say otherwise). A quarter without a year is the latest one that has begun.
- "a year earlier" after a quarter means that quarter a year before (earnings copy).
- Precision: seasons and halves report "quarter", centuries "decade" (the nearest allowed values).
- Without a publication date nothing relative is resolved (value None, with a reason), a month-day
  becomes "XXXX-01-12"; PAST_REF / PRESENT_REF / FUTURE_REF and durations need no date and stay.
"""

from wirewatch.temporal.event_date import resolve_event_date
from wirewatch.temporal.find import find_times
from wirewatch.temporal.model import Anchor, TimeExpr

__all__ = ["Anchor", "TimeExpr", "find_times", "resolve_event_date"]
