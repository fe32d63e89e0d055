"""PLOVER event coding over a parsed body: lexicon triggers, arguments from the dependency parse, actors
through the actors stage's mention index, factuality from modals, negation, clause marks and the speaker.

Precision first: an event needs a source actor (CONSULT: two parties), and the types PLOVER says need a
target get one or are dropped, because an unsupported event is worse than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from wirewatch.actors.index import actor_overlapping
from wirewatch.events.background import in_after_phrase, recollected_time, referenced_act, subordinate
from wirewatch.events.classifier import type_classifier
from wirewatch.events.lexicon import EventLexicon, lexicon
from wirewatch.nlp.sentiment import polarity
from wirewatch.records import ArticleRecord
from wirewatch.temporal.event_date import resolve_event_date
from wirewatch.temporal.model import TimeExpr

_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_PARTICLES = frozenset({"down", "up", "out", "off", "over", "in", "back", "aside"})


@dataclass
class Found:
    """One coded event before merging; `patient` is the moved or acted-on actor (for chaining)."""

    type: str
    mode: str | None
    trigger: Token
    sentence: Span
    source: list[str]
    target: list[str]
    factuality: str
    contexts: list[str]
    patient: str | None = None
    evidence: list[Token] = field(default_factory=list)


class Coder:
    """Codes one record's body Doc; keeps the events found so far for chained arguments."""

    def __init__(self, record: ArticleRecord, doc: Doc, lex: EventLexicon | None = None) -> None:
        self.record = record
        self.doc = doc
        self.lex = lex or lexicon()
        self.actor_at: list[tuple[int, int, str]] = sorted(record.annotations.get("actor_at") or [])
        self.sectors = {a.get("id"): a.get("sector") for a in record.actors}
        self.countries = {a.get("id"): a.get("country") for a in record.actors}
        self.found: list[Found] = []
        self._person_nouns = self.lex.words("person_nouns")
        self._patient_nouns = self.lex.words("patient_possessive_nouns")
        self._office_nouns = self._person_nouns | self.lex.words("office_nouns")

    # -- actors ---------------------------------------------------------------------------------
    def actor_of(self, tok: Token | None) -> str | None:
        """The actor a noun phrase head names: its own mention, its pre-modifiers, or a pronoun's referent."""
        if tok is None:
            return None
        if tok.tag_ in ("WP", "WDT"):  # "diplomats whom it accused": the relative clause's noun
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            return self.actor_of(clause.head) if clause is not None else None
        if tok.pos_ == "PRON":
            if tok.lower_ in _PLURAL_PRONOUNS:
                return self._plural_antecedent(tok) or self._pronoun(tok)
            found = self._pronoun(tok)
            if found is None and tok.lower_ in ("it", "its"):
                found = self._institution_antecedent(tok)
            return found
        own = actor_overlapping(self.actor_at, tok.idx, tok.idx + len(tok))
        if own is not None:
            return own
        found = actor_overlapping(self.actor_at, tok.left_edge.idx, tok.idx + len(tok))
        named = tok
        while found is None and named.pos_ in ("NOUN", "PROPN"):  # "rival ... Prime Minister Shinzo Abe"
            named = next((c for c in named.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is None:
                break
            found = actor_overlapping(self.actor_at, named.idx, named.idx + len(named))
        if found is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in self._office_nouns:
            holder = next((p for p in self.prep_objects(tok, "of")), None)  # "the prosecutor of the ICC"
            if holder is not None:
                found = actor_overlapping(self.actor_at, holder.idx, holder.idx + len(holder))
        if found is None and tok.pos_ == "NOUN":  # "the junta in Burkina Faso": the place's state
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    state = self._state_at(pobj)
                    if state is not None:
                        return state
        return found

    def _state_at(self, tok: Token | None) -> str | None:
        if tok is None:
            return None
        found = actor_overlapping(self.actor_at, tok.idx, tok.idx + len(tok))
        return found if found is not None and found.split(":", 1)[0] in ("state", "gov") else None

    def _pronoun(self, tok: Token) -> str | None:
        try:
            from wirewatch.actors.stage import resolve_pronoun
        except ImportError:  # pragma: no cover - the actors stage ships with the package
            return None
        found: Any = resolve_pronoun(self.record, tok.idx)
        if isinstance(found, dict):
            found = found.get("id")
        return str(found) if found else None

    def _institution_antecedent(self, tok: Token) -> str | None:
        """'it'/'its': the nearest earlier state, government or organisation named in the sentence."""
        for anc in tok.ancestors:  # "X said it would …": the speaker's own institution
            if anc.lemma_ in self.lex.words("speech_verbs"):
                subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
                if subj is None or subj.pos_ == "PRON":
                    break  # "it confirmed it had …": the speaker is itself a pronoun; no recursion
                speaker = self.actor_of(subj)
                if speaker is not None and speaker.split(":", 1)[0] != "person":
                    return speaker
                break
        start = tok.sent.start_char
        earlier = [a for s, _e, a in reversed(self.actor_at) if start <= s < tok.idx]
        for kinds in (("state", "gov", "org"), ("group",)):
            found = next((a for a in earlier if a.split(":", 1)[0] in kinds), None)
            if found is not None:
                return found
        return None

    def _plural_antecedent(self, tok: Token) -> str | None:
        """'they'/'them': the nearest earlier plural noun in the sentence that names an actor."""
        for prev in reversed(list(tok.sent[: tok.i - tok.sent.start])):
            if prev.tag_ in ("NNS", "NNPS"):
                found = actor_overlapping(self.actor_at, prev.idx, prev.idx + len(prev))
                if found is not None:
                    return found
        return None

    # -- syntax ---------------------------------------------------------------------------------
    def light_head(self, tok: Token) -> Token | None:
        """The verb an event noun is the content of: 'held talks', 'went on strike', 'took part in
        protests', 'claimed responsibility for the bombing'; None when the noun is not so governed."""
        if tok.pos_ != "NOUN":
            return None
        if tok.dep_ in ("dobj", "attr") and tok.head.lemma_ in self.lex.words("light_verbs"):
            return tok.head
        if tok.dep_ != "pobj" or tok.head.dep_ not in ("prep", "dative"):
            return None
        prep, host = tok.head, tok.head.head
        measure = host.lemma_.lower() in self.lex.words("measure_nouns") or host.pos_ == "NUM" or any(
            c.tag_ == "$" or c.dep_ == "nummod" for c in host.children)  # "$33 million", "20 million euros"
        if prep.lower_ in ("of", "in") and host.dep_ == "dobj" and measure and \
                host.head.lemma_ in self.lex.words("light_verbs"):
            return host.head  # "began a new round of joint exercises", "announced $33 million in assistance"
        frames = self.lex.rules.get("light_prep_frames", {})
        for frame in frames.get(prep.lower_, []):
            words = frame.split()
            if len(words) == 1 and host.pos_ in ("VERB", "AUX") and host.lemma_ == words[0]:
                return host
            if (len(words) == 2 and host.lemma_ == words[1] and host.dep_ == "dobj"
                    and host.head.lemma_ == words[0]):
                return host.head
            if len(words) == 2 and host.pos_ == "VERB" and host.lemma_ == words[0] and any(
                c.dep_ == "dobj" and c.lemma_ == words[1] for c in host.children
            ):
                return host
        return None

    def subject(self, tok: Token) -> Token | None:
        """The agent-like subject, inherited through conjunctions, control verbs and purpose clauses."""
        nsubj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not nsubj:  # "Britain and France however have opposed": the subject hung on the auxiliary
            nsubj = [g for c in tok.children if c.dep_ == "aux" and c.i < tok.i
                     for g in c.children if g.dep_ == "nsubj"]
        if nsubj:  # "TBILISI (Reuters) - Georgia lifted …": the dateline is parsed as a second subject
            return _past_dateline(nsubj[-1])
        if tok.pos_ == "NOUN":
            for c in tok.children:
                if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") and \
                        not self._patient_possessive(tok):
                    light = self.light_head(tok) if c.pos_ == "PRON" else None
                    # "Mali and Niger announced their withdrawal": the pronoun is the announcers
                    return (self.subject(light) or c) if light is not None else c
            by = next((p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                       for p in c.children if p.dep_ == "pobj"), None)
            if by is not None:  # "a crackdown by police"
                return by
            light = self.light_head(tok)
            if light is not None:
                return self.subject(light)
            host = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "on") else None
            if host is not None and host.lemma_ in self.lex.words("arrival_verbs"):
                return self.subject(host)  # "X arrived in Algiers for a state visit to Algeria"
            return None
        head = tok.head
        if head is tok:
            return None
        if tok.dep_ == "acomp":  # "Kenya is ready to host": the copula's subject
            return self.subject(head)
        documents = self.lex.words("document_nouns")
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.lemma_.lower() in documents:
            return self.subject(head.head) if head.head is not head else None  # "issued a report accusing X"
        if tok.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            return self.subject(_conj_anchor(tok))
        if tok.dep_ == "xcomp":
            dobj = next((c for c in head.children if c.dep_ == "dobj"), None)
            return dobj or self.subject(head)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "dobj" for c in tok.children):
            return head  # "Israeli airstrikes killed 30 people, officials said": a clause read as a modifier
        if tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBN":
            return None  # a reduced passive ("Peskov, asked about …"): its head is acted on, not acting
        if tok.dep_ == "advcl" and not any(c.dep_ == "mark" for c in tok.children):
            return self.subject(head)
        return None

    def objects(self, tok: Token) -> list[Token]:
        """Direct object, dative and the objects of argument-bearing prepositions, in order."""
        preps = self.lex.words("object_preps")
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ == "dative" and c.pos_ == "ADP":
                out.extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ in ("dobj", "dative", "pobj"):
                out.append(c)
            elif c.dep_ in ("prep", "agent") and c.lemma_ in preps | {"as"}:
                out.extend(p for p in c.children if p.dep_ == "pobj")
        return out

    def prep_objects(self, tok: Token, prep: str) -> list[Token]:
        return [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lemma_ == prep
            for p in c.children
            if p.dep_ == "pobj"
        ]

    # -- triggers -------------------------------------------------------------------------------
    def entry(self, tok: Token) -> dict[str, Any] | None:
        """The lexicon entry that fits the token and its syntax, or None.

        Overrides are tried from the most specific cue to the least: a compound modifier ('hunger
        strike', 'air strike'), a particle ('step down'), the direct object's lemma ('release funds'), a
        preposition's object ('withdraw from the treaty'), then the preposition itself ('call on').
        An override of null means the cue rules the word out ('release a statement').
        """
        if tok.pos_ == "VERB":
            entry = self.lex.verbs.get(tok.lemma_.lower())
        elif tok.pos_ == "NOUN":
            entry = self.lex.nouns.get(tok.lemma_.lower())
            if entry and entry.get("plural_only") and tok.tag_ != "NNS":
                return None
        elif tok.pos_ == "ADJ" and tok.dep_ == "acomp":  # "Pakistan is ready to cooperate": an offer
            entry = self.lex.rules.get("adjectives", {}).get(tok.lemma_.lower())
        else:
            return None
        if entry is None:
            return None
        if entry.get("light_verb_only") and self.light_head(tok) is None:
            return None  # "its agreement with Cuba" recalls a deal; "reached an agreement" makes one
        kids = list(tok.children)
        # "the records that Trump released": the relative pronoun stands for the noun it modifies
        objs = [_through_quantity(_relative_noun(c)) for c in kids if c.dep_ in ("dobj", "nsubjpass")]
        if not objs:  # "allowed a convoy to enter": the infinitive's subject is the verb's object
            objs = [g for c in kids if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                  for a in c.children)
                    for g in c.children if g.dep_ == "nsubj"]
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not objs:
            objs.append(tok.head)  # "a missile fired by the rebels": the modified noun is what was acted on
        child_preps = {c.lemma_.lower() for c in kids if c.dep_ in ("prep", "agent")}
        means = self.prep_objects(tok, "by") + self.prep_objects(tok, "over")  # "spoke by telephone with X"
        child_preps |= {g.lemma_.lower() for m in means for g in m.children if g.dep_ == "prep"}
        child_preps |= {c.lemma_.lower() for o in objs for c in o.children if c.dep_ == "prep"}
        particles = {c.lemma_.lower() for c in kids if c.dep_ == "prt" or (
            c.dep_ in ("advmod", "prep") and c.lower_ in _PARTICLES)}
        cues: list[tuple[str, set[str]]] = [
            ("compounds", {c.lemma_.lower() for c in kids if c.dep_ in ("compound", "amod", "npadvmod")}),
            ("particles", particles),
            ("by_object", {o.lemma_.lower() for o in objs}),
            ("by_pobj", {p.lemma_.lower() for c in kids if c.dep_ == "prep" for p in c.children
                         if p.dep_ == "pobj"}),
            ("preps", child_preps),
        ]
        for key, present in cues:
            for cue, override in entry.get(key, {}).items():
                if cue in present:
                    if override is None:
                        return None
                    base = {k: v for k, v in entry.items()
                            if not k.startswith("requires") and k not in ("objects", "by_source_sector")}
                    entry = {**base, "mode": None, **override, "alt": {}}  # syntax has spoken
                    break
            else:
                continue
            break
        if "requires_prep" in entry and not child_preps & set(entry["requires_prep"]) and not (
            entry.get("or_actor_clause")
            and any(c.dep_ == "ccomp" for c in kids)
            and any(self.actor_of(o) for o in objs)
        ) and not (entry.get("or_own_modal_clause") and self._own_modal_clause(tok)) and not (
            entry.get("or_clause") and any(c.dep_ == "xcomp" for c in kids)  # "pressed China to release"
        ):
            return None
        opinion = "with" in child_preps or any(c.dep_ == "ccomp" for c in kids)
        if "opinion_unless" in entry and opinion and not (
                child_preps & set(entry["opinion_unless"]) or any(c.dep_ in ("xcomp", "dobj") for c in kids)):
            return None  # "agreed with Matthews", "agreed that the rules should change": a view, not a deal
        clauses = {c.lemma_.lower() for c in kids if c.dep_ == "xcomp"}
        if clauses & set(entry.get("by_clause", ())):
            return None  # "declined to comment": no request was turned down
        reflexive = any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in kids)
        if entry.get("type") == "ASSAULT" and reflexive and "up" not in particles:
            return None  # "shot himself", "killing themselves"; "blew himself up" stays an attack
        if entry.get("requires_no_object") and any(c.dep_ == "dobj" for c in kids):
            return None  # "has not demonstrated an ambition": showing, not marching
        if entry.get("requires_no_predicate") and any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in kids):
            return None  # "calling it an example": naming, not a call
        if entry.get("requires_no_score") and _SCORE.search(_clause_text(tok)):
            return None  # "Brazil beat Argentina 2-1": a match, not a beating
        if "requires_pobj" in entry and not any(
            p.lemma_.lower() in entry["requires_pobj"] for c in kids if c.dep_ == "prep" for p in c.children
        ):
            return None
        if "requires_particle" in entry and not particles & set(entry["requires_particle"]):
            return None
        if entry.get("requires_clause") and not any(c.dep_ in ("xcomp", "ccomp") for c in kids):
            return None
        offers = self.lex.words("offer_verbs")
        if entry.get("requires_event_clause") and not any(c.dep_ == "xcomp" and (
                c.lemma_.lower() in offers or self.entry(c) is not None) for c in kids):
            return None  # "ready to cooperate" offers; "willing to flip their support" does not
        if entry.get("requires_object_or_prep") and not (
            child_preps or any(c.dep_ in ("dobj", "nsubjpass") for c in kids)
        ):
            return None
        if "objects" in entry:
            goods = self.prep_objects(tok, "with") if objs and self.actor_of(objs[0]) else []
            found = next((o.lemma_.lower() for o in [*objs, *goods] if o.lemma_.lower() in entry["objects"]),
                         None)  # "provided the Lebanese army with aircraft": the goods follow "with"
            if found is None:  # "the state of emergency", "planes carrying tents": what the object is about
                inner = [t for o in [*objs, *goods] for t in o.subtree if t is not o and t.pos_ == "NOUN"]
                found = next((t.lemma_.lower() for t in inner if t.lemma_.lower() in entry["objects"]), None)
            if found is None:
                return None
            chosen = entry["objects"][found]
            if chosen.get("type", entry["type"]) != entry["type"]:
                entry = {**entry, "mode": None}  # "dispatched planes carrying tents": aid, not troops
            entry = {**entry, **chosen, "thing": found}  # "joined forces": the object is no party
        if entry.get("requires_actor_object") and not any(
            self.actor_of(c) or self.names_people(c) for c in kids if c.dep_ in ("dobj", "nsubjpass")
        ) and not (entry.get("or_weapon_subject") and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in self.lex.words("weapon_subjects") for c in kids
        )):  # "missiles hit an apartment block"
            return None
        if entry.get("theme_persons"):
            theme = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None)
            if self.actor_of(theme) is None:
                return None
        if entry.get("by_tone"):  # "described her as wonderful" praises; "as a disgrace" disparages
            said = " ".join(t.text for o in self.prep_objects(tok, "as") for t in o.subtree)
            score = polarity(said) if said else 0.0
            if abs(score) < _TONE:
                return None
            entry = {**entry, **({} if score > 0 else {"type": "ACCUSE", "mode": "disapprove"})}
        if entry.get("type") is None:
            return None
        return entry

    def code_sentence(self, sent: Span) -> None:
        if not any(ch.islower() for ch in sent.text):
            return  # an all-caps line is a headline or teaser, not body prose
        if _QUESTION.search(sent.text):
            return  # "Did you shoot him?": a question asserts no act
        cands = [(tok, e) for tok in sent if (e := self.entry(tok)) is not None]
        content_types = self.lex.words("content_types")
        heads = {tok.i: e for tok, e in cands if e["type"] in content_types}
        retype = self.lex.rules.get("content_retype", {})
        for tok, entry in cands:
            governing = next((a for a in tok.ancestors if a.i in heads and a.i < tok.i), None)
            if governing is None:
                continue
            new = retype.get(heads[governing.i]["type"], {}).get(entry["type"])
            if new is not None:  # "agreed to withdraw" promises a concession: PLOVER codes CONCEDE
                heads[governing.i] = {**heads[governing.i], "type": new, "mode": None}
        by_index = {tok.i: heads.get(tok.i, entry) for tok, entry in cands}
        object_heads = {tok.i for tok, e in cands if e["type"] in self.lex.words("object_content_types")}
        trigger_at = {tok.i for tok, _e in cands}
        for tok, _entry in cands:
            governing = next((a for a in tok.ancestors if a.i in heads and a.i < tok.i), None)
            if governing is not None:
                continue  # the content of a threat, promise or demand is not an event of its own
            if self._condition_of(tok, trigger_at):
                continue  # "Moscow would expel diplomats if Tallinn did not reverse …": a condition, not news
            if any(a.i in object_heads for a in _object_path(tok)):
                continue  # "lifted the curfew", "halted its offensive": the object is not an event
            if _purpose_clause(tok):
                continue  # "joined forces to fight trafficking": an aim, not an act
            self.code_trigger(tok, by_index[tok.i], sent)

    def code_trigger(self, tok: Token, entry: dict[str, Any], sent: Span) -> None:
        type_, mode = entry["type"], entry.get("mode")
        contexts = list(entry.get("contexts", []))
        threat = self._threat_from_modal(tok, type_)
        if threat is not None:
            speaker, tmode = threat
            target = [a for a in (self.actor_of(o) for o in self._deep_objects(tok)) if a]
            self._add(
                Found(
                    "THREATEN", tmode, tok, sent, [speaker], target[:1], self.factuality(tok, True), contexts
                )
            )
            return
        if type_ == "THREATEN":
            mode = self._threat_mode(tok) or mode or self._threatened_violence(tok)
        if type_ == "CONSULT":
            self._consult(tok, entry, sent, contexts)
            return
        subj = self.subject(tok)
        agent = next(
            (p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None
        )
        passive = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj:pass")), None)
        if passive is None and self._patient_possessive(tok):
            passive = next((c for c in tok.children if c.dep_ == "poss"), None)  # "Navalny's arrest"
        doer = agent if agent is not None else (None if passive else subj)
        if doer is not None and _relative_noun(doer).lemma_.lower() in self.lex.words("hazard_subjects"):
            return  # a typhoon or an epidemic is not an actor: damage it does is no political event
        if doer is not None and self.actor_of(doer) is None:  # "a missile fired by the rebels hit …"
            doer = next((p for c in doer.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                         for p in a.children if p.dep_ == "pobj"), doer)
        by_doer = self.lex.rules.get("doer_retype", {}).get(type_, {})
        if doer is not None and doer.lemma_.lower() in by_doer:  # rioters who burn a van are rioting
            type_, mode = by_doer[doer.lemma_.lower()]
            entry = {**entry, "alt": {}}
        source = self.actor_of(doer)
        if source is None and doer is None and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and \
                type_ == "ASSAULT":
            source = self._modifier_actor(tok)
        partners = [a for a in map(self.actor_of, _conjuncts(doer)) if a and a != source]
        objs = self.objects(tok)
        patient: str | None = None
        target: list[str] = []
        if entry.get("theme"):
            theme = passive if passive is not None else next((o for o in objs if o.dep_ == "dobj"), None)
            patient = self.actor_of(theme)
            dests = self.prep_objects(tok, "to") + (
                self.prep_objects(theme, "to") if theme is not None else []
            )
            target = [a for a in map(self.actor_of, dests) if a]
        else:
            if passive is not None:
                patient = self.actor_of(passive)
                target = [patient] if patient else []
            for o in objs:
                if target:
                    break
                if type_ == "ASSAULT" and o.head.lower_ == "with" and self._is_weapon(o):
                    continue  # "attacked Kharkiv with drones": the instrument, not the other side
                o = _through_quantity(o)
                # "joined forces with X": the object that chose the entry is the act's thing, not a party
                found = None if o.lemma_.lower() == entry.get("thing") else self.actor_of(o)
                if found is None and o.dep_ == "dobj":  # "suspended funding for Niger's government"
                    found = next((a for p in self.objects(o) + self.prep_objects(o, "for")
                                  if (a := self.actor_of(p))), None)
                if found is not None and found != source:
                    target = [found]
        if source is None and passive is not None:
            source = self._clause_agent(tok) or self._chained_source(patient)
            if source is not None and source == patient:
                source = None  # "X was killed after his car stopped": the victim is no doer
        if source is None and tok.pos_ == "NOUN" and entry.get("theme"):  # "the extradition of X from Y"
            whence = self.prep_objects(tok, "from") + [
                f for o in self.prep_objects(tok, "of") for f in self.prep_objects(o, "from")]
            source = next((a for a in map(self.actor_of, whence) if a), None)
        pair = self._pair(doer) if source is None else []
        if pair:  # "the two countries signed": the two states the sentence names
            source, partners = pair[0], pair[1:]
        if source is None and self._unattributed(tok, doer, passive, type_):
            sources: list[str] = []
        elif source is None:
            return
        else:
            sources = [source]
            if partners and not (self.lex.types[type_]["needs_target"] and not target):
                sources += partners  # "Japan and South Korea agreed": joint sources
            by_sector = entry.get("by_source_sector", {}).get(self.sectors.get(source))
            if by_sector is not None:  # teachers who strike stop work; soldiers who strike attack
                type_, mode = by_sector["type"], by_sector.get("mode")
                entry = {**entry, "alt": {}}
        alt = {t: a for t, a in (entry.get("alt") or {}).items()  # a state blocking a plan is not a sit-in
               if self.sectors.get(source) not in a.get("not_source_sectors", ())}
        if alt and (clf := type_classifier()) is not None:
            chosen = clf.choose(sent.text, [type_, *alt])
            if chosen is not None and chosen != type_:  # the word is ambiguous; the sentence decides
                type_, mode = chosen, alt[chosen].get("mode")
        if type_ == "SUPPORT" and _POLL.search(sent.text):
            return  # "has backing from 33 percent", "leads by 19 points": a poll, not an endorsement
        if type_ == "PROTEST" and tok.lemma_.lower() == "rally" and (source or "").startswith("person:"):
            return  # a candidate's rally is campaigning, not protest
        recode = self.lex.rules["recode_by_source_sector"].get(type_, {}).get(self.sectors.get(source))
        if recode is not None:  # a government "protesting" is a verbal act, not collective action
            type_, mode = recode["type"], recode.get("mode")
        if mode is None or mode in _REFINED_BY:
            worded = self._mode_from_words(tok, doer, type_)
            if mode is None or worded in _REFINED_BY[mode]:  # "a suicide bomber blew himself up"
                mode = worded or mode
        armed = any(t.startswith(("state:", "group:")) or self.sectors.get(t) in _ARMED for t in target)
        if type_ == "ASSAULT" and mode is None and tok.lemma_.lower() == "attack" and \
                (source or "").startswith("person:") and not armed:
            type_, mode = "ACCUSE", "disapprove"  # "Reid attacked the Koch brothers from the Senate floor"
        target = [t for t in target if t != source]
        if not target and type_ in self.lex.words("counterpart_types"):
            target = self._counterparts(source)
        if not target and self.lex.types[type_]["needs_target"] and partners:
            target = partners[:1]  # "India and Japan held joint drills": the partner is the other side
        if not target and self.lex.types[type_]["needs_target"]:
            prev = next((f for f in reversed(self.found) if f.type == type_ and f.target), None)
            if prev is not None:
                target = list(prev.target)
            elif not self._named_other_side(tok, objs):
                return
        self._add(
            Found(
                type_,
                mode,
                tok,
                sent,
                sources,
                target,
                self.factuality(tok, type_ == "THREATEN"),
                contexts,
                patient,
            )
        )

    def _patient_possessive(self, tok: Token) -> bool:
        """ "Kennedy's assassination", "his release": the possessive of these nouns is who the act befell,
        unless an of-phrase names that ("Russia's expulsion of diplomats")."""
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in self._patient_nouns and \
            not self.prep_objects(tok, "of")

    def _modifier_actor(self, tok: Token) -> str | None:
        """An actor named by the noun's own modifiers ("a Ukrainian drone strike", "Israeli air raids")."""
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
                found = actor_overlapping(self.actor_at, c.idx, c.idx + len(c)) or self._modifier_actor(c)
                if found is not None:
                    return found
        return None

    def _is_weapon(self, tok: Token) -> bool:
        word = tok.lemma_.lower()
        return word in self.lex.words("weapon_subjects") or word in self.lex.rules["mode_words"]["ASSAULT"]

    def names_people(self, tok: Token | None) -> bool:
        """Unnamed people ('four men', 'an opposition leader', 'dozens of protesters'): someone was acted
        on although no actor resolves from the phrase."""
        if tok is None:
            return False
        head = _through_quantity(tok)
        return head.lemma_.lower() in self._person_nouns or head.ent_type_ == "PERSON"

    def _named_other_side(self, tok: Token, objs: list[Token]) -> bool:
        """The other side is named but not an actor the actors stage resolved ('imports of Japanese
        seafood', 'shelter to Syrians', 'sentenced four men'): the event stands, with an empty target."""
        patients = objs + [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj:pass")]
        if any(self.names_people(o) for o in patients):
            return True
        hosts = [tok, *([light] if (light := self.light_head(tok)) is not None else [])]
        near = [t for o in objs for t in o.subtree] + [
            t for h in hosts for c in h.children if c.dep_ in ("prep", "dative") or (
                c.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children)) for t in c.subtree
        ]  # "announced aid to help people in Somalia"
        if any(t.ent_type_ in ("NORP", "GPE") for t in near):
            return True
        doer = self.subject(tok)  # "French and Moroccan navies held joint exercises"
        if doer is None:
            return False
        return len({t.text for t in doer.subtree if t.ent_type_ in ("NORP", "GPE")}) >= 2

    def _unattributed(self, tok: Token, doer: Token | None, passive: Token | None, type_: str) -> bool:
        """An act reported without its doer ('ten people were killed', 'a car bomb killed ten',
        'thousands marched'): kept with no source for the types news reports that way, and only on a
        verb trigger, since a bare noun ('during the protest') is usually background."""
        if type_ not in self.lex.words("unattributed_types"):
            return False
        if tok.pos_ == "NOUN":  # "protests erupted", "rioters staged a riot": a noun that is the news
            if tok.dep_ == "nsubj" and tok.head.lemma_ in self.lex.words("happening_verbs"):
                return doer is None
            acts = any(c.dep_ == "dobj" for c in tok.head.children)
            if tok.dep_ == "nsubj" and type_ == "ASSAULT" and acts:
                return doer is None  # "a drone strike set a refinery ablaze": the attack is the news
            if self.light_head(tok) is None:
                return False
            return doer is not None and doer.pos_ in ("NOUN", "NUM") and self.actor_of(doer) is None
        if tok.pos_ != "VERB":
            return False
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        misread = tok.dep_ == "acl" and any(c.dep_ == "dobj" for c in tok.children)  # see subject()
        if tok.dep_ in ("xcomp", "pcomp") or (tok.dep_ == "acl" and not misread) or infinitive:
            return False  # "threats to deploy", "plans to strike": intentions, coded by their heads
        if doer is None:
            return passive is not None
        return doer.pos_ in ("NOUN", "NUM", "PRON") and self.actor_of(doer) is None

    def _mode_from_words(self, tok: Token, doer: Token | None, type_: str) -> str | None:
        """A mode named by a word near the trigger: 'drone' in 'a drone strike', 'teachers' → strike."""
        words = self.lex.rules.get("mode_words", {}).get(type_)
        if not words:
            return None
        near = list(tok.subtree) + (list(doer.subtree) if doer is not None else [])
        for t in near:
            mode = words.get(t.lemma_.lower()) or words.get(t.lower_)
            if mode:
                return str(mode)
        return None

    def _consult(self, tok: Token, entry: dict[str, Any], sent: Span, contexts: list[str]) -> None:
        """All parties are sources (a visit: visitor source, host target); too few parties → evidence of
        the article's earlier meeting or nothing."""
        subj = self.subject(tok)
        parties = [self.actor_of(subj), *(self.actor_of(c) for c in _conjuncts(subj))]
        others = self.objects(tok)
        light = self.light_head(tok)
        if light is not None:
            others += self.prep_objects(light, "with")
        others += [p for o in list(others) for p in self.prep_objects(o, "between") + _conjuncts(o)]
        others += [p for p in self.prep_objects(tok, "between") for p in [p, *_conjuncts(p)]]
        others += [w for m in self.prep_objects(tok, "by") + self.prep_objects(tok, "over")
                   for w in self.prep_objects(m, "with")]  # "spoke by telephone with X"
        if subj is not None:  # "negotiators from Armenia and Azerbaijan"
            for f in self.prep_objects(subj, "from") + self.prep_objects(subj, "of"):
                parties += [self.actor_of(x) for x in (f, *_conjuncts(f))]
        parties += [self.actor_of(o) for o in others]
        excluded = self.lex.words("consult_excluded_sectors")
        uniq = list(dict.fromkeys(p for p in parties if p and self.sectors.get(p) not in excluded))
        mode = entry.get("mode")
        phone = self.lex.words("phone_words")
        near = [c for c in tok.children] + [g for c in tok.children if c.dep_ == "prep" for g in c.children]
        if any(c.lemma_.lower() in phone for c in near) or tok.lemma_.lower() in phone:
            mode = "phone"
        if len(uniq) < 2:
            prev = next(
                (f for f in reversed(self.found) if f.type == "CONSULT" and set(uniq) <= set(f.source)), None
            )
            if prev is not None:
                prev.evidence.append(tok)
                prev.mode = prev.mode or mode
                return
            counterpart = self.lex.words("counterpart_nouns")
            named = [o for o in [*others, *_conjuncts(subj)] if o.lemma_.lower() in counterpart
                     or o.ent_type_ in ("NORP", "GPE") or any(t.ent_type_ == "NORP" for t in o.children)]
            if len(uniq) == 1 and (named or (subj is not None and subj.tag_ == "NNS" and any(
                    t.ent_type_ == "NORP" for t in subj.subtree))):  # "met his Indian counterpart"
                self._add(Found("CONSULT", mode, tok, sent, uniq, [], self.factuality(tok, False), contexts))
            return
        source, target = uniq, []
        if mode == "visit" and entry.get("host_is_subject"):
            source, target = uniq[1:], uniq[:1]
        elif mode == "visit":
            source, target = uniq[:1], uniq[1:]
        self._add(Found("CONSULT", mode, tok, sent, source, target, self.factuality(tok, False), contexts))

    def _threat_from_modal(self, tok: Token, type_: str) -> tuple[str, str] | None:
        """'X suggested the US could strike …': a modal act under a speech verb is X's threat."""
        by_type = self.lex.rules["threat_modes"]["by_type"]
        if type_ not in by_type or not any(
            c.dep_ == "aux" and c.lower_ in self.lex.words("modals") | {"will"} for c in tok.children
        ):
            return None
        actor = self.actor_of(self.subject(tok))
        for anc in tok.ancestors:
            if anc.lemma_ in self.lex.words("speech_verbs"):
                speaker = self.actor_of(self.subject(anc))
                same_side = actor == speaker or (
                    actor is not None and self.countries.get(actor) == self.countries.get(speaker)
                )
                if speaker is not None and same_side:
                    by_word = self.lex.rules["threat_modes"]["by_word"]
                    return speaker, str(by_word.get(tok.lemma_.lower(), by_type[type_]))
                return None
        return None

    def _pair(self, doer: Token | None) -> list[str]:
        """'the two countries', 'both sides': two states named in the sentence, else the parties of the
        article's latest two-sided event."""
        if doer is None or doer.lemma_.lower() not in self.lex.words("pair_nouns") or not any(
            c.lower_ in ("two", "both") for c in doer.children
        ):
            return []
        sent = doer.sent
        named = [a for s, _e, a in self.actor_at if sent.start_char <= s < sent.end_char]
        states = list(dict.fromkeys(a for a in named if a.split(":", 1)[0] in ("state", "gov")))
        if len(states) == 2:
            return states
        prev = next((f for f in reversed(self.found) if len(f.source + f.target) == 2), None)
        return list(prev.source + prev.target) if prev is not None else []

    def _own_modal_clause(self, tok: Token) -> bool:
        """'X warned that it would take military action': the speaker's own future act is a threat."""
        for c in tok.children:
            future = any(a.dep_ == "aux" and a.lower_ in ("will", "would") for a in c.children)
            if c.dep_ != "ccomp" or not future:
                continue
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in ("it", "we", "they"):
                return True
            if subj is not None and self.actor_of(subj) is not None and (
                self.actor_of(subj) == self.actor_of(self.subject(tok))
            ):
                return True
        return False

    def _condition_of(self, tok: Token, trigger_at: set[int]) -> bool:
        """The trigger sits in an if/unless clause that conditions another trigger."""
        marks = self.lex.words("conditional_marks")
        for t in [tok, *tok.ancestors]:
            if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in t.children):
                return any(a.i in trigger_at for a in t.ancestors)
        return False

    def _deep_objects(self, tok: Token) -> list[Token]:
        """Objects of the act and of its purpose clause ('strike targets to combat them')."""
        out = self.objects(tok)
        for c in tok.children:
            if c.dep_ in ("advcl", "xcomp"):
                out += self.objects(c)
        return out

    def _threat_mode(self, tok: Token) -> str | None:
        by_word = self.lex.rules["threat_modes"]["by_word"]
        for t in tok.subtree:
            if t is not tok and t.lemma_.lower() in by_word:
                return str(by_word[t.lemma_.lower()])
        return None

    def _threatened_violence(self, tok: Token) -> str | None:
        """'threatened to launch a ground offensive': an armed act in the threat's own content (not in
        an if-clause of it) makes the mode violence."""
        marks = self.lex.words("conditional_marks")
        for t in tok.subtree:
            if t is tok or (e := self.entry(t)) is None or e["type"] not in ("ASSAULT", "MOBILIZE"):
                continue
            between = [a for a in t.ancestors if a.i != tok.i and tok in a.ancestors]
            conditional = (any(m.dep_ == "mark" and m.lower_ in marks for m in a.children)
                           for a in [t, *between])
            if not any(conditional):
                return "violence"
        return None

    def _clause_agent(self, tok: Token) -> str | None:
        """'Y was arrested after X closed in': the subject of an after/as/when clause acts."""
        marks = self.lex.words("agent_clause_marks")
        for c in tok.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
                found = self.actor_of(self.subject(c))
                if found is not None:
                    return found
        return None

    def _counterparts(self, source: str) -> list[str]:
        """A pledge made by a party of an earlier meeting or call is addressed to the other parties."""
        prev = next((f for f in reversed(self.found) if f.type == "CONSULT" and source in f.source), None)
        return [p for p in prev.source + prev.target if p != source] if prev is not None else []

    def _chained_source(self, patient: str | None) -> str | None:
        """A passive act with no agent on someone an earlier event acted on: that event's source."""
        if patient is None:
            return None
        prev = next((f for f in reversed(self.found) if f.source and f.source[0] != patient
                     and (patient in f.target or patient == f.patient)), None)
        return prev.source[0] if prev is not None else None

    # -- factuality -----------------------------------------------------------------------------
    def factuality(self, tok: Token, is_threat: bool) -> str:
        lex = self.lex
        chain = [tok, *tok.ancestors]
        verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass") else tok
        verb = self.light_head(tok) or verb
        if any(c.dep_ == "neg" for t in (tok, verb) for c in t.children) or any(
            a.lemma_ in lex.words("negation_verbs") for a in tok.ancestors
        ) or any(c.dep_ in ("dobj", "nsubj") and c.lower_ in _NOTHING for c in verb.children):
            return "negated"  # "did not meet", "denied meeting", "has proposed nothing"
        clause_marks = {m.lower_ for t in chain for m in t.children if m.dep_ == "mark"}
        hosts = [verb]  # "may begin withdrawing", "could try to impose": the modal sits on a governing verb
        while hosts[-1].dep_ == "xcomp" and hosts[-1].head is not hosts[-1]:
            hosts.append(hosts[-1].head)
        if not is_threat and (
            any(c.dep_ == "aux" and c.lower_ in lex.words("modals") for h in hosts for c in h.children)
            or clause_marks & lex.words("conditional_marks")
        ):
            return "hypothetical"
        for anc in tok.ancestors:
            if anc.lemma_ in lex.words("speech_verbs"):
                speaker = self.actor_of(self.subject(anc))
                if self.sectors.get(speaker) in lex.words("reporting_sectors"):
                    return "reported"
                break
        for t in chain:
            if (
                t.dep_ == "advcl"
                and t.tag_ in ("VBD", "VBN")
                and any(m.dep_ == "mark" and m.lower_ in lex.words("historical_marks") for m in t.children)
            ):
                return "historical"
        if in_after_phrase(chain) or referenced_act(chain):
            return "historical"
        heads = [h for h in dict.fromkeys((tok, verb)) if subordinate(h)]
        if any(recollected_time(h, self._article_year()) for h in heads):
            return "historical"
        reported_speech = any(a.lemma_ in lex.words("speech_verbs") for a in tok.ancestors)
        past_perfect = (
            any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and verb.tag_ == "VBN"
        )
        if past_perfect and not reported_speech:  # "he said he had held" is the news, in indirect speech
            return "historical"
        return "asserted"

    def _article_year(self) -> int | None:
        date = self.record.article.published.date or ""
        return int(date[:4]) if date[:4].isdigit() else None

    # -- output ---------------------------------------------------------------------------------
    def _add(self, ev: Found) -> None:
        """Same type and actor sets as an earlier event: one event, this trigger as extra evidence."""
        key = self._key(ev)
        for prev in self.found:
            if self._key(prev) == key:
                prev.evidence.append(ev.trigger)
                if prev.mode is None or ev.mode in _REFINED_BY.get(prev.mode, ()):
                    prev.mode = ev.mode or prev.mode  # keep the more specific mode
                return
        self.found.append(ev)

    @staticmethod
    def _key(ev: Found) -> tuple[Any, ...]:
        if ev.type == "CONSULT":
            return (ev.type, frozenset(ev.source + ev.target))
        return (ev.type, frozenset(ev.source), frozenset(ev.target))

    def contexts(self, ev: Found) -> list[str]:
        out = list(self.lex.rules["type_contexts"].get(ev.type, [])) + ev.contexts
        text = ev.sentence.text.lower()
        for ctx, words in self.lex.rules["word_contexts"].items():
            if any(w in text for w in words):
                out.append(ctx)
        return list(dict.fromkeys(out))

    def records(self, times: list[TimeExpr]) -> list[dict[str, Any]]:
        out = []
        for n, ev in enumerate(self.found, 1):
            trig, sent = ev.trigger, ev.sentence
            rec: dict[str, Any] = {
                "id": f"e{n}",
                "type": ev.type,
                "mode": ev.mode,
                "contexts": self.contexts(ev),
                "source": ev.source,
                "target": ev.target,
                "factuality": ev.factuality,
                "date": _not_after_publication(
                    _calendar(resolve_event_date(times, sent.start_char, sent.end_char, trig.idx)),
                    self.record.article.published.date, ev.factuality,
                ),
                "place": None,
                **self.lex.scores(ev.type, ev.mode),
                "trigger": _span(trig),
                "sentence": {"start": sent.start_char, "end": sent.end_char},
            }
            if ev.evidence:
                rec["evidence"] = [_span(t) for t in ev.evidence]
            out.append(rec)
        return out


