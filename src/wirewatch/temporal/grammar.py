"""The surface grammar: rules from data/temporal_patterns.ini, macros from the lexicon, one scanner.

Fast path: a one-character scan finds word starts whose first character some rule can begin with
(temporal/starts.py reads that from each rule's regex); there an alternation of only those rules says
whether any time expression starts, and only then are the rules tried one by one; the longest match
wins.
"""

from __future__ import annotations

import configparser
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from wirewatch.temporal.lexicon import Lexicon, lexicon, read_text
from wirewatch.temporal.starts import ALL, OTHER, bucket, rule_starts

FLAGS = re.IGNORECASE | re.VERBOSE
# Whitespace inside an expression: spaces and at most one line break (never across a blank line).
# Atomic, so a long run of blanks is consumed once and never re-split by backtracking.
SPACE = r"(?=\s)(?>[^\S\n]*+\n?+[^\S\n]*+)"
# Longest spelled-out number, in words after the first ("two hundred and thirty four").
MAX_NUMBER_WORDS = 5
_MACRO = re.compile(r"\{([a-z_]+)\}")
_GROUP = re.compile(r"\(\?P<(\w+)>")


@dataclass(frozen=True)
class Rule:
    name: str
    resolver: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Grammar:
    rules: tuple[Rule, ...]
    branches: tuple[str, ...]  # each rule's pattern without named groups, for the alternations
    by_bucket: dict[str, tuple[int, ...]]  # first-character bucket -> rules that can start with it
    candidates: re.Pattern[str]  # a word start whose first character begins some rule
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict)  # per bucket, on first use

    def matches_at(self, text: str, pos: int) -> tuple[int, list[tuple[Rule, re.Match[str]]]] | None:
        """The next start position at or after `pos` and every rule match there, longest first."""
        for hit in self.candidates.finditer(text, pos):
            start = hit.start()
            key = bucket(text[start])
            alternation = self.compiled.get(key)
            if alternation is None:
                if key not in self.by_bucket:
                    continue
                rules = tuple(self.branches[i] for i in self.by_bucket[key])
                alternation = self.compiled[key] = _start_finder(rules)
            if alternation.match(text, start):
                found = self._rules_at(text, start)
                if found:
                    return start, found
        return None

    def _rules_at(self, text: str, start: int) -> list[tuple[Rule, re.Match[str]]]:
        found: list[tuple[Rule, re.Match[str]]] = []
        for rule in self.rules:
            m = rule.regex.match(text, start)
            if m is None or m.end() == start:
                continue
            end = m.end()
            if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                continue  # the match stops inside a word
            found.append((rule, m))
        found.sort(key=lambda pair: pair[1].end(), reverse=True)  # stable: rule order breaks ties
        return found


