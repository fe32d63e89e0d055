"""schema.org JSON-LD blocks: the publisher's own statement of headline, authors, dates and body.

Publishers write it for search engines, so when present it beats anything inferred from layout.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "blogposting",
        "liveblogposting",
        "report",
        "techarticle",
        "scholarlyarticle",
        "socialmediaposting",
        "posting",
        "creativework",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage"})
_TAGS = re.compile(r"<[^>]{0,400}>")
_MAX_OBJECTS = 200
_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")


@dataclass
class JsonLd:
    headline: str | None = None
    name: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    date_published: str | None = None
    article_body: str | None = None
    language: str | None = None
    site_name: str | None = None


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON-LD value, @graph and nested lists included (bounded: pages can be hostile)."""
    if depth > 6:
        return
    if isinstance(value, list):
        for item in value:
            yield from _objects(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        if "@graph" in value:
            yield from _objects(value["@graph"], depth + 1)


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        text = " ".join(html.unescape(value).split())
        return text or None
    return None


def _names(value: Any, index: dict[str, dict[str, Any]]) -> list[str]:
    """Person/organisation names from a string, a {"name": ...} object, an @id reference or a list."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item, index)]
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str):
            value = index.get(value["@id"], value)
        name = value.get("name")
        if isinstance(name, list):
            name = next((n for n in name if isinstance(n, str)), None)
        text = _text(name)
        return [text] if text else []
    text = _text(value)
    return [text] if text and not text.startswith(("http://", "https://")) else []


def _load(script: str) -> Any:
    script = _WRAPPERS.sub("", script).strip()
    try:
        return json.loads(script, strict=False)
    except ValueError:
        # a common publisher slip: raw newlines or trailing commas inside the block
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", script.replace("\n", " ")), strict=False)
        except ValueError:
            return None


def read_jsonld(tree: HtmlElement) -> JsonLd:
    objects: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        objects.extend(_objects(_load(script.text)))
        if len(objects) > _MAX_OBJECTS:
            break
    index = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    articles = [obj for obj in objects if _types(obj) & _ARTICLE_TYPES]
    pages = [obj for obj in objects if _types(obj) & _PAGE_TYPES]
    found = JsonLd()
    for obj in articles + pages:
        found.headline = found.headline or _text(obj.get("headline"))
        found.name = found.name or _text(obj.get("name"))
        found.authors = found.authors or _names(obj.get("author"), index)
        publisher = _names(obj.get("publisher"), index)
        found.publisher = found.publisher or (publisher[0] if publisher else None)
        found.date_published = found.date_published or _text(obj.get("datePublished"))
        found.language = found.language or _text(obj.get("inLanguage"))
        body = obj.get("articleBody")
        if isinstance(body, str) and body.strip() and not found.article_body:
            found.article_body = html.unescape(_TAGS.sub("\n", body)) if "<" in body else body
    for obj in objects:
        if "website" in _types(obj) and not found.site_name:
            found.site_name = _text(obj.get("name"))
    return found