_REFINED_BY: dict[str, frozenset[str]] = {"explosives": frozenset({"suicide-attack"})}
"""A mode and the more specific modes that replace it when the sentence names them."""

_QUANTITIES = frozenset({"hundred", "thousand", "dozen", "million", "billion", "ton", "tonne", "number",
                         "batch", "group", "pair", "shipment", "consignment", "package", "some", "several"})


_ARMED = frozenset({"MIL", "REB", "UAF", "COP", "SPY", "CRM"})  # sectors whose being attacked is no metaphor
_POLL = re.compile(r"\d\s*(?:%|percent\b|per cent\b|(?:percentage )?points\b)", re.IGNORECASE)
_TONE = 0.3  # |VADER compound| a description needs to count as praise or criticism
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "yourself", "myself", "ourselves"})
_NOTHING = frozenset({"nothing", "nobody", "none", "no-one"})
_QUESTION = re.compile(r"\?[\"'”’)\]]*\s*$")
_SCORE = re.compile(r"(?<![\d.,])\d{1,3}\s?(?:[-–]|percent to|points? to)\s?\d{1,3}(?![\d.,%])")


def _clause_text(tok: Token) -> str:
    return tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text


def _purpose_clause(tok: Token) -> bool:
    """The trigger heads an infinitive of purpose attached to another verb ("... to fight trafficking")."""
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _through_quantity(tok: Token) -> Token:
    """'hundreds of prisoners' → prisoners: the counted noun stands for the object."""
    if tok.lemma_.lower() in _QUANTITIES or tok.pos_ == "NUM":
        of = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"), None)
        if of is not None:
            return of
    return tok


