"""Constructions the coder must read from syntax: calls, threats, passives, transfers, factuality."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Events = Callable[[str], list[dict[str, Any]]]


def one(events: list[dict[str, Any]], type_: str) -> dict[str, Any]:
    hits = [e for e in events if e["type"] == type_]
    assert len(hits) == 1, events
    return hits[0]


def test_phone_call_has_both_parties_as_sources(events: Events) -> None:
    ev = one(
        events("Chinese President Xi Jinping spoke by phone with Russian President Vladimir Putin."),
        "CONSULT",
    )
    assert set(ev["source"]) == {"person:xi-jinping", "person:vladimir-putin"}
    assert ev["target"] == [] and ev["mode"] == "phone"
    assert ev["quad_class"] == "VC" and ev["intensity"] == 1.5 and ev["cameo"] == "04"


def test_threat_with_violence_mode(events: Events) -> None:
    ev = one(events("Russian President Vladimir Putin threatened Ukraine with missile strikes."), "THREATEN")
    assert ev["source"] == ["person:vladimir-putin"] and ev["target"] == ["state:UKR"]
    assert ev["mode"] == "violence" and ev["factuality"] == "asserted"


def test_modal_act_announced_by_its_own_side_is_an_asserted_threat(events: Events) -> None:
    found = events("Russian President Vladimir Putin said Russia could strike Ukraine.")
    ev = one(found, "THREATEN")
    assert ev["factuality"] == "asserted" and ev["mode"] == "violence"
    assert not [e for e in found if e["type"] == "ASSAULT"]


def test_passive_arrest(events: Events) -> None:
    ev = one(events("Joaquin Guzman was arrested by Mexican police in Sinaloa."), "COERCE")
    assert ev["mode"] == "arrest" and ev["target"] == ["person:joaquin-guzman"]
    assert ev["source"] == ["group:mex-cop"]


def test_extradition_targets_the_receiving_state(events: Events) -> None:
    ev = one(
        events("Colombia extradited a drug trafficker, Dairo Antonio Usuga, to the United States."),
        "COOPERATE",
    )
    assert ev["source"] == ["state:COL"] and ev["target"] == ["state:USA"]


def test_denial_is_negated(events: Events) -> None:
    assert one(events("Russia denied that it had attacked Ukraine."), "ASSAULT")["factuality"] == "negated"
    assert one(events("Russia did not attack Ukraine."), "ASSAULT")["factuality"] == "negated"


def test_could_from_a_third_party_is_hypothetical(events: Events) -> None:
    ev = one(events("Analysts said Russia could attack Ukraine."), "ASSAULT")
    assert ev["factuality"] == "hypothetical" and ev["source"] == ["state:RUS"]
    assert one(events("If Russia attacks Ukraine, the alliance will respond."), "ASSAULT")["factuality"] == (
        "hypothetical"
    )


def test_claim_of_a_newspaper_is_reported(events: Events) -> None:
    assert (
        one(events("The New York Times said Russia attacked Ukraine."), "ASSAULT")["factuality"] == "reported"
    )


def test_said_alone_is_no_event(events: Events) -> None:
    assert events("Russian President Vladimir Putin said the economy was growing.") == []


def test_government_protest_is_an_accusation(events: Events) -> None:
    ev = one(events("Mexico protested against Canada."), "ACCUSE")
    assert ev["mode"] == "disapprove"


def test_undated_event_has_null_date_and_scores(events: Events) -> None:
    ev = one(events("Mexican President Claudia Sheinbaum praised Canada."), "SUPPORT")
    assert ev["date"]["value"] is None
    assert ev["trigger"]["text"] == "praised" and ev["sentence"]["start"] <= ev["trigger"]["start"]


def test_agentless_passive_after_a_sourceless_event_keeps_no_source(events: Events) -> None:
    found = events("An attack was launched on Governor Ruth Okafor in Lagos. Okafor was detained on Tuesday.")
    detained = one(found, "COERCE")
    assert detained["source"] == [] and detained["target"] == ["person:ruth-okafor"]


def test_acts_on_unnamed_people_are_kept(events: Events) -> None:
    beaten = one(events("An opposition lawmaker was beaten by attackers in Lusaka on Sunday."), "ASSAULT")
    assert beaten["mode"] == "beat" and beaten["target"] == []
    sentenced = one(events("A court in Cairo sentenced four men to 15 years in prison."), "SANCTION")
    assert sentenced["mode"] == "convict" and sentenced["source"] == ["group:egy-jud"]


def test_a_match_result_is_no_beating(events: Events) -> None:
    assert events("Brazil beat Argentina 2-1 in Buenos Aires on Tuesday.") == []
    assert events("The ruling party beat the opposition in the election.") == []


def test_modal_on_a_governing_verb_makes_the_act_hypothetical(events: Events) -> None:
    ev = one(events("Saudi Arabia said it may begin withdrawing some of its forces from Yemen."), "RETREAT")
    assert ev["factuality"] == "hypothetical" and ev["source"] == ["state:SAU"]


def test_joined_forces_names_the_partner_not_the_forces(events: Events) -> None:
    found = events("Mexico joined forces with Canada on Monday to fight drug trafficking.")
    ev = one(found, "COOPERATE")
    assert ev["source"] == ["state:MEX"] and ev["target"] == ["state:CAN"]
    assert not [e for e in found if e["type"] == "ASSAULT"]  # the aim is not an act


def test_martial_law_and_a_hyphenated_ceasefire(events: Events) -> None:
    law = one(events("The Thai army declared martial law across the country on Tuesday."), "COERCE")
    assert law["mode"] == "martial-law" and law["source"] == ["group:tha-mil"]
    truce = one(events("Croatia declared a cease-fire along the border on Monday."), "CONCEDE")
    assert truce["source"] == ["state:HRV"]


def test_readiness_is_an_offer(events: Events) -> None:
    ev = one(events("Pakistan is ready to cooperate with Afghanistan on securing the border."), "AGREE")
    assert ev["source"] == ["state:PAK"]


def test_dateline_does_not_swallow_the_sentence(events: Events) -> None:
    ev = one(events("NAIROBI, Kenya (AP) — Kenya offered on Tuesday to host talks between the sides."),
             "AGREE")
    assert ev["source"] == ["state:KEN"]


def test_call_by_telephone_with_a_counterpart(events: Events) -> None:
    ev = one(events("French President Emmanuel Macron spoke by telephone with Iranian President "
                    "Masoud Pezeshkian on Friday."), "CONSULT")
    assert set(ev["source"]) == {"person:emmanuel-macron", "person:masoud-pezeshkian"}
    assert ev["mode"] == "phone"


def test_object_reached_through_for_and_an_infinitive_subject(events: Events) -> None:
    ev = one(events("Switzerland suspended its development funding for Niger's government."), "SANCTION")
    assert ev["source"] == ["state:CHE"] and ev["target"] == ["gov:NER"]
    assert one(events("Myanmar's army allowed a United Nations convoy to enter Rakhine state."), "RETREAT")


def test_withdrawal_from_a_bloc_is_a_sanction_by_the_announcers(events: Events) -> None:
    found = events("Mali and Niger announced their immediate withdrawal from the Economic Community of "
                   "West African States.")
    ev = one(found, "SANCTION")
    assert ev["mode"] == "withdraw" and "state:MLI" in ev["source"] and ev["target"] == ["org:ecowas"]


def test_opinions_publications_and_questions_are_not_acts(events: Events) -> None:
    assert events("Senator Ruth Okafor agreed with Governor Ali Samba about the result.") == []
    assert events("Governor Ali Samba released his tax returns on Monday.") == []
    assert events("Did the army attack the village?") == []
    verbal = one(events("Governor Ali Samba attacked loopholes that benefit landlords."), "ACCUSE")
    assert verbal["mode"] == "disapprove"


def test_possessive_of_an_assassination_is_the_victim(events: Events) -> None:
    found = events("Donald Trump accused Rafael Cruz of meeting Lee Harvey Oswald before John F. Kennedy's "
                   "assassination.")
    assert [ev["type"] for ev in found] == ["ACCUSE"]
    assert events("Historians still debate John F. Kennedy's assassination.") == []


def test_everyday_senses_of_event_verbs(events: Events) -> None:
    assert events("A retired officer shot himself outside the hospital on Monday.") == []
    assert events("Through a spokesman, Governor Ali Samba declined to comment.") == []
    assert events("The candidate did not meet the polling threshold for the debate.") == []
    takeover = events("Vale moved to take over the mining company Alpha Minerals.")
    assert all(ev["type"] != "COERCE" for ev in takeover)
    assert one(events("Rebels took over the town of Goma on Sunday."), "COERCE")["mode"] == "seize"


def test_a_description_is_praise_or_criticism_by_its_tone(events: Events) -> None:
    praise = one(events("Senator Ruth Okafor described Governor Ali Samba as a wise leader."), "SUPPORT")
    assert praise["target"] == ["person:ali-samba"]
    assert one(events("Senator Ruth Okafor described Governor Ali Samba as a disgrace."), "ACCUSE")
    assert events("Senator Ruth Okafor described Governor Ali Samba as a lawyer.") == []


def test_polls_campaign_rallies_and_floor_speeches(events: Events) -> None:
    assert events("Governor Ali Samba has backing from 33 percent of voters, a survey found.") == []
    assert events("Senator Ruth Okafor held a rally in Lagos on Monday.") == []
    ev = one(events("Senator Ruth Okafor attacked Governor Ali Samba from the Senate floor."), "ACCUSE")
    assert ev["mode"] == "disapprove"
    assert events("Many voters said they were willing to change their minds.") == []


def test_campaign_metaphors_are_not_violence(events: Events) -> None:
    found = events("Former presidents Vicente Fox and Felipe Calderon fired back at Donald Trump.")
    assert [ev["type"] for ev in found] == ["ACCUSE"]
    assert events("Governor Ali Samba would beat Senator Ruth Okafor 53 percent to 36 percent.") == []


def test_subjects_titles_and_documents_the_parser_sets_apart(events: Events) -> None:
    opposed = one(events("The United Kingdom and France however have opposed the resolution."), "REJECT")
    assert set(opposed["source"]) == {"state:GBR", "state:FRA"}
    met = one(events("Xi Jinping will meet regional rival Japan's Prime Minister Shinzo Abe."), "CONSULT")
    assert set(met["source"]) == {"person:xi-jinping", "person:shinzo-abe"}
    assert one(events("Ethiopian Prime Minister Abiy Ahmed held bilateral discussions with Somali President "
                      "Hassan Sheikh Mohamud."), "CONSULT")
    asked = one(events("The prosecutor of the ICC demanded that Omar al-Bashir stand trial."), "REQUEST")
    assert asked["source"] == ["org:icc"]
    report = one(events("Amnesty International issued a report accusing the army of abuses."), "ACCUSE")
    assert report["source"] == ["org:amnesty"]


def test_events_inside_measures_and_goods_after_with(events: Events) -> None:
    drills = one(events("Jordan and the United States began a new round of joint military exercises."),
                 "COOPERATE")
    assert set(drills["source"] + drills["target"]) == {"state:JOR", "state:USA"}
    aid = one(events("The United States provided the Lebanese Armed Forces with aircraft and trucks."), "AID")
    assert aid["source"] == ["state:USA"] and aid["target"] == ["org:lbn-army"]
    assert one(events("Germany announced 20 million euros in assistance to Haiti on Monday."), "AID")


def test_taking_in_refugees_and_handing_over_supplies_are_aid(events: Events) -> None:
    took_in = one(events("Germany accepted more than 1,500 refugees from camps in Greece."), "AID")
    assert took_in["source"] == ["state:DEU"]
    handed = one(events("The European Union handed over medical supplies to the Nigerian government."), "AID")
    assert handed["target"] == ["gov:NGA"]
