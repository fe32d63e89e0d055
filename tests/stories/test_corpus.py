"""The corpus level end to end on a real store: copies, updates, stories, canonical events, the views."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.stories.conftest import ARTICLES, article_id
from wirewatch.cli import main
from wirewatch.jobs import ingest
from wirewatch.store import Store
from wirewatch.stories import query, rebuild, update_corpus


def _state(store: Store) -> list[tuple]:
    return (
        store.con.execute(
            "SELECT s.article_id, s.story_id, g.group_id, g.relation FROM story_articles s "
            "JOIN doc_groups g USING (article_id) ORDER BY 1"
        ).fetchall()
        + store.con.execute(
            "SELECT canonical_id, event_id FROM canonical_event_reports ORDER BY 2"
        ).fetchall()
    )


def test_copies_and_updates_are_linked(built_db: Path) -> None:
    with Store(built_db, read_only=True) as store:
        first = article_id(store, ARTICLES[0]["title"])
        copy = article_id(store, ARTICLES[1]["title"])
        update = article_id(store, ARTICLES[2]["title"])
        rel = dict(
            (a, (r, o))
            for a, r, o in store.con.execute(
                "SELECT article_id, relation, of_article FROM doc_groups"
            ).fetchall()
        )
    assert rel[copy] == ("copy", first)
    assert rel[update] == ("update", first)
    assert rel[first][0] == "original"


def test_one_story_per_happening(built_db: Path) -> None:
    with Store(built_db, read_only=True) as store:
        story = dict(store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        ids = [article_id(store, a["title"]) for a in ARTICLES]
    call = {story[i] for i in ids[:4]}
    assert len(call) == 1, "the call told by three outlets (and a copy, an update) is one story"
    assert story[ids[4]] not in call, "Brazil and Argentina are another story"


def test_same_call_is_one_canonical_event_and_the_undated_one_stays_apart(built_db: Path) -> None:
    with Store(built_db, read_only=True) as store:
        canon = query.canonical_events(store.con, limit=1000)
        undated_article = article_id(store, ARTICLES[5]["title"])
        ids = {article_id(store, a["title"]) for a in ARTICLES[:4]}
    calls = [c for c in canon if c["type"] == "CONSULT" and {"CAN", "JPN"} <= set(c["countries"])]
    dated = [c for c in calls if c["date"] == "2026-03-10"]
    assert len(dated) == 1, [(c["date"], c["n_reports"]) for c in calls]
    call = dated[0]
    assert {r["article_id"] for r in call["reports"]} == ids
    assert call["n_reports"] >= 4
    # the wire copy counts once among independent outlets; every report keeps its evidence
    assert call["n_outlets"] < len({r["outlet"] for r in call["reports"]}) + 1
    assert call["n_outlets"] == 2
    for r in call["reports"]:
        assert r["sentence"] and r["sentence_start"] is not None and r["sentence_end"] > r["sentence_start"]
    undated = [c for c in calls if any(r["article_id"] == undated_article for r in c["reports"])]
    assert undated and all(c["id"] != call["id"] for c in undated), "an undated call is not the dated call"


def test_update_corpus_is_idempotent_and_rebuild_keeps_ids(db_copy: Path, stories_source: Path) -> None:
    with Store(db_copy) as store:
        before = _state(store)
        stories_before = store.con.execute("SELECT id, n_articles FROM stories ORDER BY id").fetchall()
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()]
        again = update_corpus(store, ids)
        assert again["articles"] == 0 and again["already_placed"] == len(ids)
        ingest(store, [str(stories_source)])  # re-ingest: nothing new
        assert _state(store) == before
        rebuild(store)
        assert (
            store.con.execute("SELECT id, n_articles FROM stories ORDER BY id").fetchall() == stories_before
        )
        assert _state(store) == before


def test_a_new_article_joins_without_renumbering(db_copy: Path, tmp_path: Path) -> None:
    extra = tmp_path / "more.jsonl"
    extra.write_text(
        json.dumps(
            {
                "url": "https://east.test/call",
                "title": "Takaichi and Carney agree on May summit after fishing call",
                "published": "2026-03-12",
                "outlet": "Test Eastern Courier",
                "text": (
                    "Japanese Prime Minister Sanae Takaichi and Canadian Prime Minister Mark Carney agreed "
                    "in a phone call on Tuesday to meet in Tokyo in May, after talks on North Pacific "
                    "fishing quotas."
                ),
            }
        )
        + "\n",
        encoding="utf-8",
    )
    with Store(db_copy) as store:
        old = dict(store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        call_story = old[article_id(store, ARTICLES[0]["title"])]
        ingest(store, [str(extra)])
        new = dict(store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    assert {k: new[k] for k in old} == old
    added = set(new) - set(old)
    assert len(added) == 1 and new[added.pop()] == call_story


def test_read_side_shapes(built_db: Path) -> None:
    with Store(built_db, read_only=True) as store:
        stories = query.list_stories(store.con)
        assert stories and {
            "id",
            "label",
            "first_seen",
            "last_seen",
            "n_articles",
            "n_outlets",
            "outlets",
            "actors",
            "types",
        } <= set(stories[0])
        call = next(s for s in stories if s["n_articles"] >= 4)
        assert "CAN" in call["label"] and "JPN" in call["label"] and "CONSULT" in call["label"]
        assert query.list_stories(store.con, country="BRA")[0]["id"] != call["id"]
        d = query.story_detail(store.con, call["id"])
        assert d is not None and len(d["articles"]) == call["n_articles"]
        assert any(a["copy_of"] for a in d["articles"]) and any(a["update_of"] for a in d["articles"])
        kinds = {r["kind"] for r in d["coverage"]["rows"]}
        assert {"event", "actor"} <= kinds
        assert set(d["tone"]) <= set(d["coverage"]["outlets"])
        assert len(d["headlines"]) == len(d["articles"])
        json.dumps(d)  # plain JSON
        series = query.dyad_series(store.con, "can", "JPN", freq="day")
        assert series["a"] == "CAN" and series["totals"]["events"] >= 1
        dated = [p for p in series["points"] if p["n"]]
        assert dated[0]["period"] == "2026-03-10" and set(dated[0]["counts"]) == {"VC", "MC", "VK", "MK"}
        assert series["undated"], "the undated call is listed apart"
        assert query.top_dyads(store.con)[0]["events"] >= 1
        assert query.story_detail(store.con, "st_nonexistent") is None


def test_cli_views(built_db: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["stories", "--db", str(built_db), "--json"])
    assert res.exit_code == 0, res.output
    sid = json.loads(res.output)[0]["id"]
    res = runner.invoke(main, ["story", sid, "--db", str(built_db)])
    assert res.exit_code == 0, res.output
    assert "Canonical events" in res.output and "Coverage" in res.output
    res = runner.invoke(main, ["dyad", "CAN", "JPN", "--since", "2026-01-01", "--db", str(built_db)])
    assert res.exit_code == 0, res.output
    assert "CONSULT" in res.output
