"""From stored article rows to what clustering and event matching need: salient actors, outlets, days."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any
from urllib.parse import urlparse

MAX_ACTORS = 8
_WIRE_ALIASES = {
    "ap": "associated press",
    "afp": "agence france-presse",
    "agence france presse": "agence france-presse",
    "reuters": "reuters",
}


def day_of(value: str | None) -> int | None:
    """Ordinal day of an ISO date; month or year precision counts from its first day."""
    if not value:
        return None
    try:
        if len(value) >= 10:
            return dt.date.fromisoformat(value[:10]).toordinal()
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1).toordinal()
    except ValueError:
        return None
    return None  # a bare year tells too little to place an article in time


def iso_day(day: int | None) -> str | None:
    return None if day is None else dt.date.fromordinal(day).isoformat()


def outlet_name(outlet: str | None, url: str | None) -> str:
    """The outlet, else the URL's host, else 'unknown'."""
    if outlet:
        return outlet
    if url:
        host = urlparse(url).hostname or ""
        return host.removeprefix("www.") or "unknown"
    return "unknown"


def independent_source(
    outlet: str | None, url: str | None, wire: str | None, group_id: str | None, group_size: int = 1
) -> str:
    """Whose reporting this is: a wire counts once however many sites carry it, as does a copied text."""
    if wire:
        w = re.sub(r"\s+", " ", wire.strip().lower())
        return "wire:" + _WIRE_ALIASES.get(w, w)
    if group_id and group_size > 1:
        return "group:" + group_id
    return "outlet:" + re.sub(r"[^a-z0-9]", "", outlet_name(outlet, url).lower().removeprefix("the "))


def salient(mentions: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Actors worth clustering on (named, not media, not 'unknown civilians') and their countries.

    A title mention weighs three body mentions; the top MAX_ACTORS by weight are kept.
    """
    weight: Counter[str] = Counter()
    country: dict[str, str] = {}
    for m in mentions:
        aid = m.get("actor_id") or ""
        if not aid or aid.startswith("group:unk") or m.get("sector") == "MED":
            continue
        weight[aid] += 3 if m.get("field") == "title" else 1
        if m.get("country"):
            country[aid] = m["country"]
    actors = [a for a, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ACTORS]]
    ccount: Counter[str] = Counter()
    for a in actors:
        if a in country:
            ccount[country[a]] += weight[a]
    countries = [c for c, _ in sorted(ccount.items(), key=lambda kv: (-kv[1], kv[0]))[:4]]
    return actors, countries


def embed_text(row: dict[str, Any]) -> str:
    """Title and lead: what a reader uses to tell which happening an article is about."""
    lead = " ".join(row.get("lead") or [])
    title = row.get("title") or ""
    return (title + ". " + lead).strip(". ") if title else lead
