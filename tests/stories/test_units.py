"""The pure parts: MinHash duplicates, event matching rules, incremental clustering, change points,
B-cubed, and the bench on a small synthetic run."""

from __future__ import annotations

import numpy as np

from wirewatch.bench.stories import bench_once
from wirewatch.eval.stories import bcubed
from wirewatch.stories import cluster, dedup
from wirewatch.stories.canonical import CanonicalIndex, Report, dates_compatible
from wirewatch.stories.query import change_points

TEXT = " ".join(f"word{i} of the long wire story about harbour cranes number {i}." for i in range(60))


def test_minhash_finds_copies_and_updates() -> None:
    a = dedup.signature(TEXT)
    b = dedup.signature(TEXT + " Reporting by a correspondent.")
    c = dedup.signature(
        TEXT[: len(TEXT) // 2] + " A new paragraph with fresh facts on cranes and ports. " * 5
    )
    other = dedup.signature(
        "A different text entirely about rice paddies and tea estates in the hills. " * 20
    )
    assert dedup.jaccard(a, b) > 0.9
    assert dedup.jaccard(a, other) < 0.1
    assert set(dedup.band_keys(a)) & set(dedup.band_keys(b)), "copies share an LSH band"
    old = dedup.DocInfo("a", "Harbour Times", "https://h.test/x", 1, len(TEXT))
    assert dedup.relation(dedup.DocInfo("b", "Valley Post", None, 2, len(TEXT) + 30), old, 0.93) == "copy"
    assert (
        dedup.relation(dedup.DocInfo("c", "Harbour Times", None, 1, 900), old, dedup.jaccard(a, c))
        == "update"
    )
    assert dedup.relation(dedup.DocInfo("d", "Valley Post", None, 1, 900), old, 0.3) is None


def _rep(
    eid: str,
    art: str,
    date: str | None,
    *,
    actors: tuple[str, ...] = ("person:a", "person:b"),
    mode: str | None = "phone",
    story: str = "s1",
    group: str | None = None,
    sentence: str = "",
) -> Report:
    return Report(
        event_id=eid,
        article_id=art,
        type="CONSULT",
        mode=mode,
        factuality="asserted",
        date=date,
        precision="day" if date else None,
        source=actors,
        target=(),
        countries=("AAA", "BBB"),
        sentence=sentence,
        story_id=story,
        group_id=group or art,
    )


def test_dates_compare_at_their_precision() -> None:
    assert dates_compatible("2026-01-12", "2026-01")
    assert dates_compatible("2026-W03", "2026-01-12")
    assert not dates_compatible("2026-01-12", "2026-01-13")
    assert not dates_compatible(None, "2026-01-12")


def test_reports_of_one_act_merge_and_an_undated_one_stays_apart() -> None:
    idx = CanonicalIndex()
    c1, new = idx.add(_rep("x:e1", "x", "2026-01-12"))
    assert new
    assert idx.add(_rep("y:e1", "y", "2026-01")) == (c1, False), "month precision covers the day"
    assert idx.add(_rep("z:e1", "z", "2026-01-20"))[1], "another day is another call"
    # undated, other article, same story, same actors and mode, but told differently: not the same call
    u, new = idx.add(_rep("w:e1", "w", None, sentence="The two leaders held a very productive conversation."))
    assert new and u != c1
    # headline and body of one article: the undated headline event joins the dated body event
    assert idx.add(_rep("x:e2", "x", None)) == (c1, False)
    # a copy of an article (same duplicate group) joins even without a date
    assert idx.add(_rep("v:e1", "v", None, group="x")) == (c1, False)
    # other people in the same countries on the same day: another act
    assert idx.add(_rep("y:e2", "y", "2026-01-12", actors=("person:c", "person:d")))[1]


def _feat(
    i: str, vec: np.ndarray, day: int, actors: tuple[str, ...], link: str | None = None
) -> cluster.ArticleFeatures:
    return cluster.ArticleFeatures(
        id=i, vec=vec / np.linalg.norm(vec), day=day, actors=actors, countries=("AAA",), link=link
    )


def test_clustering_joins_starts_and_follows_copies() -> None:
    rng = np.random.default_rng(1)
    base, other = rng.standard_normal(384), rng.standard_normal(384)
    idx = cluster.StoryIndex()
    a = idx.add(_feat("a1", base, 100, ("person:x",)))
    assert a.how == "start" and a.story_id == cluster.story_id_for("a1")
    b = idx.add(_feat("a2", base + 0.3 * rng.standard_normal(384), 101, ("person:x",)))
    assert b.how == "join" and b.story_id == a.story_id
    c = idx.add(_feat("b1", other, 101, ("person:y",)))
    assert c.how == "start" and c.story_id != a.story_id
    far = idx.add(_feat("a3", base, 100 + 60, ("person:x",)))
    assert far.story_id != a.story_id, "two months later is another story"
    cp = idx.add(_feat("b2", base, 102, ("person:z",), link="b1"))
    assert cp.how == "copy" and cp.story_id == c.story_id
    assert idx.add(_feat("a2", base, 101, ())).how == "known"


def test_change_points_and_bcubed() -> None:
    assert change_points([0, 1, 0, 1, 0, 9, 8, 10, 9], list("abcdefghi")) == ["f"]
    assert change_points([1, 1, 1, 1], list("abcd")) == []
    perfect = bcubed({"1": "x", "2": "x", "3": "y"}, {"1": "A", "2": "A", "3": "B"})
    assert perfect["f1"] == 1.0
    lumped = bcubed({"1": "x", "2": "x", "3": "x"}, {"1": "A", "2": "A", "3": "B"})
    assert lumped["recall"] == 1.0 and lumped["precision"] < 1.0


def test_bench_runs_small() -> None:
    r = bench_once(2000)
    # blocking keeps the candidates per article bounded (the bench reports the time; tests don't assert it)
    assert r["articles"] == 2000 and r["comparisons_per_article"] < 400
