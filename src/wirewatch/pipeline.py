"""The article pipeline: extraction, then named stages over one shared ArticleRecord.

As in spaCy, stages are registered by name and assembled from a list, so any prefix of the pipeline
can be run, timed or replaced (`wirewatch process --stages extract`). A stage takes the record and
returns it; it never reaches into another stage's internals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from wirewatch import __version__
from wirewatch.config import Config
from wirewatch.errors import InputError, WirewatchError
from wirewatch.records import ArticleRecord, RawDocument, Skip


class Stage(Protocol):
    """One step over the shared record. A stage may also define `pipe(records) -> records` to work on a
    batch at once (spaCy's `nlp.pipe`); the pipeline uses it when present."""

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
    import wirewatch.actors.stage
    import wirewatch.events.stage
    import wirewatch.geo.stage
    import wirewatch.nlp.stage
    import wirewatch.quotes.stage
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

    def remember(self, memory: dict[str, Any]) -> None:
        """Hand what the store kept from earlier runs (e.g. people learned from titles) to the stages
        that can use it; a stage opts in by defining `remember(memory)`."""
        for stage in self.stages:
            hook = getattr(stage, "remember", None)
            if hook is not None:
                hook(memory)

    def process(self, raw: RawDocument) -> ArticleRecord:
        """Raw document to record; InputError for documents that cannot become articles."""
        record = self.extract(raw)
        for stage in self.stages:
            record = stage(record)
        return record

    def extract(self, raw: RawDocument) -> ArticleRecord:
        """The first step alone: raw document to a record with its clean article."""
        from wirewatch.extract import extract

        if len(raw.content) > self.config.max_document_bytes:
            raise InputError(
                f"document is {len(raw.content)} bytes, over the "
                f"{self.config.max_document_bytes}-byte limit; split it or raise max_document_bytes"
            )
        return ArticleRecord(id=raw.id, source=raw.source, article=extract(raw))

    def process_many(
        self, items: Iterable[RawDocument | Skip], batch_size: int = 32
    ) -> Iterator[ArticleRecord | Skip]:
        """Records in input order; a bad document becomes a Skip with its reason, never an exception.

        Documents are extracted one by one, then the later stages run over batches (stages with a
        `pipe` method get the whole batch); a stage failing on a batch is retried document by document
        so that one bad article costs only itself.
        """
        pending: list[ArticleRecord | Skip] = []
        for item in items:
            pending.append(item if isinstance(item, Skip) else self._extract_or_skip(item))
            if len(pending) >= batch_size:
                yield from self._run_stages(pending)
                pending = []
        if pending:
            yield from self._run_stages(pending)

    def _extract_or_skip(self, raw: RawDocument) -> ArticleRecord | Skip:
        try:
            return self.extract(raw)
        except InputError as exc:
            return Skip(_where(raw), str(exc))
        except Exception as exc:  # a bug on one document must not stop the batch
            return Skip(_where(raw), f"internal error ({type(exc).__name__}: {exc}); please report it")

    def _run_stages(self, batch: list[ArticleRecord | Skip]) -> list[ArticleRecord | Skip]:
        records = [r for r in batch if isinstance(r, ArticleRecord)]
        failed: dict[str, Skip] = {}
        for stage in self.stages:
            live = [r for r in records if r.id not in failed]
            pipe = getattr(stage, "pipe", None)
            try:
                if pipe is not None:
                    pipe(live)
                else:
                    for r in live:
                        stage(r)
            except Exception:
                for r in live:
                    try:
                        stage(r)
                    except Exception as exc:
                        failed[r.id] = Skip(
                            _where(r),
                            f"internal error in stage {stage.name} ({type(exc).__name__}: {exc}); "
                            "please report it",
                        )
        return [failed.get(r.id, r) if isinstance(r, ArticleRecord) else r for r in batch]


def _where(doc: RawDocument | ArticleRecord) -> str:
    """Where a document came from, for a Skip's reason: path or URL, with its member in a container."""
    src = doc.source
    where = src.path or src.url or doc.id[:12]
    return f"{where} [{src.member}]" if src.member else where
