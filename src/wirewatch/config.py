"""One settings object with defaults, passed down; no module-level knobs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wirewatch.ingest.options import IngestOptions


@dataclass(frozen=True)
class Config:
    stages: tuple[str, ...] = ("extract", "nlp", "actors", "temporal", "quotes", "events", "geo")
    batch_size: int = 200
    max_document_bytes: int = 16 * 1024 * 1024
    allow_network: bool = True
    extra: dict[str, object] = field(default_factory=dict)

    def ingest_options(self) -> IngestOptions:
        """The ingest settings this config implies (one size limit for the whole pipeline)."""
        from wirewatch.ingest.options import IngestOptions

        return IngestOptions(max_document_bytes=self.max_document_bytes, allow_network=self.allow_network)
