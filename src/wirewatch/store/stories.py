"""SQL for the corpus level (stories, duplicate groups, canonical events, dyad series).

wirewatch.stories computes; this module reads and writes. Writes register Arrow tables and replace
rows by key in one statement pair, so a batch of touched stories costs two statements per table.
All values are parameters; table and column names come from the constants below, never from input.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

Con = duckdb.DuckDBPyConnection

_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.int64()
_LS, _LF, _LU = pa.list_(pa.string()), pa.list_(pa.float32()), pa.list_(pa.uint64())

# table -> (key columns, column types in table order)
SCHEMAS: dict[str, tuple[tuple[str, ...], dict[str, pa.DataType]]] = {
    "article_vectors": (("article_id",), {"article_id": _S, "model": _S, "vec": _LF}),
    "doc_signatures": (("article_id",), {"article_id": _S, "sig": _LU, "n_chars": _I}),
    "doc_bands": (("band_key", "article_id"), {"band_key": _B, "article_id": _S}),
    "doc_groups": (
        ("article_id",),
        {"article_id": _S, "group_id": _S, "relation": _S, "of_article": _S, "similarity": _F},
    ),
    "article_tone": (
        ("article_id",),
        {"article_id": _S, "compound": _F, "pos": _F, "neg": _F, "n_sentences": _I},
    ),
    "stories": (
        ("id",),
        {
            "id": _S,
            "label": _S,
            "first_seen": _S,
            "last_seen": _S,
            "n_articles": _I,
            "n_outlets": _I,
            "outlets": _LS,
            "actors": _LS,
            "countries": _LS,
            "types": _LS,
            "vec_sum": _LF,
            "updated_at": pa.timestamp("us"),
        },
    ),
    "story_articles": (
        ("article_id",),
        {
            "article_id": _S,
            "story_id": _S,
            "how": _S,
            "score": _F,
            "day": _I,
            "actors": _LS,
            "countries": _LS,
            "types": _LS,
        },
    ),
    "story_merges": (("from_id",), {"from_id": _S, "into_id": _S, "merged_at": pa.timestamp("us")}),
    "canonical_events": (
        ("id",),
        {
            "id": _S,
            "story_id": _S,
            "type": _S,
            "mode": _S,
            "factuality": _S,
            "date": _S,
            "date_precision": _S,
            "day": _S,
            "source": _LS,
            "target": _LS,
            "countries": _LS,
            "contexts": _LS,
            "intensity": _F,
            "quad_class": _S,
            "n_reports": _I,
            "n_articles": _I,
            "n_outlets": _I,
            "outlets": _LS,
        },
    ),
    "canonical_event_reports": (
        ("event_id",),
        {"event_id": _S, "canonical_id": _S, "article_id": _S},
    ),
    "canonical_dyads": (
        ("canonical_id", "source_country", "target_country"),
        {"canonical_id": _S, "source_country": _S, "target_country": _S},
    ),
}

CORPUS_TABLES = tuple(SCHEMAS)


def q(con: Con, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
    """Run and drain (DuckDB 2 refuses new work while a result is pending)."""
    return con.execute(sql, list(params) if params is not None else None).fetchall()


def dicts(con: Con, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, list(params) if params is not None else None)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def has_tables(con: Con) -> bool:
    rows = q(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'canonical_events'")
    return bool(rows and rows[0][0])


def replace_rows(con: Con, table: str, rows: Sequence[dict[str, Any]], *, delete_keys: bool = True) -> None:
    """Write rows, replacing any with the same key (rows for one table, columns as in SCHEMAS)."""
    if not rows:
        return
    keys, cols = SCHEMAS[table]
    arrow = pa.table({c: pa.array([r.get(c) for r in rows], t) for c, t in cols.items()})
    con.register("_st_rows", arrow)
    try:
        if delete_keys:
            match = " AND ".join(f"t.{k} = s.{k}" for k in keys)
            q(con, f"DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM _st_rows s WHERE {match})")
        names = ", ".join(cols)
        q(con, f"INSERT INTO {table} ({names}) SELECT {names} FROM _st_rows")
    finally:
        con.unregister("_st_rows")


def delete_where_in(con: Con, table: str, column: str, values: Sequence[str]) -> None:
    if not values:
        return
    assert table in SCHEMAS and column in SCHEMAS[table][1]
    q(con, f"DELETE FROM {table} WHERE list_contains(?, {column})", [list(values)])


def clear_all(con: Con) -> None:
    for table in CORPUS_TABLES:
        if table in ("article_vectors", "doc_signatures", "doc_bands", "article_tone"):
            continue  # content-derived: still valid, and costly to recompute (vectors)
        q(con, f"DELETE FROM {table}")


# -- reads for the write side ---------------------------------------------------------------------
def placed(con: Con, ids: Sequence[str]) -> set[str]:
    rows = q(con, "SELECT article_id FROM story_articles WHERE list_contains(?, article_id)", [list(ids)])
    return {r[0] for r in rows}


def all_article_ids(con: Con) -> list[str]:
    return [r[0] for r in q(con, "SELECT id FROM articles ORDER BY id")]


def articles_for(con: Con, ids: Sequence[str]) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT id, title, outlet, wire, url, published_date, published_precision, body, "
        "paragraphs[1:3] AS lead FROM articles WHERE list_contains(?, id)",
        [list(ids)],
    )


def mentions_for(con: Con, ids: Sequence[str]) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT m.article_id, m.actor_id, m.field, a.country, a.sector, a.kind, a.name "
        "FROM mentions m LEFT JOIN actors a ON a.id = m.actor_id WHERE list_contains(?, m.article_id)",
        [list(ids)],
    )


def events_for(con: Con, ids: Sequence[str]) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT id, article_id, type, mode, factuality, date, date_precision, source, target, "
        "source_countries, target_countries, contexts, intensity, quad_class, sentence, sentence_start "
        "FROM events WHERE list_contains(?, article_id) ORDER BY article_id, sentence_start, id",
        [list(ids)],
    )


def vectors_for(con: Con, ids: Sequence[str]) -> dict[str, list[float]]:
    rows = q(
        con, "SELECT article_id, vec FROM article_vectors WHERE list_contains(?, article_id)", [list(ids)]
    )
    return {r[0]: r[1] for r in rows}


def signatures_for(con: Con, ids: Sequence[str]) -> dict[str, list[int]]:
    rows = q(
        con, "SELECT article_id, sig FROM doc_signatures WHERE list_contains(?, article_id)", [list(ids)]
    )
    return {r[0]: r[1] for r in rows}


def band_candidates(con: Con, keys: Sequence[tuple[int, str]]) -> dict[str, set[str]]:
    """For (band key, article id) pairs: the other articles sharing a band key, per article."""
    if not keys:
        return {}
    probe = pa.table(
        {"band_key": pa.array([k for k, _ in keys], _B), "article_id": pa.array([a for _, a in keys], _S)}
    )
    con.register("_st_probe", probe)
    try:
        rows = q(
            con,
            "SELECT DISTINCT p.article_id, b.article_id FROM _st_probe p "
            "JOIN doc_bands b ON b.band_key = p.band_key WHERE b.article_id <> p.article_id",
        )
    finally:
        con.unregister("_st_probe")
    out: dict[str, set[str]] = {}
    for a, b in rows:
        out.setdefault(a, set()).add(b)
    return out


def doc_info(con: Con, ids: Sequence[str]) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT a.id, a.outlet, a.url, a.wire, a.published_date, length(a.body) AS n_chars, g.group_id "
        "FROM articles a LEFT JOIN doc_groups g ON g.article_id = a.id WHERE list_contains(?, a.id)",
        [list(ids)],
    )


def groups_for(con: Con, ids: Sequence[str]) -> dict[str, str]:
    rows = q(
        con, "SELECT article_id, group_id FROM doc_groups WHERE list_contains(?, article_id)", [list(ids)]
    )
    return {r[0]: r[1] for r in rows}


def stories_near(con: Con, lo: int | None, hi: int | None, *, everything: bool) -> list[dict[str, Any]]:
    """Stories active within [lo, hi] (ordinal days) or undated; all stories when `everything`."""
    if everything or lo is None or hi is None:
        where, params = "", []
    else:
        where = (
            "WHERE s.id IN (SELECT story_id FROM story_articles GROUP BY story_id "
            "HAVING max(day) IS NULL OR (max(day) >= ? AND min(day) <= ?))"
        )
        params = [lo, hi]
    return dicts(con, f"SELECT s.id, s.vec_sum FROM stories s {where}", params)


def story_members(con: Con, story_ids: Sequence[str]) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT article_id, story_id, day, actors, countries, types FROM story_articles "
        "WHERE list_contains(?, story_id) ORDER BY story_id, article_id",
        [list(story_ids)],
    )


def story_of_articles(con: Con, ids: Sequence[str]) -> dict[str, str]:
    rows = q(
        con, "SELECT article_id, story_id FROM story_articles WHERE list_contains(?, article_id)", [list(ids)]
    )
    return {r[0]: r[1] for r in rows}


def merge_story(con: Con, gone: str, keep: str, now: Any) -> None:
    q(con, "UPDATE story_articles SET story_id = ? WHERE story_id = ?", [keep, gone])
    q(con, "UPDATE canonical_events SET story_id = ? WHERE story_id = ?", [keep, gone])
    q(con, "UPDATE story_merges SET into_id = ? WHERE into_id = ?", [keep, gone])
    q(con, "DELETE FROM stories WHERE id = ?", [gone])
    q(con, "INSERT OR REPLACE INTO story_merges VALUES (?, ?, ?)", [gone, keep, now])


def canonical_in_blocks(con: Con, blocks: Sequence[tuple[str, list[str]]]) -> list[dict[str, Any]]:
    """Every report of every canonical event whose (type, sorted countries) is one of `blocks`."""
    if not blocks:
        return []
    probe = pa.table(
        {"type": pa.array([b[0] for b in blocks], _S), "countries": pa.array([b[1] for b in blocks], _LS)}
    )
    con.register("_st_blocks", probe)
    try:
        return dicts(
            con,
            "SELECT c.id AS canonical_id, r.event_id, e.article_id, e.type, e.mode, e.factuality, e.date, "
            "e.date_precision, e.source, e.target, e.source_countries, e.target_countries, e.sentence, "
            "sa.story_id, g.group_id "
            "FROM canonical_events c JOIN (SELECT DISTINCT type, countries FROM _st_blocks) b "
            "ON b.type = c.type AND b.countries = list_sort(c.countries) "
            "JOIN canonical_event_reports r ON r.canonical_id = c.id "
            "JOIN events e ON e.id = r.event_id "
            "LEFT JOIN story_articles sa ON sa.article_id = e.article_id "
            "LEFT JOIN doc_groups g ON g.article_id = e.article_id "
            "ORDER BY c.id, r.event_id",
        )
    finally:
        con.unregister("_st_blocks")


def canonical_inputs(con: Con, canonical_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Report rows with what a canonical event's summary needs (article outlet, wire, date, group)."""
    return dicts(
        con,
        "SELECT r.canonical_id, e.id AS event_id, e.article_id, e.type, e.mode, e.factuality, e.date, "
        "e.date_precision, e.source, e.target, e.source_countries, e.target_countries, e.contexts, "
        "e.intensity, e.quad_class, a.outlet, a.wire, a.url, a.published_date, g.group_id, "
        "sa.story_id FROM canonical_event_reports r JOIN events e ON e.id = r.event_id "
        "JOIN articles a ON a.id = e.article_id LEFT JOIN doc_groups g ON g.article_id = e.article_id "
        "LEFT JOIN story_articles sa ON sa.article_id = e.article_id "
        "WHERE list_contains(?, r.canonical_id) ORDER BY r.canonical_id, a.published_date NULLS LAST, e.id",
        [list(canonical_ids)],
    )


