"""Extraction scoring on tiny made-up cases, and a smoke run on a few real pages when ../shared exists."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from wirewatch.errors import InputError
from wirewatch.eval.extraction import (
    Counts,
    bag_of_words_f1,
    byline_matches,
    date_matches,
    evaluate_mozilla,
    evaluate_trafilatura_evaldata,
    format_report,
    matches,
    run,
    score_segments,
)

SHARED = Path(os.environ.get("WIREWATCH_SHARED") or Path(__file__).resolve().parents[2].parent / "shared")
EXTRACTION = SHARED / "data" / "extraction"


def test_score_segments_counts_with_and_without() -> None:
    output = "First   paragraph about the vote.\nSecond paragraph\twith details."
    counts = score_segments(
        output,
        ["paragraph about the vote.", "Second paragraph with", "missing bit"],
        ["Subscribe now", "with details"],
    )
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (2, 1, 1, 1)


def test_score_segments_on_no_output_misses_everything() -> None:
    counts = score_segments(None, ["a", "b"], ["c"])
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (0, 2, 0, 1)


def test_counts_micro_figures() -> None:
    total = Counts()
    total.add(Counts(tp=3, fp=1, fn=0, tn=2))
    total.add(Counts(tp=1, fp=0, fn=4, tn=1))
    figures = total.figures()
    assert (figures["tp"], figures["fp"], figures["fn"]) == (4, 1, 4)
    assert figures["precision"] == 0.8 and figures["recall"] == 0.5
    assert figures["f1"] == round(2 * 4 / (2 * 4 + 1 + 4), 4)
    assert Counts().figures()["f1"] == 0.0


def test_metadata_match_rule() -> None:
    assert matches("Storm hits coast | Daily Planet", "Storm hits coast")
    assert matches("“Quoted” headline — live", '"quoted" headline - LIVE', exact=True)
    assert not matches("Storm hits coast", "Markets rally")
    assert not matches("Storm hits coast", None) and not matches(None, "x")
    assert byline_matches("By Jane Doe and John Roe", ["Jane Doe", "John Roe"])
    assert byline_matches("Jane Doe", ["Jane Doe"], exact=True)
    assert not byline_matches("Jane Doe", ["John Roe"]) and not byline_matches("Jane Doe", [])
    assert date_matches("2015-07-24T05:36:09+01:00", "2015-07-24")
    assert not date_matches("2015-07-24", "2015-07") and not date_matches(None, "2015-07-24")


def test_bag_of_words_f1() -> None:
    precision, recall, f1 = bag_of_words_f1("the cat sat on the mat", "the cat sat")
    assert (precision, round(recall, 3), round(f1, 3)) == (1.0, 0.5, 0.667)
    assert bag_of_words_f1("abc", "xyz") == (0.0, 0.0, 0.0)


def test_evaldata_runner_on_made_up_pages(tmp_path: Path) -> None:
    article = "".join(
        f"<p>Paragraph {i}: the committee agreed a new timetable for the bridge repairs, members said.</p>"
        for i in range(8)
    )
    page = (
        f"<html><body><nav><a href='/'>Home</a></nav><article>{article}</article>"
        "<footer><p>Imprint and privacy notice</p></footer></body></html>"
    )
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "one.html").write_text(page, "utf-8")
    index = {
        "https://made.up/1": {
            "file": "one.html",
            "with": ["Paragraph 3: the committee"],
            "without": ["Imprint and privacy notice"],
            "title": "",
            "date": "",
        },
        "https://made.up/2": {"file": "absent.html", "with": ["x"], "without": ["y"]},
    }
    (tmp_path / "evaldata.json").write_text(json.dumps(index), "utf-8")
    result = evaluate_trafilatura_evaldata(tmp_path)
    assert result["pages"] == 1 and result["missing_files"] == 1
    assert (result["ours"]["tp"], result["ours"]["fp"], result["ours"]["fn"]) == (1, 0, 0)
    assert "trafilatura" in result and "trafilatura_fast" in result
    assert "F1" in format_report({"trafilatura_evaldata": result})


def test_run_rejects_a_folder_without_data(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="neither"):
        run(tmp_path)
    with pytest.raises(InputError, match="not a folder"):
        run(tmp_path / "nope")


def _shared_or_skip(sub: str) -> Path:
    path = EXTRACTION / sub
    if not path.is_dir():
        pytest.skip(f"{path} not present: set WIREWATCH_SHARED to the shared folder to run this smoke test")
    return path


def test_smoke_on_five_real_evaldata_pages() -> None:
    result = evaluate_trafilatura_evaldata(_shared_or_skip("trafilatura-evaldata"), limit=5)
    assert result["pages"] == 5 and result["extraction_failures"] == 0
    assert result["ours"]["tp"] > 0
    assert 0.0 < result["ours"]["f1"] <= 1.0 and 0.0 < result["trafilatura"]["f1"] <= 1.0


def test_smoke_on_three_mozilla_pages() -> None:
    result = evaluate_mozilla(_shared_or_skip("mozilla-readability"), limit=3)
    assert result["pages"] == 3 and result["title"]["n"] >= 1
    assert "mozilla readability" in format_report({"mozilla": result})
