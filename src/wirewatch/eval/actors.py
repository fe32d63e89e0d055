"""Measure the actor KB on NGEC's actor-resolution assertions (ngec_actor_resolution_tests.jsonl).

Each row of that file is one assertion from the NGEC project's own tests: a method (agent_to_code,
short_text_to_agent, query_wiki, search_nat, trf_agent_match), its arguments, the output field
checked (country, code_1, wiki, actor_wiki_job ...), an operator and the expected value. We answer
each with `KnowledgeBase.code` and count how many hold. Where NGEC uses a code our ontology does not
have (HLH, PRM, AGR, "MED" meaning medical ...) or checks an NGEC-internal field (pattern, remainder
text, second sector), the assertion is reported as not comparable rather than silently dropped.
Offices change, so assertions with a date are reported apart from undated ones.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from wirewatch.actors.kb import Coding, KnowledgeBase

# CAMEO umbrella country codes that NGEC uses where we use IGO.
COUNTRY_EQUIVALENTS = {"UNO": "IGO", "EUR": "IGO"}
# NGEC sector codes with a direct counterpart in our ontology.
SECTOR_EQUIVALENTS = {"JRN": "MED", "BUD": "REL"}
# NGEC codes with no counterpart; "MED" is medical in NGEC (media in ours).
FOREIGN_SECTORS = {"MED", "HLH", "PRM", "PRE", "AGR", "SOC", "JNK", "????"}
UNSUPPORTED_FIELDS = {
    "pattern": "NGEC-internal pattern name",
    "source": "NGEC-internal resolution source",
    "code_2": "second sector: our schema has one sector per actor",
}
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y")


def parse_when(value: Any, kb: KnowledgeBase) -> tuple[date | None, str]:
    """The assertion's date and how it was given: dated, today (the KB's as-of date) or undated."""
    if value in (None, ""):
        return None, "undated"
    text = str(value).strip()
    if text.lower() == "today":
        return kb.as_of, "today"
    for fmt in DATE_FORMATS:
        try:
            value = text.title() if "%b" in fmt.lower() else text
            return datetime.strptime(value, fmt).date(), "dated"
        except ValueError:
            continue
    raise ValueError(f"unreadable NGEC date {value!r}")


def _norm_title(kb: KnowledgeBase, title: str) -> str:
    title = re.sub(r"\s*\([^)]*\)", "", title)  # "Ben Wallace (politician)" -> "Ben Wallace"
    title = re.sub(r"^\d+(st|nd|rd|th)\s+", "", title.strip())  # "8th President of ..." -> "President of ..."
    return kb.normalise(title)


def _names(kb: KnowledgeBase, coding: Coding) -> set[str]:
    entity = coding.entity
    if entity is None:
        return set()
    names = [entity.name] if entity.id.startswith("gov:") else [entity.name, *entity.aliases]
    return {_norm_title(kb, n) for n in names}


def _entity_holds(kb: KnowledgeBase, coding: Coding, expected: str) -> bool:
    if expected == "":  # NGEC: no encyclopaedia entity; a bare country is not one either
        return coding.entity is None or coding.entity.kind == "state"
    return _norm_title(kb, expected) in _names(kb, coding)


def _office_holds(kb: KnowledgeBase, coding: Coding, expected: str) -> bool:
    if coding.role is None:
        return False
    role = coding.role
    labels = {role.label(kb.state_name(role.country)), role.title}
    return _norm_title(kb, expected) in {_norm_title(kb, label) for label in labels}


def _compare(op: str, got: Any, expected: Any) -> bool:
    if op == "Eq":
        return got == expected
    if op == "NotEq":
        return got != expected
    if op == "In":
        return got in expected
    if op == "Is":
        return got is expected
    raise ValueError(f"unknown operator {op!r}")


def _kind(row: dict) -> str:
    method, field = row["method"], row["field"]
    if row["op"] == "Is" or (field is None and row["output_var"] == "code"):
        return "nothing"
    if method == "search_nat":
        return "nationality" if row["output_var"] == "cc" else "remainder"
    if field in ("wiki", "title"):
        return "entity"
    if field == "actor_wiki_job":
        return "office"
    if field == "code_1":
        return "sector (noun)" if method == "short_text_to_agent" else "sector"
    if field == "country":
        return "country (noun)" if method == "short_text_to_agent" else "country"
    return field or "other"


def check(kb: KnowledgeBase, row: dict) -> dict:
    """One assertion: {kind, dating, status (held|failed|unsupported), got, reason}."""
    args = list(row["args"]) + [None, None, None]
    kwargs = row.get("kwargs") or {}
    text, context = args[0], args[1] or kwargs.get("known_country") or kwargs.get("country")
    day, dating = parse_when(kwargs.get("query_date") or args[2], kb)
    kind, field, op, expected = _kind(row), row["field"], row["op"], row["expected"]
    out = {"test": row["test"], "text": text, "date": day.isoformat() if day else None, "kind": kind,
           "dating": dating, "field": field or row["output_var"], "expected": expected}

    if kind == "remainder" or field in UNSUPPORTED_FIELDS:
        reason = UNSUPPORTED_FIELDS.get(field, "NGEC remainder text")
        return {**out, "status": "unsupported", "reason": reason}
    if field == "code_1" and op != "In" and expected in FOREIGN_SECTORS:
        reason = f"NGEC code {expected} has no wirewatch counterpart"
        return {**out, "status": "unsupported", "reason": reason}

    coding = kb.code(text, day, context) if isinstance(text, str) else Coding(str(text))
    if kind == "nothing":
        got: Any = None
        if not coding.empty:
            got = coding.entity.id if coding.entity else coding.country or coding.sector
        held = got is None
    elif kind == "nationality":
        got = kb.country_of(text) or ""
        held = _compare(op, got, expected)
    elif kind == "entity":
        got = coding.entity.name if coding.entity else ""
        held = _entity_holds(kb, coding, expected) if op == "Eq" else not _entity_holds(kb, coding, expected)
    elif kind == "office":
        got = coding.role.label(kb.state_name(coding.role.country)) if coding.role else ""
        held = _office_holds(kb, coding, expected)
    elif kind.startswith("country"):
        got = coding.country or ""
        want = COUNTRY_EQUIVALENTS.get(expected, expected)
        held = _compare(op, got, want) or (op == "Eq" and want == "" and got == "NGO")
    else:  # sector
        got = coding.sector or ""
        if expected == "NGO":
            got, held = coding.country or "", coding.country == "NGO"
        else:
            want = [SECTOR_EQUIVALENTS.get(e, e) for e in expected] if op == "In" else \
                SECTOR_EQUIVALENTS.get(expected, expected)
            held = _compare(op, got, want)
    return {**out, "status": "held" if held else "failed", "got": got}


def _tally(results: list[dict]) -> dict:
    total = len(results)
    held = sum(r["status"] == "held" for r in results)
    comparable = sum(r["status"] != "unsupported" for r in results)
    return {"total": total, "comparable": comparable, "held": held,
            "rate": round(held / comparable, 4) if comparable else None}


def evaluate_ngec(path: Path, kb: KnowledgeBase | None = None) -> dict:
    """How many NGEC actor assertions hold with our KB: overall, by kind, and dated apart."""
    kb = kb or KnowledgeBase.load()
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    results = [check(kb, row) for row in rows]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    by_dating: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        by_kind[r["kind"]].append(r)
        by_dating[r["dating"]].append(r)
    return {
        "path": str(path),
        "kb_as_of": kb.as_of.isoformat(),
        "entities": len(kb.entities),
        "overall": _tally(results),
        "by_kind": {k: _tally(v) for k, v in sorted(by_kind.items())},
        "by_dating": {k: _tally(v) for k, v in sorted(by_dating.items())},
        "unsupported": dict(Counter(r["reason"] for r in results if r["status"] == "unsupported")),
        "failures": [r for r in results if r["status"] == "failed"],
    }


def format_report(result: dict, failures: int = 0) -> str:
    """Plain-text summary; `failures` > 0 lists that many failed assertions."""
    def line(name: str, t: dict) -> str:
        rate = f"{t['rate']:.1%}" if t["rate"] is not None else "  n/a"
        return f"  {name:<16} {t['held']:>4} / {t['comparable']:<4} {rate:>6}   ({t['total']} assertions)"

    o = result["overall"]
    out = [f"NGEC actor assertions: {result['path']}",
           f"KB: {result['entities']} entities, as of {result['kb_as_of']}",
           line("overall", o),
           f"  not comparable: {o['total'] - o['comparable']}",
           "by kind:"]
    out += [line(k, t) for k, t in result["by_kind"].items()]
    out.append("by date:")
    out += [line(k, t) for k, t in result["by_dating"].items()]
    if result["unsupported"]:
        out.append("not comparable, why:")
        reasons = sorted(result["unsupported"].items(), key=lambda x: -x[1])
        out += [f"  {n:>4}  {reason}" for reason, n in reasons]
    if failures:
        out.append(f"first {failures} failures:")
        for f in result["failures"][:failures]:
            when = f" on {f['date']}" if f["date"] else ""
            out.append(f"  [{f['kind']}] {f['text']!r}{when}: expected {f['expected']!r}, got {f['got']!r}")
    return "\n".join(out)


if __name__ == "__main__":  # python -m wirewatch.eval.actors PATH [N_FAILURES]
    print(format_report(evaluate_ngec(Path(sys.argv[1])), int(sys.argv[2]) if len(sys.argv) > 2 else 0))
