"""Background acts: what a news sentence recalls rather than reports, coded with factuality "historical".

Three signals, each tied to the clause the trigger sits in, never to the sentence as a whole, so the main
news event of a sentence is not marked by what its subordinate clauses say:

* a recollecting time on the trigger's own clause, when that clause is subordinate (a relative,
  adverbial or participle clause; "Pakistan deported 20,000 Afghans last month, the agency said" is the
  news of its article): "last year", "earlier this month", "in 2019" (a year
  before the article's), "three years ago";
* an after/since/following phrase the trigger sits in ("after criticising the war", "following the
  attack"); finite after/since clauses are the lexicon's `historical_marks` rule in code.py;
* a relative clause on a referenced act: "for the attack in Kashmir that killed 26 tourists" — the head
  noun names an act and is the object of a preposition, so the clause describes an earlier event the
  sentence refers to. "Russia launched missiles that killed 14" is not background: the head is the
  main verb's object, the same act.

Past perfect alone is not a signal here ("troops had shelled Y, X said" is the news in indirect speech).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

_LAST = frozenset({"last", "previous", "past"})
_SPANS = frozenset({"year", "month", "week", "decade", "spring", "summer", "autumn", "fall", "winter"})
_LONG_SPANS = frozenset({"year", "month", "decade", "spring", "summer", "autumn", "fall", "winter"})
_MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
})  # fmt: skip
_AGO_SPANS = frozenset({"year", "years", "month", "months", "decade", "decades"})
_AFTER_PREPS = frozenset({"after", "since", "following"})
_REFERRING_PREPS = frozenset({"for", "over", "after", "since", "following", "about", "into", "against", "of"})
_ACT_NOUNS = frozenset({
    "attack", "bombing", "blast", "explosion", "raid", "strike", "airstrike", "massacre", "shooting",
    "assault", "ambush", "coup", "crackdown", "collapse", "invasion", "offensive", "war", "clash",
    "clashes", "fighting", "killing", "killings", "incident", "violence", "riot", "riots", "ban",
    "sanctions", "arrest", "arrests", "detention", "abduction", "kidnapping", "fire", "crash",
})  # fmt: skip
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def recollected_time(head: Token, article_year: int | None) -> bool:
    """The clause headed by `head` carries a time that places the act before the article's news."""
    for c in head.children:
        if c.dep_ in ("npadvmod", "tmod", "obl:tmod") and _past_span(c):
            return True
        if c.dep_ == "advmod" and c.lower_ == "ago" and any(g.lower_ in _AGO_SPANS for g in c.subtree):
            return True
        if c.dep_ == "advmod" and c.lower_ == "earlier" and any(
            g.dep_ == "npadvmod" and g.lemma_.lower() in _LONG_SPANS for g in c.children
        ):
            return True  # "earlier this month"
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if _past_span(p):
                    return True  # "in the previous year"
                years = [int(t.text) for t in p.subtree if _YEAR.match(t.text)]
                months_only = p.lower_ in _MONTHS and not years
                if years and not months_only and (article_year is None or max(years) < article_year):
                    return True
    return False


def _past_span(t: Token) -> bool:
    """'last year', 'the previous month', 'earlier this year', 'two years ago'."""
    lemma = t.lemma_.lower()
    if lemma in _SPANS and lemma != "week" and any(c.lower_ in _LAST for c in t.children):
        return True
    if lemma in _LONG_SPANS and any(c.lower_ == "earlier" for c in t.children):
        return True
    return lemma in _AGO_SPANS and any(c.lower_ == "ago" for c in t.children)


def in_after_phrase(chain: list[Token]) -> bool:
    """The trigger or a clause above it is the object of after/since/following ('after criticising',
    'following the attack'): an earlier act the news comes after."""
    for t in chain:
        if t.dep_ in ("pcomp", "pobj") and t.head.dep_ == "prep" and t.head.lower_ in _AFTER_PREPS:
            return True
    return False


def referenced_act(chain: list[Token]) -> bool:
    """A relative clause ('that killed 26 tourists') on an act noun the sentence refers to through a
    preposition ('for the attack', 'over the collapse')."""
    for t in chain:
        if t.dep_ not in ("relcl", "acl"):
            continue
        noun = t.head
        if noun.lemma_.lower() not in _ACT_NOUNS and noun.lower_ not in _ACT_NOUNS:
            continue
        if noun.dep_ == "pobj" and noun.head.lower_ in _REFERRING_PREPS:
            return True
    return False


_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "pcomp", "appos"})


def subordinate(head: Token) -> bool:
    """The clause headed by `head` (or the clause it is a conjunct of) is a relative, adverbial or
    participle clause, not the sentence's main clause or a reported clause."""
    t = head
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.pos_ == "NOUN":
        return False
    return t.dep_ in _SUBORDINATE
