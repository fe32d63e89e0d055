"""Which rules can start at a character: the grammar's first-character dispatch.

Searching one alternation of every rule tries all of them at every word start, which made the scanner
the temporal stage's main cost. Here each rule's possible first characters are read from its parsed
regex (Python's own `re` parser), as a superset: anything not understood counts as "any character", a
zero-width assertion as nothing, an optional part lets the next one count too. A position is then tried
only against the rules that can start with its character, so the positions found are exactly those the
full alternation finds.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from re import _constants as sre  # noqa: PLC2701 - the parser's opcodes; stable within a Python version
from re import _parser as sre_parse  # noqa: PLC2701

# Characters are bucketed: ASCII characters by their lowercase form, everything else together.
OTHER = "\x00other"
ALL: frozenset[str] = frozenset({"\x00all"})
_SPACES = frozenset(" \t\n\r\x0b\x0c")
_DIGITS = frozenset(string.digits)


def bucket(char: str) -> str:
    return char.lower() if char < "\x80" else OTHER


def _chars(chars: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for c in chars:
        out.add(bucket(c))
        if c.isalpha():
            out.add(OTHER)  # case-insensitive matching folds a few non-ASCII letters onto ASCII ones
    return out


def _charset(items: Sequence[tuple]) -> set[str] | frozenset[str]:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out |= _chars(chr(av))
        elif op is sre.RANGE:
            lo, hi = av
            if hi - lo > 256:
                return ALL
            out |= _chars(chr(c) for c in range(lo, hi + 1))
        elif op is sre.CATEGORY and av in (sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT):
            out |= set(_DIGITS) | {OTHER}
        elif op is sre.CATEGORY and av in (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE):
            out |= set(_SPACES) | {OTHER}
        else:  # NEGATE, word classes, anything unexpected
            return ALL
    return out


def first_chars(items: Sequence[tuple]) -> tuple[set[str] | frozenset[str], bool]:
    """Buckets a match of this parsed sequence can begin with, and whether it can match empty."""
    found: set[str] = set()
    for op, av in items:
        nullable = False
        if op is sre.LITERAL:
            here: set[str] | frozenset[str] = _chars(chr(av))
        elif op is sre.IN:
            here = _charset(av)
        elif op is sre.BRANCH:
            here, nullable = set(), False
            for alternative in av[1]:
                chars, empty = first_chars(alternative)
                here = ALL if chars is ALL or here is ALL else here | chars
                nullable = nullable or empty
        elif op is sre.SUBPATTERN:
            here, nullable = first_chars(av[3])
        elif op is sre.ATOMIC_GROUP:
            here, nullable = first_chars(av)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            here, nullable = first_chars(av[2])
            nullable = nullable or av[0] == 0
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            here, nullable = set(), True  # zero width: ignoring the condition only widens the set
        else:  # ANY, NOT_LITERAL, group references, anything unexpected
            return ALL, False
        if here is ALL:
            return ALL, False
        found |= here
        if not nullable:
            return found, False
    return found, True


def rule_starts(pattern: re.Pattern[str]) -> set[str] | frozenset[str]:
    """Buckets a non-empty match of `pattern` can begin with (ALL when that cannot be narrowed)."""
    chars, empty = first_chars(sre_parse.parse(pattern.pattern, pattern.flags))
    return ALL if empty else chars
