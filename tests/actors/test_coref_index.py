"""Pronoun resolution on the coreference index: he/she find the latest compatible person; plural and
neuter pronouns are never resolved to one person."""

from __future__ import annotations

from wirewatch.actors.coref import CorefIndex


def _index() -> CorefIndex:
    # Two sentences: a woman is named in the first, a man in the second.
    index = CorefIndex(sentence_starts=[0, 40], genders={"p:ana": "female", "p:ben": "male"})
    index.add(0, 8, "p:ana")
    index.add(40, 47, "p:ben")
    return index


def test_gendered_pronouns_pick_the_compatible_person() -> None:
    index = _index()
    assert index.resolve(60, "she") == "p:ana"
    assert index.resolve(60, "He") == "p:ben"
    assert index.resolve(60, "his") == "p:ben"


def test_plural_and_neuter_pronouns_stay_unresolved() -> None:
    index = _index()
    for word in ("they", "them", "it", "we", "Their"):
        assert index.resolve(60, word) is None
