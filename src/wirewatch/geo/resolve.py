"""Choosing one place for each name: population, kind, capitals, and what else the article names.

A score per candidate, not a rule cascade, so evidence adds up: "Paris" is the French capital unless
the article is about Texas (country and division context), "London" is Ontario's only when Ontario or
a town near it is named, and an explicit qualifier ("Paris, Texas") settles it outright. One sense per
name per article: every mention of "Georgia" gets the same place, unless a qualifier says otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wirewatch.geo.gazetteer import Gazetteer, Place, name_key
from wirewatch.geo.mentions import Mention

PRIOR = {"continent": 4.0, "country": 3.0, "admin1": 1.0, "city": 0.0}
CAPITAL = 2.5  # national capitals are named far more often than their namesakes
COUNTRY_CONTEXT = 2.0
ADMIN1_CONTEXT = 3.0
QUALIFIED = 10.0
CITY_OF_DIVISION = 3.0  # "New York": the city of 8M, not the state, when both share the name
CITY_OF_DIVISION_POPULATION = 1_000_000


@dataclass
class Context:
    """Countries (ISO alpha-3) and divisions ((alpha-3, admin1 code)) the article is about."""

    countries: set[str] = field(default_factory=set)
    admin1: set[tuple[str, str]] = field(default_factory=set)

    def with_places(self, places: Iterable[Place]) -> Context:
        ctx = Context(set(self.countries), set(self.admin1))
        for p in places:
            if p.country:
                ctx.countries.add(p.country)
            if p.country and p.admin1_code and p.kind in ("admin1", "city"):
                ctx.admin1.add((p.country, p.admin1_code))
        return ctx


def score(place: Place, key: str, ctx: Context, qualifier: Sequence[Place] = ()) -> float:
    """How likely `place` is meant by the name `key` in this article."""
    s = PRIOR[place.kind] + math.log10(max(place.population, 10))
    if place.capital:
        s += CAPITAL
    if place.country in ctx.countries:
        s += COUNTRY_CONTEXT
    if place.admin1_code and (place.country or "", place.admin1_code) in ctx.admin1:
        s += ADMIN1_CONTEXT
    if (place.kind == "city" and place.population >= CITY_OF_DIVISION_POPULATION and place.admin1
            and name_key(place.admin1) == key):
        s += CITY_OF_DIVISION
    if qualifier and any(_within(place, q) for q in qualifier):
        s += QUALIFIED
    return s


def _within(place: Place, area: Place) -> bool:
    if area.kind == "country":
        return place.country == area.country and place != area
    return place.kind == "city" and place.country == area.country and place.admin1_code == area.admin1_code


def choose(candidates: Sequence[Place], key: str, ctx: Context, qualifier: Sequence[Place] = ()) -> Place:
    """The best-scoring candidate; ties go to the larger population, then the gazetteer order."""
    return max(candidates, key=lambda p: (score(p, key, ctx, qualifier), p.population))


def base_context(mentions: Sequence[Mention], countries: Iterable[str]) -> Context:
    """Countries named outright (single-sense names, demonyms, state actors, the dateline)."""
    ctx = Context(set(countries))
    for m in mentions:
        if len(m.candidates) == 1:
            ctx = ctx.with_places(m.candidates)
    return ctx


def resolve(mentions: Sequence[Mention], ctx: Context) -> list[Place]:
    """One place per mention (same order). Two passes: each name's first choice becomes context for
    the other names, then every name is chosen again with that context."""
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        by_key.setdefault(m.key, []).append(m)
    first = {k: choose(ms[0].candidates, k, ctx) for k, ms in by_key.items()}
    final: dict[str, Place] = {}
    for k, ms in by_key.items():
        others = ctx.with_places(p for key, p in first.items() if key != k)
        final[k] = choose(ms[0].candidates, k, others)
    out: list[Place] = []
    for m in mentions:
        if m.qualifier:
            others = ctx.with_places(p for key, p in first.items() if key != m.key)
            out.append(choose(m.candidates, m.key, others, m.qualifier))
        else:
            out.append(final[m.key])
    return out


def resolve_name(gaz: Gazetteer, text: str, ctx: Context) -> Place | None:
    """A free-standing name such as a dateline ("WASHINGTON", "PARIS, Texas"): first part is the place,
    a later part after a comma qualifies it."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return None
    candidates = gaz.lookup(parts[0])
    if not candidates:
        return None
    qualifier = [p for part in parts[1:] for p in gaz.lookup(part) if p.kind in ("country", "admin1")]
    return choose(candidates, name_key(parts[0]), ctx, qualifier)
