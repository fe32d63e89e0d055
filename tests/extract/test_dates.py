"""Publication dates read from a page's own words, with honest precision."""

from __future__ import annotations

import pytest

from wirewatch.extract.dates import copyright_year, date_line_kind, find_published, parse_date


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("Published: Nov 3, 2026", "2026-11-03", "day"),
        ("Tuesday, January 13, 2026 5:30 PM", "2026-01-13", "day"),
        ("2026-01-13T05:00:00Z", "2026-01-13", "day"),
        ("13/01/2026", "2026-01-13", "day"),
        ("3.11.2026", "2026-11-03", "day"),
        ("le 3 janvier 2026", "2026-01-03", "day"),
        ("Publicado el 3 de noviembre de 2026", "2026-11-03", "day"),
        ("January 2026", "2026-01", "month"),
    ],
)
def test_parse_date(text: str, date: str, precision: str) -> None:
    found = parse_date(text)
    assert found is not None and (found.date, found.precision) == (date, precision)


@pytest.mark.parametrize("text", ["03/01/2026", "Feb 30, 2026", "said on Jan 12", "Published 2 hours ago"])
def test_no_date_when_ambiguous_or_invalid(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Published: Nov 3, 2026", "published"),
        ("Updated 3:05 PM, Nov 3, 2026", "updated"),
        ("Jan 13, 2026 05:30 am SGT", "date"),
        ("13 Jan 2026 | 5:30 pm", "date"),
        ("Officials met on Jan 13, 2026 to discuss the budget for next year", None),
    ],
)
def test_date_line_kind(line: str, kind: str | None) -> None:
    assert date_line_kind(line) == kind


def test_published_line_beats_updated_and_copyright() -> None:
    pub = find_published(["Updated Nov 4, 2026", "Published Nov 3, 2026", "© 2026 Example Ltd"])
    assert (pub.date, pub.precision, pub.source) == ("2026-11-03", "day", "text")
    assert pub.evidence == "Published Nov 3, 2026"


def test_updated_line_is_used_when_nothing_else_dates_the_page() -> None:
    pub = find_published(["Updated 3:05 PM, Nov 3, 2026", "© 2026 Example Ltd"])
    assert pub.date == "2026-11-03"


def test_full_date_in_dateline() -> None:
    pub = find_published(["Home"], "WASHINGTON, Nov 3, 2026 (Reuters) -")
    assert (pub.date, pub.precision) == ("2026-11-03", "day")


def test_dateline_without_year_does_not_invent_one() -> None:
    pub = find_published(["© 2026 Example Ltd"], "WASHINGTON, Nov 3 (Reuters) -")
    assert (pub.date, pub.precision) == ("2026", "year")


def test_copyright_year_gives_year_precision() -> None:
    assert copyright_year("Copyright © 2001-2026 Example Media Limited") == "2026"
    pub = find_published(["Reg (P) 046/10/2025. Copyright © 2026 Example Media Ltd. All rights reserved."])
    assert (pub.date, pub.precision) == ("2026", "year")


def test_nothing_said_means_unknown() -> None:
    pub = find_published(["Home", "World", "The minister said on Jan 12, 2026 that talks would go on."])
    assert pub.date is None and pub.precision == "unknown" and pub.evidence is None
