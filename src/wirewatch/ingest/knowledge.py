"""The shipped table of field names, media types and file signatures (data/ingest_formats.json).

Loaded once per process; kept as data so a new corpus schema is a one-line edit, not a code change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Formats:
    json_text_fields: tuple[str, ...]
    json_html_fields: tuple[str, ...]
    json_list_fields: tuple[str, ...]
    json_declared_fields: dict[str, tuple[str, ...]]
    html_media_types: frozenset[str]
    text_media_types: frozenset[str]
    feed_media_types: frozenset[str]
    xml_media_types: frozenset[str]
    ignored_media_types: frozenset[str]
    html_extensions: frozenset[str]
    ignored_extensions: frozenset[str]
    ignored_names: frozenset[str]
    binary_signatures: tuple[tuple[bytes, str], ...]


@lru_cache(maxsize=1)
def formats() -> Formats:
    """Parse the data file; signatures are written as latin-1 code points so JSON can hold raw bytes."""
    raw = json.loads(resources.files("wirewatch").joinpath("data/ingest_formats.json").read_text("utf-8"))
    return Formats(
        json_text_fields=tuple(raw["json_text_fields"]),
        json_html_fields=tuple(raw["json_html_fields"]),
        json_list_fields=tuple(raw["json_list_fields"]),
        json_declared_fields={k: tuple(v) for k, v in raw["json_declared_fields"].items()},
        html_media_types=frozenset(raw["html_media_types"]),
        text_media_types=frozenset(raw["text_media_types"]),
        feed_media_types=frozenset(raw["feed_media_types"]),
        xml_media_types=frozenset(raw["xml_media_types"]),
        ignored_media_types=frozenset(raw["ignored_media_types"]),
        html_extensions=frozenset(raw["html_extensions"]),
        ignored_extensions=frozenset(raw["ignored_extensions"]),
        ignored_names=frozenset(raw["ignored_names"]),
        binary_signatures=tuple(
            (magic.encode("latin-1"), name) for magic, name in raw["binary_signatures"].items()
        ),
    )
