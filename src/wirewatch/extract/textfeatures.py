"""Per-line features of a scraped plain-text news page, and the labels a line's shape alone can justify.

Length, sentence punctuation, capitalisation, lexicon hits (`data/extract_boilerplate.json`), picture
credit and caption patterns (`data/extract_photo_credits.json`), dateline, byline and date lines. Context
(where the body is, what follows a credit) is left to `textlines`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from wirewatch.extract.dates import date_line_kind
from wirewatch.extract.news import (
    Dateline,
    Found,
    load_data,
    logo_outlet,
    parse_byline,
    parse_dateline,
    trailing_wire_credit,
    wire_credit_line,
)

_LEX_ORDER = ("related-cue", "call-to-action", "legal", "advertisement", "share", "comments", "navigation",
              "contributors")  # fmt: skip
_CAPTION_CUE = re.compile(r"^(?:image|photo|picture|video)?\s*caption\s*[,:]?$", re.I)


@dataclass
class Line:
    """One non-empty line with its features; the passes set `label`, `weak`, `score`, `paired_credit`."""

    index: int
    text: str
    block: int
    words: int
    ends_sentence: bool
    title_ratio: float
    upper_ratio: float
    hits: dict[str, int] = field(default_factory=dict)  # lexicon reason -> 2 whole line, 1 per phrase
    credit: str | None = None  # the whole line credits a picture
    caption_credit: tuple[str, str] | None = None  # (caption, credit) for "caption ... REUTERS/Name"
    caption_open: bool = False
    wires: list[str] | None = None
    dateline: Dateline | None = None
    byline: list[str] = field(default_factory=list)
    date_kind: str | None = None
    logo: Found | None = None
    inline_related: str | None = None
    short_run: int = 0
    label: str = ""
    weak: bool = False  # labelled on one lexicon word only; a body sentence may win it back
    score: float = 0.0
    paired_credit: str | None = None  # for captions: the credit line or trailing credit


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _Lexicon:
    phrases: dict[tuple[str, ...], str]  # phrase as a word tuple -> reason
    starts: dict[str, int]  # first word of a phrase -> words in the longest phrase it opens
    whole: dict[str, str]  # normalised whole line -> reason
    share_words: frozenset[str]
    stopwords: frozenset[str]


def norm_key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = load_data("extract_boilerplate.json")
    phrases: dict[tuple[str, ...], str] = {}
    whole: dict[str, str] = {}
    for reason in _LEX_ORDER:
        entry = data[reason]
        for phrase in entry["phrases"]:
            key = tuple(norm_key(phrase).split())
            if key:
                phrases.setdefault(key, reason)
        for ln in entry["lines"]:
            whole.setdefault(norm_key(ln), reason)
    share_words = frozenset(w for ln in data["share"]["lines"] for w in norm_key(ln).split())
    starts: dict[str, int] = {}
    for k in phrases:
        starts[k[0]] = max(starts.get(k[0], 0), len(k))
    return _Lexicon(phrases, starts, whole, share_words, frozenset(data["stopwords"]))


def _phrase_hits(words: list[str]) -> dict[str, int]:
    """Lexicon phrases in a normalised line, leftmost-longest and non-overlapping, counted per reason."""
    lex = lexicon()
    hits: dict[str, int] = {}
    i, n = 0, len(words)
    starts = lex.starts
    while i < n:
        longest = starts.get(words[i], 0)
        if not longest:
            i += 1
            continue
        for size in range(min(longest, n - i), 0, -1):
            reason = lex.phrases.get(tuple(words[i : i + size]))
            if reason:
                hits[reason] = hits.get(reason, 0) + 1
                i += size
                break
        else:
            i += 1
    return hits


@dataclass(frozen=True)
class _Credits:
    agency: str  # regex alternation of agencies, longest first
    label_only: re.Pattern[str]
    by_line: re.Pattern[str]
    slash_line: re.Pattern[str]
    bare: re.Pattern[str]
    trailing: tuple[re.Pattern[str], ...]
    opener: re.Pattern[str]


@lru_cache(maxsize=1)
def _credits() -> _Credits:
    data = load_data("extract_photo_credits.json")
    agency = "|".join(re.escape(a) for a in sorted(data["agencies"], key=len, reverse=True))
    labels = "|".join(re.escape(a) for a in sorted(data["labels"], key=len, reverse=True))
    openers = "|".join(re.escape(a) for a in sorted(data["caption_openers"], key=len, reverse=True))
    name = r"[\w.'\u2019&-]+(?: [\w.'\u2019&-]+){0,4}"
    return _Credits(
        agency=agency,
        label_only=re.compile(
            rf"^\(?(?:[A-Z]{{1,5}}\s+)?(?:{labels})\s*(?:credit)?\s*[:,|\-\u2013\u2014]\s*(?P<who>.{{1,80}}?)\)?$",
            re.I,
        ),
        by_line=re.compile(
            rf"^\(?(?:{labels})\s+(?:by|courtesy of|courtesy|from|via)\s+(?P<who>.{{2,80}}?)\)?$", re.I
        ),
        slash_line=re.compile(rf"^\(?(?P<who>{name}(?:\s*/\s*{name}){{1,3}})\)?$"),
        bare=re.compile(rf"^\(?(?:{name} (?:via|for) )?(?:{agency})(?: (?:via|for) {name})?\)?$", re.I),
        trailing=(
            re.compile(rf"\s(?P<credit>(?:{agency})(?:\s*/\s*[\w.'\u2019 -]{{2,40}}){{1,3}})\s*$", re.I),
            re.compile(rf"\s(?P<credit>[A-Z][\w.'\u2019 -]{{1,40}}/(?:{agency})(?: via [\w ]{{2,30}})?)\s*$"),
            re.compile(rf"\s*(?P<credit>\((?:(?:AP|AFP|Reuters) Photo|{labels})\b[^()]{{0,80}}\))\s*$", re.I),
            re.compile(rf"\s(?P<credit>(?:{labels})\s*(?:credit)?\s*:\s*[^.:]{{2,60}})\s*$", re.I),
            re.compile(rf"\s(?P<credit>(?:[\w.'\u2019 -]{{2,40}} )?(?:via|for) (?:{agency}))\s*$", re.I),
        ),
        opener=re.compile(rf"^(?:[A-Z]{{1,5}}\s+)?(?:{openers})", re.I),
    )


def _is_agencyish(who: str) -> bool:
    """A credit's "who" is a short name list, not a sentence: few words, no final full stop."""
    who = who.strip()
    if not who or len(who.split()) > 8 or who.endswith(("?", "!")):
        return False
    return not (who.endswith(".") and len(who.split()) > 3)