def dyads_of_events(con: Con, event_ids: Sequence[str]) -> list[tuple[str, str, str]]:
    return [
        (r[0], r[1], r[2])
        for r in q(
            con,
            "SELECT event_id, source_country, target_country FROM event_dyads "
            "WHERE list_contains(?, event_id)",
            [list(event_ids)],
        )
    ]


def story_inputs(con: Con, story_ids: Sequence[str]) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT sa.story_id, sa.article_id, sa.actors, sa.countries, sa.types, a.outlet, a.url, "
        "a.published_date, g.group_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
        "LEFT JOIN doc_groups g ON g.article_id = sa.article_id "
        "WHERE list_contains(?, sa.story_id) ORDER BY sa.story_id, a.published_date NULLS LAST, a.id",
        [list(story_ids)],
    )


def story_canonicals(con: Con, story_ids: Sequence[str]) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT c.id, c.story_id, c.type, c.mode, c.factuality, c.contexts, c.n_reports, "
        "coalesce((SELECT list(d.source_country || '>' || d.target_country) FROM canonical_dyads d "
        "WHERE d.canonical_id = c.id), []) AS pairs "
        "FROM canonical_events c WHERE list_contains(?, c.story_id)",
        [list(story_ids)],
    )


def actor_names(con: Con, ids: Sequence[str]) -> dict[str, str]:
    rows = q(con, "SELECT id, name FROM actors WHERE list_contains(?, id)", [list(ids)])
    return {r[0]: r[1] for r in rows if r[1]}


