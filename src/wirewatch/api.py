"""The Python API for notebooks: process text or files, open a corpus, get Arrow tables back."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from wirewatch.config import Config
from wirewatch.pipeline import Pipeline
from wirewatch.records import ArticleRecord, Skip, Source
from wirewatch.store import Store


def process(
    text_or_path: str | Path | Sequence[str | Path], *, stages: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Records (as contract dicts) for a text, an HTML string, a file, a directory or a list of paths.

    A string that names an existing path is read as a path; anything else is article text.
    Documents that cannot be processed are left out; use `process_records` to see why.
    """
    return [r.to_dict() for r in process_records(text_or_path, stages=stages) if isinstance(r, ArticleRecord)]


def process_records(
    text_or_path: str | Path | Sequence[str | Path], *, stages: Sequence[str] | None = None
) -> builtins.list[ArticleRecord | Skip]:
    from wirewatch.ingest import iter_documents, read_bytes

    config = Config(stages=tuple(stages)) if stages else Config()
    pipeline = Pipeline(config)
    options = config.ingest_options()
    if isinstance(text_or_path, (str, Path)) and _is_path(text_or_path):
        items = iter_documents([str(text_or_path)], options)
    elif isinstance(text_or_path, Path):
        return [Skip(str(text_or_path), "no such file or directory")]
    elif isinstance(text_or_path, str):
        # the same content sniffing as files get: HTML, a feed, JSON or a text dump
        items = read_bytes(text_or_path.encode("utf-8"), options=options, source=Source(kind="text"))
    else:
        items = iter_documents([str(p) for p in text_or_path], options)
    return list(pipeline.process_many(items))


def _is_path(value: str | Path) -> bool:
    if isinstance(value, Path):
        return value.exists()
    if "\n" in value or len(value) > 4096:
        return False
    try:
        return Path(value).exists()
    except OSError:
        return False


class Corpus:
    """A wirewatch database seen from Python; every list comes back as an Arrow table."""

    def __init__(self, db: str | Path | None = None, *, read_only: bool = False) -> None:
        self.store = Store(db, read_only=read_only)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(self, *inputs: str | Path, config: Config | None = None) -> Any:
        from wirewatch.jobs import ingest

        return ingest(self.store, [str(i) for i in inputs], config=config)

    def articles(self, **filters: Any) -> pa.Table:
        """Filters: outlet, since, until, search, limit, offset."""
        return self.store.articles(**filters)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self.store.record(article_id)

    def actors(self, **filters: Any) -> pa.Table:
        """Filters: search, country, kinds, limit."""
        return self.store.actors(**filters)

    def quotes(self, **filters: Any) -> pa.Table:
        """Filters: speaker, channel, limit."""
        return self.store.quotes(**filters)

    def events(self, *, limit: int = 1000, offset: int = 0, **filters: Any) -> pa.Table:
        """Filters as `wirewatch events`: actor, dyad=("USA", "MEX"), directed, types, quad, factuality,
        since, until, country, outlet, article_id."""
        from wirewatch.store.events import EventFilter

        for name in ("types", "factuality"):
            if isinstance(filters.get(name), str):
                filters[name] = (filters[name],)
        if isinstance(filters.get("dyad"), str):
            a, _, b = filters["dyad"].partition("-")
            filters["dyad"] = (a, b)
        return self.store.events(EventFilter(**filters), limit=limit, offset=offset)

    def table(self, name: str) -> pa.Table:
        return self.store.table(name)

    def summary(self) -> dict[str, Any]:
        return self.store.summary()


def open(db: str | Path | None = None, *, read_only: bool = False) -> Corpus:  # noqa: A001
    """Open (creating if needed) a wirewatch database."""
    return Corpus(db, read_only=read_only)
