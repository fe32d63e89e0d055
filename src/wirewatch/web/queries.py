"""Read-only queries the API and pages need beyond the Store's methods.

Every value from a request is a bound parameter; table and column names are literals here. Each query is
bounded (LIMIT) so a page costs the same on a corpus of a hundred articles or of a hundred thousand.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import duckdb

from wirewatch.store.duck import actor_filter, article_filter
from wirewatch.store.events import EventFilter

QUADS = ("VC", "MC", "VK", "MK")


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Run one statement, drain it (DuckDB 2 wants that) and return dicts keyed by column name."""
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def one(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
    found = rows(con, sql, params)
    return found[0] if found else None


# -- overview --------------------------------------------------------------------------------
def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Table sizes for the overview; count(*) on a DuckDB table reads metadata, so this stays cheap."""
    got = one(
        con,
        "SELECT (SELECT count(*) FROM articles) AS articles, "
        "(SELECT count(DISTINCT outlet) FROM articles) AS outlets, "
        "(SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM quotes) AS quotes, "
        "(SELECT count(*) FROM events) AS events",
    )
    return {k: int(v or 0) for k, v in (got or {}).items()}


def quad_timeline(
    con: duckdb.DuckDBPyConnection, *, period: str = "month", dyad: tuple[str, str] | None = None
) -> list[dict[str, Any]]:
    """Events per period and quad class (asserted only), by event date or else publication date."""
    width = {"year": 4, "month": 7, "day": 10}[period]
    if not dyad:
        # the pre-aggregated counts per chart day (migration 006): a few thousand rows, not 1M events
        found = rows(
            con,
            "SELECT left(chart_day, ?) AS period, quad, sum(n) AS n FROM quad_days GROUP BY 1, 2 "
            "HAVING length(period) = ? ORDER BY period",
            [width, width],
        )
        return _fill(found, period)
    a, b = dyad
    # a week ("2026-W47") or season has no month: chart_day falls back to the publication date for those
    found = rows(
        con,
        "SELECT left(e.chart_day, ?) AS period, e.quad_class AS quad, count(*) AS n FROM events e "
        "WHERE e.factuality = 'asserted' AND e.quad_class IS NOT NULL AND e.id IN (SELECT event_id "
        "FROM event_dyads WHERE (source_country = ? AND target_country = ?) "
        "OR (source_country = ? AND target_country = ?)) "
        "GROUP BY 1, 2 HAVING period IS NOT NULL AND length(period) = ? ORDER BY period",
        [width, a, b, b, a, width],
    )
    return _fill(found, period)


# Explicit GROUP BY 1, 2 in these period queries: with GROUP BY ALL, DuckDB 2.0 also groups by the column
# under the `period` alias that HAVING names (one row per day, not per month), and _fill kept one day.


def _fill(found: list[dict[str, Any]], period: str) -> list[dict[str, Any]]:
    """Per-period counts by quad, with empty months between the first and last kept as zero bars."""
    series: dict[str, dict[str, int]] = {}
    for r in found:
        series.setdefault(r["period"], dict.fromkeys(QUADS, 0))[r["quad"]] = int(r["n"])
    if period == "month" and series:
        first, last = min(series), max(series)
        y, m = int(first[:4]), int(first[5:7])
        while f"{y:04d}-{m:02d}" < last and len(series) < 600:
            series.setdefault(f"{y:04d}-{m:02d}", dict.fromkeys(QUADS, 0))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return [{"period": p, "counts": c} for p, c in sorted(series.items())]


def active_dyads(con: duckdb.DuckDBPyConnection, *, limit: int = 10) -> list[dict[str, Any]]:
    """Country pairs (either direction) with the most events; used when stories are not built."""
    return rows(
        con,
        "SELECT least(d.source_country, d.target_country) AS a, "
        "greatest(d.source_country, d.target_country) AS b, count(DISTINCT d.event_id) AS events, "
        "max(e.day) AS last_date FROM event_dyads d JOIN events e ON e.id = d.event_id "
        "WHERE d.source_country <> d.target_country GROUP BY ALL ORDER BY events DESC, a, b LIMIT ?",
        [limit],
    )


def facets(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Choices for the events filter form (types and outlets that occur)."""
    types = [r["type"] for r in rows(con, "SELECT DISTINCT type FROM events ORDER BY type")]
    outlets = [
        r["outlet"]
        for r in rows(
            con, "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet LIMIT 200"
        )
    ]
    return {"types": types, "outlets": outlets}


# -- lists the Store has no offset for --------------------------------------------------------
def list_actors(
    con: duckdb.DuckDBPyConnection,
    *,
    search: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Actors with article and mention counts, most mentioned first."""
    where, params = actor_filter(search=search, country=country, kinds=[kind] if kind else None)
    sql = (  # counts from actor_stats, kept per write batch (migration 006)
        "SELECT a.id, a.name, a.kind, a.country, a.sector, a.role, coalesce(m.articles, 0) AS articles, "
        "coalesce(m.mentions, 0) AS mentions FROM actors a LEFT JOIN actor_stats m ON m.actor_id = a.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY articles DESC, mentions DESC, a.name, a.id LIMIT ? OFFSET ?"
    )
    return rows(con, sql, [*params, limit, offset])


def list_quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    channel: str | None = None,
    article_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes newest first with speaker name and article, each with its character offsets.

    The page is ranked on the quotes table alone (its denormalised publication date), then its rows,
    speakers and articles are fetched by key.
    """
    where, params = [], []
    if speaker:
        where.append(
            "(q.speaker = ? OR q.speaker IN (SELECT id FROM actors WHERE name ILIKE ?) "
            "OR q.speaker_text ILIKE ?)"
        )
        params += [speaker, f"%{speaker}%", f"%{speaker}%"]
    if channel:
        where.append("q.channel ILIKE ?")
        params.append(f"%{channel}%")
    if article_id:
        where.append("q.article_id = ?")
        params.append(article_id)
    page = rows(
        con,
        "SELECT q.id FROM quotes q"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY q.published_date DESC NULLS LAST, q.article_id, q.start_char LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    found = _in_page_order(
        con,
        page,
        "SELECT q.id, q.article_id, q.speaker AS speaker_id, q.speaker_text, q.kind, q.channel, q.cue, "
        "q.text, q.date, q.start_char, q.end_char FROM quotes q",
    )
    arts = _by_id(
        con, "SELECT id, title, outlet, published_date FROM articles", {r["article_id"] for r in found}
    )
    names = _names(con, {r["speaker_id"] for r in found if r["speaker_id"]})
    out = []
    for r in found:
        art = arts.get(r["article_id"], {})
        out.append({
            "id": r["id"], "article_id": r["article_id"], "speaker_id": r["speaker_id"],
            "speaker": names.get(r["speaker_id"]) or r["speaker_text"], "speaker_text": r["speaker_text"],
            "kind": r["kind"], "channel": r["channel"], "cue": r["cue"], "text": r["text"], "date": r["date"],
            "start_char": r["start_char"], "end_char": r["end_char"], "title": art.get("title"),
            "outlet": art.get("outlet"), "published_date": art.get("published_date"),
        })  # fmt: skip
    return out


def _in_page_order(
    con: duckdb.DuckDBPyConnection, page: list[dict[str, Any]], select: str
) -> list[dict[str, Any]]:
    """The full rows of a page of ids (picked first on narrow columns), fetched by key, in page order."""
    ids = [r["id"] for r in page]
    found = _by_id(con, select, set(ids))
    return [found[i] for i in ids if i in found]


def _by_id(con: duckdb.DuckDBPyConnection, select: str, keys: set[str]) -> dict[str, dict[str, Any]]:
    """Rows of `select` (a literal `SELECT id, ... FROM table`) for these ids, by primary-key lookups."""
    keys_ = sorted(k for k in keys if k is not None)
    if not keys_:
        return {}
    return {r["id"]: r for r in rows(con, f"{select} WHERE id IN ({_marks(keys_)})", keys_)}


def _names(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str | None]:
    return {k: r["name"] for k, r in _by_id(con, "SELECT id, name FROM actors", ids).items()}


# -- detail ------------------------------------------------------------------------------------
def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event report with its article, actor names and the stored full record."""
    got = one(
        con,
        "SELECT e.* EXCLUDE (record, day, outlet, chart_day), e.day, e.record, ar.title, "
        "ar.outlet, ar.published_date, ar.url, "
        "coalesce((SELECT list(coalesce(a.name, u.x)) FROM unnest(e.source) AS u(x) "
        "LEFT JOIN actors a ON a.id = u.x), []) AS source_names, "
        "coalesce((SELECT list(coalesce(a.name, u.x)) FROM unnest(e.target) AS u(x) "
        "LEFT JOIN actors a ON a.id = u.x), []) AS target_names "
        "FROM events e JOIN articles ar ON ar.id = e.article_id WHERE e.id = ?",
        [event_id],
    )
    if got and got.get("record"):
        got["record"] = json.loads(got["record"])
    return got


def actor(con: duckdb.DuckDBPyConnection, actor_id: str) -> dict[str, Any] | None:
    """An actor with its totals: articles, mentions, quotes, events as source and as target."""
    return one(
        con,
        "SELECT a.id, a.name, a.kind, a.country, a.sector, a.role, a.first_seen, "
        "coalesce(s.articles, 0) AS articles, coalesce(s.mentions, 0) AS mentions, "
        "coalesce(s.quotes, 0) AS quotes, coalesce(s.as_source, 0) AS as_source, "
        "coalesce(s.as_target, 0) AS as_target "
        "FROM actors a LEFT JOIN actor_stats s ON s.actor_id = a.id WHERE a.id = ?",
        [actor_id],
    )


def actor_roles(con: duckdb.DuckDBPyConnection, actor_id: str, *, limit: int = 500) -> list[dict[str, Any]]:
    """The role each article gave the actor, as spans of time: what they were called, from when to when."""
    found = rows(
        con,
        # roles from actor_roles (migration 007, one row per record actors-list entry), not the JSON records
        "WITH arts AS (SELECT DISTINCT m.article_id FROM mentions m WHERE m.actor_id = ? LIMIT ?), "
        "roles AS (SELECT r.published_date AS day, r.role FROM arts "
        "JOIN actor_roles r ON r.article_id = arts.article_id WHERE r.actor_id = ?) "
        "SELECT role, min(day) AS first, max(day) AS last, count(*) AS articles FROM roles "
        "WHERE role IS NOT NULL GROUP BY role ORDER BY first NULLS LAST, role",
        [actor_id, limit, actor_id],
    )
    return found


def actor_quotes_by_channel(con: duckdb.DuckDBPyConnection, actor_id: str) -> list[dict[str, Any]]:
    return rows(
        con,
        "SELECT coalesce(channel, '(in the article)') AS channel, count(*) AS n, "
        "count(*) FILTER (WHERE kind = 'direct') AS direct FROM quotes WHERE speaker = ? "
        "GROUP BY 1 ORDER BY n DESC, channel",
        [actor_id],
    )


# An actor with at most this many event rows has them fetched by key (primary-key lookups on events);
# busier actors (a state in every tenth event) fall back to a semi-join.
MAX_KEYS = 2000


def actor_event_ids(
    con: duckdb.DuckDBPyConnection, actor_id: str, role: str | None = None
) -> list[str] | None:
    """The ids of the actor's events (in this role), or None when there are more than MAX_KEYS.

    Filtered on actor_id alone so DuckDB uses the event_actors index; the role is checked here.
    """
    got = rows(
        con,
        "SELECT event_id, role FROM event_actors WHERE actor_id = ? LIMIT ?",
        [actor_id, 2 * MAX_KEYS + 1],
    )
    ids = list(dict.fromkeys(r["event_id"] for r in got if role is None or r["role"] == role))
    return None if len(got) > 2 * MAX_KEYS or len(ids) > MAX_KEYS else ids


def _events_of(
    con: duckdb.DuckDBPyConnection, actor_id: str, role: str | None = None, *, columns: str = "*"
) -> tuple[str, list[Any]]:
    """A CTE `keyed` holding the actor's event rows: fetched by primary key when few, else by semi-join.

    DuckDB looks keys up in an index only when the IN list is the scan's sole filter, so the list is
    materialised on its own and every other condition applies to the CTE.
    """
    ids = actor_event_ids(con, actor_id, role)
    if ids is not None:
        return _keyed(ids, columns), ids
    sub = "SELECT event_id FROM event_actors WHERE actor_id = ?" + (" AND role = ?" if role else "")
    return (
        f"WITH keyed AS MATERIALIZED (SELECT {_cols(columns)} FROM events WHERE id IN ({sub})) ",
        [actor_id, *([role] if role else [])],
    )


def _keyed(ids: Sequence[str], columns: str = "*") -> str:
    where = f"id IN ({_marks(ids)})" if ids else "false"
    return f"WITH keyed AS MATERIALIZED (SELECT {_cols(columns)} FROM events WHERE {where}) "


def _cols(columns: str) -> str:
    """The keyed CTE's columns (literals from this module): fetching by key costs per column, so callers
    name the few they read; "*" is every column but the JSON record."""
    return "* EXCLUDE (record)" if columns == "*" else columns


def actor_events(
    con: duckdb.DuckDBPyConnection, actor_id: str, role: str, *, limit: int = 25
) -> list[dict[str, Any]]:
    """The newest events in which the actor is source (or target), with the other side's names."""
    other = "target" if role == "source" else "source"
    cte, params = _events_of(
        con, actor_id, role,
        columns="id, article_id, type, mode, quad_class, factuality, intensity, day, sentence, "
        f"trigger_text, outlet, {other}",
    )  # fmt: skip
    found = rows(
        con,
        cte + "SELECT e.id, e.article_id, e.type, e.mode, e.quad_class, e.factuality, e.intensity, "
        f"e.day AS date, e.sentence, e.trigger_text, e.outlet, e.{other} AS other_ids FROM keyed e "
        "ORDER BY date DESC NULLS LAST, e.id LIMIT ?",
        [*params, limit],
    )
    names = _names(con, {x for r in found for x in r["other_ids"] or []})
    for r in found:
        r["others"] = [names.get(x) or x for x in r.pop("other_ids") or []]
    return found


def actor_counterparts(
    con: duckdb.DuckDBPyConnection, actor_id: str, *, limit: int = 15
) -> list[dict[str, Any]]:
    """Actors on the other side of this actor's events, with counts per quad class.

    Read from the events' own source and target lists (which event_actors is built from), so only the
    actor's events are touched. A counterpart is a target when the actor is a source, a source when the
    actor is a target, and a fellow source when the actor is a source.
    """
    cte, params = _events_of(con, actor_id, columns="id, quad_class, source, target")
    return rows(
        con,
        cte + ", me AS (SELECT id, quad_class, list_distinct(source) AS src, list_distinct(target) AS tgt, "
        "list_contains(source, ?) AS is_src, list_contains(target, ?) AS is_tgt FROM keyed), "
        "o AS (SELECT id, quad_class, u.x AS other FROM me, unnest(list_concat("
        "CASE WHEN is_src THEN list_concat(tgt, src) ELSE [] END, "
        "CASE WHEN is_tgt THEN src ELSE [] END)) AS u(x) WHERE u.x <> ?) "
        "SELECT o.other AS id, coalesce(a.name, o.other) AS name, a.kind, a.country, "
        "count(DISTINCT o.id) AS events, "
        "count(DISTINCT o.id) FILTER (WHERE o.quad_class = 'VC') AS VC, "
        "count(DISTINCT o.id) FILTER (WHERE o.quad_class = 'MC') AS MC, "
        "count(DISTINCT o.id) FILTER (WHERE o.quad_class = 'VK') AS VK, "
        "count(DISTINCT o.id) FILTER (WHERE o.quad_class = 'MK') AS MK "
        "FROM o LEFT JOIN actors a ON a.id = o.other "
        "GROUP BY ALL ORDER BY events DESC, name LIMIT ?",
        [*params, actor_id, actor_id, actor_id, limit],
    )


def actor_activity(con: duckdb.DuckDBPyConnection, actor_id: str) -> list[dict[str, Any]]:
    """Per month: the actor's events by quad class (as source or target)."""
    cte, params = _events_of(con, actor_id, columns="id, chart_day, quad_class")
    found = rows(
        con,
        cte + "SELECT left(e.chart_day, 7) AS period, e.quad_class AS quad, count(DISTINCT e.id) AS n "
        "FROM keyed e WHERE e.quad_class IS NOT NULL "
        "GROUP BY 1, 2 HAVING length(period) = 7 ORDER BY period",
        params,
    )
    return _fill(found, "month")


def actor_articles(con: duckdb.DuckDBPyConnection, actor_id: str, *, limit: int = 20) -> list[dict[str, Any]]:
    return rows(
        con,
        "SELECT ar.id, ar.title, ar.outlet, ar.published_date, count(*) AS mentions FROM mentions m "
        "JOIN articles ar ON ar.id = m.article_id WHERE m.actor_id = ? GROUP BY ALL "
        "ORDER BY ar.published_date DESC NULLS LAST, ar.id LIMIT ?",
        [actor_id, limit],
    )


def boilerplate(con: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    return rows(
        con, "SELECT idx, text, reason FROM boilerplate WHERE article_id = ? ORDER BY idx", [article_id]
    )


# -- search ------------------------------------------------------------------------------------
def search(con: duckdb.DuckDBPyConnection, q: str, *, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Substring search over article titles and leads, actor names and quotes.

    DuckDB's full-text extension is not bundled and we download nothing at run time, so this is a
    case-insensitive scan. Articles are matched on their title and lead (first paragraph, at most 600
    characters: the article_search table of migration 006), not the whole body: scanning every body costs
    ~50 ms of CPU a query on 100k articles. Title matches rank first.
    """
    pattern = f"%{q}%"
    articles = rows(
        con,
        "SELECT ar.id, ar.title, ar.outlet, ar.published_date, ar.url, ar.title ILIKE ? AS in_title "
        "FROM article_search s JOIN articles ar ON ar.id = s.article_id WHERE s.text ILIKE ? "
        "ORDER BY in_title DESC, ar.published_date DESC NULLS LAST, ar.id LIMIT ?",
        [pattern, pattern, limit],
    )
    actors = rows(
        con,
        "SELECT id, name, kind, country, sector, role FROM actors WHERE name ILIKE ? OR id = ? "
        "ORDER BY length(name), name LIMIT ?",
        [pattern, q, limit],
    )
    quotes = list_quotes_matching(con, pattern, limit)
    return {"articles": articles, "actors": actors, "quotes": quotes}


def list_quotes_matching(con: duckdb.DuckDBPyConnection, pattern: str, limit: int) -> list[dict[str, Any]]:
    found = rows(
        con,
        "SELECT q.id, q.article_id, q.speaker AS speaker_id, q.speaker_text, q.kind, q.channel, q.text, "
        "q.start_char, q.end_char FROM quotes q WHERE q.text ILIKE ? ORDER BY q.article_id, q.start_char "
        "LIMIT ?",
        [pattern, limit],
    )
    names = _names(con, {r["speaker_id"] for r in found if r["speaker_id"]})
    return [
        {"id": r["id"], "article_id": r["article_id"],
         "speaker": names.get(r["speaker_id"]) or r["speaker_text"], "kind": r["kind"],
         "channel": r["channel"], "text": r["text"], "start_char": r["start_char"], "end_char": r["end_char"]}
        for r in found
    ]  # fmt: skip


# -- events ----------------------------------------------------------------------------------------
def list_events(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, *, limit: int, offset: int
) -> list[dict[str, Any]]:
    """The Store's event listing (same filter, order and columns), built for serving a large store.

    The page is chosen first on narrow columns of events alone (day and outlet are denormalised onto the
    event row by migration 006), then its rows, articles and actor names are fetched by key.
    """
    # Event ids from the actor filter first (an index-backed lookup); when few, the rows are
    # fetched by primary key into a CTE (DuckDB uses the key index only when the IN list is the scan's
    # sole filter) and every other condition applies to that.
    keys: set[str] | None = None
    subs: list[tuple[str, list[Any]]] = []
    if flt.actor:
        subs.append(flt.actor_events_sql())
    for sub, sub_params in subs:
        got = rows(con, f"SELECT DISTINCT event_id FROM ({sub}) t LIMIT ?", [*sub_params, MAX_KEYS + 1])
        if len(got) <= MAX_KEYS:
            found_keys = {r["event_id"] for r in got}
            keys = found_keys if keys is None else keys & found_keys
    where, params = flt.where()
    cte, pre = "", []
    if keys is not None:
        pre = sorted(keys)
        cte = _keyed(pre)
    base = f"FROM {'keyed' if cte else 'events'} e" + (" WHERE " + " AND ".join(where) if where else "")
    order = "ORDER BY day DESC NULLS LAST, article_id, sentence_start, id"
    if flt.actor or flt.dyad:
        # semi-join filters select few rows at a fixed cost: run them once, rank the narrow result
        page = rows(
            con,
            (cte + ", " if cte else "WITH ")
            + f"f AS MATERIALIZED (SELECT e.id, e.day, e.article_id, e.sentence_start {base}) "
            f"SELECT id FROM f {order} LIMIT ? OFFSET ?",
            [*pre, *params, limit, offset],
        )
    else:
        # Ranking 1M rows on four keys is slow; on the day alone it is cheap. So find the day of the last
        # row wanted, then rank fully only the rows on or after it (ties on that day are all kept).
        cut = rows(
            con,
            cte + f"SELECT e.day {base} ORDER BY e.day DESC NULLS LAST LIMIT 1 OFFSET ?",
            [*pre, *params, limit + offset - 1],
        )
        narrow, extra = "", []
        if cut and cut[0]["day"] is not None:
            narrow, extra = (" AND " if where else " WHERE ") + "e.day >= ?", [cut[0]["day"]]
        page = rows(
            con,
            cte + f"SELECT e.id {base}{narrow} ORDER BY e.day DESC NULLS LAST, e.article_id, "
            "e.sentence_start, e.id LIMIT ? OFFSET ?",
            [*pre, *params, *extra, limit, offset],
        )  # the where clauses are the EventFilter's own parameterised SQL; values stay parameters
    ids = [r["id"] for r in page]
    if not ids:
        return []
    found = rows(
        con,
        "SELECT e.id, e.article_id, e.day AS event_date, e.date_precision, e.type, e.mode, e.factuality, "
        "e.quad_class, e.intensity, e.goldstein, e.cameo, e.contexts, e.source, e.source_countries, "
        "e.target, "
        "e.target_countries, e.place_name, e.place_country, e.lat, e.lon, e.trigger_start, e.trigger_end, "
        "e.trigger_text, e.sentence_start, e.sentence_end, e.sentence FROM events e "
        f"WHERE e.id IN ({_marks(ids)})",
        ids,
    )
    art_ids = sorted({r["article_id"] for r in found})
    arts = {
        r["id"]: r
        for r in rows(
            con,
            f"SELECT id, title, outlet, published_date, url FROM articles WHERE id IN ({_marks(art_ids)})",
            art_ids,
        )
    }
    actor_ids = sorted({a for r in found for a in (r["source"] or []) + (r["target"] or [])})
    names = {
        r["id"]: r["name"]
        for r in (
            rows(con, f"SELECT id, name FROM actors WHERE id IN ({_marks(actor_ids)})", actor_ids)
            if actor_ids
            else []
        )
    }
    by_id = {r["id"]: r for r in found}
    out = []
    for eid in ids:
        r = by_id[eid]
        art = arts.get(r["article_id"], {})
        out.append({
            "id": r["id"], "article_id": r["article_id"],
            "date": r.pop("event_date") or art.get("published_date"),
            **{k: v for k, v in r.items() if k not in ("id", "article_id")},
            "source_names": [names.get(a) or a for a in r["source"] or []],
            "target_names": [names.get(a) or a for a in r["target"] or []],
            "title": art.get("title"), "outlet": art.get("outlet"),
            "published_date": art.get("published_date"),
            "url": art.get("url"),
        })  # fmt: skip
    return out


def list_articles(
    con: duckdb.DuckDBPyConnection, *, outlet: str | None = None, since: str | None = None,
    until: str | None = None, search: str | None = None, limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:  # fmt: skip
    """Article metadata newest first, like Store.articles, but ranking on two columns before fetching rows."""
    where, params = article_filter(outlet=outlet, since=since, until=until, search=search)
    page = rows(
        con,
        "SELECT id FROM articles"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY published_date DESC NULLS LAST, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return _in_page_order(
        con,
        page,
        "SELECT id, title, outlet, publisher, wire, byline, dateline, language, published_date, "
        "published_precision, published_evidence, published_source, url, len(paragraphs) AS n_paragraphs "
        "FROM articles",
    )


def _marks(values: Sequence[Any]) -> str:
    """`?, ?, ?`: an IN list of placeholders lets DuckDB look keys up in the primary-key index."""
    return ", ".join("?" * len(values))
