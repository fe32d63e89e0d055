"""Finding actor phrases in a parsed text: titles before names, appositives after them, group nouns.

These helpers only read a spaCy Doc and the knowledge base; deciding which actor a phrase is belongs to
`wirewatch.actors.stage`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from wirewatch.actors.kb import Coding, KnowledgeBase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

TITLE_POS = {"PROPN", "NOUN", "ADJ"}
POSSESSIVE = {"'s", "’s", "'", "’"}
APPOSITIVE_STOP = {",", ".", ";", ":", "(", ")", "who", "whose", "which", "that", "and", "—", "–",
                   '"', "“", "”"}
GOVERNMENT_HEADS = {"administration", "government", "cabinet", "regime", "presidency", "authorities"}


@dataclass(frozen=True)
class Descriptor:
    """What a title or appositive tells about a person: its span and the KB's reading of it."""

    start: int  # token indexes in the Doc
    end: int
    text: str
    coding: Coding


@cache
def group_heads() -> frozenset[str]:
    text = files("wirewatch").joinpath("data", "actors", "group_heads.txt").read_text(encoding="utf-8")
    words = {w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words | {w + "s" for w in words})


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def trim_name(span: Span, kb: KnowledgeBase) -> tuple[int, int, list[str]]:
    """Token range of the name itself inside a PERSON entity, without "the", honorifics or a trailing
    possessive; also the stripped words (they may tell gender: "Ms")."""
    start, end = span.start, span.end
    doc = span.doc
    stripped: list[str] = []
    while end < len(doc) and doc[end].pos_ == "PROPN" and is_capitalised(doc[end]) and \
            doc[end].ent_type_ in ("", span.label_) and doc[end - 1].whitespace_ and \
            doc[end].sent.start == span.sent.start:
        end += 1  # the model often stops a name early ("Enrique Pena" of "Enrique Pena Nieto")
    while end - start > 1 and doc[end - 1].text in POSSESSIVE:
        end -= 1
    while end - start > 1 and (doc[start].lower_ == "the" or kb.is_honorific(doc[start].text)
                               or kb.title_key(doc[start].text)):
        stripped.append(doc[start].text)
        start += 1
    for i in range(end - 2, start, -1):  # "Saskatchewan Premier Scott Moe": the name follows the title
        if kb.title_key(doc[i].text) or kb.is_honorific(doc[i].text):
            stripped.extend(t.text for t in doc[start:i + 1])
            start = i + 1
            break
    return start, end, stripped


def title_before(doc: Doc, start: int, kb: KnowledgeBase, day: date | None,
                 inside: int | None = None) -> Descriptor | None:
    """The title phrase right before a name ("US Secretary of State", "State Department spokesperson"):
    the longest run of title-like words whose KB coding gives a sector or a country. Tokens from `inside`
    on belong to the name's own entity ("Saskatchewan Premier Scott Moe") and may carry its label."""
    inside = start if inside is None else inside
    sent_start = doc[start].sent.start
    first = start
    while first > sent_start and start - first < 7:
        tok = doc[first - 1]
        glued = tok.text == "-" and not tok.whitespace_ and not doc[first - 2].whitespace_
        if tok.pos_ in TITLE_POS or tok.lower_ == "of" or tok.text in POSSESSIVE or glued:
            if tok.ent_type_ == "PERSON" and first - 1 < inside or "\n" in tok.text:
                break
            first -= 1
        else:
            break
    while first < start and doc[first].lower_ == "of" or first < start and doc[first].text in POSSESSIVE:
        first += 1
    for begin in range(first, start):
        span = doc[begin:start]
        if span[0].lower_ == "of" or span[0].text in POSSESSIVE:
            continue
        coding = kb.code(span.text, day)
        if coding.via in ("title", "office", "noun") or coding.via == "name" and coding.role is not None:
            return Descriptor(begin, start, span.text, coding)
        if coding.via == "embedded" and (kb.actor_noun(span[-1].text) or span[-1].pos_ == "NOUN"):
            return Descriptor(begin, start, span.text, coding)
    return None


