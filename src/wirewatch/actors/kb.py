"""The shipped actor knowledge base: states, organisations and people with dated roles.

Knowledge lives in `wirewatch/data/actors/` (see its README for sources and the as-of date); this
module only loads it once per process and answers lookups. Offices change hands, so every question
about a role takes a date: "the Mexican president" is Pena Nieto in 2018 and Sheinbaum in 2025.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib.resources import files
from typing import Literal

Kind = Literal["person", "organisation", "state", "group"]
Token = tuple[str, bool]  # (folded text, was written in capitals)

SOVEREIGN = {"member", "observer", "partial"}
ARTICLES = {"the", "a", "an"}
FORMER = {"former", "ex", "retired", "onetime", "erstwhile"}
# When one person holds several offices at once, the sector of the most state-like one is reported.
SECTOR_RANK = ["GOV", "MIL", "SPY", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "CRM", "UAF", "REL"]
ELITE_SECTORS = {"GOV", "MIL", "SPY", "COP", "JUD", "LEG", "PTY", "OPP"}
# A person's own standing that outlasts their offices (a party leader stays PTY, a cleric REL).
LASTING_SECTORS = {"PTY", "OPP", "REL", "REB", "CRM", "UAF", "MIL", "SPY", "COP", "JUD"}
# Nouns too generic to name a sector on their own when a more specific modifier precedes them.
GENERIC_HEADS = {
    "officer", "officers", "official", "officials", "member", "members", "leader", "leaders", "head", "chief",
    "employee", "employees", "staff", "spokesman", "spokeswoman", "spokesperson",
}
BRANCHES = {"LEG", "JUD", "MIL", "COP", "SPY"}
GOVERNMENT_WORDS = {"administration", "government", "cabinet", "regime", "presidency"}
ARTICLE_WORDS = {"United", "Republic", "Kingdom", "Islands", "Emirates", "Union", "Federation"}
PRONOUNS = {"he", "she", "they", "him", "her", "them", "i", "we", "you", "someone", "somebody"}
MAX_SPAN = 8

_CHAR_MAP = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d", "’": "'", "‘": "'", "ʼ": "'", "`": "'",
    "´": "'", "–": "-", "—": "-",
})
_WORD = re.compile(r"[A-Za-z0-9&]+")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_INNER_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def parse_date(value: str | date | datetime | None) -> date | None:
    """ISO date (or date/datetime) to a date; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)


def tokenize(text: str, folds: dict[str, str] | None = None) -> list[Token]:
    """Split into comparable tokens: no accents, no case, no possessive 's, initials joined.

    "U.S." and "US" both become ("us", True); "G. W. Bush" and "G.W. Bush" both "gw bush".
    """
    text = unicodedata.normalize("NFKD", text.translate(_CHAR_MAP))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text)
    text = _INNER_APOSTROPHE.sub("", text)
    text = text.replace(".", " ")
    raw: list[Token] = [(w.lower(), w.isupper()) for w in _WORD.findall(text)]
    merged: list[Token] = []
    joined = False  # the last token is made of initials only
    for word, upper in raw:
        initial = len(word) == 1 and word.isalpha() and upper
        if initial and joined:
            merged[-1] = (merged[-1][0] + word, True)
        else:
            merged.append((word, upper))
        joined = initial
    if folds:
        merged = [(folds.get(w, w), up) for w, up in merged]
    return merged


def _key(tokens: Sequence[Token]) -> str:
    return " ".join(w for w, _ in tokens)


def _is_acronym(tokens: Sequence[Token]) -> bool:
    """Short all-capital aliases (US, WHO, AP) must be written in capitals to match."""
    return bool(tokens) and all(up for _, up in tokens) and len(_key(tokens).replace(" ", "")) <= 6


@dataclass(frozen=True)
class Role:
    """An office held between two dates (end None: still held as of the KB date)."""

    title: str
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    confidence: str = "high"
    note: str | None = None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def label(self, country_name: str | None) -> str:
        """Title with its country, as news and encyclopaedias name the office."""
        if country_name and " of " not in self.title and self.country not in (None, "IGO", "NGO"):
            return f"{self.title} of {_with_article(country_name)}"
        return self.title


@dataclass(frozen=True)
class Entity:
    """One actor of the KB; `sector` is its sector when no dated role says otherwise."""

    id: str
    name: str
    kind: Kind
    country: str | None
    sector: str | None
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()
    confidence: str = "high"
    died: date | None = None


