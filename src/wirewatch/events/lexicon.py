"""The event lexicons (trigger words and the PLOVER/CAMEO ontology), loaded once from package data so
that coverage grows by editing JSON, not code."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class EventLexicon:
    verbs: dict[str, dict[str, Any]]
    nouns: dict[str, dict[str, Any]]
    rules: dict[str, Any]
    types: dict[str, dict[str, Any]]
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def words(self, key: str) -> frozenset[str]:
        """A word list of the trigger file as a set (modals, speech verbs ...), built once per key: the
        coder asks for some of them for every token."""
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(self.rules.get(key, []))
        return found

    def scores(self, type_: str, mode: str | None) -> dict[str, Any]:
        """Intensity, quad class, CAMEO root and Goldstein value: the mode's where it sets them."""
        info = self.types[type_]
        mode_info = info["modes"].get(mode or "", {})
        return {
            "intensity": mode_info.get("score", info["score"]),
            "quad_class": info["quad"],
            "cameo": mode_info.get("cameo", info["cameo"]),
            "goldstein": mode_info.get("goldstein", info["goldstein"]),
        }


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("wirewatch.data").joinpath(name).read_text("utf-8"))
    return data


@cache
def lexicon() -> EventLexicon:
    triggers = _load("events_triggers.json")
    ontology = _load("events_ontology.json")
    rules = {k: v for k, v in triggers.items() if k not in ("verbs", "nouns", "_about")}
    return EventLexicon(triggers["verbs"], triggers["nouns"], rules, ontology["types"])
