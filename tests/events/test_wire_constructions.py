"""Constructions found by the wire-style sentence set (tests/events/data/wire_sentences.jsonl): visits
announced by an arrival, datelines, objects named through 'of', particles, export bans, blocked access,
weapons as subjects, 'the two countries', conditions of a threat. Sentences here are not in any set."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wirewatch.records import ArticleRecord

Events = Callable[[str], list[dict[str, Any]]]


@pytest.fixture(scope="module")
def sides(run: Callable[[str], ArticleRecord]) -> Callable[[str, str], tuple[dict[str, Any], list, list]]:
    """The first event of a type in a sentence, with the countries of its source and target actors."""

    def code(text: str, type_: str) -> tuple[dict[str, Any], list, list]:
        rec = run(text)
        country = {a["id"]: a.get("country") for a in rec.actors}
        ev = first(rec.events, type_)
        return ev, [country.get(a) for a in ev["source"]], [country.get(a) for a in ev["target"]]

    return code


def types(found: list[dict[str, Any]]) -> list[str]:
    return [e["type"] for e in found]


def first(found: list[dict[str, Any]], type_: str) -> dict[str, Any]:
    hits = [e for e in found if e["type"] == type_]
    assert hits, found
    return hits[0]


def test_arrival_for_a_visit_keeps_the_visitor_as_source(sides: Any) -> None:
    ev, src, tgt = sides("Brazilian President Luiz Inacio Lula da Silva arrived in Beijing on Tuesday for a "
                         "state visit to China.", "CONSULT")
    assert ev["mode"] == "visit" and src == ["BRA"] and tgt == ["CHN"]
    _ev, src, tgt = sides("Spanish Prime Minister Pedro Sanchez paid a two-day visit to Morocco.", "CONSULT")
    assert src == ["ESP"] and tgt == ["MAR"]


def test_dateline_parsed_as_subject_gives_way_to_the_appositive(sides: Any) -> None:
    ev, src, _tgt = sides("DHAKA (Reuters) - Bangladeshi Prime Minister Sheikh Hasina resigned on Monday, "
                          "the army chief said.", "RETREAT")
    assert ev["mode"] == "resign" and src == ["BGD"]


def test_concessions_named_through_of_and_particles(events: Events) -> None:
    assert types(events("Ecuador lifted the state of emergency in three provinces.")) == ["CONCEDE"]
    ev = first(events("Hundreds of rebels in Colombia laid down their weapons on Sunday."), "RETREAT")
    assert ev["mode"] == "disarm"
    rej = first(events("Poland turned down an invitation to the summit in Minsk."), "REJECT")
    assert rej["mode"] == "meet"


def test_joint_operation_and_extradition_from(events: Events, sides: Any) -> None:
    assert "COOPERATE" in types(events("Spanish and Moroccan police carried out a joint operation against "
                                       "drug smugglers."))
    _ev, src, _tgt = sides("The extradition of a Colombian drug lord from Spain was completed on Monday.",
                           "COOPERATE")
    assert src == ["ESP"]


def test_hunger_strike_held_with_be_on(events: Events) -> None:
    ev = first(events("A detained Iranian lawyer has been on hunger strike for two weeks."), "PROTEST")
    assert ev["mode"] == "hunger"


def test_export_ban_is_a_sanction_and_blocked_access_is_censorship(events: Events) -> None:
    ban = events("Indonesia banned exports of bauxite to China.")
    assert types(ban) == ["SANCTION"] and ban[0]["mode"] == "discontinue"
    blocked = events("Turkey blocked access to several news websites on Friday.")
    assert types(blocked) == ["COERCE"] and blocked[0]["mode"] == "censor"
    assert types(events("Angry farmers blocked roads near Lyon.")) == ["PROTEST"]
    assert types(events("Hungary blocked a European Union plan for Ukraine.")) == ["REJECT"]


def test_weapons_as_subjects_attack(events: Events) -> None:
    hit = first(events("Iranian missiles hit a military base in Iraq."), "ASSAULT")
    assert hit["mode"] == "heavy-weapons"
    strikes = first(events("Saudi airstrikes killed 12 people in northern Yemen, medics said."), "ASSAULT")
    assert strikes["mode"] == "aerial" and strikes["factuality"] == "asserted"


def test_the_two_countries_are_the_named_pair(events: Events, sides: Any) -> None:
    _ev, src, _tgt = sides("The two countries signed an agreement on Thursday that deepens trade between "
                           "Kenya and Uganda.", "SUPPORT")
    assert set(src) == {"KEN", "UGA"}
    assert types(events("Argentina and Chile signed an agreement on energy.")) == ["SUPPORT"]


def test_threat_of_own_future_act_and_its_condition(events: Events, sides: Any) -> None:
    ev, src, _tgt = sides("Iran warned that it would take military action if its nuclear sites were "
                          "attacked.", "THREATEN")
    assert src == ["IRN"] and ev["mode"] == "violence"
    found = events("Russia said it would expel Finnish diplomats if Helsinki did not reverse its decision.")
    assert types(found) == ["THREATEN"] and found[0]["mode"] == "expel"


def test_no_event_from_hazards_in_relative_clauses_or_naming(events: Events) -> None:
    assert events("The earthquake, which struck at dawn, killed more than 300 people in Morocco.") == []
    assert types(events("Chile praised Bolivia's decision, calling it a step toward peace.")) == ["SUPPORT"]


def test_aid_flights_and_troops_ordered_out(events: Events, sides: Any) -> None:
    aid, _src, tgt = sides("Egypt dispatched two planes carrying tents and blankets to Libya.", "AID")
    assert aid["mode"] is None and tgt == ["LBY"]
    assert types(events("Peru's president ordered soldiers into the streets of Lima.")) == ["MOBILIZE"]
    assert types(events("Chad ordered French troops to leave the country.")) == ["REQUEST"]
