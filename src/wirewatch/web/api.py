"""The JSON API under /api: read-only lists and records, CSV/Parquet downloads, and a guarded ingest.

Lists share one shape: {"items": [...], "limit", "offset", "next"}; `next` is the URL of the following
page or null. A list is fetched with limit + 1 rows, so knowing there is more costs no count(*).
"""

from __future__ import annotations

import hmac
import io
import json
from collections.abc import Sequence
from typing import Annotated, Any, Literal

import pyarrow as pa
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from wirewatch.web import queries
from wirewatch.web.common import (
    MAX_OFFSET,
    BadParameter,
    check_country,
    check_date,
    check_page,
    event_filter,
    stories_call,
    view,
)
from wirewatch.web.database import StoreView

router = APIRouter(prefix="/api", tags=["read"])
write_router = APIRouter(tags=["write"])

Store = Annotated[StoreView, Depends(view)]
Limit = Annotated[
    int, Query(ge=1, le=50_000, description="Rows per page (at most 500 as JSON, 50,000 as a download).")
]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Format = Annotated[
    Literal["json", "csv", "parquet"], Query(alias="format", description="json, csv or parquet.")
]
Since = Annotated[str | None, Query(description="On or after YYYY[-MM[-DD]].")]
Until = Annotated[str | None, Query(description="On or before YYYY[-MM[-DD]].")]


# -- output ------------------------------------------------------------------------------------
def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _flat(value: Any) -> Any:
    """CSV cells hold scalars: lists and objects become JSON text."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(_jsonable(value), ensure_ascii=False)
    return value


def listing(
    request: Request, items: Sequence[dict[str, Any]], *, limit: int, offset: int, fmt: str, name: str
) -> Response:
    """One page of a list as JSON (with `next`), or the rows as a CSV or Parquet download."""
    more = len(items) > limit
    items = list(items[:limit])
    if fmt == "json":
        nxt = str(request.url.include_query_params(offset=offset + limit)) if more else None
        return JSONResponse({"items": _jsonable(items), "limit": limit, "offset": offset, "next": nxt})
    if fmt == "csv":
        import pyarrow.csv as pacsv

        table = pa.Table.from_pylist([{k: _flat(v) for k, v in r.items()} for r in items])
        sink = io.BytesIO()
        if table.num_columns:
            pacsv.write_csv(table, sink)
        return Response(
            sink.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([_jsonable(r) for r in items])
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return Response(
        sink.getvalue(),
        media_type="application/vnd.apache.parquet",
        headers={"Content-Disposition": f'attachment; filename="{name}.parquet"'},
    )


def _not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} {key[:120]!r}")


# -- read --------------------------------------------------------------------------------------
@router.get("/summary", summary="Corpus counts")
def summary(store: Store) -> dict[str, Any]:
    return queries.counts(store.con)


@router.get("/articles", summary="Articles, newest first")
def articles(
    request: Request, store: Store, outlet: str | None = None, since: Since = None, until: Until = None,
    q: Annotated[str | None, Query(max_length=200, description="Title or body contains this.")] = None,
    limit: Limit = 50, offset: Offset = 0, fmt: Format = "json",
) -> Response:  # fmt: skip
    check_page(limit, offset, fmt)
    found = queries.list_articles(
        store.con,
        outlet=outlet,
        since=check_date("since", since),
        until=check_date("until", until),
        search=q,
        limit=limit + 1,
        offset=offset,
    )
    return listing(request, found, limit=limit, offset=offset, fmt=fmt, name="articles")


@router.get("/articles/{article_id}", summary="One article with every annotation and its evidence offsets")
def article(store: Store, article_id: Annotated[str, Path(max_length=128)]) -> dict[str, Any]:
    rec = store.record(article_id)
    if rec is None:
        raise _not_found("article", article_id)
    rec["links"] = {"html": f"/articles/{rec['id']}"}
    return rec


@router.get("/actors", summary="Actors, most mentioned first")
def actors(
    request: Request, store: Store,
    q: Annotated[str | None, Query(max_length=200, description="Name contains this.")] = None,
    country: str | None = None,
    kind: Literal["person", "organisation", "state", "group"] | None = None,
    limit: Limit = 50, offset: Offset = 0, fmt: Format = "json",
) -> Response:  # fmt: skip
    check_page(limit, offset, fmt)
    found = queries.list_actors(
        store.con,
        search=q,
        country=check_country("country", country),
        kind=kind,
        limit=limit + 1,
        offset=offset,
    )
    return listing(request, found, limit=limit, offset=offset, fmt=fmt, name="actors")


@router.get("/actors/{actor_id}", summary="One actor: roles, quotes by channel, events, counterparts")
def actor(store: Store, actor_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    return actor_profile(store, actor_id)


def actor_profile(store: StoreView, actor_id: str) -> dict[str, Any]:
    found = queries.actor(store.con, actor_id)
    if found is None:
        raise _not_found("actor", actor_id)
    con = store.con
    return _jsonable(
        {
            **found,
            "roles": queries.actor_roles(con, actor_id),
            "quotes_by_channel": queries.actor_quotes_by_channel(con, actor_id),
            "events_as_source": queries.actor_events(con, actor_id, "source"),
            "events_as_target": queries.actor_events(con, actor_id, "target"),
            "counterparts": queries.actor_counterparts(con, actor_id),
            "activity": queries.actor_activity(con, actor_id),
            "articles_recent": queries.actor_articles(con, actor_id),
        }
    )


@router.get("/quotes", summary="Quotes and reported speech, newest first")
def quotes(
    request: Request, store: Store,
    speaker: Annotated[str | None, Query(max_length=200, description="Actor id, or name contains.")] = None,
    channel: Annotated[str | None, Query(max_length=100)] = None,
    article: Annotated[str | None, Query(max_length=128)] = None,
    limit: Limit = 50, offset: Offset = 0, fmt: Format = "json",
) -> Response:  # fmt: skip
    check_page(limit, offset, fmt)
    found = queries.list_quotes(
        store.con, speaker=speaker, channel=channel, article_id=article, limit=limit + 1, offset=offset
    )
    return listing(request, found, limit=limit, offset=offset, fmt=fmt, name="quotes")


@router.get("/events", summary="Coded events, newest first, each with its evidence sentence")
def events(
    request: Request, store: Store,
    type: Annotated[str | None, Query(description="PLOVER types, comma-separated.")] = None,  # noqa: A002
    quad: Annotated[str | None, Query(description="VC, MC, VK or MK.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Actor id or part of a name.")] = None,
    a: Annotated[str | None, Query(description="Country pair: first ISO-3 code.")] = None,
    b: Annotated[str | None, Query(description="Country pair: second ISO-3 code.")] = None,
    directed: bool = False,
    factuality: Annotated[str | None, Query(description="Comma-separated factuality values.")] = None,
    since: Since = None, until: Until = None,
    country: Annotated[str | None, Query(description="ISO-3 code of a source or target country.")] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    article: Annotated[str | None, Query(max_length=128)] = None,
    limit: Limit = 50, offset: Offset = 0, fmt: Format = "json",
) -> Response:  # fmt: skip
    check_page(limit, offset, fmt)
    flt = event_filter(
        type=type,
        quad=quad,
        actor=actor,
        a=a,
        b=b,
        directed=directed,
        factuality=factuality,
        since=since,
        until=until,
        country=country,
        outlet=outlet,
        article=article,
    )
    found = queries.list_events(store.con, flt, limit=limit + 1, offset=offset)
    for r in found:
        r["links"] = {"sentence": sentence_href(r["article_id"], r["id"])}
    return listing(request, found, limit=limit, offset=offset, fmt=fmt, name="events")


def sentence_href(article_id: str, event_id: str) -> str:
    """The article page scrolled to, and highlighting, the event's sentence."""
    short = event_id.rsplit(":", 1)[-1]
    return f"/articles/{article_id}?event={short}#ev-{short}"


