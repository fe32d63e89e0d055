"""A readable input (file, stdin, fetched body, WARC payload) that every format reader takes alike.

A blob opens as a fresh, already-decompressed stream each time, so a reader can sniff the head and
then read from the start, and a file is streamed rather than loaded when it is a big container.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, cast

from wirewatch.ingest.sniff import compression
from wirewatch.records import MediaType, RawDocument, Skip, Source

# What a truncated or corrupt compressed stream raises while being read.
READ_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error, lzma.LZMAError, ValueError)


def where(source: Source) -> str:
    """Human-readable location for a Skip: the path or URL, plus the member inside a container."""
    place = source.path or source.url or "<input>"
    return f"{place} [{source.member}]" if source.member else place


def decompressed(stream: BinaryIO) -> BinaryIO:
    """Wrap `stream` in the decompressor its magic bytes call for (multi-member gzip, as in .warc.gz)."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(cast(Any, stream))
    kind = compression(buffered.peek(8)[:8])
    if kind == "gzip":
        return cast(BinaryIO, gzip.GzipFile(fileobj=buffered))
    if kind == "bz2":
        return cast(BinaryIO, bz2.BZ2File(buffered))
    if kind == "xz":
        return cast(BinaryIO, lzma.LZMAFile(buffered))
    return cast(BinaryIO, buffered)


@dataclass(frozen=True)
class Blob:
    """Bytes with provenance; `declared` is what the container already told us about them."""

    name: str
    source: Source
    opener: Callable[[], BinaryIO]
    content_type: str | None = None
    declared: dict[str, str] = field(default_factory=dict)

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        """A fresh decompressed stream; closing it closes the file under it too (decompressors do not)."""
        raw = self.opener()
        try:
            with decompressed(raw) as stream:
                yield stream
        finally:
            raw.close()

    @property
    def where(self) -> str:
        return where(self.source)

    def skip(self, reason: str) -> Skip:
        return Skip(self.where, reason)

    def document(self, data: bytes, media: MediaType, declared: dict[str, str]) -> RawDocument:
        return RawDocument.from_bytes(data, media, self.source, {**self.declared, **declared})

    def member(self, member: str, **changes: str | None) -> Source:
        """Provenance of a document inside this blob (a JSONL line, a feed entry)."""
        return replace(self.source, member=member, **changes)

    @classmethod
    def from_path(cls, path: Path, source: Source | None = None) -> Blob:
        return cls(path.name, source or Source(kind="file", path=str(path)), lambda: path.open("rb"))

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        name: str,
        source: Source,
        content_type: str | None = None,
        declared: dict[str, str] | None = None,
    ) -> Blob:
        return cls(name, source, lambda: io.BytesIO(data), content_type, dict(declared or {}))


class Salvaging:
    """A reader that hands out what a decompressor produced before a cut-off end, raising on the next
    read; plain `read(n)` on a gzip stream drops everything decoded in the call that hit the end.
    `error` keeps the failure for callers (warcio) that swallow it."""

    def __init__(self, inner: BinaryIO) -> None:
        self._inner = inner
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            raise self.error
        parts: list[bytes] = []
        got = 0
        while size < 0 or got < size:
            try:
                chunk = self._inner.read1(size - got if size >= 0 else 65536)
            except READ_ERRORS as exc:
                self.error = exc
                if not parts:
                    raise
                break
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)


def read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """All bytes of `stream`, or None when there are more than `limit` (the caller reports a Skip)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data
