"""Article metadata from the page head and markup: title, byline, outlet, publisher, language.

Publisher-declared values (JSON-LD, Open Graph, <meta>) are trusted before layout guesses, and every
value keeps a note of where it came from so a reviewer can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from wirewatch.extract.html_jsonld import JsonLd
from wirewatch.extract.html_lexicon import lexicon
from wirewatch.extract.html_tree import attribute_words, clean_text, element_text

_SEPARATOR = re.compile(r"\s+(?:[|–—·•»«]|::|-)\s+")
_DANGLING = re.compile(r"(?:\s+(?:[|–—·•»«]|::|-))+\s*$")
_SITE_SUFFIX_WORDS = 4  # an unknown trailing part this short is taken for a site name
_MAX_TITLE_CHARS = 400  # longer "titles" are pages swallowed by broken markup
_TITLE_META = (
    "dc:title",
    "dcterm:title",
    "dcterms:title",
    "dc.title",
    "dcterms.title",
    "og:title",
    "title",
    "twitter:title",
    "parsely-title",
    "sailthru.title",
)
_AUTHOR_META = (
    "dc:creator",
    "dcterm:creator",
    "dcterms:creator",
    "author",
    "parsely-author",
    "article:author",
    "og:article:author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
)
_BYLINE_WORDS = frozenset(
    {
        "byline",
        "author",
        "author-name",
        "authors",
        "autor",
        "autorin",
        "article-author",
        "post-author",
        "byline-name",
        "author-link",
        "entry-author-name",
        "writer",
    }
)
_URLS = re.compile(r"\(?\s*(?:https?://|www\.)\S+\s*\)?")
_DATE_TAIL = re.compile(
    r"\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,4}[./:-]|\d{4}\b"
    r"|updated|published|posted|aktualisiert|veröffentlicht).*$",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b|\be\b|\|)\s*")
_NOT_NAME = re.compile(r"https?:|www\.|@|\d{2}|\bupdated\b|\bpublished\b", re.I)
_MAX_NAME_WORDS = 5
_MAX_BYLINE_CHARS = 120


@dataclass
class Meta:
    title: str | None = None
    byline: list[str] = field(default_factory=list)
    outlet: str | None = None
    publisher: str | None = None
    language: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)


def read_meta_tags(tree: HtmlElement) -> dict[str, str]:
    """<meta> values keyed by lower-cased property/name/itemprop; the first of a repeated key wins."""
    tags: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = clean_text(meta.get("content"))
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            # a property may list several names: property="og:title twitter:title"
            for key in (meta.get(attribute) or "").lower().split():
                tags.setdefault(key, content)
    return tags


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _host_label(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    if not host:
        return None
    labels = [label for label in host.split(".") if label not in {"www", "m", "amp", "edition"}]
    return labels[0] if labels else None


def strip_site_name(title: str, site_names: list[str], headline: str | None = None) -> str:
    """Drop the " | Site" / "Site - " part of a <title>, keeping separators that belong to the headline."""
    title = _DANGLING.sub("", title)
    cuts = list(_SEPARATOR.finditer(title))
    if not cuts:
        return title
    first, last = title[: cuts[0].start()], title[cuts[-1].end() :]
    names = [_key(n) for n in site_names if n and _key(n)]

    def is_site(part: str) -> bool:
        key = _key(part)
        return bool(key) and any(key == n or (len(n) > 3 and (n in key or key in n)) for n in names)

    if headline and _key(headline) in {_key(first), _key(title[: cuts[-1].start()])}:
        return headline
    if is_site(last):
        return title[: cuts[-1].start()]
    if is_site(first):
        return title[cuts[0].end() :]
    head = title[: cuts[-1].start()]
    if (
        len(last.split()) <= _SITE_SUFFIX_WORDS
        and len(head.split()) > len(last.split()) + 1
        and not last.rstrip().endswith(("!", "?", "."))
    ):
        return head
    return title


def _first_h1(tree: HtmlElement) -> str | None:
    for h1 in tree.iter("h1"):
        text = element_text(h1)
        if len(text) >= 5:
            return text
    return None


def _overlap(a: str, b: str) -> float:
    words_a, words_b = set(_key_words(a)), set(_key_words(b))
    return len(words_a & words_b) / len(words_a | words_b) if words_a | words_b else 0.0


def _key_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _declared_headline(jsonld: JsonLd, page_title: str | None) -> str | None:
    """JSON-LD headline, or its name when the two differ and the name is closer to the page <title>."""
    differ = jsonld.headline and jsonld.name and jsonld.headline != jsonld.name
    if (
        differ
        and page_title
        and _overlap(jsonld.name or "", page_title) > _overlap(jsonld.headline or "", page_title)
    ):
        return jsonld.name
    return jsonld.headline or jsonld.name


def find_title(
    tree: HtmlElement, tags: dict[str, str], jsonld: JsonLd, site_names: list[str]
) -> tuple[str, str] | None:
    """(title, evidence): publisher-declared titles first, then <title> without the site name, then <h1>."""
    h1 = _first_h1(tree)
    title_element = tree.find(".//title")
    page_title = element_text(title_element) if title_element is not None else None
    candidates = [("json-ld headline", _declared_headline(jsonld, page_title))]
    candidates += [(f"meta {key}", tags.get(key)) for key in _TITLE_META]
    candidates += [("title", page_title), ("h1", h1)]
    for where, value in candidates:
        if value and len(value) <= _MAX_TITLE_CHARS:
            return strip_site_name(value, site_names, h1), f"{where}: {value[:200]}"
    return None


def split_names(text: str) -> list[str]:
    """ "By Jane Doe and John Roe, Staff" -> ["Jane Doe", "John Roe"]; non-name parts are dropped."""
    text = _URLS.sub(" ", clean_text(text))
    prefixed = lexicon().byline_prefix.match(text)
    if prefixed:
        text = prefixed.group(1)
    text = _DATE_TAIL.sub("", text)
    names = []
    for chunk in _NAME_SPLIT.split(text):
        chunk = chunk.strip(" .:-–—()[]")
        words = chunk.split()
        if not words or len(words) > _MAX_NAME_WORDS or ":" in chunk or _NOT_NAME.search(chunk):
            continue
        if not any(ch.isalpha() for ch in chunk) or chunk.casefold() in {"staff", "staff writer", "editor"}:
            continue
        names.append(chunk)
    return list(dict.fromkeys(names))


def _markup_bylines(tree: HtmlElement) -> tuple[list[str], str] | None:
    for link in tree.iterfind(".//a[@rel]"):
        if "author" in (link.get("rel") or "").lower().split():
            names = split_names(element_text(link))
            if names:
                return names, f"a[rel=author]: {element_text(link)[:120]}"
    for element in tree.iterfind(".//*[@itemprop]"):
        if "author" not in (element.get("itemprop") or "").lower().split():
            continue
        inner = element.find(".//*[@itemprop='name']")
        text = (inner.get("content") or element_text(inner)) if inner is not None else element_text(element)
        names = split_names(text) if len(text) <= _MAX_BYLINE_CHARS else []
        if names:
            return names, f"itemprop=author: {text[:120]}"
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in {"html", "body", "article", "main", "section"}:
            continue
        if not any("byline" in word or word in _BYLINE_WORDS for word in attribute_words(element)):
            continue
        text = element_text(element)
        names = split_names(text) if 3 <= len(text) <= _MAX_BYLINE_CHARS else []
        if names:
            return names, f"byline element: {text[:120]}"
    return None


def find_byline(tree: HtmlElement, tags: dict[str, str], jsonld: JsonLd) -> tuple[list[str], str] | None:
    """(names, evidence) from JSON-LD authors, author <meta>, then author markup in the page."""
    if jsonld.authors:
        names = [n for raw in jsonld.authors for n in split_names(raw)]
        if names:
            return names, f"json-ld author: {', '.join(jsonld.authors)[:120]}"
    for key in _AUTHOR_META:
        value = tags.get(key)
        if value and not value.startswith(("http://", "https://", "@")):
            names = split_names(value)
            if names:
                return names, f"meta {key}: {value[:120]}"
    return _markup_bylines(tree)


def find_site_name(tags: dict[str, str], jsonld: JsonLd) -> tuple[str, str] | None:
    for where, value in (
        ("meta og:site_name", tags.get("og:site_name")),
        ("meta application-name", tags.get("application-name")),
        ("json-ld publisher", jsonld.publisher),
        ("json-ld website", jsonld.site_name),
        ("meta publisher", tags.get("publisher")),
    ):
        if value:
            return value, f"{where}: {value[:120]}"
    return None


def find_language(tree: HtmlElement, tags: dict[str, str], jsonld: JsonLd) -> str | None:
    """Declared language as a lower-case ISO 639 code (region dropped)."""
    for value in (
        tree.get("lang"),
        tree.get("xml:lang"),
        tags.get("content-language"),
        jsonld.language,
        tags.get("og:locale"),
        tags.get("language"),
    ):
        if value:
            code = re.split(r"[-_]", value.strip())[0].lower()
            if re.fullmatch(r"[a-z]{2,3}", code):
                return code
    return None


def read_metadata(tree: HtmlElement, tags: dict[str, str], jsonld: JsonLd, url: str | None) -> Meta:
    meta = Meta()
    site = find_site_name(tags, jsonld)
    if site:
        meta.outlet, meta.evidence["outlet"] = site
    meta.publisher = jsonld.publisher
    site_names = [n for n in (meta.outlet, jsonld.publisher, jsonld.site_name, _host_label(url)) if n]
    title = find_title(tree, tags, jsonld, site_names)
    if title:
        meta.title, meta.evidence["title"] = title
    byline = find_byline(tree, tags, jsonld)
    if byline and byline[1].startswith("byline element"):
        # a template's author slot that prints the site name on staff copy ("Atlas News Network") names
        # no author; a declared author (JSON-LD, meta) that is the organisation is kept as declared
        sites = {" ".join(n.split()).casefold() for n in site_names}
        byline = [n for n in byline[0] if " ".join(n.split()).casefold() not in sites], byline[1]
    if byline and byline[0]:
        meta.byline, meta.evidence["byline"] = byline
    meta.language = find_language(tree, tags, jsonld)
    if meta.language:
        meta.evidence["language"] = "html lang / content-language"
    return meta
