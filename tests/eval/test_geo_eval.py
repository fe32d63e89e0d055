"""The geo eval on a tiny slice of TR-News and GeoVirus (skipped when the shared data is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wirewatch.eval.geo import format_geo_report, run_geo_eval

DATA = Path(os.environ.get("WIREWATCH_SHARED") or Path(__file__).resolve().parents[2].parent / "shared") / \
    "data" / "geo"


@pytest.mark.skipif(not (DATA / "TR-News.xml").exists(), reason=f"geo eval data not found at {DATA}")
def test_geo_eval_on_a_slice() -> None:
    result = run_geo_eval(DATA, limit=4)
    for name in ("TR-News", "GeoVirus"):
        res = result["datasets"][name]
        assert res["all"]["articles"] == 4
        for half in ("tuned", "untouched"):
            r = res[half]
            assert r["gold"] > 0
            assert 0.0 <= r["overlap"]["f1"] <= 1.0
            assert r["overlap"]["r"] >= r["exact"]["r"]
            assert r["resolved"]["n"] > 0 and 0.0 <= r["resolved"]["acc161"] <= 1.0
    report = format_geo_report(result)
    assert "TR-News" in report and "untouched half" in report and "acc@161km" in report
