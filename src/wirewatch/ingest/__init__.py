"""Sources -> RawDocuments: files, directories, stdin, URLs, URL lists, WARC, RSS/Atom, JSON/JSONL.

Formats are recognised from content (names and Content-Types only break ties), compressed inputs
(gzip, bz2, xz) are opened transparently, and containers are streamed. Everything that yields no
document comes out as a Skip with the reason, in input order, so a batch never stops on a bad input.
The document id is the SHA-256 of the document's bytes (for a container member: the member's bytes).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from wirewatch.errors import InputError
from wirewatch.ingest.blob import Blob, where
from wirewatch.ingest.dispatch import Item, read_blob, read_urls
from wirewatch.ingest.fetch import is_url
from wirewatch.ingest.options import IngestOptions
from wirewatch.records import RawDocument, Skip, Source

STDIN = "-"


def read_bytes(
    data: bytes,
    name: str = "",
    options: IngestOptions | None = None,
    *,
    source: Source | None = None,
    content_type: str | None = None,
) -> Iterator[Item]:
    """Documents in bytes already in memory (an upload, a message body); `name` helps sniffing only."""
    blob = Blob.from_bytes(data, name, source or Source(kind="text", path=name or None), content_type)
    return read_blob(blob, options or IngestOptions())


def _walk(root: Path, options: IngestOptions) -> Iterator[Item]:
    for folder, dirs, files in os.walk(root, onerror=None):
        if not options.include_hidden:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            files = [f for f in files if not f.startswith(".")]
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_file():
                yield from read_blob(Blob.from_path(path), options)
            elif not path.exists():
                yield Skip(str(path), "broken symbolic link")
            # sockets and FIFOs in a tree are not documents: passed over silently


def _in_memory(path: Path | None, options: IngestOptions) -> Iterator[Item]:
    """Stdin or a pipe (`<(zcat x)`) can be read only once, so it is held in memory and re-read there."""
    label = "<stdin>" if path is None else str(path)
    try:
        if path is None:
            data = sys.stdin.buffer.read()
        else:
            with path.open("rb") as stream:
                data = stream.read()
    except OSError as exc:
        yield Skip(label, f"cannot be read ({exc})")
        return
    source = Source(kind="text" if path is None else "file", path=label)
    yield from read_blob(Blob.from_bytes(data, label, source), options)


def _check(value: str | os.PathLike[str]) -> str | Path:
    """Fail fast, before any work, on inputs that do not exist: a typo should not cost a half-done batch."""
    text = os.fspath(value)
    if text == STDIN or is_url(text):
        return text
    if "://" in text:
        raise InputError(
            f"{text}: only http:// and https:// URLs can be fetched; download it and pass the file"
        )
    path = Path(text)
    if not path.exists():
        raise InputError(
            f"{text}: no such file or directory; pass a file, a directory, a URL or '-' for stdin"
        )
    return path


def _read(checked: list[str | Path], options: IngestOptions) -> Iterator[Item]:
    # consecutive URL arguments are fetched together, so in parallel
    for fetched, group in groupby(checked, key=lambda i: isinstance(i, str) and i != STDIN):
        if fetched:
            yield from read_urls([str(u) for u in group], options)
            continue
        for item in group:
            if isinstance(item, str):
                yield from _in_memory(None, options)
            elif item.is_dir():
                yield from _walk(item, options)
            elif stat.S_ISREG(item.stat().st_mode):
                yield from read_blob(Blob.from_path(item), options)
            else:
                yield from _in_memory(item, options)


def _unique(items: Iterator[Item]) -> Iterator[Item]:
    seen: set[str] = set()
    for item in items:
        if isinstance(item, RawDocument):
            if item.id in seen:
                yield Skip(where(item.source), f"same content as an earlier document (id {item.id[:16]}...)")
                continue
            seen.add(item.id)
        yield item


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]], options: IngestOptions | None = None
) -> Iterator[Item]:
    """RawDocuments and Skips from every input, in order. Raises InputError at once for a missing input."""
    options = options or IngestOptions()
    checked = [_check(value) for value in inputs]
    items = _read(checked, options)
    return _unique(items) if options.skip_duplicates else items


__all__ = ["IngestOptions", "iter_documents", "read_bytes"]
