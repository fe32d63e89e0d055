"""Place mentions in a parsed text: the parser's GPE/LOC/FAC entities plus gazetteer names it missed.

The small spaCy model misses and mislabels places ("Aleppo" as PERSON, "MEXICO CITY - Mexican" as one
GPE), so entities are only the first source: a capitalised proper-noun run that names a country,
division, continent or sizeable city counts too. Demonyms ("Mexican") are never places, but they tell
which countries the article is about, which later helps choose between same-named places.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from wirewatch.geo.gazetteer import Gazetteer, Place, name_key

PLACE_LABELS = {"GPE", "LOC", "FAC"}
RELABEL = {"PERSON", "ORG", "NORP"}  # labels the small model gives places by mistake
OTHER_NAMES = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE", "NORP"}
MAX_WORDS = 5
SCAN_CITY_POPULATION = 50_000  # a bare capitalised word must name at least this big a city
STRICT_CITY_POPULATION = 1_000_000  # in headlines, where every word is capitalised
CONNECTORS = {"of", "de", "del", "la", "le", "el", "al", "upon", "on", "the", "and", "da", "do", "dos", "y"}
GENERIC_TAILS = {"city", "state", "province", "county", "region", "district", "governorate", "prefecture",
                 "oblast", "town", "village", "capital"}


@dataclass
class Mention:
    """A place name in one field; offsets are into that field's text, `root` is the Doc token index."""

    text: str
    start: int
    end: int
    field: str
    candidates: list[Place]
    root: int
    source: str  # entity | relabelled | scan
    qualifier: list[Place] = field(default_factory=list)  # "Paris, Texas": the places Texas may be

    @property
    def key(self) -> str:
        return name_key(self.text)


@dataclass
class Found:
    mentions: list[Mention] = field(default_factory=list)
    demonym_countries: list[str] = field(default_factory=list)
    unresolved: list[dict] = field(default_factory=list)


def find_mentions(doc: Doc, gaz: Gazetteer, field_name: str = "body", *, strict: bool = False,
                  blocked: Iterable[tuple[int, int]] = ()) -> Found:
    """Place mentions of one parsed field. `blocked` spans (people and organisations the actors stage
    resolved) are never places; `strict` (headlines) admits only well-known names from the scan."""
    found = Found()
    blocked_spans = list(blocked)
    taken = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            _from_entity(ent, gaz, field_name, found, taken, strict)
        elif ent.label_ in RELABEL and not _is_blocked(ent, blocked_spans):
            span = _trim(ent)
            places = _allowed(span, gaz.lookup(span.text), strict=True) if span is not None else []
            if span is not None and places and (ent.label_ != "NORP" or gaz.demonym(span.text) is None):
                _add(found, span, places, field_name, "relabelled", taken)
        if ent.label_ == "NORP" or ent.label_ in PLACE_LABELS:
            code = gaz.demonym(ent.text)
            if code:
                found.demonym_countries.append(code)
        if ent.label_ in OTHER_NAMES:
            for i in range(ent.start, ent.end):
                taken[i] = True
    _scan(doc, gaz, field_name, found, taken, strict)
    _qualify(doc, found.mentions)
    found.mentions.sort(key=lambda m: m.start)
    return found


def _is_blocked(span: Span, blocked: list[tuple[int, int]]) -> bool:
    return any(s <= span.start_char and span.end_char <= e for s, e in blocked)


def _trim(span: Span) -> Span | None:
    """Without a leading "the", trailing possessive or punctuation: "the United States'" -> United States."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
                           or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    return doc[start:end] if end > start else None


def _short_ok(span: Span) -> bool:
    """Two- and three-letter names (US, UK, BC, WA) only when written in capitals."""
    letters = [c for c in span.text if c.isalpha()]
    return len(letters) > 3 or all(c.isupper() for c in letters)


def _allowed(span: Span, places: list[Place], strict: bool) -> list[Place]:
    """The candidates a name may mean here; a bare capitalised word must name something notable."""
    if not places or not _short_ok(span):
        return []
    floor = STRICT_CITY_POPULATION if strict else SCAN_CITY_POPULATION
    if any(p.kind != "city" or p.population >= floor or p.capital for p in places):
        return places
    return []


def _add(found: Found, span: Span, places: list[Place], field_name: str, source: str,
         taken: list[bool]) -> None:
    found.mentions.append(Mention(span.text, span.start_char, span.end_char, field_name, list(places),
                                  span.root.i, source))
    for i in range(span.start, span.end):
        taken[i] = True


def _from_entity(ent: Span, gaz: Gazetteer, field_name: str, found: Found, taken: list[bool],
                 strict: bool) -> None:
    span = _trim(ent)
    if span is None:
        return
    places = gaz.lookup(span.text) if _short_ok(span) else []
    if not places and len(span) > 1 and span[-1].lower_ in GENERIC_TAILS:  # "Aleppo province"
        places = gaz.lookup(span[:-1].text)
        span = span if not places else span.doc[span.start:span.end - 1]
    if places:
        _add(found, span, places, field_name, "entity", taken)
        return
    if gaz.demonym(span.text):
        return
    # "MEXICO CITY - Mexican", "Gatineau, Que.": the known names inside a run the model glued together
    before = len(found.mentions)
    _scan_range(span.doc, span.start, span.end, gaz, field_name, found, taken, strict=False, any_case=True)
    if len(found.mentions) == before:
        found.unresolved.append({"text": span.text, "start": span.start_char, "end": span.end_char,
                                 "field": field_name, "reason": "not in the gazetteer"})
        for i in range(span.start, span.end):
            taken[i] = True


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def _scan(doc: Doc, gaz: Gazetteer, field_name: str, found: Found, taken: list[bool], strict: bool) -> None:
    _scan_range(doc, 0, len(doc), gaz, field_name, found, taken, strict=strict, any_case=False)


def _scan_range(doc: Doc, start: int, end: int, gaz: Gazetteer, field_name: str, found: Found,
                taken: list[bool], *, strict: bool, any_case: bool) -> None:
    """Longest gazetteer names over capitalised proper nouns not yet claimed by another name."""
    i = start
    while i < end:
        tok = doc[i]
        if taken[i] or not _capitalised(tok) or (not any_case and tok.pos_ not in ("PROPN",)):
            i += 1
            continue
        hit = None
        for j in range(min(end, i + MAX_WORDS), i, -1):
            last = doc[j - 1]
            if any(taken[k] for k in range(i, j)) or not _capitalised(last):
                continue
            if any(not _capitalised(t) and t.lower_ not in CONNECTORS and t.text != "." for t in doc[i:j]):
                continue
            if any(t.is_sent_start for t in doc[i + 1:j]):
                continue
            span = doc[i:j]
            places = _allowed(span, gaz.lookup(span.text), strict)
            if places:
                hit = (span, places)
                break
            if j - i == 1 and gaz.demonym(span.text):
                found.demonym_countries.append(gaz.demonym(span.text) or "")
        if hit:
            _add(found, hit[0], hit[1], field_name, "scan", taken)
            i = hit[0].end
        else:
            i += 1


def _qualify(doc: Doc, mentions: list[Mention]) -> None:
    """"Paris, Texas", "Gatineau, Que.", "Cabanatuan in Nueva Ecija": the second name narrows the first."""
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        for gap in (", ", " in ", " (", ","):
            q = by_start.get(m.end + len(gap))
            if q is not None and doc.text[m.end:q.start] == gap:
                m.qualifier = [p for p in q.candidates if p.kind in ("country", "admin1")]
                break
