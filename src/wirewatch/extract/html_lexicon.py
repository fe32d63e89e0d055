"""The HTML extractor's cue lists (data/html_lexicon.json), loaded and compiled once per process."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_GROUP = re.compile(r"\([^()]*\)[?*]?|\[[^\]]*\][?*+]?|\\[a-z]|.[?*]")
_LITERAL = re.compile(r"[^\W\d_]{3,}")


def _gate(pattern: str) -> str | None:
    """The longest literal word every match must contain, or None when the pattern has none.

    Checking `word in line` first is a C-speed substring test; it spares running dozens of regular
    expressions over every paragraph (measured: ~150 µs -> ~5 µs per paragraph for the promo list).
    """
    words = _LITERAL.findall(_GROUP.sub(" ", pattern))
    return max(words, key=len).casefold() if words else None


class GatedPatterns:
    """Many alternative regular expressions, each tried only when its literal gate word is present."""

    def __init__(self, patterns: list[str]) -> None:
        self._items = [(_gate(p), re.compile(p, re.I)) for p in patterns]

    def search(self, text: str) -> bool:
        folded = text.casefold()
        return any((gate is None or gate in folded) and rx.search(text) for gate, rx in self._items)


@dataclass(frozen=True)
class Lexicon:
    noise_classes: dict[str, frozenset[str]]
    lead_classes: frozenset[str]
    related_prefix: re.Pattern[str]
    related_arrow: re.Pattern[str]
    section_heading: frozenset[str]
    section_pattern: re.Pattern[str]
    promo: GatedPatterns
    reader_words: frozenset[str]
    credit_line: re.Pattern[str]
    contributor_line: re.Pattern[str]
    caption_credit: tuple[re.Pattern[str], ...]
    meta_line: re.Pattern[str]
    byline_prefix: re.Pattern[str]


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(resources.files("wirewatch").joinpath("data", "html_lexicon.json").read_text("utf-8"))
    prefixes = sorted((re.escape(p.rstrip(":")) for p in raw["related_prefixes"]), key=len, reverse=True)
    bylines = sorted((re.escape(p) for p in raw["byline_prefixes"]), key=len, reverse=True)
    return Lexicon(
        noise_classes={kind: frozenset(words) for kind, words in raw["noise_classes"].items()},
        lead_classes=frozenset(raw["lead_classes"]),
        # a cue followed by a separator and a headline: "Read more: ...", "LEA TAMBIÉN » ..."
        related_prefix=re.compile(rf"^\W{{0,3}}(?:{'|'.join(prefixes)})\s*(?::|»|>|\||–|—|-)\s*(.*)$", re.I),
        related_arrow=re.compile(raw["related_arrows"]),
        section_heading=frozenset(h.casefold() for h in raw["section_headings"]),
        section_pattern=_alternation(raw["section_patterns"]),
        promo=GatedPatterns(raw["promo_patterns"]),
        reader_words=frozenset(raw["reader_words"]),
        credit_line=_alternation(raw["credit_line"]),
        contributor_line=_alternation(raw["contributor_line"]),
        caption_credit=tuple(re.compile(p, re.I) for p in raw["caption_credit"]),
        meta_line=_alternation(raw["meta_line"]),
        byline_prefix=re.compile(rf"^(?:{'|'.join(bylines)})\s*:?\s+(.+)$", re.I),
    )
