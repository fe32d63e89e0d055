"""Render wirewatch's bundled sample corpus from the authoring files.

Reads every ``samples/authoring/<story-id>/<article-id>.txt`` (a small header, ``---``, then the body) and
writes, deterministically (same input, byte-identical output):

- ``corpus/txt/<id>.txt``                text dumps (Gulf Coast Courier, Northern Ledger, Harbourview Times)
- ``corpus/html/<id>.html``              full pages of The Meridian Post
- ``corpus/feeds/pacific-daily-wire.xml`` one RSS 2.0 feed (Pacific Daily Wire)
- ``corpus/jsonl/capital-dispatch.jsonl`` one JSON object per article (The Capital Dispatch)
- ``corpus/warc/atlas-news.warc.gz``      one WARC response record per article (Atlas News Network)
- ``manifest.jsonl``                      the truth for every rendered document

Usage::

    python samples/build.py            # (re)build everything
    python samples/build.py --check    # exit 1 if the committed output differs from a fresh build
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

SAMPLES = Path(__file__).resolve().parent
T = TypeVar("T")

REQUIRED_KEYS = ("id", "story", "outlet", "url", "published", "title", "byline", "dateline", "wire")
OPTIONAL_KEYS = ("copy_of", "update_of")
MIN_WORDS, MAX_WORDS = 250, 600


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    fmt: str  # txt | html | rss | jsonl | warc
    shows_title: bool = True
    shows_date: bool = True


OUTLETS: dict[str, Outlet] = {
    o.name: o
    for o in (
        Outlet("The Meridian Post", "meridianpost.example", "html"),
        Outlet("Gulf Coast Courier", "gulfcoastcourier.example", "txt"),
        Outlet("The Northern Ledger", "northernledger.example", "txt"),
        Outlet("Harbourview Times", "harbourviewtimes.example", "txt", shows_title=False, shows_date=False),
        Outlet("Pacific Daily Wire", "pacificdailywire.example", "rss"),
        Outlet("The Capital Dispatch", "capitaldispatch.example", "jsonl"),
        Outlet("Atlas News Network", "atlasnews.example", "warc"),
    )
}
FEED_PATH = "feeds/pacific-daily-wire.xml"
JSONL_PATH = "jsonl/capital-dispatch.jsonl"
WARC_PATH = "warc/atlas-news.warc.gz"


class AuthoringError(Exception):
    """An authoring file is malformed; the message names the file and says what to fix."""


@dataclass(frozen=True)
class Caption:
    text: str
    credit: str | None


@dataclass(frozen=True)
class Block:
    kind: str  # p | caption | related
    text: str
    credit: str | None = None


@dataclass
class Article:
    path: Path
    id: str
    story: str
    outlet: Outlet
    url: str
    published: datetime | None
    title: str
    byline: list[str]
    dateline: str
    wire: str
    copy_of: str | None
    update_of: str | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "p"]

    @property
    def captions(self) -> list[Caption]:
        return [Caption(b.text, b.credit) for b in self.blocks if b.kind == "caption"]

    @property
    def related(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "related"]

    @property
    def sort_key(self) -> tuple[str, str]:
        stamp = self.published.astimezone(UTC).isoformat() if self.published else ""
        return (stamp, self.id)


# --------------------------------------------------------------------------------------------------------
# parsing and validation


def _fail(path: Path, message: str) -> AuthoringError:
    try:
        shown = path.relative_to(SAMPLES)
    except ValueError:
        shown = path
    return AuthoringError(f"{shown}: {message}")


def parse_article(path: Path) -> Article:
    """Parse and check one authoring file; raise AuthoringError naming the file on any problem."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(path, f"not valid UTF-8 ({exc})") from None
    raw = raw.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = raw.split("\n")
    try:
        sep = lines.index("---")
    except ValueError:
        raise _fail(path, "no '---' line separating the header from the body") from None
    header: dict[str, str] = {}
    for n, line in enumerate(lines[:sep], start=1):
        if not line.strip():
            continue
        m = re.fullmatch(r"([a-z_]+):(.*)", line)
        if not m:
            raise _fail(path, f"header line {n} is not 'key: value': {line!r}")
        key, value = m.group(1), m.group(2).strip()
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
            raise _fail(
                path, f"unknown header key {key!r} (allowed: {', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)})"
            )
        if key in header:
            raise _fail(path, f"header key {key!r} given twice")
        header[key] = value
    missing = [k for k in REQUIRED_KEYS if k not in header]
    if missing:
        raise _fail(
            path, f"missing header keys: {', '.join(missing)} (leave the value empty if there is none)"
        )

    aid, story = header["id"], header["story"]
    if aid != path.stem:
        raise _fail(path, f"id {aid!r} does not match the file name {path.stem!r}")
    if story != path.parent.name:
        raise _fail(path, f"story {story!r} does not match the folder name {path.parent.name!r}")
    if aid.split("-")[0] != story.split("-")[0]:
        raise _fail(path, f"id {aid!r} should start with the story prefix {story.split('-')[0]!r}-")
    outlet = OUTLETS.get(header["outlet"])
    if outlet is None:
        raise _fail(path, f"unknown outlet {header['outlet']!r} (one of: {', '.join(OUTLETS)})")
    url = header["url"]
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme != "https" or not (host == outlet.domain or host.endswith("." + outlet.domain)):
        raise _fail(path, f"url {url!r} should be https on {outlet.domain} for {outlet.name}")
    published: datetime | None = None
    if header["published"]:
        try:
            published = datetime.fromisoformat(header["published"])
        except ValueError:
            raise _fail(path, f"published {header['published']!r} is not an ISO 8601 datetime") from None
        if published.tzinfo is None:
            raise _fail(path, f"published {header['published']!r} needs a UTC offset, e.g. -06:00")
    elif outlet.fmt != "txt":
        raise _fail(path, f"published is required for {outlet.name} (its {outlet.fmt} format carries a date)")
    if not header["title"] and outlet.shows_title:
        raise _fail(path, f"title is required for {outlet.name}")
    byline = [b.strip() for b in header["byline"].split(";") if b.strip()]

    blocks = _parse_body(path, lines[sep + 1 :])
    paragraphs = [b.text for b in blocks if b.kind == "p"]
    if not paragraphs:
        raise _fail(path, "the body has no paragraphs")
    dateline = header["dateline"]
    if dateline and not paragraphs[0].casefold().startswith(dateline.casefold()):
        raise _fail(path, f"the first paragraph should start with the dateline {dateline!r}")
    return Article(
        path=path,
        id=aid,
        story=story,
        outlet=outlet,
        url=url,
        published=published,
        title=header["title"],
        byline=byline,
        dateline=dateline,
        wire=header["wire"],
        copy_of=header.get("copy_of") or None,
        update_of=header.get("update_of") or None,
        blocks=blocks,
    )