def _relative_noun(tok: Token) -> Token:
    """'which'/'that' as a subject: the noun its relative clause modifies."""
    if tok.tag_ in ("WDT", "WP"):
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is not None:
            return clause.head
    return tok


def _past_dateline(subj: Token) -> Token:
    """'DHAKA (Reuters) - Bangladeshi Prime Minister Sheikh Hasina resigned': a dateline parsed as the
    subject, with the real subject as its appositive, gives way to the appositive."""
    sent = subj.sent
    if subj.i - sent.start > 1 or not subj.text.isupper():
        return subj
    dash = next((t for t in sent[: min(len(sent), 12)] if t.text in ("-", "\u2014", "\u2013", "--")), None)
    if dash is None or dash.i < subj.i:
        return subj
    after = next((c for c in subj.children if c.dep_ == "appos" and c.i > dash.i), None)
    return after if after is not None else subj


def _object_path(tok: Token) -> list[Token]:
    """The heads a noun is the object of, through objects, prepositions and noun modifiers only."""
    out = []
    while tok.dep_ in ("dobj", "pobj", "prep", "nsubjpass", "compound", "conj") and tok.head is not tok:
        tok = tok.head
        out.append(tok)
    return out


def _conjuncts(tok: Token | None) -> list[Token]:
    """'X and Y': the other coordinated heads of a noun phrase."""
    return [c for c in tok.conjuncts if c.pos_ in ("PROPN", "NOUN")] if tok is not None else []


