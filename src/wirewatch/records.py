"""Typed records passed between stages.

Stages exchange only these records, so any stage can be tested, timed or replaced alone.
Evidence is always a span into clean text; ids are content hashes, so re-runs are idempotent.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SourceKind = Literal["file", "url", "warc", "feed", "jsonl", "text"]
MediaType = Literal["text", "html"]
Precision = Literal["day", "month", "year", "unknown"]


def content_id(data: bytes) -> str:
    """SHA-256 of the raw bytes: the document id everywhere."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Source:
    """Where a document came from; `member` locates it inside a container (WARC record, JSONL line)."""

    kind: SourceKind
    path: str | None = None
    url: str | None = None
    fetched_at: str | None = None
    member: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class RawDocument:
    """Bytes plus what the container told us about them (feed pubDate, WARC-Date, JSON fields).

    `declared` keys used downstream: title, published, outlet, url, byline, language, encoding.
    """

    id: str
    content: bytes
    media_type: MediaType
    source: Source
    declared: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_bytes(
        cls,
        content: bytes,
        media_type: MediaType,
        source: Source,
        declared: dict[str, str] | None = None,
    ) -> RawDocument:
        return cls(content_id(content), content, media_type, source, dict(declared or {}))


@dataclass(frozen=True)
class Skip:
    """An input that produced no document, and why; reported, never fatal to a batch."""

    where: str
    reason: str


@dataclass(frozen=True)
class Published:
    """Publication date with its evidence; `date` is None when nothing tells it (never invented)."""

    date: str | None = None
    precision: Precision = "unknown"
    evidence: str | None = None
    source: str | None = None  # container | html-meta | url | text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(frozen=True)
class Boilerplate:
    text: str
    reason: str


@dataclass
class Article:
    """A clean article. `body` is `paragraphs` joined by blank lines; offsets elsewhere point into it."""

    id: str
    title: str | None = None
    outlet: str | None = None
    publisher: str | None = None
    wire: str | None = None
    byline: list[str] = field(default_factory=list)
    dateline: str | None = None
    language: str | None = None
    published: Published = field(default_factory=Published)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    related_headlines: list[str] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    url: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)  # metadata field -> the text that told us

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "outlet": self.outlet,
            "publisher": self.publisher,
            "wire": self.wire,
            "byline": list(self.byline),
            "dateline": self.dateline,
            "language": self.language,
            "published": self.published.to_dict(),
            "body": self.body,
            "paragraphs": list(self.paragraphs),
            "captions": [asdict(c) for c in self.captions],
            "related_headlines": list(self.related_headlines),
            "boilerplate": [asdict(b) for b in self.boilerplate],
            "url": self.url,
            "evidence": dict(self.evidence),
        }


@dataclass
class ArticleRecord:
    """The per-article output record (`wirewatch process --format jsonl`); later stages add fields."""

    id: str
    source: Source
    article: Article
    actors: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    # Working state shared between stages in one process (e.g. parsed spaCy Docs); never serialised.
    annotations: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_dict(),
            "article": self.article.to_dict(),
            "actors": self.actors,
            "quotes": self.quotes,
            "events": self.events,
            "places": self.places,
            "times": self.times,
        }
