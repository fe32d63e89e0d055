"""Countries from demonyms, short forms and places; short actor phrases coded to country and sector."""

from __future__ import annotations

import pytest

from wirewatch.actors.kb import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Mexican", "MEX"), ("American", "USA"), ("Emirati", "ARE"), ("U.S.", "USA"), ("US", "USA"),
        ("UK", "GBR"), ("Great Britain", "GBR"), ("People's Republic of China", "CHN"), ("Taiwan", "TWN"),
        ("Kosovar", "XKX"), ("four Saudi men", "SAU"), ("a US destroyer", "USA"), ("Shanghai police", "CHN"),
        ("people in the UK", "GBR"), ("Burkina Faso’s ruling junta", "BFA"), ("MEX", "MEX"),
        ("Sinaloa", "MEX"), ("Gaza Strip", "PSE"),
    ],
)
def test_country_of(kb: KnowledgeBase, text: str, code: str) -> None:
    assert kb.country_of(text) == code


@pytest.mark.parametrize("text", ["a cat", "us", "Frank", "soldiers"])
def test_country_of_unknown(kb: KnowledgeBase, text: str) -> None:
    assert kb.country_of(text) is None


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Mexican security forces", "MEX", "COP"),
        ("American warplanes", "USA", "MIL"),
        ("Several of the largest trade unions in Denmark", "DNK", "LAB"),
        ("a former CIA official", "USA", "ELI"),
        ("Boko Haram gunmen", "NGA", "REB"),
        ("Chile's Defense Ministry", "CHL", "GOV"),
        ("Chile's Defense Department", "CHL", "GOV"),  # not the Pentagon
        ("Minsk police station", "BLR", "COP"),
        ("A national intelligence agency officer", None, "SPY"),
        ("the Mexican National Guard", "MEX", "MIL"),
        ("European Union legislators", "IGO", "LEG"),
        ("two men", None, "UNK"),
    ],
)
def test_code_phrases(kb: KnowledgeBase, text: str, country: str | None, sector: str) -> None:
    coding = kb.code(text)
    assert (coding.country, coding.sector) == (country, sector)


def test_code_title_with_country_finds_the_office_holder(kb: KnowledgeBase) -> None:
    assert kb.code("Armenian Prime Minister", "2023-01-01").entity.name == "Nikol Pashinyan"
    defence = kb.code("Defense Minister")
    assert (defence.entity, defence.country, defence.sector) == (None, None, "GOV")


def test_title_in_text_names_the_role_even_after_it_ended(kb: KnowledgeBase) -> None:
    coding = kb.code("UK Defence Secretary Ben Wallace", "2026-01-01")
    assert (coding.entity.name, coding.sector) == ("Ben Wallace", "GOV")
    assert coding.role.title == "Defence Secretary"
    assert kb.code("Ben Wallace", "2026-01-01").sector == "ELI"


def test_personal_names_are_not_places(kb: KnowledgeBase) -> None:
    assert kb.code("Douglas Paul James").empty  # Douglas is a capital, but this is a name
    assert kb.code("Jam Kamal Khan").entity is None  # a surname inside an unknown name is not a match


def test_nonsense_is_empty(kb: KnowledgeBase) -> None:
    assert kb.code("a cat named Frank who recently obtained a ball of string").empty
    assert kb.code("").empty


def test_former_overrides_a_title_in_the_text(kb: KnowledgeBase) -> None:
    assert kb.code("former President Trump", "2022-06-01").sector == "ELI"
    assert kb.code("President Trump", "2019-06-01").sector == "GOV"
    assert kb.code("ex-president Bolsonaro", "2024-01-01").entity.name == "Jair Bolsonaro"
