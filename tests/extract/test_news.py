"""The shared news-metadata finders: wire, dateline, byline, outlet/publisher, language."""

from __future__ import annotations

import pytest

from wirewatch.extract.news import (
    canonical_wire,
    declared_outlet,
    expand_name,
    find_byline,
    find_dateline,
    find_language,
    find_outlet,
    find_wire,
    parse_dateline,
    strip_legal_suffix,
    strip_section,
    strip_site_suffix,
)

LEAD = "The council approved the budget after a long debate on Monday evening."


@pytest.mark.parametrize(
    ("last", "wire", "kept"),
    [
        ("It was the third vote this year. REUTERS", "Reuters", "It was the third vote this year."),
        ("“We will keep going”. REUTERS", "Reuters", "“We will keep going”."),
        ("It was the third vote this year. - AFP", "AFP", "It was the third vote this year."),
        ("It was the third vote this year. (AP)", "Associated Press", "It was the third vote this year."),
        ("It was the third vote this year.—Reuters", "Reuters", "It was the third vote this year."),
        ("It was the third vote this year. REUTERS/AFP", "Reuters, AFP", "It was the third vote this year."),
        ("It was the third vote this year. Bloomberg", "Bloomberg", "It was the third vote this year."),
    ],
)
def test_trailing_wire_credit_is_named_and_stripped(last: str, wire: str, kept: str) -> None:
    found, paras = find_wire([LEAD, last])
    assert found is not None and found.value == wire
    assert paras == [LEAD, kept]


def test_wire_alone_on_the_last_line_is_dropped() -> None:
    found, paras = find_wire([LEAD, "It ended late.", "AFP"])
    assert found is not None and found.value == "AFP"
    assert paras == [LEAD, "It ended late."]


@pytest.mark.parametrize(
    "last",
    [
        "We met at the office at 5 PA",  # a two-letter code must be shouted, dashed or parenthesised
        "The story was first reported by Reuters",  # no sentence end before the name
        "Sunny in Paris.",
    ],
)
def test_no_wire_without_a_credit(last: str) -> None:
    found, paras = find_wire([LEAD, last])
    assert found is None and paras == [LEAD, last]


def test_leading_dateline_credit_names_the_wire_and_stays_in_text() -> None:
    first = "KYIV, Ukraine (AP) — Air raid sirens sounded across the capital overnight."
    found, paras = find_wire([first, "More later."])
    assert found is not None and found.value == "Associated Press"
    assert paras[0] == first


@pytest.mark.parametrize(
    ("text", "place", "date", "credit"),
    [
        ("MEXICO CITY - Mexican officials said on Monday", "MEXICO CITY", None, None),
        ("WASHINGTON, Nov 3 (Reuters) - The US said", "WASHINGTON", "Nov 3", "Reuters"),
        ("WASHINGTON, Nov 3, 2026 (Reuters) - The US said", "WASHINGTON", "Nov 3, 2026", "Reuters"),
        ("LONDON — The Bank of England kept rates", "LONDON", None, None),
        ("KYIV, Ukraine (AP) — Russia launched", "KYIV, Ukraine", None, "AP"),
        ("BEIJING, Jan 3 (Xinhua) -- China reported", "BEIJING", "Jan 3", "Xinhua"),
        ("SÃO PAULO - Brazil's central bank", "SÃO PAULO", None, None),
        ("ISLAMABAD: Pakistan's cabinet met", "ISLAMABAD", None, None),
        ("Washington (AFP) - Officials said", "Washington", None, "AFP"),
    ],
)
def test_dateline_parts(text: str, place: str, date: str | None, credit: str | None) -> None:
    dl = parse_dateline(text)
    assert dl is not None
    assert (dl.place, dl.date_text, dl.credit) == (place, date, credit)


@pytest.mark.parametrize(
    "text",
    [
        "US President Donald Trump said on Monday",  # no dash: a sentence, not a dateline
        "PHOTO: REUTERS",
        "UPDATE 1-Oil rises on supply worries",
        "FILE PHOTO: A man walks past",
        "Washington - officials said",  # mixed case needs a credit or a date to vouch for it
        "REUTERS - The company said",
    ],
)
def test_dateline_false_positives(text: str) -> None:
    assert parse_dateline(text) is None


def test_find_dateline_reports_the_place_and_keeps_paragraphs() -> None:
    paras = ["MEXICO CITY - Mexican President Claudia Sheinbaum spoke.", "More."]
    found, out = find_dateline(paras)
    assert found is not None and found.value == "MEXICO CITY" and found.evidence == "MEXICO CITY -"
    assert out == paras


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("BY JANE DOE", ["Jane Doe"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Jane Doe | Reuters", ["Jane Doe"]),
        ("By Jane Doe in Paris, Reuters", ["Jane Doe"]),
        ("By Jane Doe, Updated Nov 3, 2026", ["Jane Doe"]),
        ("Written by María de la Cruz", ["María de la Cruz"]),
        ("By Reuters", []),
        ("The president spoke to reporters.", []),
        ("By the end of the year prices rose", []),
    ],
)
def test_byline(line: str, names: list[str]) -> None:
    assert [f.value for f in find_byline([line])] == names


def test_name_over_role_lines() -> None:
    found = find_byline(["Lim Wen Hui", "Thailand Correspondent", "Published Jan 3, 2026"])
    assert [f.value for f in found] == ["Lim Wen Hui"]
    assert find_byline(["Lim Wen Hui", "Singapore sees record rainfall"]) == []


