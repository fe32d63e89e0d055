"""Read TimeML documents (TimeBank, AQUAINT): the publication date, the plain text, and the gold
TIMEX3 spans with offsets into that plain text."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

_DCT = re.compile(r"<DCT>\s*<TIMEX3\b[^>]*\bvalue=\"([^\"]*)\"", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_PIECE = re.compile(r"<(/?)(\w+)([^>]*)>|&#?\w+;|[^<&]+|[<&]")
_ATTR = re.compile(r"(\w+)=\"([^\"]*)\"")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str


@dataclass(frozen=True)
class TimeMLDoc:
    name: str
    subset: str
    dct: str | None
    text: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    """Strip the markup inside <TEXT>, unescape entities, and keep each TIMEX3 as offsets into the result."""
    raw = path.read_text("utf-8")
    dct_match = _DCT.search(raw)
    dct = dct_match[1][:10] if dct_match else None
    body_match = _TEXT.search(raw)
    body = body_match[1] if body_match else ""
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    gold: list[GoldTimex] = []
    for m in _PIECE.finditer(body):
        if m[2]:
            if m[2] == "TIMEX3":
                if m[1]:
                    begin, attrs = open_timex.pop()
                    text = "".join(out)[begin:length]
                    gold.append(GoldTimex(begin, length, text, attrs.get("type", ""), attrs.get("value", "")))
                elif not m[3].rstrip().endswith("/"):
                    open_timex.append((length, dict(_ATTR.findall(m[3]))))
            continue
        piece = html.unescape(m[0]) if m[0].startswith("&") else m[0]
        out.append(piece)
        length += len(piece)
    return TimeMLDoc(
        path.stem, path.parent.name, dct, "".join(out), tuple(sorted(gold, key=lambda g: g.start))
    )
