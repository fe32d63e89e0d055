"""The shared NLP layer: one spaCy pipeline per process, parsed Docs kept in record annotations."""

from wirewatch.nlp.model import DEFAULT_MODEL, load_model, parse_texts

__all__ = ["DEFAULT_MODEL", "load_model", "parse_texts"]
