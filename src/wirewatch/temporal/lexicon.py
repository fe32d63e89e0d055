"""The shipped temporal word lists (data/temporal_*.json), loaded once per process.

Kept as data so a missing month abbreviation or holiday is a one-line edit, not a code change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    return resources.files("wirewatch").joinpath(f"data/{name}").read_text("utf-8")


def _read_json(name: str) -> dict[str, Any]:
    return json.loads(read_text(name))


@dataclass(frozen=True)
class Unit:
    letter: str  # TimeML duration letter
    factor: int  # a decade is 10 years
    time: bool  # goes after the T in a duration
    precision: str  # precision of a date counted in this unit


@dataclass(frozen=True)
class Holiday:
    names: tuple[str, ...]
    fixed: tuple[int, int] | None = None
    nth_weekday: tuple[int, int, int] | None = None
    easter: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    months_need_context: frozenset[str]
    weekdays: dict[str, int]
    weekdays_need_dot: frozenset[str]
    number_words: dict[str, float]
    number_multipliers: dict[str, int]
    vague_quantities: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    unit_plurals: dict[str, str]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    decade_words: dict[str, int]
    set_adverbs: dict[str, str]
    time_zones: tuple[str, ...]
    approximators: tuple[str, ...]
    part_modifiers: dict[str, str]
    cue_prepositions: frozenset[str]
    clause_words: frozenset[str]
    cues: dict[str, frozenset[str]]
    references: dict[str, str]
    reference_blockers: dict[str, tuple[str, ...]]
    future_cues: tuple[tuple[str, ...], ...]
    past_cues: frozenset[str]
    reporting_verbs: frozenset[str]
    holidays: tuple[Holiday, ...]

    @cached_property
    def full_month_names(self) -> frozenset[str]:
        """Names that are not an abbreviation of a longer one ("May" yes, "Jan" no)."""
        return frozenset(m for m in self.months if not any(o != m and o.startswith(m) for o in self.months))

    def month(self, word: str) -> int | None:
        """Month number of a (possibly abbreviated, dotted) name."""
        return self.months.get(word.rstrip(".").title())

    def weekday(self, word: str) -> int | None:
        return self.weekdays.get(word.rstrip(".").title())

    def unit(self, word: str) -> Unit | None:
        """Unit of a singular or plural unit word."""
        word = word.lower()
        word = self.unit_plurals.get(word, word)
        if word not in self.units and word.endswith("s"):
            word = word[:-1]
        return self.units.get(word)

    def holiday(self, name: str) -> Holiday | None:
        return next((h for h in self.holidays if name in h.names), None)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Parse the data files once per process."""
    lex = _read_json("temporal_lexicon.json")
    refs = _read_json("temporal_references.json")
    hol = _read_json("temporal_holidays.json")
    return Lexicon(
        months=dict(lex["months"]),
        months_need_context=frozenset(lex["months_need_context"]),
        weekdays=dict(lex["weekdays"]),
        weekdays_need_dot=frozenset(lex["weekdays_need_dot"]),
        number_words=dict(lex["number_words"]),
        number_multipliers=dict(lex["number_multipliers"]),
        vague_quantities=tuple(lex["vague_quantities"]),
        ordinals=dict(lex["ordinals"]),
        units={k: Unit(**v) for k, v in lex["units"].items()},
        unit_plurals=dict(lex["unit_plurals"]),
        parts_of_day=dict(lex["parts_of_day"]),
        seasons=dict(lex["seasons"]),
        decade_words=dict(lex["decade_words"]),
        set_adverbs=dict(lex["set_adverbs"]),
        time_zones=tuple(lex["time_zones"]),
        approximators=tuple(lex["approximators"]),
        part_modifiers=dict(lex["part_modifiers"]),
        cue_prepositions=frozenset(lex["cue_prepositions"]),
        clause_words=frozenset(lex["clause_words"]),
        cues={k: frozenset(v) for k, v in lex["cue_sets"].items() if not k.startswith("_")},
        references=dict(refs["references"]),
        reference_blockers={
            k: tuple(v) for k, v in refs["reference_blockers"].items() if not k.startswith("_")
        },
        future_cues=tuple(tuple(c.split()) for c in refs["future_cues"]),
        past_cues=frozenset(refs["past_cues"]),
        reporting_verbs=frozenset(refs["reporting_verbs"]),
        holidays=tuple(
            Holiday(
                names=tuple(h["names"]),
                fixed=tuple(h["fixed"]) if "fixed" in h else None,
                nth_weekday=tuple(h["nth_weekday"]) if "nth_weekday" in h else None,
                easter=h.get("easter"),
                offset=h.get("offset", 0),
            )
            for h in hol["holidays"]
        ),
    )


_NUMBER_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?", re.I)


def parse_number(text: str) -> float | None:
    """'48' -> 48, 'twenty-four' -> 24, 'a' -> 1, 'two hundred' -> 200, 'one and a half' -> 1.5."""
    try:
        return float(text.replace(",", "").strip())
    except ValueError:
        pass
    lex = lexicon()
    total, current, seen = 0.0, 0.0, False
    tokens = [t.lower() for t in _NUMBER_TOKEN.findall(text)]
    for i, token in enumerate(tokens):
        previous = tokens[i - 1] if i else ""
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in ("and", "of") or (token in ("a", "an") and following == "half"):
            continue  # "one and a half", "a half hour": the article belongs to "half"
        if token in lex.number_multipliers:
            current = max(current, 1.0) * lex.number_multipliers[token]
            if lex.number_multipliers[token] >= 1000:
                total, current = total + current, 0.0
        elif token == "half":
            current = current + 0.5 if current >= 1 else 0.5
        elif token in ("dozen", "couple") and current == 1 and previous in ("a", "an"):
            current = lex.number_words[token]
        elif token in lex.number_words:
            current += lex.number_words[token]
        else:
            return None
        seen = True
    return total + current if seen else None
