"""RSS/Atom feeds: one document per entry, with what the feed declares (title, date, link, author).

Most feeds carry a summary, not the article; `follow` (given when follow_feed_links is on) fetches the
linked page instead and the feed's metadata travels with it as `declared`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

from wirewatch.ingest.blob import Blob, read_limited, where
from wirewatch.ingest.dates import normalize_date
from wirewatch.ingest.options import IngestOptions
from wirewatch.records import MediaType, RawDocument, Skip, Source

# Fetches (link, entry provenance, entry metadata) jobs, in parallel, and reads the pages.
Follow = Callable[[list[tuple[str, Source, dict[str, str]]]], Iterator[RawDocument | Skip]]


def _byline(entry: Any) -> str | None:
    names = [a.get("name", "").strip() for a in entry.get("authors", []) if isinstance(a, dict)]
    names = [n for n in names if n]
    if names:
        return "; ".join(names)
    author = entry.get("author")
    return author.strip() if isinstance(author, str) and author.strip() else None


def _published(entry: Any) -> tuple[str | None, str | None]:
    """(normalised, raw): the entry's own publication date, falling back to its update time."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if isinstance(raw, str) and raw.strip():
            return normalize_date(raw), raw.strip()
    return None, None


def _body(entry: Any) -> tuple[str, MediaType] | None:
    """The fullest text the entry carries: `content:encoded`/Atom content first, then the summary."""
    candidates = [c for c in entry.get("content", []) if isinstance(c, dict) and c.get("value", "").strip()]
    summary = entry.get("summary_detail")
    if isinstance(summary, dict) and summary.get("value", "").strip():
        candidates.append(summary)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: len(c["value"]))
    media: MediaType = "text" if best.get("type", "text/html") == "text/plain" else "html"
    return best["value"], media


def _declared(entry: Any, channel: Any) -> dict[str, str]:
    published, raw = _published(entry)
    fields = {
        "title": (entry.get("title") or "").strip(),
        "published": published or "",
        "published_raw": raw if raw and raw != published else "",
        "url": (entry.get("link") or "").strip(),
        "byline": _byline(entry) or "",
        "outlet": (channel.get("title") or "").strip(),
        "language": (entry.get("language") or channel.get("language") or "").strip(),
        "record_id": (entry.get("id") or "").strip(),
    }
    return {k: v for k, v in fields.items() if v}


def read_feed(
    blob: Blob, options: IngestOptions, follow: Follow | None = None
) -> Iterator[RawDocument | Skip]:
    import feedparser  # imported late: ~0.1 s, and only feeds need it

    with blob.open() as stream:
        data = read_limited(stream, options.max_container_bytes)
    if data is None:
        yield blob.skip(f"feed larger than {options.max_container_bytes} bytes; raise max_container_bytes")
        return
    # A stream, never a string: feedparser fetches strings that look like URLs or paths.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield blob.skip(f"feed has no entries{f' ({problem})' if problem else ''}")
        return
    linked: list[tuple[str, Source, dict[str, str]]] = []
    for number, entry in enumerate(parsed.entries, start=1):
        declared = _declared(entry, parsed.feed)
        link = declared.get("url", "")
        source = Source(
            kind="feed",
            path=blob.source.path,
            url=link or blob.source.url,
            fetched_at=blob.source.fetched_at,
            member=f"entry {number}",
        )
        if follow is not None and link.startswith(("http://", "https://")):
            linked.append((link, source, declared))
            continue
        body = _body(entry)
        if body is None:
            yield Skip(where(source), "feed entry has no text; turn on follow_feed_links to fetch its page")
            continue
        text, media = body
        yield RawDocument.from_bytes(text.encode("utf-8"), media, source, {**declared, "encoding": "utf-8"})
    if follow is not None and linked:
        yield from follow(linked)
