"""Place mentions to places: ambiguity, qualifiers, country-level names, demonyms, unknown names."""

from __future__ import annotations

from tests.geo.conftest import Run, place_of


def test_country_level_places_and_offsets(run: Run) -> None:
    text = "Officials in the United States and the U.S. Treasury said Mexico would respond."
    record = run(text)
    us = place_of(record, "United States")
    assert us["country"] == "USA" and us["kind"] == "country"
    m = us["mentions"][0]
    assert text[m["start"]:m["end"]] == "United States"  # "the" is not part of the name
    assert place_of(record, "Mexico")["country"] == "MEX"


def test_demonym_is_not_a_place(run: Run) -> None:
    record = run("Mexican and Canadian officials met in Madrid on Tuesday.")
    names = {p["name"] for p in record.places}
    assert "Madrid" in names
    assert not {"Mexico", "Canada"} & names


def test_paris_alone_is_the_french_capital(run: Run) -> None:
    assert place_of(run("Thousands marched through Paris on Saturday."), "Paris")["country"] == "FRA"


def test_qualifier_picks_paris_texas(run: Run) -> None:
    record = run("A tornado damaged homes in Paris, Texas, late on Sunday.")
    paris = place_of(record, "Paris")
    assert (paris["country"], paris["admin1"]) == ("USA", "Texas")
    assert place_of(record, "Texas")["kind"] == "admin1"


def test_context_picks_london_ontario(run: Run) -> None:
    text = ("Police in Ontario said a truck hit a family in London on Sunday. "
            "The driver was arrested in Windsor and taken back to London.")
    london = place_of(run(text), "London")
    assert (london["country"], london["admin1"]) == ("CAN", "Ontario")


def test_context_picks_georgia_the_state(run: Run) -> None:
    text = "Voters in Atlanta and across Georgia lined up early, officials in Florida and Texas said."
    georgia = place_of(run(text), "Georgia")
    assert (georgia["country"], georgia["kind"]) == ("USA", "admin1")


def test_georgia_the_country_without_us_context(run: Run) -> None:
    georgia = place_of(run("Protesters in Tbilisi demanded that Georgia hold new elections."), "Georgia")
    assert georgia["country"] == "GEO"


def test_washington_is_the_capital(run: Run) -> None:
    place = place_of(run("Lawmakers in Washington passed the budget on Friday."), "Washington")
    assert place["admin1"] == "District of Columbia"


def test_unresolvable_name_keeps_the_rest(run: Run) -> None:
    record = run("Rebels shelled Zzyzxville, Aleppo and Damascus overnight, residents said.")
    names = {p["name"] for p in record.places}
    assert {"Aleppo", "Damascus"} <= names
    for u in record.annotations["geo"]["unresolved"]:
        assert u["reason"] and "text" in u


def test_people_are_not_places(run: Run) -> None:
    record = run("Jordan Peterson spoke in Toronto while Paris Hilton stayed in Los Angeles.")
    names = {p["name"] for p in record.places}
    assert {"Toronto", "Los Angeles"} <= names
    assert not {"Jordan", "Paris"} & names


def test_title_mentions_carry_their_field(run: Run) -> None:
    record = run("The minister arrived on Monday.", title="Floods hit Kenya")
    kenya = place_of(record, "Kenya")
    assert kenya["mentions"][0]["field"] == "title"


def test_each_place_once_with_all_mentions(run: Run) -> None:
    record = run("Berlin said no. Later Berlin said yes, and Berlin said maybe.")
    berlin = [p for p in record.places if p["name"] == "Berlin"]
    assert len(berlin) == 1 and len(berlin[0]["mentions"]) == 3
    assert berlin[0]["geonameid"] is not None and berlin[0]["country"] == "DEU"


def test_known_party_is_not_a_town(run: Run) -> None:
    record = run("Supporters of Morena celebrated in Oaxaca on Sunday.")
    assert "Morena" not in {p["name"] for p in record.places}
