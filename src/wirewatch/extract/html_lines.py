"""Paragraph-level news furniture the markup did not give away: "Read more: ..." links, photo credits,
newsletter prompts, stray date stamps and trailing "Related" sections.

Each rule only fires on short paragraphs, because real reporting sentences are long and the cost of
dropping one is higher than the cost of keeping a prompt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wirewatch.extract.html_lexicon import lexicon
from wirewatch.records import Boilerplate

_MAX_RELATED_LINE = 300
_MAX_CREDIT_LINE = 200
_MAX_CONTRIBUTOR_LINE = 300
_CONTRIBUTOR_TAIL = 3  # contributor lines close a story: only the last few paragraphs are tried
_MAX_META_LINE = 100
_MAX_PROMO_LINE = 250
_MAX_HEADLINE = 160
_MIN_HEADLINE, _MIN_HEADLINE_WORDS = 15, 3  # shorter items of a link list are menu entries, not headlines
_MAX_HEADING = 80
_SHORT_PROMO = 80  # a prompt this short needs no "you"/"our" to be recognised
_WORD = re.compile(r"\w+")
_TABLE_EDGES = re.compile(r"^[|\s]+|[|\s]+$")  # a one-cell table row comes out as "| text |"
_SENTENCE_END = re.compile(r"[.!?…:;\"“”»)]$")


@dataclass
class Lines:
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


def _heading(text: str) -> bool:
    """A "Related"/"Mehr zum Thema" label: a known heading, or a short line shaped like one."""
    if len(text) > _MAX_HEADING:
        return False
    cues = lexicon()
    folded = text.casefold()
    return (
        folded in cues.section_heading
        or folded.rstrip(" :") in cues.section_heading
        or bool(cues.section_pattern.search(text))
    )


def _headline_like(text: str) -> bool:
    return len(text) <= _MAX_HEADLINE and not _SENTENCE_END.search(text)


def _addresses_reader(text: str, size: int) -> bool:
    """Prompts talk to the reader ("Sign up for our newsletter"); reporting about subscriptions does not."""
    if size <= _SHORT_PROMO:
        return True
    return not lexicon().reader_words.isdisjoint(_WORD.findall(text.casefold()))


def _reason(text: str) -> tuple[str | None, str | None]:
    """(reason, related headline) for one paragraph; reason None keeps it."""
    cues = lexicon()
    size = len(text)
    if size <= _MAX_RELATED_LINE:
        found = cues.related_prefix.match(text)
        if found:
            headline = found.group(1).strip()
            return "related", headline if len(headline) >= _MIN_HEADLINE else None
        if cues.related_arrow.match(text):
            return "related", text.strip(" >►▶→➤⇒▸<")
    if size <= _MAX_CREDIT_LINE and cues.credit_line.search(text):
        return "credit", None
    if size <= _MAX_META_LINE and cues.meta_line.search(text):
        return "meta", None
    if size <= _MAX_PROMO_LINE and _addresses_reader(text, size) and cues.promo.search(text):
        return "promo", None
    return None, None


def _contributors(text: str) -> bool:
    """A newsroom credit line; only looked for at the end, where "Reporting by X" cannot open a story."""
    return len(text) <= _MAX_CONTRIBUTOR_LINE and bool(lexicon().contributor_line.search(text))


def filter_paragraphs(paragraphs: list[str]) -> Lines:
    """Split extracted paragraphs into body text, boilerplate (with reasons) and related headlines."""
    out = Lines()
    in_section = False
    for index, text in enumerate(paragraphs):
        text = _TABLE_EDGES.sub("", text) if text.startswith("|") else text
        if not text:
            continue
        if _heading(text):
            out.boilerplate.append(Boilerplate(text, "related"))
            in_section = True
            continue
        if in_section and _headline_like(text):
            out.boilerplate.append(Boilerplate(text, "related"))
            if len(text) >= _MIN_HEADLINE and len(text.split()) >= _MIN_HEADLINE_WORDS:
                out.related.append(text)
            continue
        in_section = False
        reason, headline = _reason(text)
        if reason is None and index >= len(paragraphs) - _CONTRIBUTOR_TAIL and _contributors(text):
            reason = "contributors"  # "(Reporting by ...; Editing by ...)": a credit, as on the text path
        if reason is None:
            out.paragraphs.append(text)
            continue
        out.boilerplate.append(Boilerplate(text, reason))
        if headline:
            out.related.append(headline)
    return out
