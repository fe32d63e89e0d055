"""Article text with its annotations marked inline, built from character offsets.

Article text is hostile input. Nothing here trusts it: the text is cut at span boundaries and every
segment is escaped on its own, then wrapped in tags we write ourselves. Link targets are built only from
our ids (quoted), never from article text, so `javascript:` in an article stays visible text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # mention | quote | trigger | sentence
    key: str  # actor id, quote index or event id
    css: str = ""  # extra class, e.g. the quad class or the actor kind
    title: str = ""
    anchor: bool = True  # a sentence span that starts here (not the tail of one cut by a paragraph break)


def actor_href(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe=":")


def paragraph_ranges(body: str, paragraphs: Sequence[str]) -> list[tuple[int, int]]:
    """Where each paragraph sits in the body (paragraphs joined by blank lines, but do not assume it)."""
    out, pos = [], 0
    for p in paragraphs:
        at = body.find(p, pos)
        if at < 0:
            continue
        out.append((at, at + len(p)))
        pos = at + len(p)
    return out or ([(0, len(body))] if body else [])


def render(text: str, spans: Iterable[Span], *, focus: str | None = None) -> Markup:
    """Escape `text` segment by segment, wrapping each in the classes and links of the spans over it."""
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    parts: list[str] = []
    anchors: dict[int, list[str]] = {}
    for s in spans:
        if s.kind == "sentence" and s.anchor:
            anchors.setdefault(s.start, []).append(s.key)
    for a, b in zip(cuts, cuts[1:], strict=False):
        for key in anchors.get(a, []):
            parts.append(f'<span class="anchor" id="ev-{escape(key)}"></span>')
        over = [s for s in spans if s.start <= a and s.end >= b]
        parts.append(_segment(text[a:b], over, focus))
    return Markup("".join(parts))


def _segment(chunk: str, over: list[Span], focus: str | None) -> str:
    html = str(escape(chunk))
    if not over:
        return html
    mention = next((s for s in over if s.kind == "mention"), None)
    trigger = next((s for s in over if s.kind == "trigger"), None)
    if mention is not None:
        cls = "m " + mention.css + (f" t {trigger.css}" if trigger else "")
        html = (
            f'<a class="{escape(cls.strip())}" href="{escape(actor_href(mention.key))}" '
            f'title="{escape(mention.title)}">{html}</a>'
        )
    elif trigger is not None:
        html = (
            f'<a class="t {escape(trigger.css)}" href="#card-{escape(trigger.key)}" '
            f'title="{escape(trigger.title)}">{html}</a>'
        )
    wrap = []
    if any(s.kind == "quote" for s in over):
        q = next(s for s in over if s.kind == "quote")
        wrap.append(("q " + q.css).strip())
    sentences = [s for s in over if s.kind == "sentence"]
    if sentences:
        wrap.append("sent")
        if focus and any(s.key == focus for s in sentences):
            wrap.append("focus")
    if wrap:
        html = f'<span class="{escape(" ".join(wrap))}">{html}</span>'
    return html


def record_spans(rec: dict, *, field: str = "body") -> list[Span]:
    """The spans of one stored record (actors' mentions, quotes, events) that lie in `field`."""
    spans: list[Span] = []
    for a in rec.get("actors") or []:
        if not a.get("id"):
            continue
        label = " · ".join(x for x in (a.get("name"), a.get("kind"), a.get("country"), a.get("role")) if x)
        for m in a.get("mentions") or []:
            if m.get("field", "body") == field:
                spans.append(
                    Span(int(m["start"]), int(m["end"]), "mention", a["id"], a.get("kind") or "", label)
                )
    if field != "body":
        return spans
    for i, q in enumerate(rec.get("quotes") or []):
        if q.get("start") is not None and q.get("end") is not None:
            spans.append(Span(int(q["start"]), int(q["end"]), "quote", str(i), q.get("kind") or ""))
    for e in rec.get("events") or []:
        label = f"{e.get('type')}{'/' + e['mode'] if e.get('mode') else ''} ({e.get('factuality')})"
        trig, sent = e.get("trigger") or {}, e.get("sentence") or {}
        if trig.get("start") is not None and trig.get("field", "body") == "body":
            spans.append(
                Span(
                    int(trig["start"]),
                    int(trig["end"]),
                    "trigger",
                    e["id"],
                    f"quad-{e.get('quad_class')}",
                    label,
                )
            )
        if sent.get("start") is not None and sent.get("field", "body") == "body":
            spans.append(Span(int(sent["start"]), int(sent["end"]), "sentence", e["id"]))
    return spans


def render_body(rec: dict, *, focus: str | None = None) -> list[Markup]:
    """One Markup per paragraph of the article body, offsets shifted into each paragraph."""
    art = rec.get("article") or {}
    body = art.get("body") or ""
    spans = record_spans(rec)
    out = []
    for start, end in paragraph_ranges(body, art.get("paragraphs") or []):
        inner = [
            Span(
                max(s.start, start) - start,
                min(s.end, end) - start,
                s.kind,
                s.key,
                s.css,
                s.title,
                anchor=s.start >= start,
            )
            for s in spans
            if s.start < end and s.end > start
        ]
        out.append(render(body[start:end], inner, focus=focus))
    return out
