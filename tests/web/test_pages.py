"""Dashboard pages rendered over the test store (no browser): status, content, escaping, charts."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from markupsafe import Markup
from tests.web.conftest import stories_ready

from wirewatch.web import charts, highlight


def test_every_page_renders(client: TestClient, ids: dict[str, Any]) -> None:
    aid = ids["articles"]["agree"]
    pages = [
        "/",
        "/events",
        "/actors",
        "/articles",
        f"/articles/{aid}",
        "/actors/state:MEX",
        "/actors/person:claudia-sheinbaum",
        "/search?q=Mexico",
        "/api",
        "/articles?q=steel",
        "/events?type=AID&a=USA&b=MEX",
    ]
    for path in pages:
        res = client.get(path)
        assert res.status_code == 200, (path, res.text[:300])
        assert res.headers["content-type"].startswith("text/html")
        assert "<script" not in res.text.lower(), path
    assert client.get("/static/style.css").status_code == 200


def test_missing_and_bad_pages_are_html_errors(client: TestClient) -> None:
    res = client.get("/articles/ffffffffffffff")
    assert res.status_code == 404 and "text/html" in res.headers["content-type"] and "Not found" in res.text
    res = client.get("/events?type=NOPE")
    assert res.status_code == 422 and "unknown PLOVER type" in res.text


def test_story_and_dyad_pages(client: TestClient) -> None:
    if not stories_ready():
        res = client.get("/stories")
        assert res.status_code == 503 and "stories" in res.text
        assert client.get("/dyads/USA/MEX").status_code == 503
        return
    stories = client.get("/api/stories").json()["items"]
    res = client.get(f"/stories/{stories[0]['id']}")
    assert res.status_code == 200 and "<svg" in res.text and "Coverage" in res.text
    res = client.get("/dyads/USA/MEX?freq=month")
    assert res.status_code == 200 and "<svg" in res.text and 'id="p-' in res.text


def test_article_page_marks_annotations_and_links_records(client: TestClient, ids: dict[str, Any]) -> None:
    aid = ids["articles"]["agree"]
    html = client.get(f"/articles/{aid}").text
    assert 'href="/actors/person:claudia-sheinbaum"' in html
    assert 'class="q' in html  # quoted speech marked
    assert re.search(r'class="t quad-(VC|MC|VK|MK)"', html) or 'class="m state t quad-' in html
    assert 'id="ev-e1"' in html and 'id="card-e1"' in html
    focused = client.get(f"/articles/{aid}?event=e1").text
    assert 'class="sent focus"' in focused or "sent focus" in focused
    # captions, when present, and boilerplate stay apart from the body
    assert '<div class="body">' in html


def test_hostile_article_is_escaped(client: TestClient, ids: dict[str, Any]) -> None:
    aid = ids["articles"]["Hostile"]
    html = client.get(f"/articles/{aid}").text
    lowered = html.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered
    assert 'href="javascript:' not in lowered
    assert "&lt;script&gt;alert(" in html  # shown as text
    assert "&lt;img src=x onerror=alert(" in html
    assert "javascript:alert(&#39;link&#39;)" in html
    assert "Evil &lt;b&gt;Outlet&lt;/b&gt;" in html
    # the hostile title is escaped everywhere it is listed
    for path in ("/", "/articles", "/events", "/search?q=Hostile"):
        page = client.get(path).text.lower()
        assert "<script" not in page and 'href="javascript:' not in page, path


def test_highlight_escapes_each_segment() -> None:
    text = 'Say <b>"hi"</b> & go'
    spans = [highlight.Span(4, 15, "quote", "0", "direct"), highlight.Span(0, 3, "mention", "person:x<y>")]
    out = highlight.render(text, spans)
    assert isinstance(out, Markup)
    assert "<b>" not in out and "&lt;b&gt;&#34;hi&#34;&lt;/b&gt;" in out and "&amp; go" in out
    assert 'href="/actors/person:x%3Cy%3E"' in out
    # overlapping spans split into segments, each wrapped once; out-of-range spans are ignored
    spans = [
        highlight.Span(0, 8, "sentence", "e1"),
        highlight.Span(4, 12, "quote", "1"),
        highlight.Span(5, 99, "mention", "a"),
    ]
    out = highlight.render("abcdefghijkl", spans, focus="e1")
    assert out.count('id="ev-e1"') == 1 and "sent focus" in out
    assert "".join(re.sub(r"<[^>]+>", "", out)) == "abcdefghijkl"


def test_charts_are_svg_with_escaped_labels() -> None:
    svg = charts.stacked_bars([{"period": "<x>", "counts": {"VC": 2, "MK": 1}}], href=lambda p: f"/e?p={p}")
    assert svg.startswith("<svg") and "&lt;x&gt;" in svg and "<x>" not in svg
    assert 'class="quad-VC"' in svg and 'class="quad-MK"' in svg
    line = charts.intensity_line(
        [{"period": "2026-01", "intensity_mean": -4.0, "rolling_mean": -3.0, "n": 3, "counts": {"MK": 3}}]
    )
    assert "quad-MK" in line
    lanes = charts.lanes([{"lane": "A<b>", "date": "2026-01-02", "title": "t", "href": "/a/1"}])
    assert "A&lt;b&gt;" in lanes
    assert "tone-neg" in charts.tone_bars({"X": -0.4, "Y": 0.2})
