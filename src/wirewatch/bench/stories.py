"""Clustering cost on synthetic articles: generated records go straight into the clustering step.

Not through spaCy and not through the embedding model: vectors are random unit vectors near a per-story
centroid (see synthetic.random_vectors), so the figure is the cost of blocking, scoring and placing.
Embedding costs are measured apart (per article, title + lead, with the real model).
"""

from __future__ import annotations

import time
import tracemalloc
from typing import Any

from wirewatch.eval.stories import bcubed
from wirewatch.stories import cluster
from wirewatch.stories.synthetic import generate, random_vectors


def bench_once(n_articles: int, seed: int = 11) -> dict[str, Any]:
    n_stories = max(1, int(n_articles / 2.4))  # about 2.9 articles per story; cut to n below
    days = max(30, n_articles // 150)  # about 150 articles a day, a mid-sized news feed
    arts = generate(n_stories, seed=seed, days=days, with_text=False)[:n_articles]
    vecs = random_vectors(arts, seed=seed)
    index = cluster.StoryIndex()
    tracemalloc.start()
    t0 = time.perf_counter()
    marks = []
    for i, (a, v) in enumerate(zip(arts, vecs, strict=True)):
        index.add(a.features(v))
        if (i + 1) % max(1, len(arts) // 4) == 0:
            marks.append(round(time.perf_counter() - t0, 2))
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    pred = {a.id: index.resolve(index.article_story[a.id]) for a in arts}
    gold = {a.id: a.story for a in arts}
    return {
        "articles": len(arts),
        "days": days,
        "seconds": round(seconds, 2),
        "ms_per_article": round(1000 * seconds / max(1, len(arts)), 3),
        "seconds_at_quarters": marks,
        "stories": len(index.stories),
        "comparisons_per_article": round(index.comparisons / max(1, len(arts)), 1),
        "peak_mb": round(peak / 1e6, 1),
        "bcubed_f1": bcubed(pred, gold)["f1"],
    }


def embed_cost(n: int = 200) -> dict[str, Any]:
    from wirewatch.stories.embed import get_embedder
    from wirewatch.stories.synthetic import generate

    texts = [a.text * 3 for a in generate(n // 3 + 1, seed=3)][:n]  # about 100-130 tokens, like a real lead
    emb = get_embedder()
    t0 = time.perf_counter()
    emb.encode(texts)
    s = time.perf_counter() - t0
    return {"texts": len(texts), "seconds": round(s, 2), "ms_per_article": round(1000 * s / len(texts), 2)}


def run_stories_bench(sizes: tuple[int, ...] = (10_000, 100_000)) -> dict[str, Any]:
    return {"runs": [bench_once(n) for n in sizes], "embedding": embed_cost()}


def format_report(result: dict[str, Any]) -> str:
    lines = ["Story clustering on synthetic articles (generated records, no spaCy, random story vectors)"]
    for r in result["runs"]:
        lines.append(
            f"  {r['articles']:>7} articles over {r['days']} days: {r['seconds']} s "
            f"({r['ms_per_article']} ms/article; at each quarter {r['seconds_at_quarters']}), "
            f"{r['stories']} stories, {r['comparisons_per_article']} comparisons/article, "
            f"peak {r['peak_mb']} MB, B-cubed F1 {r['bcubed_f1']}"
        )
    e = result["embedding"]
    lines.append(
        f"  embedding (real model, title + lead): {e['ms_per_article']} ms/article over {e['texts']} texts"
    )
    return "\n".join(lines)
