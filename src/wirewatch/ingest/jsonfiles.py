"""JSON and JSON Lines corpora (news-please, trafilatura --json, NewsAPI dumps, CC-News exports).

JSON Lines are streamed line by line, so a multi-GB dump never sits in memory and one bad line costs one
Skip. Which field holds the body and which hold metadata comes from data/ingest_formats.json.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from wirewatch.ingest.blob import Blob, read_limited, where
from wirewatch.ingest.dates import normalize_date
from wirewatch.ingest.encoding import guess_encoding
from wirewatch.ingest.knowledge import formats
from wirewatch.ingest.options import IngestOptions
from wirewatch.ingest.sniff import sniff
from wirewatch.records import MediaType, RawDocument, Skip

_CHUNK = 1 << 20


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) with None for a line over `limit` bytes, which is drained, not kept."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, line


def _decode(line: bytes) -> str:
    try:
        return line.decode("utf-8-sig")
    except UnicodeDecodeError:
        return line.decode(guess_encoding(line), "replace")


def _lookup(record: dict[str, Any], dotted: str) -> Any:
    value: Any = record
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _as_text(value: Any) -> str | None:
    """Strings as they are, names out of author objects, lists joined with "; " (names may hold commas)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return _as_text(value.get("name"))
    if isinstance(value, list):
        parts = [text for item in value if (text := _as_text(item))]
        return "; ".join(parts) or None
    return None


def _declared(record: dict[str, Any]) -> dict[str, str]:
    declared: dict[str, str] = {}
    for key, candidates in formats().json_declared_fields.items():
        for name in candidates:
            raw = _lookup(record, name)
            if key == "published" and raw is not None:
                value = normalize_date(raw)
                if value and isinstance(raw, str) and raw.strip() != value:
                    declared["published_raw"] = raw.strip()
            else:
                value = _as_text(raw)
            if value:
                declared[key] = value
                break
    return declared


def _body(record: dict[str, Any], options: IngestOptions) -> tuple[str, MediaType] | None:
    """Extracted text first (it is what the corpus authors cleaned), raw HTML when that is all there is."""
    known = formats()
    if options.json_body_field:
        names: tuple[tuple[str, MediaType | None], ...] = ((options.json_body_field, None),)
    else:
        names = tuple((n, None) for n in known.json_text_fields) + tuple(
            (n, "html") for n in known.json_html_fields
        )
    for name, media in names:
        value = _lookup(record, name)
        if isinstance(value, str) and value.strip():
            if media is None:
                media = "html" if sniff(value[:8192].encode("utf-8")).format == "html" else "text"
            return value, media
    return None


def _records(value: Any, member: str | None) -> Iterator[tuple[str | None, Any]]:
    """Articles inside one JSON value: the object itself, a list, or a wrapper such as {"articles": [...]}."""
    if isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _records(item, f"{member} item {index}" if member else f"item {index}")
        return
    known = formats()
    body_fields = known.json_text_fields + known.json_html_fields
    if isinstance(value, dict) and not any(name in value for name in body_fields):
        for name in known.json_list_fields:
            inner = value.get(name)
            if isinstance(inner, list) and inner and all(isinstance(i, dict) for i in inner):
                yield from _records(inner, member)
                return
    yield member, value


def _documents(
    blob: Blob, value: Any, member: str | None, options: IngestOptions
) -> Iterator[RawDocument | Skip]:
    for place, record in _records(value, member):
        source = blob.member(place) if place else blob.source
        if not isinstance(record, dict):
            yield Skip(where(source), f"JSON {type(record).__name__} where an article object was expected")
            continue
        body = _body(record, options)
        if body is None:
            wanted = options.json_body_field or "/".join(formats().json_text_fields[:4])
            yield Skip(where(source), f"JSON object has no text field ({wanted}, ...); set json_body_field")
            continue
        text, media = body
        data = text.encode("utf-8")
        if len(data) > options.max_document_bytes:
            yield Skip(where(source), f"document over {options.max_document_bytes} bytes")
            continue
        declared = {**_declared(record), "encoding": "utf-8"}
        source = (
            blob.member(place, kind="jsonl", url=declared.get("url", blob.source.url)) if place else source
        )
        yield RawDocument.from_bytes(data, media, source, {**blob.declared, **declared})


def _parse(text: str) -> tuple[Any, str | None]:
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"


def _line_documents(
    blob: Blob, number: int, line: bytes | None, options: IngestOptions
) -> Iterator[RawDocument | Skip]:
    place = blob.member(f"line {number}")
    if line is None:
        yield Skip(where(place), f"JSON line over {options.max_document_bytes * 2} bytes")
        return
    value, problem = _parse(_decode(line))
    if problem:
        yield Skip(where(place), problem + "; fix or remove the line")
    else:
        yield from _documents(blob, value, f"line {number}", options)


def _is_lines(line: bytes) -> bool:
    """A first line that is a whole JSON value, or at least one object, makes the file JSON Lines."""
    stripped = line.strip()
    if stripped.startswith(b"{") and stripped.endswith(b"}"):
        return True
    value, problem = _parse(_decode(line))
    return problem is None and isinstance(value, dict | list)


def read_json(blob: Blob, options: IngestOptions) -> Iterator[RawDocument | Skip]:
    """JSON Lines when the first line is a whole value, otherwise one JSON document (array or object)."""
    with blob.open() as stream:
        lines = _lines(stream, options.max_document_bytes * 2)  # escapes and metadata outweigh the body
        first = next(((n, line) for n, line in lines if line is None or line.strip()), None)
        if first is None:
            yield blob.skip("empty JSON file")
            return
        # An overlong first line followed by more lines is JSON Lines; alone, it is minified JSON.
        second = next(((n, line) for n, line in lines if line is None or line.strip()), None)
        as_lines = second is not None if first[1] is None else _is_lines(first[1])
        if as_lines:
            for number, line in (first, second) if second else (first,):
                yield from _line_documents(blob, number, line, options)
            for number, line in lines:
                if line is None or line.strip():
                    yield from _line_documents(blob, number, line, options)
            return
    with blob.open() as stream:
        data = read_limited(stream, options.max_container_bytes)
    if data is None:
        yield blob.skip(f"JSON file over {options.max_container_bytes} bytes; convert it to JSON Lines")
        return
    value, problem = _parse(_decode(data))
    if problem:
        yield blob.skip(problem)
        return
    yield from _documents(blob, value, None, options)