def appositive_after(doc: Doc, end: int, kb: KnowledgeBase, day: date | None) -> Descriptor | None:
    """ "Ana Ruiz, a former Chilean rower turned city councillor": the phrase
    between the comma after a name and the next comma, clause or sentence end."""
    if end >= len(doc) or doc[end].text != "," or end + 1 >= len(doc):
        return None
    sent_end = doc[end].sent.end
    stop = end + 1
    while stop < sent_end and stop - end <= 15 and doc[stop].lower_ not in APPOSITIVE_STOP:
        stop += 1
    if stop == end + 1 or stop - end > 15:
        return None
    span = doc[end + 1:stop]
    opens_phrase = span[0].pos_ in ("DET", "ADJ", "NUM") or len(span) > 1 and span[1].text in POSSESSIVE
    if not opens_phrase or any(t.pos_ == "AUX" for t in span) or len(span) > 1 and span[1].pos_ == "VERB":
        return None
    coding = kb.code(span.text, day)
    if coding.empty:
        return None
    return Descriptor(end + 1, stop, span.text, coding)


def titled_entities(doc: Doc, kb: KnowledgeBase) -> None:
    """Names the model tagged ORG or GPE right after a personal title or honorific ("Defence Minister
    Esteban Quiroga") are people: relabel them PERSON in place, unless the KB knows the name."""
    from spacy.tokens import Span

    ents, changed = [], False
    for ent in doc.ents:
        before = doc[ent.start - 1] if ent.start else None
        if ent.label_ in ("ORG", "GPE", "LOC", "NORP") and before is not None and len(ent) <= 4 and \
                (kb.title_key(before.text) or kb.is_honorific(before.text)
                 or ent.start > 1 and kb.title_key(doc[ent.start - 2:ent.start].text)
                 or before.pos_ == "NOUN" and before.is_lower and kb.actor_noun(before.text)
                 and len(ent) >= 2 and before.tag_ == "NN") \
                and all(is_capitalised(t) for t in ent) and not kb.exact(ent.text) \
                and not kb.country_of(ent.text):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
            changed = True
        ents.append(ent)
    if changed:
        doc.ents = ents


def group_span(chunk: Span) -> tuple[int, int]:
    """The part of a noun chunk that names the group: no determiner, possessor or evaluative adjective
    ("Mexico's violent narco-terrorist networks" -> "narco-terrorist networks")."""
    start = chunk.start
    for tok in chunk:
        if tok.text in POSSESSIVE and tok.tag_ == "POS":
            start = tok.i + 1
    doc = chunk.doc
    while start < chunk.end - 1:
        tok = doc[start]
        if tok.pos_ in ("DET", "PRON", "NUM", "PUNCT", "CCONJ", "ADP", "ADV", "SCONJ") or \
                tok.pos_ == "ADJ" and tok.whitespace_ and \
                tok.ent_type_ != "NORP" and not is_capitalised(tok):
            start += 1
        else:
            break
    return start, chunk.end


def group_sector(kb: KnowledgeBase, words: list[str]) -> str | None:
    """Sector of a group phrase from its head noun: the noun must end the phrase, or stand right before
    a collective head ("cartel groups")."""
    heads = group_heads()
    for cut in (len(words), len(words) - 1):
        if cut < 1 or cut < len(words) and words[-1].lower() not in heads:
            continue
        for size in range(min(4, cut), 0, -1):
            sector = kb.actor_noun(" ".join(words[cut - size:cut]))
            if sector:
                return sector
    return None


def country_mentions(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, str]]:
    """(token index, ISO code) of country names and demonyms in the Doc, for tying groups to places."""
    found: list[tuple[int, str]] = []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP"):
            code = kb.country_of(ent.text)
            if code:
                found.append((ent.start, code))
    return found


def attached_country(doc: Doc, end: int, places: Iterable[tuple[int, str]]) -> str | None:
    """The country of a place phrase right after a group ("prosecutors in Argentina", "rioters in the
    Kenyan capital", "workers from Peru"): the group belongs there whatever its sector."""
    if end >= len(doc) or doc[end].lower_ not in ("in", "from", "of"):
        return None
    near = [(i, c) for i, c in places if end < i <= end + 3 and doc[end].sent.start <= i < doc[end].sent.end]
    return min(near)[1] if near else None


def context_country(doc: Doc, start: int, end: int, places: Iterable[tuple[int, str]]) -> str | None:
    """The country a group is tied to in its sentence: the nearest one after it ("gangs were controlling
    Peru", "gangs inside Peruvian ports"), else the nearest one before it."""
    sent = doc[start].sent
    inside = [(i, c) for i, c in places if sent.start <= i < sent.end]
    after = [(i, c) for i, c in inside if i >= end]
    if after:
        return min(after)[1]
    before = [(i, c) for i, c in inside if i < start and doc[i].dep_ not in ("compound", "amod")]
    return max(before)[1] if before else None
