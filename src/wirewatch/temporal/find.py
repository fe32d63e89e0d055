"""find_times: scan a text for time expressions and resolve each against the publication date."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from wirewatch.temporal import (
    rules_anaphora,
    rules_clock,
    rules_dates,
    rules_duration,
    rules_relative,
    rules_years,
)
from wirewatch.temporal.context import Context, Discourse, Resolution
from wirewatch.temporal.grammar import grammar
from wirewatch.temporal.lexicon import lexicon
from wirewatch.temporal.model import Anchor, TimeExpr

Resolver = Callable[[re.Match[str], Context], Resolution | None]

RESOLVERS: dict[str, Resolver] = {
    name: getattr(module, name)
    for module, names in (
        (rules_dates, "iso_date slash_date month_day month_year month_name holiday season"),
        (rules_years, "year spoken_year decade century quarter quarter_code"),
        (rules_relative, "day_word part_of_day weekday relative_unit reference"),
        (rules_anaphora, "period_rel year_adjective ago anaphoric"),
        (rules_duration, "duration vague_duration set_every set_weekday set_rate set_adverb"),
        (rules_clock, "clock"),
    )
    for name in names.split()
}
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def find_times(text: str, dct: str | None, *, field: str = "body") -> list[TimeExpr]:
    """Time expressions in `text`, in order, with TimeML values resolved against `dct`.

    `dct` is the publication date ('2026-01-12', '2026-01', '2026') or None; it is never guessed, so
    expressions that need more of it than is known carry value None (or an X pattern) and a reason.
    """
    anchor = Anchor.parse(dct)
    gram, lex = grammar(), lexicon()
    discourse = Discourse()
    found: list[TimeExpr] = []
    pos = 0
    while (hit := gram.matches_at(text, pos)) is not None:
        start, candidates = hit
        for rule, match in candidates:
            ctx = Context(text, start, match.end(), anchor, discourse, lex)
            res = RESOLVERS[rule.resolver](match, ctx)
            if res is None:
                continue
            found.append(
                TimeExpr(
                    match.group(),
                    start,
                    match.end(),
                    res.type,
                    res.value,
                    res.precision,
                    res.reason,
                    ctx.cue(),
                    field,
                )
            )
            discourse.note(res, _day_of(res.value))
            pos = match.end()
            break
        else:
            pos = start + 1
    return found


def _day_of(value: str | None) -> date | None:
    m = _DAY.match(value or "")
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