def _conj_anchor(tok: Token) -> Token:
    """The verb a conjunct shares its subject with. The parser often hangs 'X said A and suggested B'
    on A (a complement clause); when the conjunct's form matches the outer verb's and not A's, or a
    closing quote separates them, the outer verb is the real partner."""
    head = tok.head
    if head.dep_ != "ccomp" or head.head is head:
        return head
    outer = head.head

    def form(t: Token) -> tuple[str, tuple[str, ...]]:
        return t.tag_, tuple(sorted(c.lower_ for c in t.children if c.dep_ == "aux"))

    if form(tok) != form(outer):
        return head
    between = tok.doc[head.i + 1 : tok.i]
    if form(tok) != form(head) or any(t.text in ("\u201d", '"') for t in between):
        return outer
    return head


_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _not_after_publication(date: dict[str, Any], published: str | None, factuality: str) -> dict[str, Any]:
    """An act the article reports as done (a threat, a promise, a call) cannot postdate the article: a later
    date in its sentence names the announced act ("threatened to impose tariffs from Dec. 1"), not this
    event. Hypothetical and threatened acts may lie ahead, so they keep it."""
    value = date.get("value")
    if factuality in ("hypothetical", "threatened") or not value or not published:
        return date
    value, published = str(value), published[:10]
    if not (_ISO.match(value) and _ISO.match(published)):
        return date
    n = min(len(value), len(published))
    if value[:n] <= published[:n]:
        return date
    said = date.get("evidence", {}).get("text", value)
    return {**date, "value": None, "precision": None,
            "reason": f"{said!r} dates the announced act, after publication"}


