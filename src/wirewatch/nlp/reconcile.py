"""Label fixes after the statistical model, across the texts of one article.

The small English model often tags a bare surname ("Sheinbaum", "Trump") as ORG or GPE even when the
same article names the person in full a sentence earlier. A surname that ends a full-name PERSON mention
anywhere in the article takes the PERSON label.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

RELABEL = {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"}


def _bare(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def surnames(docs: Iterable[Doc | None]) -> set[str]:
    """Last words of multi-word PERSON entities ("Claudia Sheinbaum" -> "Sheinbaum")."""
    found: set[str] = set()
    for doc in docs:
        if doc is None:
            continue
        for ent in doc.ents:
            words = _bare(ent.text).split()
            if ent.label_ == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
                found.add(words[-1])
    return found


def reconcile_labels(docs: list[Doc | None], known_person: Callable[[str], bool] | None = None) -> None:
    """Relabel surname-only entities as PERSON in place (spans keep their offsets); with `known_person`,
    also full names already known as people (learned in an earlier article) that the model called ORG."""
    from spacy.tokens import Span

    names = surnames(docs)
    if not names and known_person is None:
        return
    for doc in docs:
        if doc is None:
            continue
        changed = False
        ents = []
        for ent in doc.ents:
            start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
            bare = _bare(doc[start:ent.end].text)
            if ent.label_ in RELABEL and (
                bare in names or known_person is not None and len(bare.split()) >= 2 and known_person(bare)
            ):
                ent = Span(doc, start, ent.end, label="PERSON")
                changed = True
            ents.append(ent)
        if changed:
            doc.ents = ents