def _parse_body(path: Path, lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("p", " ".join(para)))
            para.clear()

    for line in lines:
        text = line.strip()
        if not text:
            flush()
            continue
        marker = re.match(r"\[([a-z_]+)\]\s*", text)
        if marker:
            flush()
            rest = text[marker.end() :]
            if marker.group(1) == "caption":
                cap, _, credit = rest.partition("||")
                if not cap.strip():
                    raise _fail(path, f"empty caption: {text!r}")
                blocks.append(Block("caption", cap.strip(), credit.strip() or None))
            elif marker.group(1) == "related":
                if not rest:
                    raise _fail(path, f"empty related headline: {text!r}")
                blocks.append(Block("related", rest))
            else:
                raise _fail(path, f"unknown marker [{marker.group(1)}] (only [caption] and [related])")
            continue
        para.append(text)
    flush()
    return blocks


def load_articles(authoring: Path) -> list[Article]:
    """Parse every authoring file and check the relations between them."""
    files = sorted(authoring.glob("*/*.txt"))
    if not files:
        raise AuthoringError(f"no authoring files under {authoring}")
    articles = [parse_article(p) for p in files]
    by_id: dict[str, Article] = {}
    for a in articles:
        if a.id in by_id:
            raise _fail(a.path, f"id {a.id!r} also used by {by_id[a.id].path}")
        by_id[a.id] = a
    by_url: dict[str, Article] = {}
    for a in articles:
        for key, ref in (("copy_of", a.copy_of), ("update_of", a.update_of)):
            if ref and ref not in by_id:
                raise _fail(a.path, f"{key} refers to unknown id {ref!r}")
        if a.copy_of:
            orig = by_id[a.copy_of]
            if orig.paragraphs != a.paragraphs:
                raise _fail(a.path, f"copy_of {orig.id}: body paragraphs must be identical to the original")
            if orig.outlet == a.outlet:
                raise _fail(a.path, f"copy_of {orig.id}: a wire copy should come from a different outlet")
        if a.update_of:
            orig = by_id[a.update_of]
            if orig.url != a.url or orig.outlet != a.outlet:
                raise _fail(
                    a.path, f"update_of {orig.id}: an update keeps the outlet and url of the original"
                )
            if orig.published and a.published and a.published <= orig.published:
                raise _fail(a.path, f"update_of {orig.id}: the update must be published later")
    for a in sorted(articles, key=lambda x: x.sort_key):
        other = by_url.get(a.url)
        if other is not None and a.update_of != other.id and other.update_of != a.id:
            raise _fail(a.path, f"url also used by {other.id} (only an update_of may reuse a url)")
        by_url[a.url] = a
    return articles


def word_warnings(articles: Sequence[Article]) -> list[str]:
    out = []
    for a in articles:
        n = sum(len(p.split()) for p in a.paragraphs)
        if not MIN_WORDS <= n <= MAX_WORDS:
            out.append(f"warning: {a.id}: {n} body words (aim for {MIN_WORDS}-{MAX_WORDS})")
    return out


# --------------------------------------------------------------------------------------------------------
# helpers


def pick(aid: str, salt: str, options: Sequence[T]) -> T:
    """A deterministic choice per article id, so furniture varies but never between builds."""
    h = int.from_bytes(hashlib.sha256(f"{salt}:{aid}".encode()).digest()[:8], "big")
    return options[h % len(options)]


def num(aid: str, salt: str, lo: int, hi: int) -> int:
    h = int.from_bytes(hashlib.sha256(f"{salt}:{aid}".encode()).digest()[:8], "big")
    return lo + h % (hi - lo + 1)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def slug(text: str, limit: int = 8) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:limit]) or "story"


def join_names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def section_of(url: str) -> str:
    first = urlsplit(url).path.strip("/").split("/")[0]
    return first.replace("-", " ").title() if first and not first.isdigit() else "World"


def related_url(domain: str, headline: str) -> str:
    return f"https://www.{domain}/news/{slug(headline)}"


def image_url(domain: str, aid: str, n: int) -> str:
    digest = hashlib.sha1(f"{aid}:{n}".encode()).hexdigest()[:16]
    return f"https://img.{domain}/2026/11/{digest}.jpg"


def summary(a: Article, words: int = 32) -> str:
    first = a.paragraphs[0].split()
    return " ".join(first[:words]) + (" ..." if len(first) > words else "")


