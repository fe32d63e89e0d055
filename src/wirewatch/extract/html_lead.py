"""The standfirst/teaser paragraph news templates put between the headline and the body.

General-purpose extractors often drop it because it sits in the page header, yet for news it is usually
the most informative sentence of the article, so it is looked up by its class and put back in front.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from wirewatch.extract.html_lexicon import lexicon
from wirewatch.extract.html_tree import attribute_words, clean_text, element_text

_LEAD_TAGS = frozenset({"p", "div", "h2", "h3", "h4", "span", "strong"})
_INNER_BLOCKS = ".//h1|.//h2|.//h3|.//h4|.//li|.//table"
_SKIP_ANCESTORS = frozenset({"a", "nav", "footer", "aside", "li", "form", "button", "figure", "figcaption"})
_MIN_CHARS, _MAX_CHARS = 40, 1500
_MAX_LINK_SHARE = 0.5
_PROBE = 80  # leading characters of the lead looked up in the body: is it already there?
_WINDOW = 80  # elements after the headline where a standfirst can sit when the body start is unknown
_START_PROBE = 25  # leading characters of the body's first paragraph looked up in the page


def _usable(element: HtmlElement, text: str) -> bool:
    if not _MIN_CHARS <= len(text) <= _MAX_CHARS:
        return False
    if any(ancestor.tag in _SKIP_ANCESTORS for ancestor in element.iterancestors()):
        return False
    if element.xpath(_INNER_BLOCKS) or len(element.findall(".//p")) > 2:
        return False
    links = sum(len(element_text(link)) for link in element.iter("a"))
    return links <= _MAX_LINK_SHARE * len(text)


def find_lead(tree: HtmlElement, body_start: str | None = None) -> str | None:
    """First lead-classed block between the headline and the start of the extracted body.

    A standfirst sits above the story; lead-like blocks further down are teasers of other articles,
    author blurbs or reader prompts. Without a located body start, only blocks close to the headline count.
    """
    cues = lexicon().lead_classes
    probe = clean_text(body_start)[:_START_PROBE] if body_start else ""
    seen_headline = tree.find(".//h1") is None
    after, found = 0, None
    root = tree.find("body")
    for element in (root if root is not None else tree).iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if probe and element.text and clean_text(element.text).startswith(probe):
            return found
        if tag == "h1" and not seen_headline:
            seen_headline = True
            continue
        if not seen_headline or found is not None:
            continue
        after += 1
        if tag not in _LEAD_TAGS or attribute_words(element).isdisjoint(cues):
            continue
        text = element_text(element)
        if _usable(element, text):
            found = text
    # the body start was not located: trust only a block close to the headline
    return found if after <= _WINDOW else None


def with_lead(paragraphs: list[str], lead: str | None) -> tuple[list[str], bool]:
    """Put the lead in front unless the body already carries it."""
    if not lead:
        return paragraphs, False
    if clean_text(lead)[:_PROBE] in clean_text(" ".join(paragraphs)):
        return paragraphs, False
    return [lead, *paragraphs], True
