"""Story clustering accuracy: B-cubed precision/recall/F1 against labelled sets.

Sets: (1) the bundled sample corpus, labelled by samples/manifest.jsonl (`story` per article; copies and
updates are scored too, as linked pairs); the articles are ingested through the whole pipeline into a
temporary store unless a store that holds them is given. (2) A generated set (wirewatch.stories.synthetic):
our own templates and invented names, embedded with the real model, records fed straight to clustering.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """B-cubed over the items present in both: per item, overlap of its predicted and gold clusters."""
    items = [i for i in gold if i in pred]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "items": 0}
    pc: dict[str, set[str]] = defaultdict(set)
    gc: dict[str, set[str]] = defaultdict(set)
    for i in items:
        pc[pred[i]].add(i)
        gc[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        both = len(pc[pred[i]] & gc[gold[i]])
        p += both / len(pc[pred[i]])
        r += both / len(gc[gold[i]])
    p, r = p / len(items), r / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "items": len(items),
        "gold_clusters": len(gc),
        "predicted_clusters": len(pc),
    }


def _manifest() -> list[dict[str, Any]]:
    path = SAMPLES / "manifest.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _map_manifest(con: Any, manifest: list[dict[str, Any]]) -> dict[str, str]:
    """manifest id -> article id, through where each document was seen (path, member or URL)."""
    from wirewatch.store import stories as sql

    seen = sql.q(con, "SELECT doc_id, path, member, url FROM sightings")
    out: dict[str, str] = {}
    for m in manifest:
        for doc, path, member, url in seen:
            p = (path or "").replace("\\", "/")
            if member is None and m.get("member") is None and p.endswith("corpus/" + m["path"]) or (
                member is not None
                and p.endswith("corpus/" + m["path"])
                and (url == m.get("url") or member == m.get("member") or url == m.get("member"))
            ):
                out[m["id"]] = doc
    return out


def eval_samples(db: str | None = None) -> dict[str, Any]:
    from wirewatch.jobs import ingest
    from wirewatch.store import Store
    from wirewatch.store import stories as sql

    manifest = _manifest()
    with tempfile.TemporaryDirectory() as tmp:
        path = db or str(Path(tmp) / "samples.duckdb")
        t0 = time.perf_counter()
        with Store(path) as store:
            if db is None:
                ingest(store, [str(SAMPLES / "corpus")])
            ids = _map_manifest(store.con, manifest)
            placed = sql.story_of_articles(store.con, list(ids.values()))
            groups = {
                r[0]: (r[1], r[2])
                for r in sql.q(store.con, "SELECT article_id, relation, of_article FROM doc_groups")
            }
        seconds = round(time.perf_counter() - t0, 2)
    gold = {m["id"]: m["story"] for m in manifest if m["id"] in ids}
    pred = {mid: placed[aid] for mid, aid in ids.items() if aid in placed}
    scores = bcubed(pred, gold)
    # duplicates: unordered linked pairs (copy or update) against the manifest's copy_of / update_of
    back = {aid: mid for mid, aid in ids.items()}
    gold_pairs = {frozenset((m["id"], m[k])) for m in manifest for k in ("copy_of", "update_of") if m.get(k)}
    gold_pairs = {p for p in gold_pairs if all(x in ids for x in p)}
    pred_pairs = {
        frozenset((back[a], back[o]))
        for a, (rel, o) in groups.items()
        if rel in ("copy", "update") and a in back and o in back
    }
    tp = len(gold_pairs & pred_pairs)
    kinds_ok = sum(
        1
        for m in manifest
        for k, rel in (("copy_of", "copy"), ("update_of", "update"))
        if m.get(k) and m["id"] in ids and groups.get(ids[m["id"]], ("", ""))[0] == rel
    )
    return {
        "set": "sample corpus (samples/manifest.jsonl)",
        "articles_in_manifest": len(manifest),
        "articles_found": len(ids),
        "articles_placed": len(pred),
        "bcubed": scores,
        "duplicates": {
            "gold_pairs": len(gold_pairs),
            "found_pairs": len(pred_pairs),
            "true_pairs": tp,
            "precision": round(tp / len(pred_pairs), 4) if pred_pairs else None,
            "recall": round(tp / len(gold_pairs), 4) if gold_pairs else None,
            "relation_right": kinds_ok,
        },
        "seconds": seconds,
    }


def eval_synthetic(n_stories: int = 600, seed: int = 7) -> dict[str, Any]:
    from wirewatch.stories import cluster
    from wirewatch.stories.embed import get_embedder
    from wirewatch.stories.synthetic import generate

    arts = generate(n_stories, seed=seed)
    t0 = time.perf_counter()
    vecs = get_embedder().encode([a.text for a in arts])
    t_embed = time.perf_counter() - t0
    index = cluster.StoryIndex()
    t1 = time.perf_counter()
    placed = {}
    for a, v in zip(arts, vecs, strict=True):
        placed[a.id] = index.add(a.features(v)).story_id
    t_cluster = time.perf_counter() - t1
    pred = {k: index.resolve(v) for k, v in placed.items()}
    gold = {a.id: a.story for a in arts}
    # the same clustering with vectors only (no actors or types), to show what each signal adds
    plain = cluster.StoryIndex()
    for a, v in zip(arts, vecs, strict=True):
        plain.add(cluster.ArticleFeatures(id=a.id, vec=v, day=a.day, countries=a.countries))
    pred_plain = {a.id: plain.resolve(plain.article_story[a.id]) for a in arts}
    # the generated text is more alike across stories than news is (shared templates), so the threshold
    # tuned on real articles over-merges here; the sweep shows what a threshold fitted to this set gives
    sweep = {}
    saved = cluster.JOIN
    try:
        for join in (0.52, 0.6, 0.66, 0.72, 0.78):
            cluster.JOIN = join
            idx = cluster.StoryIndex()
            for a, v in zip(arts, vecs, strict=True):
                idx.add(a.features(v))
            sweep[str(join)] = bcubed({a.id: idx.resolve(idx.article_story[a.id]) for a in arts}, gold)["f1"]
    finally:
        cluster.JOIN = saved
    return {
        "set": f"generated ({n_stories} stories, seed {seed}; own templates, invented names)",
        "articles": len(arts),
        "bcubed": bcubed(pred, gold),
        "bcubed_vectors_and_countries_only": bcubed(pred_plain, gold),
        "f1_by_join_threshold": sweep,
        "embed_seconds": round(t_embed, 2),
        "cluster_seconds": round(t_cluster, 3),
        "comparisons_per_article": round(index.comparisons / max(1, len(arts)), 1),
    }


def split_story_items(data_dir: Path, n_stories: int, seed: int) -> list[dict[str, Any]]:
    """Two articles per story from NGEC's synthetic PLOVER stories: the first half of its paragraphs under
    the story's title at one outlet, the second half at another outlet a day later or the same day.

    Stories are many to a day (n over 60 days) and often alike in topic (protests, strikes, talks), so
    keeping different happenings apart is tested as much as joining two tellings of one. The halves share
    the happening but not their words, which is harder than wire copies or rewrites of one lead.
    """
    import csv
    import random
    from datetime import date, timedelta

    csv.field_size_limit(1 << 27)
    path = next(iter(sorted(data_dir.glob("gpt_synthetic_events_*.csv"))), None)
    if path is None:
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        stories = [r for r in csv.DictReader(fh) if r.get("text")]
    rng = random.Random(seed)
    rng.shuffle(stories)
    items: list[dict[str, Any]] = []
    start = date(2026, 1, 1)
    for n, row in enumerate(stories[:n_stories]):
        paras = [p.strip() for p in row["text"].split("\n\n") if len(p.split()) >= 5]
        if len(paras) < 2:
            continue
        half = (len(paras) + 1) // 2
        day = start + timedelta(days=rng.randrange(60))
        for part, (chunk, outlet, lag) in enumerate(
            ((paras[:half], "Split Set Herald", 0), (paras[half:], "Split Set Courier", rng.choice((0, 1))))
        ):
            items.append({
                "url": f"https://split.example/{n}/{part}",
                "title": row.get("title") if part == 0 else chunk[0].split(". ")[0][:90],
                "published": (day + timedelta(days=lag)).isoformat(),
                "outlet": outlet,
                "text": "\n\n".join(chunk if part == 0 else chunk[1:] or chunk),
                "story": f"g{n}",
            })
    return items


def eval_split_stories(data_dir: Path, n_stories: int = 600, seed: int = 23) -> dict[str, Any]:
    """B-cubed on the split synthetic stories, through the whole pipeline and incremental clustering.

    The join threshold was chosen on seed 11; the default seed 23 draws another 600 stories."""
    from wirewatch.jobs import ingest
    from wirewatch.store import Store
    from wirewatch.store import stories as sql

    items = split_story_items(data_dir, n_stories, seed)
    if not items:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "split.jsonl"
        src.write_text("".join(json.dumps({k: v for k, v in it.items() if k != "story"}) + "\n"
                               for it in items), encoding="utf-8")
        t0 = time.perf_counter()
        with Store(Path(tmp) / "split.duckdb") as store:
            ingest(store, [str(src)])
            by_url = dict(sql.q(store.con, "SELECT url, id FROM articles"))
            placed = sql.story_of_articles(store.con, list(by_url.values()))
        seconds = round(time.perf_counter() - t0, 1)
    gold = {it["url"]: it["story"] for it in items if it["url"] in by_url}
    pred = {u: placed[by_url[u]] for u in gold if by_url[u] in placed}
    return {
        "set": f"split synthetic stories ({len(gold) // 2} NGEC stories, two halves at two outlets, 60 days)",
        "bcubed": bcubed(pred, gold),
        "seconds": seconds,
    }


def run_stories_eval(
    db: str | None = None, synthetic_stories: int = 600, seed: int = 7, samples: bool = True,
    split_data: Path | None = None, split_stories: int = 600,
) -> dict[str, Any]:
    from wirewatch.stories import cluster

    out: dict[str, Any] = {"join": cluster.JOIN}
    if samples:
        out["samples"] = eval_samples(db)
    if split_data is not None and split_stories:
        out["split"] = eval_split_stories(split_data, split_stories)
    if synthetic_stories:
        out["synthetic"] = eval_synthetic(synthetic_stories, seed)
    return out


def format_stories_report(result: dict[str, Any]) -> str:
    lines = ["Story clustering, B-cubed"]
    for key in ("samples", "split", "synthetic"):
        r = result.get(key)
        if not r:
            continue
        b = r["bcubed"]
        lines.append(
            f"  {r['set']}: P {b['precision']:.3f}  R {b['recall']:.3f}  F1 {b['f1']:.3f}  "
            f"({b['items']} articles, {b.get('gold_clusters')} gold / {b.get('predicted_clusters')} found)"
        )
        if key == "split":
            lines.append(f"    whole pipeline and incremental clustering in {r['seconds']} s")
        elif key == "samples":
            d = r["duplicates"]
            lines.append(
                f"    duplicates: {d['true_pairs']}/{d['gold_pairs']} gold copy/update pairs found, "
                f"{d['found_pairs']} linked (precision {d['precision']}, recall {d['recall']}); "
                f"{r['articles_found']}/{r['articles_in_manifest']} manifest articles in the store"
            )
        else:
            v = r["bcubed_vectors_and_countries_only"]
            lines.append(
                f"    vectors + countries only: P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}"
            )
            lines.append(
                f"    F1 by join threshold (shipped {result.get('join')}): {r['f1_by_join_threshold']}"
            )
            lines.append(
                f"    embedding {r['embed_seconds']} s, clustering {r['cluster_seconds']} s, "
                f"{r['comparisons_per_article']} story comparisons per article"
            )
    return "\n".join(lines)
