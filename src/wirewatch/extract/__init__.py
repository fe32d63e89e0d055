"""RawDocument -> Article: HTML via trafilatura plus our news layer, text dumps via our line classifier."""

from __future__ import annotations

from wirewatch.records import Article, RawDocument


def extract(raw: RawDocument) -> Article:
    """Dispatch on media type; both paths finish with the same news-metadata layer."""
    if raw.media_type == "html":
        from wirewatch.extract.html import extract_html

        return extract_html(raw)
    from wirewatch.extract.textdump import extract_text

    return extract_text(raw)


__all__ = ["extract"]