@dataclass(frozen=True)
class Coding:
    """What a short actor phrase resolves to: an entity if known, else a country and/or sector."""

    text: str
    entity: Entity | None = None
    country: str | None = None
    sector: str | None = None
    role: Role | None = None
    via: str = "none"

    @property
    def empty(self) -> bool:
        return self.entity is None and self.country is None and self.sector is None


@dataclass
class _Lexicon:
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # variant key -> (canonical, sector)
    honorifics: set[str] = field(default_factory=set)
    nouns: dict[str, str] = field(default_factory=dict)  # noun key -> sector
    folds: dict[str, str] = field(default_factory=dict)


class KnowledgeBase:
    """Entities plus the indexes that answer name, title and demonym questions."""

    def __init__(self, entities: Iterable[Entity], states: list[dict], lexicon: _Lexicon, as_of: date):
        self.entities: dict[str, Entity] = {e.id: e for e in entities}
        self.as_of = as_of
        self._lex = lexicon
        self._token_cache: dict[str, list[Token]] = {}
        self._states = {s["alpha3"]: s for s in states}
        self._aliases: dict[str, list[tuple[str, bool]]] = {}
        self._first_words: set[str] = set()  # first word of every alias, to skip hopeless scan starts
        self._countries: dict[str, list[tuple[str, bool, int]]] = {}
        self._offices: dict[tuple[str, str], list[tuple[Role, Entity]]] = {}
        for entity in self.entities.values():
            for alias in (entity.name, *entity.aliases):
                self._add_alias(alias, entity.id)
            if entity.kind == "person":
                for role in entity.roles:
                    if role.country:
                        office = (role.country, self.canonical_title(role.title))
                        self._offices.setdefault(office, []).append((role, entity))
        for state in states:
            self._index_country(state)

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(cls) -> KnowledgeBase:
        """The shipped KB, read once per process."""
        return _load_shipped()

    def _add_alias(self, alias: str, entity_id: str) -> None:
        toks = self.tokens(alias)
        if toks and toks[0][0] == "the" and len(toks) > 1:
            toks = toks[1:]
        if not toks:
            return
        bucket = self._aliases.setdefault(_key(toks), [])
        self._first_words.add(toks[0][0])
        acronym = _is_acronym(toks)
        for i, (eid, was_acronym) in enumerate(bucket):
            if eid == entity_id:  # "NATO" and "Nato": a mixed-case spelling lifts the capitals rule
                bucket[i] = (eid, was_acronym and acronym)
                return
        bucket.append((entity_id, acronym))

    def _index_country(self, state: dict) -> None:
        code = state["alpha3"]
        names = [state["name"], state["official_name"], *state["aliases"], *state["demonyms"]]
        places = [state.get("capital"), *state.get("capital_aliases", []), *state.get("cities", []),
                  *state.get("regions", [])]
        for priority, group in ((0, names), (1, places)):
            for name in group:
                toks = self.tokens(name or "")
                if toks and toks[0][0] == "the" and len(toks) > 1:
                    toks = toks[1:]
                if toks:
                    self._countries.setdefault(_key(toks), []).append((code, _is_acronym(toks), priority))

    # ------------------------------------------------------------- normalising
    def tokens(self, text: str) -> list[Token]:
        # Names recur across sentences and articles; the same text always folds the same way.
        found = self._token_cache.get(text)
        if found is None:
            if len(self._token_cache) > 200_000:
                self._token_cache.clear()
            found = self._token_cache[text] = tokenize(text, self._lex.folds)
        return list(found)

    def normalise(self, text: str) -> str:
        """The comparison form of a name (case, accents, possessives, initials, transliteration)."""
        return _key(self.tokens(text))

    def canonical_title(self, title: str) -> str:
        key = self.normalise(title)
        return self._lex.titles.get(key, (key, ""))[0]

    # ----------------------------------------------------------------- queries
    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def lookup(self, name: str, on: date | datetime | str | None = None) -> list[Entity]:
        """Entities a name can refer to, those in office on `on` first; [] when unknown.

        Honorifics and titles in front ("Ms Sheinbaum", "US Senator Marco Rubio") are stripped, and a
        bare office ("the Mexican president") is answered with its holder on that date.
        """
        day = parse_date(on) or self.as_of
        toks = self._strip_articles(self.tokens(name))
        found = self._match(toks)
        start, titles, countries = 0, set(), set()
        while not found and start < len(toks):
            skip = self._prefix(toks, start)
            if not skip:
                break
            stripped = _key(toks[start:start + skip])
            if stripped in self._lex.titles:
                titles.add(self._lex.titles[stripped][0])
            elif stripped in self._countries:
                countries.update(code for code, _, p in self._countries[stripped] if p == 0)
            start += skip
            found = self._match(toks[start:])
            if countries:  # "Chile's Defense Department" must not become the Pentagon
                found = [e for e in found if e.country in countries or e.kind == "person"
                         and any(r.country in countries for r in e.roles)]
        if not found:
            holder = self._office_phrase(toks, day) or self._leader_government(toks, day)
            found = [holder] if holder else []
        ranked = self._rank(found, day)
        if titles and len(ranked) > 1:  # "President Duterte": the Duterte who was president
            ranked.sort(key=lambda e: not any(self.canonical_title(r.title) in titles for r in e.roles))
        return ranked

    def exact(self, name: str, on: date | datetime | str | None = None) -> list[Entity]:
        """Entities whose name or alias is exactly `name` (leading articles aside), ranked for the day.

        Unlike `lookup`, nothing is stripped or inferred: scanning running text for known names must not
        turn "President" or "Mexican Foreign Minister" into a person.
        """
        return self._rank(self._match(self._strip_articles(self.tokens(name))), parse_date(on) or self.as_of)

    def may_start_name(self, word: str) -> bool:
        """Whether some known name or alias begins with this word: a cheap test before trying spans."""
        toks = self.tokens(word)
        return bool(toks) and toks[0][0] in self._first_words

    def is_honorific(self, text: str) -> bool:
        """A courtesy form or rank written before names ("Ms", "Sheikh", "Senior General")."""
        return self.normalise(text) in self._lex.honorifics

    def title_key(self, text: str) -> str | None:
        """The canonical office a title phrase names exactly ("Foreign Secretary" -> foreign-minister)."""
        hit = self._lex.titles.get(self.normalise(text))
        return hit[0] if hit else None

    def actor_noun(self, text: str) -> str | None:
        """Sector of a common noun naming actors, exactly as written ("prosecutors" -> JUD), else None."""
        return self._lex.nouns.get(self.normalise(text))

    def roles_on(self, entity: Entity, on: date | datetime | str | None = None) -> list[Role]:
        """Roles held on a date (default: the KB's as-of date), most senior first."""
        day = parse_date(on) or self.as_of
        active = [r for r in entity.roles if r.active(day)]
        return sorted(active, key=lambda r: (_rank_sector(r.sector), -(r.start or date.min).toordinal()))

    def sector_on(self, entity: Entity, on: date | datetime | str | None = None) -> str | None:
        """Sector on a date: the current role's; ELI for a person whose offices are all past."""
        day = parse_date(on) or self.as_of
        roles = self.roles_on(entity, day)
        if roles:
            return roles[0].sector
        past = [r for r in entity.roles if r.end and r.end < day and r.sector in ELITE_SECTORS]
        if entity.kind == "person" and past and entity.sector not in LASTING_SECTORS:
            return "ELI"  # former office holders are elites
        return entity.sector

    def office_holder(self, country: str, title: str, on: date | datetime | str | None = None
                      ) -> Entity | None:
        """Who held an office on a date: office_holder("MEX", "president", 2018-05-01) -> Pena Nieto."""
        code = country if country in self._states or country in ("IGO", "NGO") else self.country_of(country)
        if code is None:
            return None
        day = parse_date(on) or self.as_of
        office = (code, self.canonical_title(title))
        holders = [(r, e) for r, e in self._offices.get(office, []) if r.active(day)]
        holders.sort(key=lambda re_: (re_[0].start or date.min), reverse=True)
        return holders[0][1] if holders else None

    def country_of(self, text: str) -> str | None:
        """ISO alpha-3 named by a country name, demonym, capital, region or big city in the text."""
        hit = self._country_hit(text)
        return hit[0] if hit else None

    def _country_hit(self, text: str, places: bool = True) -> tuple[str, int, int, int] | None:
        """(code, priority, start, end) of the best country mention; priority 0 names, 1 places."""
        raw = text.strip()
        if len(raw) == 3 and raw.isupper() and raw in self._states:
            return (raw, 0, 0, 1)
        toks = self.tokens(text)
        best: tuple[int, int, int, str] | None = None
        for start in range(len(toks)):
            for end in range(min(len(toks), start + MAX_SPAN), start, -1):
                for code, acronym, priority in self._countries.get(_key(toks[start:end]), []):
                    if (acronym and not all(up for _, up in toks[start:end])) or (priority and not places):
                        continue
                    cand = (priority, start, start - end, code)
                    if best is None or cand < best:
                        best = cand
        return (best[3], best[0], best[1], best[1] - best[2]) if best else None

    def country_named(self, text: str) -> str | None:
        """ISO alpha-3 named by a country name or demonym in the text; cities and regions do not count
        (in "economist at the University of Regina" the place says where she works, not her nationality)."""
        hit = self._country_hit(text, places=False)
        return hit[0] if hit else None

    def state_name(self, code: str | None) -> str | None:
        state = self._states.get(code or "")
        return state["name"] if state else None

    def code(self, text: str, on: date | datetime | str | None = None, context: str | None = None) -> Coding:
        """Resolve a short actor phrase ("Mexican security forces", "a former CIA official").

        Known names win; otherwise the country comes from demonyms or places in the phrase (or from
        `context`) and the sector from its head noun or title; "former" turns an office into ELI.
        """
        day = parse_date(on) or self.as_of
        toks = self._strip_articles(self.tokens(text))
        if not toks:
            return Coding(text)
        if len(toks) == 1 and toks[0][0] in PRONOUNS:
            return Coding(text, sector="UNK", via="pronoun")  # someone, but who is for coreference
        former = any(w in FORMER for w, _ in toks)
        title = self._title_in(toks)
        whole = self.lookup(text, day)
        if whole and not (former and whole[0].kind != "person"):
            return self._coding(text, whole[0], day, "name", None if former else title)
        named = self._country_hit(text, places=False)
        country = named[0] if named else None
        if country is None and self._place_allowed(text, toks):
            country = self.country_of(text)
        country = country or (self.country_of(context) if context else None)
        inner = self._embedded(toks, day)
        if inner is not None and named and inner.country != named[0]:
            inner = None  # "Chile's Defense Department" is not the Pentagon
        noun = self._head_noun(toks)
        if inner is not None and not former:
            coding = self._coding(text, inner, day, "embedded")
            sector = coding.sector
            if sector == "GOV" and noun and noun[3] in BRANCHES:  # "EU legislators"
                sector = noun[3]
            return Coding(text, inner, coding.country or country, sector, coding.role, "embedded")
        if title and country and not former:
            holder = self.office_holder(country, title[2], day)
            if holder is not None:
                return self._coding(text, holder, day, "office", title)
        # the right-most of title and noun is the head: "major companies" is BUS, "army general" MIL
        head = max((h for h in (title, noun) if h), default=None, key=lambda h: (h[0], h[1]))
        sector = head[3] if head else None
        if inner is not None:
            country = country or inner.country
            sector = sector or self.sector_on(inner, day)
        if former and sector in ELITE_SECTORS:
            sector = "ELI"
        if country is None and sector is None:
            return Coding(text)
        via = "title" if head is title and title else "noun" if head else "country"
        return Coding(text, None, country, sector, None, via)

    # ----------------------------------------------------------------- helpers
    def _coding(self, text: str, entity: Entity, day: date, via: str,
                title: tuple[int, int, str, str] | None = None) -> Coding:
        """Entity with its role on the day; a title in the text ("Foreign Minister X") names the role."""
        if title:
            named = [r for r in entity.roles if self.canonical_title(r.title) == title[2]]
            named.sort(key=lambda r: (not r.active(day), abs(((r.start or day) - day).days)))
            if named:
                return Coding(text, entity, entity.country, named[0].sector, named[0], via)
        roles = self.roles_on(entity, day)
        role = roles[0] if roles else None
        return Coding(text, entity, entity.country, self.sector_on(entity, day), role, via)

    def _place_allowed(self, text: str, toks: Sequence[Token]) -> bool:
        """Places hint a country unless the phrase reads as a personal name ("Douglas Paul James")."""
        hit = self._country_hit(text)
        if hit is None or len(toks) < 2 or len(toks) > 4 or (hit[2] == 0 and hit[3] == len(toks)):
            return True
        words = re.findall(r"[^\W\d_][\w'-]*", text)
        capitalised = all(w[0].isupper() for w in words)
        return not (capitalised and not self._head_noun(toks) and not self._title_in(toks))

    def _strip_articles(self, toks: list[Token]) -> list[Token]:
        while toks and toks[0][0] in ARTICLES and len(toks) > 1:
            toks = toks[1:]
        return toks

    def _match(self, toks: Sequence[Token]) -> list[Entity]:
        if not toks:
            return []
        upper = all(up for _, up in toks)
        hits = self._aliases.get(_key(toks), [])
        return [self.entities[eid] for eid, acronym in hits if upper or not acronym]

    def _prefix(self, toks: Sequence[Token], start: int) -> int:
        """Length of the honorific, title or country word(s) that begin at `start` (0 if none)."""
        for end in range(min(len(toks), start + MAX_SPAN), start, -1):
            key = _key(toks[start:end])
            if end < len(toks) and (key in self._lex.honorifics or key in self._lex.titles):
                return end - start
            if end < len(toks) and key in self._countries and any(p == 0 for _, _, p in self._countries[key]):
                return end - start
        return 0

    def _office_phrase(self, toks: Sequence[Token], day: date) -> Entity | None:
        """ "<country> <title>" or "<title> of <country>" naming exactly one office."""
        for split in range(1, len(toks)):
            left, right = _key(toks[:split]), _key(toks[split:])
            if right in self._lex.titles and left in self._countries:
                return self.office_holder(self._countries[left][0][0], right, day)
            if left in self._lex.titles and right.startswith("of ") and right[3:] in self._countries:
                return self.office_holder(self._countries[right[3:]][0][0], left, day)
        return None

    def _leader_government(self, toks: Sequence[Token], day: date) -> Entity | None:
        """ "Trump administration", "Maduro regime": the government of the leader's country."""
        if len(toks) < 2 or toks[-1][0] not in GOVERNMENT_WORDS:
            return None
        people = [e for e in self.lookup(" ".join(w for w, _ in toks[:-1]), day) if e.kind == "person"]
        return self.entities.get(f"gov:{people[0].country}") if people else None

    def _title_in(self, toks: Sequence[Token]) -> tuple[int, int, str, str] | None:
        """Right-most, then longest, office title: (end, length, canonical key, sector)."""
        best: tuple[int, int, str, str] | None = None
        for start in range(len(toks)):
            for end in range(min(len(toks), start + MAX_SPAN), start, -1):
                hit = self._lex.titles.get(_key(toks[start:end]))
                if hit:
                    cand = (end, end - start, hit[0], hit[1])
                    best = cand if best is None or cand[:2] > best[:2] else best
                    break
        return best

    def _head_noun(self, toks: Sequence[Token]) -> tuple[int, int, str, str] | None:
        """Right-most actor noun: (end, length, key, sector). "Several ... trade unions in Denmark" -> LAB;
        a generic head takes the sector of the noun right before it ("intelligence agency officer" -> SPY)."""
        head = self._noun_ending_before(toks, len(toks))
        if head is None or head[2] not in GENERIC_HEADS:
            return head
        modifier = self._noun_at(toks, head[0] - head[1])
        return (head[0], head[1], modifier[2], modifier[3]) if modifier else head

    def _noun_at(self, toks: Sequence[Token], end: int) -> tuple[int, int, str, str] | None:
        """The longest noun ending exactly at `end`."""
        for start in range(max(0, end - MAX_SPAN), end):
            key = _key(toks[start:end])
            if key in self._lex.nouns:
                return (end, end - start, key, self._lex.nouns[key])
        return None

    def _noun_ending_before(self, toks: Sequence[Token], limit: int) -> tuple[int, int, str, str] | None:
        for end in range(limit, 0, -1):
            hit = self._noun_at(toks, end)
            if hit:
                return hit
        return None

    def _embedded(self, toks: Sequence[Token], day: date) -> Entity | None:
        """A named organisation or person inside a longer phrase ("Boko Haram gunmen")."""
        for size in range(min(len(toks), MAX_SPAN), 0, -1):
            for start in range(len(toks) - size + 1):
                found = [e for e in self._match(toks[start:start + size])
                         if e.kind in ("organisation", "group") and not e.id.startswith("gov:")]
                if found:
                    return self._rank(found, day)[0]
        return None

    def _rank(self, found: list[Entity], day: date) -> list[Entity]:
        """Holders of an office on the day first, then the living, then the order of the data."""
        def score(entity: Entity) -> tuple[int, int]:
            active = any(r.active(day) for r in entity.roles)
            dead = entity.died is not None and entity.died < day
            return (0 if active else 1, 1 if dead else 0)
        unique = list(dict.fromkeys(found))
        return sorted(unique, key=score)


