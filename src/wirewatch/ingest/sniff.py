"""What a blob of bytes is (WARC, feed, JSON, URL list, HTML, plain text), judged mostly from its first KB.

Content beats names: scraped dumps are saved as .txt whatever they hold and servers send wrong
Content-Types, so the name and the declared media type are only tie-breakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

from wirewatch.ingest.encoding import bom_encoding, utf16_without_bom
from wirewatch.ingest.knowledge import formats

Format = Literal["warc", "feed", "json", "urls", "html", "text"]
Compression = Literal["gzip", "bz2", "xz"]

HEAD_BYTES = 64 * 1024
_COMPRESSION_MAGIC: tuple[tuple[bytes, Compression], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
)
_COMPRESSION_SUFFIXES = (".gz", ".gzip", ".bz2", ".xz")
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_ROOT = re.compile(r"<!doctype\s+html|<(?:html|head|body)\b", re.I)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|h[1-6]|article|section|table|meta|script)\b[^>]{0,300}>", re.I
)
_URL_LINE = re.compile(r"https?://[^\s/$.?#][^\s]*", re.I)
_JSON_START = re.compile(r'[{]\s*(?:"|})|\[\s*(?:[{\]]|$)')
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


@dataclass(frozen=True)
class Sniffed:
    """A format, or None with the reason the blob is not a document we can read."""

    format: Format | None
    reason: str | None = None


def compression(head: bytes) -> Compression | None:
    for magic, kind in _COMPRESSION_MAGIC:
        if head.startswith(magic):
            return kind
    return None


def inner_name(name: str) -> str:
    """`day.warc.gz` -> `day.warc`, so the suffix of what is inside a compressed file still counts."""
    lowered = name.lower()
    for suffix in _COMPRESSION_SUFFIXES:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


def media_type(content_type: str | None) -> str | None:
    """`text/html; charset=utf-8` -> `text/html`."""
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _head_text(head: bytes) -> str:
    encoding = bom_encoding(head) or utf16_without_bom(head) or "utf-8"
    return head.decode(encoding, "replace").lstrip("\ufeff \t\r\n")


def _binary_reason(head: bytes) -> str | None:
    for magic, kind in formats().binary_signatures:
        if head.startswith(magic):
            return f"binary file ({kind}); convert it to text or HTML before ingesting"
    if bom_encoding(head) or utf16_without_bom(head):
        return None
    sample = head[:8192]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        return "binary content (control bytes); not a text, HTML, WARC, feed or JSON document"
    return None


def _complete_lines(text: str, truncated: bool) -> list[str]:
    lines = text.splitlines()
    if truncated and lines:
        lines.pop()  # the last line may be cut mid-way by the head limit
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _markup_format(text: str, declared: str | None, suffix: str) -> Sniffed:
    window = text[:4096]
    if _FEED_ROOT.search(window) and not _HTML_ROOT.search(window):
        return Sniffed("feed")
    known = formats()
    if declared in known.html_media_types or suffix in known.html_extensions:
        return Sniffed("html")
    # Pages may open with kilobytes of inline <style> or <script>, so the whole head is searched.
    if _HTML_ROOT.search(text) or _HTML_TAG.search(text):
        return Sniffed("html")
    if declared in known.feed_media_types:
        return Sniffed("feed")
    if window.startswith("<?xml") or declared in known.xml_media_types:
        return Sniffed(None, "XML that is neither RSS/Atom nor XHTML; convert it to text or HTML first")
    return Sniffed("text")  # a dump that merely begins with "<" ("<< Back to news")


def sniff(
    head: bytes,
    name: str = "",
    content_type: str | None = None,
    *,
    truncated: bool = False,
    local: bool = True,
) -> Sniffed:
    """Classify `head` (the first bytes, already decompressed); `truncated` says more bytes follow,
    `local` that `name` is a file name rather than the last part of a URL."""
    if not head.strip():
        return Sniffed(None, "empty document")
    if head.lstrip().startswith((b"WARC/", b"filedesc://")):
        return Sniffed("warc")  # before the binary test: captured images put NULs in the head
    binary = _binary_reason(head)
    if binary:
        return Sniffed(None, binary)
    text = _head_text(head)
    if not text.strip():
        return Sniffed(None, "empty document")
    inner = PurePosixPath(inner_name(name).lower())
    suffix = inner.suffix
    known = formats()
    declared = media_type(content_type)
    if declared in known.ignored_media_types:
        return Sniffed(None, f"served as {declared}, not a page")
    # URL paths are slugs ("/news/notice"), so file names only count for local files.
    if local and (suffix in known.ignored_extensions or inner.stem in known.ignored_names):
        return Sniffed(None, f"'{inner.name}' is project or code material, not a news document")
    if text.startswith("<"):
        return _markup_format(text, declared, suffix)
    if _JSON_START.match(text) or (suffix in (".json", ".jsonl", ".ndjson") and text[:1] in "{["):
        return Sniffed("json")
    if declared in known.html_media_types or suffix in known.html_extensions:
        return Sniffed("html")
    lines = _complete_lines(text, truncated)
    if lines and all(_URL_LINE.fullmatch(line) for line in lines[:1000]):
        return Sniffed("urls")
    if _HTML_ROOT.search(text[:8192]) or len(_HTML_TAG.findall(text[:8192])) >= 5:
        return Sniffed("html")
    return Sniffed("text")
