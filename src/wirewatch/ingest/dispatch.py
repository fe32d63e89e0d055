"""Route a blob to its format reader; the one place that knows which formats may nest in which.

A WARC capture may hold a page or a feed but not another archive; a fetched URL may hold anything but a
further URL list (one level of fetching, never a crawl).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from wirewatch.errors import FetchError
from wirewatch.ingest.blob import READ_ERRORS, Blob, Salvaging, read_limited, where
from wirewatch.ingest.encoding import charset_from_content_type, guess_encoding
from wirewatch.ingest.feeds import read_feed
from wirewatch.ingest.fetch import Fetched, fetch_or_error, is_url, ordered_map
from wirewatch.ingest.jsonfiles import read_json
from wirewatch.ingest.options import IngestOptions
from wirewatch.ingest.sniff import HEAD_BYTES, Format, sniff
from wirewatch.ingest.warc import read_warc
from wirewatch.records import RawDocument, Skip, Source

ANY: frozenset[Format] = frozenset({"warc", "feed", "json", "urls", "html", "text"})
IN_ARCHIVE: frozenset[Format] = frozenset({"feed", "html", "text"})
FETCHED: frozenset[Format] = ANY - {"urls"}
PAGE: frozenset[Format] = frozenset({"html", "text"})
# Containers read member by member: a damaged tail still leaves the members before it.
STREAMED: frozenset[Format] = frozenset({"warc", "json"})

Item = RawDocument | Skip


def read_blob(blob: Blob, options: IngestOptions, allowed: frozenset[Format] = ANY) -> Iterator[Item]:
    """Documents and Skips from one blob; read errors become Skips."""
    head, problem = _head(blob)
    if problem and not head:
        yield blob.skip(problem)
        return
    local = blob.source.kind in ("file", "text")
    sniffed = sniff(
        head[:HEAD_BYTES], blob.name, blob.content_type, truncated=len(head) > HEAD_BYTES, local=local
    )
    if sniffed.format is None:
        yield blob.skip(sniffed.reason or "unknown format")
        return
    if problem and sniffed.format not in STREAMED:
        yield blob.skip(problem)
        return
    if sniffed.format not in allowed:
        yield blob.skip(f"a {sniffed.format} container here is not read (no nesting of that kind)")
        return
    try:
        if sniffed.format == "warc":
            yield from read_warc(blob, options, lambda inner: read_blob(inner, options, IN_ARCHIVE))
        elif sniffed.format == "feed":
            follow = (lambda jobs: _follow(jobs, options)) if options.follow_feed_links else None
            yield from read_feed(blob, options, follow)
        elif sniffed.format == "json":
            yield from read_json(blob, options)
        elif sniffed.format == "urls":
            yield from read_url_list(blob, options)
        else:
            yield from _page(blob, sniffed.format, head, options)
    except READ_ERRORS as exc:
        yield blob.skip(f"reading stopped ({exc}); the rest of this input is skipped")


def _head(blob: Blob) -> tuple[bytes, str | None]:
    """The first bytes, and what went wrong if the input broke off within them (a truncated gzip)."""
    head = b""
    try:
        with blob.open() as stream:
            reader = Salvaging(stream)
            head = reader.read(HEAD_BYTES + 1)
            if len(head) <= HEAD_BYTES:
                reader.read(1)  # raises the error of a cut-off end, if the head ran into one
    except READ_ERRORS as exc:
        return head, f"cannot be read ({exc}); check that the file is complete and readable"
    return head, None


def _page(blob: Blob, media: Format, head: bytes, options: IngestOptions) -> Iterator[Item]:
    """A single HTML or text document; small ones are already whole in `head`."""
    if len(head) <= HEAD_BYTES:
        data: bytes | None = head
    else:
        with blob.open() as stream:
            data = read_limited(stream, options.max_document_bytes)
    if data is None:
        yield blob.skip(f"document over {options.max_document_bytes} bytes; raise max_document_bytes")
        return
    hint = charset_from_content_type(blob.content_type) or blob.declared.get("encoding")
    yield blob.document(data, "html" if media == "html" else "text", {"encoding": guess_encoding(data, hint)})


def _fetched_blob(fetched: Fetched, source: Source, declared: dict[str, str]) -> Blob:
    name = PurePosixPath(urlsplit(fetched.url).path).name
    return Blob.from_bytes(fetched.data, name, source, fetched.content_type, {**declared, "url": fetched.url})


def read_urls(urls: list[str], options: IngestOptions) -> Iterator[Item]:
    """Fetch each URL (in parallel, results in order) and read what came back."""
    if not options.allow_network:
        for url in urls:
            yield Skip(
                url, "network access is off (allow_network=False); fetch the page yourself or allow it"
            )
        return
    for url, result in zip(
        urls, ordered_map(lambda u: fetch_or_error(u, options), urls, options.fetch_workers), strict=True
    ):
        if isinstance(result, FetchError):
            yield Skip(url, str(result))
            continue
        source = Source(kind="url", url=result.url, fetched_at=result.fetched_at)
        yield from read_blob(_fetched_blob(result, source, {}), options, FETCHED)


def read_url_list(blob: Blob, options: IngestOptions) -> Iterator[Item]:
    with blob.open() as stream:
        data = read_limited(stream, options.max_container_bytes)
    if data is None:
        yield blob.skip(f"URL list over {options.max_container_bytes} bytes; split it")
        return
    lines = (line.strip() for line in data.decode("utf-8", "replace").splitlines())
    urls = [line for line in lines if line and not line.startswith("#")]
    for bad in (u for u in urls if not is_url(u)):
        yield blob.skip(f"'{bad[:80]}' is not an http(s) URL")
    yield from read_urls([u for u in urls if is_url(u)], options)


def _follow(jobs: list[tuple[str, Source, dict[str, str]]], options: IngestOptions) -> Iterator[Item]:
    """Fetch the pages feed entries link to; the entry's metadata stays declared on the page."""
    if not options.allow_network:
        for _, source, _ in jobs:
            yield Skip(
                where(source), "network access is off (allow_network=False); cannot follow the entry link"
            )
        return
    results = ordered_map(lambda job: fetch_or_error(job[0], options), jobs, options.fetch_workers)
    for (_, source, declared), result in zip(jobs, results, strict=True):
        if isinstance(result, FetchError):
            yield Skip(where(source), str(result))
            continue
        page_source = Source(
            kind="feed", path=source.path, url=result.url, fetched_at=result.fetched_at, member=source.member
        )
        yield from read_blob(_fetched_blob(result, page_source, declared), options, PAGE)
