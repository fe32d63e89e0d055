"""The rule file, its macros and the scanner's guarantees."""

from __future__ import annotations

import pytest

from tests.temporal.helpers import times
from wirewatch.temporal.find import RESOLVERS
from wirewatch.temporal.grammar import grammar
from wirewatch.temporal.lexicon import parse_number


def test_every_rule_names_an_existing_resolver() -> None:
    rules = grammar().rules
    assert len(rules) > 20
    assert {r.resolver for r in rules} <= set(RESOLVERS)


def test_longest_match_wins_at_a_position() -> None:
    found = times("It ended on Thursday, Jan. 15, 2026 at noon.", "2026-01-20")
    assert [t.text for t in found][0] == "Thursday, Jan. 15, 2026"


def test_matches_never_cross_a_blank_line_or_start_inside_a_word() -> None:
    assert [t.text for t in times("It closed in March\n\n2024 was hard.", "2026-01-20")] == ["March", "2024"]
    assert times("Breathe in the nowhere years-long airspace.", "2026-01-20") == []


@pytest.mark.timeout(60)
def test_pathological_inputs_finish() -> None:
    # Catastrophic backtracking would hang here; pytest-timeout turns a hang into a failure.
    for text in ("a" + " " * 20_000 + "b", "one two three " * 2_000, ",".join(["123"] * 5_000)):
        assert isinstance(times(text, "2026-01-12"), list)


def test_number_words() -> None:
    assert parse_number("twenty-four") == 24
    assert parse_number("two hundred and thirty four") == 234
    assert parse_number("a dozen") == 12
    assert parse_number("one and a half") == 1.5
    assert parse_number("a half") == 0.5
    assert parse_number("1,500") == 1500
    assert parse_number("several") is None
