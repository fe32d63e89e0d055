"""Name lookups against the shipped KB: dates, honorifics, metonyms, ambiguity, unknowns."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.actors.kb import KnowledgeBase, tokenize


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def ids(entities) -> list[str]:
    return [e.id for e in entities]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2018-05-01", "person:enrique-pena-nieto"),
        ("2022-05-01", "person:andres-manuel-lopez-obrador"),
        ("2025-05-01", "person:claudia-sheinbaum"),
    ],
)
def test_the_mexican_president_depends_on_the_date(kb: KnowledgeBase, day: str, expected: str) -> None:
    assert ids(kb.lookup("the Mexican president", date.fromisoformat(day))) == [expected]
    assert kb.office_holder("MEX", "president", day).id == expected
    assert kb.office_holder("Mexico", "President", day).id == expected


def test_office_holder_handover_day_and_synonyms(kb: KnowledgeBase) -> None:
    assert kb.office_holder("USA", "president", "2021-01-20").name == "Joe Biden"  # successor on inauguration
    assert kb.office_holder("United States", "foreign minister", "2019-06-01").name == "Mike Pompeo"
    assert kb.office_holder("British", "prime minister", "2022-10-01").name == "Liz Truss"
    assert kb.office_holder("RUS", "president", "2009-01-01").name == "Dmitry Medvedev"
    assert kb.office_holder("MEX", "president", "1990-01-01") is None


def test_trump_roles_over_time(kb: KnowledgeBase) -> None:
    trump = kb.lookup("Donald Trump")[0]
    assert [r.title for r in kb.roles_on(trump, "2019-04-01")] == ["President"]
    assert kb.roles_on(trump, "2022-04-01") == []
    assert kb.sector_on(trump, "2022-04-01") == "ELI"  # former office holder
    assert kb.sector_on(trump, "2025-06-01") == "GOV"


def test_putin_sector_follows_his_office(kb: KnowledgeBase) -> None:
    assert kb.code("Vladimir Putin", "1999-01-01").sector == "SPY"
    assert kb.code("Vladimir Putin", "2009-01-01").role.title == "Prime Minister"
    assert kb.code("Vladimir Putin", "2022-03-01").role.label(kb.state_name("RUS")) == "President of Russia"


@pytest.mark.parametrize(
    "name",
    ["Ms Sheinbaum", "Sheinbaum", "President Claudia Sheinbaum", "Mexican President Claudia Sheinbaum",
     "Mexico's President Claudia Sheinbaum", "Dr. Sheinbaum", "Sheinbaum's", "CLAUDIA SHEINBAUM"],
)
def test_honorifics_titles_and_possessives_are_stripped(kb: KnowledgeBase, name: str) -> None:
    assert ids(kb.lookup(name)) == ["person:claudia-sheinbaum"]


def test_diacritics_and_short_forms(kb: KnowledgeBase) -> None:
    for name in ("Andrés Manuel López Obrador", "Andres Manuel Lopez Obrador", "López Obrador", "AMLO"):
        assert ids(kb.lookup(name)) == ["person:andres-manuel-lopez-obrador"], name
    assert ids(kb.lookup("Aleksandr Lukashenko")) == ["person:alexander-lukashenko"]  # transliteration
    assert ids(kb.lookup("G.W. Bush")) == ids(kb.lookup("G. W. Bush")) == ["person:george-w-bush"]


def test_metonyms_resolve_to_governments(kb: KnowledgeBase) -> None:
    assert kb.code("Washington").country == "USA" and kb.code("Washington").sector == "GOV"
    assert kb.lookup("the Kremlin")[0].country == "RUS"
    white_house = kb.lookup("The White House")[0]
    assert (white_house.country, white_house.sector) == ("USA", "GOV")
    assert ids(kb.lookup("Beijing")) == ["gov:CHN"]
    assert kb.code("Trump administration", "2026-01-13").entity.id == "gov:USA"
    assert kb.code("Mexican authorities").entity.id == "gov:MEX"


def test_states_have_no_sector_of_their_own(kb: KnowledgeBase) -> None:
    mexico = kb.lookup("Mexico")[0]
    assert (mexico.id, mexico.kind, mexico.sector) == ("state:MEX", "state", None)
    assert ids(kb.lookup("U.S.")) == ["state:USA"]


def test_shared_surname_returns_both_people(kb: KnowledgeBase) -> None:
    assert set(ids(kb.lookup("Bush"))) == {"person:george-w-bush", "person:george-h-w-bush"}
    rajapaksas = ids(kb.lookup("Rajapaksa"))
    assert set(rajapaksas) == {"person:gotabaya-rajapaksa", "person:mahinda-rajapaksa"}
    # the date puts the one in office first; a title prefers the one who held it
    assert kb.lookup("Bush", "2005-01-01")[0].id == "person:george-w-bush"
    assert kb.lookup("Bush", "1990-01-01")[0].id == "person:george-h-w-bush"
    assert kb.lookup("President Duterte", "2024-01-01")[0].id == "person:rodrigo-duterte"


@pytest.mark.parametrize("name", ["Marcus Beam", "Frank", "a cat named Frank", "", "   ", "us", "who"])
def test_unknown_names_return_nothing(kb: KnowledgeBase, name: str) -> None:
    assert kb.lookup(name) == []


def test_acronyms_need_capitals_but_mixed_case_aliases_do_not(kb: KnowledgeBase) -> None:
    assert ids(kb.lookup("WHO")) == ["org:who"]
    assert ids(kb.lookup("Nato")) == ids(kb.lookup("NATO")) == ["org:nato"]


def test_organisations_carry_country_and_sector(kb: KnowledgeBase) -> None:
    expected = {
        "Sinaloa Cartel": ("MEX", "CRM"), "Hezbollah": ("LBN", "REB"), "Morena": ("MEX", "PTY"),
        "Fox News": ("USA", "MED"), "The Wall Street Journal": ("USA", "MED"), "FBI": ("USA", "COP"),
        "State Department": ("USA", "GOV"), "DOJ": ("USA", "JUD"), "IMF": ("IGO", "GOV"),
        "Amnesty International": ("NGO", "CVL"), "CJNG": ("MEX", "CRM"),
    }
    for name, (country, sector) in expected.items():
        entity = kb.lookup(name)[0]
        assert (entity.country, entity.sector) == (country, sector), name


def test_group_sector_can_change_with_time(kb: KnowledgeBase) -> None:
    assert kb.code("Taliban", "2002-05-01").sector == "REB"
    assert kb.code("Taliban", "2022-05-01").sector == "GOV"


def test_tokenize_joins_initials_but_not_articles() -> None:
    assert [w for w, _ in tokenize("a U.S. destroyer")] == ["a", "us", "destroyer"]
    assert [w for w, _ in tokenize("George H. W. Bush")] == ["george", "hw", "bush"]


def test_load_is_cached() -> None:
    first = KnowledgeBase.load()
    assert KnowledgeBase.load() is first
    assert len(first.entities) > 1500
