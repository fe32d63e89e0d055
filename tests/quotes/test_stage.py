"""The quotes stage over a record: the nlp Doc when present, speakers through actor mentions, pronoun
fallback, dates from the temporal stage's times."""

from __future__ import annotations

from spacy.language import Language

from wirewatch.config import Config
from wirewatch.pipeline import Pipeline
from wirewatch.quotes.stage import QuotesStage
from wirewatch.records import Article, ArticleRecord, Source

BODY = (
    "Prime Minister Lena Holm said on Tuesday that the plant would close.\n\n"
    "She later added that the workers would be paid."
)


def record(body: str = BODY) -> ArticleRecord:
    return ArticleRecord(
        id="x", source=Source("text"), article=Article(id="x", paragraphs=body.split("\n\n"))
    )


def test_stage_is_registered() -> None:
    assert any(s.name == "quotes" for s in Pipeline(Config(stages=("extract", "quotes"))).stages)


def test_speaker_from_actor_mentions_and_date_from_times(nlp: Language) -> None:
    rec = record()
    rec.annotations["nlp"] = {"body": nlp(BODY), "title": None, "captions": []}
    holm = BODY.index("Lena Holm")
    rec.annotations["actor_at"] = [(holm, holm + 9, "actor:holm")]
    tue = BODY.index("Tuesday")
    rec.times = [{"start": tue, "end": tue + 7, "value": "2026-03-03", "text": "Tuesday"}]
    out = QuotesStage()(rec).quotes
    assert [q["text"] for q in out] == ["the plant would close", "the workers would be paid"]
    assert out[0]["speaker"] == "actor:holm" and out[0]["date"] == "2026-03-03"
    assert out[1]["date"] is None
    assert out[1]["speaker_text"] in ("Lena Holm", "actor:holm") or out[1]["speaker"] == "actor:holm"


def test_without_nlp_or_actors_the_stage_parses_and_keeps_surface_speakers() -> None:
    rec = record()
    stage = QuotesStage()
    stage.pipe([rec])
    assert [q["speaker"] for q in rec.quotes] == [None, None]
    assert rec.quotes[1]["speaker_text"] == "Lena Holm"  # "She" -> nearest fitting earlier subject
    assert all(
        set(q) >= {"speaker", "speaker_text", "cue", "text", "kind", "channel", "start", "end", "date"}
        for q in rec.quotes
    )
    assert all(BODY[q["start"] : q["end"]] == q["text"] for q in rec.quotes)
