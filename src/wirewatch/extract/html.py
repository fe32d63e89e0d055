"""HTML page -> Article: trafilatura for the main text, our news layer for everything around it.

Order matters: metadata and the date are read from the intact tree; then captions, related boxes and other
furniture are cut out (and kept as data); then the body extractor runs on what is left; then short
paragraphs that are still furniture are filtered; finally the shared news finders (wire, dateline, byline,
outlet, language) see the clean paragraphs, exactly as they do for text dumps.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from wirewatch.extract import news
from wirewatch.extract.html_body import extract_body
from wirewatch.extract.html_date import find_published
from wirewatch.extract.html_furniture import strip_furniture
from wirewatch.extract.html_jsonld import read_jsonld
from wirewatch.extract.html_lead import find_lead, with_lead
from wirewatch.extract.html_lines import filter_paragraphs
from wirewatch.extract.html_meta import read_meta_tags, read_metadata, split_names
from wirewatch.extract.html_tree import clean_text, parse_html
from wirewatch.records import Article, Boilerplate, RawDocument

_BYLINE_SCAN = 3  # leading/trailing paragraphs where a "By ..." line may sit
_MAX_BYLINE_PARAGRAPH = 120
_BODY_START_CHARS = 60  # the first paragraph this long is taken as where the story starts
_MAX_FOOTER_LINES = 40
_MAX_RELATED, _MAX_BOILERPLATE = 30, 100  # keep records small on pages that are mostly link lists


def _drop_repeats(paragraphs: list[str], title: str | None, boilerplate: list[Boilerplate]) -> list[str]:
    """Templates often repeat the headline as the first body line; it belongs to `title` only."""
    if paragraphs and title and clean_text(paragraphs[0]).casefold() == clean_text(title).casefold():
        boilerplate.append(Boilerplate(paragraphs[0], "title"))
        return paragraphs[1:]
    return paragraphs


def _byline_lines(
    paragraphs: list[str], boilerplate: list[Boilerplate]
) -> tuple[list[str], list[news.Found]]:
    """Pull "By Jane Doe" lines out of the body edges; they are metadata, not reporting."""
    found: list[news.Found] = []
    edges = set(range(min(_BYLINE_SCAN, len(paragraphs)))) | set(
        range(max(0, len(paragraphs) - _BYLINE_SCAN + 1), len(paragraphs))
    )
    kept = []
    for index, text in enumerate(paragraphs):
        if index in edges and len(text) <= _MAX_BYLINE_PARAGRAPH:
            names = news.find_byline([text])
            if names:
                found.extend(names)
                boilerplate.append(Boilerplate(text, "byline"))
                continue
        kept.append(text)
    return kept, found


def _footer_lines(tree: HtmlElement) -> list[str]:
    """Short lines of the page footer, where copyright and publisher notices live."""
    lines: list[str] = []
    for footer in tree.iter("footer"):
        lines.extend(line for line in (clean_text(t) for t in footer.itertext()) if 3 <= len(line) <= 200)
    return lines[:_MAX_FOOTER_LINES]


def _news_layer(article: Article, url: str | None, footer: list[str]) -> None:
    """Wire, dateline, byline, outlet and language through the finders shared with the text path."""
    wire, article.paragraphs = news.find_wire(article.paragraphs)
    if wire:
        article.wire, article.evidence["wire"] = wire.value, wire.evidence
    dateline, _ = news.find_dateline(article.paragraphs)
    if dateline:
        article.dateline, article.evidence["dateline"] = dateline.value, dateline.evidence
    article.paragraphs, bylines = _byline_lines(article.paragraphs, article.boilerplate)
    if not article.byline and bylines:
        article.byline = [found.value for found in bylines]
        article.evidence["byline"] = bylines[0].evidence
    if not article.outlet or not article.publisher:
        outlet, publisher = news.find_outlet([b.text for b in article.boilerplate] + footer, url)
        if not article.outlet and outlet:
            article.outlet, article.evidence["outlet"] = outlet.value, outlet.evidence
        if not article.publisher and publisher:
            article.publisher, article.evidence["publisher"] = publisher.value, publisher.evidence
    if not article.language:
        article.language = news.find_language(article.body)
        if article.language:
            article.evidence["language"] = "language identification of the body"


def extract_html(raw: RawDocument) -> Article:
    """Clean article from an HTML page; raises InputError when the bytes are not a usable page."""
    tree = parse_html(raw)
    url = raw.source.url or raw.declared.get("url")
    tags = read_meta_tags(tree)
    jsonld = read_jsonld(tree)
    meta = read_metadata(tree, tags, jsonld, url)
    published = find_published(tree, tags, jsonld, raw.declared.get("published"), url)
    footer = _footer_lines(tree)
    furniture = strip_furniture(tree)
    body = extract_body(tree, url, jsonld.article_body)
    lines = filter_paragraphs(body.paragraphs)
    lead = find_lead(tree, next((p for p in lines.paragraphs if len(p) >= _BODY_START_CHARS), None))
    if lead and not filter_paragraphs([lead]).paragraphs:
        lead = None  # a "lead" that reads like a prompt or a credit is furniture too
    paragraphs, _ = with_lead(lines.paragraphs, lead)
    boilerplate = furniture.boilerplate + lines.boilerplate
    paragraphs = _drop_repeats(paragraphs, meta.title, boilerplate)
    article = Article(
        id=raw.id,
        title=meta.title or raw.declared.get("title"),
        outlet=meta.outlet or news.declared_outlet(raw.declared.get("outlet") or ""),
        publisher=meta.publisher,
        byline=meta.byline or split_names(raw.declared.get("byline", "")),
        language=meta.language or raw.declared.get("language"),
        published=published,
        paragraphs=paragraphs,
        captions=furniture.captions,
        related_headlines=list(dict.fromkeys(furniture.related + lines.related))[:_MAX_RELATED],
        boilerplate=boilerplate[:_MAX_BOILERPLATE],
        url=url,
        evidence={**meta.evidence, "body": f"trafilatura {body.method}"},
    )
    if published.evidence:
        article.evidence["published"] = published.evidence
    _news_layer(article, url, footer)
    return article


__all__ = ["extract_html"]
