"""The `quotes` pipeline stage: fills `record.quotes` from the body (never title or captions, so a
headline or caption repeating a body quote is not a second quote).

Uses the nlp stage's Doc when present, else parses the body with the shared model (loaded once per
process). Speakers are resolved through the actors stage's mention index when it ran.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.actors.index import actor_overlapping
from wirewatch.config import Config
from wirewatch.pipeline import register_stage
from wirewatch.quotes.find import Quote, antecedent, find_quotes
from wirewatch.records import ArticleRecord

NON_PERSON_PRONOUNS = frozenset({"they", "them", "we", "us", "it", "who", "which", "that"})


def shared_nlp() -> Language:
    """The English pipeline, shared with the nlp stage (one load per process)."""
    from wirewatch.nlp.model import load_model

    return load_model()


class QuotesStage:
    name = "quotes"

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        doc = body_doc(record)
        record.quotes = [quote_record(record, doc, q) for q in find_quotes(doc)] if doc is not None else []
        return record

    def pipe(self, records: Iterable[ArticleRecord]) -> list[ArticleRecord]:
        """Parses the bodies the nlp stage left unparsed in one `nlp.pipe` batch."""
        records = list(records)
        todo = [r for r in records if _nlp_body(r) is None and r.article.body.strip()]
        if todo:
            for r, doc in zip(todo, shared_nlp().pipe(r.article.body for r in todo), strict=True):
                r.annotations.setdefault("quotes_doc", doc)
        return [self(r) for r in records]


def _nlp_body(record: ArticleRecord) -> Doc | None:
    nlp = record.annotations.get("nlp")
    doc = nlp.get("body") if isinstance(nlp, dict) else None
    return doc if isinstance(doc, Doc) else None


def body_doc(record: ArticleRecord) -> Doc | None:
    """The nlp stage's body Doc if it ran, else our own parse (cached on the record)."""
    doc = _nlp_body(record) or record.annotations.get("quotes_doc")
    if doc is None:
        body = record.article.body
        if not body.strip():
            return None
        doc = shared_nlp()(body)
        record.annotations["quotes_doc"] = doc
    return doc


def quote_record(record: ArticleRecord, doc: Doc, q: Quote) -> dict[str, Any]:
    out = q.to_dict()
    if q.speaker_start is not None and q.speaker_end is not None:
        out["speaker"], resolved_text = resolve_speaker(record, doc, q)
        if resolved_text:
            out["speaker_text"] = resolved_text
    out["date"] = quote_date(record, q)
    return out


def resolve_speaker(record: ArticleRecord, doc: Doc, q: Quote) -> tuple[str | None, str | None]:
    """(actor id, text): the actor whose mention overlaps the speaker span; a pronoun goes to the
    actors stage's resolver, else to the nearest fitting earlier subject."""
    assert q.speaker_start is not None and q.speaker_end is not None
    actor_at = record.annotations.get("actor_at")
    if q.antecedent is not None:  # "residents who said": the relative pronoun's noun
        return actor_overlapping(actor_at, *q.antecedent), q.speaker_text
    if q.speaker_is_pronoun:
        # the actors resolver answers with one person; "they"/"it" name a group or an organisation
        personal = (q.speaker_text or "").lower() not in NON_PERSON_PRONOUNS
        actor = _resolve_pronoun(record, q.speaker_start) if personal else None
        if actor is not None:
            return actor, _actor_name(record, actor)
        ante = antecedent(doc, q.speaker_start, q.speaker_text or "")
        if ante is None:
            return None, None
        return actor_overlapping(actor_at, ante.start_char, ante.end_char), ante.text
    return actor_overlapping(actor_at, q.speaker_start, q.speaker_end), None


def _resolve_pronoun(record: ArticleRecord, offset: int) -> str | None:
    try:
        from wirewatch.actors.stage import resolve_pronoun  # type: ignore[attr-defined]
    except ImportError:
        return None
    found = resolve_pronoun(record, offset)
    if isinstance(found, dict):
        found = found.get("id")
    return str(found) if found else None


def _actor_name(record: ArticleRecord, actor_id: str) -> str | None:
    return next((a.get("name") for a in record.actors if a.get("id") == actor_id), None)


def quote_date(record: ArticleRecord, q: Quote) -> str | None:
    """The value of a time expression among the cue's own modifiers ("said on Jan 12")."""
    for t in record.times:
        if t.get("field") not in (None, "body") or not t.get("value"):
            continue
        if any(s <= t["start"] and t["end"] <= e for s, e in q.frame):
            return str(t["value"])
    return None


@register_stage("quotes")
def quotes_stage(config: Config) -> QuotesStage:
    """The spaCy model loads lazily on the first body that needs parsing."""
    return QuotesStage()
