"""One happening, many reports: match event reports into canonical events.

Two reports are the same act when they have the same PLOVER type, compatible factuality, compatible
parties and overlapping dates (each date is an interval at its own precision: 2026-11 covers the month).
Blocking: reports are only compared within (type, factuality class, country set), so cost grows with
the size of a block, not the corpus.

Undated reports (the article's date is unknown, or the text gives none) are the hard case: an undated
call is not evidence of the same call as a dated one. It joins a dated canonical event only on strong
grounds: its article is a copy or update of one already reporting that event, or it is in the same
article (a headline, a caption and the body telling one act), or the same story with the same mode, the
same actor set and a near-identical evidence sentence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

FACT_CLASS = {
    "asserted": "real",
    "reported": "real",
    "historical": "real",
    None: "real",
    "negated": "negated",
    "hypothetical": "irreal",
    "threatened": "irreal",
}
FACT_RANK = ("asserted", "reported", "historical", "negated", "threatened", "hypothetical")
STRONG_SENTENCE = 0.9  # word-set overlap of evidence sentences that lets an undated report join
GENERIC_PREFIXES = ("state:", "gov:", "group:unk")


@dataclass
class Report:
    """One event as one article told it (a row of the events table)."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    factuality: str | None
    date: str | None
    precision: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    countries: tuple[str, ...]
    sentence: str = ""
    story_id: str | None = None
    group_id: str | None = None  # duplicate group of the article (copies and updates share one)

    def block(self) -> tuple[str, str, tuple[str, ...]]:
        return (self.type, FACT_CLASS.get(self.factuality, "real"), tuple(sorted(set(self.countries))))

    @property
    def actors(self) -> set[str]:
        return set(self.source) | set(self.target)


@dataclass
class Canonical:
    id: str
    block: tuple[str, str, tuple[str, ...]]
    reports: list[Report] = field(default_factory=list)

    @property
    def dated(self) -> list[Report]:
        return [r for r in self.reports if r.date]

    def best_date(self) -> tuple[str | None, str | None]:
        """The most precise date the reports agree on (most reports, then most precise)."""
        dated = self.dated
        if not dated:
            return None, None
        counts: dict[str, int] = {}
        for r in dated:
            counts[r.date or ""] = counts.get(r.date or "", 0) + 1
        best = max(counts, key=lambda d: (counts[d], len(d), d))
        prec = next(r.precision for r in dated if r.date == best)
        return best, prec

    def factuality(self) -> str:
        facts = [r.factuality or "asserted" for r in self.reports]
        return min(facts, key=lambda f: FACT_RANK.index(f) if f in FACT_RANK else 99)


def canonical_id(event_id: str) -> str:
    return "ce_" + hashlib.sha1(event_id.encode()).hexdigest()[:16]


def interval(value: str | None) -> tuple[int, int] | None:
    """A date at its precision as a (first day, last day) interval of ordinals; None if unknown."""
    if not value:
        return None
    try:
        if len(value) == 10:
            d = dt.date.fromisoformat(value).toordinal()
            return d, d
        if "-W" in value:
            y, w = value.split("-W")
            start = dt.date.fromisocalendar(int(y), int(w[:2]), 1).toordinal()
            return start, start + 6
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            first = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        if len(value) == 4:
            y = int(value)
            return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
    except ValueError:
        return None
    return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return False
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def actors_compatible(a: Report, b: Report) -> bool:
    """Same parties: a shared specific actor, or one side named only as a state or government."""
    if set(a.countries) != set(b.countries):
        return False
    aa, bb = a.actors, b.actors
    if aa & bb:
        # every specific (named) actor on one side must not contradict the other within a country
        return True
    generic_a = all(x.startswith(GENERIC_PREFIXES) for x in aa)
    generic_b = all(x.startswith(GENERIC_PREFIXES) for x in bb)
    return bool(a.countries) and (generic_a or generic_b)


def _words(s: str) -> set[str]:
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in s).split() if len(w) > 2}


def sentence_overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def same_act(r: Report, c: Canonical) -> bool:
    """Does report r tell the act that canonical event c stands for?"""
    if not any(actors_compatible(r, x) for x in c.reports):
        return False
    if r.date:
        dated = c.dated
        if dated:
            return all(dates_compatible(r.date, x.date) for x in dated)
        return any(_strong(x, r) for x in c.reports)  # c undated so far: r must be strongly tied to it
    return any(_strong(r, x) for x in c.reports)


def _strong(undated: Report, other: Report) -> bool:
    if undated.article_id == other.article_id:
        return undated.actors == other.actors or actors_compatible(undated, other)
    if undated.group_id and undated.group_id == other.group_id:
        return True
    return (
        undated.story_id is not None
        and undated.story_id == other.story_id
        and undated.mode == other.mode
        and undated.actors == other.actors
        and sentence_overlap(undated.sentence, other.sentence) >= STRONG_SENTENCE
    )


class CanonicalIndex:
    """Canonical events by block; `add` files a report under an existing event or starts one."""

    def __init__(self) -> None:
        self.by_block: dict[tuple[str, str, tuple[str, ...]], list[Canonical]] = {}
        self.of_report: dict[str, str] = {}
        self.events: dict[str, Canonical] = {}

    def load(self, c: Canonical) -> None:
        self.events[c.id] = c
        self.by_block.setdefault(c.block, []).append(c)
        for r in c.reports:
            self.of_report[r.event_id] = c.id

    def add(self, r: Report) -> tuple[str, bool]:
        """(canonical id, whether it is new)."""
        if r.event_id in self.of_report:
            return self.of_report[r.event_id], False
        block = self.by_block.setdefault(r.block(), [])
        # prefer a match in the same article, then the same duplicate group, then the same story
        ranked = sorted(
            block,
            key=lambda c: (
                not any(x.article_id == r.article_id for x in c.reports),
                not any(r.group_id and x.group_id == r.group_id for x in c.reports),
                not any(r.story_id and x.story_id == r.story_id for x in c.reports),
            ),
        )
        for c in ranked:
            if same_act(r, c):
                c.reports.append(r)
                self.of_report[r.event_id] = c.id
                return c.id, False
        c = Canonical(id=canonical_id(r.event_id), block=r.block(), reports=[r])
        block.append(c)
        self.events[c.id] = c
        self.of_report[r.event_id] = c.id
        return c.id, True
