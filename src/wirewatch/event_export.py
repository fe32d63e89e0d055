"""Event exports in the shapes other event data users already read: POLECAT-style JSON and GDELT-style CSV.

POLECAT records are PLOVER events with one actor and one recipient each; we keep our lists (both parties
of a call are sources) and add the first of each as the POLECAT actor/recipient so tools written for that
data still find them. GDELT's event table has 61 fixed columns; we fill the ones we know and leave the rest
empty rather than invent them (no CAMEO actor codes beyond country and sector, no mention counts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}")
# GDELT 2.0 uses 1..4 for the quad classes.
GDELT_QUAD = {"VC": 1, "MC": 2, "VK": 3, "MK": 4}

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS]
    + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{f}" for f in _GEO_FIELDS]
    + [f"Actor2Geo_{f}" for f in _GEO_FIELDS]
    + [f"ActionGeo_{f}" for f in _GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)  # fmt: skip


def _actor(actor_id: str, actors: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    a = actors.get(actor_id) or {}
    return {
        "actor_id": actor_id,
        "name": a.get("name") or actor_id,
        "country": a.get("country"),
        "sector": a.get("sector"),
        "title": a.get("role"),
        "kind": a.get("kind"),
    }


def polecat_records(
    events: Iterable[Mapping[str, Any]], actors: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """One JSON object per event with PLOVER record fields, evidence offsets and our factuality."""
    out = []
    for e in events:
        sources = [_actor(a, actors) for a in e.get("source") or []]
        targets = [_actor(a, actors) for a in e.get("target") or []]
        out.append(
            {
                "event_id": e["id"],
                "event_date": e.get("date"),
                "event_date_precision": e.get("date_precision"),
                "event_type": e.get("type"),
                "event_mode": e.get("mode"),
                "event_intensity": e.get("intensity"),
                "quad_code": e.get("quad_class"),
                "contexts": list(e.get("contexts") or []),
                "factuality": e.get("factuality"),
                "actor": sources[0] if sources else None,
                "recipient": targets[0] if targets else None,
                "actors": sources,
                "recipients": targets,
                "location": None
                if not e.get("place_name")
                else {
                    "placename": e.get("place_name"),
                    "country": e.get("place_country"),
                    "latitude": e.get("lat"),
                    "longitude": e.get("lon"),
                },
                "cameo": e.get("cameo"),
                "goldstein": e.get("goldstein"),
                "event_text": e.get("sentence"),
                "trigger": {"start": e.get("trigger_start"), "end": e.get("trigger_end"),
                            "text": e.get("trigger_text")},
                "sentence": {"start": e.get("sentence_start"), "end": e.get("sentence_end")},
                "source": {"article_id": e.get("article_id"), "outlet": e.get("outlet"),
                           "title": e.get("title"), "url": e.get("url")},
                "publication_date": e.get("published_date"),
            }  # fmt: skip
        )
    return out


def _gdelt_actor(prefix: str, actor: Mapping[str, Any] | None) -> dict[str, Any]:
    if not actor:
        return {}
    country, sector = actor.get("country") or "", actor.get("sector") or ""
    return {
        f"{prefix}Code": country + sector,
        f"{prefix}Name": (actor.get("name") or "").upper(),
        f"{prefix}CountryCode": country,
        f"{prefix}Type1Code": sector,
    }


def gdelt_table(
    events: Sequence[Mapping[str, Any]], actors: Mapping[str, Mapping[str, Any]], *, added: str
) -> pa.Table:
    """GDELT 2.0 event-table columns, all as strings (GDELT's own files are untyped TSV)."""
    rows = []
    for n, e in enumerate(events, 1):
        date = e.get("date") or ""
        day = date.replace("-", "") if _DAY.match(date) else ""
        month = date[:7].replace("-", "") if _MONTH.match(date) else ""
        src = (e.get("source") or [None])[0]
        tgt = (e.get("target") or [None])[0]
        # For a call or meeting with no target, the second party is Actor2, as GDELT codes it.
        if tgt is None and len(e.get("source") or []) > 1:
            tgt = e["source"][1]
        cameo = e.get("cameo") or ""
        row: dict[str, Any] = {
            "GLOBALEVENTID": str(n),
            "SQLDATE": day,
            "MonthYear": month,
            "Year": date[:4] if date[:4].isdigit() else "",
            "IsRootEvent": "1",
            "EventCode": cameo,
            "EventBaseCode": cameo[:3],
            "EventRootCode": cameo[:2],
            "QuadClass": str(GDELT_QUAD.get(e.get("quad_class") or "", "")),
            "GoldsteinScale": "" if e.get("goldstein") is None else f"{e['goldstein']:.1f}",
            "NumMentions": "1",
            "NumSources": "1",
            "NumArticles": "1",
            "ActionGeo_FullName": e.get("place_name") or "",
            "ActionGeo_CountryCode": e.get("place_country") or "",
            "ActionGeo_Lat": "" if e.get("lat") is None else f"{e['lat']:.4f}",
            "ActionGeo_Long": "" if e.get("lon") is None else f"{e['lon']:.4f}",
            "DATEADDED": added,
            "SOURCEURL": e.get("url") or e.get("article_id") or "",
        }
        row.update(_gdelt_actor("Actor1", _actor(src, actors) if src else None))
        row.update(_gdelt_actor("Actor2", _actor(tgt, actors) if tgt else None))
        rows.append(row)
    return pa.table({c: pa.array([_cell(r.get(c)) for r in rows], pa.string()) for c in GDELT_COLUMNS})


def gdelt_tsv(table: pa.Table) -> str:
    """GDELT's layout: tab-separated, no header, no quoting (cells are cleaned of tabs and breaks)."""
    columns = [table.column(c).to_pylist() for c in table.column_names]
    return "".join("\t".join(row) + "\n" for row in zip(*columns, strict=True))


def _cell(value: Any) -> str:
    """A TSV cell: GDELT files are unquoted, so tabs and line breaks inside a value become spaces."""
    return " ".join(str(value).split()) if value else ""
