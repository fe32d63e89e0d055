"""Score wirewatch.quotes on PolNeAR (attribution relations in US political news, 2016).

A system quote matches a gold one when it covers at least a given share of the gold content's word
tokens (30% and 80%, as the Gender Gap Tracker's evaluation); matches are one-to-one, best first.
Speaker accuracy counts matched pairs whose system speaker span overlaps a gold source span. PolNeAR
also annotates beliefs and intentions ("hopes", "wants"), which a speech extractor must not report,
so recall is also given over the gold quotes whose cue is a verb of our lexicon.

The same scorer reads our own speech-only sets (tests/quotes/data/speech_*.jsonl, same shape); when
gold quotes carry a `kind` (direct, mixed, indirect), recall is also given per kind.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from wirewatch.quotes.find import Quote, find_quotes
from wirewatch.quotes.lexicon import lexicon
from wirewatch.quotes.stage import shared_nlp

THRESHOLDS = (0.3, 0.8)
WORD = re.compile(r"\w+")


def read_polnear(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield json.loads(line)


def _words(text: str) -> list[int]:
    return [m.start() for m in WORD.finditer(text)]


def _tokens(starts: list[int], spans: list[tuple[int, int]]) -> set[int]:
    return {i for i, s in enumerate(starts) for a, b in spans if a <= s < b}


def _is_speech_cue(doc: Doc, cue: dict[str, Any] | None) -> bool:
    if not cue:
        return False
    if cue["text"].lower().startswith("according to"):
        return True
    lemmas = lexicon().all_lemmas
    span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in lemmas for t in span if t.pos_ in ("VERB", "AUX"))


def score_document(doc: Doc, gold: list[dict[str, Any]], system: list[Quote]) -> dict[str, Any]:
    """Counts for one document at each threshold."""
    starts = _words(doc.text)
    gold_toks = [_tokens(starts, [(c["start"], c["end"]) for c in g["contents"]]) for g in gold]
    sys_toks = [_tokens(starts, [(q.start, q.end)]) for q in system]
    speech = [_is_speech_cue(doc, g.get("cue")) for g in gold]
    kinds = [str(g.get("kind") or "") for g in gold]
    out: dict[str, Any] = {"gold": len(gold), "system": len(system), "gold_speech": sum(speech)}
    out["gold_kind"] = {k: kinds.count(k) for k in set(kinds) if k}
    for th in THRESHOLDS:
        pairs = []
        for gi, gt in enumerate(gold_toks):
            if not gt:
                continue
            for si, st in enumerate(sys_toks):
                share = len(gt & st) / len(gt)
                if share >= th:
                    pairs.append((share, gi, si))
        pairs.sort(reverse=True)
        used_g: set[int] = set()
        used_s: set[int] = set()
        speaker_ok = speaker_n = speech_hits = 0
        for _share, gi, si in pairs:
            if gi in used_g or si in used_s:
                continue
            used_g.add(gi)
            used_s.add(si)
            speech_hits += speech[gi]
            sources = gold[gi].get("sources") or []
            if sources:
                speaker_n += 1
                q = system[si]
                if q.speaker_start is not None and any(
                    q.speaker_start < s["end"] and s["start"] < (q.speaker_end or 0) for s in sources
                ):
                    speaker_ok += 1
        out[th] = {
            "matched": len(used_g),
            "speaker_ok": speaker_ok,
            "speaker_n": speaker_n,
            "speech_matched": speech_hits,
            "kind_matched": {k: sum(1 for gi in used_g if kinds[gi] == k) for k in out["gold_kind"]},
        }
    return out


def _prf(matched: int, system: int, gold: int) -> dict[str, float]:
    p = matched / system if system else 0.0
    r = matched / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def evaluate_polnear(path: Path, limit: int | None = None) -> dict[str, Any]:
    """Run the quote finder on each PolNeAR text (the text is the body; no publication date)."""
    rows = list(read_polnear(path, limit))
    nlp = shared_nlp()
    t0 = time.perf_counter()
    totals: dict[str, Any] = {"data": path.name, "documents": 0, "gold": 0, "system": 0, "gold_speech": 0}
    gold_kind: dict[str, int] = {}
    per: dict[float, dict[str, Any]] = {
        th: {"matched": 0, "speaker_ok": 0, "speaker_n": 0, "speech_matched": 0, "kind_matched": {}}
        for th in THRESHOLDS
    }
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        system = find_quotes(doc)
        counts = score_document(doc, row["quotes"], system)
        totals["documents"] += 1
        for k in ("gold", "system", "gold_speech"):
            totals[k] += counts[k]
        for kind, n in counts["gold_kind"].items():
            gold_kind[kind] = gold_kind.get(kind, 0) + n
        for th in THRESHOLDS:
            for k, v in counts[th].items():
                if k == "kind_matched":
                    for kind, n in v.items():
                        per[th][k][kind] = per[th][k].get(kind, 0) + n
                else:
                    per[th][k] += v
    seconds = time.perf_counter() - t0
    result: dict[str, Any] = dict(
        totals,
        gold_kind=gold_kind,
        seconds=seconds,
        quotes_per_second=totals["system"] / seconds if seconds else 0.0,
    )
    for th in THRESHOLDS:
        c = per[th]
        figures = _prf(c["matched"], totals["system"], totals["gold"])
        figures["speech_recall"] = (
            c["speech_matched"] / totals["gold_speech"] if totals["gold_speech"] else 0.0
        )
        figures["speaker_accuracy"] = c["speaker_ok"] / c["speaker_n"] if c["speaker_n"] else 0.0
        figures["recall_by_kind"] = {k: c["kind_matched"].get(k, 0) / n for k, n in sorted(gold_kind.items())}
        figures.update(c)
        result[f"overlap_{int(th * 100)}"] = figures
    return result


def format_report(result: dict[str, Any]) -> str:
    name = "PolNeAR" if "polnear" in str(result.get("data", "polnear")).lower() else result["data"]
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(result.get("gold_kind", {}).items()))
    lines = [
        f"{name} quotes: {result['documents']} documents, {result['gold']} gold quotes "
        f"({result['gold_speech']} with a speech cue of our lexicon), {result['system']} found "
        f"in {result['seconds']:.1f}s ({result['quotes_per_second']:.0f} quotes/s, parsing included)",
    ]
    for th in THRESHOLDS:
        f = result[f"overlap_{int(th * 100)}"]
        lines.append(
            f"  overlap >= {int(th * 100)}%: P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}  "
            f"speech-cue R {f['speech_recall']:.3f}  speaker {f['speaker_accuracy']:.3f} "
            f"({f['speaker_ok']}/{f['speaker_n']})"
        )
        if f.get("recall_by_kind"):
            lines.append(
                "      recall by kind: " + "  ".join(f"{k} {r:.3f}" for k, r in f["recall_by_kind"].items())
            )
    if kinds:
        lines.insert(1, f"  gold quotes by kind: {kinds}")
    return "\n".join(lines)
