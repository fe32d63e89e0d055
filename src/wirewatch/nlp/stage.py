"""The `nlp` pipeline stage: parses title, body and captions of English articles with spaCy.

Importing this module registers the stage (`--stages extract,nlp,...`). Docs go to
`record.annotations["nlp"] = {"body": Doc, "title": Doc | None, "captions": [Doc]}`; other stages read
them from there and never parse again. Articles in other languages get no Doc and a reason in
`annotations["nlp_skipped"]`: an English model would only mangle them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from wirewatch.config import Config
from wirewatch.nlp.model import DEFAULT_MODEL, load_model, parse_texts
from wirewatch.nlp.reconcile import reconcile_labels
from wirewatch.pipeline import register_stage
from wirewatch.records import ArticleRecord

if TYPE_CHECKING:
    from spacy.language import Language

ENGLISH = (None, "en")


class NlpStage:
    name = "nlp"

    def __init__(self, model_name: str = DEFAULT_MODEL) -> None:
        self.model_name = model_name
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_model(self.model_name)
        return self._nlp

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        self.pipe([record])
        return record

    def pipe(self, records: Sequence[ArticleRecord]) -> Sequence[ArticleRecord]:
        """Parse every text of the batch in one `nlp.pipe` run (much faster than one call per text)."""
        texts: list[str] = []
        slots: list[tuple[ArticleRecord, str, int]] = []
        for record in records:
            article = record.article
            language = (article.language or "").split("-")[0].lower() or None
            if language not in ENGLISH:
                record.annotations.pop("nlp", None)
                record.annotations["nlp_skipped"] = f"language {article.language!r} is not English"
                continue
            record.annotations["nlp"] = {"body": None, "title": None, "captions": []}
            slots.append((record, "body", 0))
            texts.append(article.body)
            if article.title:
                slots.append((record, "title", 0))
                texts.append(article.title)
            for i, caption in enumerate(article.captions):
                slots.append((record, "captions", i))
                texts.append(caption.text)
        docs = parse_texts(self.nlp, texts) if texts else []
        for (record, field, _), doc in zip(slots, docs, strict=True):
            parsed = record.annotations["nlp"]
            if field == "captions":
                parsed["captions"].append(doc)
            else:
                parsed[field] = doc
        for record in records:
            parsed = record.annotations.get("nlp")
            if parsed:
                reconcile_labels([parsed["body"], parsed["title"], *parsed["captions"]])
        return records


@register_stage("nlp")
def nlp_stage(config: Config) -> NlpStage:
    """The model loads on first use, once per process (`Config.extra["spacy_model"]` picks another)."""
    return NlpStage(str(config.extra.get("spacy_model", DEFAULT_MODEL)))
