"""Page furniture found by markup: captions, credits, related links, newsletter and share boxes.

Removing these from the tree before the body extractor runs is cheaper and surer than recognising their
text afterwards, and it lets captions and related headlines be kept as data rather than lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement

from wirewatch.extract.html_lexicon import lexicon
from wirewatch.extract.html_tree import attribute_words, block_text, clean_text, element_text
from wirewatch.records import Boilerplate, Caption

# containers that hold the article itself: never pruned even if a template gives them a noisy class
_PROTECTED_TAGS = frozenset({"html", "body", "main", "article"})
# tags that never carry a noise class of their own (a "js-image-popup" link is an image, not a popup)
_INERT_TAGS = frozenset(
    {"a", "button", "input", "img", "svg", "picture", "source", "label", "i", "b", "em", "strong"}
)
_CONTAINER_ONLY = frozenset({"overlay", "share"})
_CONTAINERS = frozenset({"div", "section", "aside", "dialog", "form", "ul", "ol", "nav", "footer", "header"})
_MEDIA = ".//img|.//picture|.//video|.//iframe|.//svg|.//amp-img"
_MEDIA_TAGS = frozenset({"img", "picture", "video", "iframe", "svg", "amp-img", "figure"})
_PROSE_CHARS, _PROSE_PARAGRAPHS = 150, 3
_MAX_NOISE_CHARS = 3000  # a "related" box this long is more likely the article with an unlucky class
_MAX_CAPTION_CHARS = 600
_MIN_HEADLINE_CHARS = 20
_MAX_RELATED = 30
_CREDIT_WORDS = frozenset({"credit", "credits", "copyright", "image-credit", "photo-credit", "bildnachweis"})
_CREDIT_TAGS = frozenset({"small", "cite"})  # a caption's closing small print is its credit
_MAX_CREDIT_CHARS = 120
_CAPTION_EDGE = " ,;-–—|"  # separators left between a caption and its credit; the caption's full stop stays


@dataclass
class Furniture:
    captions: list[Caption] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)


def split_credit(text: str) -> tuple[str, str | None]:
    """Separate a trailing photo credit ("... (Photo: Jane Roe/Reuters)") from the caption text.

    The credit keeps its marker as printed ("Photo: Jane Roe/Reuters"), as on the text-dump path.
    """
    for pattern in lexicon().caption_credit:
        found = pattern.search(text)
        if found:
            credit = clean_text(found.group(0)).strip(" .()")
            rest = clean_text(text[: found.start()] + text[found.end() :]).rstrip(_CAPTION_EDGE)
            return (rest or credit), credit
    return text, None


def _near_media(element: HtmlElement) -> bool:
    """A caption class means a caption only in a figure or beside a picture; elsewhere it is a teaser."""
    if element.xpath(_MEDIA) or element.xpath("ancestor::figure"):
        return True
    neighbours = (element.getprevious(), element.getnext())
    if any(
        n is not None and isinstance(n.tag, str) and (n.tag in _MEDIA_TAGS or n.xpath(_MEDIA))
        for n in neighbours
    ):
        return True
    parent = element.getparent()
    # a caption wrapper: the picture sits beside the caption's parent ("<div><img></div><div><p class=..>")
    return (
        parent is not None
        and len(parent) <= 2
        and any(
            n is not None and isinstance(n.tag, str) and (n.tag in _MEDIA_TAGS or n.xpath(_MEDIA))
            for n in (parent.getprevious(), parent.getnext())
        )
    )


def _noise_kind(element: HtmlElement) -> str | None:
    if element.tag == "figcaption":
        return "caption"
    if element.tag in _INERT_TAGS:
        return None
    words = attribute_words(element)
    if not words:
        return None
    for kind, cues in lexicon().noise_classes.items():
        if words.isdisjoint(cues):
            continue
        if kind in _CONTAINER_ONLY and element.tag not in _CONTAINERS:
            return None
        if kind == "caption" and not _near_media(element):
            return None
        return kind
    return None


def _protected(element: HtmlElement, text: str) -> bool:
    """Containers that hold the story itself, whatever their class says."""
    if element.tag in _PROTECTED_TAGS or len(text) > _MAX_NOISE_CHARS:
        return True
    if element.find(".//h1") is not None:
        return True
    prose = 0
    for paragraph in element.iter("p"):
        if len(paragraph.text_content()) >= _PROSE_CHARS:
            prose += 1
            if prose >= _PROSE_PARAGRAPHS:
                return True
    return False


def _is_credit(element: HtmlElement) -> bool:
    return isinstance(element.tag, str) and not attribute_words(element).isdisjoint(_CREDIT_WORDS)


def _closing_small_print(element: HtmlElement | None) -> str | None:
    """`<figcaption>Text. <small>REUTERS/Jane Roe</small></figcaption>`: the last child, nothing after it."""
    if element.tag != "figcaption":  # a figure with a caption class is removed whole, figcaption inside
        element = element.find(".//figcaption")
    if element is None or not len(element) or not (element.text or "").strip():
        return None
    last = element[-1]
    if not isinstance(last.tag, str) or last.tag not in _CREDIT_TAGS or (last.tail or "").strip():
        return None
    text = element_text(last)
    return text if 2 <= len(text) <= _MAX_CREDIT_CHARS else None


def _caption(element: HtmlElement, text: str) -> Caption | None:
    """Caption text and its credit, from a credit element inside the caption or a trailing "Photo: ..."."""
    credit = next((element_text(inner) for inner in element.iterdescendants() if _is_credit(inner)), None)
    credit = credit or _closing_small_print(element)
    if credit:
        rest = clean_text(text.replace(credit, " ")).rstrip(_CAPTION_EDGE)
        return Caption(rest, clean_text(credit).strip(" ()"))
    body, credit = split_credit(text)
    return Caption(body, credit) if body else None


def _add_caption(captions: list[Caption], element: HtmlElement, text: str) -> None:
    """A credit standing alone next to its caption completes that caption; otherwise it is kept on its own."""
    if element.tag != "figcaption" and _is_credit(element):
        credit = clean_text(text).strip(" ()")
        if captions and captions[-1].credit is None:
            captions[-1] = Caption(captions[-1].text, credit)
        else:
            captions.append(Caption("", credit))
        return
    caption = _caption(element, text)
    if caption is not None:
        captions.append(caption)


def _headlines(element: HtmlElement) -> list[str]:
    found = []
    for link in element.iter("a"):
        text = element_text(link)
        if len(text) >= _MIN_HEADLINE_CHARS and " " in text:
            found.append(text)
    return found


def strip_furniture(tree: HtmlElement) -> Furniture:
    """Remove furniture from `tree` in place and return what it said."""
    furniture = Furniture()
    marked: list[tuple[HtmlElement, str, str]] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        kind = _noise_kind(element)
        if kind is None:
            continue
        text = block_text(element)
        if kind == "caption" and len(text) > _MAX_CAPTION_CHARS:
            continue
        if not _protected(element, text):
            marked.append((element, kind, text))
    removed: set[HtmlElement] = set()
    for element, kind, text in marked:
        if any(ancestor in removed for ancestor in element.iterancestors()):
            continue
        removed.add(element)
        if kind == "caption" and text:
            _add_caption(furniture.captions, element, text)
        elif kind == "related":
            furniture.related.extend(_headlines(element))
        if text:
            furniture.boilerplate.append(Boilerplate(text[:300], kind))
        element.drop_tree()
    furniture.related = list(dict.fromkeys(furniture.related))[:_MAX_RELATED]
    return furniture
