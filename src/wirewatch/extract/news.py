"""News metadata shared by the text and HTML paths: wire credit, dateline, byline, outlet, date, language.

Every finder returns its value together with the text that told it (the evidence), or None.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    value: str
    evidence: str


def find_wire(paragraphs: list[str]) -> tuple[Found | None, list[str]]:
    """Trailing/leading wire credits ("... results\". REUTERS", "(AP) —", "— AFP").

    Returns the wire (canonical name: Reuters, AP, AFP, Bloomberg, dpa, EFE, Xinhua, ...) and the
    paragraphs with the credit removed from the text.
    """
    raise NotImplementedError


def find_dateline(paragraphs: list[str]) -> tuple[Found | None, list[str]]:
    """Dateline at the start of the first body paragraph ("MEXICO CITY -", "WASHINGTON (Reuters) -").

    The dateline stays in the body text (offsets stay honest); only the value is reported.
    """
    raise NotImplementedError


def find_byline(lines: list[str]) -> list[Found]:
    """Bylines ("By Jane Doe and John Roe", "Jane Doe | Reuters")."""
    raise NotImplementedError


def find_outlet(lines: list[str], url: str | None) -> tuple[Found | None, Found | None]:
    """(outlet, publisher) from logo lines, copyright/publisher lines, site names or the URL host."""
    raise NotImplementedError


def find_language(text: str) -> str | None:
    """ISO 639-1 language of the text, or None when too short to tell."""
    raise NotImplementedError