def credit_line(text: str) -> str | None:
    """The line itself when it only credits a picture ("PHOTO: REUTERS", "Jane Roe/Getty Images")."""
    c = _credits()
    m = c.label_only.match(text) or c.by_line.match(text)
    if m and _is_agencyish(m.group("who")):
        return text
    m = c.slash_line.match(text)
    if m and re.search(rf"(?i)(?<![\w])(?:{c.agency})(?![\w])", text) and "/" in text:
        return text
    if c.bare.match(text) and not wire_credit_line(text):
        return text  # a bare "REUTERS" is the story's wire credit until context says otherwise
    return None


def split_trailing_credit(text: str) -> tuple[str, str] | None:
    """(caption, credit) when a caption ends with its credit ("... 2025. AFP/Jane Roe/File Photo")."""
    cut = max(0, len(text) - 120)  # a credit is short: only the tail of the line can hold it
    tail = text[cut:]
    if not ("/" in tail or ":" in tail or tail.endswith(")") or " via " in tail or " for " in tail):
        return None
    for rx in _credits().trailing:
        m = rx.search(tail)
        if m and cut + m.start() > 10:
            caption, credit = text[: cut + m.start()].rstrip(" ,;-\u2013\u2014"), m.group("credit").strip()
            label = _LABEL_TAIL.search(caption)
            if label:  # "... announced. Photo: Jane Roe/Getty Images" -- the label belongs to the credit
                caption, credit = caption[: label.start()].rstrip(), f"{label.group(0).strip()} {credit}"
            if len(caption.split()) >= 3:
                return caption, credit
    return None


