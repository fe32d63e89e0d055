"""Bytes -> one lxml tree, parsed once and shared by the metadata, caption and body steps.

Parsing is the only step that sees raw bytes, so decoding and the "is this HTML at all?" checks live here
and every later step can assume a usable tree.
"""

from __future__ import annotations

import codecs
import re

from lxml.html import HtmlElement
from trafilatura.utils import decode_file, load_html

from wirewatch.errors import InputError
from wirewatch.records import RawDocument

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_SPACE = re.compile(r"\s+")
_HEAD_PROBE = 2048
_TITLE_OPEN = re.compile(r"<title[^>]*>", re.I)
_TAG_IN_TEXT = re.compile(r"<(?:/?(?:body|p|div|h1|meta|head)\b)", re.I)
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_SILENT_TAGS = frozenset({"script", "style", "noscript", "template"})
_WORDS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def decode_html(data: bytes, hint: str | None = None) -> str:
    """Decode with the project codec when it exists, else a private cascade (valid UTF-8 first).

    UTF-8 is tried before a declared charset because servers often label UTF-8 pages as latin-1.
    """
    try:
        from wirewatch.textcodec import decode  # type: ignore[import-not-found]
    except ImportError:
        decode = None
    if decode is not None:
        return str(decode(data, hint))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:8192])
    for name in (hint, declared.group(1).decode("ascii", "ignore") if declared else None):
        if not name:
            continue
        try:
            return data.decode(codecs.lookup(name).name)
        except (LookupError, UnicodeDecodeError):
            continue
    return decode_file(data)


def parse_html(raw: RawDocument) -> HtmlElement:
    """Parse the document or say why it cannot be an HTML page."""
    data = raw.content
    if not data or not data.strip():
        raise InputError(f"document {raw.id[:12]} is empty: nothing to extract")
    if b"\x00" in data[:2048] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"document {raw.id[:12]} looks binary (NUL bytes), not HTML: check its media type")
    text = decode_html(data, raw.declared.get("encoding"))
    if "<" not in text:
        raise InputError(f"document {raw.id[:12]} has no markup: ingest it as media_type 'text'")
    if "<html" not in text[:_HEAD_PROBE].lower():
        text = f"<html><body>{text}</body></html>"  # a bare fragment: give the parser a document
    try:
        tree = load_html(text)
    except (TypeError, ValueError) as err:
        raise InputError(f"document {raw.id[:12]} could not be parsed as HTML: {err}") from err
    if tree is None or len(tree) == 0:
        raise InputError(f"document {raw.id[:12]} could not be parsed as HTML (empty tree)")
    return _repair_unclosed_title(tree, text)


def _repair_unclosed_title(tree: HtmlElement, text: str) -> HtmlElement:
    """An unclosed <title> swallows the page as its text (browsers do the same): close it, parse again."""
    title = tree.find(".//title")
    swallowed = title is not None and title.text is not None and _TAG_IN_TEXT.search(title.text)
    if not swallowed:
        return tree
    opened = _TITLE_OPEN.search(text)
    if opened is None:
        return tree
    end = text.find("<", opened.end())
    if end < 0:
        return tree
    repaired = load_html(f"{text[:end]}</title>{text[end:]}")
    return repaired if repaired is not None and len(repaired) else tree


def clean_text(text: str | None) -> str:
    """Collapse whitespace (incl. NBSP) the way every comparison in the extractor expects."""
    return _SPACE.sub(" ", text or "").strip()


def element_text(element: HtmlElement) -> str:
    return clean_text(element.text_content())


def block_text(element: HtmlElement) -> str:
    """Text with a space wherever a block boundary was, so "<li>A</li><li>B</li>" reads "A B", not "AB"."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        block = node.tag in _BLOCK_TAGS
        if block:
            parts.append(" ")
        if node.text and isinstance(node.tag, str) and node.tag not in _SILENT_TAGS:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append(" ")

    walk(element)
    return clean_text("".join(parts))


def attribute_words(element: HtmlElement) -> set[str]:
    """Class and id split into words, plus every dash-joined run, so 'vce-related-box' yields 'related'."""
    raw = f"{element.get('class') or ''} {element.get('id') or ''}".lower().replace("_", "-")
    words: set[str] = set()
    for token in _WORDS.findall(raw):
        words.add(token)
        if "-" in token:
            parts = token.split("-")
            words.update(parts)
            words.update("-".join(parts[i : i + 2]) for i in range(len(parts) - 1))
    return words
