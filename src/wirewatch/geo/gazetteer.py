"""The shipped gazetteer (`wirewatch/data/geo/gazetteer.json.gz`): load once per process, answer names.

The file is built by `scripts/build_gazetteer.py` from GeoNames data; this module only reads it and
indexes every name by a comparison key, so no lookup at run time normalises more than the query.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from functools import cache
from importlib.resources import files
from typing import Any, Literal, NamedTuple

Kind = Literal["continent", "country", "admin1", "city"]

_CHAR_MAP = str.maketrans({
    "’": "", "‘": "", "ʼ": "", "`": "", "–": " ", "—": " ", "-": " ", ".": " ", ",": " ",
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "ı": "i",
    "'": "",
})
_SPACE = re.compile(r"\s+")


def name_key(text: str) -> str:
    """Comparison form of a place name: no accents, case, dots, hyphens or apostrophes; runs of single
    letters are joined, so "U.S.", "U. S." and "US" all become "us" and "B.C." becomes "bc"."""
    text = unicodedata.normalize("NFKD", text.translate(_CHAR_MAP))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    out: list[str] = []
    single = False  # the last word is made of joined single letters
    for word in _SPACE.split(text.strip()):
        if len(word) == 1 and single:
            out[-1] += word
            continue
        out.append(word)
        single = len(word) == 1
    return " ".join(out)


class Place(NamedTuple):
    """One gazetteer entry; `country` is ISO alpha-3, `admin1` the division's name when known.
    A named tuple, not a frozen dataclass: 100k of them are made at load, five times faster."""

    kind: Kind
    name: str
    country: str | None
    admin1: str | None
    admin1_code: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    capital: bool = False

    @property
    def ident(self) -> str:
        """A stable id for grouping mentions: the GeoNames id, else kind and codes."""
        if self.geonameid is not None:
            return str(self.geonameid)
        return f"{self.kind}:{self.country}:{self.admin1_code or self.name}"


class Gazetteer:
    """Name key -> places; plus demonyms (which are never places) and per-country facts."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.index: dict[str, list[Place]] = {}
        self.demonyms: dict[str, str] = {name_key(k): v for k, v in data["demonyms"].items()}
        self.countries: dict[str, Place] = {}
        self.alpha3: dict[str, str] = {}  # ISO alpha-2 -> alpha-3
        self.country_by_geonameid: dict[int, str] = {}
        self.admin1: dict[tuple[str, str], Place] = {}
        capitals: set[int] = set()
        for iso3, iso2, name, gid, lat, lon, pop, capital, aliases in data["countries"]:
            place = Place("country", name, iso3, None, None, lat, lon, pop, gid)
            self.countries[iso3] = place
            self.alpha3[iso2] = iso3
            self.country_by_geonameid[gid] = iso3
            if capital:
                capitals.add(capital)
            self._add([name, *aliases], place)
        for name, gid, lat, lon, aliases in data["continents"]:
            self._add([name, *aliases], Place("continent", name, None, None, None, lat, lon, 10**9, gid))
        for iso2, code, name, lat, lon, pop, aliases in data["admin1"]:
            place = Place("admin1", name, self.alpha3.get(iso2), name, code, lat, lon, pop, None)
            self.admin1[(iso2, code)] = place
            self._add([name, *aliases], place)
        for gid, name, iso2, code, lat, lon, pop, keys in data["cities"]:  # keys: its name's, alternates'

            division = self.admin1.get((iso2, code or ""))
            place = Place("city", name, self.alpha3.get(iso2), division.name if division else None, code,
                          lat, lon, pop, gid, gid in capitals)
            for key in keys:
                self.index.setdefault(key, []).append(place)

    def _add(self, names: list[str], place: Place) -> None:
        for name in names:
            key = name_key(name)
            bucket = self.index.setdefault(key, [])
            if place not in bucket:
                bucket.append(place)

    def lookup(self, text: str) -> list[Place]:
        """Places a name can refer to, in file order ([] when unknown)."""
        return self.index.get(name_key(text), [])

    def demonym(self, text: str) -> str | None:
        """ISO alpha-3 of a demonym ("Mexican" -> MEX), when the word is not also a place name."""
        key = name_key(text)
        return self.demonyms.get(key) if key not in self.index else None


@cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process (~0.2 s)."""
    raw = files("wirewatch.data").joinpath("geo/gazetteer.json.gz").read_bytes()
    return Gazetteer(json.loads(gzip.decompress(raw)))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