def _calendar(date: dict[str, Any]) -> dict[str, Any]:
    """Only calendar values date an event; 'recently' (PAST_REF) leaves it undated, with the reason."""
    value = date.get("value")
    if value is not None and "T" in str(value)[10:11]:  # a part of a day still dates the event by day
        return {**date, "value": str(value)[:10], "precision": "day"}
    if value is None or str(value)[:1].isdigit():
        return date
    return {**date, "value": None, "precision": None, "reason": f"only a vague reference ({value})"}


def _span(tok: Token) -> dict[str, Any]:
    return {"start": tok.idx, "end": tok.idx + len(tok), "text": tok.text}


def body_times(record: ArticleRecord) -> list[TimeExpr]:
    """The temporal stage's body times as TimeExpr, the input type of its event-date helper."""
    keys = ("text", "start", "end", "type", "value", "precision", "reason", "cue")
    return [TimeExpr(**{k: t.get(k) for k in keys}) for t in record.times if t.get("field") in (None, "body")]


def code_events(record: ArticleRecord, doc: Doc) -> list[dict[str, Any]]:
    """All events of the body Doc as event records (ids e1, e2 … in text order)."""
    coder = Coder(record, doc)
    for sent in doc.sents:
        coder.code_sentence(sent)
    return coder.records(body_times(record))
