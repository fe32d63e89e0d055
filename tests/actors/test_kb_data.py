"""The shipped data files hold together: valid codes, ordered dates, unique ids, sources named."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from wirewatch.actors.kb import KnowledgeBase

SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "REB", "CRM", "OPP", "MED", "BUS", "CVL", "LAB",
           "EDU", "REL", "REF", "ELI", "UAF", "UNK"}
DATA = files("wirewatch").joinpath("data", "actors")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_codes_are_from_the_ontology(kb: KnowledgeBase) -> None:
    countries = {e.country for e in kb.entities.values() if e.kind == "state"} | {"IGO", "NGO", None}
    for entity in kb.entities.values():
        assert entity.country in countries, entity.id
        assert entity.sector in SECTORS | {None}, entity.id
        for role in entity.roles:
            assert role.country in countries, (entity.id, role)
            assert role.sector in SECTORS, (entity.id, role)
            assert role.confidence in ("high", "low"), (entity.id, role)


def test_role_dates_are_ordered(kb: KnowledgeBase) -> None:
    for entity in kb.entities.values():
        for role in entity.roles:
            assert role.start is not None, (entity.id, role.title)
            assert role.end is None or role.start <= role.end, (entity.id, role.title)
            if entity.died and role.end is None:
                pytest.fail(f"{entity.id} died {entity.died} but still holds {role.title}")


def test_ids_unique_and_prefixed() -> None:
    seen: set[str] = set()
    for name, prefix in (("people.jsonl", "person:"), ("organisations.jsonl", "org:")):
        for line in DATA.joinpath(name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert row["id"].startswith(prefix) and row["id"] not in seen, row["id"]
            seen.add(row["id"])


def test_every_state_and_the_brief_countries_are_covered(kb: KnowledgeBase) -> None:
    states = [e for e in kb.entities.values() if e.kind == "state"]
    assert len(states) >= 249
    g20_and_more = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
                    "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "CUB", "VEN", "UKR", "ISR", "IRN", "COL", "KEN",
                    "PHL"]
    for code in g20_and_more:
        head = kb.office_holder(code, "president", "2025-09-01") or kb.office_holder(code, "prime minister",
                                                                                    "2025-09-01")
        assert head is not None, code
        assert kb.office_holder(code, "foreign minister", "2025-09-01") is not None, code


def test_sources_and_as_of_are_recorded() -> None:
    manifest = json.loads(DATA.joinpath("manifest.json").read_text(encoding="utf-8"))
    assert manifest["as_of"] and manifest["checked"]
    assert set(manifest["files"]) <= {p.name for p in DATA.iterdir()}
    assert "pycountry" in DATA.joinpath("states.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert DATA.joinpath("README.md").is_file()
