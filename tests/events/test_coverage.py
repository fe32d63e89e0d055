"""Trigger coverage across PLOVER types, the known confusions, and the classifier's narrow role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wirewatch.events.classifier import features, type_classifier

Events = Callable[[str], list[dict[str, Any]]]


def types(found: list[dict[str, Any]]) -> set[str]:
    return {e["type"] for e in found}


@pytest.mark.parametrize(
    ("sentence", "type_", "mode"),
    [
        ("Germany imposed new sanctions on Iran on Tuesday.", "SANCTION", None),
        ("France sent troops to Mali last week.", "MOBILIZE", "troops"),
        ("Protesters blocked the main highway into Lima.", "PROTEST", "obstruct"),
        ("Police arrested twelve opposition activists in Minsk.", "COERCE", "arrest"),
        ("Russian forces shelled Kharkiv overnight.", "ASSAULT", "heavy-weapons"),
        ("The rebels freed three aid workers on Sunday.", "RETREAT", "release"),
        ("Turkey condemned the raid on the embassy.", "ACCUSE", "disapprove"),
        ("Japan vetoed the resolution on Friday.", "REJECT", None),
        ("Canada urged Iran to free the journalists.", "REQUEST", None),
        ("Egypt hosted Qatari officials in Cairo.", "CONSULT", "visit"),
    ],
)
def test_type_and_mode(events: Events, sentence: str, type_: str, mode: str | None) -> None:
    hits = [e for e in events(sentence) if e["type"] == type_]
    assert hits, events(sentence)
    if mode is not None:
        assert hits[0]["mode"] == mode


def test_storm_is_not_an_attacker(events: Events) -> None:
    assert "ASSAULT" not in types(events("Typhoon Mawar killed twenty people in the Philippines."))


def test_released_funds_are_aid_and_a_statement_is_nothing(events: Events) -> None:
    found = types(events("The European Union released funds to Ukraine on Monday."))
    assert "AID" in found and "RETREAT" not in found
    assert events("Iran released a statement on Monday.") == []


def test_teachers_striking_protest_rather_than_attack(events: Events) -> None:
    found = types(events("Teachers in Kenya struck on Monday over unpaid wages."))
    assert "PROTEST" in found and "ASSAULT" not in found


def test_agreeing_to_withdraw_is_a_concession(events: Events) -> None:
    found = types(events("Israel agreed to withdraw its troops from the border town."))
    assert "CONCEDE" in found and "AGREE" not in found and "RETREAT" not in found


def test_killing_without_a_named_killer_keeps_an_empty_source(events: Events) -> None:
    ev = next(e for e in events("Ten soldiers were killed near Kabul on Sunday.") if e["type"] == "ASSAULT")
    assert ev["source"] == [] and ev["factuality"] == "asserted"


def test_intentions_and_modals(events: Events) -> None:
    assert types(events("The army plans to deploy more soldiers.")) <= {"MOBILIZE"}
    ev = next(e for e in events("Russia may attack Ukraine next month.") if e["type"] == "ASSAULT")
    assert ev["factuality"] == "hypothetical"


def test_stopping_aid_is_not_aid(events: Events) -> None:
    assert all(e["factuality"] == "negated" for e in events("Venezuela stopped supplying Cuba with oil.")
               if e["type"] == "AID")


def test_classifier_is_a_tie_breaker_only() -> None:
    assert features("Troops fired shots")[-1] == "fired shots"
    clf = type_classifier()
    assert clf is not None
    probs = clf.probabilities("Workers went on strike over pay at the port.")
    assert abs(sum(probs.values()) - 1.0) < 1e-6 and set(probs) == set(clf.labels)
    assert clf.choose("Workers went on strike over pay.", ["PROTEST"]) is None
    assert clf.probabilities("zzzz qqqq") == {}


def test_pronoun_speaker_of_a_pronoun_does_not_recurse(events: Events) -> None:
    found = events("It confirmed that it had attacked the convoy.")
    assert all(e["type"] == "ASSAULT" for e in found)
