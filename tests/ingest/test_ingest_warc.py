"""WARC archives written in the test with warcio: pages kept, non-pages reported, damage contained."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirewatch.ingest import iter_documents
from wirewatch.records import RawDocument, Skip, content_id

PAGE = "<html><body><article><p>Portville council backs the ferry plan.</p></article></body></html>"
LATIN = "<html><body><p>Caf\u00e9 owners welcome the \u201cnew\u201d timetable.</p></body></html>"
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
    "<item><title>Tide tables</title><link>https://harbour.example/tides</link>"
    "<description>Tides will be higher this week.</description></item></channel></rss>"
)


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
    writer.write_record(record)


def write_warc(path: Path, *, gzip: bool) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = writer.create_warc_record(
            "https://harbour.example/ferry", "request", payload=io.BytesIO(b"GET /ferry HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        _response(writer, "https://harbour.example/ferry", PAGE.encode(), "text/html; charset=utf-8")
        _response(
            writer, "https://harbour.example/cafe", LATIN.encode("cp1252"), "text/html; charset=ISO-8859-1"
        )
        _response(writer, "https://harbour.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        _response(writer, "https://harbour.example/gone", b"Not Found", "text/html", status="404 Not Found")
        _response(writer, "https://harbour.example/feed", RSS.encode(), "application/rss+xml")
        resource = writer.create_warc_record(
            "file:///notes/tides.txt",
            "resource",
            payload=io.BytesIO(b"Tide notes\n\nHigh water at 06:12.\n"),
            warc_content_type="text/plain",
        )
        writer.write_record(resource)
    return path


@pytest.mark.parametrize("gzip", [True, False])
def test_pages_come_out_and_non_pages_are_reported(tmp_path: Path, gzip: bool) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    items = list(iter_documents([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [d.source.url for d in docs] == [
        "https://harbour.example/ferry",
        "https://harbour.example/cafe",
        "https://harbour.example/tides",  # the feed entry inside the archive
        "file:///notes/tides.txt",
    ]
    ferry, cafe, tides, notes = docs
    assert ferry.content == PAGE.encode() and ferry.id == content_id(PAGE.encode())
    assert ferry.media_type == "html" and ferry.source.kind == "warc" and ferry.source.path == str(path)
    assert ferry.source.member and ferry.source.member.startswith("<urn:uuid:")
    assert ferry.source.fetched_at and ferry.source.fetched_at.endswith("Z")
    assert ferry.declared == {"url": "https://harbour.example/ferry", "encoding": "utf-8"}
    assert cafe.declared["encoding"] == "cp1252"
    assert cafe.content.decode("cp1252") == LATIN
    assert tides.source.kind == "feed" and tides.declared["outlet"] == "Harbour Gazette"
    assert notes.media_type == "text"
    reasons = sorted(s.reason for s in skips)
    assert len(reasons) == 2
    assert "404" in reasons[0] and "image/png" in reasons[1]


def test_truncated_archive_keeps_the_pages_before_the_damage(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc.gz", gzip=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: int(len(whole) * 0.6)])
    items = list(iter_documents([cut]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert docs and docs[0].source.url == "https://harbour.example/ferry"
    assert isinstance(items[-1], Skip) and items[-1].where == str(cut)
