"""Label every line of a scraped plain-text news page: title, body, caption, credit, related, boilerplate.

Three passes, each cheap and inspectable:
1. features per line (length, sentence punctuation, capitalisation, lexicon hits, credit and caption
   patterns, dateline, byline, date line), and from them a *strong* label for lines whose shape alone
   says what they are ("PHOTO: REUTERS", "Privacy Policy", "Updated 3:05 PM, Nov 3, 2026");
2. a body score per line with transparent weights, and the body as the contiguous run of lines with
   the highest total score (maximum-sum subarray), extended across small mid-article interruptions;
3. a sequence pass: captions pair with the credit that follows them, the title is a short unpunctuated
   line before the body that shares words with it, related headlines follow a "more on this" cue or sit
   in a run of headline-shaped lines after the body, and everything else becomes boilerplate with a reason.
"""

from __future__ import annotations

import re

from wirewatch.extract.news import name_over_role, outlet_for_name
from wirewatch.extract.textfeatures import Line, lexicon, norm_key, split_lines, strong_label

# Labels that hold content or metadata; anything else is a boilerplate reason.
CONTENT_LABELS = frozenset({"title", "body", "caption", "related"})
# Interruptions an article survives: the body may continue after them.
_MID_BODY = frozenset(
    {"call-to-action", "advertisement", "share", "caption", "caption-cue", "credit", "teaser", "related",
     "date"}
)  # fmt: skip
# Penalties in the body-region search. Lines that usually close an article (contributor notes, legal
# lines, comment counts, related-story cues) cost more, so a stray sentence after them stays out.
_HARD_PENALTY = {
    "logo": -3.0, "navigation": -3.0, "call-to-action": -3.0, "advertisement": -3.0, "share": -3.0,
    "legal": -5.0, "related-cue": -5.0, "comments": -4.0, "contributors": -6.0,
    "credit": -2.0, "caption": -2.0, "caption-cue": -2.0, "wire": -2.0, "date": -2.0, "byline": -2.0,
    "teaser": -1.0, "related": -1.0,
}  # fmt: skip
_TITLE_REACH = 40  # lines above the body where a title may sit
# One lexicon phrase does not rule out a headline ("App store fees draw EU fine") if the body bears it out.
_ONE_PHRASE_OK = frozenset({"call-to-action", "advertisement", "share", "comments", "navigation"})
_GAP = {+1: 15, -1: 30}  # interruption lines the body may cross, after and before it
_SHORT_GAP = 6  # beyond this many lines, an interruption needs three solid paragraphs after it
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


_DOMAIN_ONLY = re.compile(r"^(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?$", re.I)


def _fragment(line: Line) -> bool:
    """A lone word or a bare web address inside the body is a widget's leftover, not a paragraph."""
    return (line.words == 1 and not line.ends_sentence) or bool(_DOMAIN_ONLY.match(line.text))


def _body_score(line: Line) -> float:
    """Transparent weights: long punctuated lines are text; short, shouted or menu-like lines are not."""
    w = line.words
    if w >= 20:
        s = 3.0
    elif w >= 12:
        s = 2.0
    elif w >= 7:
        s = 1.0
    elif w >= 4:
        s = 0.0
    else:
        s = -1.5
    s += 1.5 if line.ends_sentence else -1.5
    if not line.ends_sentence and w >= 4 and line.title_ratio > 0.7:
        s -= 1.0  # Headline Case Without A Full Stop
    sentences = len(re.findall(r"[.!?][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]", line.text))
    s += min(sentences, 3) * 0.5
    if line.short_run >= 3:
        s -= 2.0
    if line.dateline:
        s += 2.0
    return s


# --------------------------------------------------------------------------- passes


def _mark_name_over_role(lines: list[Line]) -> None:
    """ "Jane Doe" on one line and "Senior Correspondent" on the next are one byline."""
    for line, nxt in zip(lines, lines[1:], strict=False):
        if not line.label and line.words <= 5 and not nxt.label and name_over_role(line.text, nxt.text):
            line.label = nxt.label = "byline"


def _pair_credits(lines: list[Line], wires_until: int = 0) -> None:
    """A credit line belongs to the caption just above it; a caption ending in a credit splits in two.

    A bare agency name ("Reuters") is a picture credit only before the body (`wires_until`); after
    the body it signs the story.
    """
    for i, line in enumerate(lines):
        if line.label == "caption" and line.caption_credit and line.paired_credit is None:
            line.paired_credit = line.caption_credit[1]
        if line.label == "caption-cue" and i + 1 < len(lines):
            nxt = lines[i + 1]
            if nxt.label in ("", "teaser", "caption") and nxt.words >= 2:
                before = lines[i - 1] if i else None
                credit = before.text if before is not None and before.label == "credit" else None
                nxt.label, nxt.paired_credit = "caption", credit or nxt.paired_credit
                if credit and before is not None:
                    before.label = "credit-paired"
            continue
        is_credit = line.label == "credit" or (line.label == "wire" and i < wires_until)
        if not is_credit or i == 0:
            continue
        prev = lines[i - 1]
        if prev.label == "caption" and prev.paired_credit is None:
            prev.paired_credit = line.text
            line.label = "credit-paired"
        elif prev.label in ("", "teaser") and 3 <= prev.words <= 60 and not prev.dateline:
            prev.label, prev.paired_credit = "caption", line.text
            line.label = "credit-paired"


def _best_run(scores: list[float]) -> tuple[int, int] | None:
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _gap_ok(line: Line) -> tuple[bool, bool]:
    """(may sit inside an article, is unexplained): an ad or nag may; so may a short unlabelled line."""
    if line.label in _MID_BODY or line.weak:
        return True, False
    if not line.label and line.score <= 0:
        return True, True
    return False, False


def _extend(lines: list[Line], edge: int, step: int) -> int:
    """Grow the body past small interruptions when solid text lies beyond them.

    Past labelled interruptions (an ad, a subscription nag, a photo) one good paragraph is enough; past
    unexplained short lines it takes two, since teaser blocks of other stories look like that too; past
    a long interruption (a table, a list, an embed) it takes three.
    """
    while True:
        j, unexplained = edge + step, False
        while 0 <= j < len(lines) and abs(j - edge) <= _GAP[step]:
            ok, odd = _gap_ok(lines[j])
            if not ok:
                break
            unexplained |= odd
            j += step
        k, run, longest = j, 0.0, 0
        while 0 <= k < len(lines) and not lines[k].label and lines[k].score > 0:
            run += lines[k].score
            longest = max(longest, lines[k].words)
            k += step
        gap = abs(j - edge) - 1
        need = 9.0 if step < 0 else 12.0 if gap > _SHORT_GAP else 7.0 if unexplained else 4.0
        if j == edge + step or run < need or longest < 12:
            return edge
        edge = k - step


def _body_region(lines: list[Line]) -> tuple[int, int] | None:
    for line in lines:
        if line.label and not line.weak:
            line.score = _HARD_PENALTY.get(line.label, -2.0)
        elif line.label:
            line.score = -1.0
        else:
            line.score = _body_score(line)
    span = _best_run([ln.score for ln in lines])
    if span is None:
        return None
    start, end = span
    end = _extend(lines, end, +1)
    start = _extend(lines, start, -1)
    # a dateline marks where the article proper starts
    for k in range(max(0, start - 3), min(end, start + 4) + 1):
        if lines[k].dateline and lines[k].label in ("", "teaser"):
            start = k
            break
    return start, end


def _content_words(text: str, stop: frozenset[str]) -> set[str]:
    out = set()
    for w in _WORD.findall(text.lower()):
        w = w.strip(".'\u2019-")
        if len(w) > 2 and w not in stop:
            out.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return out


def _headline_like(line: Line) -> bool:
    text = line.text.rstrip()
    return (
        line.label in ("", "teaser")
        and 3 <= line.words <= 30
        and not text.endswith((".", ":", ";", ","))
        and not line.dateline
        and line.short_run < 3
    )


