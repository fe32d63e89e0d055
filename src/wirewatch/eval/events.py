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

Hand-written sentence sets (tests/events/data/*.jsonl, rows of {text, type|null, mode, source_country,
target_country, factuality?}) are scored the same way, with `type: null` rows as sentences that must give
no event (any predicted type is a false positive). `data_dir` may be such a `.jsonl` file, or a directory
holding `dev_sentences.jsonl` / `holdout_sentences.jsonl` / `wire_sentences.jsonl` (chosen by `split`:
dev, heldout, wire) and no synthetic stories, so `wirewatch eval events --data tests/events/data --split dev`
scores the dev set. The wire set (long wire-service sentences: datelines, attribution, background clauses) was
written apart from the rules and scored once before any tuning on it; "wire" names only that sentence set.
`wire2_sentences.jsonl` (130 wire sentences, all 16 types and 18 non-events) was written later by someone who
never read the rules, and is not tuned on: score it with `--data tests/events/data/wire2_sentences.jsonl`.
`wire3_sentences.jsonl` (150 more, written the same way) was scored once and then used for tuning.
On these sets source and target country are checked on the matching event (gold type), against the
countries of its actors.

Background events. A sentence with one gold type is scored on its main event: predicted events with
factuality "historical" (acts the sentence recalls — "after Paris criticised …", "the attack that killed
26 people last year") are set aside, neither a false positive nor the match for the gold type, unless the
item's own gold factuality is "historical". So a coder that wrongly marks the main event as background
loses recall. Sentences whose gold is no event (`type: null`) stay strict: any predicted event, historical
or not, is a false positive. `micro_strict` gives the figures with historical events counted as
predictions like any other (the scoring before this rule), so both can be reported.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from wirewatch.events.dataset import SYNTHETIC_GLOB, build_items

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
    sent_n = sent_none = sent_none_ok = 0
    tgt_n = tgt_ok = fact_n = fact_ok = 0
    strict_tp = strict_fp = strict_fn = background = 0
    for item, pred in zip(items, preds, strict=True):
        events = pred.get("events") or []
        if item.get("type") is not None and item["corpus"] in ("synthetic", "sentences"):
            all_types = list(dict.fromkeys(e["type"] for e in events))
            strict_tp += item["type"] in all_types
            strict_fn += item["type"] not in all_types
            strict_fp += sum(t != item["type"] for t in all_types)
            if item.get("factuality") != "historical":  # the main event, not what the sentence recalls
                background += sum(e.get("factuality") == "historical" for e in events)
                events = [e for e in events if e.get("factuality") != "historical"]
        types = list(dict.fromkeys(e["type"] for e in events))
        if item["corpus"] == "sentences" and item.get("type") is None:
            strict_fp += len(types)
            sent_n += 1
            sent_none += 1
            sent_none_ok += not events
            for t in types:
                fp[t] += 1
                confusion[("-", t)] += 1
            continue
        if item["corpus"] == "sentences":
            sent_n += 1
            countries = {a["id"]: a.get("country") for a in pred.get("actors") or []}
            match = next((e for e in events if e["type"] == item["type"]), None)
            if match is not None and item.get("source_country"):
                src_n += 1
                got = [countries.get(s) for s in match["source"]]
                src_found += bool(got)
                src_ok += item["source_country"] in got
            if match is not None and item.get("target_country"):
                tgt_n += 1
                parties = match["source"] + match["target"]
                tgt_ok += item["target_country"] in [countries.get(t) for t in parties]
            if match is not None and item.get("factuality"):
                fact_n += 1
                fact_ok += match.get("factuality") == item["factuality"]
        if item["corpus"] in ("synthetic", "sentences"):
            synthetic += item["corpus"] == "synthetic"
            gold = item["type"]
            no_event += not events and item["corpus"] == "synthetic"
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
    micro_strict = _prf(strict_tp, strict_fp, strict_fn)
    present = [t for t in TYPES if per_type[t]["support"]]
    return {
        "synthetic_items": synthetic,
        "sentence_items": sent_n,
        "sentence_no_event_items": sent_none,
        "sentence_no_event_correct": sent_none_ok / sent_none if sent_none else None,
        "target_country_accuracy": tgt_ok / tgt_n if tgt_n else None,
        "target_country_items": tgt_n,
        "factuality_accuracy": fact_ok / fact_n if fact_n else None,
        "factuality_items": fact_n,
        "micro": micro,
        "micro_strict": micro_strict,
        "background_events_set_aside": background,
        "macro_f1": sum(per_type[t]["f1"] for t in present) / len(present) if present else 0.0,
        "per_type": per_type,
        "no_event_rate": no_event / synthetic if synthetic else (
            sum(1 for i, p in zip(items, preds, strict=True) if i.get("type") and not p.get("events"))
            / max(1, sent_n - sent_none)
        ),
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


SENTENCE_SETS = {
    "dev": "dev_sentences.jsonl", "heldout": "holdout_sentences.jsonl", "wire": "wire_sentences.jsonl",
}


def read_sentence_set(path: Path) -> list[dict[str, Any]]:
    """A hand-written `.jsonl` set as eval items (corpus "sentences"); `type` null means no event."""
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines()):
        if line.strip():
            row = json.loads(line)
            out.append({**row, "id": f"{path.stem}-{n}", "corpus": "sentences"})
    return out


def _items(data_dir: Path, split: str) -> tuple[list[dict[str, Any]], str]:
    if data_dir.is_file() and data_dir.suffix == ".jsonl":
        return read_sentence_set(data_dir), data_dir.stem
    if not data_dir.is_dir():
        raise FileNotFoundError(f"{data_dir} is not a directory or .jsonl set; pass ../shared/data/events")
    own = data_dir / SENTENCE_SETS[split]
    if own.is_file() and not any(data_dir.glob(SYNTHETIC_GLOB)):
        return read_sentence_set(own), own.stem
    if split == "wire":
        raise FileNotFoundError(f"{own} not found: the wire split exists only for hand-written sentence sets")
    return build_items(data_dir, split), split


def run_events_eval(data_dir: Path, *, split: str = "heldout", limit: int | None = None) -> dict[str, Any]:
    """Build the `split` items from `data_dir` (or read a `.jsonl` sentence set), run the pipeline on each
    sentence and score it."""
    if split not in SENTENCE_SETS:
        raise ValueError(f"split must be one of {', '.join(SENTENCE_SETS)}, not {split!r}")
    all_items, split = _items(data_dir, split)
    items = _sample(all_items, limit)
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


def _typed(result: dict[str, Any]) -> str:
    if result.get("sentence_items"):
        return f"hand-written sentences, {result['sentence_items']}"
    return f"synthetic leads, {result['synthetic_items']}"


def _strict_line(result: dict[str, Any]) -> list[str]:
    s = result.get("micro_strict")
    if not s:
        return []
    return [
        f"  historical (background) events set aside: {result.get('background_events_set_aside', 0)}; "
        f"counting them as predictions: micro P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
    ]


def _sentence_lines(result: dict[str, Any]) -> list[str]:
    if not result.get("sentence_items"):
        return []
    return [
        f"  no-event sentences left without an event ({result['sentence_no_event_items']}): "
        f"{_pct(result['sentence_no_event_correct'])}",
        f"  on the matching event: source country {_pct(result['source_country_accuracy'])} "
        f"({result['source_country_items']}), target country among its actors "
        f"{_pct(result['target_country_accuracy'])} ({result['target_country_items']}), factuality "
        f"{_pct(result['factuality_accuracy'])} ({result['factuality_items']})",
    ]


def format_events_report(result: dict[str, Any]) -> str:
    """A plain-text report: headline figures, the per-type table and the commonest confusions."""
    m = result["micro"]
    lines = [
        f"events eval ({result.get('split', '?')} split): {result.get('items', 0)} sentences "
        f"in {result.get('seconds', '?')} s ({result.get('sentences_per_s', '?')}/s)",
        f"  PLOVER type ({_typed(result)}): micro P {m['precision']:.3f} "
        f"R {m['recall']:.3f} F1 {m['f1']:.3f}; macro-F1 {result['macro_f1']:.3f}; "
        f"no event {_pct(result['no_event_rate'])}",
        *_strict_line(result),
        *_sentence_lines(result),
        f"  mode accuracy (type found, {result['mode_items']} items): {_pct(result['mode_accuracy'])}",
        f"  CAMEO quad accuracy ({result['cameo_quad_items']} event sentences): "
        f"{_pct(result['cameo_quad_accuracy'])}; statements without an event "
        f"({result['cameo_statement_items']}): {_pct(result['cameo_statement_no_event'])}",
        *([] if result.get("sentence_items") else [
            f"  source country (CAMEO S spans coded by the KB, {result['source_country_items']} events): "
            f"{_pct(result['source_country_accuracy'])}"]),
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
