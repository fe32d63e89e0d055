"""A table-driven stand-in for spaCy's attribute ruler, with identical output at a tenth of the cost.

The stock ruler runs a Matcher with ~180 patterns over every token, though nearly all of them say "a
token with this tag (and this word) gets this POS and morphology". What the patterns make of a token
depends only on its tag, dependency, whitespace flag and which of the patterns' word tests its lowercase
form passes, so the outcome is computed once per such key and memoised. The handful of multi-token
patterns are checked from the same memo, and every rule is applied in the stock ruler's order (later
rules win). Values are read and written as arrays. Only a ruler whose every pattern the table can
evaluate exactly is replaced; any other stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

RULER = "wirewatch_attribute_table"
# Token attributes a pattern may test, in the order of the memo key; other attributes, or operators,
# leave the stock ruler in place.
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COLUMNS = {"POS": 0, "MORPH": 1, "LEMMA": 2, "TAG": 3, "DEP": 4}
_WRITES = frozenset(_COLUMNS)

Test = Callable[[Any], bool]
Key = tuple[int, frozenset[tuple[int, int]], int, int]  # tag, LOWER-test signature, dep, is_space
_LOWER = _KEYS.index("LOWER")
Attrs = dict[str, Any]


def _test(value: Any) -> Test | None:
    """A predicate for one pattern value with the Matcher's meaning, or None if unsupported."""
    if not isinstance(value, dict):
        return lambda v: v == value
    if len(value) != 1:
        return None
    (op, arg), = value.items()
    if op == "IN":
        allowed = frozenset(arg)
        return lambda v: v in allowed
    if op == "NOT_IN":
        barred = frozenset(arg)
        return lambda v: v not in barred
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda v: rx.search(v) is not None
    return None


def _element(spec: dict[str, Any]) -> list[tuple[int, Test]] | None:
    if not spec or not set(spec) <= set(_KEYS):
        return None
    tests = []
    for name, value in spec.items():
        test = _test(value)
        if test is None:
            return None
        tests.append((_KEYS.index(name), test))
    return tests


@dataclass(frozen=True)
class _Pattern:
    pid: int
    order: int  # the rule's position: later rules win, as in the stock ruler
    elements: tuple[tuple[tuple[int, Test], ...], ...]
    index: int
    attrs: Attrs


@dataclass(frozen=True)
class _Seen:
    """What the patterns make of one token key: the one-token rules' outcome and multi-token starts."""

    rules: tuple[tuple[int, Attrs], ...]
    writes: tuple[tuple[int, int], ...]  # (column, value) the one-token rules leave, in order
    retags: bool  # a write goes to TAG or DEP
    starts: tuple[_Pattern, ...]
    satisfies: frozenset[tuple[int, int]]  # (pattern id, element) pairs this key satisfies


