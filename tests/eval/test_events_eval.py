"""The events eval on a tiny slice of the shared data, and its scorer on fixed input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wirewatch.eval.events import format_events_report, run_events_eval, score

DATA = Path(os.environ.get("WIREWATCH_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")
EVENTS = DATA / "data" / "events"


def test_scorer_counts_hits_misses_and_extras() -> None:
    items = [
        {"corpus": "synthetic", "type": "ASSAULT", "mode": "aerial"},
        {"corpus": "synthetic", "type": "PROTEST", "mode": None},
        {"corpus": "cameo", "quad": "MK", "source_text": None},
    ]
    preds = [
        {"events": [{"type": "ASSAULT", "mode": "aerial", "quad_class": "MK", "source": []},
                    {"type": "ACCUSE", "mode": None, "quad_class": "VK", "source": []}]},
        {"events": []},
        {"events": [{"type": "ASSAULT", "mode": None, "quad_class": "MK", "source": []}]},
    ]
    r = score(items, preds)
    assert r["per_type"]["ASSAULT"]["recall"] == 1.0 and r["per_type"]["PROTEST"]["recall"] == 0.0
    assert r["micro"]["precision"] == 0.5 and r["micro"]["recall"] == 0.5
    assert r["no_event_rate"] == 0.5 and r["mode_accuracy"] == 1.0 and r["cameo_quad_accuracy"] == 1.0
    assert ["PROTEST", "-", 1] in r["top_errors"]


@pytest.mark.skipif(not EVENTS.is_dir(), reason="../shared/data/events is not available")
def test_eval_runs_on_a_small_dev_slice() -> None:
    result = run_events_eval(EVENTS, split="dev", limit=30)
    assert result["items"] == 30 and result["split"] == "dev"
    assert 0.0 <= result["micro"]["f1"] <= 1.0
    report = format_events_report(result)
    assert "macro-F1" in report and "ASSAULT" in report
    with pytest.raises(ValueError):
        run_events_eval(EVENTS, split="test")
    with pytest.raises(FileNotFoundError):  # "wire" names a hand-written sentence set only
        run_events_eval(EVENTS, split="wire")


def test_scorer_sets_historical_events_aside_for_one_type_sentences() -> None:
    def ev(type_: str, fact: str) -> dict[str, object]:
        return {"type": type_, "mode": None, "quad_class": "MK", "source": [], "target": [],
                "factuality": fact}

    items = [
        {"corpus": "sentences", "type": "SANCTION", "mode": None},  # main act plus a recalled one
        {"corpus": "sentences", "type": "COERCE", "mode": None},  # the main act wrongly marked background
        {"corpus": "sentences", "type": None, "mode": None},  # no-event sentence stays strict
    ]
    preds = [
        {"events": [ev("SANCTION", "asserted"), ev("ACCUSE", "historical")]},
        {"events": [ev("COERCE", "historical")]},
        {"events": [ev("ASSAULT", "historical")]},
    ]
    r = score(items, preds)
    assert r["micro"]["precision"] == 0.5 and r["micro"]["recall"] == 0.5  # tp 1, fp 1 (no-event), fn 1
    assert r["background_events_set_aside"] == 2
    strict = r["micro_strict"]
    assert strict["recall"] == 1.0 and strict["precision"] == 0.5  # tp 2, fp 2
    assert "set aside: 2" in format_events_report({**r, "items": 3})