# -- reads for the read side (wirewatch.stories.query shapes these rows) ----------------------------
def resolve_story(con: Con, story_id: str) -> str:
    """A merged story's id leads to the story it went into."""
    for _ in range(20):
        rows = q(con, "SELECT into_id FROM story_merges WHERE from_id = ?", [story_id])
        if not rows:
            break
        story_id = rows[0][0]
    return story_id


def story_rows(
    con: Con,
    *,
    limit: int,
    offset: int,
    actor: str | None,
    country: str | None,
    since: str | None,
    story_id: str | None = None,
) -> list[dict[str, Any]]:
    where, params = [], []
    if story_id:
        where.append("s.id = ?")
        params.append(story_id)
    if actor:
        where.append(
            "(list_contains(s.actors, ?) OR EXISTS (SELECT 1 FROM unnest(s.actors) u(x) "
            "JOIN actors a ON a.id = u.x WHERE a.name ILIKE ?))"
        )
        params += [actor, f"%{actor}%"]
    if country:
        where.append("list_contains(s.countries, ?)")
        params.append(country.upper())
    if since:
        where.append("s.last_seen >= ?")
        params.append(since)
    sql = (
        "SELECT s.id, s.label, s.first_seen, s.last_seen, s.n_articles, s.n_outlets, s.outlets, "
        "s.actors AS actor_ids, coalesce((SELECT list(coalesce(a.name, u.x)) FROM unnest(s.actors) u(x) "
        "LEFT JOIN actors a ON a.id = u.x), []) AS actors, s.countries, s.types FROM stories s"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY s.last_seen DESC NULLS LAST, s.n_articles DESC, s.id LIMIT ? OFFSET ?"
    )
    return dicts(con, sql, params + [max(0, int(limit)), max(0, int(offset))])