def clock(dt: datetime) -> str:
    hour = dt.hour % 12 or 12
    return f"{hour}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}"


def utc_offset_label(dt: datetime) -> str:
    off = dt.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"GMT{sign}{h}" + (f":{m:02d}" if m else "")


def eastern(dt: datetime) -> datetime:
    return dt.astimezone(ZoneInfo("America/New_York"))


def body_words(paragraphs: Sequence[str]) -> list[str]:
    return "\n\n".join(paragraphs).split()


def iso_date(dt: datetime | None) -> str | None:
    return dt.date().isoformat() if dt else None


# --------------------------------------------------------------------------------------------------------
# manifest


# Lines that credit the newsroom rather than report: "(Reporting by ...; Editing by ...)",
# "Associated Press writer X contributed to this report." Our convention keeps them out of the body.
CONTRIBUTOR_LINE = re.compile(
    r"^\((?:additional )?(?:reporting|writing|editing|compiled) by\b.*\)$"
    r"|\bcontributed (?:to this|reporting)\b",
    re.I,
)
# A trailing agency signature ("... next month. \u2014 AFP", "... on drugs. AFP") is a credit, not body text.
WIRE_SIGNATURE = re.compile(
    r"(?<=[.!?\"\u201d\u2019])\s*(?:[-\u2013\u2014]\s*)?\(?(?:AFP|AP|REUTERS|Reuters)\)?$"
)
# How each template prints a photo credit; the manifest keeps the marker as printed ("PHOTO: REUTERS").
CREDIT_MARKERS = {
    "Gulf Coast Courier": "PHOTO: ",
    "The Northern Ledger": "Credit: ",
    "Atlas News Network": "Photo: ",
}


def manifest_body(a: Article) -> list[str]:
    """The body paragraphs a correct extractor returns: no contributor lines, no trailing wire signature."""
    paras = [p for p in a.paragraphs if not CONTRIBUTOR_LINE.search(p)]
    if paras:
        paras[-1] = WIRE_SIGNATURE.sub("", paras[-1]).rstrip()
    return paras


def shown_outlet(a: Article, shown: str) -> str | None:
    """The outlet's name when the rendered document spells it out ("The" optional), else None."""
    name = a.outlet.name.casefold().removeprefix("the ")
    return a.outlet.name if name in " ".join(shown.split()).casefold() else None


def printed_credits(a: Article, captions: Sequence[Caption]) -> list[dict[str, str | None]]:
    marker = CREDIT_MARKERS.get(a.outlet.name, "")
    return [{"text": c.text, "credit": f"{marker}{c.credit}" if c.credit else None} for c in captions]


def manifest_entry(
    a: Article,
    *,
    path: str,
    member: str | int | None,
    shown: str,
    title: str | None,
    published: str | None,
    byline: list[str],
    captions: Sequence[Caption],
    related: Sequence[str],
) -> dict[str, object]:
    """What a correct extractor finds in one rendered document; `shown` is all the text it carries."""
    paras = manifest_body(a)
    words = body_words(paras)
    return {
        "id": a.id,
        "story": a.story,
        "outlet": shown_outlet(a, shown),
        "format": a.outlet.fmt,
        "path": path,
        "member": member,
        "url": a.url,
        "title": title,
        "published": published,
        "byline": byline,
        "dateline": a.dateline or None,
        "wire": a.wire or None,
        "paragraphs": len(paras),
        "first_words": " ".join(words[:8]),
        "last_words": " ".join(words[-8:]),
        "captions": printed_credits(a, captions),
        "related": list(related),
        "copy_of": a.copy_of,
        "update_of": a.update_of,
    }


def full_entry(
    a: Article, path: str, member: str | int | None, published: str | None, shown: str
) -> dict[str, object]:
    """The entry for a document that shows everything the authoring file has."""
    return manifest_entry(
        a,
        path=path,
        member=member,
        shown=shown,
        title=a.title,
        published=published,
        byline=a.byline,
        captions=a.captions,
        related=a.related,
    )


# --------------------------------------------------------------------------------------------------------
# text dumps


GULF_LOGOS = ("Gulfcoastcourier.example header logo", "Gulf Coast Courier logo", "GCC masthead logo")
GULF_NAGS = (
    "Join 40,000 readers: the Courier's morning briefing, free every weekday",
    "Register for Courier newsletters and never miss a headline",
    "Don't miss out: Sign up for the Courier's World Today newsletter",
)
GULF_TOPICS = ("Follow this topic", "Get alerts on this topic", "Follow these topics")
GULF_FOOTER = (
    "E-paper",
    "Newsletters",
    "Podcasts",
    "RSS Feed",
    "Puzzles",
    "About Us",
    "Terms & Conditions",
    "Privacy Policy",
    "Advertise with us",
    "Download the app",
)


