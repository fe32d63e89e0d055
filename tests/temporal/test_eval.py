"""The TimeML reader and the TempEval-3 style scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.temporal.helpers import shared_dir
from wirewatch.eval.temporal import evaluate_timebank, format_report, score_document
from wirewatch.temporal.timeml import GoldTimex, read_timeml

_DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2026-01-15">20260115</TIMEX3></DCT>
<TEXT>
Rebels &amp; troops <EVENT eid="e1">clashed</EVENT> \
<TIMEX3 tid="t1" type="DATE" value="2026-01-13">Tuesday</TIMEX3> for \
<TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_strips_markup_and_maps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "Sample" / "doc.tml"
    path.parent.mkdir()
    path.write_text(_DOC, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.dct == "2026-01-15"
    assert doc.subset == "Sample"
    assert "Rebels & troops clashed Tuesday for three days." in doc.text
    assert [(doc.text[g.start : g.end], g.type, g.value) for g in doc.timexes] == [
        ("Tuesday", "DATE", "2026-01-13"),
        ("three days", "DURATION", "P3D"),
    ]
    result = evaluate_timebank(tmp_path, progress=False, baseline=False)
    overall = result["systems"]["wirewatch"]["overall"]
    assert overall["value"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert overall["strict"]["f1"] == 1.0


def test_scorer_counts_overlap_with_equal_value_only() -> None:
    gold = [
        GoldTimex(0, 10, "last month", "DATE", "2025-12"),
        GoldTimex(20, 27, "Tuesday", "DATE", "2026-01-13"),
    ]
    system = [(5, 10, "DATE", "2025-12"), (20, 27, "DATE", "2026-01-06"), (40, 44, "DATE", "2026")]
    counts, issues = score_document(system, gold)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed, counts.value_ok) == (2, 3, 1, 2, 1)
    figures = counts.figures()
    assert figures["value"] == {"p": 0.3333, "r": 0.5, "f1": 0.4}
    assert sorted(i["kind"] for i in issues) == ["mismatch", "mismatch", "spurious"]


def test_smoke_on_three_timebank_files(tmp_path: Path) -> None:
    data = shared_dir() / "data" / "time" / "TBAQ-cleaned"
    if not data.is_dir():
        pytest.skip(
            f"TimeBank/AQUAINT data not found at {data}; set WIREWATCH_SHARED to the shared directory"
        )
    picked = sorted(data.glob("TimeBank/*.tml"))[:2] + sorted(data.glob("AQUAINT/*.tml"))[:1]
    for path in picked:
        target = tmp_path / path.parent.name / path.name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(path.read_bytes())
    result = evaluate_timebank(tmp_path, progress=False, keep_errors=True)
    assert result["documents"] == 3
    assert set(result["systems"]) == {"wirewatch", "dateparser"}
    block = result["systems"]["wirewatch"]
    assert set(block["subsets"]) == {"TimeBank", "AQUAINT"}
    assert block["overall"]["gold"] > 0
    assert block["overall"]["relaxed"]["f1"] > 0.5
    report = format_report(result)
    assert "TimeBank" in report and "value P/R/F1" in report
