"""Throughput of the whole article pipeline (extract through the last stage) on real documents.

Times each stage separately over the same batch, so a slow stage shows itself. The issue's yardstick is
one core, so the run is pinned to one CPU and one BLAS thread (then restored); `cores` widens both.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from wirewatch.config import Config
from wirewatch.ingest import iter_documents
from wirewatch.pipeline import Pipeline
from wirewatch.records import ArticleRecord, RawDocument

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "corpus"


@contextmanager
def limited_to(cores: int) -> Iterator[int]:
    """Run the block on at most `cores` CPUs and BLAS threads; yields the number actually used."""
    from threadpoolctl import threadpool_limits

    pin = getattr(os, "sched_setaffinity", None)
    before = os.sched_getaffinity(0) if pin else None
    if pin and before:
        pin(0, set(sorted(before)[:cores]))
    try:
        with threadpool_limits(limits=cores):
            yield len(os.sched_getaffinity(0)) if pin else cores
    finally:
        if pin and before:
            pin(0, before)


def bench_pipeline(path: Path | None = None, repeat: int = 3, cores: int = 1) -> dict[str, Any]:
    """Articles/s for each stage and overall on the documents under `path` (default: the samples)."""
    with limited_to(cores) as used:
        result = _run(path, repeat)
    return {**result, "cores": used}


def _run(path: Path | None, repeat: int) -> dict[str, Any]:
    raws = [d for d in iter_documents([str(path or SAMPLES)]) if isinstance(d, RawDocument)]
    pipeline = Pipeline(Config())
    # warm-up: models and lexicons load once per process, not per article
    warm = [pipeline.extract(raws[0])]
    for stage in pipeline.stages:
        stage(warm[0])
    seconds: dict[str, float] = {"extract": 0.0}
    words = 0
    for _ in range(repeat):
        t = time.perf_counter()
        records: list[ArticleRecord] = [pipeline.extract(r) for r in raws]
        seconds["extract"] += time.perf_counter() - t
        words += sum(len(r.article.body.split()) for r in records)
        for stage in pipeline.stages:
            t = time.perf_counter()
            pipe = getattr(stage, "pipe", None)
            if pipe is not None:
                pipe(records)
            else:
                for rec in records:
                    stage(rec)
            seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - t
    n = len(raws) * repeat
    total = sum(seconds.values())
    return {
        "documents": len(raws),
        "repeat": repeat,
        "mean_words": round(words / n, 1) if n else 0,
        "articles_per_s": round(n / total, 2) if total else None,
        "words_per_s": round(words / total, 1) if total else None,
        # Cost grows with length, so the yardstick (700-word articles) is derived from words/s.
        "articles_per_s_at_700_words": round(words / total / 700, 2) if total else None,
        "stages": {k: {"seconds": round(v, 3), "ms_per_article": round(1000 * v / n, 2)}
                   for k, v in seconds.items()},
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def format_report(result: dict[str, Any]) -> str:
    lines = [
        f"pipeline benchmark: {result['documents']} documents x {result['repeat']}, "
        f"mean {result['mean_words']} words, one process on {result['cores']} core(s)",
        f"  overall: {result['articles_per_s']} articles/s, {result['words_per_s']} words/s, "
        f"max RSS {result['max_rss_mb']} MB",
        f"  at 700 words an article (from words/s): {result['articles_per_s_at_700_words']} articles/s",
    ]
    for name, s in result["stages"].items():
        lines.append(f"  {name:<10} {s['ms_per_article']:>8.2f} ms/article")
    return "\n".join(lines)