def test_outlet_and_publisher_from_logo_and_legal_lines() -> None:
    outlet, publisher = find_outlet(
        [
            "Straitstimes.com header logo",
            "Published by Example Media Limited, Co. Regn. No.123. © 2026 Example Media Limited.",
        ],
        None,
    )
    assert outlet is not None and outlet.value == "The Straits Times"
    assert publisher is not None and publisher.value == "Example Media"


@pytest.mark.parametrize(
    ("lines", "url", "outlet"),
    [
        (["Example.com header logo"], None, "Example"),
        (["Logo of The Guardian"], None, "The Guardian"),
        (["BBC News, Harbour City"], None, "BBC"),
        ([], "https://edition.cnn.com/2026/01/01/world/x", "CNN"),
        ([], "https://www.bbc.co.uk/news/x", "BBC"),
        ([], "https://www.example-news.co.uk/a/b", "Example News"),
        (["Copyright © 2026 The Guardian"], None, "The Guardian"),
        (["Nation", "World"], None, None),  # a menu word is not a masthead
    ],
)
def test_outlet_sources(lines: list[str], url: str | None, outlet: str | None) -> None:
    found, _ = find_outlet(lines, url)
    assert (found.value if found else None) == outlet


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("© 2026 Dow Jones & Co. Inc. All rights reserved.", "Dow Jones"),
        ("Copyright © 2001-2026 Harbour Media Group LLC", "Harbour Media Group"),
        ("© 2026 Editorial Sur S.A. Todos los derechos reservados.", "Editorial Sur"),
    ],
)
def test_publisher_without_legal_suffix(line: str, publisher: str) -> None:
    _, found = find_outlet([line], None)
    assert found is not None and found.value == publisher


def test_suffix_helpers() -> None:
    assert strip_legal_suffix("SPH Media Limited") == "SPH Media"
    assert strip_legal_suffix("Northwind Media Pte Ltd.") == "Northwind Media"
    assert strip_site_suffix("Storm hits coast - BBC News") == "Storm hits coast"
    assert strip_site_suffix("Storm hits coast | Harbour Gazette", "Harbour Gazette") == "Storm hits coast"
    assert strip_site_suffix("Port - city talks: what we learned") == "Port - city talks: what we learned"


def test_canonical_wire_names() -> None:
    assert canonical_wire("REUTERS") == "Reuters"
    assert canonical_wire("Agence France-Presse") == "AFP"
    assert canonical_wire("(AP)") == "Associated Press"
    assert canonical_wire("ap") is None  # a lower-case short code is a word
    assert canonical_wire("Herald") is None


def test_language() -> None:
    assert find_language("Too short to tell anything.") is None
    english = "The council approved the budget after a long debate, and the mayor said work starts soon. " * 3
    german = "Der Stadtrat hat den Haushalt nach langer Debatte beschlossen, die Arbeiten beginnen bald. " * 3
    assert find_language(english) == "en"
    assert find_language(german) == "de"


def test_name_heavy_news_english_is_not_pidgin() -> None:
    # Written for this test; the identifier alone calls it Nigerian Pidgin with high confidence.
    lead = ("Former Nigerian President Olusegun Obasanjo on Monday held separate talks with Governor "
            "Babajide Sanwo-Olu and party chairman Abdullahi Ganduje in Lagos.")
    assert find_language(lead) == "en"


def test_trailing_credit_after_several_sentences() -> None:
    found, paras = find_wire([LEAD, "He said so. It was over. REUTERS"])
    assert found is not None and found.value == "Reuters"
    assert paras[-1] == "He said so. It was over."


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Harbour Daily - World", "Harbour Daily"),
        ("Harbour Daily | Politics", "Harbour Daily"),
        ("Harbour Daily: Top Stories", "Harbour Daily"),
        ("Harbour Daily - World News", "Harbour Daily"),
        ("Harbour Daily - Voices of the Coast", "Harbour Daily - Voices of the Coast"),
        ("Harbour Daily", "Harbour Daily"),
    ],
)
def test_strip_section(name: str, expected: str) -> None:
    assert strip_section(name) == expected


def test_declared_outlet_is_canonical_without_its_section() -> None:
    assert declared_outlet("The Straits Times - Asia") == "The Straits Times"
    assert declared_outlet("  ") is None


def test_expand_name_from_initials_or_squashed_host() -> None:
    lines = ["Read without limits. Subscribe to the Harbour Bay Herald today", "About us"]
    assert expand_name("HBH", lines) == "Harbour Bay Herald"
    assert expand_name("Harbourbayherald", lines) == "Harbour Bay Herald"
    assert expand_name("XYZ", lines) is None


def test_logo_words_are_not_part_of_the_outlet() -> None:
    lines = ["HBH masthead logo", "Subscribe to the Harbour Bay Herald today"]
    assert find_outlet(lines, None)[0].value == "Harbour Bay Herald"
    assert find_outlet(["HBH masthead logo"], None)[0].value == "HBH"


def test_shouted_masthead_matching_the_copyright_holder_is_the_outlet() -> None:
    page = ["THE HARBOUR BAY HERALD", "\u00a9 2026 The Harbour Bay Herald Company. All rights reserved."]
    outlet, publisher = find_outlet(page, None)
    assert outlet is not None and outlet.value == "The Harbour Bay Herald"
    assert publisher is not None and publisher.value == "The Harbour Bay Herald"
    # a shouted teaser with no copyright line to vouch for it names no outlet
    assert find_outlet(["PROSPECT OF STRIKE SENDS OIL PRICES SOARING"], None)[0] is None


def test_shouted_headline_with_colon_is_not_a_dateline() -> None:
    assert parse_dateline("DRONE DEBRIS IN UKRAINE: HOW INVESTIGATORS TRACE THE PARTS") is None
    assert parse_dateline("KYIV: Investigators said on Monday that the parts came from abroad.") is not None