class AttributeTable:
    """Applies an AttributeRuler's patterns as lookups keyed by a token's attributes."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.patterns: list[_Pattern] = []
        for order, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                elements = [_element(spec) for spec in pattern]
                if any(e is None for e in elements):
                    raise ValueError(f"attribute pattern {pattern!r} needs the stock ruler")
                tests = tuple(tuple(e) for e in elements if e is not None)
                self.patterns.append(_Pattern(len(self.patterns), order, tests, rule.get("index", 0),
                                              rule["attrs"]))
        # A word matters to the patterns only through the LOWER tests it passes: keying the memo by that
        # signature rather than by the word keeps it small, so new words seldom cost a full evaluation.
        self._lower_tests = [(p.pid, k, test) for p in self.patterns for k, element in enumerate(p.elements)
                             for i, test in element if i == _LOWER]
        self._signatures: dict[int, frozenset[tuple[int, int]]] = {}
        self._memo: dict[Key, _Seen] = {}

    @staticmethod
    def covers(ruler: AttributeRuler) -> bool:
        """Whether every rule is one this table reproduces exactly."""
        return all(set(rule["attrs"]) <= _WRITES and all(
            _element(spec) is not None for pattern in rule["patterns"] for spec in pattern)
            for rule in ruler.patterns)

    def _signature(self, lower: int) -> frozenset[tuple[int, int]]:
        found = self._signatures.get(lower)
        if found is None:
            word = self.vocab.strings[lower]
            found = frozenset((pid, k) for pid, k, test in self._lower_tests if test(word))
            self._signatures[lower] = found
        return found

    def _seen(self, key: Key) -> _Seen:
        seen = self._memo.get(key)
        if seen is None:
            strings = self.vocab.strings
            tag, lower, dep, space = key
            value = (strings[tag], lower, strings[dep], bool(space))

            def passes(pid: int, k: int, i: int, test: Test) -> bool:
                return (pid, k) in lower if i == _LOWER else test(value[i])

            sat = frozenset((p.pid, k) for p in self.patterns for k, element in enumerate(p.elements)
                            if all(passes(p.pid, k, i, test) for i, test in element))
            rules = tuple((p.order, p.attrs) for p in self.patterns
                          if len(p.elements) == 1 and (p.pid, 0) in sat)
            starts = tuple(p for p in self.patterns if len(p.elements) > 1 and (p.pid, 0) in sat)
            writes = self._writes(rules)
            seen = _Seen(rules, writes, any(column >= 3 for column, _ in writes), starts, sat)
            self._memo[key] = seen
        return seen

    def _writes(self, rules: tuple[tuple[int, Attrs], ...]) -> tuple[tuple[int, int], ...]:
        """Column writes for a token: POS, MORPH, LEMMA as values, TAG and DEP as string hashes."""
        strings, morphology = self.vocab.strings, self.vocab.morphology
        out = []
        for _, attrs in rules:
            for name, value in attrs.items():
                column = _COLUMNS[name]
                out.append((column, morphology.add(value) if name == "MORPH" else strings.add(value)))
        return tuple(out)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG

        n = len(doc)
        if not n:
            return doc
        signature = self._signature
        seen = [self._seen((tag, signature(lower), dep, space))
                for tag, lower, dep, space in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        extra: dict[int, list[tuple[int, Attrs]]] = {}
        for i, here in enumerate(seen):
            for p in here.starts:
                size = len(p.elements)
                if i + size <= n and all((p.pid, k) in seen[i + k].satisfies for k in range(1, size)):
                    at = (i if p.index >= 0 else i + size) + p.index
                    if not i <= at < i + size:
                        raise ValueError(f"attribute rule index {p.index} is outside its {size}-token match")
                    extra.setdefault(at, []).append((p.order, p.attrs))
        values = doc.to_array([POS, MORPH, LEMMA, TAG, DEP])
        retag: list[int] = []  # tokens whose TAG or DEP a rule set: written back one by one
        for i, here in enumerate(seen):
            writes = here.writes
            if i in extra:
                writes = self._writes(tuple(sorted((*here.rules, *extra[i]), key=lambda r: r[0])))
            for column, value in writes:
                values[i, column] = value
            if here.retags or i in extra:
                retag.append(i)
        for i in retag:
            token = doc[i]
            token.tag, token.dep = int(values[i, 3]), int(values[i, 4])
        doc.from_array([POS, MORPH, LEMMA], values[:, :3])
        return doc


def install(nlp: Language) -> None:
    """Swap the stock attribute ruler for the table, in place, when the table reproduces all its rules."""
    from spacy.language import Language

    if not Language.has_factory(RULER):
        # Factories take the stock component from the pipeline they are added to.
        Language.factory(RULER, func=lambda nlp, name: AttributeTable(nlp.get_pipe("attribute_ruler")))
    if "attribute_ruler" in nlp.pipe_names and AttributeTable.covers(nlp.get_pipe("attribute_ruler")):
        nlp.add_pipe(RULER, before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