def render_gulf(a: Article) -> bytes:
    out: list[str] = [pick(a.id, "logo", GULF_LOGOS), a.title, pick(a.id, "nag", GULF_NAGS)]
    blocks = list(a.blocks)
    lead = next((b for b in blocks if b.kind == "caption"), None)
    if lead is not None:
        blocks.remove(lead)
        out += _gulf_caption(lead)
    out.append(pick(a.id, "topic", GULF_TOPICS))
    if a.byline:
        out.append(f"By {join_names(a.byline)}")
    if a.published:
        dt = a.published
        out.append(
            f"Published {dt:%b} {dt.day}, {dt.year}, {dt.hour % 12 or 12:02d}:{dt.minute:02d} "
            f"{'AM' if dt.hour < 12 else 'PM'}"
        )
    for b in blocks:
        if b.kind == "p":
            out.append(b.text)
        elif b.kind == "caption":
            out += _gulf_caption(b)
    if a.related:
        out.append("More on this topic\n" + "\n".join(a.related) + "\nSee more on")
    drop = num(a.id, "footer", 0, len(GULF_FOOTER) - 1)
    out += [item for i, item in enumerate(GULF_FOOTER) if i != drop]
    out.append("Questions about your account? Contact our help desk.")
    out.append(
        pick(
            a.id,
            "sub",
            (
                "Get unlimited access to the Courier's reporting and analysis\nSubscribe",
                "Read without limits. Subscribe to the Gulf Coast Courier today\nSubscribe",
            ),
        )
    )
    out.append("© 2026 Coastline Media Group Ltd. All rights reserved.")
    return ("\n\n".join(out) + "\n").encode("utf-8")


def _gulf_caption(b: Block) -> list[str]:
    return [b.text] + ([f"PHOTO: {b.credit}"] if b.credit else [])


LEDGER_COOKIES = (
    "We use cookies to personalise content and ads and to analyse our traffic. "
    "By clicking \u201cAccept all\u201d you agree to our use of cookies. Accept all | Manage preferences",
    "This site uses cookies. Some are essential; others help us improve your experience and show relevant "
    "advertising. Accept | Reject non-essential | Cookie settings",
)
LEDGER_MENUS = (
    "Home  World  Politics  Business  Climate  Opinion  Sports  Podcasts",
    "World  U.S.  Canada  Business  Technology  Opinion  Arts  Newsletters",
)
LEDGER_PAYWALL = (
    "You\u2019re reading your {n}th of 5 free articles this month. Subscribe now for $1 a week.",
    "Subscriber exclusive: get unlimited digital access for $1 a week. Already a subscriber? Log in",
    "You have {n} free articles left this month. Support independent journalism \u2014 subscribe today.",
)
LEDGER_SHARE = (
    "Share  Facebook  X  LinkedIn  Email  Copy link",
    "Share this article:  Email  Facebook  X  WhatsApp",
)


