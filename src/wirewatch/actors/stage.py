"""The `actors` pipeline stage: mentions in the parsed article, resolved to actors of the contract.

Importing this module registers the stage (`--stages extract,nlp,actors`). It reads the Docs of the
`nlp` stage and writes `record.actors` (one dict per actor, all its mentions) plus two working indexes:
`annotations["actor_at"]`, a sorted list of (start, end, actor id) over body mentions, and
`annotations["actor_coref"]`, which `resolve_pronoun` uses for the quotes stage.

Order matters and mirrors how news names people: full names first (with the title or appositive that
introduces them), then surnames and honorifics that point back to them, then known names from the KB,
then group nouns ("Mexican security forces"), and finally pronouns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from wirewatch.actors.coref import PRONOUNS, CorefIndex, gender_of_name, gender_of_words
from wirewatch.actors.kb import Entity, KnowledgeBase, parse_date
from wirewatch.actors.mentions import (
    GOVERNMENT_HEADS,
    POSSESSIVE,
    Descriptor,
    appositive_after,
    attached_country,
    context_country,
    country_mentions,
    group_sector,
    group_span,
    is_capitalised,
    title_before,
    titled_entities,
    trim_name,
)
from wirewatch.config import Config
from wirewatch.nlp.model import DATELINE_OPENING
from wirewatch.nlp.reconcile import reconcile_labels
from wirewatch.pipeline import register_stage
from wirewatch.records import ArticleRecord, Published

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MAX_NAME_TOKENS = 7
# Singular nouns that name a whole force ("the Nigerian military"), coded like plural groups.
FORCE_NOUNS = frozenset({"army", "military", "navy", "police", "gendarmerie", "coastguard", "militia"})
# Groups whose country the sentence usually tells ("soldiers in Pakistan's North Waziristan").
GROUP_FROM_CONTEXT = {"CRM", "REB", "UAF", "CVL", "LAB", "MIL", "COP", "REL", "OPP"}
INDIVIDUAL_NOUNS = {"official", "officer", "spokesman", "spokeswoman", "spokesperson", "leader", "member",
                    "minister", "diplomat", "lawmaker", "soldier", "suspect", "lawyer", "source"}
# Named storms and quakes are news subjects, not actors ("Typhoon Dalisay", "Hurricane Ana", "Storm Ciaran").
NATURAL_HAZARD = re.compile(
    r"\b(?:super\s+)?(?:typhoon|hurricane|cyclone|tropical\s+storm|storm|earthquake|tsunami|wildfire)\b",
    re.IGNORECASE,
)
# One-word aliases that are also common nouns name an institution only in its own country's news.
COMMON_WORD_ALIASES = {"house", "senate", "congress", "parliament", "assembly", "cabinet", "court", "council",
                       "treasury", "pentagon", "kremlin", "ministry", "army", "navy", "police", "government"}
GOV_METONYM_WORDS = {"government", "authorities", "administration", "officials", "cabinet", "regime"}


@dataclass
class Mention:
    field: str  # "body", "title" or "caption:N"
    start: int  # character offsets into that field's text
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.field != "body":
            out["field"] = self.field
        return out


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    gender: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    learned: dict[str, Any] | None = None  # the title or appositive this article taught us, with offsets

    def to_dict(self) -> dict[str, Any]:
        order = {"body": 0, "title": 1}
        mentions = sorted(self.mentions, key=lambda m: (order.get(m.field, 2), m.field, m.start))
        out = {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
               "sector": self.sector, "role": self.role, "mentions": [m.to_dict() for m in mentions]}
        if self.learned:
            out["learned"] = self.learned
        return out


def article_day(published: Published) -> date | None:
    """The publication date as a day for dated KB questions; a year or month stands for its middle (or
    the KB's as-of date if that is earlier); unknown stays None (the KB then uses its as-of date)."""
    value = published.date
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
            return parse_date(value[:10])
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date(int(value[:4]), int(value[5:7]), 15)
        if re.fullmatch(r"\d{4}", value):
            return min(date(int(value), 7, 1), max(KnowledgeBase.load().as_of, date(int(value), 1, 1)))
    except ValueError:
        return None
    return None


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class _Article:
    """Actors of one article while they are being found."""

    def __init__(self, kb: KnowledgeBase, day: date | None, learned: dict[str, dict[str, Any]]):
        self.kb, self.day, self.learned = kb, day, learned
        self.actors: dict[str, Actor] = {}
        self.covered: dict[str, set[int]] = {}  # field -> token indexes already in a mention
        self.surnames: dict[str, str] = {}  # surname -> actor id (people named in full here)
        self._countries: dict[int, list[tuple[int, str]]] = {}

    # ------------------------------------------------------------ bookkeeping
    def add(self, actor: Actor, fld: str, span: Span) -> Actor:
        known = self.actors.setdefault(actor.id, actor)
        start, end = span.start_char, span.end_char
        if not any(m.field == fld and m.start == start and m.end == end for m in known.mentions):
            known.mentions.append(Mention(fld, start, end, span.text))
        self.covered.setdefault(fld, set()).update(range(span.start, span.end))
        if known.kind == "person" and len(known.name.split()) >= 2:
            self.surnames.setdefault(known.name.split()[-1], known.id)
        return known

    def _foreign_common_word(self, doc: Doc, span: Span, entity: Entity) -> bool:
        """A one-word alias that is a common noun ("the House", "Parliament") names the institution of the
        country last named before it; another country's institution of that name is not meant."""
        words = [t for t in span if t.lower_ not in ("the", "a", "an")]
        return len(words) == 1 and words[0].lower_ in COMMON_WORD_ALIASES and bool(entity.country) and \
            self.latest_country(doc, span.start) not in (None, entity.country)

    def latest_country(self, doc: Doc, i: int) -> str | None:
        """The country named (by name or demonym) last before token i: whose institution a bare "the
        House" is. Mentions are found once per Doc."""
        key = id(doc)
        if key not in self._countries:
            self._countries[key] = sorted(country_mentions(doc, self.kb))
        before = [code for at, code in self._countries[key] if at < i]
        return before[-1] if before else None

    def skip_datelines(self, doc: Doc) -> None:
        """Datelines and wire credits opening a paragraph ("GENEVA -", "KYIV (Reuters) -") name no actor:
        their tokens are marked taken so no mention, group or person is read from them."""
        for m in DATELINE_OPENING.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                self.covered.setdefault("body", set()).update(range(span.start, span.end))

    def free(self, fld: str, start: int, end: int) -> bool:
        taken = self.covered.get(fld, set())
        return not any(i in taken for i in range(start, end))

    def from_entity(self, entity: Entity) -> Actor:
        if entity.id in self.actors:
            return self.actors[entity.id]
        kb, day = self.kb, self.day
        role = None
        if entity.kind == "person":
            roles = kb.roles_on(entity, day)
            if roles:
                role = roles[0].label(kb.state_name(roles[0].country))
            else:
                past = sorted((r for r in entity.roles if r.end and r.end < (day or kb.as_of)),
                              key=lambda r: r.end or date.min)
                if past:
                    role = "former " + past[-1].label(kb.state_name(past[-1].country))
        sector = "GOV" if entity.kind == "state" else kb.sector_on(entity, day)
        return Actor(entity.id, entity.name, entity.kind, entity.country, sector, role,
                     gender_of_name(entity.name) if entity.kind == "person" else None)

    # ------------------------------------------------------------ people
    def person(self, doc: Doc, fld: str, ent: Span, full: bool) -> None:
        if NATURAL_HAZARD.match(ent.text):
            return
        start, end, stripped = trim_name(ent, self.kb)
        name = doc[start:end]
        words = name.text.split()
        if full != (len(words) >= 2) or not self.free(fld, start, end):
            return
        title = title_before(doc, ent.start, self.kb, self.day) if ent.start == start else None
        if title is None and start > ent.start:
            title = title_before(doc, start, self.kb, self.day, inside=ent.start)
        appositive = appositive_after(doc, ent.end, self.kb, self.day)
        honorific = any(self.kb.is_honorific(w) for w in stripped)
        actor = self._resolve_person(name.text, title, appositive, honorific)
        if actor is None:
            return
        if actor.learned is not None and "from" not in actor.learned:
            # Evidence for what we learned: the name with the title before it or the appositive after it.
            first = title.start if title is not None else start
            last = appositive.end if appositive is not None and title is None else end
            span = doc[min(first, start):max(last, end)]
            actor.learned.update({"from": "title" if title is not None else "appositive", "field": fld,
                                  "start": span.start_char, "end": span.end_char, "text": span.text})
        actor.gender = actor.gender or gender_of_words(stripped + ([doc[start - 1].text] if start else []))
        if title is not None:
            actor.gender = actor.gender or gender_of_words(title.text.split())
            self._titled_role(actor, title)
            self._organisation_in(doc, fld, title)
            self.covered.setdefault(fld, set()).update(range(title.start, title.end))
        self.add(actor, fld, name)
        if appositive is not None:
            coded = appositive.coding.entity
            if coded is None or coded.id == actor.id or coded.kind != "person":
                self.add(actor, fld, doc[appositive.start:appositive.end])

    def _titled_role(self, actor: Actor, title: Descriptor) -> None:
        """A KB person introduced by one of their offices ("US Secretary of State Marco Rubio") is
        reported in that office, even when the KB ranks another concurrent one first."""
        entity = self.kb.get(actor.id)
        office = title.coding.role
        if entity is None or office is None:
            return
        wanted = self.kb.canonical_title(office.title)
        for role in entity.roles:
            if self.kb.canonical_title(role.title) == wanted and role.active(self.day or self.kb.as_of):
                actor.role = role.label(self.kb.state_name(role.country))
                actor.sector = role.sector or actor.sector
                return

    def _organisation_in(self, doc: Doc, fld: str, title: Descriptor) -> None:
        """The organisation named inside a title ("State Department spokesperson") is an actor too."""
        for size in range(title.end - title.start, 0, -1):
            for begin in range(title.start, title.end - size + 1):
                span = doc[begin:begin + size]
                found = [e for e in self.kb.exact(span.text, self.day)
                         if e.kind in ("organisation", "group") and not e.id.startswith("gov:")]
                if found and is_capitalised(span[0]):
                    self.add(self.from_entity(found[0]), fld, span)
                    return

    def _resolve_person(self, name: str, title: Descriptor | None, appositive: Descriptor | None,
                        honorific: bool = False) -> Actor | None:
        kb, day = self.kb, self.day
        local = self._local_person(name)
        if local is not None:
            return local
        exact = kb.exact(name, day)
        if any(e.kind == "state" for e in exact):
            return None  # "Burkina Faso" tagged PERSON is still a country; the states pass takes it
        found = [e for e in exact if e.kind == "person"]
        if len(found) > 1:
            # Namesakes ("Pedro Sanchez" of Spain and of Colombia): the title's or appositive's country rules.
            told = {d.coding.country for d in (title, appositive) if d is not None and d.coding.country}
            if told:
                found.sort(key=lambda e: e.country not in told)
        if not found and title is not None:
            found = [e for e in kb.lookup(f"{title.text} {name}", day) if e.kind == "person"
                     and kb.normalise(name).split()[-1] in kb.normalise(e.name).split() + [
                         w for a in e.aliases for w in kb.normalise(a).split()]]
        if found:
            return self.from_entity(found[0])
        if len(name.split()) == 1 and title is None and appositive is None and not honorific or \
                kb.country_named(name.split()[-1]) or not name[:1].isupper():
            return None  # a lone unknown word ("Surrey", "Sikh") or "freed Ukrainian" is too often a misread
        key = kb.normalise(name)
        pid = f"person:{slug(name)}"
        if pid in self.actors:
            return self.actors[pid]
        info = dict(self.learned.get(key, {}))
        for desc in (title, appositive):
            if desc is None:
                continue
            coding = desc.coding
            if coding.entity is not None and coding.entity.kind == "person":
                # "Mexican Foreign Minister <unknown name>": the office tells country and sector only
                info.setdefault("country", coding.country)
                info.setdefault("sector", coding.sector)
            else:
                named = coding.entity is not None and _named_in(coding.entity, desc.text)
                owner = coding.entity.country if coding.entity is not None and named else None
                # a title's place names its office ("Saskatchewan Premier"); an appositive's may not
                own = coding.country if desc is title and coding.entity is None \
                    else kb.country_named(desc.text)
                info.setdefault("country", owner or own)
                info.setdefault("sector", coding.sector)
            info.setdefault("role", _role_text(kb, desc.text))
        info = {k: v for k, v in info.items() if v is not None}
        teaches = len(name.split()) >= 2 and (title or appositive) is not None
        if teaches:
            self.learned[key] = {**self.learned.get(key, {}), **info}
        return Actor(pid, name, "person", info.get("country"), info.get("sector"), info.get("role"),
                     gender_of_name(name), learned={"key": key} if teaches else None)

    def _local_person(self, name: str) -> Actor | None:
        """A person already named in full here whose name ends with this one ("Vargas Ortiz")."""
        if len(name.split()) == 1 and name in self.surnames:
            return self.actors[self.surnames[name]]
        key = " " + self.kb.normalise(name)
        size = len(key.split())
        found = [a for a in self.actors.values() if a.kind == "person" and len(a.name.split()) > size
                 and f" {self.kb.normalise(a.name)}".endswith(key)]
        return found[0] if len(found) == 1 else None

    def surname_scan(self, doc: Doc, fld: str) -> None:
        """Bare surnames the model did not tag ("Baker was detained"), for people named in full here."""
        for i, word in enumerate(t.text for t in doc):
            actor_id = self.surnames.get(word)
            if not actor_id:
                continue
            tok = doc[i]
            if is_capitalised(tok) and self.free(fld, tok.i, tok.i + 1):
                actor = self.actors[actor_id]
                first = tok.i + 1 - len(actor.name.split())
                full = doc[first:tok.i + 1] if first >= 0 else None
                if full is not None and self.free(fld, first, tok.i + 1) and \
                        self.kb.normalise(full.text) == self.kb.normalise(actor.name):
                    self.add(actor, fld, full)  # the full name the model missed
                else:
                    self.add(actor, fld, doc[tok.i:tok.i + 1])

    # ------------------------------------------------------------ known names
    def kb_scan(self, doc: Doc, fld: str) -> None:
        """Names and aliases of the KB anywhere in the text, longest first ("the Department of Justice")."""
        words = [t.text for t in doc]  # one pass: most tokens are ruled out by their text alone
        i = 0
        n = len(words)
        while i < n:
            word = words[i]
            the = word.lower() == "the" and i + 1 < n
            if not (word[:1].isupper() or the and words[i + 1][:1].isupper()):
                i += 1
                continue
            if not self.kb.may_start_name(words[i + 1] if the else word) or not self.free(fld, i, i + 1) \
                    or _glued(doc, i, before=True):
                i += 1
                continue
            tok = doc[i]
            limit = min(n, i + MAX_NAME_TOKENS, tok.sent.end)
            for j in range(limit, i, -1):
                span = doc[i:j]
                last = doc[j - 1]
                if "\n" in span.text or _glued(doc, j - 1, before=False) or last.text in POSSESSIVE:
                    continue
                if not (is_capitalised(last) or last.lower_ in GOV_METONYM_WORDS):
                    continue
                if not self.free(fld, i, j):
                    continue
                found = self.kb.exact(span.text, self.day)
                if not found:
                    continue
                entity = found[0]
                if self._foreign_common_word(doc, span, entity):
                    break  # "the House" after Kenyan lawmakers is not the US House
                named = self.kb.country_named(doc[i - 1].text) if i and entity.country else None
                if named and named != entity.country and entity.kind == "organisation":
                    break  # "the Nigerian Senate" is not the US Senate; the groups pass codes it
                if entity.id.startswith("gov:") and not _government_use(span):
                    break  # a capital named as a place, not as its government
                if entity.kind == "person" and len(span) == 1 and tok.ent_type_ not in ("PERSON", ""):
                    break
                self.add(self.from_entity(entity), fld, span)
                i = j - 1
                break
            i += 1

    def organisations(self, doc: Doc, fld: str) -> None:
        """ORG entities the KB does not know become organisation actors, coded by the KB where it can."""
        for ent in doc.ents:
            if ent.label_ != "ORG" or not self.free(fld, ent.start, ent.end):
                continue
            if NATURAL_HAZARD.search(ent.text):
                continue
            words = ent.text.split()
            if any(t.text in ("-", "—", "–") and t.whitespace_ for t in ent) or "\n" in ent.text:
                continue  # a dateline glued to the first words ("BOGOTA - Colombian")
            if len(words) < 2 and not (ent.text.isupper() and len(ent.text) >= 2) or \
                    ent[0].lower_ in ("a", "an"):
                continue  # a lone capitalised word or "an Osprey" is too often a misread common noun
            coding = self.kb.code(ent.text, self.day)
            entity = coding.entity
            if entity is not None and self._foreign_common_word(doc, ent, entity):
                continue
            if entity is not None and entity.kind != "person":
                self.add(self.from_entity(entity), fld, ent)
                continue
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            actor = Actor(f"org:{slug(name)}", name, "organisation", coding.country, coding.sector, None)
            self.add(actor, fld, ent)

    # ------------------------------------------------------------ groups and titles
    def groups(self, doc: Doc, fld: str) -> None:
        places = country_mentions(doc, self.kb)
        for chunk in doc.noun_chunks:
            root = chunk.root
            if root.pos_ == "PRON" or root.dep_ in ("appos", "attr"):
                continue
            if root.lower_ in ("counterpart", "counterparts"):
                # "his Indian counterpart": that country's holder of the same office; at least its state
                state = self.kb.get(f"state:{self.kb.country_named(chunk.text)}")
                if state is not None and self.free(fld, chunk.start, chunk.end):
                    self.add(self.from_entity(state), fld, chunk)
                continue
            if any(t.pos_ == "PRON" and t.dep_ == "poss" for t in chunk):
                continue  # "its northern neighbour": anaphoric, not a new actor
            start, end = group_span(chunk)
            if not self.free(fld, start, end) and root.lower_ not in GOVERNMENT_HEADS:
                continue
            span = doc[start:end]
            words = [t.text for t in span]
            if root.lower_ in GOVERNMENT_HEADS and any(t.ent_type_ == "PERSON" for t in span):
                self._administration(doc, fld, chunk)
                continue
            if not self.free(fld, start, end):
                continue
            title = self.kb.title_key(" ".join(words[-3:])) or self.kb.title_key(words[-1])
            sector = group_sector(self.kb, words)
            if title is None and sector in (None, "UNK"):
                continue
            coding = self.kb.code(chunk.text, self.day)
            if coding.entity is not None and coding.entity.kind == "person" and coding.role is not None:
                self.add(self.from_entity(coding.entity), fld, chunk)  # "the Mexican president"
                continue
            if title is not None and root.tag_ == "NN":
                holder = self._local_title_holder(title)
                if holder is not None:
                    self.add(holder, fld, chunk)
                continue
            collective = root.tag_ in ("NNS", "NNPS") or root.lower_ in FORCE_NOUNS
            if coding.entity is not None and coding.entity.kind in ("organisation", "state") and \
                    collective and coding.country and sector not in (None, "UNK"):
                # "Russian troops", "Israeli forces", "the Nigerian military": the KB's body for that country
                self.add(self.from_entity(coding.entity), fld, span)
                continue
            if coding.entity is not None or sector in (None, "UNK"):
                continue
            country = coding.country or attached_country(doc, end, places)
            if country is None and sector in GROUP_FROM_CONTEXT:
                country = context_country(doc, start, end, places)
            if root.tag_ not in ("NNS", "NNPS") and (country is None or self.kb.title_key(root.text)
                                                      or root.lower_ in INDIVIDUAL_NOUNS):
                continue  # one unnamed person ("a minister") is not a group
            self.add(self._group(span.text, country, sector), fld, span)

    def _administration(self, doc: Doc, fld: str, chunk: Span) -> None:
        """ "The Trump administration" is the government, not the person: it replaces the person mention."""
        start = chunk.start + (1 if chunk[0].lower_ == "the" else 0)
        span = doc[start:chunk.end]
        found = [e for e in self.kb.lookup(span.text, self.day) if e.id.startswith("gov:")]
        if not found:
            return
        for actor in self.actors.values():
            actor.mentions = [m for m in actor.mentions if not (
                m.field == fld and span.start_char <= m.start and m.end <= span.end_char)]
        self.add(self.from_entity(found[0]), fld, span)

    def _local_title_holder(self, title: str) -> Actor | None:
        """ "the president" with no country: the one person already named here who holds that office."""
        holders = []
        for actor in self.actors.values():
            entity = self.kb.get(actor.id)
            if actor.kind == "person" and entity is not None and any(
                    self.kb.canonical_title(r.title) == title for r in self.kb.roles_on(entity, self.day)):
                holders.append(actor)
        return holders[0] if len(holders) == 1 else None

    def _group(self, text: str, country: str | None, sector: str) -> Actor:
        """Groups of one sector and country are one actor; a group noun with a unique known organisation
        of its sector and country in the article ("prosecutors" with the Department of Justice) is it."""
        matches = [a for a in self.actors.values() if a.kind == "organisation" and a.sector == sector == "JUD"
                   and (country is None or a.country == country) and not a.id.startswith("gov:")]
        if len(matches) == 1:
            return matches[0]
        gid = f"group:{(country or 'unk').lower()}-{sector.lower()}"
        return self.actors.get(gid) or Actor(gid, text, "group", country, sector, None)

    def states(self, doc: Doc, fld: str) -> None:
        """GPE entities naming a state the KB scan missed (spelling variants) become state actors."""
        for ent in doc.ents:
            if ent.label_ == "GPE" and self.free(fld, ent.start, ent.end):
                entity = next((e for e in self.kb.exact(ent.text, self.day) if e.kind == "state"), None)
                if entity is not None:
                    self.add(self.from_entity(entity), fld, ent)

    # ------------------------------------------------------------ pronouns
    def coref_index(self, doc: Doc) -> CorefIndex:
        index = CorefIndex([s.start_char for s in doc.sents])
        for actor in self.actors.values():
            if actor.kind == "person":
                index.genders[actor.id] = actor.gender
                for m in actor.mentions:
                    if m.field == "body":
                        index.persons.append((m.start, m.end, actor.id))
        index.persons.sort()
        return index

    def pronouns(self, doc: Doc, index: CorefIndex) -> None:
        for tok in doc:
            if tok.lower_ in PRONOUNS and tok.pos_ == "PRON" and self.free("body", tok.i, tok.i + 1):
                actor_id = index.resolve(tok.idx, tok.text)
                if actor_id is not None:
                    self.add(self.actors[actor_id], "body", doc[tok.i:tok.i + 1])
                    index.add(tok.idx, tok.idx + len(tok.text), actor_id)


def _role_text(kb: KnowledgeBase, text: str) -> str:
    """A learned role without the nationality in front ("Mexican Foreign Minister" -> "Foreign Minister")."""
    words = text.split()
    while len(words) > 1 and (words[0].lower() in ("a", "an", "the") or kb.country_of(words[0])
                              and kb.title_key(" ".join(words[1:])) or words[0].endswith(("'s", "’s"))):
        words = words[1:]
    return " ".join(words)


def _named_in(entity: Entity, text: str) -> bool:
    """The entity is written in the text with its own capitals ("the Economist", not "an economist")."""
    return any(alias in text for alias in (entity.name, *entity.aliases))


def _glued(doc: Doc, i: int, before: bool) -> bool:
    """Token i is part of a hyphenated compound ("United States-Mexico-Canada")."""
    if before:
        return i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
    return i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_


def _government_use(span: Span) -> bool:
    words = {t.lower_ for t in span}
    return bool(words & GOV_METONYM_WORDS) or span.root.dep_ in ("nsubj", "nsubjpass")


class ActorsStage:
    name = "actors"

    def __init__(self) -> None:
        self.kb = KnowledgeBase.load()
        # People learned from titles and appositives, reused for later articles of this process.
        self.learned: dict[str, dict[str, Any]] = {}

    def remember(self, memory: dict[str, Any]) -> None:
        """Take people learned in earlier runs (kept in the store) so a bare full name is known again."""
        for row in memory.get("learned_actors") or []:
            info = {k: row.get(k) for k in ("country", "sector", "role") if row.get(k)}
            if row.get("key") and info:
                self.learned.setdefault(row["key"], info)

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        parsed = record.annotations.get("nlp")
        if not parsed or parsed.get("body") is None:
            record.actors = []
            record.annotations["actor_at"] = []
            return record
        day = article_day(record.article.published)
        work = _Article(self.kb, day, self.learned)
        fields: list[tuple[str, Doc]] = [("body", parsed["body"])]
        if parsed.get("title") is not None:
            fields.append(("title", parsed["title"]))
        fields += [(f"caption:{i}", d) for i, d in enumerate(parsed.get("captions") or [])]
        for _, doc in fields:
            titled_entities(doc, self.kb)
        reconcile_labels([doc for _, doc in fields],
                         known_person=lambda name: self.kb.normalise(name) in self.learned)
        work.skip_datelines(parsed["body"])
        persons = {fld: [e for e in doc.ents if e.label_ == "PERSON"] for fld, doc in fields}
        for full in (True, False):
            for fld, doc in fields:
                for ent in persons[fld]:
                    work.person(doc, fld, ent, full)
        for fld, doc in fields:
            work.kb_scan(doc, fld)
            work.surname_scan(doc, fld)
            work.organisations(doc, fld)
            work.states(doc, fld)
            work.groups(doc, fld)
        body = parsed["body"]
        index = work.coref_index(body)
        work.pronouns(body, index)
        actors = sorted((a for a in work.actors.values() if a.mentions), key=_first_position)
        record.actors = [a.to_dict() for a in actors]
        record.annotations["actor_at"] = sorted(
            (m.start, m.end, a.id) for a in actors for m in a.mentions if m.field == "body")
        record.annotations["actor_coref"] = index
        return record


def _first_position(actor: Actor) -> tuple[int, int]:
    body = [m.start for m in actor.mentions if m.field == "body"]
    return (0, min(body)) if body else (1, 0)


def resolve_pronoun(record: ArticleRecord, offset: int) -> str | None:
    """Actor id for the pronoun (he, she, his, her ...) at body offset `offset`, else None.

    For the quotes stage: "He said ..." gets the most recent compatible person named in the pronoun's
    sentence or the two before it. Works on records the actors stage has processed.
    """
    for start, end, actor_id in record.annotations.get("actor_at", []):
        if start <= offset < end:
            return actor_id
    index: CorefIndex | None = record.annotations.get("actor_coref")
    if index is None:
        return None
    match = re.match(r"\w+", record.article.body[offset:])
    return index.resolve(offset, match.group(0)) if match else None


@register_stage("actors")
def actors_stage(config: Config) -> ActorsStage:
    """The KB loads once per process; the stage keeps the people it learns for later articles."""
    return ActorsStage()
