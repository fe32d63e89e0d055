"""Extraction speed on one core: text dumps/s, HTML pages/s, and peak memory.

Documents are generated here from a seeded random source (no third-party pages), in a mix of sizes that
resembles a news crawl: mostly 2-8 KB articles, some long reads, a few very large pages. The ~4 KB HTML
page figure is reported on its own because it is the project's speed target (>= 300 pages/s).
"""

from __future__ import annotations

import gc
import json
import os
import random
import resource
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from wirewatch.errors import WirewatchError
from wirewatch.extract.html import extract_html
from wirewatch.records import Article, RawDocument, Source

# (share of documents, body paragraphs): ~2 KB, ~4 KB, ~16 KB and ~64 KB of HTML
SIZE_MIX: tuple[tuple[float, int], ...] = ((0.30, 3), (0.45, 9), (0.20, 40), (0.05, 170))
_MEMORY_SAMPLE = 200  # documents traced for peak Python memory (tracemalloc slows work several-fold)
_FIXED_4KB_PARAGRAPHS = 9
_SYLLABLES = (
    "ba",
    "ko",
    "ri",
    "sen",
    "ta",
    "mor",
    "li",
    "dan",
    "ve",
    "pa",
    "nu",
    "gar",
    "el",
    "to",
    "shi",
    "ran",
    "mi",
    "ost",
    "ar",
    "ne",
    "lu",
    "ko",
    "de",
    "sta",
    "vin",
)
_FUNCTION_WORDS = ("the", "of", "and", "to", "in", "a", "on", "for", "said", "with", "that", "was")


# ------------------------------------------------------------------------------ synthetic documents
class _Writer:
    """Seeded pseudo-news prose: invented words, real punctuation and capitalisation."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def word(self) -> str:
        if self.rng.random() < 0.35:
            return self.rng.choice(_FUNCTION_WORDS)
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(1, 3)))

    def name(self) -> str:
        return f"{self.word().capitalize()}a {self.word().capitalize()}son"

    def sentence(self, words: tuple[int, int] = (12, 26)) -> str:
        body = " ".join(self.word() for _ in range(self.rng.randint(*words)))
        if self.rng.random() < 0.3:
            body += f", {self.name()} said"
        return body[0].upper() + body[1:] + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 3)))

    def headline(self) -> str:
        return self.sentence((5, 10)).rstrip(".").title()


def synthetic_html(seed: int, paragraphs: int) -> bytes:
    """A news page with the furniture real ones have: nav, cookie banner, figure, related list, JSON-LD."""
    w = _Writer(seed)
    title, author = w.headline(), w.name()
    day = f"2024-{w.rng.randint(1, 12):02d}-{w.rng.randint(1, 28):02d}"
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": f"{day}T08:00:00Z",
            "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": "Daily Example"},
        }
    )
    body = "\n".join(f"<p>{w.paragraph()}</p>" for _ in range(paragraphs))
    related = "".join(f'<li><a href="/r{i}">{w.headline()}</a></li>' for i in range(4))
    menu = "".join(
        f'<li><a href="/{section}">{section.title()}</a></li>' for section in ("world", "sport", "arts")
    )
    caption = f"{w.sentence((6, 12))} (Photo: {w.name()}/Reuters)"
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Daily Example</title><meta property="og:site_name" content="Daily Example">
<script type="application/ld+json">{ld}</script></head>
<body><div class="cookie-banner"><p>We use cookies. Accept?</p></div><nav><ul>{menu}</ul></nav>
<article><h1>{title}</h1><p class="byline">By {author}</p><p class="lead">{w.sentence()}</p>
{body}
<figure><img src="/a.jpg" alt=""><figcaption>{caption}</figcaption></figure>
<p>{w.paragraph()}</p>
<script>window.dataLayer = [{{"page": "{seed}"}}];</script>
<div class="related-stories"><h3>Related</h3><ul>{related}</ul></div></article>
<footer><p>Copyright 2024 Daily Example Media. All rights reserved.</p></footer></body></html>"""
    return page.encode("utf-8")


def synthetic_text(seed: int, paragraphs: int) -> bytes:
    """A scraped text dump: masthead and menu lines, title, byline, dateline, body, caption, footer."""
    w = _Writer(seed)
    lines = [
        "Daily Example",
        "Home | World | Sport | Business",
        w.headline(),
        f"By {w.name()}",
        f"LONDON (Reuters) - {w.paragraph()}",
    ]
    lines += [w.paragraph() for _ in range(paragraphs)]
    lines += [
        f"{w.sentence((6, 12))} Photo: {w.name()}/Reuters",
        "Read more: " + w.headline(),
        "Copyright 2024 Daily Example Media. All rights reserved.",
    ]
    return "\n\n".join(lines).encode("utf-8")


def _corpus(make: Callable[[int, int], bytes], n: int, kind: str) -> list[RawDocument]:
    rng = random.Random(n)
    docs = []
    for i in range(n):
        roll, paragraphs = rng.random(), SIZE_MIX[-1][1]
        for share, count in SIZE_MIX:
            if roll < share:
                paragraphs = count
                break
            roll -= share
        content = make(i, paragraphs)
        source = (
            Source("url", url=f"https://news.example/2024/story-{i}") if kind == "html" else Source("file")
        )
        docs.append(RawDocument.from_bytes(content, "html" if kind == "html" else "text", source))
    return docs


