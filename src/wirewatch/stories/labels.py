"""A story's label, made from what it is about: the main country pair, event types and contexts.

"USA–MEX: CONSULT (phone), COOPERATE; illegal_drugs, diplomatic". Without events: the main actors.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

GENERIC_CONTEXTS = {"diplomatic"}  # nearly every interstate event has it; it tells the reader nothing


def story_label(
    canon: list[dict[str, Any]], actors: list[str], names: dict[str, str], countries: list[str]
) -> str:
    real = [c for c in canon if c.get("factuality") in ("asserted", "reported", "historical", None)] or canon
    pairs: Counter[tuple[str, ...]] = Counter()
    types: Counter[str] = Counter()
    modes: dict[str, Counter[str]] = {}
    ctx: Counter[str] = Counter()
    for c in real:
        w = int(c.get("n_reports") or 1)
        for p in c.get("pairs") or []:
            a, _, b = p.partition(">")
            pairs[tuple(sorted((a, b)))] += w
        types[c["type"]] += w
        if c.get("mode"):
            modes.setdefault(c["type"], Counter())[c["mode"]] += w
        ctx.update({x: w for x in c.get("contexts") or [] if x not in GENERIC_CONTEXTS})
    rank = {c: i for i, c in enumerate(countries)}
    if pairs:  # the pair in the order the story names its countries (the more mentioned first)
        top = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))[0]
        head = "–".join(sorted(top, key=lambda c: (rank.get(c, 99), c)))
    else:
        head = "–".join(countries[:2])
    parts = []
    for t, _ in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[:2]:
        m = modes.get(t)
        parts.append(f"{t} ({m.most_common(1)[0][0]})" if m else t)
    parts += [x for x, _ in sorted(ctx.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
    if not parts:
        parts = [names.get(a, a.split(":", 1)[-1]) for a in actors[:3]]
    body = ", ".join(parts)
    if head and body:
        return f"{head}: {body}"
    return head or body or "(unlabelled)"
