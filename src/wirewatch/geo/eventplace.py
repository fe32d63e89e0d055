"""Where an event happened: the place its clause names, else the dateline's, else nothing.

A place in the event's sentence counts only if it reads as a location: "in/at/near Ankara" attached to
the trigger wins; a sentence with exactly one locative place gives that one. "Mexico's sovereignty" or
"US President" name a country as an owner or a modifier, not as where something happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Token

from wirewatch.geo.gazetteer import Place
from wirewatch.geo.mentions import Mention

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within",
                  "into", "over", "on", "off"}
MODIFIER_DEPS = {"poss", "compound", "amod", "nmod"}


def _locative(doc: Doc, m: Mention) -> bool:
    root = doc[m.root]
    return not (root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head.i != root.i)


def _attached(doc: Doc, m: Mention, trigger: Token) -> bool:
    """Is the mention the object of a locative preposition hanging off the trigger (or its head)?"""
    tok = doc[m.root]
    while tok.dep_ in ("conj", "appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in LOCATIVE_PREPS:
        return False
    anchor = prep.head
    return anchor.i in (trigger.i, trigger.head.i) or anchor.head.i == trigger.i


def event_place(event: dict[str, Any], doc: Doc | None, mentions: Sequence[tuple[Mention, Place]],
                dateline: dict[str, Any] | None) -> dict[str, Any] | None:
    """The `place` field of one event (contract: {name, country, lat, lon} plus our extras) or None."""
    sentence = event.get("sentence") or {}
    trig = event.get("trigger") or {}
    if doc is not None and "start" in sentence and "start" in trig:
        inside = [(m, p) for m, p in mentions if m.field == "body" and sentence["start"] <= m.start
                  and m.end <= sentence["end"] and _locative(doc, m)]
        span = doc.char_span(trig["start"], trig["end"], alignment_mode="expand")
        if inside and span is not None:
            trigger = span.root
            attached = [(m, p) for m, p in inside if _attached(doc, m, trigger)]
            if attached:
                m, p = min(attached, key=lambda mp: abs(mp[0].root - trigger.i))
                return _place(p, "clause", m)
            if len({p.ident for _, p in inside}) == 1:
                return _place(inside[0][1], "clause", inside[0][0])
    return dict(dateline) if dateline else None


def _place(p: Place, source: str, m: Mention | None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                           "geonameid": p.geonameid, "admin1": p.admin1, "source": source}
    if m is not None:
        out["evidence"] = {"start": m.start, "end": m.end, "text": m.text}
        if m.field != "body":
            out["evidence"]["field"] = m.field
    return out


def dateline_place(p: Place | None, m: Mention | None) -> dict[str, Any] | None:
    return _place(p, "dateline", m) if p is not None else None