def _pick_title(lines: list[Line], start: int, body_words: set[str]) -> Line | None:
    """Short unpunctuated line shortly before the body that shares words with it.

    Scored by shared content words, length and nearness to the body (a title sits above the byline,
    the date and the photo, not among the menus at the top of the page).
    """
    stop = lexicon().stopwords
    best, best_score = None, 0.0
    for line in lines[max(0, start - _TITLE_REACH) : start]:
        text = line.text.rstrip()
        one_word_nag = line.label in _ONE_PHRASE_OK and list(line.hits.values()) == [1] and line.words >= 5
        if line.label not in ("", "teaser") and not one_word_nag:
            continue
        if not 3 <= line.words <= 30 or line.short_run >= 3 or text.endswith((".", ":", ";", ",")):
            continue
        head = re.split(r"\s*(?:,|\||\s[-\u2013\u2014])\s*", text, maxsplit=1)[0]
        if outlet_for_name(head) or outlet_for_name(text):
            continue  # "BBC News, Harbour City" names the outlet, not the story
        shared = len(_content_words(text, stop) & body_words)
        if shared == 0 or (one_word_nag and shared < 2):
            continue  # a headline about cookies or app stores must prove itself on the body's words
        score = min(shared, 4) + (0.5 if line.words >= 5 else 0.0) + (0.5 if line.index == 0 else 0.0)
        score += 0.5 if line.title_ratio >= 0.6 else 0.0  # Headline Case
        if score > best_score:
            best, best_score = line, score
    return best if best_score >= 1.5 else None


def _mark_cued_related(lines: list[Line]) -> None:
    """Headline-shaped lines right after a "More on this topic" cue, wherever the cue sits."""
    i = 0
    while i < len(lines):
        if lines[i].label == "related-cue":
            j = i + 1
            while j < len(lines) and _headline_like(lines[j]):
                lines[j].label = "related"
                j += 1
            i = j
            continue
        i += 1


def _mark_related_run(lines: list[Line], end: int) -> None:
    """Without a cue, two or more headline-shaped lines in a row after the body are related stories."""
    i = end + 1
    while i < len(lines):
        j = i
        while j < len(lines) and _headline_like(lines[j]) and lines[j].words >= 4:
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                lines[k].label = "related"
        i = max(j, i + 1)


def classify(lines: list[Line]) -> tuple[int, int] | None:
    """Label every line in place; returns the body span (first, last index) or None when there is no body."""
    for line in lines:
        strong = strong_label(line)
        if strong:
            line.label, line.weak = strong
    _mark_name_over_role(lines)
    _pair_credits(lines)
    region = _body_region(lines)
    if region is None:
        for line in lines:
            line.label = line.label or "other"
        return None
    start, end = region
    _pair_credits(lines, wires_until=start)
    _mark_cued_related(lines)
    for k in range(start, end + 1):
        line = lines[k]
        if not line.label and _fragment(line):
            line.label = "fragment"
        elif not line.label or (line.weak and start < k < end):
            line.label, line.weak = "body", False
        elif line.label == "teaser":
            line.label = "related"
    _mark_related_run(lines, end)
    stop = lexicon().stopwords
    body_words: set[str] = set()
    for line in lines[start : min(end + 1, start + 6)]:
        if line.label == "body":
            body_words |= _content_words(line.text, stop)
    title = _pick_title(lines, start, body_words)
    if title is not None:
        title.label = "title"
    for k, line in enumerate(lines):
        if line.label in ("", "teaser"):
            if k < start:
                line.label = "standfirst" if line.ends_sentence and line.words >= 8 else "header"
            else:
                line.label = "navigation" if line.words <= 4 else "footer"
        elif line.label == "credit":
            line.label = "photo-credit"
    _mark_duplicates(lines)
    return start, end


def _mark_duplicates(lines: list[Line]) -> None:
    seen: set[str] = set()
    for line in lines:
        if line.label not in CONTENT_LABELS:
            continue
        key = norm_key(line.text)
        if key in seen and line.label != "body":
            line.label = "duplicate"
        seen.add(key)


__all__ = ["CONTENT_LABELS", "Line", "classify", "split_lines"]
