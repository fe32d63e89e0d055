"""First-character dispatch: what each rule can start with, and the same starts as one full alternation."""

from __future__ import annotations

import re

from wirewatch.temporal.grammar import FLAGS, grammar
from wirewatch.temporal.starts import ALL, OTHER, bucket, rule_starts

# Written for this test: dates, spans and clock times in several shapes, typographic quotes and a
# non-ASCII letter that case-insensitive matching folds onto an ASCII one ("ſ" is a long s).
TEXT = (
    "“Last week,” the envoy said on Tue. Jan. 6, talks that began in the '90s resumed; by 3:30 p.m. "
    "EST two dozen delegates had left. In fiscal 2025's second quarter and over the past few "
    "months, twice a year, every other Friday, the day before yesterday, at midnight, Q3 2024, "
    "ſummer 2021 and the early 1980s came up, as did 12/31/2024 and 2024-12-31T10:00."
)


def test_first_characters_are_read_from_the_regex() -> None:
    starts = rule_starts(re.compile(r"(?:the\s+)?year|\d+\s+days", re.IGNORECASE))
    assert starts == {"t", "y", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", OTHER}
    assert rule_starts(re.compile(r"(?<!\w)[12]\d{3}")) == {"1", "2"}


def test_unknown_or_empty_starts_widen_to_everything() -> None:
    assert rule_starts(re.compile(r".year")) is ALL
    assert rule_starts(re.compile(r"(?:early\s)?")) is ALL  # can match nothing
    assert rule_starts(re.compile(r"[^a]x")) is ALL


def test_buckets_fold_ascii_case_and_group_the_rest() -> None:
    assert bucket("T") == bucket("t") == "t"
    assert bucket("é") == bucket("“") == OTHER


def _full_alternation_starts(text: str) -> list[tuple[int, list[str]]]:
    gram = grammar()
    full = re.compile("(?<!\\w)(?:" + "\n|".join(f"(?:{b}\n)" for b in gram.branches) + "\n)", FLAGS)
    out, pos = [], 0
    while (m := full.search(text, pos)) is not None:
        found = gram._rules_at(text, m.start())
        if found:
            out.append((m.start(), [rule.name for rule, _ in found]))
        pos = m.start() + 1
    return out


def test_dispatch_finds_what_the_full_alternation_finds() -> None:
    gram = grammar()
    out, pos = [], 0
    while (hit := gram.matches_at(TEXT, pos)) is not None:
        out.append((hit[0], [rule.name for rule, _ in hit[1]]))
        pos = hit[0] + 1
    assert out == _full_alternation_starts(TEXT)
    assert len(out) > 15
