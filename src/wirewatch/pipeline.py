"""The article pipeline: extraction, then named stages over one shared ArticleRecord.

As in spaCy, stages are registered by name and assembled from a list, so any prefix of the pipeline
can be run, timed or replaced (`wirewatch process --stages extract`). A stage takes the record and
returns it; it never reaches into another stage's internals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from wirewatch import __version__
from wirewatch.config import Config
from wirewatch.errors import InputError, WirewatchError
from wirewatch.records import ArticleRecord, RawDocument, Skip


class Stage(Protocol):
    name: str

    def __call__(self, record: ArticleRecord) -> ArticleRecord: ...


StageFactory = Callable[[Config], Stage]
_REGISTRY: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under a name (the factory gets the Config, loads models once)."""

    def wrap(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return wrap


def registered_stages() -> list[str]:
    _load_builtin_stages()
    return ["extract", *_REGISTRY]


def _load_builtin_stages() -> None:
    """Importing a stage module registers it; built-ins are imported here so the registry is complete."""
    import wirewatch.temporal.stage  # noqa: F401


class Pipeline:
    """Built once per process; stages load their models and lexicons in their factories."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        _load_builtin_stages()
        unknown = [s for s in self.config.stages if s != "extract" and s not in _REGISTRY]
        if unknown:
            raise WirewatchError(
                f"unknown stage(s) {', '.join(unknown)}; available: {', '.join(registered_stages())}"
            )
        self.stages: list[Stage] = [_REGISTRY[s](self.config) for s in self.config.stages if s != "extract"]
        self.version = f"wirewatch-{__version__}"

    def process(self, raw: RawDocument) -> ArticleRecord:
        """Raw document to record; InputError for documents that cannot become articles."""
        from wirewatch.extract import extract

        if len(raw.content) > self.config.max_document_bytes:
            raise InputError(
                f"document is {len(raw.content)} bytes, over the "
                f"{self.config.max_document_bytes}-byte limit; split it or raise max_document_bytes"
            )
        article = extract(raw)
        record = ArticleRecord(id=raw.id, source=raw.source, article=article)
        for stage in self.stages:
            record = stage(record)
        return record

    def process_many(self, items: Iterable[RawDocument | Skip]) -> Iterator[ArticleRecord | Skip]:
        """Records in input order; a bad document becomes a Skip with its reason, never an exception."""
        for item in items:
            if isinstance(item, Skip):
                yield item
                continue
            try:
                yield self.process(item)
            except InputError as exc:
                yield Skip(_where(item), str(exc))
            except Exception as exc:  # a bug on one document must not stop the batch
                yield Skip(_where(item), f"internal error ({type(exc).__name__}: {exc}); please report it")


def _where(raw: RawDocument) -> str:
    src = raw.source
    where = src.path or src.url or raw.id[:12]
    return f"{where} [{src.member}]" if src.member else where
