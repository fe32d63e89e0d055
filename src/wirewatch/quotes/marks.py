"""Quotation-mark spans in a body: curly and straight marks, quotes running across paragraphs,
unbalanced marks.

Pairing is done on the raw text, before parsing, because the parser splits long quotations into
sentences and loses which words were inside the marks.
"""

from __future__ import annotations

OPEN_DOUBLE = "\u201c\u201e\u00ab"
CLOSE_DOUBLE = "\u201d\u00bb"
OPEN_SINGLE = "\u2018"
CLOSE_SINGLE = "\u2019"
OPENERS_BEFORE = " \n\t([{\u2014\u2013-/:"
ALL_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + '"'
EDGE_MARKS = ALL_MARKS + "'`"  # characters a quotation span may start or end with (''typewriter'' marks)


def is_mark(token_text: str) -> bool:
    """A token that is a quotation mark: one mark character, or typewriter \'\' / `` (one token in spaCy)."""
    return token_text in ("''", "``") or (len(token_text) == 1 and token_text in ALL_MARKS)


def _kind(text: str, i: int) -> str | None:
    """'open', 'close' or None for the character at i (straight marks decided by their neighbours)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in OPEN_DOUBLE:
        return "open"
    if ch in CLOSE_DOUBLE:
        return "close"
    if ch == '"':
        if before in OPENERS_BEFORE and not after.isspace():
            return "open"
        return "close"
    if ch == OPEN_SINGLE:
        return "open" if before in OPENERS_BEFORE + '\u201c"' else None
    if ch == CLOSE_SINGLE:  # also the apostrophe: a closer only when no letter follows
        return "close" if not after.isalnum() and not before.isspace() else None
    return None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included; single-quoted spans only outside double ones.

    A paragraph that ends inside an open quotation continues it when the next paragraph opens again
    (the newspaper convention); otherwise the quotation is closed at the end of its paragraph.
    """
    spans: list[tuple[int, int]] = []
    open_double: int | None = None
    open_single: int | None = None
    straight_single = False  # the open single quotation began with a typewriter ' (British style)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and text.startswith("\n\n", i):
            j = i
            while j < n and text[j].isspace():
                j += 1
            if open_double is not None:
                if j < n and text[j] in OPEN_DOUBLE + '"':
                    i = j + 1  # continued into the next paragraph
                    continue
                spans.append((open_double, i))
                open_double = None
            open_single = None
            i = j
            continue
        if ch in "'`" and text.startswith(ch * 2, i):  # ''typewriter'' double marks (``...'' too)
            if open_double is None and (ch == "`" or (i == 0 or text[i - 1] in OPENERS_BEFORE)):
                open_double = i
                open_single = None
            elif open_double is not None and ch == "'":
                spans.append((open_double, i + 2))
                open_double = None
            i += 2
            continue
        if ch == "'" and open_double is None:  # 'We are ready,' he said. -- not "players' union", "'90s"
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < n else " "
            if open_single is None and before in OPENERS_BEFORE and after.isalpha():
                open_single, straight_single = i, True
            elif open_single is not None and straight_single and not after.isalnum() and before in ".,!?;:":
                spans.append((open_single, i + 1))
                open_single = None
        elif ch in ALL_MARKS:
            kind = _kind(text, i)
            double = ch in OPEN_DOUBLE + CLOSE_DOUBLE + '"'
            if double:
                if kind == "open" and open_double is None:
                    open_double = i
                    open_single = None
                elif open_double is not None and (kind == "close" or ch == '"'):
                    spans.append((open_double, i + 1))
                    open_double = None
            elif open_double is None:
                if kind == "open" and open_single is None:
                    open_single, straight_single = i, False
                elif kind == "close" and open_single is not None:
                    spans.append((open_single, i + 1))
                    open_single = None
        i += 1
    if open_double is not None:
        spans.append((open_double, n))
    return sorted(spans)
