"""Pronoun and gender helpers for in-document coreference.

Pronouns are resolved the way news copy uses them: "he" or "she" almost always points to the most
recently named compatible person within the last couple of sentences. Gender only rules candidates out
when we know it (a given name, an honorific, a gendered title); unknown gender is compatible with both.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
MALE_WORDS = {"mr", "mr.", "sir", "lord", "king", "prince", "spokesman", "congressman", "chairman",
              "businessman", "father", "son", "brother", "husband", "uncle"}
FEMALE_WORDS = {"ms", "ms.", "mrs", "mrs.", "miss", "madam", "dame", "lady", "queen", "princess",
                "spokeswoman", "congresswoman", "chairwoman", "businesswoman", "female", "mother",
                "daughter", "sister", "wife", "aunt", "first lady"}
SENTENCE_WINDOW = 2  # the pronoun's sentence and the two before it


@cache
def given_names() -> dict[str, str]:
    """Given name (lower case) -> "male" | "female", from data/actors/given_names.psv."""
    text = files("wirewatch").joinpath("data", "actors", "given_names.psv").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        gender, names = (part.strip() for part in line.split("|", 1))
        for name in names.split(";"):
            if name.strip():
                found[name.strip().lower()] = gender
    return found


def gender_of_name(name: str) -> str | None:
    words = name.split()
    return given_names().get(words[0].lower()) if len(words) >= 2 else None


def gender_of_words(words: list[str]) -> str | None:
    """Gender told by honorifics or titles around a mention ("Ms Sheinbaum", "spokeswoman")."""
    lowered = {w.lower() for w in words}
    if lowered & FEMALE_WORDS:
        return "female"
    if lowered & MALE_WORDS:
        return "male"
    return None


def pronoun_gender(word: str) -> str | None:
    low = word.lower()
    return "male" if low in MALE_PRONOUNS else "female" if low in FEMALE_PRONOUNS else None


@dataclass
class CorefIndex:
    """What pronoun resolution needs about one body text: sentence starts and person mentions."""

    sentence_starts: list[int]
    persons: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, actor id), sorted
    genders: dict[str, str | None] = field(default_factory=dict)

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def resolve(self, offset: int, word: str) -> str | None:
        """The actor a pronoun at `offset` refers to: the latest compatible person mention before it in
        its own sentence or the SENTENCE_WINDOW sentences before; None when there is none."""
        wanted = pronoun_gender(word)
        if wanted is None:  # "they", "them", "it", "we": not one person, so never a person's id
            return None
        here = self.sentence_of(offset)
        for start, _end, actor_id in reversed(self.persons):
            if start >= offset:
                continue
            if self.sentence_of(start) < here - SENTENCE_WINDOW:
                break
            known = self.genders.get(actor_id)
            if wanted is None or known is None or known == wanted:
                return actor_id
        return None

    def add(self, start: int, end: int, actor_id: str) -> None:
        self.persons.append((start, end, actor_id))
        self.persons.sort()