def _alternation(words: Iterable[str], *, space: str = SPACE) -> str:
    """A regex alternation of literal phrases, longest first, with flexible inner whitespace."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", space) for w in parts)


def _cased(words: Iterable[str]) -> list[str]:
    """Title case and all capitals, so names stay names ("May", "MAY") but "may" does not."""
    return [v for w in words for v in (w, w.upper())]


def macros(lex: Lexicon) -> dict[str, str]:
    """Regex fragments named in the pattern file; each is a non-capturing group."""
    full = [m for m in lex.months if not any(o != m and o.startswith(m) for o in lex.months)]
    short = [m for m in lex.months if m not in full]
    days_full = [d for d in lex.weekdays if d not in lex.weekdays_need_dot]
    counted = [w for w in lex.number_words if w not in ("a", "an")]
    numword = rf"\b(?:{_alternation(counted)})\b"
    more_words = rf"(?:(?:{SPACE}|-)(?:and{SPACE})?{numword}|{SPACE}and{SPACE}a{SPACE}half\b)"
    article = rf"\ban?\b(?:{SPACE}(?:{_alternation(lex.number_multipliers)}|dozen|half)\b)?"
    dotted = lex.weekdays_need_dot
    digits = r"\b\d+(?:,\d{3}){0,4}(?:\.\d+)?"
    spelled = rf"{numword}{more_words}{{0,{MAX_NUMBER_WORDS}}}"
    units = list(lex.units)
    plurals = [p for p in lex.unit_plurals] + [u + "s" for u in units if u not in lex.unit_plurals.values()]
    holiday_names = [n for h in lex.holidays for n in h.names]
    return {
        "s": SPACE,
        "month": rf"(?-i:\b(?:{_alternation(_cased(full))})\b|\b(?:{_alternation(_cased(short))})\b\.?)",
        "weekday": rf"(?-i:\b(?:{_alternation(_cased(days_full))})\b|\b(?:{_alternation(_cased(dotted))})\.)",
        "numword": numword,
        "num": rf"(?:{digits}|a{SPACE}couple{SPACE}of|{article}|{spelled})",
        "weekday_pl": rf"(?-i:\b(?:{_alternation(_cased(d + 's' for d in days_full))})\b)",
        "vague": rf"(?:\b(?:{_alternation(lex.vague_quantities)})\b)",
        "unit": rf"(?:{_alternation(units)})",
        "unit_pl": rf"(?:{_alternation(plurals)})",
        "year": r"(?:\b[12]\d{3})",
        "day": r"(?:\b(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)",
        "pod": rf"(?:{_alternation(lex.parts_of_day)})",
        "season": rf"(?:{_alternation(lex.seasons)})",
        "ordinal": rf"(?:\b(?:{_alternation(lex.ordinals)}))",
        "approx": rf"(?:\b(?:{_alternation(lex.approximators)}))",
        "tz": rf"(?-i:{_alternation(lex.time_zones)})",
        "decword": rf"(?:{_alternation(lex.decade_words)})",
        "setadv": rf"(?:{_alternation(lex.set_adverbs)})",
        "holiday": rf"(?-i:{_alternation(holiday_names)})",
        "reference": rf"(?:{_alternation(lex.references)})",
        "partmod": rf"(?:{_alternation(lex.part_modifiers)})",
    }


def expand(pattern: str, table: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        if m[1] not in table:
            raise KeyError(f"unknown macro {{{m[1]}}} in data/temporal_patterns.ini")
        return table[m[1]]

    return _MACRO.sub(sub, pattern)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Compile the rule file once per process."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(read_text("temporal_patterns.ini"))
    table = macros(lexicon())
    rules: list[Rule] = []
    branches: list[str] = []
    for name in parser.sections():
        section = parser[name]
        pattern = expand(section["pattern"], table)
        rules.append(Rule(name, section["resolve"], re.compile(pattern, FLAGS)))
        branches.append(_GROUP.sub("(?:", pattern))  # the alternations only find starts; no groups needed
    starts = [rule_starts(rule.regex) for rule in rules]
    keys = {k for chars in starts if chars is not ALL for k in chars} | set(map(chr, range(128))) | {OTHER}
    by_bucket = {k: tuple(i for i, chars in enumerate(starts) if chars is ALL or k in chars) for k in keys}
    ascii_keys = sorted(k for k, found in by_bucket.items() if found and k != OTHER)
    cls = "".join(re.escape(c) + (re.escape(c.upper()) if c.isalpha() else "") for c in ascii_keys)
    if by_bucket.get(OTHER):
        cls += "\x80-\U0010ffff"
    # Expressions start where no word character precedes.
    candidates = re.compile(f"(?<!\\w)[{cls}]" if cls else "(?!)")
    return Grammar(tuple(rules), tuple(branches), {k: v for k, v in by_bucket.items() if v}, candidates)


@lru_cache(maxsize=256)
def _start_finder(branches: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of rule patterns (buckets share few distinct rule sets, so compile each once)."""
    return re.compile("(?<!\\w)(?:" + "\n|".join(f"(?:{b}\n)" for b in branches) + "\n)", FLAGS)