def story_articles_detail(con: Con, story_id: str) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT a.id, a.title, a.outlet, a.url, a.wire, a.published_date, a.published_precision, "
        "g.relation, g.of_article, g.group_id, t.compound AS tone "
        "FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
        "LEFT JOIN doc_groups g ON g.article_id = a.id LEFT JOIN article_tone t ON t.article_id = a.id "
        "WHERE sa.story_id = ? ORDER BY a.published_date NULLS LAST, a.id",
        [story_id],
    )


CANON_SELECT = (
    "SELECT c.id, c.story_id, c.type, c.mode, c.date, c.date_precision, c.day, c.factuality, c.quad_class, "
    "c.intensity, c.contexts, c.source, c.target, c.countries, c.n_reports, c.n_articles, c.n_outlets, "
    "c.outlets, coalesce((SELECT list(coalesce(a.name, u.x)) FROM unnest(c.source) u(x) "
    "LEFT JOIN actors a ON a.id = u.x), []) AS source_names, "
    "coalesce((SELECT list(coalesce(a.name, u.x)) FROM unnest(c.target) u(x) "
    "LEFT JOIN actors a ON a.id = u.x), []) AS target_names FROM canonical_events c"
)


def canonical_rows(
    con: Con,
    *,
    story_id: str | None = None,
    dyad: tuple[str, str] | None = None,
    ids: Sequence[str] | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    where, params = [], []
    if story_id:
        where.append("c.story_id = ?")
        params.append(story_id)
    if dyad:
        a, b = dyad
        where.append(
            "c.id IN (SELECT canonical_id FROM canonical_dyads WHERE "
            "(source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))"
        )
        params += [a, b, b, a]
    if ids is not None:
        where.append("list_contains(?, c.id)")
        params.append(list(ids))
    sql = (
        CANON_SELECT
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY c.day DESC NULLS LAST, c.n_reports DESC, c.id LIMIT ? OFFSET ?"
    )
    return dicts(con, sql, params + [max(0, int(limit)), max(0, int(offset))])


def canonical_reports(con: Con, canonical_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Every report with its provenance: article, outlet, sentence and offsets into the body."""
    return dicts(
        con,
        "SELECT r.canonical_id, r.event_id, r.article_id, a.outlet, a.url, a.published_date, e.sentence, "
        "e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end, e.trigger_text, e.date, "
        "e.date_precision, e.factuality FROM canonical_event_reports r JOIN events e ON e.id = r.event_id "
        "JOIN articles a ON a.id = r.article_id WHERE list_contains(?, r.canonical_id) "
        "ORDER BY r.canonical_id, a.published_date NULLS LAST, r.event_id",
        [list(canonical_ids)],
    )


def story_quotes(con: Con, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT q.id, q.article_id, q.speaker, q.speaker_text, "
        "coalesce(a.name, q.speaker_text) AS speaker_name, q.text, q.kind, q.start_char, q.end_char "
        "FROM quotes q LEFT JOIN actors a ON a.id = q.speaker "
        "WHERE list_contains(?, q.article_id) ORDER BY q.article_id, q.start_char",
        [list(article_ids)],
    )


def story_actor_mentions(con: Con, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT m.article_id, m.actor_id, any_value(a.name) AS name, any_value(a.sector) AS sector, "
        "count(*) AS n FROM mentions m LEFT JOIN actors a ON a.id = m.actor_id "
        "WHERE list_contains(?, m.article_id) GROUP BY m.article_id, m.actor_id",
        [list(article_ids)],
    )


def dyad_events(
    con: Con,
    a: str,
    b: str,
    *,
    countries: bool,
    since: str | None,
    until: str | None,
    factuality: Sequence[str],
) -> list[dict[str, Any]]:
    """Canonical events between a and b (ISO-3 codes, either direction; or two actor ids)."""
    where, params = [], []
    if countries:
        where.append(
            "c.id IN (SELECT canonical_id FROM canonical_dyads WHERE "
            "(source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))"
        )
        params += [a, b, b, a]
    else:
        where.append(
            "list_contains(list_concat(c.source, c.target), ?) AND "
            "list_contains(list_concat(c.source, c.target), ?)"
        )
        params += [a, b]
    if factuality:
        where.append("list_contains(?, c.factuality)")
        params.append(list(factuality))
    if since:  # undated events stay in (listed apart by the caller): a date range cannot exclude them
        where.append("(c.day IS NULL OR c.day >= ?)")
        params.append(since)
    if until:
        where.append("(c.day IS NULL OR left(c.day, ?) <= ?)")
        params += [len(until), until]
    return dicts(
        con,
        "SELECT c.id, c.type, c.mode, c.day, c.date, c.date_precision, c.quad_class, c.intensity, "
        "c.n_reports, c.n_outlets, c.factuality FROM canonical_events c WHERE "
        + " AND ".join(where)
        + " ORDER BY c.day NULLS LAST, c.id",
        params,
    )


def top_dyad_rows(con: Con, limit: int) -> list[dict[str, Any]]:
    return dicts(
        con,
        "SELECT least(d.source_country, d.target_country) AS a, greatest(d.source_country, d.target_country) "
        "AS b, count(DISTINCT d.canonical_id) AS events, max(c.day) AS last_date FROM canonical_dyads d "
        "JOIN canonical_events c ON c.id = d.canonical_id WHERE c.factuality = 'asserted' "
        "GROUP BY 1, 2 ORDER BY events DESC, last_date DESC NULLS LAST, a, b LIMIT ?",
        [max(0, int(limit))],
    )
