"""Which time expression dates an event: the nearest date in the event's sentence, preferring one
introduced by "on"/"in"/"at" or written "last ...", and avoiding bounds ("since", "until", "by")."""

from __future__ import annotations

from typing import Any

from wirewatch.temporal.lexicon import lexicon
from wirewatch.temporal.model import TimeExpr


def _cost(expr: TimeExpr, trigger_start: int) -> float:
    """Character distance to the trigger, halved for a dating cue, tripled for a bound."""
    cues = lexicon().cues
    distance = float(abs(expr.start - trigger_start))
    if expr.cue in cues["dating_cues"] or expr.text.lower().startswith("last "):
        distance *= 0.5
    elif expr.cue in cues["bound_cues"]:
        distance = distance * 3 + 50
    if expr.value is not None and expr.value.endswith("_REF"):
        distance = distance * 4 + 200  # "recently" dates an event only when nothing better is there
    return distance


def resolve_event_date(
    times: list[TimeExpr], sentence_start: int, sentence_end: int, trigger_start: int
) -> dict[str, Any]:
    """{value, precision, evidence: {start, end, text}} for the governing expression, or
    {value: None, precision: None, reason} when the sentence has none."""
    candidates = [
        t for t in times if t.type in ("date", "time") and sentence_start <= t.start and t.end <= sentence_end
    ]
    if not candidates:
        return {"value": None, "precision": None, "reason": "no date or time expression in the sentence"}
    best = min(candidates, key=lambda t: _cost(t, trigger_start))
    evidence: dict[str, Any] = {"start": best.start, "end": best.end, "text": best.text}
    if best.field != "body":
        evidence["field"] = best.field
    if best.value is None:
        return {"value": None, "precision": None, "reason": best.reason, "evidence": evidence}
    return {"value": best.value, "precision": best.precision, "evidence": evidence}
