"""Score the event coder on sentence items built from ../shared/data/events/ (see events/dataset.py).

Each sentence runs through the real pipeline as a one-sentence article (batched, so spaCy's `nlp.pipe`
does the parsing). Synthetic items have one gold PLOVER type: a predicted type equal to it is a true
positive, every other predicted type a false positive, and a missing gold type a false negative; per-type
P/R/F1, micro-F1 over all decisions and macro-F1 over the 16 types follow. Mode accuracy is measured on
items whose gold type was found and which have a gold mode. CAMEO items have a quad class: the quad of
the first predicted event against it (label-0 statements should produce no event, or a REQUEST). Where a
CAMEO item has a source span (NER tag S), the span is coded by the actor knowledge base to a country
(a silver reference) and compared with the country of the first event's source actor.

Only `split="dev"` may be used while tuning; "heldout" is for reporting.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from pathlib import Path
from typing import Any

from wirewatch.events.dataset import build_items

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def _sample(items: list[dict[str, Any]], limit: int | None) -> list[dict[str, Any]]:
    """A deterministic sample that mixes both corpora: items ordered by the SHA-1 of their id."""
    if limit is None or limit >= len(items):
        return items
    return sorted(items, key=lambda i: hashlib.sha1(i["id"].encode()).hexdigest())[:limit]


def _predict(texts: list[str]) -> list[dict[str, Any]]:
    """Records (as dicts with actors and events) for each text, in order; a skipped text gives {}."""
    from wirewatch.config import Config
    from wirewatch.pipeline import Pipeline
    from wirewatch.records import ArticleRecord, RawDocument, Source

    pipeline = Pipeline(Config())
    raws = [
        RawDocument.from_bytes(t.encode("utf-8"), "text", Source("file", path=f"sentence-{n}.txt"))
        for n, t in enumerate(texts)
    ]
    out = []
    for rec in pipeline.process_many(raws, batch_size=64):
        if isinstance(rec, ArticleRecord):
            out.append({"events": rec.events, "actors": rec.actors, "body": rec.article.body})
        else:
            out.append({})
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "support": tp + fn}


def _kb() -> Any:
    from wirewatch.actors.kb import KnowledgeBase

    return KnowledgeBase.load()


def score(items: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    """All figures from items and their predicted records (split out so tests can feed fixed input)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    no_event = synthetic = mode_n = mode_ok = 0
    quad_n = quad_ok = stmt_n = stmt_ok = 0
    src_n = src_ok = src_found = 0
    kb = None
    for item, pred in zip(items, preds, strict=True):
        events = pred.get("events") or []
        types = list(dict.fromkeys(e["type"] for e in events))
        if item["corpus"] == "synthetic":
            synthetic += 1
            gold = item["type"]
            no_event += not events
            if gold in types:
                tp[gold] += 1
                if item.get("mode"):
                    mode_n += 1
                    mode_ok += any(e["type"] == gold and e.get("mode") == item["mode"] for e in events)
            else:
                fn[gold] += 1
                confusion[(gold, types[0] if types else "-")] += 1
            for t in types:
                if t != gold:
                    fp[t] += 1
            continue
        quad = events[0]["quad_class"] if events else None
        if item.get("quad") is None:
            stmt_n += 1
            stmt_ok += quad is None or events[0]["type"] == "REQUEST"
        else:
            quad_n += 1
            quad_ok += quad == item["quad"]
        if item.get("source_text") and events:
            kb = kb or _kb()
            gold_country = kb.code(item["source_text"][0]).country
            if gold_country:
                src_n += 1
                countries = {a["id"]: a.get("country") for a in pred.get("actors") or []}
                got = [countries.get(s) for s in events[0]["source"]]
                src_found += bool(got)
                src_ok += gold_country in got
    per_type = {t: _prf(tp[t], fp[t], fn[t]) for t in TYPES}
    micro = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    present = [t for t in TYPES if per_type[t]["support"]]
    return {
        "synthetic_items": synthetic,
        "micro": micro,
        "macro_f1": sum(per_type[t]["f1"] for t in present) / len(present) if present else 0.0,
        "per_type": per_type,
        "no_event_rate": no_event / synthetic if synthetic else 0.0,
        "top_errors": [[g, p, n] for (g, p), n in confusion.most_common(12)],
        "mode_accuracy": mode_ok / mode_n if mode_n else None,
        "mode_items": mode_n,
        "cameo_quad_accuracy": quad_ok / quad_n if quad_n else None,
        "cameo_quad_items": quad_n,
        "cameo_statement_no_event": stmt_ok / stmt_n if stmt_n else None,
        "cameo_statement_items": stmt_n,
        "source_country_accuracy": src_ok / src_n if src_n else None,
        "source_country_items": src_n,
    }


def run_events_eval(data_dir: Path, *, split: str = "heldout", limit: int | None = None) -> dict[str, Any]:
    """Build the `split` items from `data_dir`, run the pipeline on each sentence and score it."""
    if split not in ("dev", "heldout"):
        raise ValueError(f"split must be 'dev' or 'heldout', not {split!r}")
    if not data_dir.is_dir():
        raise FileNotFoundError(f"{data_dir} is not a directory; pass ../shared/data/events")
    items = _sample(build_items(data_dir, split), limit)
    t0 = time.perf_counter()
    preds = _predict([i["text"] for i in items])
    seconds = time.perf_counter() - t0
    result = score(items, preds)
    result.update(
        split=split,
        items=len(items),
        seconds=round(seconds, 1),
        sentences_per_s=round(len(items) / seconds, 1) if seconds else None,
    )
    return result


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def format_events_report(result: dict[str, Any]) -> str:
    """A plain-text report: headline figures, the per-type table and the commonest confusions."""
    m = result["micro"]
    lines = [
        f"events eval ({result.get('split', '?')} split): {result.get('items', 0)} sentences "
        f"in {result.get('seconds', '?')} s ({result.get('sentences_per_s', '?')}/s)",
        f"  PLOVER type (synthetic leads, {result['synthetic_items']}): micro P {m['precision']:.3f} "
        f"R {m['recall']:.3f} F1 {m['f1']:.3f}; macro-F1 {result['macro_f1']:.3f}; "
        f"no event {_pct(result['no_event_rate'])}",
        f"  mode accuracy (type found, {result['mode_items']} items): {_pct(result['mode_accuracy'])}",
        f"  CAMEO quad accuracy ({result['cameo_quad_items']} event sentences): "
        f"{_pct(result['cameo_quad_accuracy'])}; statements without an event "
        f"({result['cameo_statement_items']}): {_pct(result['cameo_statement_no_event'])}",
        f"  source country (CAMEO S spans coded by the KB, {result['source_country_items']} events): "
        f"{_pct(result['source_country_accuracy'])}",
        "",
        f"  {'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}",
    ]
    for t, s in result["per_type"].items():
        lines.append(f"  {t:<10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:5d}")
    if result["top_errors"]:
        lines.append("")
        lines.append("  top errors (gold -> first predicted, '-' = no event):")
        lines += [f"    {g:<10} -> {p:<10} {n}" for g, p, n in result["top_errors"]]
    return "\n".join(lines)