_LABEL_TAIL = re.compile(
    r"(?:\b[A-Z]{1,5}\s+)?\b(?:photo|photograph|picture|image|credit|foto)s?\s*(?:credit)?\s*:$", re.I
)


# --------------------------------------------------------------------------- features

_INLINE_RELATED = re.compile(
    r"^(?:read more|read also|also read|related story|related article|related|see also|more|read|watch"
    r"|listen)"
    r"\s*[:|\u2013\u2014>\u00bb-]\s*(?P<h>.{12,220})$",
    re.I,
)
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0391-\u03a9\u0410-\u042f]")
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_END_PUNCT = (".", "!", "?", "\u2026")
_CLOSERS = "\"'\u201c\u201d\u2018\u2019)]\u00bb\u00ab\u203a\u2039*"


def _ends_sentence(text: str) -> bool:
    t = text.rstrip()
    stripped = t.rstrip(_CLOSERS)
    if stripped.endswith(_END_PUNCT):
        return True
    if not t[-1:].isalpha() and not t.endswith(")"):
        return False
    # '... results". REUTERS' -- a wire signature after the last full stop still ends a sentence
    return trailing_wire_credit(t) is not None


def _features(index: int, text: str, block: int) -> Line:
    words = text.split()
    title_ratio = upper_ratio = 0.0
    if len(words) <= 30:  # only short lines can be titles, headlines or shouted teasers
        alpha = [w for w in _WORD.findall(text) if len(w) > 1 or w.isupper()]
        title_ratio = sum(w[0].isupper() for w in alpha) / len(alpha) if alpha else 0.0
        letters = len(_LETTER.findall(text))
        upper_ratio = len(_UPPER.findall(text)) / letters if letters else 0.0
    line = Line(index, text, block, len(words), _ends_sentence(text), title_ratio, upper_ratio)
    lex = lexicon()
    key = norm_key(text)
    if key in lex.whole:
        line.hits[lex.whole[key]] = 2
    elif len(words) <= 60:
        line.hits = _phrase_hits(key.split())
        if "\u00a9" in text:
            line.hits["legal"] = line.hits.get("legal", 0) + 1
    short = len(words) <= 14
    if short and key and all(w in lex.share_words for w in key.split()) and len(key.split()) >= 2:
        line.hits["share"] = 2
    if short:
        line.credit = credit_line(text)
        line.wires = wire_credit_line(text)
        line.logo = logo_outlet(text)
        line.byline = parse_byline(text)
    line.date_kind = date_line_kind(text) if len(text) <= 120 and _YEARISH.search(text) else None
    head = text[:90]
    if len(words) >= 4 and ("-" in head or "\u2013" in head or "\u2014" in head or ":" in head):
        line.dateline = parse_dateline(text)
    if not line.credit and len(words) <= 80:
        line.caption_credit = split_trailing_credit(text)
        line.caption_open = bool(_credits().opener.match(text)) and len(words) >= 4
    m = _INLINE_RELATED.match(text)
    if m and not m.group("h").rstrip().endswith("."):
        line.inline_related = m.group("h").strip()
    return line


