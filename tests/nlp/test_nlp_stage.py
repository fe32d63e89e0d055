"""The nlp stage: one model load, Docs per text, language skips, long texts, surname labels."""

from __future__ import annotations

import pytest

from tests.nlp.helpers import make_record
from wirewatch.config import Config
from wirewatch.nlp.model import load_model, parse_texts, split_text
from wirewatch.nlp.reconcile import reconcile_labels
from wirewatch.nlp.stage import NlpStage, nlp_stage


@pytest.fixture(scope="module")
def stage() -> NlpStage:
    return nlp_stage(Config())


def test_model_is_loaded_once_per_process() -> None:
    assert load_model() is load_model()


def test_title_body_and_captions_get_docs(stage: NlpStage) -> None:
    record = make_record(["Senator Olivia Brandt visited Lagos on Monday.", "She met traders there."],
                         title="Brandt in Lagos", captions=["Olivia Brandt at the port."])
    stage.pipe([record])
    parsed = record.annotations["nlp"]
    assert parsed["body"].text == record.article.body
    assert parsed["title"].text == "Brandt in Lagos"
    assert [d.text for d in parsed["captions"]] == ["Olivia Brandt at the port."]
    assert "nlp_skipped" not in record.annotations


def test_untitled_article_has_no_title_doc(stage: NlpStage) -> None:
    record = stage(make_record(["Rain fell over Quito on Tuesday."]))
    assert record.annotations["nlp"]["title"] is None
    assert record.annotations["nlp"]["captions"] == []


def test_other_languages_are_skipped_with_a_reason(stage: NlpStage) -> None:
    english = make_record(["The minister spoke."])
    spanish = make_record(["El ministro habló."], language="es")
    stage.pipe([english, spanish])
    assert "nlp" not in spanish.annotations
    assert "es" in spanish.annotations["nlp_skipped"]
    assert english.annotations["nlp"]["body"] is not None


def test_split_text_keeps_every_character() -> None:
    text = ("One short sentence here. " * 30 + "\n\n") * 5 + "x" * 500
    pieces = split_text(text, limit=300)
    assert "".join(pieces) == text
    assert all(len(p) <= 300 for p in pieces)


def test_long_texts_are_parsed_in_pieces_with_true_offsets() -> None:
    paragraph = "Ambassador Ruth Kinsella met Chilean officials in Santiago on Friday."
    text = "\n\n".join([paragraph] * 12)
    doc = parse_texts(load_model(), [text], limit=200)[0]
    assert doc.text == text
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert len(people) >= 10
    for ent in doc.ents:
        assert text[ent.start_char:ent.end_char] == ent.text


def test_a_bare_surname_takes_the_label_of_its_full_name() -> None:
    from spacy.tokens import Span

    nlp = load_model()
    doc = nlp.make_doc("Premier Hana Oduya spoke. Later Oduya left.")
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 6, 7, label="ORG")]
    reconcile_labels([doc])
    assert [(e.text, e.label_) for e in doc.ents] == [("Hana Oduya", "PERSON"), ("Oduya", "PERSON")]


def test_the_surname_reconciliation_crosses_title_and_body() -> None:
    from spacy.tokens import Span

    nlp = load_model()
    title, body = nlp.make_doc("Oduya wins vote"), nlp.make_doc("Hana Oduya won the vote.")
    title.ents = [Span(title, 0, 1, label="GPE")]
    body.ents = [Span(body, 0, 2, label="PERSON")]
    reconcile_labels([body, title])
    assert title.ents[0].label_ == "PERSON"
