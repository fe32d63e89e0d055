"""extract_text on hand-written dumps in different site styles (tests/extract/dumps/, all invented)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.errors import InputError
from wirewatch.extract.textdump import extract_text
from wirewatch.records import Article, RawDocument, Source

DUMPS = Path(__file__).parent / "dumps"


def run(
    name: str, *, crlf: bool = False, url: str | None = None, declared: dict[str, str] | None = None
) -> Article:
    data = (DUMPS / name).read_bytes()
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    raw = RawDocument.from_bytes(data, "text", Source("file", path=str(DUMPS / name), url=url), declared)
    return extract_text(raw)


def dropped(art: Article) -> dict[str, str]:
    return {b.text: b.reason for b in art.boilerplate}


def test_cookie_banner_byline_ap_dateline_and_footer_menu() -> None:
    art = run("cookie_banner_ap_dateline.txt")
    assert art.title == "Coastal towns brace for record storm surge as ferry services halt"
    assert art.byline == ["Jane Doe", "Tom Rivers"]
    assert art.wire == "Associated Press"
    assert art.dateline == "PORTLAND, Maine"
    assert art.paragraphs[0].startswith("PORTLAND, Maine (AP) — Emergency crews")  # dateline stays in text
    assert art.paragraphs[-1].startswith("Utility companies said")
    assert len(art.paragraphs) == 5
    assert (art.published.date, art.published.precision) == ("2026-11-03", "day")
    assert art.published.evidence == "Updated 3:05 PM, Nov 3, 2026"
    assert art.publisher == "Harbourview Media Group"
    assert art.related_headlines == [
        "Island school reopens after three-week closure",
        "Fishing fleet counts losses after autumn gales",
        "Council approves new sea wall budget",
    ]
    reasons = dropped(art)
    assert reasons["Accept all"] == "call-to-action"
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Tweet"] == "share"
    assert reasons["34 comments"] == "comments"
    assert reasons["Most Read"] == "related-cue"
    assert reasons["Privacy Policy"] == "legal"
    assert reasons["Careers"] == "navigation"
    assert reasons[next(t for t in reasons if t.startswith("We use cookies"))] == "call-to-action"
    assert not any("cookie" in p.lower() or p == "Advertisement" for p in art.paragraphs)
    assert art.language == "en"


def test_paywall_nag_mid_body_and_getty_credit() -> None:
    art = run("paywall_getty_credit.txt")
    assert art.title == "Why the central bank's rate pause may not last"
    assert art.outlet == "The Meridian Post"
    assert art.publisher == "Meridian Post"
    assert art.byline == ["Jane Roe"]
    assert len(art.paragraphs) == 5  # the body continues after the nag and the inline link
    assert not any("free articles" in p or "Read more" in p for p in art.paragraphs)
    assert art.paragraphs[-1].startswith("“The door is open")
    assert len(art.captions) == 1
    cap = art.captions[0]
    assert cap.text == "Traders gather on the floor of the exchange as the rate decision is announced."
    assert cap.credit == "Photo: Jane Roe/Getty Images"
    assert art.related_headlines == [
        "Housing market cools as mortgage costs bite",
        "Pension funds shift into short-dated bonds",
        "What a stronger currency means for exporters",
    ]
    nag = "You have reached your limit of free articles. Subscribe today for unlimited digital access."
    assert dropped(art)[nag] == "call-to-action"
    assert art.published.date == "2026-11-03"


@pytest.mark.parametrize("crlf", [False, True])
def test_no_title_one_line_per_paragraph(crlf: bool) -> None:
    art = run("no_title_one_line_paragraphs.txt", crlf=crlf)
    assert art.title is None
    assert len(art.paragraphs) == 10
    assert art.paragraphs[0].startswith("Rescue teams reached the remote valley")
    assert art.paragraphs[-1] == "Their initial report is expected by the end of the week."
    assert all("\r" not in p for p in art.paragraphs)
    assert art.related_headlines == ["EVACUATION ORDERS EXPANDED ACROSS NORTHERN DISTRICTS"]
    assert set(dropped(art)) == {"Item added to your basket", "Use code SAVE20 at checkout"}
    assert art.published.date is None and art.published.precision == "unknown"
    assert art.outlet is None and art.wire is None and art.dateline is None


def test_reuters_dateline_with_date_and_contributor_line() -> None:
    art = run("reuters_dated_dateline.txt")
    assert art.title == "EU ministers agree outline of joint gas purchasing scheme"
    assert art.wire == "Reuters"
    assert art.dateline == "BRUSSELS"
    assert art.evidence["dateline"] == "BRUSSELS, Nov 3 (Reuters) -"
    assert art.published.date == "2026-11-03" and art.published.evidence == "Published: Nov 3, 2026"
    assert len(art.paragraphs) == 4
    reasons = dropped(art)
    assert reasons["(Reporting by Jan Kowalski; Editing by Peter Smith)"] == "contributors"
    assert not any("editorial standards" in p for p in art.paragraphs)


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    art = run("hard_wrapped.txt")
    assert len(art.paragraphs) == 5
    assert art.paragraphs[0].startswith("VALLEY CITY -- The school board voted")
    assert art.paragraphs[0].endswith("falling enrolment and rising repair bills.")
    assert art.dateline == "VALLEY CITY"
    assert art.title is None


def test_spanish_dump_with_efe_credit() -> None:
    art = run("spanish_efe.txt")
    assert art.language == "es"
    assert art.wire == "EFE"
    assert art.dateline == "LIMA"
    assert art.byline == ["María Fernández"]
    assert art.title == "Lluvias torrenciales dejan miles de evacuados en el norte del país"
    assert art.published.date == "2026-11-03"
    assert art.publisher == "Editorial Sur"
    assert len(art.paragraphs) == 4
    assert "Suscríbete a nuestro boletín" in dropped(art)


def test_image_caption_cue_pairs_caption_with_credit() -> None:
    art = run("image_caption_cue.txt")
    assert art.captions and art.captions[0].credit == "Image source, Getty Images"
    assert art.captions[0].text.startswith("Firefighters worked through the night")
    assert art.title is None  # the caption is not promoted to title
    assert art.outlet == "BBC"
    assert art.byline == ["Tom Rivers"]
    assert art.related_headlines == ["Warehouse owners fined over safety breaches"]
    assert len(art.paragraphs) == 4


def test_staff_writer_byline_trailing_afp_and_domain_logo() -> None:
    art = run("staff_writer_trailing_afp.txt")
    assert art.outlet == "Northwind Herald"
    assert art.evidence["outlet"] == "Northwind-herald.com header logo"
    assert art.publisher == "Northwind Media"
    assert art.byline == ["Sam Okoye"]
    assert art.wire == "AFP"
    assert art.paragraphs[-1].endswith("said a spokesman for a growers' association.")  # credit stripped
    assert [(c.text[:22], c.credit) for c in art.captions] == [
        ("FILE PHOTO: Cargo barg", "REUTERS/Lena Fischer/File Photo"),
        ("Barges carrying grain ", "PHOTO: AFP"),
    ]
    assert (art.published.date, art.published.precision) == ("2026", "year")
    assert dropped(art)["Follow topic:"] == "call-to-action"


def test_every_line_lands_in_exactly_one_place() -> None:
    name = "cookie_banner_ap_dateline.txt"
    art = run(name)
    lines = [ln.strip() for ln in (DUMPS / name).read_text(encoding="utf-8").splitlines() if ln.strip()]
    placed = [art.title] + art.paragraphs + [c.text for c in art.captions] + [b.text for b in art.boilerplate]
    placed += art.related_headlines
    assert sorted(p for p in placed if p) == sorted(lines)


def test_declared_metadata_fills_gaps_and_container_date_wins() -> None:
    declared = {"title": "Landslide cuts off valley", "published": "2026-02-01"}
    art = run("no_title_one_line_paragraphs.txt", declared=declared)
    assert art.title == "Landslide cuts off valley"
    assert art.published.date == "2026-02-01" and art.published.source == "container"
    art = run("staff_writer_trailing_afp.txt", url="https://www.straitstimes.com/world/x")
    assert art.outlet == "Northwind Herald"  # the page's own logo beats the URL


def test_url_host_names_the_outlet_when_the_text_does_not() -> None:
    art = run("no_title_one_line_paragraphs.txt", url="https://www.straitstimes.com/asia/valley")
    assert art.outlet == "The Straits Times"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n\t  ", "empty"),
        (b"\x00\x01\x02binary\x00\x00\x00\x00payload\x00" * 20, None),
        (bytes(range(1, 9)) * 60, None),
    ],
)
def test_bad_input_raises_input_error(data: bytes, message: str | None) -> None:
    """Empty, binary or control-character soup is reported as InputError (the decoder words the message)."""
    raw = RawDocument.from_bytes(data, "text", Source("text"))
    with pytest.raises(InputError, match=message) as info:
        extract_text(raw)
    assert str(info.value)


def test_latin1_and_utf16_bytes_decode() -> None:
    text = (
        "Caf\u00e9 owners in the old town said on Tuesday that rents had doubled since the spring, and "
        "several of them warned they would close before the end of the year unless the council stepped in."
    )
    for data in (text.encode("utf-16"), text.encode("cp1252")):
        art = extract_text(RawDocument.from_bytes(data, "text", Source("text")))
        assert art.paragraphs == [text]


def test_only_menu_lines_give_an_empty_body_not_a_crash() -> None:
    raw = RawDocument.from_bytes(b"Home\nWorld\nSport\nAbout Us\n", "text", Source("text"))
    art = extract_text(raw)
    assert art.paragraphs == [] and art.title is None
    assert {b.text for b in art.boilerplate} == {"Home", "World", "Sport", "About Us"}


def test_headline_with_one_lexicon_phrase_can_still_be_the_title() -> None:
    art = run("lexicon_word_in_headline.txt")
    assert art.title == "App store fees draw record fine from European regulators"
    assert art.wire == "Associated Press" and art.dateline == "BRUSSELS"
    assert dropped(art)["Cookie settings"] == "call-to-action"


FIRST = "The harbour authority said on Friday that the new breakwater would be finished by the summer."
SECOND = "Construction crews have worked through the winter, and the project remains within its budget."


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share Facebook Twitter WhatsApp Email", "share"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Listen to this article", "call-to-action"),
    ],
)
def test_mid_body_furniture_is_dropped_and_body_continues(line: str, reason: str) -> None:
    raw = RawDocument.from_bytes(f"{FIRST}\n\n{line}\n\n{SECOND}\n".encode(), "text", Source("text"))
    art = extract_text(raw)
    assert art.paragraphs == [FIRST, SECOND]
    assert dropped(art) == {line: reason}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Comments (12)", "comments"),
        ("View 34 comments", "comments"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "legal"),
    ],
)
def test_closing_furniture_ends_the_body(line: str, reason: str) -> None:
    """Comment counts and legal lines close an article: a lone sentence after them is not body."""
    tail = "Readers can send their questions to the desk through the website."
    text = f"{FIRST}\n\n{SECOND}\n\n{line}\n\n{tail}\n"
    raw = RawDocument.from_bytes(text.encode(), "text", Source("text"))
    art = extract_text(raw)
    assert art.paragraphs == [FIRST, SECOND]
    assert dropped(art)[line] == reason and tail in dropped(art)


def test_wrapped_block_inside_an_otherwise_unwrapped_dump() -> None:
    long_line = (
        "The museum reopened on Saturday after a two-year renovation that added new galleries, a rooftop "
        "garden and a learning centre for schools, the director said at the opening ceremony."
    )
    wrapped = (
        "Visitors queued for more than an hour before the doors opened, and\n"
        "volunteers handed out water to families waiting in the morning sun\n"
        "while a brass band played on the steps of the main entrance.\n"
    )
    text = f"Museum reopens after renovation\n\n{long_line}\n\n{wrapped}\nMore stories\nPrivacy Policy\n"
    art = extract_text(RawDocument.from_bytes(text.encode(), "text", Source("text")))
    assert art.title == "Museum reopens after renovation"
    assert art.paragraphs == [long_line, " ".join(wrapped.split())]
