"""What a rule may look at besides its own match: the text around it, the publication date, and the
times already mentioned in the document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from wirewatch.temporal.calendar import fmt_day
from wirewatch.temporal.lexicon import Lexicon
from wirewatch.temporal.model import Anchor, TimePrecision, TimeType
from wirewatch.temporal.tense import tense_at

NO_DCT = "relative expression and no publication date"
COARSE_DCT = "relative expression needs the publication {need}; only the {have} is known"
NO_YEAR = "year not stated and no publication date"
NO_ANTECEDENT = "refers back to a time not given as a date"

_WORD = re.compile(r"[a-z$][a-z'.]*|[.;!?\n]", re.I)
# Kinds of calendar values, by the characters after the year: 1989-Q3, 1989-H1, 1989-SU, 1989-W44.
_KIND = {"-Q": "quarter", "-H": "half", "-S": "season", "-F": "season", "-W": "week"}


@dataclass(frozen=True)
class Resolution:
    """A rule's verdict on a match: its TimeML type and value, or no value and why."""

    type: TimeType
    value: str | None
    precision: TimePrecision | None
    reason: str | None = None
    derived: bool = False  # computed from an earlier mention; never itself an antecedent


@dataclass
class Discourse:
    """Times already resolved in this document, for anaphora ("the next day", "the year-earlier quarter").

    Only expressions that name their time (or count from the publication date) become antecedents,
    so "a year earlier" after "a year earlier" does not drift back one more year.
    """

    last_day: date | None = None
    last_calendar: str | None = None  # value of the latest calendar expression of any kind
    last_kind: str | None = None  # its kind: day, week, month, quarter, half, season, year ...
    last_period: str | None = None  # value of the latest month-, quarter- or year-like expression
    last_by_kind: dict[str, str] = field(default_factory=dict)

    def note(self, res: Resolution, day: date | None) -> None:
        if res.derived or res.value is None or res.type not in ("date", "time") or res.value.endswith("_REF"):
            return
        if day is not None:
            self.last_day = day
        kind = _KIND.get(res.value[4:6], res.precision) if len(res.value) > 5 else res.precision
        self.last_kind, self.last_calendar = kind, res.value
        if kind is not None:
            self.last_by_kind[kind] = res.value
            if kind in ("month", "quarter", "year"):
                self.last_period = res.value

    @property
    def quarter_in_focus(self) -> str | None:
        """The quarter just talked about, if the latest calendar expression was one (earnings copy)."""
        return self.last_by_kind.get("quarter") if self.last_kind == "quarter" else None


@dataclass
class Context:
    text: str
    start: int
    end: int
    anchor: Anchor | None
    discourse: Discourse
    lex: Lexicon

    def anchor_day(self) -> date | str:
        """The publication day, or the reason it is not known."""
        if self.anchor is None:
            return NO_DCT
        if self.anchor.date is None:
            return COARSE_DCT.format(need="day", have=self.anchor.precision)
        return self.anchor.date

    def anchor_month(self) -> tuple[int, int] | str:
        if self.anchor is None:
            return NO_DCT
        if self.anchor.month is None:
            return COARSE_DCT.format(need="month", have="year")
        return self.anchor.year, self.anchor.month

    def anchor_year(self) -> int | str:
        return NO_DCT if self.anchor is None else self.anchor.year

    def word_before(self, n: int = 1) -> str:
        """The n-th word before the match, lower case, without its full stop ('' at a sentence start)."""
        words = _WORD.findall(self.text[max(0, self.start - 60) : self.start])
        if len(words) < n or words[-n] in ".;!?\n":
            return ""
        return words[-n].lower().rstrip(".")

    def text_after(self, width: int = 30) -> str:
        return self.text[self.end : self.end + width]

    def cue(self) -> str | None:
        """The preposition right before the expression ("on", "since", "as of"), if any."""
        one = self.word_before(1)
        for phrase in (
            f"{self.word_before(3)} {self.word_before(2)} {one}",
            f"{self.word_before(2)} {one}",
            one,
        ):
            if phrase.strip() in self.lex.cue_prepositions:
                return phrase.strip()
        return None

    def deadline(self) -> bool:
        """A deadline word just before the expression: "until", "by", "effective", "payable"."""
        return self.word_before() in self.lex.cues["deadline_cues"]

    def tense(self, *, before_too: bool = True) -> int:
        """+1 future, -1 past, 0 unknown, from the nearest tense cue in the sentence."""
        return tense_at(self.text, self.start, self.end, self.lex, before_too=before_too)

    def day_value(self, day: date, pod: str | None = None) -> Resolution:
        """A day, or a part of it ("Friday night" = 2026-01-09TNI, type time)."""
        if pod:
            return Resolution("time", f"{fmt_day(day)}T{self.lex.parts_of_day[pod.lower()]}", "time")
        return Resolution("date", fmt_day(day), "day")
