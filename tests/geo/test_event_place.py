"""An event's place: the one its clause names, else the dateline's, else none. Events are written by
hand here (trigger and sentence spans), so these tests do not depend on the events coder."""

from __future__ import annotations

from typing import Any

from tests.geo.conftest import Run
from wirewatch.geo.stage import dateline_name


def _event(text: str, trigger: str, sentence: str) -> dict[str, Any]:
    s = text.index(sentence)
    t = text.index(trigger, s)
    return {"id": "e1", "type": "ASSAULT", "trigger": {"start": t, "end": t + len(trigger), "text": trigger},
            "sentence": {"start": s, "end": s + len(sentence)}}


def test_place_attached_to_the_trigger(run: Run) -> None:
    text = "Turkey said the gunman attacked the embassy in Ankara on Monday."
    record = run(text, events=[_event(text, "attacked", text)])
    place = record.events[0]["place"]
    assert place["name"] == "Ankara" and place["source"] == "clause"
    assert text[place["evidence"]["start"]:place["evidence"]["end"]] == "Ankara"


def test_only_place_in_the_sentence(run: Run) -> None:
    text = "Gunmen killed four soldiers near the border. Kabul blamed the group."
    sentence = "Gunmen killed four soldiers near the border."
    record = run(text, events=[_event(text, "killed", sentence)], dateline="ISLAMABAD")
    assert record.events[0]["place"]["name"] == "Islamabad"  # nothing in the clause: the dateline
    assert record.events[0]["place"]["source"] == "dateline"


def test_dateline_fallback_and_possessive_is_not_a_location(run: Run) -> None:
    text = "Mexico's president rejected the proposal on Tuesday."
    record = run(text, events=[_event(text, "rejected", text)], dateline="MEXICO CITY")
    place = record.events[0]["place"]
    assert place["name"] == "Mexico City" and place["source"] == "dateline"
    assert any(p["name"] == "Mexico City" for p in record.places)


def test_no_place_at_all(run: Run) -> None:
    text = "The minister resigned on Friday."
    record = run(text, events=[_event(text, "resigned", text)])
    assert record.events[0]["place"] is None


def test_dateline_names() -> None:
    assert dateline_name("WASHINGTON (AP) —") == "WASHINGTON"
    assert dateline_name("MEXICO CITY - ") == "MEXICO CITY"
    assert dateline_name("PARIS, Texas") == "PARIS, Texas"
    assert dateline_name(None) is None
