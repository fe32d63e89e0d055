"""Batch jobs that join the stages to the store: ingest inputs into a database, resumably."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from wirewatch.config import Config
from wirewatch.pipeline import Pipeline
from wirewatch.records import ArticleRecord, RawDocument, Skip, Source
from wirewatch.store import Store


@dataclass
class RunReport:
    run_id: str
    added: int = 0
    known: int = 0
    skipped: int = 0
    problems: list[Skip] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.added} added, {self.known} already known, {self.skipped} skipped"


Progress = Callable[[RunReport], None]


def ingest(
    store: Store,
    inputs: Sequence[str],
    *,
    config: Config | None = None,
    items: Iterable[RawDocument | Skip] | None = None,
    on_progress: Progress | None = None,
) -> RunReport:
    """Read inputs, extract new documents and write them in atomic batches.

    Documents already in the store (same bytes) are counted as known and only gain a sighting, so
    re-ingesting is a no-op and an interrupted run completes on the next one. A document that cannot
    be extracted is still kept as raw bytes with its reason, so nothing read is lost.
    """
    from wirewatch.ingest import iter_documents

    config = config or Config()
    pipeline = Pipeline(config)
    pipeline.remember(store.memory())
    # iter_documents checks every input before reading any, so a typo fails before a run is recorded
    stream = items if items is not None else iter_documents(inputs, config.ingest_options())
    report = RunReport(run_id=store.begin_run(inputs))
    chunk: list[RawDocument] = []
    problems: list[Skip] = []
    seen: set[str] = set()
    run_ids: list[str] = []  # every document of this run, new or known: the corpus level places them

    def flush() -> None:
        known = store.known(d.id for d in chunk)
        raws: list[RawDocument] = []
        records: list[ArticleRecord] = []
        sightings: list[tuple[str, Source]] = []
        for raw in chunk:
            run_ids.append(raw.id)
            sightings.append((raw.id, raw.source))
            if raw.id in known or raw.id in seen:
                report.known += 1
                continue
            seen.add(raw.id)
            raws.append(raw)
        for out in pipeline.process_many(raws):
            if isinstance(out, Skip):
                problems.append(out)
                report.skipped += 1
            else:
                records.append(out)
                report.added += 1
        store.write_batch(
            report.run_id, raws, records, sightings, problems, extractor_version=pipeline.version
        )
        report.problems.extend(problems)
        chunk.clear()
        problems.clear()
        if on_progress:
            on_progress(report)

    try:
        for item in stream:
            if isinstance(item, Skip):
                problems.append(item)
                report.skipped += 1
                continue
            chunk.append(item)
            if len(chunk) >= config.batch_size:
                flush()
        flush()
        from wirewatch.stories import update_corpus

        update_corpus(store, run_ids)  # stories, duplicates, canonical events; skips what is placed
    except BaseException:
        store.finish_run(report.run_id, added=report.added, known=report.known, skipped=report.skipped,
                         status="interrupted")
        raise
    store.finish_run(report.run_id, added=report.added, known=report.known, skipped=report.skipped)
    return report
