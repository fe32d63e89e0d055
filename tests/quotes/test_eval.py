"""PolNeAR evaluation: a smoke run on three documents and the matching rule on a made-up case."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quotes.conftest import shared_root
from wirewatch.eval.quotes import evaluate_polnear, format_report, score_document
from wirewatch.quotes import find_quotes

POLNEAR = shared_root() / "data" / "quotes" / "polnear" / "polnear_dev.jsonl"


def test_matching_thresholds_and_speaker(nlp: Language) -> None:
    text = "The port will close for a month because of the strike, officials said on Friday."
    doc = nlp(text)
    content = text.index("The port"), text.index(" because")  # system covers about 40% of this gold
    gold = [
        {
            "cue": {"start": text.index("said"), "end": text.index("said") + 4, "text": "said"},
            "sources": [
                {"start": text.index("officials"), "end": text.index("officials") + 9, "text": "officials"}
            ],
            "contents": [{"start": 0, "end": text.index(", officials"), "text": ""}],
        }
    ]
    system = find_quotes(doc)
    system[0].start, system[0].end = content
    counts = score_document(doc, gold, system)
    assert counts["gold_speech"] == 1
    assert counts[0.3]["matched"] == 1 and counts[0.3]["speaker_ok"] == 1
    assert counts[0.8]["matched"] == 0


@pytest.mark.skipif(not POLNEAR.exists(), reason="shared PolNeAR data not available")
def test_polnear_smoke() -> None:
    result = evaluate_polnear(POLNEAR, limit=3)
    assert result["documents"] == 3 and result["gold"] > 0
    for key in ("overlap_30", "overlap_80"):
        assert 0.0 <= result[key]["f1"] <= 1.0
    assert result["overlap_30"]["recall"] >= result["overlap_80"]["recall"]
    assert "overlap >= 30%" in format_report(result)
