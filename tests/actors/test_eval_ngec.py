"""The NGEC evaluator: a row-level check on made-up assertions, and a smoke run on the shared file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from wirewatch.actors.kb import KnowledgeBase
from wirewatch.eval.actors import check, evaluate_ngec, format_report


def shared_root() -> Path:
    return Path(os.environ.get("WIREWATCH_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")


def row(method: str, args: list, field: str | None, expected, op: str = "Eq", **kwargs) -> dict:
    return {"test": "t", "method": method, "args": args, "kwargs": kwargs, "output_var": "code",
            "field": field, "op": op, "expected": expected}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_check_dated_and_undated_rows(kb: KnowledgeBase) -> None:
    held = check(kb, row("agent_to_code", ["Claudia Sheinbaum", "", "2025-03-01"], "code_1", "GOV"))
    assert (held["status"], held["dating"], held["kind"]) == ("held", "dated", "sector")
    failed = check(kb, row("agent_to_code", ["Claudia Sheinbaum"], "country", "USA"))
    assert (failed["status"], failed["got"], failed["dating"]) == ("failed", "MEX", "undated")
    office = check(kb, row("agent_to_code", ["Trump"], "actor_wiki_job", "President of the United States",
                           query_date="2019-04-01"))
    assert office["status"] == "held"


def test_check_maps_and_sets_aside_foreign_codes(kb: KnowledgeBase) -> None:
    un = check(kb, row("agent_to_code", ["World Health Organization"], "country", "UNO"))
    assert un["status"] == "held"  # NGEC's UNO is our IGO
    medical = check(kb, row("short_text_to_agent", ["paramedic"], "code_1", "MED"))
    assert medical["status"] == "unsupported"  # NGEC MED means medical
    nothing = check(kb, row("trf_agent_match", ["Frank"], None, None, op="Is"))
    assert nothing["status"] == "held"


def test_evaluator_on_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "ngec.jsonl"
    rows = [row("agent_to_code", ["Vladimir Putin"], "country", "RUS"),
            row("agent_to_code", ["Vladimir Putin"], "code_1", "MIL", query_date="2022-03-01"),
            row("agent_to_code", ["Vladimir Putin"], "code_2", "MIL")]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = evaluate_ngec(path)
    assert result["overall"] == {"total": 3, "comparable": 2, "held": 1, "rate": 0.5}
    assert result["by_dating"]["dated"]["held"] == 0
    assert "overall" in format_report(result, failures=5)


def test_evaluator_smoke_on_shared_ngec() -> None:
    path = shared_root() / "data" / "events" / "ngec_actor_resolution_tests.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found; set WIREWATCH_SHARED to run this test")
    result = evaluate_ngec(path)
    overall = result["overall"]
    assert overall["total"] == sum(t["total"] for t in result["by_kind"].values())
    assert set(result["by_dating"]) <= {"dated", "today", "undated"}
    assert overall["rate"] > 0.7, format_report(result, failures=20)
