"""The `geo` pipeline stage: fills `record.places` and each event's `place`.

Runs after the nlp stage (its Docs), the actors stage (people and organisations are not places; states
named tell the article's countries) and the events stage (whose events get a place). Importing this
module registers the stage (`--stages extract,nlp,actors,events,geo`). The gazetteer loads once per
process on first use. A name the gazetteer does not know is skipped with its reason in
`record.annotations["geo"]["unresolved"]`; it never costs the other places.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from wirewatch.config import Config
from wirewatch.geo.eventplace import dateline_place, event_place
from wirewatch.geo.gazetteer import Gazetteer, Place, load_gazetteer, name_key
from wirewatch.geo.mentions import Found, Mention, find_mentions
from wirewatch.geo.resolve import Context, base_context, resolve, resolve_name
from wirewatch.pipeline import register_stage
from wirewatch.records import ArticleRecord

PLACE_LESS_KINDS = {"person", "organisation"}
DATELINE_CHARS = 40  # a body mention this near the start may be the dateline copied into the body
_DATELINE_CUT = re.compile(r"\s*(?:\(|[-–—]|\bUPDATED\b).*$", re.S)


def _blocked(record: ArticleRecord, field: str) -> list[tuple[int, int]]:
    """Spans the actors stage resolved to people or organisations, in one field. A government named by
    its capital ("Berlin said") is still a place name."""
    spans = []
    for actor in record.actors:
        if actor.get("kind") in PLACE_LESS_KINDS and not str(actor.get("id", "")).startswith("gov:"):
            for m in actor.get("mentions", []):
                if m.get("field", "body") == field and "start" in m:
                    spans.append((m["start"], m["end"]))
    return spans


def _docs(record: ArticleRecord) -> list[tuple[str, Doc]]:
    nlp = record.annotations.get("nlp")
    if not isinstance(nlp, dict):
        from wirewatch.quotes.stage import body_doc  # parses the body once if the nlp stage did not run

        doc = body_doc(record)
        return [("body", doc)] if doc is not None else []
    out = [("body", nlp["body"])] if nlp.get("body") is not None else []
    if nlp.get("title") is not None:
        out.append(("title", nlp["title"]))
    out += [(f"caption:{i}", d) for i, d in enumerate(nlp.get("captions") or []) if d is not None]
    return out


def _known_actor(m: Mention) -> bool:
    """A town-only name that the actors KB knows as a party, company or person ("Morena", Mexico's
    ruling party, is also a town in India) is that actor; countries and divisions stay places."""
    if any(p.kind != "city" for p in m.candidates):
        return False
    from wirewatch.actors.kb import KnowledgeBase

    found = KnowledgeBase.load().exact(m.text)
    return any(e.kind in PLACE_LESS_KINDS and not e.id.startswith("gov:") for e in found)


def dateline_name(dateline: str | None) -> str | None:
    """"WASHINGTON (AP) —" -> "WASHINGTON"; "PARIS, Texas" stays."""
    if not dateline:
        return None
    name = _DATELINE_CUT.sub("", dateline).strip(" ,.:")
    return name or None


def locate(record: ArticleRecord, gaz: Gazetteer | None = None) -> dict[str, Any]:
    """Mentions, their places and the dateline's place for one record (the stage's work, for reuse)."""
    gaz = gaz or load_gazetteer()
    found: list[Found] = []
    docs = _docs(record)
    for field, doc in docs:
        found.append(find_mentions(doc, gaz, field, strict=field == "title", blocked=_blocked(record, field)))
    mentions = [m for f in found for m in f.mentions if not _known_actor(m)]
    countries = [c for f in found for c in f.demonym_countries]
    countries += [a["country"] for a in record.actors if a.get("kind") == "state" and a.get("country")]
    ctx = base_context(mentions, countries)

    name = dateline_name(record.article.dateline)
    dateline = resolve_name(gaz, name, ctx) if name else None
    if dateline is not None:
        ctx = ctx.with_places([dateline])
    places = resolve(mentions, ctx)
    pairs = list(zip(mentions, places, strict=True))
    if dateline is not None:  # the body's copy of the dateline is the dateline's place
        key = name_key(name.split(",")[0]) if name else ""
        pairs = [(m, dateline if m.field == "body" and m.start < DATELINE_CHARS and m.key == key else p)
                 for m, p in pairs]
    body = next((d for f, d in docs if f == "body"), None)
    return {"pairs": pairs, "dateline": dateline, "dateline_name": name, "body_doc": body,
            "unresolved": [u for f in found for u in f.unresolved]}


def places_field(pairs: list[tuple[Mention, Place]], dateline: Place | None, name: str | None) -> list[dict]:
    """The contract's `places[]`: one entry per place, its mentions in text order."""
    out: dict[str, dict[str, Any]] = {}
    for m, p in sorted(pairs, key=lambda mp: (mp[0].field != "body", mp[0].field, mp[0].start)):
        entry = out.setdefault(p.ident, _entry(p))
        mention: dict[str, Any] = {"start": m.start, "end": m.end, "text": m.text}
        if m.field != "body":
            mention["field"] = m.field
        entry["mentions"].append(mention)
    if dateline is not None and name:
        entry = out.setdefault(dateline.ident, _entry(dateline))
        in_body = (mm.get("field", "body") == "body" and mm["start"] < DATELINE_CHARS
                   for mm in entry["mentions"])
        if not any(in_body):
            entry["mentions"].append({"start": 0, "end": len(name), "text": name, "field": "dateline"})
    return list(out.values())


def _entry(p: Place) -> dict[str, Any]:
    return {"name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
            "geonameid": p.geonameid, "kind": p.kind, "mentions": []}


class GeoStage:
    name = "geo"

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        found = locate(record)
        pairs, dateline = found["pairs"], found["dateline"]
        record.places = places_field(pairs, dateline, found["dateline_name"])
        at_dateline = None
        if dateline is not None:
            copies = (m for m, p in pairs if p == dateline and m.field == "body" and m.start < DATELINE_CHARS)
            first = next(copies, None)
            at_dateline = dateline_place(dateline, first)
        for event in record.events:
            event["place"] = event_place(event, found["body_doc"], pairs, at_dateline)
        record.annotations["geo"] = {"unresolved": found["unresolved"]}
        return record


@register_stage("geo")
def geo_stage(config: Config) -> GeoStage:
    """The gazetteer loads lazily, once per process, on first use."""
    return GeoStage()


__all__ = ["GeoStage", "Context", "locate", "places_field", "dateline_name"]
