"""The two seed pages (../shared/seeds, read in place, never copied): one USA–MEX view, two distinct calls."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.jobs import ingest
from wirewatch.store import Store
from wirewatch.stories import query

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def test_seed_calls_stay_two_consult_events_in_one_dyad_view(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    with Store(tmp_path / "seeds.duckdb") as store:
        ingest(store, [str(SEEDS)])
        series = query.dyad_series(store.con, "USA", "MEX", since="2026-01-01")
        ids = [i for p in series["points"] for i in p["events"]] + series["undated"]
        canon = {c["id"]: c for c in query.canonical_events(store.con, dyad=("USA", "MEX"), limit=1000)}
    calls = [
        canon[i]
        for i in ids
        if canon[i]["type"] == "CONSULT"
        and {"person:donald-trump", "person:claudia-sheinbaum"} <= set(canon[i]["source"])
    ]
    assert len(calls) == 2, [(c["date"], c["n_reports"]) for c in calls]
    assert sorted(str(c["date"]) for c in calls) == ["2026-01-12", "None"]
    assert {c["reports"][0]["article_id"] for c in calls}.__len__() == 2, "one call from each page"
    assert all(c["n_reports"] == len({r["article_id"] for r in c["reports"]}) for c in calls)
