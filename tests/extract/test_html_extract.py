"""extract_html end to end on hand-written pages (tests/extract/html_pages/, all invented)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.errors import InputError
from wirewatch.extract import extract
from wirewatch.extract.html import extract_html
from wirewatch.records import Article, RawDocument, Source

PAGES = Path(__file__).parent / "html_pages"


def run(name: str, url: str | None = None, declared: dict[str, str] | None = None) -> Article:
    data = (PAGES / name).read_bytes()
    source = Source("url", url=url) if url else Source("file", path=str(PAGES / name))
    return extract_html(RawDocument.from_bytes(data, "html", source, declared))


def reasons(article: Article) -> dict[str, str]:
    return {b.text: b.reason for b in article.boilerplate}


# ------------------------------------------------------------------------- full news page
@pytest.fixture(scope="module")
def news() -> Article:
    return run("news_full.html", url="https://courier.example/news/flood-barrier")


def test_news_page_metadata(news: Article) -> None:
    assert news.title == "Flood barrier fails as river hits record level"
    assert news.outlet == "The Riverside Courier"
    assert news.publisher == "Riverside Media Group"  # resolved through the JSON-LD @id reference
    assert news.byline == ["Maria Okonkwo", "Tom Hale"]
    assert news.language == "en"
    assert (news.published.date, news.published.precision, news.published.source) == (
        "2025-02-11",
        "day",
        "html-meta",
    )
    assert "datePublished" in (news.published.evidence or "")


def test_news_page_body_keeps_story_and_drops_furniture(news: Article) -> None:
    body = news.body
    assert news.paragraphs[1].startswith("NORTHAM (Reuters) - Emergency crews")
    assert news.paragraphs[-1].startswith("Residents who were moved")
    for furniture in (
        "cookie",
        "Sign up",
        "newsletter",
        "Read more",
        "Insurers brace",
        "Copyright",
        "Privacy",
        "Volunteers fill sandbags",
        "Sport",
    ):
        assert furniture not in body, furniture
    assert body == "\n\n".join(news.paragraphs)


def test_news_page_standfirst_is_kept_first(news: Article) -> None:
    assert news.paragraphs[0].startswith("Hundreds of homes in the lower town were evacuated")


def test_news_page_caption_with_credit_kept_out_of_body(news: Article) -> None:
    assert [(c.text, c.credit) for c in news.captions] == [
        ("Volunteers fill sandbags near the old mill on Tuesday.", "Photo: Ana Ruiz/Courier")
    ]


def test_news_page_related_headlines_and_reasons(news: Article) -> None:
    assert news.related_headlines[:2] == [
        "Insurers brace for record claims after winter storms",
        "How the river defences were built in record time",
    ]
    assert "Town council approved the barrier despite engineers' warnings" in news.related_headlines
    dropped = reasons(news)
    assert dropped["Read more: Town council approved the barrier despite engineers' warnings"] == "related"
    assert (
        "newsletter" in dropped.values() and "overlay" in dropped.values() and "caption" in dropped.values()
    )


def test_news_page_wire_and_dateline_through_news_layer(news: Article) -> None:
    assert news.wire == "Reuters"
    assert news.dateline == "NORTHAM"


def test_container_date_wins_over_page_date() -> None:
    article = run("news_full.html", declared={"published": "Tue, 11 Feb 2025 08:00:00 GMT"})
    assert (article.published.date, article.published.source) == ("2025-02-11", "container")
    article = run("news_full.html", declared={"published": "2025-03"})
    assert (article.published.date, article.published.precision) == ("2025-03", "month")


# ------------------------------------------------------------------------- other page shapes
def test_og_only_page() -> None:
    article = run("og_only.html")
    assert article.title == "Port workers vote to end two-week strike"  # " - Harbour Times" removed
    assert article.outlet == "Harbour Times"
    assert (article.published.date, article.published.evidence) == (
        "2024-09-30",
        "meta article:published_time: 2024-09-30",
    )
    assert len(article.paragraphs) == 3 and article.paragraphs[0].startswith("Dock workers")
    assert article.language == "en"  # no <html lang>: identified from the body


def test_page_without_date_has_unknown_date_not_fetch_date() -> None:
    article = run("no_date.html")
    assert article.published.date is None
    assert article.published.precision == "unknown"
    assert article.title == "Neue Buslinie verbindet die Dörfer im Tal"
    assert article.language == "de"
    assert len(article.paragraphs) == 3


def test_url_date_is_used_only_when_the_page_declares_none() -> None:
    article = run("no_date.html", url="https://tal.example/2023/06/14/buslinie")
    assert article.published.date == "2023-06-14"


def test_malformed_html_still_yields_the_story() -> None:
    article = run("malformed.html")
    assert article.title == "Council approves new budget & tax plan"  # unclosed <title> repaired
    assert article.byline == ["Lena Brandt"]
    assert len([p for p in article.paragraphs if len(p) > 100]) == 4
    assert "voted against the plan and said" in article.body


def test_script_style_and_noscript_never_leak() -> None:
    article = run("script_in_article.html")
    assert "LEAKED" not in article.body
    assert not any("LEAKED" in b.text for b in article.boilerplate)
    assert len(article.paragraphs) == 3
    assert article.title == "Rail operator orders forty new trains"


def test_dispatch_through_extract() -> None:
    data = (PAGES / "og_only.html").read_bytes()
    article = extract(RawDocument.from_bytes(data, "html", Source("file")))
    assert article.outlet == "Harbour Times"


# ------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02\x03PK\x03\x04" * 40, "binary"),
        (b"Just a line of plain text with no markup at all.", "no markup"),
    ],
)
def test_bad_input_raises_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        extract_html(RawDocument.from_bytes(data, "html", Source("file")))


@pytest.mark.parametrize(
    "data",
    [
        b"<p>One short paragraph that is only a fragment of a page.</p>",
        b"<<<>>>< / >",
        b"<html><body></body></html>",
        "<html><body><p>caf\xe9 \u2013 na\xefve</p></body></html>".encode("latin-1", "replace"),
        b"<div>" * 3000 + b"deep" + b"</div>" * 3000,
    ],
)
def test_fragments_and_odd_markup_give_an_article_or_an_input_error(data: bytes) -> None:
    try:
        article = extract_html(RawDocument.from_bytes(data, "html", Source("file")))
    except InputError as err:
        assert str(err)  # a message that says what is wrong
    else:
        assert isinstance(article.paragraphs, list)


def test_fragment_text_is_extracted() -> None:
    data = (
        b"<p>The harbour master confirmed on Friday that the channel would reopen to ferries next week.</p>"
    )
    article = extract_html(RawDocument.from_bytes(data, "html", Source("file")))
    assert article.paragraphs == [
        "The harbour master confirmed on Friday that the channel would reopen to ferries next week."
    ]


def test_publisher_from_footer_and_container_fallbacks() -> None:
    page = (
        "<html><body><article><p>The ferry company said on Monday that crossings to the island would resume "
        "next week after repairs to the landing ramp were finished ahead of schedule.</p><p>Passengers who "
        "booked during the closure will be offered a refund or a free change of date, the company added.</p>"
        "</article><footer><p>© 2024 Harbour Publishing Ltd. All rights reserved.</p></footer></body></html>"
    ).encode()
    declared = {"byline": "By Ana Ruiz and Li Wei", "language": "en"}
    article = extract_html(RawDocument.from_bytes(page, "html", Source("file"), declared))
    assert article.publisher == "Harbour Publishing"
    assert article.byline == ["Ana Ruiz", "Li Wei"]
    assert article.language == "en"
    assert "Harbour Publishing" not in article.body
