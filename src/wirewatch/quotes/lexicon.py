"""The shipped quote lexicons (data/quotes_cues.json, data/quotes_channels.json), loaded once per process.

Cue verbs and channel names are data so that a missing verb or platform is a one-line edit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


def _read_json(name: str) -> dict[str, Any]:
    return json.loads(resources.files("wirewatch").joinpath(f"data/{name}").read_text("utf-8"))


@dataclass(frozen=True)
class Platform:
    channel: str
    type: str
    patterns: tuple[re.Pattern[str], ...]
    cue_lemmas: frozenset[str]


@dataclass(frozen=True)
class QuoteLexicon:
    clause: frozenset[str]
    describe: frozenset[str]
    directive: frozenset[str]
    object: frozenset[str]
    object_excluded: frozenset[str]
    object_prep: dict[str, str]
    particles: dict[str, str | None]
    phrases: tuple[str, ...]
    listeners: frozenset[str]
    platforms: tuple[Platform, ...]
    outlet_patterns: tuple[re.Pattern[str], ...]
    outlet_type: str
    outlets: frozenset[str]
    anaphora: dict[str, tuple[re.Pattern[str], ...]]

    def is_cue(self, lemma: str) -> bool:
        return (
            lemma in self.clause or lemma in self.describe or lemma in self.directive or lemma in self.object
        )

    @property
    def all_lemmas(self) -> frozenset[str]:
        return self.clause | self.describe | self.directive | self.object


@lru_cache(maxsize=1)
def lexicon() -> QuoteLexicon:
    cues = _read_json("quotes_cues.json")
    chans = _read_json("quotes_channels.json")
    platforms = tuple(
        Platform(
            p["channel"],
            p["type"],
            tuple(re.compile(x) for x in p["patterns"]),
            frozenset(p.get("cue_lemmas", [])),
        )
        for p in chans["platforms"]
    )
    return QuoteLexicon(
        clause=frozenset(cues["clause"]),
        describe=frozenset(cues["describe"]),
        directive=frozenset(cues["directive"]),
        object=frozenset(cues.get("object", [])),
        object_excluded=frozenset(cues.get("object_excluded", [])),
        object_prep=dict(cues.get("object_prep", {})),
        particles=dict(cues.get("needs_particle", {})),
        phrases=tuple(cues["phrases"]),
        listeners=frozenset(x.lower() for x in cues["listeners"]),
        platforms=platforms,
        outlet_patterns=tuple(re.compile(x) for x in chans["outlet_patterns"]),
        outlet_type=chans["outlet_type"],
        outlets=frozenset(chans["outlets"]),
        anaphora={k: tuple(re.compile(x, re.I) for x in v) for k, v in chans["anaphora"].items()},
    )
