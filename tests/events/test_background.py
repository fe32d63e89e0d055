"""Background acts a sentence recalls are kept as events with factuality "historical"; the sentence's
own news stays asserted. Sentences are our own, written for these rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Events = Callable[[str], list[dict[str, Any]]]


def by_type(events: list[dict[str, Any]], type_: str) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == type_]


def test_relative_clause_on_a_referenced_attack_is_historical(events: Events) -> None:
    found = events("Protesters marched in Belgrade on Saturday over the attack that killed 26 people "
                   "last year.")
    assert [e["factuality"] for e in by_type(found, "PROTEST")] == ["asserted"]
    assault = by_type(found, "ASSAULT")
    assert assault and all(e["factuality"] == "historical" for e in assault)
    assert all(e.get("trigger") for e in assault)  # kept as an event, with its evidence


def test_relative_clause_with_a_past_time_is_historical(events: Events) -> None:
    found = events("The army, which shelled the town last month, withdrew from the region on Tuesday.")
    assert [e["factuality"] for e in by_type(found, "RETREAT")] == ["asserted"]
    assert [e["factuality"] for e in by_type(found, "ASSAULT")] == ["historical"]


def test_after_phrase_with_a_gerund_is_historical(events: Events) -> None:
    found = events("Police arrested the activists on Monday after clashing with them in 2019.")
    assert [e["factuality"] for e in by_type(found, "COERCE")] == ["asserted"]


def test_after_clause_act_is_historical_and_main_act_asserted(events: Events) -> None:
    found = events("Kenya deployed police to Haiti after the administration captured the rebel leader.")
    assert [e["factuality"] for e in by_type(found, "MOBILIZE")] == ["asserted"]
    assert [e["factuality"] for e in by_type(found, "COERCE")] == ["historical"]


def test_main_clause_with_last_month_is_still_the_news(events: Events) -> None:
    found = events("Pakistan deported 5,000 Afghans last month, the refugee agency said on Friday.")
    assert [e["factuality"] for e in by_type(found, "COERCE")] == ["asserted"]


def test_indirect_speech_past_perfect_is_not_background(events: Events) -> None:
    found = events("Israel said on Monday that its troops had shelled the camp.")
    assert [e["factuality"] for e in by_type(found, "ASSAULT")] == ["asserted"]


def test_relative_clause_on_the_main_act_object_is_not_background(events: Events) -> None:
    found = events("Russia launched missiles that killed 14 people in Kyiv on Monday.")
    assert found and all(e["factuality"] == "asserted" for e in by_type(found, "ASSAULT"))


def test_threat_to_launch_an_offensive_has_violence_mode(events: Events) -> None:
    found = by_type(events("Turkey threatened to launch a ground offensive."), "THREATEN")
    assert [e["mode"] for e in found] == ["violence"]


def test_threat_with_a_conditional_clause_keeps_no_violence_mode(events: Events) -> None:
    found = events("China warned of countermeasures against the Netherlands if it restricted chip exports.")
    assert all(e["mode"] != "violence" for e in by_type(found, "THREATEN"))


def test_suicide_bomber_gives_the_more_specific_mode(events: Events) -> None:
    found = by_type(events("A suicide bomber blew himself up at a checkpoint in Kabul."), "ASSAULT")
    assert [e["mode"] for e in found] == ["suicide-attack"]