def strong_label(line: Line) -> tuple[str, bool] | None:
    """(label, weak) from the line's own shape, or None when only its context can tell."""
    if line.logo:
        return "logo", False
    for reason in _LEX_ORDER:
        if line.hits.get(reason) == 2 and not (reason == "related-cue" and line.dateline):
            return reason, False
    if line.credit:
        return "credit", False
    if line.wires:
        return "wire", False
    if line.date_kind:
        return "date", False
    if line.byline and line.words <= 16:
        return "byline", False
    if line.inline_related:
        return "related", False
    if line.caption_credit or line.caption_open:
        return "caption", False
    if _CAPTION_CUE.match(line.text):
        return "caption-cue", False
    if line.hits:
        reason = max(_LEX_ORDER, key=lambda r: (line.hits.get(r, 0), -_LEX_ORDER.index(r)))
        total = sum(line.hits.values())
        if total >= 2 or not line.ends_sentence or line.words <= 6:
            return reason, False
        if line.words <= 16 or reason == "contributors":
            return reason, True
    shouted = line.upper_ratio >= 0.9 and line.words >= 4
    if shouted and not line.text.rstrip().endswith(".") and not line.dateline:
        return "teaser", False
    return None


# --------------------------------------------------------------------------- lines


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their blank-line block numbers; hard-wrapped paragraphs are joined first."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        stripped = " ".join(raw.split())
        if stripped:
            current.append(stripped)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    blocks = _unwrap(blocks)
    lines: list[Line] = []
    for b, block in enumerate(blocks):
        for t in block:
            lines.append(_features(len(lines), t, b))
    _mark_short_runs(lines)
    return lines


def _unwrap(blocks: list[list[str]]) -> list[list[str]]:
    """Join hard-wrapped lines (filled to ~70 columns) into paragraphs, for the whole dump or per block."""
    lengths = [len(t) for block in blocks for t in block if len(t.split()) >= 6]
    width = max(lengths, default=0)
    if len(lengths) >= 6 and width <= 100 and sum(n >= width - 20 for n in lengths) >= 0.5 * len(lengths):
        out: list[list[str]] = []
        for block in blocks:
            merged: list[str] = []
            for t in block:
                if merged and len(merged[-1]) >= width - 25 and not merged[-1].endswith(":"):
                    merged[-1] = merged[-1] + " " + t
                else:
                    merged.append(t)
            out.append(merged)
        return out
    return [_unwrap_block(block) for block in blocks]


_SOFT_END = (".", "!", "?", ":", ";", "\u2026", '"', "\u201d", ")")


def _unwrap_block(block: list[str]) -> list[str]:
    """One block: wrapped when its lines share a width, rarely end a sentence and often continue in lower
    case; otherwise only a line that runs on into a lower-case line is joined."""
    if len(block) < 2:
        return block
    inner = [len(t) for t in block[:-1]]
    open_ends = sum(not t.endswith(_SOFT_END) for t in block[:-1])
    lower_starts = sum(t[:1].islower() for t in block[1:])
    wrapped = (
        len(block) >= 3
        and min(inner) >= 40
        and max(inner) <= 100
        and max(inner) - min(inner) <= 35
        and open_ends * 3 >= 2 * len(inner)
        and lower_starts * 3 >= len(inner)
    )
    merged = [block[0]]
    prev = block[0]
    for t in block[1:]:
        if wrapped:
            join = not (prev.endswith(_SOFT_END) and len(prev) < 0.8 * max(inner))
        else:
            join = t[:1].islower() and len(prev) >= 30 and not prev.endswith(_SOFT_END)
        if join:
            merged[-1] = merged[-1] + " " + t
        else:
            merged.append(t)
        prev = t
    return merged


def _mark_short_runs(lines: list[Line]) -> None:
    """Menus are runs of very short unpunctuated lines; each line learns the length of its run."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].words <= 3 and not lines[j].ends_sentence:
            j += 1
        for k in range(i, j):
            lines[k].short_run = j - i
        i = max(j, i + 1)


__all__ = [
    "Line",
    "credit_line",
    "lexicon",
    "norm_key",
    "split_lines",
    "split_trailing_credit",
    "strong_label",
]