# ---------------------------------------------------------------------------------------- timing
@contextmanager
def _one_core() -> Iterator[int | None]:
    """Pin the process to a single CPU while timing, where the OS allows it."""
    getter, setter = getattr(os, "sched_getaffinity", None), getattr(os, "sched_setaffinity", None)
    if getter is None or setter is None:
        yield None
        return
    before = getter(0)
    cpu = min(before)
    setter(0, {cpu})
    try:
        yield cpu
    finally:
        setter(0, before)


def _attempt(function: Callable[[RawDocument], Article], doc: RawDocument) -> bool:
    """Run one extraction; a rejected document still costs time and is counted, as a batch would."""
    try:
        function(doc)
    except WirewatchError:
        return False
    return True


def _rate(function: Callable[[RawDocument], Article], docs: list[RawDocument]) -> dict[str, float]:
    """Documents per second after a warm-up call, so one-off loading of lexicons and models is not timed."""
    _attempt(function, docs[0])
    gc.collect()
    start = time.perf_counter()
    failures = sum(not _attempt(function, doc) for doc in docs)
    seconds = time.perf_counter() - start
    size = sum(len(doc.content) for doc in docs)
    return {
        "docs": len(docs),
        "failures": failures,
        "seconds": round(seconds, 3),
        "docs_per_s": round(len(docs) / seconds, 1),
        "mb_per_s": round(size / seconds / 1e6, 2),
        "mean_kb": round(size / len(docs) / 1024, 1),
    }


def _peak_mb(function: Callable[[RawDocument], Article], docs: list[RawDocument]) -> float:
    tracemalloc.start()
    try:
        for doc in docs[:_MEMORY_SAMPLE]:
            _attempt(function, doc)
        return round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
    finally:
        tracemalloc.stop()


def _text_extractor() -> Callable[[RawDocument], Article] | None:
    try:
        from wirewatch.extract.textdump import extract_text
    except ImportError:
        return None
    return extract_text


def bench_extract(n: int = 2000) -> dict[str, Any]:
    """Time both extractors on n generated documents each; rates are single-process, one core."""
    n = max(1, n)
    result: dict[str, Any] = {"n": n, "size_mix": [{"share": s, "paragraphs": p} for s, p in SIZE_MIX]}
    html_docs = _corpus(synthetic_html, n, "html")
    fixed = RawDocument.from_bytes(synthetic_html(7, _FIXED_4KB_PARAGRAPHS), "html", Source("file"))
    with _one_core() as cpu:
        result["cpu"] = cpu
        result["html"] = _rate(extract_html, html_docs)
        result["html_4kb"] = {
            **_rate(extract_html, [fixed] * min(n, 500)),
            "page_kb": round(len(fixed.content) / 1024, 1),
        }
        extract_text = _text_extractor()
        if extract_text is None:
            result["text"] = {"skipped": "wirewatch.extract.textdump is not available"}
        else:
            text_docs = _corpus(synthetic_text, n, "text")
            try:
                result["text"] = _rate(extract_text, text_docs)
            except NotImplementedError as err:
                result["text"] = {"skipped": f"text extractor not implemented yet ({err})"}
    result["peak_mb"] = {"html_tracemalloc": _peak_mb(extract_html, html_docs)}
    if "docs_per_s" in result["text"]:
        result["peak_mb"]["text_tracemalloc"] = _peak_mb(
            _text_extractor(), _corpus(synthetic_text, min(n, _MEMORY_SAMPLE), "text")
        )  # type: ignore[arg-type]
    result["peak_mb"]["process_max_rss"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def format_report(result: dict[str, Any]) -> str:
    html, fixed, text = result["html"], result["html_4kb"], result["text"]
    lines = [
        f"extraction benchmark: {result['n']} generated documents per kind, one core (cpu {result['cpu']})"
    ]
    lines.append(
        f"  HTML pages : {html['docs_per_s']:>8.1f} pages/s  {html['mb_per_s']:>6.2f} MB/s  "
        f"(mean {html['mean_kb']} KB)"
    )
    lines.append(
        f"  HTML 4 KB  : {fixed['docs_per_s']:>8.1f} pages/s  (one {fixed['page_kb']} KB page, repeated)"
    )
    if "docs_per_s" in text:
        lines.append(
            f"  text dumps : {text['docs_per_s']:>8.1f} docs/s   {text['mb_per_s']:>6.2f} MB/s  "
            f"(mean {text['mean_kb']} KB)"
        )
    else:
        lines.append(f"  text dumps : skipped ({text['skipped']})")
    peak = result["peak_mb"]
    traced = ", ".join(f"{k.split('_')[0]} {v} MB" for k, v in peak.items() if k.endswith("tracemalloc"))
    lines.append(
        f"  peak memory: {traced} (tracemalloc, {_MEMORY_SAMPLE} docs); process max RSS "
        f"{peak['process_max_rss']} MB"
    )
    return "\n".join(lines)
