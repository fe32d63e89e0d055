"""The dashboard: server-rendered HTML pages over the same queries as the API.

Templates autoescape everything; article text reaches a page only escaped, or through highlight.render,
which escapes each segment itself. No page needs JavaScript, so the CSP forbids all of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import ChainableUndefined, Environment, FileSystemLoader
from markupsafe import Markup

from wirewatch import __version__
from wirewatch.web import charts, highlight, queries
from wirewatch.web.api import actor_profile, dyad_series, sentence_href
from wirewatch.web.common import (
    FACTUALITY,
    MAX_OFFSET,
    QUADS,
    TYPES,
    StoriesUnavailable,
    event_filter,
    stories_call,
    view,
)
from wirewatch.web.database import StoreView

router = APIRouter(include_in_schema=False)
Store = Annotated[StoreView, Depends(view)]
PAGE = 50

env = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=True,  # every template, whatever its name
    undefined=ChainableUndefined,  # records from other stages may lack optional keys
    trim_blocks=True,
    lstrip_blocks=True,
)


def safe_url(value: str | None) -> str | None:
    """An outbound link only for http(s) URLs: a `javascript:` URL from an article stays text."""
    if not value:
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def clip(text: str | None, width: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


env.filters.update(clip=clip, safe_url=safe_url, quadname=lambda q: charts.QUAD_NAMES.get(q or "", q or ""))
env.globals.update(
    actor_href=highlight.actor_href,
    sentence_href=sentence_href,
    story_href=lambda sid: "/stories/" + quote(str(sid), safe=""),
    dyad_href=lambda a, b: f"/dyads/{quote(str(a), safe='')}/{quote(str(b), safe='')}",
    article_href=lambda aid: "/articles/" + quote(str(aid), safe=""),
    QUADS=QUADS,
    QUAD_NAMES=charts.QUAD_NAMES,
    TYPES=TYPES,
    FACTUALITY=FACTUALITY,
    version=__version__,
)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = env.get_template(name).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    titles = {404: "Not found", 422: "Bad request", 401: "Not allowed", 403: "Not allowed",
              503: "Not available yet"}  # fmt: skip
    return render(
        request,
        "error.html",
        status=status,
        status_code=status,
        title=titles.get(status, "Error"),
        message=message,
    )


def _pages(request: Request, offset: int, limit: int, more: bool) -> dict[str, str | None]:
    prev = str(request.url.include_query_params(offset=max(0, offset - limit))) if offset > 0 else None
    nxt = str(request.url.include_query_params(offset=offset + limit)) if more else None
    return {"prev": prev, "next": nxt}


def _optional(name: str, con: Any, *args: Any, **kwargs: Any) -> tuple[Any, str | None]:
    try:
        return stories_call(name, con, *args, **kwargs), None
    except StoriesUnavailable as exc:
        return None, str(exc)


Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


# -- overview ------------------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: Store) -> HTMLResponse:
    con = store.con
    counts = queries.counts(con)
    timeline = queries.quad_timeline(con, period="month")
    chart = charts.stacked_bars(timeline, href=lambda p: f"/events?since={p}&until={p}")
    stories, stories_note = _optional("list_stories", con, limit=8)
    dyads, _ = _optional("top_dyads", con, limit=8)
    if dyads is None:
        dyads = queries.active_dyads(con, limit=8)
    latest = queries.list_articles(con, limit=8)
    totals = {q: sum(p["counts"][q] for p in timeline) for q in QUADS}
    return render(
        request,
        "overview.html",
        title="Overview",
        counts=counts,
        chart=chart,
        stories=stories,
        stories_note=stories_note,
        dyads=dyads,
        latest=latest,
        quad_chart=charts.quad_bars(totals),
    )


# -- articles ------------------------------------------------------------------------------------
@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request, store: Store, q: Annotated[str | None, Query(max_length=200)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    found = queries.list_articles(
        store.con, search=q or None, outlet=outlet or None, limit=PAGE + 1, offset=offset
    )
    return render(
        request,
        "articles.html",
        title="Articles",
        items=found[:PAGE],
        q=q or "",
        outlet=outlet or "",
        pages=_pages(request, offset, PAGE, len(found) > PAGE),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, store: Store, article_id: str,
    event: Annotated[str | None, Query(max_length=40, description="Event id to highlight.")] = None,
) -> HTMLResponse:  # fmt: skip
    rec = store.record(article_id)
    if rec is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id[:80]!r}")
    art = rec["article"]
    names = {a["id"]: a.get("name") or a["id"] for a in rec.get("actors") or [] if a.get("id")}
    captions = []
    for i, c in enumerate(art.get("captions") or []):
        spans = highlight.record_spans(rec, field=f"caption:{i}")
        captions.append({"html": highlight.render(c.get("text") or "", spans), "credit": c.get("credit")})
    title_html = highlight.render(
        art.get("title") or "(no title)", highlight.record_spans(rec, field="title")
    )
    events = []
    for e in rec.get("events") or []:
        events.append({
            **e,
            "source_names": [names.get(x, x) for x in e.get("source") or []],
            "target_names": [names.get(x, x) for x in e.get("target") or []],
            "full_id": f"{rec['id']}:{e['id']}",
        })  # fmt: skip
    quotes = [{**q, "speaker_name": names.get(q.get("speaker") or "")} for q in rec.get("quotes") or []]
    actors = sorted(
        (a for a in rec.get("actors") or [] if a.get("id")),
        key=lambda a: (-len(a.get("mentions") or []), a.get("name") or ""),
    )
    return render(
        request, "article.html", title=art.get("title") or "Article", rec=rec, art=art, title_html=title_html,
        paragraphs=highlight.render_body(rec, focus=event), captions=captions, events=events, quotes=quotes,
        actors=actors, focus=event, url=safe_url(art.get("url")),
    )  # fmt: skip


# -- events ----------------------------------------------------------------------------------------
@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request, store: Store, type: str | None = None, quad: str | None = None,  # noqa: A002
    actor: Annotated[str | None, Query(max_length=200)] = None, a: str | None = None, b: str | None = None,
    directed: bool = False, factuality: str | None = None, since: str | None = None, until: str | None = None,
    country: str | None = None, outlet: Annotated[str | None, Query(max_length=200)] = None,
    article: Annotated[str | None, Query(max_length=128)] = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    form = {"type": type or "", "quad": quad or "", "actor": actor or "", "a": a or "", "b": b or "",
            "directed": directed, "factuality": factuality or "", "since": since or "", "until": until or "",
            "country": country or "", "outlet": outlet or "", "article": article or ""}  # fmt: skip
    # the form holds the same filters the API takes; an empty field is no filter
    flt = event_filter(**{k: (v if isinstance(v, bool) else v or None) for k, v in form.items()})
    found = queries.list_events(store.con, flt, limit=PAGE + 1, offset=offset)
    facets = queries.facets(store.con)
    return render(
        request,
        "events.html",
        title="Events",
        items=found[:PAGE],
        form=form,
        facets=facets,
        offset=offset,
        pages=_pages(request, offset, PAGE, len(found) > PAGE),
    )


# -- actors ----------------------------------------------------------------------------------------
@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request, store: Store, q: Annotated[str | None, Query(max_length=200)] = None,
    kind: str | None = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    kinds = ("person", "organisation", "state", "group")
    found = queries.list_actors(
        store.con, search=q or None, kind=kind if kind in kinds else None, limit=PAGE + 1, offset=offset
    )
    return render(
        request,
        "actors.html",
        title="Actors",
        items=found[:PAGE],
        q=q or "",
        kind=kind or "",
        kinds=kinds,
        pages=_pages(request, offset, PAGE, len(found) > PAGE),
    )


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, store: Store, actor_id: str) -> HTMLResponse:
    prof = actor_profile(store, actor_id)
    activity = charts.stacked_bars(prof["activity"], height=180, label="the actor's events by month")
    totals = {q: sum(p["counts"][q] for p in prof["activity"]) for q in QUADS}
    quotes = queries.list_quotes(store.con, speaker=actor_id, limit=12)
    quotes = [q for q in quotes if q.get("speaker_id") == actor_id]
    return render(
        request,
        "actor.html",
        title=prof.get("name") or actor_id,
        a=prof,
        activity=activity,
        quad_chart=charts.quad_bars(totals),
        quotes=quotes,
    )


# -- stories and dyads -------------------------------------------------------------------------------
@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, store: Store, offset: Offset = 0) -> HTMLResponse:
    found = stories_call("list_stories", store.con, limit=PAGE + 1, offset=offset)
    return render(
        request,
        "stories.html",
        title="Stories",
        items=found[:PAGE],
        pages=_pages(request, offset, PAGE, len(found) > PAGE),
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, store: Store, story_id: str) -> HTMLResponse:
    story = stories_call("story_detail", store.con, story_id)
    if story is None:
        raise HTTPException(status_code=404, detail=f"no story {story_id[:80]!r}")
    arts = story.get("articles") or []
    lanes = charts.lanes([
        {"lane": x.get("outlet"), "date": x.get("published_date"), "title": x.get("title"),
         "href": "/articles/" + quote(str(x["id"]), safe=""), "copy": x.get("copy_of")}
        for x in arts
    ])  # fmt: skip
    tone = charts.tone_bars(story.get("tone") or {})
    coverage = story.get("coverage") or {"outlets": [], "rows": []}
    return render(
        request,
        "story.html",
        title=story.get("label") or "Story",
        s=story,
        lanes=lanes,
        tone=tone,
        coverage=coverage,
    )


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    request: Request, store: Store, a: str, b: str, since: str | None = None, until: str | None = None,
    freq: str = "week",
) -> HTMLResponse:  # fmt: skip
    if freq not in ("day", "week", "month"):
        raise HTTPException(status_code=422, detail="freq: choose day, week or month")
    series = dyad_series(store, a, b, since=since or None, until=until or None, freq=freq, factuality=None)
    points = rolling_intensity(series.get("points") or [])
    line = charts.intensity_line(points, href=lambda p: f"#p-{p}", marks=series.get("change_points") or [])
    bars = charts.stacked_bars(
        points, height=200, href=lambda p: f"#p-{p}", label="events per period by quad class"
    )
    totals = series.get("totals") or {}
    quad_totals = totals.get("by_quad") or {}
    wanted = {eid for p in points for eid in p.get("events") or []}
    details, _ = _optional("canonical_events", store.con, dyad=(a.upper(), b.upper()), limit=1000)
    by_id = {str(e.get("id")): e for e in details or [] if str(e.get("id")) in wanted}
    return render(
        request,
        "dyad.html",
        title=f"{a.upper()} – {b.upper()}",
        series=series,
        line=line,
        bars=bars,
        quad_chart=charts.quad_bars({q: int(quad_totals.get(q, 0) or 0) for q in QUADS}),
        by_id=by_id,
        a=a.upper(),
        b=b.upper(),
        freq=freq,
    )


def rolling_intensity(points: list[dict[str, Any]], window: int = 4) -> list[dict[str, Any]]:
    """Event-weighted mean intensity over the last `window` periods, for the dashed line on the dyad chart."""
    out = []
    for i, p in enumerate(points):
        span = points[max(0, i - window + 1) : i + 1]
        n = sum(int(x.get("n") or 0) for x in span)
        total = sum(float(x.get("intensity_sum") or 0) for x in span)
        out.append({**p, "rolling_intensity": round(total / n, 3) if n else None})
    return out


# -- search and API docs ---------------------------------------------------------------------------
@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, store: Store, q: Annotated[str, Query(max_length=200)] = ""
) -> HTMLResponse:
    found = queries.search(store.con, q, limit=30) if len(q.strip()) >= 2 else None
    return render(request, "search.html", title="Search", q=q, found=found)


@router.get("/api", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    ops = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary") or "",
                        "description": op.get("description") or "",
                        "params": op.get("parameters") or []})  # fmt: skip
    return render(request, "api.html", title="API", ops=ops, Markup=Markup)
