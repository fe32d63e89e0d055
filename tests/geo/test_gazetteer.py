"""The shipped gazetteer: small, quick to load, and answering the names news uses."""

from __future__ import annotations

from importlib.resources import files

from wirewatch.geo.gazetteer import Gazetteer, distance_km, load_gazetteer, name_key


def test_name_keys_ignore_dots_case_and_accents() -> None:
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("B.C.") == "bc"
    assert name_key("Montréal") == "montreal"
    assert name_key("Baden-Württemberg") == "baden wurttemberg"


def test_file_is_small_and_attributed() -> None:
    data = files("wirewatch.data").joinpath("geo")
    assert data.joinpath("gazetteer.json.gz").stat().st_size < 6_000_000  # type: ignore[attr-defined]
    assert "CC BY 4.0" in data.joinpath("README.md").read_text(encoding="utf-8")


def test_loads_once_per_process() -> None:
    load_gazetteer.cache_clear()
    gaz = load_gazetteer()
    assert load_gazetteer() is gaz  # speed is the bench's business, not a test's


def test_lookups() -> None:
    gaz: Gazetteer = load_gazetteer()
    assert [p.country for p in gaz.lookup("U.S.") if p.kind == "country"] == ["USA"]
    assert any(p.kind == "city" and p.country == "CAN" for p in gaz.lookup("Montreal"))
    assert {p.country for p in gaz.lookup("Paris")} >= {"FRA", "USA"}
    texas = [p for p in gaz.lookup("Tex.") if p.kind == "admin1"]
    assert texas and texas[0].name == "Texas"
    assert gaz.lookup("Zzyzxville") == []


def test_demonyms_are_not_places() -> None:
    gaz = load_gazetteer()
    assert gaz.demonym("Mexican") == "MEX"
    assert gaz.demonym("Mexico") is None
    assert gaz.lookup("Mexican") == []


def test_distance() -> None:
    paris, london = (48.8566, 2.3522), (51.5074, -0.1278)
    assert 330 < distance_km(*paris, *london) < 350
