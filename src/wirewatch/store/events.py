"""Event, dyad, participant and place rows for the store, and the parameterised event query.

Rows are built from ArticleRecords as Arrow tables so a batch is written with one INSERT ... SELECT
per table, like the rest of the store.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from wirewatch.records import ArticleRecord

QUADS = ("VC", "MC", "VK", "MK")


def _countries(record: ArticleRecord) -> dict[str, str]:
    return {a["id"]: a["country"] for a in record.actors if a.get("id") and a.get("country")}


def _unique(values: Sequence[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def event_id(article_id: str, event: dict[str, Any]) -> str:
    return f"{article_id}:{event.get('id')}"


_HAS_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")


def chart_day(date: str | None, published: str | None) -> str | None:
    """The day an event counts on in charts: its own date when that has a month, else publication date."""
    return date if date is not None and _HAS_MONTH.match(date) else published


def events_table(records: Sequence[ArticleRecord]) -> pa.Table:
    cols: dict[str, list[Any]] = {k: [] for k in EVENT_COLUMNS}
    for r in records:
        country = _countries(r)
        body = r.article.body or ""
        published = r.article.published.date if r.article.published else None
        for e in r.events:
            date = e.get("date") or {}
            value = None if date.get("value") is None else str(date["value"])
            place = e.get("place") or {}
            trig = e.get("trigger") or {}
            sent = e.get("sentence") or {}
            s0, s1 = sent.get("start"), sent.get("end")
            row = {
                "id": event_id(r.id, e),
                "article_id": r.id,
                "type": e.get("type"),
                "mode": e.get("mode"),
                "contexts": list(e.get("contexts") or []),
                "source": list(e.get("source") or []),
                "target": list(e.get("target") or []),
                "source_countries": _unique([country.get(a) for a in e.get("source") or []]),
                "target_countries": _unique([country.get(a) for a in e.get("target") or []]),
                "factuality": e.get("factuality"),
                "date": value,
                "date_precision": date.get("precision"),
                "date_reason": date.get("reason"),
                "place_name": place.get("name"),
                "place_country": place.get("country"),
                "lat": place.get("lat"),
                "lon": place.get("lon"),
                "intensity": e.get("intensity"),
                "quad_class": e.get("quad_class"),
                "cameo": e.get("cameo"),
                "goldstein": e.get("goldstein"),
                "trigger_start": trig.get("start"),
                "trigger_end": trig.get("end"),
                "trigger_text": trig.get("text"),
                "sentence_start": s0,
                "sentence_end": s1,
                "sentence": body[s0:s1] if isinstance(s0, int) and isinstance(s1, int) else None,
                "record": json.dumps(e, ensure_ascii=False),
                # serving columns (migration 006): no join with articles to list, filter or chart events
                "day": value if value is not None else published,
                "outlet": r.article.outlet,
                "chart_day": chart_day(value, published),
            }
            for k, v in row.items():
                cols[k].append(v)
    return pa.table({k: pa.array(v, EVENT_COLUMNS[k]) for k, v in cols.items()})


def dyads_table(records: Sequence[ArticleRecord]) -> pa.Table:
    """Directed country pairs; when every party is a source (a call, a meeting), both directions."""
    rows: list[tuple[str, str, str, str, bool]] = []
    for r in records:
        country = _countries(r)
        for e in r.events:
            src = _unique([country.get(a) for a in e.get("source") or []])
            tgt = _unique([country.get(a) for a in e.get("target") or []])
            eid = event_id(r.id, e)
            pairs: dict[tuple[str, str], bool] = {}
            for a in src:
                for b in tgt:
                    if a != b:
                        pairs.setdefault((a, b), False)
            if not tgt:
                for a in src:
                    for b in src:
                        if a != b:
                            pairs[(a, b)] = True
            rows += [(eid, r.id, a, b, m) for (a, b), m in pairs.items()]
    return pa.table(
        {
            "event_id": pa.array([x[0] for x in rows], pa.string()),
            "article_id": pa.array([x[1] for x in rows], pa.string()),
            "source_country": pa.array([x[2] for x in rows], pa.string()),
            "target_country": pa.array([x[3] for x in rows], pa.string()),
            "mutual": pa.array([x[4] for x in rows], pa.bool_()),
        }
    )


def event_actors_table(records: Sequence[ArticleRecord]) -> pa.Table:
    rows = list(
        dict.fromkeys(
            (event_id(r.id, e), r.id, a, role)
            for r in records
            for e in r.events
            for role in ("source", "target")
            for a in e.get(role) or []
            if a
        )
    )
    names = ("event_id", "article_id", "actor_id", "role")
    return pa.table({n: pa.array([x[i] for x in rows], pa.string()) for i, n in enumerate(names)})


def places_table(records: Sequence[ArticleRecord]) -> pa.Table:
    rows = [(r.id, i, p) for r in records for i, p in enumerate(r.places)]
    return pa.table(
        {
            "article_id": pa.array([x[0] for x in rows], pa.string()),
            "idx": pa.array([x[1] for x in rows], pa.int32()),
            "name": pa.array([x[2].get("name") for x in rows], pa.string()),
            "country": pa.array([x[2].get("country") for x in rows], pa.string()),
            "admin1": pa.array([x[2].get("admin1") for x in rows], pa.string()),
            "lat": pa.array([x[2].get("lat") for x in rows], pa.float64()),
            "lon": pa.array([x[2].get("lon") for x in rows], pa.float64()),
            "geonameid": pa.array([x[2].get("geonameid") for x in rows], pa.int64()),
            "mentions": pa.array(
                [json.dumps(x[2].get("mentions") or [], ensure_ascii=False) for x in rows], pa.string()
            ),
        }
    )


_S, _F, _I, _L = pa.string(), pa.float64(), pa.int32(), pa.list_(pa.string())
EVENT_COLUMNS: dict[str, pa.DataType] = {
    "id": _S, "article_id": _S, "type": _S, "mode": _S, "contexts": _L, "source": _L, "target": _L,
    "source_countries": _L, "target_countries": _L, "factuality": _S, "date": _S, "date_precision": _S,
    "date_reason": _S, "place_name": _S, "place_country": _S, "lat": _F, "lon": _F, "intensity": _F,
    "quad_class": _S, "cameo": _S, "goldstein": _F, "trigger_start": _I, "trigger_end": _I,
    "trigger_text": _S, "sentence_start": _I, "sentence_end": _I, "sentence": _S, "record": _S,
    "day": _S, "outlet": _S, "chart_day": _S,
}  # fmt: skip

# (staging name, target table, key columns): rows whose key exists are left alone (idempotent writes).
WRITES = (
    ("_evt", "events", ("id",)),
    ("_dyad", "event_dyads", ("event_id", "source_country", "target_country")),
    ("_evact", "event_actors", ("event_id", "actor_id", "role")),
    ("_plc", "places", ("article_id", "idx")),
)


def staging_tables(records: Sequence[ArticleRecord]) -> dict[str, pa.Table]:
    return {
        "_evt": events_table(records),
        "_dyad": dyads_table(records),
        "_evact": event_actors_table(records),
        "_plc": places_table(records),
    }


def insert_sql(staging: str, table: str, keys: Sequence[str]) -> str:
    """INSERT of the staged rows whose key is new; names come from WRITES above, never from input."""
    key_list = ", ".join(keys)
    match = " AND ".join(f"t.{k} = s.{k}" for k in keys)
    return (
        f"INSERT INTO {table} SELECT DISTINCT ON ({key_list}) s.* FROM {staging} s "
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {match})"
    )


@dataclass(frozen=True)
class EventFilter:
    """What `wirewatch events`, the API and the dashboard filter events by; all values are parameters."""

    actor: str | None = None  # actor id, or part of an actor's name
    dyad: tuple[str, str] | None = None  # two ISO-3 codes, either direction unless `directed`
    directed: bool = False
    types: tuple[str, ...] = ()
    quad: str | None = None
    factuality: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    country: str | None = None  # a source or target country
    outlet: str | None = None
    article_id: str | None = None

    def actor_events_sql(self) -> tuple[str, list[Any]]:
        """The ids of events the actor filter selects, as a subquery.

        A value with ':' is an actor id and is matched by id alone (the event_actors index); any other value
        is matched against actor names first (ILIKE over the actors table, a few thousand rows), then the
        event_actors rows of those ids are taken, so no name is compared per event participant.
        """
        if self.actor and ":" in self.actor:
            return "SELECT event_id FROM event_actors WHERE actor_id = ?", [self.actor]
        return (
            "SELECT event_id FROM event_actors WHERE actor_id = ? "
            "OR actor_id IN (SELECT id FROM actors WHERE name ILIKE ?)",
            [self.actor, f"%{self.actor}%"],
        )

    def where(self, *, skip_actor: bool = False) -> tuple[list[str], list[Any]]:
        """SQL conditions on `events e` alone (no article join: day and outlet are on the event row)."""
        where: list[str] = []
        params: list[Any] = []
        if self.actor and not skip_actor:
            sub, sub_params = self.actor_events_sql()
            where.append(f"e.id IN ({sub})")
            params += sub_params
        if self.dyad:
            a, b = (c.upper() for c in self.dyad)
            if self.directed:
                where.append(
                    "e.id IN (SELECT event_id FROM event_dyads "
                    "WHERE source_country = ? AND target_country = ?)"
                )
                params += [a, b]
            else:
                # two equality branches, not one OR: each a plain pair filter, ~4x cheaper here
                where.append(
                    "e.id IN (SELECT event_id FROM event_dyads "
                    "WHERE source_country = ? AND target_country = ? UNION ALL SELECT event_id "
                    "FROM event_dyads WHERE source_country = ? AND target_country = ?)"
                )
                params += [a, b, b, a]
        if self.types:
            where.append("list_contains(?, e.type)")
            params.append([t.upper() for t in self.types])
        if self.quad:
            where.append("e.quad_class = ?")
            params.append(self.quad.upper())
        if self.factuality:
            where.append("list_contains(?, e.factuality)")
            params.append([f.lower() for f in self.factuality])
        if self.since:
            where.append("e.day >= ?")
            params.append(self.since)
        if self.until:
            # A date with lower precision ("2026-01") sorts before its days; compare on the prefix.
            where.append("left(e.day, ?) <= ?")
            params += [len(self.until), self.until]
        if self.country:
            where.append("(list_contains(e.source_countries, ?) OR list_contains(e.target_countries, ?))")
            params += [self.country.upper(), self.country.upper()]
        if self.outlet:
            where.append("e.outlet ILIKE ?")
            params.append(f"%{self.outlet}%")
        if self.article_id:
            where.append("e.article_id = ?")
            params.append(self.article_id)
        return where, params


def query_events(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, *, limit: int = 100, offset: int = 0
) -> pa.Table:
    """Events newest first with actor names and their article's title and outlet.

    The page is ranked on the events table alone (its `day` column); only the page's rows are joined
    with articles and actors.
    """
    where, params = flt.where()
    sql = (
        "WITH picked AS (SELECT e.* FROM events e"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY e.day DESC NULLS LAST, e.article_id, e.sentence_start, e.id LIMIT ? OFFSET ?) "
        "SELECT p.id, p.article_id, p.day AS date, p.date_precision, p.type, p.mode, p.factuality, "
        "p.quad_class, p.intensity, p.goldstein, p.cameo, p.contexts, "
        "p.source, coalesce((SELECT list(coalesce(a.name, u.x)) "
        "FROM unnest(p.source) AS u(x) LEFT JOIN actors a ON a.id = u.x), []) AS source_names, "
        "p.source_countries, "
        "p.target, coalesce((SELECT list(coalesce(a.name, u.x)) "
        "FROM unnest(p.target) AS u(x) LEFT JOIN actors a ON a.id = u.x), []) AS target_names, "
        "p.target_countries, "
        "p.place_name, p.place_country, p.lat, p.lon, p.trigger_start, p.trigger_end, p.trigger_text, "
        "p.sentence_start, p.sentence_end, p.sentence, ar.title, ar.outlet, ar.published_date, ar.url "
        "FROM picked p JOIN articles ar ON ar.id = p.article_id "
        "ORDER BY p.day DESC NULLS LAST, p.article_id, p.sentence_start, p.id"
    )
    params += [max(0, int(limit)), max(0, int(offset))]
    return con.sql(sql, params=params).to_arrow_table()


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> int:
    where, params = flt.where()
    sql = "SELECT count(*) FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    row = con.execute(sql, params).fetchall()
    return int(row[0][0]) if row else 0
