"""The actors stage on articles written for these tests: KB people, learned people, groups, fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wirewatch.actors.stage import actors_stage, article_day
from wirewatch.config import Config
from wirewatch.records import ArticleRecord, Published

Run = Callable[..., ArticleRecord]

TALKS = [
    "BOGOTA - Colombian Defence Minister Esteban Quiroga met US Secretary of State Marco Rubio in "
    "Washington on Tuesday, the Colombian government said.",
    "Quiroga told reporters that armed gangs were spreading across Colombia and that Colombian police "
    "needed more helicopters.",
    "He said the talks were frank. Rubio did not comment.",
    "Lena Marsh, a former Australian rugby player turned alleged smuggler, was detained in Cartagena last "
    "month, prosecutors said.",
    "Ms Marsh denies the charges. Her lawyer said she would appeal.",
    "The White House and the Justice Department declined to comment, and Reuters could not reach Morena "
    "officials.",
]


@pytest.fixture(scope="module")
def talks(run: Run) -> ArticleRecord:
    return run(TALKS, title="Colombia's Quiroga seeks US help against gangs",
               captions=["Esteban Quiroga speaks in Bogota."], published="2025-06-03")


def actor(record: ArticleRecord, actor_id: str) -> dict[str, Any]:
    found = [a for a in record.actors if a["id"] == actor_id]
    assert found, f"{actor_id} not in {[a['id'] for a in record.actors]}"
    return found[0]


def texts(a: dict[str, Any], field: str = "body") -> list[str]:
    return [m["text"] for m in a["mentions"] if m.get("field", "body") == field]


def test_contract_fields_and_offsets(talks: ArticleRecord) -> None:
    body = talks.article.body
    for a in talks.actors:
        assert set(a) - {"learned"} == {"id", "name", "kind", "country", "sector", "role", "mentions"}
        assert a["kind"] in ("person", "organisation", "state", "group")
        if "learned" in a:  # what a title or appositive taught, with its evidence offsets
            ev = a["learned"]
            text = body if ev["field"] == "body" else None
            assert text is None or text[ev["start"]:ev["end"]] == ev["text"]
        for m in a["mentions"]:
            if "field" not in m:
                assert body[m["start"]:m["end"]] == m["text"]


def test_kb_person_introduced_by_title_takes_that_office(talks: ArticleRecord) -> None:
    rubio = actor(talks, "person:marco-rubio")
    assert (rubio["country"], rubio["sector"], rubio["role"]) == ("USA", "GOV", "Secretary of State")
    assert texts(rubio) == ["Marco Rubio", "Rubio"]


def test_unknown_person_learned_from_title(talks: ArticleRecord) -> None:
    quiroga = actor(talks, "person:esteban-quiroga")
    assert (quiroga["kind"], quiroga["country"], quiroga["sector"]) == ("person", "COL", "GOV")
    assert quiroga["role"] == "Defence Minister"
    assert texts(quiroga)[:2] == ["Esteban Quiroga", "Quiroga"]
    assert texts(quiroga, "title") == ["Quiroga"]
    assert texts(quiroga, "caption:0") == ["Esteban Quiroga"]


def test_unknown_person_learned_from_appositive_and_honorific(talks: ArticleRecord) -> None:
    marsh = actor(talks, "person:lena-marsh")
    assert (marsh["country"], marsh["sector"]) == ("AUS", "CRM")
    assert "Marsh" in texts(marsh)  # "Ms Marsh"


def test_pronouns_follow_the_latest_compatible_person(talks: ArticleRecord) -> None:
    from wirewatch.actors.stage import resolve_pronoun

    body = talks.article.body
    assert resolve_pronoun(talks, body.index("He said")) == "person:esteban-quiroga"
    assert resolve_pronoun(talks, body.index("Her lawyer")) == "person:lena-marsh"
    assert resolve_pronoun(talks, body.index("she would")) == "person:lena-marsh"


def test_groups_institutions_and_outlets(talks: ArticleRecord) -> None:
    assert actor(talks, "gov:COL")["sector"] == "GOV"
    police = next(a for a in talks.actors if "Colombian police" in texts(a))
    assert (police["country"], police["sector"]) == ("COL", "COP")
    gangs = next(a for a in talks.actors if "gangs" in texts(a))
    assert (gangs["country"], gangs["sector"]) == ("COL", "CRM")  # "gangs were spreading across Colombia"
    assert actor(talks, "org:us-white-house")["country"] == "USA"
    doj = actor(talks, "org:us-doj")
    assert "prosecutors" in texts(doj) and doj["sector"] == "JUD"
    assert actor(talks, "org:reuters")["sector"] == "MED"
    assert actor(talks, "org:mex-morena")["sector"] == "PTY"
    assert not any(a["name"].startswith("BOGOTA") for a in talks.actors)


def test_states_are_actors_with_their_code(talks: ArticleRecord) -> None:
    colombia = actor(talks, "state:COL")
    assert colombia["kind"] == "state" and colombia["country"] == "COL"


def test_actor_at_indexes_body_mentions(talks: ArticleRecord) -> None:
    index = talks.annotations["actor_at"]
    assert index == sorted(index)
    start = talks.article.body.index("Marco Rubio")
    assert (start, start + len("Marco Rubio"), "person:marco-rubio") in index


def test_office_titles_resolve_on_the_publication_date(run: Run) -> None:
    old = run(["The Mexican president said on Monday that the new refinery would open next year.",
               "Mexican President Enrique Pena Nieto spoke in Veracruz. Pena Nieto added that he was sure."],
              published="2018-05-01")
    pena = actor(old, "person:enrique-pena-nieto")
    assert texts(pena)[:3] == ["The Mexican president", "Enrique Pena Nieto", "Pena Nieto"]
    assert pena["role"] == "President of Mexico"
    assert not any(a["id"] == "person:claudia-sheinbaum" for a in old.actors)


def test_the_administration_is_the_government(run: Run) -> None:
    record = run(["The Biden administration announced new sanctions on Thursday."], published="2023-03-02")
    assert actor(record, "gov:USA")["country"] == "USA"


def test_learned_people_are_reused_in_later_articles(nlp: Any) -> None:
    stage = actors_stage(Config())
    from tests.nlp.helpers import make_record

    first = make_record(["Peruvian Interior Minister Rosa Quispe visited the border on Monday."], rid="a")
    later = make_record(["Rosa Quispe returned to Lima on Friday."], rid="b")
    nlp.pipe([first, later])
    stage(first)
    stage(later)
    quispe = actor(later, "person:rosa-quispe")
    assert (quispe["country"], quispe["sector"]) == ("PER", "GOV")


def test_records_without_docs_get_no_actors(actors: Any) -> None:
    from tests.nlp.helpers import make_record

    record = actors(make_record(["Der Minister sprach."], language="de"))
    assert record.actors == [] and record.annotations["actor_at"] == []


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-06-03", "2025-06-03"), ("2024-02", "2024-02-15"), (None, None), ("garbage", None)])
def test_article_day(value: str | None, expected: str | None) -> None:
    day = article_day(Published(date=value))
    assert (day.isoformat() if day else None) == expected


def test_datelines_and_wire_credits_name_no_actor(run: Run) -> None:
    record = run([
        "GENEVA - Delegates from Armenia and Azerbaijan resumed talks on Monday.",
        "KYIV (Reuters) - Ukrainian officials said the talks were useful.",
    ], published="2026-05-04")
    names = {m["text"] for a in record.actors for m in a["mentions"]}
    assert not any("GENEVA" in n or "KYIV" in n for n in names)
    assert "person:geneva" not in {a["id"] for a in record.actors}
    assert "Reuters" not in names  # a wire credit, not a party to the story
    assert {"state:ARM", "state:AZE"} <= {a["id"] for a in record.actors}


def test_national_forces_places_and_namesakes(run: Run) -> None:
    record = run([
        "Russian troops shelled the town on Monday.",
        "Prosecutors in Argentina charged two former ministers.",
        "Rioters set cars on fire in the Kenyan capital.",
        "Spanish Prime Minister Pedro Sanchez met business leaders in Madrid.",
    ], published="2026-05-04")
    by_text = {m["text"]: a for a in record.actors for m in a["mentions"]}
    assert (by_text["Russian troops"]["country"], by_text["Russian troops"]["sector"]) == ("RUS", "MIL")
    assert (by_text["Prosecutors"]["country"], by_text["Prosecutors"]["sector"]) == ("ARG", "JUD")
    assert (by_text["Rioters"]["country"], by_text["Rioters"]["sector"]) == ("KEN", "CVL")
    assert by_text["Pedro Sanchez"]["country"] == "ESP"  # the title's country picks among namesakes


def test_countries_weapons_and_foreign_institutions(run: Run) -> None:
    record = run([
        "Burkina Faso, Mali and Niger left the regional bloc on Tuesday.",
        "Russian missiles hit an apartment block in Kharkiv on Monday.",
        "The Nigerian Senate approved the loan.",
    ], published="2026-05-04")
    by_text = {m["text"]: a for a in record.actors for m in a["mentions"]}
    assert by_text["Burkina Faso"]["kind"] == "state" and by_text["Burkina Faso"]["country"] == "BFA"
    assert (by_text["Russian missiles"]["country"], by_text["Russian missiles"]["sector"]) == ("RUS", "MIL")
    senate = next(a for a in record.actors if any("Senate" in m["text"] for m in a["mentions"]))
    assert senate["country"] == "NGA"  # not the US Senate


def test_a_counterpart_named_by_nationality_is_that_state(run: Run) -> None:
    record = run(["Chile's foreign minister met his Peruvian counterpart in Lima on Monday."],
                 published="2026-05-04")
    assert any(a["id"] == "state:PER" and any("counterpart" in m["text"] for m in a["mentions"])
               for a in record.actors)


def test_storms_are_not_actors_and_the_house_is_local(run: Run) -> None:
    record = run([
        "Typhoon Dalisay killed 11 people in the Philippines, and Hurricane Ana hit Fiji.",
        "Kenyan lawmakers debated the levy. The House passed the bill on Tuesday.",
    ], published="2026-05-04")
    texts = {m["text"] for a in record.actors for m in a["mentions"]}
    assert not any("Typhoon" in t or "Hurricane" in t for t in texts)
    assert "org:us-house" not in {a["id"] for a in record.actors}  # Kenya's House, not the US one


def test_text_ending_in_the_is_read_without_error(run: Run) -> None:
    record = run(["Governor Ruth Okafor met the Senate on Monday."], title="Okafor and the Senate: The")
    assert "person:ruth-okafor" in {a["id"] for a in record.actors}


def test_soldiers_and_police_take_the_country_of_their_sentence(run: Run) -> None:
    record = run(["In Kenya on Monday, police fired tear gas at protesters."])
    assert "group:ken-cop" in {a["id"] for a in record.actors}


def test_a_singular_force_noun_names_the_kb_force(run: Run) -> None:
    record = run(["The Nigerian military on Friday lifted a ban on aid groups in the northeast."])
    assert "org:nga-army" in {a["id"] for a in record.actors}
    assert run(["The army is the largest employer in the region."]).actors == []
