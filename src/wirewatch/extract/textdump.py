"""Plain-text page dumps -> Article: decode, label lines, then read the news metadata off the labels.

Every line ends up in exactly one place: the title, a body paragraph, a caption (with its credit), a
related headline, or `boilerplate` with the reason it was dropped. Nothing is silently lost.
"""

from __future__ import annotations

import re

from wirewatch.errors import InputError
from wirewatch.extract.dates import find_published, parse_date
from wirewatch.extract.news import (
    declared_outlet,
    find_byline,
    find_dateline,
    find_language,
    find_outlet,
    find_wire,
    strip_site_suffix,
)
from wirewatch.extract.textlines import Line, classify, split_lines
from wirewatch.records import Article, Boilerplate, Caption, Published, RawDocument

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _fallback_decode(data: bytes, hint: str | None) -> str:
    """utf-8 (with or without BOM), the declared encoding, then charset_normalizer's best guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"bytes start with a UTF-16 mark but do not decode as UTF-16: {exc}") from exc
    if data.count(b"\x00") > max(2, len(data) // 100):
        raise InputError("input looks binary (NUL bytes); expected a plain-text page dump")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if hint:
        try:
            return data.decode(hint)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot tell the text encoding; declare it (RawDocument.declared['encoding'])")
    return str(best)


def decode_text(data: bytes, hint: str | None = None) -> str:
    """Shared decoder when it is installed (wirewatch.textcodec), else our small fallback."""
    try:
        from wirewatch.textcodec import decode  # type: ignore[import-not-found]
    except ImportError:
        text = _fallback_decode(data, hint)
    else:
        text = decode(data, hint)
    controls = len(_CONTROL.findall(text, 0, 20000))
    if controls > max(2, len(text[:20000]) // 100):
        raise InputError("decoded text is full of control characters; this is not a text dump")
    return text


def _declared_published(value: str) -> Published | None:
    dm = parse_date(value)
    if dm is None:
        return None
    return Published(dm.date, dm.precision, value, "container")


def extract_text(raw: RawDocument) -> Article:
    """Article from a scraped plain-text dump; raises InputError when the bytes are not readable text."""
    text = decode_text(raw.content, raw.declared.get("encoding"))
    if not text.strip():
        raise InputError("text dump is empty (no visible characters)")
    lines = split_lines(text)
    span = classify(lines)
    return assemble(raw, lines, span)


def assemble(raw: RawDocument, lines: list[Line], span: tuple[int, int] | None) -> Article:
    """Turn labelled lines into an Article and read metadata from the lines that are not body."""
    url = raw.source.url or raw.declared.get("url")
    art = Article(id=raw.id, url=url)
    evidence: dict[str, str] = {}
    body_lines = [ln for ln in lines if ln.label == "body"]
    meta_lines = [ln.text for ln in lines if ln.label not in ("body", "caption", "related")]
    after_body = [ln for ln in lines if span and ln.index > span[1] and ln.label == "wire"][:1]
    paragraphs = [ln.text for ln in body_lines]
    used_wire_line = bool(after_body and after_body[0].index == span[1] + 1) if span else False
    wire, paragraphs = find_wire(paragraphs + ([after_body[0].text] if used_wire_line else []))
    if wire:
        art.wire = wire.value
        evidence["wire"] = wire.evidence
    dateline, paragraphs = find_dateline(paragraphs)
    if dateline:
        art.dateline = dateline.value
        evidence["dateline"] = dateline.evidence
    art.paragraphs = [p for p in paragraphs if p.strip()]
    for ln in lines:
        if ln.label == "title" and art.title is None:
            art.title = ln.text
            evidence["title"] = ln.text
        elif ln.label == "caption":
            cap_text = ln.caption_credit[0] if ln.caption_credit else ln.text
            art.captions.append(Caption(cap_text, ln.paired_credit))
        elif ln.label == "related":
            art.related_headlines.append(ln.inline_related or ln.text)
        elif ln.label not in ("body", "credit-paired") and not (used_wire_line and ln is after_body[0]):
            art.boilerplate.append(Boilerplate(ln.text, ln.label))
    bylines = find_byline([ln.text for ln in lines if ln.label == "byline"])
    art.byline = [b.value for b in bylines]
    if bylines:
        evidence["byline"] = bylines[0].evidence
    outlet, publisher = find_outlet(meta_lines, url)
    if outlet:
        art.outlet = outlet.value
        evidence["outlet"] = outlet.evidence
    if art.title:
        art.title = strip_site_suffix(art.title, art.outlet)
    if publisher:
        art.publisher = publisher.value
        evidence["publisher"] = publisher.evidence
    art.published = find_published(meta_lines, dateline.evidence if dateline else None)
    if art.published.evidence:
        evidence["published"] = art.published.evidence
    art.language = find_language(art.body)
    if art.language:
        evidence["language"] = "py3langid over the body text"
    _apply_declared(art, raw.declared, evidence)
    art.evidence = evidence
    return art


def _apply_declared(art: Article, declared: dict[str, str], evidence: dict[str, str]) -> None:
    """What the container said (feed, JSONL fields): its date and outlet win over the text's guesses; the
    rest fills gaps."""
    if declared.get("published"):
        pub = _declared_published(declared["published"])
        if pub is not None:
            art.published = pub
            evidence["published"] = f"declared: {declared['published']}"
    outlet = declared_outlet(declared.get("outlet") or "")
    if outlet:  # the container names the outlet outright; ours is read off page furniture or the host
        art.outlet = outlet
        evidence["outlet"] = f"declared: {declared['outlet']}"
    for key in ("title", "language"):
        value = (declared.get(key) or "").strip()
        if value and not getattr(art, key):
            setattr(art, key, value)
            evidence[key] = f"declared: {value}"
    if declared.get("byline") and not art.byline:
        names = [n.strip() for n in re.split(r"\s*(?:,|;|\band\b|&)\s*", declared["byline"]) if n.strip()]
        art.byline = names
        evidence["byline"] = f"declared: {declared['byline']}"


__all__ = ["assemble", "decode_text", "extract_text"]