def render_ledger(a: Article) -> tuple[bytes, str | None]:
    out = [pick(a.id, "cookie", LEDGER_COOKIES), "THE NORTHERN LEDGER\n" + pick(a.id, "menu", LEDGER_MENUS)]
    out.append(a.title)
    head = []
    if a.byline:
        head.append(f"By {join_names(a.byline)}")
    shown_date: str | None = None
    if a.published:
        et = eastern(a.published)
        verb = "Updated" if a.update_of or num(a.id, "upd", 0, 2) == 0 else "Published"
        head.append(f"{verb} {et:%b} {et.day}, {et.year} {clock(et)} ET")
        shown_date = et.date().isoformat()
    if head:
        out.append("\n".join(head))
    share = pick(a.id, "share", LEDGER_SHARE)
    share_on_top = num(a.id, "sharepos", 0, 1) == 0
    if share_on_top:
        out.append(share)
    n_par = len(a.paragraphs)
    paywall_after = max(1, n_par // 2)
    seen = 0
    for b in a.blocks:
        if b.kind == "p":
            out.append(b.text)
            seen += 1
            if seen == 2 and n_par > 3:
                out.append("Advertisement")
            if seen == paywall_after and seen < n_par:
                out.append(pick(a.id, "paywall", LEDGER_PAYWALL).format(n=num(a.id, "left", 2, 4)))
        elif b.kind == "caption":
            out.append(b.text + (f"\nCredit: {b.credit}" if b.credit else ""))
    if not share_on_top:
        out.append(share)
    out.append(f"{num(a.id, 'comments', 3, 412)} Comments")
    if a.related:
        out.append("Read more\n" + "\n".join(a.related))
    out.append("About Us  Contact  Careers  Terms of Use  Privacy Policy  Accessibility  Sitemap")
    out.append("\u00a9 2026 The Northern Ledger Company. All rights reserved.")
    return ("\n\n".join(out) + "\n").encode("utf-8"), shown_date


HARBOUR_TEASERS = (
    "STORM WARNING ISSUED AS HEAVY RAIN HEADS FOR THE COAST",
    "CITY COUNCIL VOTES TO KEEP NIGHT BUSES RUNNING THROUGH WINTER",
    "OIL PRICES SLIP AS TRADERS WEIGH A SOFTER DEMAND OUTLOOK",
    "WHY SHIPPING RATES ARE CLIMBING AGAIN",
    "HARBOUR FERRY FARES TO RISE IN THE NEW YEAR",
)
HARBOUR_CART = (
    "Coupon accepted!\nThe discount now shows in your basket.",
    "Item added to your cart\nContinue shopping or proceed to checkout.",
    "Promo code accepted!\n15% off has been applied to your order.",
)


def harbour_teasers(a: Article) -> list[str]:
    return [r.upper() for r in a.related] or [pick(a.id, "teaser", HARBOUR_TEASERS)]


def render_harbour(a: Article) -> bytes:
    teasers = harbour_teasers(a)
    paras = a.paragraphs
    lines: list[str] = []
    first_slot = min(len(paras) - 1, num(a.id, "slot", 3, 6)) if len(paras) > 1 else 1
    for i, p in enumerate(paras, start=1):
        lines.append(p)
        if i >= first_slot and teasers and i < len(paras):
            lines.append(teasers.pop(0))
    lines += teasers  # whatever did not find a slot
    blank = "\n" * num(a.id, "gap", 3, 5)
    return ("\n".join(lines) + "\n" + blank + pick(a.id, "cart", HARBOUR_CART) + "\n").encode("utf-8")


# --------------------------------------------------------------------------------------------------------
# The Meridian Post: full HTML pages


def _json_ld(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


def _meridian_date(dt: datetime) -> str:
    month = {5: "May", 6: "June", 7: "July"}.get(dt.month, f"{dt:%b}.")
    return f"{month} {dt.day}, {dt.year} at {clock(dt).lower().replace('am', 'a.m.').replace('pm', 'p.m.')}"


MERIDIAN_NAV = ("World", "U.S.", "Politics", "Business", "Climate", "Opinion", "Culture", "Podcasts")
MERIDIAN_NEWSLETTERS = (
    ("The Morning Meridian", "The five stories you need before breakfast, every weekday."),
    ("World Brief", "Our foreign correspondents on what happened overnight, in your inbox at 6 a.m."),
    ("Trade Lines", "A weekly guide to tariffs, supply chains and the deals behind them."),
)


def render_meridian(a: Article) -> bytes:
    assert a.published is not None
    domain = a.outlet.domain
    iso = a.published.isoformat()
    section = section_of(a.url)
    ld: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": iso,
        "dateModified": iso,
        "mainEntityOfPage": a.url,
        "articleSection": section,
        "publisher": {"@type": "Organization", "name": "The Meridian Post", "url": f"https://www.{domain}/"},
    }
    if a.byline:
        ld["author"] = [{"@type": "Person", "name": n} for n in a.byline]
    if a.captions:
        ld["image"] = [image_url(domain, a.id, 0)]
    active = ' class="active"'
    nav = "\n".join(
        f'      <li{active if item == section else ""}><a href="/{slug(item)}/">{esc(item)}</a></li>'
        for item in MERIDIAN_NAV
    )
    body: list[str] = []
    n_fig = 0
    for b in a.blocks:
        if b.kind == "p":
            body.append(f"      <p>{esc(b.text)}</p>")
        elif b.kind == "caption":
            credit = f' <span class="credit">{esc(b.credit)}</span>' if b.credit else ""
            body.append(
                f'      <figure class="story-image">\n'
                f'        <img src="{image_url(domain, a.id, n_fig)}" alt="{esc(b.text)}" loading="lazy">\n'
                f"        <figcaption>{esc(b.text)}{credit}</figcaption>\n"
                f"      </figure>"
            )
            n_fig += 1
            if n_fig == 1 and num(a.id, "ad", 0, 1):
                body.append('      <div class="ad-slot" data-slot="inline-1">Advertisement</div>')
    byline = ""
    if a.byline:
        names = " and ".join(f'<a rel="author" href="/authors/{slug(n)}/">{esc(n)}</a>' for n in a.byline)
        byline = f'\n      <p class="byline">By {names}</p>'
    aside = ""
    if a.related:
        items = "\n".join(
            f'        <li><a href="{esc(related_url(domain, r))}">{esc(r)}</a></li>' for r in a.related
        )
        aside = (
            f'\n    <aside class="related">\n      <h2>Related</h2>\n      <ul>\n{items}\n      </ul>\n'
            f"    </aside>"
        )
    nl_name, nl_blurb = pick(a.id, "newsletter", MERIDIAN_NEWSLETTERS)
    cookie = pick(
        a.id,
        "cookie",
        (
            "We and our partners use cookies to run this site, measure audiences and personalise ads.",
            "This website uses cookies so that we can give you the best reading experience.",
        ),
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(a.title)} | The Meridian Post</title>
  <meta name="description" content="{esc(summary(a))}">
  <link rel="canonical" href="{esc(a.url)}">
  <meta property="og:site_name" content="The Meridian Post">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{esc(a.title)}">
  <meta property="og:url" content="{esc(a.url)}">
  <meta property="article:published_time" content="{iso}">
  <meta property="article:section" content="{esc(section)}">
  <link rel="stylesheet" href="/static/css/meridian.8c1f2.css">
  <script type="application/ld+json">
{_json_ld(ld)}
  </script>
</head>
<body class="article-page section-{slug(section)}">
  <div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookie consent">
    <p>{esc(cookie)} <a href="/privacy/">Privacy policy</a></p>
    <button type="button" class="accept">Accept all</button>
    <button type="button" class="manage">Manage settings</button>
  </div>
  <header class="masthead">
    <a class="logo" href="https://www.{domain}/">The Meridian Post</a>
    <nav class="main-nav" aria-label="Sections">
    <ul>
{nav}
    </ul>
    </nav>
    <a class="subscribe" href="/subscribe/">Subscribe</a>
  </header>
  <main id="main">
    <article class="story">
      <p class="kicker"><a href="/{slug(section)}/">{esc(section)}</a></p>
      <h1 class="headline">{esc(a.title)}</h1>{byline}
      <p class="dateline-meta"><time datetime="{iso}">{esc(_meridian_date(a.published))}</time></p>
{chr(10).join(body)}
      <div class="share-tools">
        <button>Share</button><button>Save</button><button>Gift this article</button>
      </div>
    </article>{aside}
    <section class="newsletter-box">
      <h2>Sign up for {esc(nl_name)}</h2>
      <p>{esc(nl_blurb)}</p>
      <form action="/newsletters/subscribe" method="post">
        <input type="email" name="email" placeholder="Your email address">
        <button type="submit">Sign up</button>
      </form>
    </section>
  </main>
  <footer class="site-footer">
    <ul>
      <li><a href="/about/">About us</a></li>
      <li><a href="/contact/">Contact</a></li>
      <li><a href="/careers/">Careers</a></li>
      <li><a href="/terms/">Terms of service</a></li>
      <li><a href="/privacy/">Privacy policy</a></li>
    </ul>
    <p>&copy; 2026 The Meridian Post. All rights reserved.</p>
  </footer>
</body>
</html>
"""
    return page.encode("utf-8")


# --------------------------------------------------------------------------------------------------------
# Pacific Daily Wire: one RSS 2.0 feed


def article_fragment(a: Article, figure_class: str = "") -> str:
    """Body HTML used inside the feed and the Capital Dispatch html lines."""
    domain = a.outlet.domain
    parts: list[str] = []
    n_fig = 0
    cls = f' class="{figure_class}"' if figure_class else ""
    for b in a.blocks:
        if b.kind == "p":
            parts.append(f"<p>{esc(b.text)}</p>")
        elif b.kind == "caption":
            credit = f" <small>{esc(b.credit)}</small>" if b.credit else ""
            parts.append(
                f'<figure{cls}><img src="{image_url(domain, a.id, n_fig)}" alt="">'
                f"<figcaption>{esc(b.text)}{credit}</figcaption></figure>"
            )
            n_fig += 1
    if a.related:
        items = "".join(f'<li><a href="{esc(related_url(domain, r))}">{esc(r)}</a></li>' for r in a.related)
        parts.append(f'<h4>Related coverage</h4><ul class="related">{items}</ul>')
    return "\n".join(parts)


def render_feed(articles: Sequence[Article]) -> bytes:
    items: list[str] = []
    ordered = sorted(articles, key=lambda x: x.sort_key, reverse=True)
    for a in ordered:
        assert a.published is not None
        creator = f"\n      <dc:creator>{esc(join_names(a.byline))}</dc:creator>" if a.byline else ""
        guid = f"pacificdailywire.example:{a.id}"
        content = article_fragment(a)
        items.append(
            f"""    <item>
      <title>{esc(a.title)}</title>
      <link>{esc(a.url)}</link>
      <guid isPermaLink="false">{guid}</guid>
      <pubDate>{format_datetime(a.published)}</pubDate>{creator}
      <category>{esc(section_of(a.url))}</category>
      <description>{esc(summary(a))}</description>
      <content:encoded><![CDATA[{content}]]></content:encoded>
    </item>"""
        )
    last = format_datetime(ordered[0].published) if ordered and ordered[0].published else ""
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Pacific Daily Wire - World</title>
    <link>https://www.pacificdailywire.example/world/</link>
    <atom:link href="https://www.pacificdailywire.example/feeds/world.xml" rel="self"
               type="application/rss+xml"/>
    <description>World news from the Pacific Daily Wire newsroom and its agency partners.</description>
    <language>en-us</language>
    <lastBuildDate>{last}</lastBuildDate>
    <ttl>15</ttl>
{chr(10).join(items)}
  </channel>
</rss>
"""
    return feed.encode("utf-8")


# --------------------------------------------------------------------------------------------------------
# The Capital Dispatch: JSONL


def capital_html(a: Article) -> str:
    assert a.published is not None
    byline = f'<p class="byline">By {esc(join_names(a.byline))}</p>' if a.byline else ""
    shown = f"{a.published:%B} {a.published.day}, {a.published.year}"
    return (
        f'<html><head><meta charset="utf-8"><title>{esc(a.title)} - The Capital Dispatch</title></head>'
        f'<body><div class="promo-bar">Get the Dispatch for 99\u00a2 a month. '
        f'<a href="/subscribe">Subscribe</a></div>'
        f"<article><h1>{esc(a.title)}</h1>{byline}"
        f'<time datetime="{a.published.isoformat()}">{shown}</time>\n{article_fragment(a, "wp-caption")}\n'
        f"</article><footer><p>\u00a9 2026 The Capital Dispatch</p></footer></body></html>"
    )


def render_jsonl(articles: Sequence[Article]) -> tuple[bytes, list[dict[str, object]]]:
    lines: list[str] = []
    entries: list[dict[str, object]] = []
    for n, a in enumerate(sorted(articles, key=lambda x: x.sort_key), start=1):
        assert a.published is not None
        obj: dict[str, object] = {
            "url": a.url,
            "title": a.title,
            "published": a.published.isoformat(),
            "outlet": a.outlet.name,
        }
        published = iso_date(a.published)
        if n % 2:  # odd lines: plain text, even lines: html
            obj["text"] = "\n\n".join(a.paragraphs)
            entries.append(
                manifest_entry(
                    a,
                    path=JSONL_PATH,
                    member=n,
                    shown=json.dumps(obj, ensure_ascii=False),
                    title=a.title,
                    published=published,
                    byline=[],
                    captions=[],
                    related=[],
                )
            )
        else:
            obj["html"] = capital_html(a)
            entries.append(full_entry(a, JSONL_PATH, n, published, json.dumps(obj, ensure_ascii=False)))
        lines.append(json.dumps(obj, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b"", entries


# --------------------------------------------------------------------------------------------------------
# Atlas News Network: WARC


def render_atlas(a: Article) -> bytes:
    assert a.published is not None
    domain = a.outlet.domain
    iso = a.published.isoformat()
    section = section_of(a.url)
    news: dict[str, object] = {
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": iso,
        "url": a.url,
    }
    if a.byline:
        news["author"] = [{"@type": "Person", "name": n} for n in a.byline]
    news["publisher"] = {"@type": "NewsMediaOrganization", "name": "Atlas News Network"}
    website = {"@type": "WebSite", "name": "Atlas News Network", "url": f"https://www.{domain}/"}
    graph = {"@context": "https://schema.org", "@graph": [website, news]}
    body: list[str] = []
    n_fig = 0
    for i, b in enumerate(a.blocks):
        if b.kind == "p":
            body.append(f'        <p class="para">{esc(b.text)}</p>')
            if i == 2:
                body.append('        <div class="ad-container"><span>Advertisement</span></div>')
        elif b.kind == "caption":
            credit = (
                f'\n            <span class="media-credit">Photo: {esc(b.credit)}</span>' if b.credit else ""
            )
            body.append(
                f'        <div class="media-block">\n'
                f'          <picture><img data-src="{image_url(domain, a.id, n_fig)}" alt=""></picture>\n'
                f'          <div class="media-caption">\n'
                f'            <span class="caption-text">{esc(b.text)}</span>'
                f"{credit}\n          </div>\n        </div>"
            )
            n_fig += 1
    authors = ", ".join(f'<span class="author-name">{esc(n)}</span>' for n in a.byline)
    meta_author = f'\n  <meta name="author" content="{esc(", ".join(a.byline))}">' if a.byline else ""
    more = ""
    if a.related:
        items = "\n".join(
            f'          <li><a href="{esc(related_url(domain, r))}">{esc(r)}</a></li>' for r in a.related
        )
        more = (
            f'\n      <section class="read-next">\n        <h3>Read next</h3>\n        <ul>\n{items}\n'
            f"        </ul>\n      </section>"
        )
    ticker = pick(
        a.id,
        "ticker",
        (
            "LIVE: Markets open mixed as investors await central bank minutes",
            "Weather alert: cold front moving east through the weekend",
            "Breaking news alerts are now on WhatsApp. Join our channel",
        ),
    )
    shown = (
        f"{a.published:%B} {a.published.day}, {a.published.year} \u00b7 {clock(a.published)} "
        f"{utc_offset_label(a.published)}"
    )
    page = f"""<!doctype html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>{esc(a.title)} - Atlas News Network</title>
  <meta name="description" content="{esc(summary(a, 24))}">{meta_author}
  <meta name="parsely-pub-date" content="{a.published.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="Atlas News Network">
  <link rel="canonical" href="{esc(a.url)}">
  <script type="application/ld+json">{_json_ld(graph)}</script>
  <script src="https://static.{domain}/js/app.3e9d.js" defer></script>
</head>
<body class="atlas layout-story">
  <div class="top-ticker">{esc(ticker)}</div>
  <header class="site-header">
    <a class="brand" href="https://www.{domain}/">ATLAS <b>NEWS</b> NETWORK</a>
    <ul class="menu">
      <li>Latest</li><li>World</li><li>Americas</li><li>Asia</li><li>Markets</li><li>Video</li>
      <li>Live TV</li>
    </ul>
    <a class="btn-login" href="/account/login">Sign in</a>
  </header>
  <div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/{slug(section)}">{esc(section)}</a></div>
  <main id="content" role="main">
    <div class="story-wrap">
      <div class="story-header">
        <h1 class="story-title">{esc(a.title)}</h1>
        <div class="story-meta">
          <div class="author-list">{("By " + authors) if authors else "Atlas News Network"}</div>
          <div class="pubdate" data-ts="{iso}">{esc(shown)}</div>
        </div>
      </div>
      <div class="story-body" itemprop="articleBody">
{chr(10).join(body)}
      </div>{more}
    </div>
  </main>
  <div class="app-promo">Get the Atlas app for breaking news alerts. <a href="/app">Download</a></div>
  <footer class="site-footer">
    <nav><a href="/about">About Atlas</a> | <a href="/terms">Terms</a> | <a href="/privacy">Privacy</a> |
      <a href="/ad-choices">Ad choices</a> | <a href="/contact">Contact</a></nav>
    <p>Atlas News Network &copy; 2026. All rights reserved.</p>
  </footer>
</body>
</html>
"""
    return page.encode("utf-8")


def warc_date(dt: datetime) -> str:
    return (dt + timedelta(hours=2)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def record_id(key: str) -> str:
    return f"<urn:uuid:{uuid.UUID(bytes=hashlib.sha1(key.encode()).digest()[:16], version=5)}>"


def render_warc(articles: Sequence[Article]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ordered = sorted(articles, key=lambda x: x.sort_key)
    buf = BytesIO()
    writer = WARCWriter(buf, gzip=True, warc_version="1.0")
    first = warc_date(ordered[0].published) if ordered and ordered[0].published else "2026-11-01T00:00:00Z"
    info = (
        b"software: wirewatch samples/build.py\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"isPartOf: wirewatch-sample-corpus\r\n"
        b"description: Invented pages of the fictional Atlas News Network, written for testing wirewatch\r\n"
        b"robots: ignore\r\n"
    )
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": record_id("warcinfo:atlas-news.warc.gz"),
                "WARC-Date": first,
                "WARC-Filename": "atlas-news.warc.gz",
            },
        )
    )
    for a in ordered:
        assert a.published is not None
        page = render_atlas(a)
        captured = a.published + timedelta(hours=2)
        http_headers = StatusAndHeaders(
            "200 OK",
            [
                ("Date", format_datetime(captured.astimezone(UTC), usegmt=True)),
                ("Server", "nginx"),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(page))),
                ("Cache-Control", "max-age=60, public"),
            ],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                a.url,
                "response",
                payload=BytesIO(page),
                length=len(page),
                http_headers=http_headers,
                warc_headers_dict={
                    "WARC-Record-ID": record_id(f"response:{a.id}"),
                    "WARC-Date": warc_date(a.published),
                },
            )
        )
    return buf.getvalue()