@router.get("/events/{event_id}", summary="One event report with its article and full record")
def event(store: Store, event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    found = queries.event(store.con, event_id)
    if found is None:
        raise _not_found("event", event_id)
    found["links"] = {"sentence": sentence_href(found["article_id"], found["id"])}
    return _jsonable(found)


@router.get("/search", summary="Search titles, bodies, actor names and quotes")
def search(
    store: Store,
    q: Annotated[str, Query(min_length=2, max_length=200, description="Text to find (case-insensitive).")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    return _jsonable({"q": q, **queries.search(store.con, q, limit=limit)})


# -- stories and dyads (wirewatch.stories) ----------------------------------------------------------
@router.get("/stories", summary="Stories across outlets, newest first")
def stories(
    request: Request, store: Store,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    country: str | None = None, since: Since = None,
    limit: Limit = 50, offset: Offset = 0, fmt: Format = "json",
) -> Response:  # fmt: skip
    check_page(limit, offset, fmt)
    found = stories_call(
        "list_stories",
        store.con,
        limit=limit + 1,
        offset=offset,
        actor=actor,
        country=check_country("country", country),
        since=check_date("since", since),
    )
    return listing(request, found, limit=limit, offset=offset, fmt=fmt, name="stories")


@router.get("/stories/{story_id}", summary="One story: articles, canonical events, coverage, tone, headlines")
def story(store: Store, story_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    found = stories_call("story_detail", store.con, story_id)
    if found is None:
        raise _not_found("story", story_id)
    return _jsonable(found)


@router.get("/dyads", summary="The most active country pairs")
def dyads(store: Store, limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    return {"items": _jsonable(stories_call("top_dyads", store.con, limit=limit))}


@router.get("/dyads/{a}/{b}", summary="A country pair's cooperation–conflict timeline")
def dyad(
    store: Store, a: str, b: str, since: Since = None, until: Until = None,
    freq: Literal["day", "week", "month"] = "week",
    factuality: Annotated[str | None, Query(description="Comma-separated; default asserted.")] = None,
) -> dict[str, Any]:  # fmt: skip
    return _jsonable(dyad_series(store, a, b, since=since, until=until, freq=freq, factuality=factuality))


def dyad_series(
    store: StoreView, a: str, b: str, *, since: str | None, until: str | None, freq: str,
    factuality: str | None,
) -> dict[str, Any]:  # fmt: skip
    ca, cb = check_country("a", a), check_country("b", b)
    flt = event_filter(factuality=factuality)
    facts = flt.factuality or ("asserted",)
    return stories_call(
        "dyad_series",
        store.con,
        ca,
        cb,
        since=check_date("since", since),
        until=check_date("until", until),
        freq=freq,
        factuality=facts,
    )


# -- write -------------------------------------------------------------------------------------
MAX_INGEST_BYTES = 16 * 1024 * 1024


def _check_token(request: Request) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(
            status_code=403,
            detail="writing is off: start `wirewatch serve` with --token "
            "(or $WIREWATCH_TOKEN) to enable POST /ingest",
        )
    given = request.headers.get("x-wirewatch-token") or ""
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            status_code=401,
            detail="missing or wrong token: send 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )


@write_router.post(
    "/ingest",
    summary="Ingest text, HTML or URLs (needs the server's token)",
    description="Body: text/plain or text/html as is; or JSON {text|html, title?, outlet?, url?, "
    "published?}, "
    "{documents: [{text, title?, outlet?, url?, published?}]} or {urls: [...]}. Returns the run report.",
)
async def ingest(request: Request) -> dict[str, Any]:
    _check_token(request)
    data = await request.body()
    if len(data) > MAX_INGEST_BYTES:
        raise HTTPException(status_code=413, detail=f"body over {MAX_INGEST_BYTES} bytes; split it")
    if not data.strip():
        raise HTTPException(status_code=422, detail="empty body: send text, HTML or JSON")
    ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    return await run_in_threadpool(_ingest_now, request.app.state.db, data, ctype)


def _ingest_now(db: Any, data: bytes, ctype: str) -> dict[str, Any]:
    from wirewatch.config import Config
    from wirewatch.ingest import read_bytes
    from wirewatch.ingest.dispatch import read_urls
    from wirewatch.ingest.fetch import is_url
    from wirewatch.jobs import ingest as run_ingest
    from wirewatch.records import RawDocument, Source

    config = Config()
    options = config.ingest_options()
    source = Source(kind="text", path="POST /ingest")
    if ctype == "application/json":
        try:
            payload = json.loads(data)
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=f"body is not valid JSON: {exc}") from exc
        if not isinstance(payload, dict):
            raise HTTPException(status_code=422, detail="JSON body must be an object")
        if payload.get("urls"):
            urls = payload["urls"]
            if not isinstance(urls, list) or not all(isinstance(u, str) and is_url(u) for u in urls):
                raise HTTPException(status_code=422, detail="urls: a list of http(s) URLs")
            items = list(read_urls(urls[:100], options))
        else:
            docs = payload.get("documents") or [payload]
            if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
                raise HTTPException(status_code=422, detail="documents: a list of objects")
            lines = []
            for d in docs:
                text = d.get("text") or d.get("html")
                if not isinstance(text, str) or not text.strip():
                    raise HTTPException(status_code=422, detail="each document needs text or html")
                keep = {k: d[k] for k in ("url", "title", "published", "outlet") if isinstance(d.get(k), str)}
                lines.append(json.dumps({**keep, "text": text}, ensure_ascii=False))
            items = list(read_bytes("\n".join(lines).encode("utf-8"), "post.jsonl", options, source=source))
    else:
        name = "post.html" if ctype == "text/html" else "post.txt"
        items = list(read_bytes(data, name, options, source=source, content_type=ctype or None))
    ids = [i.id for i in items if isinstance(i, RawDocument)]
    with db.write_lock, db.view() as store:
        report = run_ingest(store, ["POST /ingest"], config=config, items=items)
    return {
        "run_id": report.run_id, "added": report.added, "known": report.known, "skipped": report.skipped,
        "ids": ids, "problems": [{"where": p.where, "reason": p.reason} for p in report.problems],
    }  # fmt: skip


__all__ = ["router", "write_router", "BadParameter"]