def _with_article(country_name: str) -> str:
    """English puts "the" before names built on a common noun or a plural: the United States."""
    words = set(country_name.split())
    plural = country_name in ("Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros", "Seychelles",
                              "Gambia")
    return f"the {country_name}" if plural or words & ARTICLE_WORDS else country_name


def _rank_sector(sector: str | None) -> int:
    return SECTOR_RANK.index(sector) if sector in SECTOR_RANK else len(SECTOR_RANK)


# -------------------------------------------------------------------- files
def _data_file(name: str) -> str:
    return files("wirewatch").joinpath("data", "actors", name).read_text(encoding="utf-8")


def _lines(name: str) -> Iterable[str]:
    for line in _data_file(name).splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line


def _jsonl(name: str) -> Iterable[dict]:
    for line in _lines(name):
        row = json.loads(line)
        if "id" in row:
            yield row


def _read_lexicon() -> _Lexicon:
    lex = _Lexicon()
    for line in _lines("name_variants.psv"):
        canonical, variants = (part.strip() for part in line.split("|", 1))
        for variant in variants.split(";"):
            if variant.strip() and " " not in variant.strip():
                lex.folds[variant.strip()] = canonical
    for line in _lines("titles.psv"):
        canonical, sector, variants = (part.strip() for part in line.split("|", 2))
        for variant in variants.split(";"):
            if variant.strip():
                lex.titles[_key(tokenize(variant, lex.folds))] = (canonical, sector)
    lex.honorifics = {_key(tokenize(line, lex.folds)) for line in _lines("honorifics.txt")}
    for line in _lines("sector_nouns.psv"):
        sector, words = (part.strip() for part in line.split("|", 1))
        for word in words.split(";"):
            for form in _plurals(word.strip()):
                lex.nouns.setdefault(_key(tokenize(form, lex.folds)), sector)
    return lex


