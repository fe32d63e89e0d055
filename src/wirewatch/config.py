"""One settings object with defaults, passed down; no module-level knobs."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Config:
    stages: tuple[str, ...] = ("extract",)
    batch_size: int = 200
    max_document_bytes: int = 50 * 1024 * 1024
    extra: dict[str, object] = field(default_factory=dict)
