"""The embedded DuckDB store: one file, migrations, atomic idempotent batch writes, Arrow results.

Bulk writes go through registered Arrow tables and one INSERT ... SELECT per table (executemany is
about 1.6k rows/s in DuckDB; this path is orders of magnitude faster). Each batch is one transaction,
so a killed ingest leaves whole batches or nothing, and a re-run picks up the rest by content id.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from wirewatch.errors import StoreError
from wirewatch.records import ArticleRecord, RawDocument, Skip, Source
from wirewatch.store import events as event_rows
from wirewatch.store import migrations

DEFAULT_DB = "wirewatch.duckdb"

# Tables a user may list or export; names never come from user input into SQL otherwise.
EXPORTABLE = (
    "articles",
    "raw_documents",
    "sightings",
    "boilerplate",
    "ingest_runs",
    "ingest_problems",
    "actors",
    "mentions",
    "quotes",
    "events",
    "event_dyads",
    "event_actors",
    "places",
    "learned_actors",
    "doc_groups",
    "article_tone",
    "stories",
    "story_articles",
    "story_merges",
    "canonical_events",
    "canonical_event_reports",
    "canonical_dyads",
)

ARTICLE_COLUMNS = (
    "id, title, outlet, publisher, wire, byline, dateline, language, published_date, "
    "published_precision, published_evidence, published_source, url"
)


def article_filter(
    *, outlet: str | None = None, since: str | None = None, until: str | None = None,
    search: str | None = None,
) -> tuple[list[str], list[Any]]:  # fmt: skip
    """WHERE clauses and their parameters over `articles`, shared by the CLI, the API and the pages.

    `until` compares on its own length, so "2026-11" keeps every day of November."""
    where: list[str] = []
    params: list[Any] = []
    if outlet:
        where.append("outlet ILIKE ?")
        params.append(f"%{outlet}%")
    if since:
        where.append("published_date >= ?")
        params.append(since)
    if until:
        where.append("left(published_date, ?) <= ?")
        params += [len(until), until]
    if search:
        where.append("(title ILIKE ? OR body ILIKE ?)")
        params += [f"%{search}%", f"%{search}%"]
    return where, params


def actor_filter(
    *, search: str | None = None, country: str | None = None, kinds: Sequence[str] | None = None,
) -> tuple[list[str], list[Any]]:  # fmt: skip
    """WHERE clauses and their parameters over `actors a`, shared by the Python API and the web lists."""
    where: list[str] = []
    params: list[Any] = []
    if kinds:
        where.append("list_contains(?, a.kind)")
        params.append(list(kinds))
    if search:
        where.append("a.name ILIKE ?")
        params.append(f"%{search}%")
    if country:
        where.append("a.country = ?")
        params.append(country.upper())
    return where, params


def default_db_path() -> str:
    return os.environ.get("WIREWATCH_DB") or DEFAULT_DB


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def source_key(src: Source) -> str:
    """A stable key for one sighting of a document."""
    return "|".join([src.kind, src.path or "", src.url or "", src.member or ""])


class Store:
    """A wirewatch database. Use as a context manager; open read-only for queries from a second process."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = str(path or default_db_path())
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open database {self.path!r}: {exc}. Check the path, or close the other process "
                "that holds it open for writing."
            ) from exc
        self.read_only = read_only
        if not read_only:
            self.migrate()
        elif missing := self.missing_migrations():
            raise StoreError(
                f"database {self.path!r} lacks schema migration(s) {', '.join(map(str, missing))}: open it "
                "once for writing (e.g. `wirewatch ingest`) to migrate."
            )

    # -- lifecycle ---------------------------------------------------------------------------
    def _q(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run one statement and drain its result (DuckDB 2 refuses new work while one is pending)."""
        return self.con.execute(sql, list(params) if params is not None else None).fetchall()

    def _q1(self, sql: str, params: Sequence[Any] | None = None) -> tuple[Any, ...] | None:
        rows = self._q(sql, params)
        return rows[0] if rows else None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        exists = self._q1(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        )
        if not exists or not exists[0]:
            return 0
        row = self._q1("SELECT max(version) FROM schema_version")
        return int(row[0] or 0) if row else 0

    def missing_migrations(self) -> list[int]:
        """Shipped migrations this database has not had (compared as a set, not by the highest number)."""
        exists = self._q1(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        )
        if not exists or not exists[0]:
            return [v for v, _ in migrations.available()]
        applied = {r[0] for r in self._q("SELECT version FROM schema_version")}
        return [v for v, _ in migrations.available() if v not in applied]

    def migrate(self) -> int:
        """Apply every migration the database has not had; returns the resulting version."""
        self._q(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)"
        )
        applied = {r[0] for r in self._q("SELECT version FROM schema_version")}
        for version, sql in migrations.available():
            if version in applied:  # by set, not max: a migration merged later with a lower number still runs
                continue
            self._q("BEGIN TRANSACTION")
            try:
                self._q(sql)
                self._q("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])
                self._q("COMMIT")
            except duckdb.Error as exc:
                self._q("ROLLBACK")
                raise StoreError(f"migration {version:03d} failed on {self.path!r}: {exc}") from exc
        return self.schema_version()

    # -- ingest ------------------------------------------------------------------------------
    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are already stored (as raw documents with an article)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return set()
        table = pa.table({"id": pa.array(ids, pa.string())})
        self.con.register("_probe", table)
        try:
            rows = self._q("SELECT p.id FROM _probe p JOIN articles a ON a.id = p.id")
        finally:
            self.con.unregister("_probe")
        return {r[0] for r in rows}

    def begin_run(self, inputs: Sequence[str]) -> str:
        run_id = uuid.uuid4().hex[:16]
        self._q(
            "INSERT INTO ingest_runs (run_id, started_at, inputs, status) VALUES (?, ?, ?, 'running')",
            [run_id, _now(), json.dumps(list(inputs))],
        )
        return run_id

    def finish_run(self, run_id: str, *, added: int, known: int, skipped: int, status: str = "done") -> None:
        self._q(
            "UPDATE ingest_runs SET finished_at = ?, added = ?, known = ?, skipped = ?, status = ? "
            "WHERE run_id = ?",
            [_now(), added, known, skipped, status, run_id],
        )

    def write_batch(
        self,
        run_id: str,
        raws: Sequence[RawDocument],
        records: Sequence[ArticleRecord],
        sightings: Sequence[tuple[str, Source]] = (),
        problems: Sequence[Skip] = (),
        extractor_version: str = "",
    ) -> None:
        """Write one batch atomically; rows whose keys already exist are left as they are."""
        tables = {
            "_raw": _raw_table(raws, run_id),
            "_seen": _sightings_table(sightings, run_id),
            "_art": _article_table(records, extractor_version),
            "_bp": _boilerplate_table(records),
            "_act": _actors_table(records),
            "_men": _mentions_table(records),
            "_quo": _quotes_table(records),
            "_learn": _learned_table(records),
            "_roles": _roles_table(records),
            **event_rows.staging_tables(records),
            "_prob": pa.table(
                {
                    "run_id": pa.array([run_id] * len(problems), pa.string()),
                    "location": pa.array([p.where for p in problems], pa.string()),
                    "reason": pa.array([p.reason for p in problems], pa.string()),
                }
            ),
        }
        self._q("BEGIN TRANSACTION")
        try:
            for name, table in tables.items():
                self.con.register(name, table)
            self._q(
                "INSERT INTO raw_documents SELECT r.* FROM _raw r "
                "WHERE NOT EXISTS (SELECT 1 FROM raw_documents d WHERE d.id = r.id)"
            )
            _maybe_crash_for_tests()
            self._q(
                "INSERT INTO sightings SELECT DISTINCT ON (doc_id, source_key) s.* FROM _seen s "
                "WHERE NOT EXISTS (SELECT 1 FROM sightings t "
                "WHERE t.doc_id = s.doc_id AND t.source_key = s.source_key)"
            )
            # roles before articles: only an article new to the store adds its roles (migration 007)
            self._q(
                "INSERT INTO actor_roles SELECT DISTINCT ON (article_id, idx) r.* FROM _roles r "
                "WHERE NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = r.article_id) "
                "AND NOT EXISTS (SELECT 1 FROM actor_roles t WHERE t.article_id = r.article_id "
                "AND t.idx = r.idx)"
            )
            self._q(
                "INSERT INTO articles SELECT a.* FROM _art a "
                "WHERE NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.id)"
            )
            self._q(
                "INSERT INTO boilerplate SELECT p.* FROM _bp p "
                "WHERE NOT EXISTS (SELECT 1 FROM boilerplate q "
                "WHERE q.article_id = p.article_id AND q.idx = p.idx)"
            )
            self._q(
                "INSERT INTO actors SELECT DISTINCT ON (id) a.* FROM _act a "
                "WHERE NOT EXISTS (SELECT 1 FROM actors b WHERE b.id = a.id)"
            )
            self._q(
                "INSERT INTO mentions "
                "SELECT DISTINCT ON (article_id, actor_id, field, start_char, end_char) m.* "
                "FROM _men m WHERE NOT EXISTS (SELECT 1 FROM mentions n WHERE n.article_id = m.article_id "
                "AND n.actor_id = m.actor_id AND n.field = m.field AND n.start_char = m.start_char "
                "AND n.end_char = m.end_char)"
            )
            self._q(
                "INSERT INTO quotes SELECT DISTINCT ON (id) q.* FROM _quo q "
                "WHERE NOT EXISTS (SELECT 1 FROM quotes r WHERE r.id = q.id)"
            )
            self._q(
                "INSERT INTO learned_actors SELECT DISTINCT ON (key) l.* FROM _learn l "
                "WHERE NOT EXISTS (SELECT 1 FROM learned_actors k WHERE k.key = l.key)"
            )
            for staging, table, keys in event_rows.WRITES:
                self._q(event_rows.insert_sql(staging, table, keys))
            self._refresh_serving(_TOUCHED_ACTORS, "SELECT chart_day FROM _evt")
            self._q(
                f"INSERT INTO article_search SELECT DISTINCT ON (id) a.id, {_SEARCH_TEXT} FROM _art a "
                "WHERE NOT EXISTS (SELECT 1 FROM article_search s WHERE s.article_id = a.id)"
            )
            self._q("INSERT INTO ingest_problems SELECT * FROM _prob")
            self._q("COMMIT")
        except BaseException:
            self._q("ROLLBACK")
            raise
        finally:
            for name in tables:
                self.con.unregister(name)

    # -- serving tables (migration 006) ------------------------------------------------------
    def _refresh_serving(self, touched_actors: str, touched_days: str) -> None:
        """Recompute actor_stats and quad_days for the actors and chart days the subqueries name.

        Recomputed from the stored rows (not incremented), so writing a batch twice cannot double count.
        """
        self._q(
            f"INSERT INTO actor_stats WITH ids AS (SELECT DISTINCT actor_id FROM ({touched_actors}) t "
            "WHERE actor_id IS NOT NULL), "
            "m AS (SELECT actor_id, count(DISTINCT article_id) AS articles, count(*) AS mentions "
            "FROM mentions WHERE actor_id IN (SELECT actor_id FROM ids) GROUP BY 1), "
            "q AS (SELECT speaker AS actor_id, count(*) AS quotes FROM quotes "
            "WHERE speaker IN (SELECT actor_id FROM ids) GROUP BY 1), "
            "ea AS (SELECT actor_id, count(*) FILTER (WHERE role = 'source') AS as_source, "
            "count(*) FILTER (WHERE role = 'target') AS as_target FROM event_actors "
            "WHERE actor_id IN (SELECT actor_id FROM ids) GROUP BY 1) "
            "SELECT ids.actor_id, coalesce(m.articles, 0), coalesce(m.mentions, 0), coalesce(q.quotes, 0), "
            "coalesce(ea.as_source, 0), coalesce(ea.as_target, 0) "
            "FROM ids LEFT JOIN m USING (actor_id) LEFT JOIN q USING (actor_id) "
            "LEFT JOIN ea USING (actor_id) ON CONFLICT (actor_id) DO UPDATE SET "
            "articles = excluded.articles, mentions = excluded.mentions, "
            "quotes = excluded.quotes, as_source = excluded.as_source, as_target = excluded.as_target"
        )
        self._q(
            "INSERT INTO quad_days SELECT chart_day, quad_class, count(*) FROM events "
            f"WHERE chart_day IN ({touched_days}) AND factuality = 'asserted' AND quad_class IS NOT NULL "
            "GROUP BY ALL ON CONFLICT (chart_day, quad) DO UPDATE SET n = excluded.n"
        )

    def rebuild_serving(self) -> None:
        """Recompute every serving column and aggregate from the base tables (after a bulk load)."""
        self._q("BEGIN TRANSACTION")
        try:
            self._q(
                "UPDATE events SET day = coalesce(events.date, ar.published_date), outlet = ar.outlet, "
                "chart_day = CASE WHEN regexp_matches(events.date, '^[0-9]{4}-[0-9]{2}') THEN events.date "
                "ELSE ar.published_date END FROM articles ar WHERE ar.id = events.article_id"
            )
            self._q(
                "UPDATE quotes SET published_date = ar.published_date FROM articles ar "
                "WHERE ar.id = quotes.article_id"
            )
            for table in ("actor_stats", "quad_days", "article_search", "actor_roles"):
                self._q(f"DELETE FROM {table}")  # names are literals
            self._refresh_serving(
                "SELECT actor_id FROM mentions UNION SELECT actor_id FROM event_actors "
                "UNION SELECT speaker FROM quotes",
                "SELECT DISTINCT chart_day FROM events",
            )
            self._q(f"INSERT INTO article_search SELECT a.id, {_SEARCH_TEXT} FROM articles a")
            self._q(f"INSERT INTO actor_roles {ACTOR_ROLES_FROM_RECORDS}")
            self._q("COMMIT")
        except BaseException:
            self._q("ROLLBACK")
            raise

    # -- queries -----------------------------------------------------------------------------
    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> pa.Table:
        """Article metadata as Arrow, newest first; filters are parameters, never pasted into SQL."""
        where, params = article_filter(outlet=outlet, since=since, until=until, search=search)
        sql = f"SELECT {ARTICLE_COLUMNS}, len(paragraphs) AS n_paragraphs FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published_date DESC NULLS LAST, id LIMIT ? OFFSET ?"
        params += [max(0, int(limit)), max(0, int(offset))]
        return self.con.sql(sql, params=params).to_arrow_table()

    def resolve_id(self, prefix: str) -> str | None:
        """Full id from a unique prefix of at least 6 hex characters (as git does)."""
        if len(prefix) < 6:
            return None
        rows = self._q("SELECT id FROM articles WHERE starts_with(id, ?) LIMIT 2", [prefix.lower()])
        return rows[0][0] if len(rows) == 1 else None

    def record(self, article_id: str) -> dict[str, Any] | None:
        """The stored ArticleRecord (as JSON) with the boilerplate decisions and every sighting."""
        full = self.resolve_id(article_id) or article_id
        row = self._q1("SELECT record FROM articles WHERE id = ?", [full])
        if not row:
            return None
        rec = json.loads(row[0])
        seen = self._q(
            "SELECT kind, path, url, member, fetched_at FROM sightings WHERE doc_id = ? ORDER BY source_key",
            [full],
        )
        rec["sightings"] = [
            {k: v for k, v in zip(("kind", "path", "url", "member", "fetched_at"), s, strict=True) if v}
            for s in seen
        ]
        return rec

    def raw(self, doc_id: str) -> bytes | None:
        row = self._q1("SELECT content FROM raw_documents WHERE id = ?", [doc_id])
        return bytes(row[0]) if row else None

    def table(self, name: str, *, limit: int | None = None) -> pa.Table:
        if name not in EXPORTABLE:
            raise StoreError(f"unknown table {name!r}; choose one of: {', '.join(EXPORTABLE)}")
        sql = f"SELECT * FROM {name}"  # name checked against EXPORTABLE above
        if name == "raw_documents":
            sql = "SELECT * EXCLUDE (content) FROM raw_documents"
        if limit is not None:
            return self.con.sql(sql + " LIMIT ?", params=[int(limit)]).to_arrow_table()
        return self.con.sql(sql).to_arrow_table()

    def summary(self) -> dict[str, Any]:
        """Corpus counts for the demo and `wirewatch status`."""
        one = self._q1(
            "SELECT count(*), count(DISTINCT outlet), min(published_date), max(published_date), "
            "count(published_date) FROM articles"
        ) or (0, 0, None, None, 0)
        outlets = self._q(
            "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS n FROM articles "
            "GROUP BY 1 ORDER BY n DESC, outlet"
        )
        raw = self._q1("SELECT count(*) FROM raw_documents") or (0,)
        problems = self._q1("SELECT count(*) FROM ingest_problems") or (0,)
        counts = self._q1(
            "SELECT (SELECT count(*) FROM actors), (SELECT count(*) FROM quotes), "
            "(SELECT count(*) FROM events), "
            "(SELECT count(DISTINCT source_country || '-' || target_country) FROM event_dyads)"
        ) or (0, 0, 0, 0)
        return {
            "articles": one[0],
            "outlets": one[1],
            "first_published": one[2],
            "last_published": one[3],
            "dated": one[4],
            "raw_documents": raw[0],
            "problems": problems[0],
            "actors": counts[0],
            "quotes": counts[1],
            "events": counts[2],
            "dyads": counts[3],
            "by_outlet": outlets,
        }

    def actors(
        self,
        *,
        search: str | None = None,
        country: str | None = None,
        kinds: Sequence[str] | None = None,
        limit: int = 100,
    ) -> pa.Table:
        """Actors with how many articles mention them, most mentioned first."""
        where, params = actor_filter(search=search, country=country, kinds=kinds)
        sql = (
            "SELECT a.id, a.name, a.kind, a.country, a.sector, a.role, "
            "count(DISTINCT m.article_id) AS articles, count(m.actor_id) AS mentions "
            "FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " GROUP BY ALL ORDER BY articles DESC, mentions DESC, a.name LIMIT ?"
        return self.con.sql(sql, params=[*params, max(0, int(limit))]).to_arrow_table()

    def quotes(self, *, speaker: str | None = None, channel: str | None = None, limit: int = 100) -> pa.Table:
        """Quotes with speaker name and article; `speaker` matches the actor name or the speaker text."""
        where, params = [], []
        if speaker:
            where.append("(a.name ILIKE ? OR q.speaker_text ILIKE ?)")
            params += [f"%{speaker}%", f"%{speaker}%"]
        if channel:
            where.append("q.channel ILIKE ?")
            params.append(f"%{channel}%")
        sql = (
            "SELECT q.article_id, coalesce(a.name, q.speaker_text) AS speaker, q.kind, q.channel, q.cue, "
            "q.text, q.date, q.start_char, q.end_char, ar.title, ar.outlet, ar.published_date "
            "FROM quotes q LEFT JOIN actors a ON a.id = q.speaker JOIN articles ar ON ar.id = q.article_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY ar.published_date DESC NULLS LAST, q.article_id, q.start_char LIMIT ?"
        return self.con.sql(sql, params=[*params, max(0, int(limit))]).to_arrow_table()

    def events(
        self, flt: event_rows.EventFilter | None = None, *, limit: int = 100, offset: int = 0
    ) -> pa.Table:
        """Events newest first (by event date, else publication date) with actor names and article."""
        return event_rows.query_events(self.con, flt or event_rows.EventFilter(), limit=limit, offset=offset)

    def memory(self) -> dict[str, Any]:
        """What earlier runs taught the stages (see Pipeline.remember): people learned from titles."""
        cols = ("key", "actor_id", "name", "country", "sector", "role")
        rows = self._q(f"SELECT {', '.join(cols)} FROM learned_actors ORDER BY key")
        return {"learned_actors": [dict(zip(cols, r, strict=True)) for r in rows]}

    def actors_by_id(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Actor rows keyed by id, for exports and pages that show names beside ids."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        rel = self.con.sql(
            "SELECT id, name, kind, country, sector, role FROM actors WHERE list_contains(?, id)",
            params=[ids],
        )
        return {r["id"]: r for r in rel.to_arrow_table().to_pylist()}

    def count_events(self, flt: event_rows.EventFilter | None = None) -> int:
        return event_rows.count_events(self.con, flt or event_rows.EventFilter())

    def problems(self, run_id: str | None = None) -> list[tuple[str, str]]:
        if run_id:
            rows = self._q("SELECT location, reason FROM ingest_problems WHERE run_id = ?", [run_id])
        else:
            rows = self._q("SELECT location, reason FROM ingest_problems")
        return [(r[0], r[1]) for r in rows]


# Actors a batch touches (its staged mentions, event participants and quote speakers).
_TOUCHED_ACTORS = (
    "SELECT actor_id FROM _men UNION SELECT actor_id FROM _evact UNION SELECT speaker FROM _quo"
)
# actor_roles (migration 007) computed from the stored article records, as the migration backfills it.
ACTOR_ROLES_FROM_RECORDS = (
    "SELECT ar.id, CAST(x.key AS INTEGER), json_extract_string(x.value, '$.id'), "
    "json_extract_string(x.value, '$.role'), ar.published_date "
    "FROM articles ar, json_each(json_extract(ar.record, '$.actors')) AS x "
    "WHERE json_extract_string(x.value, '$.id') IS NOT NULL "
    "AND json_extract_string(x.value, '$.role') IS NOT NULL"
)
# What article search matches (migration 006): the title and the lead, not the whole body.
_SEARCH_TEXT = "concat_ws(chr(10), a.title, left(a.paragraphs[1], 600))"


# -- Arrow batch builders --------------------------------------------------------------------
def _raw_table(raws: Sequence[RawDocument], run_id: str) -> pa.Table:
    return pa.table(
        {
            "id": pa.array([r.id for r in raws], pa.string()),
            "media_type": pa.array([r.media_type for r in raws], pa.string()),
            "size": pa.array([len(r.content) for r in raws], pa.int64()),
            "declared": pa.array([json.dumps(r.declared, ensure_ascii=False) for r in raws], pa.string()),
            "content": pa.array([r.content for r in raws], pa.binary()),
            "first_run": pa.array([run_id] * len(raws), pa.string()),
        }
    )


def _sightings_table(sightings: Sequence[tuple[str, Source]], run_id: str) -> pa.Table:
    return pa.table(
        {
            "doc_id": pa.array([d for d, _ in sightings], pa.string()),
            "source_key": pa.array([source_key(s) for _, s in sightings], pa.string()),
            "kind": pa.array([s.kind for _, s in sightings], pa.string()),
            "path": pa.array([s.path for _, s in sightings], pa.string()),
            "url": pa.array([s.url for _, s in sightings], pa.string()),
            "member": pa.array([s.member for _, s in sightings], pa.string()),
            "fetched_at": pa.array([s.fetched_at for _, s in sightings], pa.string()),
            "run_id": pa.array([run_id] * len(sightings), pa.string()),
        }
    )


def _article_table(records: Sequence[ArticleRecord], extractor_version: str) -> pa.Table:
    arts = [r.article for r in records]
    now = _now()
    strs = pa.list_(pa.string())
    return pa.table(
        {
            "id": pa.array([r.id for r in records], pa.string()),
            "title": pa.array([a.title for a in arts], pa.string()),
            "outlet": pa.array([a.outlet for a in arts], pa.string()),
            "publisher": pa.array([a.publisher for a in arts], pa.string()),
            "wire": pa.array([a.wire for a in arts], pa.string()),
            "byline": pa.array([list(a.byline) for a in arts], strs),
            "dateline": pa.array([a.dateline for a in arts], pa.string()),
            "language": pa.array([a.language for a in arts], pa.string()),
            "published_date": pa.array([a.published.date for a in arts], pa.string()),
            "published_precision": pa.array([a.published.precision for a in arts], pa.string()),
            "published_evidence": pa.array([a.published.evidence for a in arts], pa.string()),
            "published_source": pa.array([a.published.source for a in arts], pa.string()),
            "url": pa.array([a.url for a in arts], pa.string()),
            "body": pa.array([a.body for a in arts], pa.string()),
            "paragraphs": pa.array([list(a.paragraphs) for a in arts], strs),
            "captions": pa.array(
                [json.dumps(a.to_dict()["captions"], ensure_ascii=False) for a in arts], pa.string()
            ),
            "related_headlines": pa.array([list(a.related_headlines) for a in arts], strs),
            "evidence": pa.array([json.dumps(a.evidence, ensure_ascii=False) for a in arts], pa.string()),
            "record": pa.array([json.dumps(r.to_dict(), ensure_ascii=False) for r in records], pa.string()),
            "extractor_version": pa.array([extractor_version] * len(records), pa.string()),
            "extracted_at": pa.array([now] * len(records), pa.timestamp("us")),
        }
    )


def _boilerplate_table(records: Sequence[ArticleRecord]) -> pa.Table:
    ids, idx, text, reason = [], [], [], []
    for r in records:
        for i, b in enumerate(r.article.boilerplate):
            ids.append(r.id)
            idx.append(i)
            text.append(b.text)
            reason.append(b.reason)
    return pa.table(
        {
            "article_id": pa.array(ids, pa.string()),
            "idx": pa.array(idx, pa.int32()),
            "text": pa.array(text, pa.string()),
            "reason": pa.array(reason, pa.string()),
        }
    )


def _actors_table(records: Sequence[ArticleRecord]) -> pa.Table:
    rows = [(a, r.id) for r in records for a in r.actors if a.get("id")]
    return pa.table(
        {
            "id": pa.array([a["id"] for a, _ in rows], pa.string()),
            "name": pa.array([a.get("name") for a, _ in rows], pa.string()),
            "kind": pa.array([a.get("kind") for a, _ in rows], pa.string()),
            "country": pa.array([a.get("country") for a, _ in rows], pa.string()),
            "sector": pa.array([a.get("sector") for a, _ in rows], pa.string()),
            "role": pa.array([a.get("role") for a, _ in rows], pa.string()),
            "first_seen": pa.array([rid for _, rid in rows], pa.string()),
        }
    )


def _mentions_table(records: Sequence[ArticleRecord]) -> pa.Table:
    rows = [
        (r.id, a["id"], m) for r in records for a in r.actors if a.get("id") for m in a.get("mentions", [])
    ]
    return pa.table(
        {
            "article_id": pa.array([rid for rid, _, _ in rows], pa.string()),
            "actor_id": pa.array([aid for _, aid, _ in rows], pa.string()),
            "field": pa.array([m.get("field", "body") for _, _, m in rows], pa.string()),
            "start_char": pa.array([int(m["start"]) for _, _, m in rows], pa.int32()),
            "end_char": pa.array([int(m["end"]) for _, _, m in rows], pa.int32()),
            "text": pa.array([m.get("text") for _, _, m in rows], pa.string()),
        }
    )


def _quotes_table(records: Sequence[ArticleRecord]) -> pa.Table:
    rows = [(r.id, q) for r in records for q in r.quotes]
    published = {r.id: r.article.published.date for r in records}
    return pa.table(
        {
            "id": pa.array([f"{rid}:{q.get('start')}-{q.get('end')}" for rid, q in rows], pa.string()),
            "article_id": pa.array([rid for rid, _ in rows], pa.string()),
            "speaker": pa.array([q.get("speaker") for _, q in rows], pa.string()),
            "speaker_text": pa.array([q.get("speaker_text") for _, q in rows], pa.string()),
            "cue": pa.array([q.get("cue") for _, q in rows], pa.string()),
            "text": pa.array([q.get("text") for _, q in rows], pa.string()),
            "kind": pa.array([q.get("kind") for _, q in rows], pa.string()),
            "channel": pa.array([q.get("channel") for _, q in rows], pa.string()),
            "start_char": pa.array([q.get("start") for _, q in rows], pa.int32()),
            "end_char": pa.array([q.get("end") for _, q in rows], pa.int32()),
            "date": pa.array([_date_value(q.get("date")) for _, q in rows], pa.string()),
            "published_date": pa.array([published[rid] for rid, _ in rows], pa.string()),
        }
    )


def _roles_table(records: Sequence[ArticleRecord]) -> pa.Table:
    """actor_roles rows (migration 007): each actors-list entry with an id and a role, by position."""
    rows = [
        (r.id, i, a["id"], _json_text(a["role"]), r.article.published.date if r.article.published else None)
        for r in records
        for i, a in enumerate(r.actors)
        if isinstance(a, dict) and a.get("id") and a.get("role") is not None
    ]
    return pa.table(
        {
            "article_id": pa.array([x[0] for x in rows], pa.string()),
            "idx": pa.array([x[1] for x in rows], pa.int32()),
            "actor_id": pa.array([str(x[2]) for x in rows], pa.string()),
            "role": pa.array([x[3] for x in rows], pa.string()),
            "published_date": pa.array([x[4] for x in rows], pa.string()),
        }
    )


def _json_text(value: Any) -> str:
    """What json_extract_string gives for a JSON value: a string as is, anything else as JSON text."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _learned_table(records: Sequence[ArticleRecord]) -> pa.Table:
    rows = [(r.id, a, a["learned"]) for r in records for a in r.actors
            if a.get("id") and isinstance(a.get("learned"), dict) and a["learned"].get("key")]
    return pa.table(
        {
            "key": pa.array([x[2]["key"] for x in rows], pa.string()),
            "actor_id": pa.array([x[1]["id"] for x in rows], pa.string()),
            "name": pa.array([x[1].get("name") for x in rows], pa.string()),
            "country": pa.array([x[1].get("country") for x in rows], pa.string()),
            "sector": pa.array([x[1].get("sector") for x in rows], pa.string()),
            "role": pa.array([x[1].get("role") for x in rows], pa.string()),
            "learned_from": pa.array([x[2].get("from") for x in rows], pa.string()),
            "article_id": pa.array([x[0] for x in rows], pa.string()),
            "field": pa.array([x[2].get("field") for x in rows], pa.string()),
            "start_char": pa.array([x[2].get("start") for x in rows], pa.int32()),
            "end_char": pa.array([x[2].get("end") for x in rows], pa.int32()),
            "evidence": pa.array([x[2].get("text") for x in rows], pa.string()),
        }
    )


def _date_value(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("value")
    return None if value is None else str(value)


def _maybe_crash_for_tests() -> None:
    """Die mid-transaction when WIREWATCH_CRASH_IN_BATCH counts down to zero.

    Lets the kill-and-resume test kill a real process inside a write, rather than simulate one.
    """
    left = os.environ.get("WIREWATCH_CRASH_IN_BATCH")
    if left is None:
        return
    n = int(left) - 1
    os.environ["WIREWATCH_CRASH_IN_BATCH"] = str(n)
    if n <= 0:
        os._exit(137)
