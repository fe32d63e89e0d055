"""Events reach the store with their dyads and participants, filter by actor/dyad/type/date, and export
as POLECAT-style JSON and GDELT-style TSV. Articles are written here for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.event_export import GDELT_COLUMNS
from wirewatch.jobs import ingest
from wirewatch.store import Store
from wirewatch.store.duck import ACTOR_ROLES_FROM_RECORDS
from wirewatch.store.events import EventFilter
from wirewatch.web import queries

ARTICLES = [
    {
        "url": "https://example.test/a1",
        "title": "Leaders of Canada and Japan hold call on fisheries",
        "published": "2026-03-12",
        "outlet": "Test Harbour Times",
        "text": (
            "OTTAWA — Canadian Prime Minister Mark Carney spoke by phone with Japanese Prime Minister "
            "Sanae Takaichi on Tuesday about fishing quotas in the North Pacific, his office said.\n\n"
            "The two leaders agreed to meet in Tokyo in May, according to a statement."
        ),
    },
    {
        "url": "https://example.test/a2",
        "title": "Brazil recalls its ambassador",
        "published": "2026-04-02",
        "outlet": "Test Southern Post",
        "text": (
            "Brazil's President Luiz Inacio Lula da Silva criticised Argentina on Wednesday over a border "
            "dispute, calling the decision reckless.\n\nNo talks are planned, officials said."
        ),
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("events")
    src = folder / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = folder / "w.duckdb"
    with Store(path) as store:
        report = ingest(store, [str(src)])
        assert report.added == 2
        again = ingest(store, [str(src)])
        assert again.added == 0
    return path


def test_events_are_stored_once_with_evidence(db: Path) -> None:
    with Store(db, read_only=True) as store:
        rows = store.events(limit=100).to_pylist()
        assert rows, "the call and the criticism should be coded"
        assert len({r["id"] for r in rows}) == len(rows)
        for r in rows:
            body = store.record(r["article_id"])["article"]["body"]
            assert body[r["trigger_start"] : r["trigger_end"]] == r["trigger_text"]
            assert r["sentence"] == body[r["sentence_start"] : r["sentence_end"]]
        assert store.count_events() == len(rows)


def test_a_call_is_a_mutual_dyad_and_filters_apply(db: Path) -> None:
    with Store(db, read_only=True) as store:
        both = store.events(EventFilter(dyad=("JPN", "CAN"))).to_pylist()
        assert any(r["type"] == "CONSULT" for r in both)
        call = next(r for r in both if r["type"] == "CONSULT" and r["mode"] == "phone")
        assert set(call["source_countries"]) == {"CAN", "JPN"}
        directed = store.events(EventFilter(dyad=("JPN", "CAN"), directed=True)).to_pylist()
        assert call["id"] in {r["id"] for r in directed}
        assert not store.events(EventFilter(dyad=("CAN", "BRA"))).num_rows
        assert all(r["type"] == "CONSULT" for r in store.events(EventFilter(types=("consult",))).to_pylist())
        later = store.events(EventFilter(since="2026-04-01")).to_pylist()
        assert later and all(r["date"] >= "2026-04-01" for r in later)
        by_name = store.events(EventFilter(actor="Carney")).to_pylist()
        assert by_name and all("Mark Carney" in r["source_names"] + r["target_names"] for r in by_name)
        # Hostile filter values are parameters, not SQL.
        assert store.events(EventFilter(actor="x' OR 1=1 --")).num_rows == 0


def test_cli_lists_and_exports(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["events", "--db", str(db), "--dyad", "CAN-JPN", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert {json.loads(x)["type"] for x in res.stdout.splitlines()} >= {"CONSULT"}
    res = runner.invoke(main, ["events", "--db", str(db), "--dyad", "CANADA-JPN"])
    assert res.exit_code == 2 and "ISO-3" in res.stderr

    out = tmp_path / "ev.polecat.jsonl"
    res = runner.invoke(main, ["events", "--db", str(db), "--format", "polecat", "-o", str(out)])
    assert res.exit_code == 0, res.output
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    call = next(r for r in recs if r["event_type"] == "CONSULT" and r["event_mode"] == "phone")
    assert call["quad_code"] == "VC" and call["event_date"] == "2026-03-10"
    assert {a["country"] for a in call["actors"]} == {"CAN", "JPN"}
    assert call["event_text"] and call["source"]["url"] == "https://example.test/a1"

    res = runner.invoke(main, ["events", "--db", str(db), "--format", "gdelt"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert len(lines) == len(recs)
    cells = [line.split("\t") for line in lines]
    assert all(len(c) == len(GDELT_COLUMNS) == 61 for c in cells)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    phone = next(c for c in cells if c[col["SQLDATE"]] == "20260310")
    assert phone[col["QuadClass"]] == "1" and phone[col["EventRootCode"]] == "04"
    assert {phone[col["Actor1CountryCode"]], phone[col["Actor2CountryCode"]]} == {"CAN", "JPN"}


def test_python_api_filters_events(db: Path) -> None:
    import wirewatch

    with wirewatch.open(db, read_only=True) as corpus:
        calls = corpus.events(dyad="CAN-JPN", types="CONSULT").to_pylist()
        assert calls and all(r["type"] == "CONSULT" for r in calls)
        assert corpus.events(dyad="CAN-BRA").num_rows == 0


def _serving(store: Store) -> dict[str, list[tuple]]:
    """The serving columns and aggregates of migration 006, in a comparable form."""
    return {
        "events": store._q("SELECT id, day, outlet, chart_day FROM events ORDER BY id"),
        "quotes": store._q("SELECT id, published_date FROM quotes ORDER BY id"),
        "actor_stats": store._q("SELECT * FROM actor_stats ORDER BY actor_id"),
        "quad_days": store._q("SELECT * FROM quad_days ORDER BY chart_day, quad"),
        "article_search": store._q("SELECT * FROM article_search ORDER BY article_id"),
        "actor_roles": store._q("SELECT * FROM actor_roles ORDER BY article_id, idx"),
    }


def test_serving_tables_match_the_base_tables_and_reingest_does_not_double_count(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with Store(tmp_path / "w.duckdb") as store:
        ingest(store, [str(src)])
        first = _serving(store)
        assert first["actor_stats"] and first["quad_days"] and len(first["article_search"]) == 2
        ingest(store, [str(src)])  # idempotent: the same batch again changes nothing
        assert _serving(store) == first
        store.rebuild_serving()  # a full recompute from the base tables agrees with the per-batch upkeep
        assert _serving(store) == first
        # the denormalised columns say what the join with articles says
        joined = store._q(
            "SELECT e.id, coalesce(e.date, ar.published_date), ar.outlet FROM events e "
            "JOIN articles ar ON ar.id = e.article_id ORDER BY e.id"
        )
        assert [(i, d, o) for i, d, o, _ in first["events"]] == joined
        # and the aggregates say what counting the base tables says
        stats = {r[0]: r[1:] for r in first["actor_stats"]}
        for actor_id, articles, mentions, quotes, as_source, as_target in first["actor_stats"]:
            assert store._q1(
                "SELECT count(DISTINCT article_id), count(*) FROM mentions WHERE actor_id = ?", [actor_id]
            ) == (articles, mentions)
            assert store._q1("SELECT count(*) FROM quotes WHERE speaker = ?", [actor_id]) == (quotes,)
            assert store._q1(
                "SELECT count(*) FILTER (WHERE role = 'source'), count(*) FILTER (WHERE role = 'target') "
                "FROM event_actors WHERE actor_id = ?",
                [actor_id],
            ) == (as_source, as_target)
        assert set(stats) >= {r[0] for r in store._q("SELECT DISTINCT actor_id FROM event_actors")}
        asserted = store._q1(
            "SELECT count(*) FROM events WHERE factuality = 'asserted' AND quad_class IS NOT NULL"
        )
        assert sum(n for _, _, n in first["quad_days"]) == asserted[0]
        # actor_roles (migration 007) holds what the stored records' actors lists say
        assert first["actor_roles"]
        assert first["actor_roles"] == store._q(f"{ACTOR_ROLES_FROM_RECORDS} ORDER BY 1, 2")
        # and the actor page's roles read from it equal the old parse of every mentioning record
        for (actor_id,) in store._q("SELECT DISTINCT actor_id FROM mentions"):
            old = queries.rows(
                store.con,
                "WITH arts AS (SELECT DISTINCT m.article_id FROM mentions m WHERE m.actor_id = ?), "
                "roles AS (SELECT ar.published_date AS day, json_extract_string(x.value, '$.role') AS role "
                "FROM arts JOIN articles ar ON ar.id = arts.article_id, "
                "json_each(json_extract(ar.record, '$.actors')) AS x "
                "WHERE json_extract_string(x.value, '$.id') = ?) "
                "SELECT role, min(day) AS first, max(day) AS last, count(*) AS articles FROM roles "
                "WHERE role IS NOT NULL GROUP BY role ORDER BY first NULLS LAST, role",
                [actor_id, actor_id],
            )
            assert queries.actor_roles(store.con, actor_id) == old


def test_actor_filter_by_id_and_by_name_agree(db: Path) -> None:
    with Store(db, read_only=True) as store:
        by_name = store.events(EventFilter(actor="Carney")).to_pylist()
        ids = {a for r in by_name for a in r["source"] + r["target"] if "carney" in a}
        assert ids
        by_id = store.events(EventFilter(actor=sorted(ids)[0])).to_pylist()
        assert {r["id"] for r in by_id} == {r["id"] for r in by_name}
        assert store.count_events(EventFilter(actor=sorted(ids)[0])) == len(by_id)


def test_articles_until_a_month_keeps_its_days(db: Path) -> None:
    with Store(db, read_only=True) as store:
        march = store.articles(until="2026-03").to_pylist()
        assert [a["published_date"][:7] for a in march] == ["2026-03"]
        assert store.articles(since="2026-04", until="2026-04").num_rows == 1
