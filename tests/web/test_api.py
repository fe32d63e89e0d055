"""The JSON API over a real DuckDB file: every endpoint, bad parameters, pagination, downloads, the token."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import N_ARTICLES, stories_ready

from wirewatch.web import create_app


def test_summary_and_openapi(client: TestClient) -> None:
    got = client.get("/api/summary").json()
    assert got["articles"] == N_ARTICLES and got["events"] > 0 and got["actors"] > 0
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/quotes",
        "/api/events",
        "/api/events/{event_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/dyads/{a}/{b}",
        "/api/search",
        "/ingest",
    ):
        assert path in schema["paths"], path


def test_articles_list_and_filters(client: TestClient, ids: dict[str, Any]) -> None:
    got = client.get("/api/articles").json()
    assert len(got["items"]) == N_ARTICLES and got["next"] is None
    dates = [a["published_date"] for a in got["items"]]
    assert dates == sorted(dates, reverse=True)
    harbor = client.get("/api/articles", params={"outlet": "harbor"}).json()["items"]
    assert {a["outlet"] for a in harbor} == {"Harbor Times"} and len(harbor) == 2
    since = client.get("/api/articles", params={"since": "2026-11-01"}).json()["items"]
    assert all(a["published_date"] >= "2026-11-01" for a in since) and len(since) == 3
    found = client.get("/api/articles", params={"q": "steel"}).json()["items"]
    assert [a["id"] for a in found] == [ids["articles"]["steel"]]


def test_article_detail_has_annotations_with_offsets(client: TestClient, ids: dict[str, Any]) -> None:
    aid = ids["articles"]["agree"]
    rec = client.get(f"/api/articles/{aid}").json()
    body = rec["article"]["body"]
    assert rec["id"] == aid and rec["links"]["html"] == f"/articles/{aid}"
    names = {a["name"] for a in rec["actors"]}
    assert {"Claudia Sheinbaum", "Donald Trump", "Mexico"} <= names
    for a in rec["actors"]:
        for m in a["mentions"]:
            if m.get("field", "body") == "body":
                assert body[m["start"] : m["end"]] == m["text"]
    assert rec["quotes"] and all(q["text"] in body[q["start"] : q["end"]] for q in rec["quotes"])
    assert rec["events"]
    for e in rec["events"]:
        assert body[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]
        assert e["sentence"]["start"] <= e["trigger"]["start"] < e["sentence"]["end"]
    # an id prefix works as on the command line; an unknown id is a 404 with a message
    assert client.get(f"/api/articles/{aid[:12]}").json()["id"] == aid
    missing = client.get("/api/articles/ffffffffffff")
    assert missing.status_code == 404 and "no article" in missing.json()["detail"]


def test_actors_list_and_detail(client: TestClient) -> None:
    items = client.get("/api/actors", params={"limit": 500}).json()["items"]
    ids = {a["id"] for a in items}
    assert {"state:MEX", "state:USA", "person:claudia-sheinbaum"} <= ids
    assert [a["articles"] for a in items] == sorted((a["articles"] for a in items), reverse=True)
    mex = client.get("/api/actors", params={"country": "mex", "kind": "state"}).json()["items"]
    assert [a["id"] for a in mex] == ["state:MEX"]
    one = client.get("/api/actors/person:claudia-sheinbaum").json()
    assert one["name"] == "Claudia Sheinbaum" and one["articles"] >= 4
    for key in (
        "roles",
        "quotes_by_channel",
        "events_as_source",
        "events_as_target",
        "counterparts",
        "activity",
    ):
        assert key in one, key
    assert any("President" in (r["role"] or "") for r in one["roles"])
    assert one["quotes"] >= 1 and sum(c["n"] for c in one["quotes_by_channel"]) == one["quotes"]
    assert client.get("/api/actors/person:nobody-at-all").status_code == 404


def test_quotes_list(client: TestClient, ids: dict[str, Any]) -> None:
    items = client.get("/api/quotes", params={"limit": 500}).json()["items"]
    assert items and all(
        {"speaker", "text", "start_char", "end_char", "article_id"} <= q.keys() for q in items
    )
    mine = client.get("/api/quotes", params={"speaker": "Ebrard"}).json()["items"]
    assert mine and all(q["article_id"] == ids["articles"]["steel"] for q in mine)
    truth = client.get("/api/quotes", params={"channel": "truth social"}).json()["items"]
    assert all(q["channel"] == "Truth Social" for q in truth)


def test_events_list_filters_and_detail(client: TestClient, ids: dict[str, Any]) -> None:
    every = client.get("/api/events", params={"limit": 500}).json()["items"]
    assert len(every) == len(ids["events"])
    for e in every:
        short = e["id"].rsplit(":", 1)[1]
        assert e["links"]["sentence"] == f"/articles/{e['article_id']}?event={short}#ev-{short}"
    pair = client.get("/api/events", params={"a": "usa", "b": "MEX"}).json()["items"]
    assert pair and all({"USA", "MEX"} <= set(e["source_countries"] + e["target_countries"]) for e in pair)
    kinds = {e["type"] for e in every}
    one_type = sorted(kinds)[0]
    typed = client.get("/api/events", params={"type": one_type.lower()}).json()["items"]
    assert typed and {e["type"] for e in typed} == {one_type}
    quad = client.get("/api/events", params={"quad": "VK"}).json()["items"]
    assert all(e["quad_class"] == "VK" for e in quad)
    outlet = client.get("/api/events", params={"outlet": "Gulf"}).json()["items"]
    assert outlet and all(e["outlet"] == "Gulf Observer" for e in outlet)
    actor = client.get("/api/events", params={"actor": "Sheinbaum"}).json()["items"]
    assert actor and all("Claudia Sheinbaum" in e["source_names"] + e["target_names"] for e in actor)
    late = client.get("/api/events", params={"since": "2026-11-01", "factuality": "asserted"}).json()["items"]
    assert late and all(e["date"] >= "2026-11" and e["factuality"] == "asserted" for e in late)
    detail = client.get(f"/api/events/{every[0]['id']}").json()
    assert (
        detail["id"] == every[0]["id"] and detail["sentence"] and detail["record"]["type"] == detail["type"]
    )
    assert client.get("/api/events/nope:e1").status_code == 404


def test_search(client: TestClient, ids: dict[str, Any]) -> None:
    got = client.get("/api/search", params={"q": "steel"}).json()
    assert ids["articles"]["steel"] in [a["id"] for a in got["articles"]]
    got = client.get("/api/search", params={"q": "sheinbaum"}).json()
    assert "person:claudia-sheinbaum" in [a["id"] for a in got["actors"]]
    got = client.get("/api/search", params={"q": "defend our industry"}).json()
    assert got["quotes"] and "defend our industry" in got["quotes"][0]["text"]


@pytest.mark.parametrize(
    ("url", "needle"),
    [
        ("/api/articles?limit=0", "limit"),
        ("/api/articles?limit=501", "limit"),
        ("/api/articles?limit=abc", "limit"),
        ("/api/articles?offset=-1", "offset"),
        ("/api/articles?offset=99999999", "offset"),
        ("/api/articles?since=yesterday", "since"),
        ("/api/articles?format=xml", "format"),
        ("/api/events?type=BOGUS", "type"),
        ("/api/events?quad=XX", "quad"),
        ("/api/events?factuality=maybe", "factuality"),
        ("/api/events?a=US&b=MEX", "a"),
        ("/api/events?a=USA", "a/b"),
        ("/api/events?until=2026-1", "until"),
        ("/api/actors?kind=alien", "kind"),
        ("/api/actors?country=Mexico", "country"),
        ("/api/search?q=a", "q"),
        ("/api/search", "q"),
        ("/api/dyads/US/MEX", "a"),
        ("/api/dyads/USA/MEX?freq=hourly", "freq"),
        ("/api/dyads/USA/MEX?freq=year", "freq"),
    ],
)
def test_bad_parameters_get_a_4xx_with_a_message(client: TestClient, url: str, needle: str) -> None:
    res = client.get(url)
    assert res.status_code == 422, (url, res.status_code, res.text)
    assert needle in res.json()["detail"]


def test_injection_attempts_are_plain_values(client: TestClient) -> None:
    res = client.get("/api/articles", params={"outlet": "x' OR '1'='1"})
    assert res.status_code == 200 and res.json()["items"] == []
    res = client.get("/api/events", params={"actor": "'; DROP TABLE events; --"})
    assert res.status_code == 200 and res.json()["items"] == []
    assert client.get("/api/summary").json()["events"] > 0


def test_pagination_walks_every_row_once(client: TestClient) -> None:
    full = [e["id"] for e in client.get("/api/events", params={"limit": 500}).json()["items"]]
    seen, url, pages = [], "/api/events?limit=2", 0
    while url:
        page = client.get(url).json()
        assert len(page["items"]) <= 2 and page["limit"] == 2
        seen += [e["id"] for e in page["items"]]
        url, pages = page["next"], pages + 1
        assert pages < 100
    assert seen == full and pages == -(-len(full) // 2)
    past = client.get("/api/events", params={"offset": 10_000}).json()
    assert past["items"] == [] and past["next"] is None


def test_csv_and_parquet_downloads(client: TestClient) -> None:
    for path in ("/api/articles", "/api/events", "/api/actors", "/api/quotes"):
        n = len(client.get(path, params={"limit": 500}).json()["items"])
        csv = client.get(path, params={"format": "csv", "limit": 500})
        assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
        assert "attachment" in csv.headers["content-disposition"]
        assert len(csv.text.strip().splitlines()) >= n + 1  # a header, then rows (cells may hold newlines)
        par = client.get(path, params={"format": "parquet", "limit": 500})
        assert par.status_code == 200
        assert pq.read_table(io.BytesIO(par.content)).num_rows == n
    big = client.get("/api/events", params={"format": "csv", "limit": 5000})
    assert big.status_code == 200  # downloads may be larger than a JSON page


def test_security_headers_everywhere(client: TestClient, ids: dict[str, Any]) -> None:
    for path in (
        "/api/summary",
        "/",
        f"/articles/{ids['articles']['Hostile']}",
        "/api/nope",
        "/static/style.css",
    ):
        res = client.get(path)
        csp = res.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp, path
        assert res.headers["x-content-type-options"] == "nosniff"


# -- stories and dyads ---------------------------------------------------------------------------
def test_stories_and_dyads(client: TestClient) -> None:
    if not stories_ready():
        for path in ("/api/stories", "/api/stories/x", "/api/dyads/USA/MEX", "/api/dyads"):
            res = client.get(path)
            assert res.status_code == 503 and "stories" in res.json()["detail"], path
        return
    stories = client.get("/api/stories").json()["items"]
    assert stories
    border = max(stories, key=lambda s: s["n_outlets"])
    assert border["n_outlets"] >= 2
    story = client.get(f"/api/stories/{border['id']}").json()
    assert len(story["articles"]) >= 2 and story["coverage"]["outlets"]
    assert client.get("/api/stories/not-a-story").status_code == 404
    series = client.get("/api/dyads/usa/mex", params={"freq": "month"}).json()
    assert {series["a"], series["b"]} == {"USA", "MEX"} and series["points"]
    assert sum(p["n"] for p in series["points"]) >= 1
    top = client.get("/api/dyads").json()["items"]
    assert any({d["a"], d["b"]} == {"USA", "MEX"} for d in top)


# -- writing -----------------------------------------------------------------------------------
def test_ingest_is_off_without_a_token(client: TestClient) -> None:
    res = client.post("/ingest", content="Some text", headers={"content-type": "text/plain"})
    assert res.status_code == 403 and "--token" in res.json()["detail"]


def test_ingest_needs_the_right_token(writable_db: Path) -> None:
    doc = {
        "title": "Canada and Mexico sign a fisheries accord",
        "outlet": "Harbor Times",
        "published": "2026-11-20",
        "text": "OTTAWA — Canada and Mexico signed an agreement on Friday to share data on fish stocks in "
        "the "
        "Pacific, the Canadian fisheries ministry said.\n\nMexican officials said the accord would help "
        "both countries fight illegal fishing.",
    }
    with TestClient(create_app(writable_db, token="s3cret")) as c:
        assert c.post("/ingest", json=doc).status_code == 401
        wrong = c.post("/ingest", json=doc, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and "token" in wrong.json()["detail"]
        ok = c.post("/ingest", json=doc, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200, ok.text
        report = ok.json()
        assert report["added"] == 1 and len(report["ids"]) == 1
        stored = c.get(f"/api/articles/{report['ids'][0]}").json()
        assert stored["article"]["title"] == doc["title"]
        again = c.post("/ingest", json=doc, headers={"X-Wirewatch-Token": "s3cret"}).json()
        assert again["added"] == 0 and again["known"] == 1  # idempotent by content
        bad = c.post(
            "/ingest",
            content=b"{not json",
            headers={"Authorization": "Bearer s3cret", "content-type": "application/json"},
        )
        assert bad.status_code == 422
        assert c.get("/api/summary").json()["articles"] == N_ARTICLES + 1


def test_quad_timeline_sums_every_asserted_event(web_db: Path) -> None:
    """Months add up their days (a GROUP BY ALL with HAVING once kept one day per month)."""
    import duckdb

    from wirewatch.web import queries

    con = duckdb.connect(str(web_db), read_only=True)
    try:
        want = con.execute(
            "SELECT count(*) FROM events WHERE factuality = 'asserted' AND quad_class IS NOT NULL "
            "AND length(chart_day) >= 7"
        ).fetchall()[0][0]
        got = sum(sum(p["counts"].values()) for p in queries.quad_timeline(con, period="month"))
        by_day = sum(sum(p["counts"].values()) for p in queries.quad_timeline(con, period="day"))
    finally:
        con.close()
    assert want > 0 and got == want
    assert by_day <= want
