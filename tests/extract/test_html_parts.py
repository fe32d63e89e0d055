"""The HTML extractor's small parts on made-up snippets: titles, names, dates, furniture, leads, JSON-LD."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from wirewatch.extract.html_date import find_published, parse_machine_date, url_date
from wirewatch.extract.html_furniture import split_credit, strip_furniture
from wirewatch.extract.html_jsonld import JsonLd, read_jsonld
from wirewatch.extract.html_lead import find_lead, with_lead
from wirewatch.extract.html_lexicon import GatedPatterns, _gate
from wirewatch.extract.html_lines import filter_paragraphs
from wirewatch.extract.html_meta import read_meta_tags, split_names, strip_site_name
from wirewatch.extract.html_tree import attribute_words, block_text

LONG = (
    "The regional parliament voted by a narrow margin on Wednesday to extend the emergency budget for "
    "another six months, after a debate that lasted well into the night and ended with a recorded vote."
)


# ------------------------------------------------------------------------------ titles and names
@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Storm hits coast | Daily Planet", ["Daily Planet"], "Storm hits coast"),
        ("Daily Planet - Storm hits coast", ["Daily Planet"], "Storm hits coast"),
        ("Storm hits coast – dailyplanet", ["dailyplanet"], "Storm hits coast"),
        ("Xbox review: a console that keeps up", ["Engadget"], "Xbox review: a console that keeps up"),
        ("Minister resigns over expenses row - BBC News", [], "Minister resigns over expenses row"),
        (
            "Minister resigns over expenses row - STOLEN!!!",
            [],
            "Minister resigns over expenses row - STOLEN!!!",
        ),
        ("Talks collapse :: Harbour Times ::", ["Harbour Times"], "Talks collapse"),
        ("Plain headline without a site", ["Daily Planet"], "Plain headline without a site"),
    ],
)
def test_strip_site_name(title: str, sites: list[str], expected: str) -> None:
    assert strip_site_name(title, sites) == expected


def test_strip_site_name_prefers_the_matching_h1() -> None:
    assert (
        strip_site_name("Budget passes - Politics - City Paper", [], headline="Budget passes")
        == "Budget passes"
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, John Roe & Ana Ruiz", ["Jane Doe", "John Roe", "Ana Ruiz"]),
        ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", ["Bradley M. Kuhn"]),
        ("By GILLIAN MOHNEY March 11, 2015 3:46 PM", ["GILLIAN MOHNEY"]),
        ("Par Sébastien Farcis", ["Sébastien Farcis"]),
        ("Staff", []),
        ("https://example.org/authors/jane", []),
    ],
)
def test_split_names(text: str, names: list[str]) -> None:
    assert split_names(text) == names


def test_meta_tags_with_several_names_in_one_property() -> None:
    tree = fromstring(
        '<html><head><meta property="x:title dc:title" content="Preferred">'
        '<meta property="og:title" content="First"><meta property="og:title" content="Second"></head></html>'
    )
    tags = read_meta_tags(tree)
    assert tags["dc:title"] == "Preferred" and tags["x:title"] == "Preferred"
    assert tags["og:title"] == "First"


# ------------------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("2024-03-05T10:00:00Z", ("2024-03-05", "day")),
        ("2024-03-05 23:10", ("2024-03-05", "day")),
        ("2024-3-5", ("2024-03-05", "day")),
        ("2024-03", ("2024-03", "month")),
        ("2024", ("2024", "year")),
        ("20240305", ("2024-03-05", "day")),
        ("Tue, 05 Mar 2024 10:00:00 GMT", ("2024-03-05", "day")),
        ("2024-13-01", None),
        ("1850-01-01", None),
        ("yesterday", None),
    ],
)
def test_parse_machine_date(value: str, parsed: tuple[str, str] | None) -> None:
    assert parse_machine_date(value) == parsed


def test_url_date_and_time_zone_slack() -> None:
    assert url_date("https://x.example/2020/02/24/story") == "2020-02-24"
    assert url_date("https://x.example/2020/02/31/story") is None
    assert url_date("https://x.example/story-2020") is None
    tree = fromstring("<html><body><p>x</p></body></html>")
    utc_next_day = JsonLd(date_published="2020-02-25T02:25:54Z")
    published = find_published(tree, {}, utc_next_day, url="https://x.example/2020/02/24/story")
    assert published.date == "2020-02-24"  # same story filed late evening in the publisher's zone
    far_off = JsonLd(date_published="2020-03-09T10:00:00Z")
    assert find_published(tree, {}, far_off, url="https://x.example/2020/02/24/story").date == "2020-03-09"


def test_container_date_wins_and_unparseable_container_date_is_ignored() -> None:
    tree = fromstring("<html><head></head><body><p>x</p></body></html>")
    declared = find_published(tree, {"article:published_time": "2021-01-02"}, JsonLd(), declared="2021-01-05")
    assert (declared.date, declared.source) == ("2021-01-05", "container")
    fallback = find_published(tree, {"article:published_time": "2021-01-02"}, JsonLd(), declared="soon")
    assert (fallback.date, fallback.source) == ("2021-01-02", "html-meta")
    written = find_published(tree, {}, JsonLd(), declared="March 5, 2024")
    assert (written.date, written.precision, written.source) == ("2024-03-05", "day", "container")


# --------------------------------------------------------------------------------- furniture
def test_split_credit() -> None:
    # the caption keeps its full stop and the credit its marker, as printed (the text-dump convention)
    pier = "Waves hit the pier."
    assert split_credit(f"{pier} (Photo: Jo Ray/AP)") == (pier, "Photo: Jo Ray/AP")
    assert split_credit("Ein Kran am Hafen. Foto: Max Muster") == ("Ein Kran am Hafen.", "Foto: Max Muster")
    assert split_credit("A quiet street at dawn") == ("A quiet street at dawn", None)


def test_strip_furniture_keeps_prose_containers_with_noisy_classes() -> None:
    paragraphs = "".join(f"<p>{LONG}</p>" for _ in range(3))
    tree = fromstring(
        f'<html><body><div class="entry share">{paragraphs}</div>'
        '<div class="item-caption">A teaser that only looks like a caption</div>'
        '<div class="share-buttons"><a href="#">Share on X</a></div>'
        '<figure><img src="a.jpg"><div class="wp-caption-text">Harbour at night. Photo: Li Wei</div></figure>'
        "</body></html>"
    )
    furniture = strip_furniture(tree)
    text = block_text(tree)
    assert LONG in text and "Share on X" not in text
    assert "A teaser that only looks like a caption" in text  # no picture nearby: not a caption
    assert [(c.text, c.credit) for c in furniture.captions] == [("Harbour at night.", "Photo: Li Wei")]
    assert "Harbour at night" not in text


def test_attribute_words_split_bem_and_dashes() -> None:
    element = fromstring('<div class="vce-related-box newsletter-form__header" id="Main_Story"></div>')
    words = attribute_words(element)
    assert {"related", "vce-related-box", "related-box", "newsletter", "header", "main", "story"} <= words


# ------------------------------------------------------------------------------ line filters
def test_filter_paragraphs_reasons_and_related() -> None:
    lines = filter_paragraphs(
        [
            LONG,
            "Read more: Parliament extends emergency budget for the third time",
            "LEA TAMBIÉN » El Congreso aprueba el presupuesto de emergencia",
            "Photo: Jana Novak/Reuters",
            "Updated: 12.03.2024, 14:05",
            "Sign up for our free morning newsletter",
            LONG.replace("regional", "national"),
            "Related stories",
            "Budget talks resume in the capital",
            "Opposition walks out of the chamber",
        ]
    )
    assert lines.paragraphs == [LONG, LONG.replace("regional", "national")]
    assert [b.reason for b in lines.boilerplate] == ["related", "related", "credit", "meta", "promo"] + [
        "related"
    ] * 3
    assert lines.related == [
        "Parliament extends emergency budget for the third time",
        "El Congreso aprueba el presupuesto de emergencia",
        "Budget talks resume in the capital",
        "Opposition walks out of the chamber",
    ]


def test_long_paragraph_mentioning_subscriptions_is_kept() -> None:
    text = (
        "The streaming company said subscriber numbers fell by two million in the quarter, the first decline "
        "since it began offering a cheaper plan with advertising, and its shares dropped eight percent."
    )
    assert filter_paragraphs([text]).paragraphs == [text]


def test_gate_words_respect_optional_letters_and_groups() -> None:
    assert _gate(r"\bletters? to the editor\b") == "letter"
    assert _gate(r"\bcanal de (youtube|telegram)\b") == "canal"
    assert _gate(r"^©") is None
    patterns = GatedPatterns([r"\bletters? to the editor\b", r"^©"])
    assert patterns.search("Write a Letter to the Editor today")
    assert patterns.search("© 2024 Example")
    assert not patterns.search("The editor wrote a letter")


# -------------------------------------------------------------------------------------- lead
def test_lead_between_headline_and_body_only() -> None:
    page = (
        "<html><body><div class='teaser'>A teaser of another story placed before the headline.</div>"
        "<h1>Budget extended</h1><p class='article-lead'>Lawmakers gave the government six more months of "
        f"emergency spending powers.</p><p>{LONG}</p><p class='summary'>Sign in to comment on this story "
        "and join the discussion.</p></body></html>"
    )
    tree = fromstring(page)
    lead = find_lead(tree, LONG)
    assert lead == "Lawmakers gave the government six more months of emergency spending powers."
    paragraphs, added = with_lead([LONG], lead)
    assert added and paragraphs[0] == lead
    assert with_lead([lead, LONG], lead) == ([lead, LONG], False)


def test_no_lead_when_only_teasers_follow_the_body() -> None:
    tree = fromstring(
        f"<html><body><h1>Budget extended</h1><p>{LONG}</p>"
        "<p class='teaser'>Another story teaser that comes after the article text.</p></body></html>"
    )
    assert find_lead(tree, LONG) is None


# ----------------------------------------------------------------------------------- JSON-LD
def test_jsonld_graph_references_cdata_and_sloppy_json() -> None:
    tree = fromstring(
        "<html><head>"
        '<script type="application/ld+json">//<![CDATA[\n{"@graph": [{"@type": "NewsArticle", '
        '"headline": "Budget extended", "author": [{"@id": "#p1"}, {"name": "John Roe"}], '
        '"publisher": {"@id": "#org"}, "datePublished": "2024-05-01T09:00:00+02:00",},'
        '{"@type": "Person", "@id": "#p1", "name": "Jane Doe"},'
        '{"@type": "Organization", "@id": "#org", "name": "City Paper Ltd"}]}\n//]]></script>'
        '<script type="application/ld+json">{not json at all</script>'
        "</head><body></body></html>"
    )
    found = read_jsonld(tree)
    assert found.headline == "Budget extended"
    assert found.authors == ["Jane Doe", "John Roe"]
    assert found.publisher == "City Paper Ltd"
    assert found.date_published == "2024-05-01T09:00:00+02:00"


def test_jsonld_article_body_markup_is_stripped() -> None:
    tree = fromstring(
        '<html><head><script type="application/ld+json">{"@type": "Article", '
        '"articleBody": "<p>First part.</p><p>Second &amp; last part.</p>"}</script></head></html>'
    )
    body = read_jsonld(tree).article_body or ""
    assert "<p>" not in body and "Second & last part." in body


def test_credit_elements_complete_or_form_captions() -> None:
    tree = fromstring(
        "<html><body><figure><img src='a.jpg'><figcaption>Crowds on the quay</figcaption>"
        "<span class='image-credit'>Photo: Li Wei</span></figure>"
        "<div><img src='b.jpg'><span class='credit'>© Harbour Archive</span></div>"
        "<figure><img src='c.jpg'><figcaption>Night ferry <span class='credit'>AP</span></figcaption>"
        "</figure>"
        "</body></html>"
    )
    captions = [(c.text, c.credit) for c in strip_furniture(tree).captions]
    assert captions == [
        ("Crowds on the quay", "Photo: Li Wei"),
        ("", "© Harbour Archive"),
        ("Night ferry", "AP"),
    ]


def test_closing_small_print_is_the_credit() -> None:
    tree = fromstring(
        "<html><body><figure><img src='a.jpg'>"
        "<figcaption>Ferries wait at the quay. <small>Jo Ray/Harbour Post</small></figcaption></figure>"
        "</body></html>"
    )
    captions = [(c.text, c.credit) for c in strip_furniture(tree).captions]
    assert captions == [("Ferries wait at the quay.", "Jo Ray/Harbour Post")]


def test_contributor_lines_close_the_story_only() -> None:
    paras = [
        "Reporting by the harbour authority showed that ferry traffic doubled over the summer months.",
        LONG,
        "(Reporting by Jo Ray in Harbour City; Editing by Li Wei)",
    ]
    lines = filter_paragraphs(paras)
    assert lines.paragraphs == paras[:2]
    assert [(b.text, b.reason) for b in lines.boilerplate] == [(paras[2], "contributors")]
