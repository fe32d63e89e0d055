"""The table-driven attribute ruler gives spaCy's own annotations, and the model's matrix backend."""

from __future__ import annotations

import pytest

from wirewatch.nlp import attributes
from wirewatch.nlp.model import load_model

# Written for these tests: contractions and slang the multi-token rules handle, "there is" (the
# expletive rule), auxiliaries, determiners used as pronouns, and runs of whitespace.
TEXTS = [
    "The port authority said on Tuesday that it ain't gonna reopen the northern terminal.",
    "Y'all know there are three ships waiting, and that is nothin' new, the captain said.",
    "Let's be clear: those were warnings, not threats.  \n\n  Officials haven't commented.",
    "C'mon, the mayor told reporters. We gotta get the water back before Friday.",
    "Which of these did the ministry approve? That remains unclear.",
    "   ",
    "",
]


def _annotations(nlp_texts: list) -> list[list[tuple]]:
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]
            for doc in nlp_texts]


def test_table_replaces_the_stock_ruler() -> None:
    names = load_model().pipe_names
    assert attributes.RULER in names and "attribute_ruler" not in names
    assert "attribute_ruler" in load_model(fast=False).pipe_names


def test_table_and_stock_ruler_annotate_alike() -> None:
    fast, stock = load_model(), load_model(fast=False)
    twice = TEXTS * 2  # the second pass runs from the memo
    assert _annotations(list(fast.pipe(twice))) == _annotations(list(stock.pipe(twice)))


def test_table_applies_multi_token_rules_in_rule_order() -> None:
    doc = load_model()("They're gonna wait, and there is no plan.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["gon"], lemmas["na"]) == ("go", "to")
    assert doc[[t.text for t in doc].index("is")].pos_ == "VERB"  # after expletive "there"


def test_unsupported_patterns_keep_the_stock_ruler() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "Mr", "OP": "?"}, {"TEXT": "X"}]], {"LEMMA": "x"})
    attributes.install(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_table_refuses_a_pattern_it_cannot_evaluate() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "NOUN"})
    assert not attributes.AttributeTable.covers(ruler)
    with pytest.raises(ValueError, match="needs the stock ruler"):
        attributes.AttributeTable(ruler)


def test_model_layers_multiply_through_numpy_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch.nlp import model

    assert load_model().get_pipe("tok2vec").model.ops.use_blis is False
    monkeypatch.setenv(model.GEMM_BACKEND_ENV, "blis")
    assert model._use_blis() is True
    monkeypatch.setenv(model.GEMM_BACKEND_ENV, "fortran")
    with pytest.raises(ValueError, match="must be 'numpy' or 'blis'"):
        model._use_blis()
