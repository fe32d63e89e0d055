"""WARC (and ARC) crawl archives, plain or gzipped: one document per captured page.

Requests, metadata and revisits carry no page and are passed over silently; captures that are not
pages (images, scripts, error responses) become Skips without their payload being read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from wirewatch.ingest.blob import READ_ERRORS, Blob, Salvaging, read_limited, where
from wirewatch.ingest.knowledge import formats
from wirewatch.ingest.options import IngestOptions
from wirewatch.ingest.sniff import media_type
from wirewatch.records import RawDocument, Skip, Source

ReadPayload = Callable[[Blob], Iterator[RawDocument | Skip]]
_PAGE_RECORDS = frozenset({"response", "resource", "conversion"})


def _readable(media: str | None) -> bool:
    """Media types worth opening; unknown or generic ones are sniffed rather than trusted."""
    known = formats()
    return (
        media is None
        or media == "application/octet-stream"
        or media in known.html_media_types
        or media in known.text_media_types
        or media in known.feed_media_types
        or media in known.xml_media_types
    )


def _page(
    record: Any, number: int, blob: Blob, options: IngestOptions, read_payload: ReadPayload
) -> Iterator[RawDocument | Skip]:
    headers = record.rec_headers
    target = headers.get_header("WARC-Target-URI")
    source = Source(
        kind="warc",
        path=blob.source.path,
        url=target or blob.source.url,
        fetched_at=headers.get_header("WARC-Date"),
        member=headers.get_header("WARC-Record-ID") or f"record {number}",
    )
    content_type = headers.get_header("Content-Type")
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            yield Skip(where(source), f"HTTP status {status} in the archive: no page was captured")
            return
        content_type = record.http_headers.get_header("Content-Type")
    media = media_type(content_type)
    if not _readable(media):
        yield Skip(where(source), f"capture is {media}, not a page")
        return
    try:
        payload = read_limited(record.content_stream(), options.max_document_bytes)
    except READ_ERRORS as exc:
        yield Skip(where(source), f"payload cannot be decoded ({exc})")
        return
    if payload is None:
        yield Skip(where(source), f"page over {options.max_document_bytes} bytes")
        return
    name = PurePosixPath(urlsplit(target or "").path).name
    declared = {"url": target} if target else {}
    yield from read_payload(Blob.from_bytes(payload, name, source, content_type, declared))


def read_warc(blob: Blob, options: IngestOptions, read_payload: ReadPayload) -> Iterator[RawDocument | Skip]:
    """Stream the archive; a corrupt or truncated tail costs one Skip, not the pages before it."""
    from warcio.archiveiterator import ArchiveIterator  # imported late: only archives need it
    from warcio.recordloader import ArchiveLoadFailed

    number = 0
    with blob.open() as stream:
        reader = Salvaging(stream)
        problem: BaseException | None = None
        try:
            for record in ArchiveIterator(reader, arc2warc=True):
                number += 1
                if record.rec_type in _PAGE_RECORDS:
                    yield from _page(record, number, blob, options, read_payload)
        except (ArchiveLoadFailed, *READ_ERRORS) as exc:
            problem = exc
        problem = problem or reader.error  # warcio ends quietly on some cut-off files
        if problem is not None:
            yield blob.skip(f"archive unreadable after record {number} ({problem}); the rest is skipped")
