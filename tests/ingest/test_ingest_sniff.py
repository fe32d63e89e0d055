"""Format sniffing and encoding guesses: content first, names and media types as tie-breakers."""

from __future__ import annotations

import pytest

from wirewatch.ingest.dates import normalize_date
from wirewatch.ingest.encoding import guess_encoding
from wirewatch.ingest.sniff import compression, inner_name, sniff

STYLE = "<style>" + "p { margin: 0 }\n" * 400 + "</style>"


@pytest.mark.parametrize(
    ("head", "name", "content_type", "expected"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "", None, "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "", None, "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "", None, "feed"),
        (b"<!DOCTYPE html><html><body><p>x</p>", "", None, "html"),
        (STYLE.encode() + b"<div>late markup</div>", "", None, "html"),
        (STYLE.encode(), "page.html", None, "html"),
        (b"plain words but served as a page", "", "text/html; charset=utf-8", "html"),
        (b'{"title": "A", "text": "B"}\n{"title": "C", "text": "D"}\n', "", None, "json"),
        (b'[\n  {"title": "A"}\n]', "", None, "json"),
        (b"https://a.example/1\n# comment\nhttp://b.example/2\n", "list.txt", None, "urls"),
        (b"Headline\n\nBody text https://a.example/1 inside a sentence.\n", "", None, "text"),
        (b"<< Back to all news\n\nHeadline\n\nBody.\n", "", None, "text"),
        (b"[Photo] A caption line\n\nBody text.\n", "", None, "text"),
        (b"\xef\xbb\xbfHeadline with a BOM\n", "", None, "text"),
        ("Headline in UTF-16\n\nBody.\n".encode("utf-16-le"), "", None, "text"),
    ],
)
def test_formats_are_recognised(head: bytes, name: str, content_type: str | None, expected: str) -> None:
    assert sniff(head, name, content_type).format == expected


@pytest.mark.parametrize(
    ("head", "name", "content_type", "reason"),
    [
        (b"", "", None, "empty"),
        (b"\xef\xbb\xbf \n", "", None, "empty"),
        (b"%PDF-1.7\n", "", None, "PDF"),
        (b"\x89PNG\r\n\x1a\n", "", None, "PNG"),
        (b"\x00\x01\x02\x03" * 50, "", None, "binary"),
        (b'<?xml version="1.0"?><TimeML><TEXT>x</TEXT></TimeML>', "", None, "XML"),
        (b"body { color: red }", "site.css", None, "not a news document"),
        (b"Copyright notice text", "LICENSE", None, "not a news document"),
        (b"var x = 1;", "", "application/javascript", "javascript"),
    ],
)
def test_non_documents_carry_a_reason(head: bytes, name: str, content_type: str | None, reason: str) -> None:
    sniffed = sniff(head, name, content_type)
    assert sniffed.format is None
    assert reason in (sniffed.reason or "")


def test_file_names_do_not_count_for_urls() -> None:
    assert sniff(b"Notice to residents\n\nThe harbour closes.", "notice", local=False).format == "text"
    assert sniff(b"Notice to residents\n\nThe harbour closes.", "notice", local=True).format is None


def test_url_list_with_a_cut_last_line_is_still_a_url_list() -> None:
    head = b"https://a.example/1\nhttps://b.example/2\nhttps://c.exa"
    assert sniff(head, truncated=True).format == "urls"


def test_compression_and_inner_names() -> None:
    assert compression(b"\x1f\x8b\x08\x00") == "gzip"
    assert compression(b"BZh91AY") == "bz2"
    assert compression(b"\xfd7zXZ\x00\x00") == "xz"
    assert compression(b"WARC/1.0") is None
    assert inner_name("day.warc.gz") == "day.warc"
    assert inner_name("notes.txt") == "notes.txt"


@pytest.mark.parametrize(
    ("data", "hint", "expected"),
    [
        ("Caf\u00e9 \u2014 ok".encode(), None, "utf-8"),
        ("Caf\u00e9".encode("utf-8-sig"), None, "utf-8-sig"),
        ("Caf\u00e9".encode("utf-16"), None, "utf-16"),
        # a header that claims latin-1 for UTF-8 bytes is overruled by the bytes
        ("na\u00efve r\u00e9sum\u00e9".encode(), "text/html; charset=iso-8859-1", "utf-8"),
        # latin-1 labels are read as windows-1252, as browsers do (curly quotes)
        ("\u201cquoted\u201d caf\u00e9".encode("cp1252"), "iso-8859-1", "cp1252"),
        (
            "<meta charset='windows-1250'><p>\u017d\u00e1dn\u00fd \u0161um</p>".encode("cp1250"),
            None,
            "cp1250",
        ),
        # mostly UTF-8 with one stray latin-1 byte is still UTF-8
        ("\u00e9t\u00e9 \u00e0 l'\u00e9cole, d\u00e9j\u00e0 ".encode() * 5 + b"caf\xe9", None, "utf-8"),
    ],
)
def test_encoding_guesses(data: bytes, hint: str | None, expected: str) -> None:
    from wirewatch.ingest.encoding import charset_from_content_type

    assert guess_encoding(data, charset_from_content_type(hint) or hint) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-12", "2026-01-12"),
        ("2026-01-12T10:00:00Z", "2026-01-12T10:00:00+00:00"),
        ("Mon, 12 Jan 2026 14:03:00 GMT", "2026-01-12T14:03:00+00:00"),
        ("Mon, 12 Jan 2026 14:03:00 -0000", "2026-01-12T14:03:00"),  # -0000: zone unknown, left naive
        ("12 janvier 2026", "12 janvier 2026"),  # left for extract's date parser, untouched
        (1768226580, "2026-01-12T14:03:00+00:00"),
        (1768226580000, "2026-01-12T14:03:00+00:00"),
        (42, None),
        ("", None),
    ],
)
def test_container_dates(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected
