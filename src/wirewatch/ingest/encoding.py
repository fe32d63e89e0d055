"""Which text encoding the raw bytes are in, so extract can decode without guessing again.

Order of trust: a byte-order mark, then valid UTF-8 (headers often claim latin-1 for UTF-8 pages, while
non-UTF-8 text almost never validates as UTF-8), then what the container or the HTML says, then a
statistical guess. The bytes themselves are never changed: the document id hashes them as they came.
"""

from __future__ import annotations

import codecs
import re

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_DECL = re.compile(rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.I)


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text with no BOM is mostly ASCII with a NUL in every other byte; tell it from binary."""
    if len(head) < 16:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    found = _HEADER_CHARSET.search(content_type)
    return _known(found.group(1)) if found else None


def charset_from_markup(head: bytes) -> str | None:
    """`<meta charset>` or `http-equiv` in HTML, or the XML declaration; only the first 8 KB count."""
    found = _XML_DECL.search(head) or _META_CHARSET.search(head[:8192])
    return _known(found.group(1).decode("ascii", "ignore")) if found else None


def _known(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 pages with a few stray bytes (a pasted latin-1 snippet): legacy text almost never forms
    valid multi-byte sequences, so many good ones against few bad ones still means UTF-8."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return good > 0 and good >= 4 * bad


def guess_encoding(data: bytes, hint: str | None = None) -> str:
    """Name of a codec that decodes `data`; `hint` is what a header declared (may be wrong)."""
    bom = bom_encoding(data) or utf16_without_bom(data[:4096])
    if bom:
        return bom
    if _decodes(data, "utf-8") or _mostly_utf8(data):
        return "utf-8"
    for declared in (_known(hint) if hint else None, charset_from_markup(data[:8192])):
        if declared in ("iso8859-1", "ascii"):
            return "cp1252"  # what browsers do with these labels (WHATWG): curly quotes live at 0x91-0x94
        if declared and _decodes(data, declared):
            return declared
    from charset_normalizer import from_bytes  # imported late: only non-UTF-8 input pays for it

    best = from_bytes(data[:200_000]).best()
    if best is not None and _decodes(data, best.encoding):
        return codecs.lookup(best.encoding).name
    return "cp1252"