# --------------------------------------------------------------------------------------------------------
# the build


def build(samples: Path = SAMPLES) -> dict[str, bytes]:
    """Return every generated file as {path relative to samples/: bytes}."""
    articles = load_articles(samples / "authoring")
    files: dict[str, bytes] = {}
    entries: list[dict[str, object]] = []
    by_fmt: dict[str, list[Article]] = {}
    for a in articles:
        by_fmt.setdefault(a.outlet.fmt, []).append(a)

    for a in by_fmt.get("txt", []):
        path = f"txt/{a.id}.txt"
        if a.outlet.name == "Gulf Coast Courier":
            files[f"corpus/{path}"] = render_gulf(a)
            entries.append(full_entry(a, path, None, iso_date(a.published), files[f"corpus/{path}"].decode()))
        elif a.outlet.name == "The Northern Ledger":
            files[f"corpus/{path}"], shown = render_ledger(a)
            entries.append(full_entry(a, path, None, shown, files[f"corpus/{path}"].decode()))
        else:
            files[f"corpus/{path}"] = render_harbour(a)
            entries.append(
                manifest_entry(
                    a,
                    path=path,
                    member=None,
                    shown=files[f"corpus/{path}"].decode(),
                    title=None,
                    published=None,
                    byline=[],
                    captions=[],
                    related=harbour_teasers(a),
                )
            )
    for a in by_fmt.get("html", []):
        path = f"html/{a.id}.html"
        files[f"corpus/{path}"] = render_meridian(a)
        entries.append(full_entry(a, path, None, iso_date(a.published), files[f"corpus/{path}"].decode()))
    if by_fmt.get("rss"):
        files[f"corpus/{FEED_PATH}"] = render_feed(by_fmt["rss"])
        feed = files[f"corpus/{FEED_PATH}"].decode()
        entries += [full_entry(a, FEED_PATH, a.url, iso_date(a.published), feed) for a in by_fmt["rss"]]
    if by_fmt.get("jsonl"):
        files[f"corpus/{JSONL_PATH}"], jsonl_entries = render_jsonl(by_fmt["jsonl"])
        entries += jsonl_entries
    if by_fmt.get("warc"):
        files[f"corpus/{WARC_PATH}"] = render_warc(by_fmt["warc"])
        for a in by_fmt["warc"]:
            entries.append(full_entry(a, WARC_PATH, a.url, iso_date(a.published), render_atlas(a).decode()))

    entries.sort(key=lambda e: (str(e["story"]), str(e["id"])))
    files["manifest.jsonl"] = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries).encode()
    readme = samples / "README.md"
    if readme.exists():
        files["README.md"] = _readme_with_counts(readme.read_text(encoding="utf-8"), articles)
    return dict(sorted(files.items()))