def _plurals(word: str) -> list[str]:
    """The word and its regular English plural(s); irregular plurals are listed in the data."""
    if not word:
        return []
    forms = [word]
    if word.endswith("man"):
        forms.append(word[:-3] + "men")
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.append(word[:-1] + "ies")
    elif word.endswith(("s", "x", "ch", "sh")):
        forms.append(word + "es")
    else:
        forms.append(word + "s")
    return forms


def _roles(rows: list[dict], country: str | None, sector: str | None) -> tuple[Role, ...]:
    return tuple(
        Role(
            title=r["title"],
            country=r.get("country", country),
            sector=r.get("sector", "GOV" if sector not in ("REB", "CRM", "UAF") else sector),
            start=parse_date(r.get("start")),
            end=parse_date(r.get("end")),
            confidence=r.get("confidence", "high"),
            note=r.get("note"),
        )
        for r in rows
    )


def _government(state: dict) -> Entity:
    """The state's government as an actor, reachable by metonyms ("Washington", "Mexican authorities")."""
    name, code = state["name"], state["alpha3"]
    aliases = [f"Government of {name}", f"{name} government", f"{name} authorities", f"{name} administration"]
    for demonym in state["demonyms"][:2]:
        aliases += [f"{demonym} government", f"{demonym} authorities", f"{demonym} administration",
                    f"{demonym} officials"]
    if state["status"] in SOVEREIGN:
        capitals = [state.get("capital"), *state.get("capital_aliases", [])]
        aliases += [c for c in capitals if c and c != name]
    return Entity(f"gov:{code}", f"Government of {name}", "organisation", code, "GOV", aliases=tuple(aliases))


@cache
def _load_shipped() -> KnowledgeBase:
    manifest = json.loads(_data_file("manifest.json"))
    states = [row for row in _jsonl("states.jsonl")]
    entities: list[Entity] = []
    for s in states:
        aliases = tuple(a for a in (s["official_name"], *s["aliases"]) if a)
        entities.append(Entity(s["id"], s["name"], "state", s["alpha3"], None, aliases=aliases))
        entities.append(_government(s))
    for row in _jsonl("organisations.jsonl"):
        roles = _roles(row.get("roles", []), row.get("country"), row.get("sector"))
        entities.append(Entity(
            row["id"], row["name"], row.get("kind", "organisation"), row.get("country"), row.get("sector"),
            roles, tuple(row.get("aliases", [])), row.get("confidence", "high"),
        ))
    for row in _jsonl("people.jsonl"):
        roles = _roles(row.get("roles", []), row.get("country"), row.get("sector"))
        entities.append(Entity(
            row["id"], row["name"], "person", row.get("country"), row.get("sector"),
            roles, tuple(row.get("aliases", [])), row.get("confidence", "high"), parse_date(row.get("died")),
        ))
    return KnowledgeBase(entities, states, _read_lexicon(), date.fromisoformat(manifest["as_of"]))
