"""RSS/Atom entries, URLs and URL lists, fetched from a server the test runs on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from tests.ingest.conftest import Site
from wirewatch.ingest import IngestOptions, iter_documents
from wirewatch.records import RawDocument, Skip

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Gazette</title><language>en-gb</language>
<item>
  <title>Ferry timetable approved</title>
  <link>{base}/ferry</link>
  <guid>harbour-1</guid>
  <pubDate>Tue, 13 Jan 2026 08:30:00 GMT</pubDate>
  <dc:creator>Ann Lee</dc:creator>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>The council voted on Tuesday to add two evening crossings.</p>]]>
  </content:encoded>
</item>
<item>
  <title>Tide tables</title>
  <link>{base}/tides</link>
  <pubDate>Wed, 14 Jan 2026 07:00:00 +0100</pubDate>
</item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title>
<entry><title>Bridge reopens</title><id>tag:valley,2026:1</id>
<link href="https://valleypost.example/bridge"/>
<published>2026-01-14</published><author><name>Cy Ray</name></author>
<summary type="text">The bridge reopened on Wednesday after repairs.</summary></entry>
</feed>
"""
FERRY = b"<html><body><article><p>Full ferry story from the site.</p></article></body></html>"
TIDES = b"<html><body><article><p>Full tides story from the site.</p></article></body></html>"


def test_rss_entries_carry_feed_metadata(tmp_path: Path) -> None:
    path = tmp_path / "gazette.xml"
    path.write_text(RSS.format(base="https://harbour.example"), encoding="utf-8")
    ferry, tides = iter_documents([path])
    assert isinstance(ferry, RawDocument)
    assert ferry.content == b"<p>The council voted on Tuesday to add two evening crossings.</p>"
    assert ferry.media_type == "html"
    assert ferry.source.kind == "feed" and ferry.source.member == "entry 1" and ferry.source.path == str(path)
    assert ferry.declared == {
        "title": "Ferry timetable approved",
        "published": "2026-01-13T08:30:00+00:00",
        "published_raw": "Tue, 13 Jan 2026 08:30:00 GMT",
        "url": "https://harbour.example/ferry",
        "byline": "Ann Lee",
        "outlet": "Harbour Gazette",
        "language": "en-gb",
        "record_id": "harbour-1",
        "encoding": "utf-8",
    }
    assert isinstance(tides, Skip) and "follow_feed_links" in tides.reason


def test_atom_summary_and_date_only_value(tmp_path: Path) -> None:
    (tmp_path / "valley.atom").write_text(ATOM, encoding="utf-8")
    [entry] = iter_documents([tmp_path / "valley.atom"])
    assert isinstance(entry, RawDocument)
    assert entry.media_type == "text"
    assert entry.content == b"The bridge reopened on Wednesday after repairs."
    assert entry.declared["published"] == "2026-01-14"  # no time invented
    assert entry.declared["byline"] == "Cy Ray" and entry.declared["outlet"] == "Valley Post"


def test_feed_links_are_followed_when_asked(tmp_path: Path, site: Site) -> None:
    site.routes["/ferry"] = (200, "text/html; charset=utf-8", FERRY)
    site.routes["/tides"] = (200, "text/html", TIDES)
    path = tmp_path / "gazette.rss"
    path.write_text(RSS.format(base=site.base), encoding="utf-8")
    ferry, tides = iter_documents([path], IngestOptions(follow_feed_links=True))
    assert isinstance(ferry, RawDocument) and isinstance(tides, RawDocument)
    assert ferry.content == FERRY and tides.content == TIDES
    assert ferry.source.kind == "feed" and ferry.source.url == site.url("/ferry")
    assert ferry.source.fetched_at and ferry.source.member == "entry 1"
    assert ferry.declared["title"] == "Ferry timetable approved"  # the feed's metadata travels along
    assert sorted(site.hits) == ["/ferry", "/tides"]


def test_url_list_fetches_in_order_and_reports_failures(tmp_path: Path, site: Site) -> None:
    site.routes["/a"] = (200, "text/html", FERRY)
    site.routes["/old"] = (301, "text/html", site.url("/b").encode())
    site.routes["/b"] = (200, "text/plain; charset=utf-8", b"Plain text story.\n")
    site.routes["/style.css"] = (200, "text/css", b"p { color: red }")
    site.routes["/feed"] = (200, "application/rss+xml", RSS.format(base=site.base).encode())
    listing = tmp_path / "urls.txt"
    paths = ["/a", "/missing", "/old", "/style.css", "/feed"]
    listing.write_text("# today's list\n" + "".join(site.url(p) + "\n" for p in paths), encoding="utf-8")
    items = list(iter_documents([listing], IngestOptions(fetch_workers=3)))
    kinds = [(type(i).__name__, i.source.url if isinstance(i, RawDocument) else i.where) for i in items]
    assert kinds == [
        ("RawDocument", site.url("/a")),
        ("Skip", site.url("/missing")),
        ("RawDocument", site.url("/b")),  # the address after the redirect
        ("Skip", site.url("/style.css")),
        ("RawDocument", site.url("/ferry")),  # entries of a fetched feed
        ("Skip", site.url("/tides") + " [entry 2]"),  # no text in the feed, links not followed
    ]
    a, missing, b = items[0], items[1], items[2]
    assert isinstance(a, RawDocument) and a.source.kind == "url" and a.declared["url"] == site.url("/a")
    assert isinstance(missing, Skip) and "404" in missing.reason
    assert isinstance(b, RawDocument) and b.media_type == "text" and b.declared["encoding"] == "utf-8"


def test_url_argument_and_size_limit(site: Site) -> None:
    site.routes["/big"] = (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>")
    [doc] = iter_documents([site.url("/big")])
    assert isinstance(doc, RawDocument)
    [skip] = iter_documents([site.url("/big")], IngestOptions(max_document_bytes=1000))
    assert isinstance(skip, Skip) and "1000" in skip.reason


def test_no_network_means_skips_not_fetches(tmp_path: Path, site: Site) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(site.url("/a") + "\n", encoding="utf-8")
    items = list(iter_documents([listing, site.url("/b")], IngestOptions(allow_network=False)))
    assert [type(i) for i in items] == [Skip, Skip]
    assert all("allow_network" in i.reason for i in items if isinstance(i, Skip))
    assert site.hits == []


def test_unreachable_server_is_a_skip() -> None:
    [skip] = iter_documents(["http://127.0.0.1:9/nothing-listens-here"], IngestOptions(fetch_timeout=2))
    assert isinstance(skip, Skip) and "127.0.0.1:9" in skip.where


def test_mixed_url_and_file_arguments_keep_their_order(tmp_path: Path, site: Site) -> None:
    site.routes["/a"] = (200, "text/html", FERRY)
    site.routes["/b"] = (200, "text/html", TIDES)
    site.routes["/c"] = (200, "text/plain", b"Third story.\n")
    local = tmp_path / "local.txt"
    local.write_text("A local story.\n", encoding="utf-8")
    items = list(iter_documents([site.url("/a"), local, site.url("/b"), site.url("/c")]))
    assert [i.source.url or i.source.path for i in items if isinstance(i, RawDocument)] == [
        site.url("/a"),
        str(local),
        site.url("/b"),
        site.url("/c"),
    ]