def counts_block(articles: Sequence[Article]) -> str:
    def tally(key: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for a in articles:
            k = {"story": a.story, "outlet": a.outlet.name, "format": a.outlet.fmt}[key]
            out[k] = out.get(k, 0) + 1
        return dict(sorted(out.items()))

    dates = sorted(a.published.date().isoformat() for a in articles if a.published)
    lines = [
        f"- {len(articles)} articles in {len(tally('story'))} stories"
        + (f", dated {dates[0]} to {dates[-1]}" if dates else "")
    ]
    for key, label in (("story", "per story"), ("outlet", "per outlet"), ("format", "per format")):
        lines.append(f"- {label}: " + ", ".join(f"{k} {v}" for k, v in tally(key).items()))
    copies = sum(1 for a in articles if a.copy_of)
    updates = sum(1 for a in articles if a.update_of)
    lines.append(f"- wire copies (copy_of): {copies}; updated versions (update_of): {updates}")
    return "\n".join(lines)


def _readme_with_counts(text: str, articles: Sequence[Article]) -> bytes:
    start, end = "<!-- counts:start -->", "<!-- counts:end -->"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = f"{head}{start}\n{counts_block(articles)}\n{end}{tail}"
    return text.encode("utf-8")


def existing_outputs(samples: Path) -> set[str]:
    corpus = samples / "corpus"
    found = (
        {p.relative_to(samples).as_posix() for p in corpus.rglob("*") if p.is_file()}
        if corpus.exists()
        else set()
    )
    for name in ("manifest.jsonl", "README.md"):
        if (samples / name).exists():
            found.add(name)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="compare the committed output with a fresh build"
    )
    parser.add_argument(
        "--samples", type=Path, default=SAMPLES, help="the samples folder (default: this one)"
    )
    args = parser.parse_args(argv)
    samples: Path = args.samples.resolve()
    try:
        files = build(samples)
    except AuthoringError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for w in word_warnings(load_articles(samples / "authoring")):
        print(w, file=sys.stderr)
    stale = sorted(existing_outputs(samples) - set(files))
    if args.check:
        changed = [
            p for p, data in files.items() if not (samples / p).exists() or (samples / p).read_bytes() != data
        ]
        for p in changed:
            print(f"differs: {p}", file=sys.stderr)
        for p in stale:
            print(f"not produced by the build: {p}", file=sys.stderr)
        if changed or stale:
            print("the committed sample corpus is out of date: run python samples/build.py", file=sys.stderr)
            return 1
        print(f"ok: {len(files)} files up to date")
        return 0
    for p, data in files.items():
        target = samples / p
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
    for p in stale:
        (samples / p).unlink()
    n_docs = files["manifest.jsonl"].count(b"\n")
    print(f"wrote {len(files)} files ({n_docs} documents) under {samples}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
