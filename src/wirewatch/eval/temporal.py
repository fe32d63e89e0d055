"""Score wirewatch.temporal on TimeML gold (TimeBank + AQUAINT, as redistributed for TempEval-3).

Measures, as in TempEval-3: span precision/recall/F1 (strict = same offsets, relaxed = overlapping,
one-to-one), type and value accuracy on relaxed matches, and value F1 (a system expression counts
when it overlaps a gold one and the values are equal; precision over system, recall over gold).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from wirewatch.temporal import find_times
from wirewatch.temporal.lexicon import lexicon
from wirewatch.temporal.timeml import GoldTimex, TimeMLDoc, read_timeml

Span = tuple[int, int, str, str | None]  # start, end, TimeML type (upper case), value
System = Callable[[str, str | None], list[Span]]


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def figures(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "system": self.system,
            "strict": _prf(self.strict, self.system, self.gold),
            "relaxed": _prf(self.relaxed, self.system, self.gold),
            "type_accuracy": _ratio(self.type_ok, self.relaxed),
            "value_accuracy": _ratio(self.value_ok, self.relaxed),
            "value": _prf(self.value_ok, self.system, self.gold),
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _prf(tp: int, system: int, gold: int) -> dict[str, float]:
    p, r = _ratio(tp, system), _ratio(tp, gold)
    return {"p": p, "r": r, "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def wirewatch_system(text: str, dct: str | None) -> list[Span]:
    return [(t.start, t.end, t.type.upper(), t.value) for t in find_times(text, dct)]


_YEAR_ONLY = re.compile(r"\d{4}")


def dateparser_system(text: str, dct: str | None) -> list[Span]:
    """Baseline: dateparser's own search over the text, relative to the DCT, as a date at day precision
    (a bare year or month name at that precision). Durations, sets and clock times are out of its reach."""
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if dct:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(dct[:10])
    found = search_dates(text, languages=["en"], settings=settings) or []
    spans: list[Span] = []
    cursor = 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        words = surface.strip()
        if _YEAR_ONLY.fullmatch(words):
            value = f"{when.year:04d}"
        elif not any(ch.isdigit() for ch in words) and lexicon().month(words.split()[-1]) is not None:
            value = f"{when.year:04d}-{when.month:02d}"
        else:
            value = when.strftime("%Y-%m-%d")
        spans.append((start, cursor, "DATE", value))
    return spans


def score_document(system: list[Span], gold: Iterable[GoldTimex]) -> tuple[Counts, list[dict[str, Any]]]:
    """Counts for one document and its mismatches (missed, spurious, wrong value or type)."""
    gold = list(gold)
    counts = Counts(gold=len(gold), system=len(system))
    gold_spans = {(g.start, g.end) for g in gold}
    counts.strict = sum(1 for s in system if (s[0], s[1]) in gold_spans)
    pairs = sorted(
        (
            (min(s[1], g.end) - max(s[0], g.start), i, j)
            for i, s in enumerate(system)
            for j, g in enumerate(gold)
            if s[0] < g.end and g.start < s[1]
        ),
        reverse=True,
    )
    used_s: set[int] = set()
    used_g: set[int] = set()
    issues: list[dict[str, Any]] = []
    for _, i, j in pairs:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        s, g = system[i], gold[j]
        counts.relaxed += 1
        counts.type_ok += s[2] == g.type
        counts.value_ok += s[3] == g.value
        if s[3] != g.value or s[2] != g.type or (s[0], s[1]) != (g.start, g.end):
            issues.append({"kind": "mismatch", "gold": _gold_dict(g), "system": list(s)})
    issues += [{"kind": "missed", "gold": _gold_dict(g)} for j, g in enumerate(gold) if j not in used_g]
    issues += [{"kind": "spurious", "system": list(s)} for i, s in enumerate(system) if i not in used_s]
    return counts, issues


def _gold_dict(g: GoldTimex) -> dict[str, Any]:
    return {"start": g.start, "end": g.end, "text": g.text, "type": g.type, "value": g.value}


def _documents(data_dir: Path, limit: int | None) -> list[Path]:
    files = sorted(Path(data_dir).glob("**/*.tml"))
    if not files:
        raise FileNotFoundError(f"no .tml files under {data_dir}; point data_dir at TBAQ-cleaned")
    return files[:limit] if limit else files


def evaluate_timebank(
    data_dir: Path,
    limit: int | None = None,
    *,
    baseline: bool = True,
    progress: bool = True,
    keep_errors: bool = False,
) -> dict[str, Any]:
    """Score every .tml file under `data_dir` (TimeBank/ and AQUAINT/ folders are reported apart).

    `baseline` also scores plain dateparser search; `keep_errors` adds every mismatch with its context.
    """
    from rich.progress import Progress

    files = _documents(data_dir, limit)
    docs: list[TimeMLDoc] = [read_timeml(f) for f in files]
    systems: dict[str, System] = {"wirewatch": wirewatch_system}
    if baseline:
        systems["dateparser"] = dateparser_system
    totals: dict[str, dict[str, Counts]] = {name: {} for name in systems}
    seconds: dict[str, float] = dict.fromkeys(systems, 0.0)
    produced: dict[str, int] = dict.fromkeys(systems, 0)
    errors: list[dict[str, Any]] = []
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("TimeML documents", total=len(docs) * len(systems))
        for doc in docs:
            for name, system in systems.items():
                began = time.perf_counter()
                spans = system(doc.text, doc.dct)
                seconds[name] += time.perf_counter() - began
                produced[name] += len(spans)
                counts, issues = score_document(spans, doc.timexes)
                for key in ("all", doc.subset):
                    totals[name].setdefault(key, Counts()).add(counts)
                if keep_errors and name == "wirewatch":
                    errors += [_with_context(doc, issue) for issue in issues]
                bar.advance(task)
    result: dict[str, Any] = {
        "data_dir": str(data_dir),
        "documents": len(docs),
        "systems": {
            name: {
                "overall": by_subset["all"].figures(),
                "subsets": {k: v.figures() for k, v in sorted(by_subset.items()) if k != "all"},
                "seconds": round(seconds[name], 3),
                "expressions_per_second": round(produced[name] / seconds[name]) if seconds[name] else 0,
            }
            for name, by_subset in totals.items()
        },
    }
    if keep_errors:
        result["errors"] = errors
    return result


def _with_context(doc: TimeMLDoc, issue: dict[str, Any]) -> dict[str, Any]:
    where = issue.get("gold") or {"start": issue["system"][0], "end": issue["system"][1]}
    snippet = doc.text[max(0, where["start"] - 80) : where["end"] + 60].replace("\n", " ")
    return {**issue, "doc": f"{doc.subset}/{doc.name}", "dct": doc.dct, "context": snippet}


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of the figures, one block per system."""
    lines = [f"TimeML evaluation on {result['documents']} documents ({result['data_dir']})"]
    header = (
        f"{'':22}{'gold':>6}{'sys':>6}  {'strict P/R/F1':>20}  {'relaxed P/R/F1':>20}"
        f"  {'type':>6}{'value':>7}  {'value P/R/F1':>20}"
    )
    for name, block in result["systems"].items():
        lines += [
            "",
            f"{name}  ({block['seconds']} s, {block['expressions_per_second']} expressions/s)",
            header,
        ]
        rows = [("all", block["overall"]), *block["subsets"].items()]
        for label, f in rows:
            lines.append(
                f"{label:22}{f['gold']:>6}{f['system']:>6}  {_fmt(f['strict']):>20}  {_fmt(f['relaxed']):>20}"
                f"  {f['type_accuracy']:>6.3f}{f['value_accuracy']:>7.3f}  {_fmt(f['value']):>20}"
            )
    return "\n".join(lines)


def _fmt(prf: dict[str, float]) -> str:
    return f"{prf['p']:.3f}/{prf['r']:.3f}/{prf['f1']:.3f}"
