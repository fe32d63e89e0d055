"""Which way an unmarked date leans: the nearest tense cue in the same sentence decides.

A future cue ("will", "is expected to", "as soon as") points forward, a past cue ("said", "was",
"-ed") backward. Reporting verbs after the expression ("..., officials said") are the report's tense,
not the event's, and "-ed" words after an auxiliary ("will be named") are participles; both are ignored.
"""

from __future__ import annotations

import re

from wirewatch.temporal.lexicon import Lexicon

_WORD = re.compile(r"[a-z']+", re.I)
# A sentence ends at ; ! ? or a line break, or at a full stop unless it closes an initial ("P.")
# or one of the common abbreviations of news copy.
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|vs|Lt))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Inc|Col|Ltd))"
    r"(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))(?<!\b(?:Corp|Sept))\.[\"')]*\s|[!?;]\s|\n"
)
WORDS_BEFORE, WORDS_AFTER = 14, 8


def tense_at(text: str, start: int, end: int, lex: Lexicon, *, before_too: bool = True) -> int:
    """+1 when the nearest cue is a future one, -1 when it is a past one, 0 when there is none.
    With before_too=False only the words after the expression count."""
    left = text[max(0, start - 160) : start]
    cuts = list(_SENTENCE_END.finditer(left))
    if cuts:
        left = left[cuts[-1].end() :]
    right = text[end : end + 90]
    stop = _SENTENCE_END.search(right)
    if stop:
        right = right[: stop.start()]
    before = [w.lower() for w in _WORD.findall(left)][-WORDS_BEFORE:] if before_too else []
    after = [w.lower() for w in _WORD.findall(right)][:WORDS_AFTER]
    best: tuple[int, int] | None = None  # (distance, verdict)
    for i in range(len(before)):
        verdict = _cue(before[i:] + after, lex)
        if verdict < 0 and i > 0 and before[i - 1] in lex.cues["auxiliaries"] and before[i].endswith("ed"):
            continue
        if verdict and (best is None or len(before) - i < best[0]):
            best = (len(before) - i, verdict)
    for i in range(len(after)):
        verdict = _cue(after[i:], lex)
        if verdict < 0 and after[i] in lex.reporting_verbs:
            continue
        if verdict and (best is None or i + 1 < best[0]):
            best = (i + 1, verdict)
    return best[1] if best else 0


def _cue(words: list[str], lex: Lexicon) -> int:
    head = words[0]
    if head.endswith("'ll"):
        return 1
    for cue in lex.future_cues:
        if tuple(words[: len(cue)]) == cue:
            return 1
    if head in lex.past_cues or (len(head) > 4 and head.endswith("ed")):
        return -1
    return 0
