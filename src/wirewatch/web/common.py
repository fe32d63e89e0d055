"""What the API and the pages share: parameter checks, the per-request store, the stories adapter."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import duckdb
from fastapi import HTTPException, Request

from wirewatch.store.events import EventFilter
from wirewatch.web.database import StoreView

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
FACTUALITY = ("asserted", "negated", "hypothetical", "threatened", "reported", "historical")
QUADS = ("VC", "MC", "VK", "MK")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNTRY = re.compile(r"^[A-Za-z]{3}$")
MAX_PAGE = 500  # rows per JSON page
MAX_DOWNLOAD = 50_000  # rows per CSV/Parquet download
MAX_OFFSET = 1_000_000


class BadParameter(HTTPException):
    """A 422 whose detail is a sentence a person can act on."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(status_code=422, detail=f"{name}: {message}")


class StoriesUnavailable(Exception):
    """Story and dyad views need wirewatch.stories and a store built with it; 503 until then."""


def view(request: Request) -> Iterator[StoreView]:
    """FastAPI dependency: a Store over a fresh cursor, closed when the request is done."""
    with request.app.state.db.view() as v:
        yield v


def check_date(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not DATE.match(value):
        raise BadParameter(name, f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value[:40]!r}")
    return value


def check_country(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not COUNTRY.match(value):
        raise BadParameter(name, f"expected an ISO 3166 alpha-3 code like USA, got {value[:40]!r}")
    return value.upper()


def split_list(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def check_page(limit: int, offset: int, fmt: str) -> None:
    bound = MAX_PAGE if fmt == "json" else MAX_DOWNLOAD
    if limit > bound:
        raise BadParameter("limit", f"at most {bound} rows per {'page' if fmt == 'json' else 'download'}")


def event_filter(
    *,
    type: str | None = None,  # noqa: A002  (the public parameter name)
    quad: str | None = None,
    actor: str | None = None,
    a: str | None = None,
    b: str | None = None,
    directed: bool = False,
    factuality: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    outlet: str | None = None,
    article: str | None = None,
) -> EventFilter:
    """Check the event filters of a request and build the Store's EventFilter from them."""
    types = tuple(t.upper() for t in split_list(type))
    bad = [t for t in types if t not in TYPES]
    if bad:
        raise BadParameter("type", f"unknown PLOVER type {bad[0]!r}; choose from {', '.join(TYPES)}")
    facts = tuple(f.lower() for f in split_list(factuality))
    bad = [f for f in facts if f not in FACTUALITY]
    if bad:
        raise BadParameter("factuality", f"unknown value {bad[0]!r}; choose from {', '.join(FACTUALITY)}")
    if quad and quad.upper() not in QUADS:
        raise BadParameter("quad", f"choose one of {', '.join(QUADS)}")
    ca, cb = check_country("a", a), check_country("b", b)
    if bool(ca) != bool(cb):
        raise BadParameter("a/b", "a country pair needs both a and b")
    return EventFilter(
        actor=actor or None,
        dyad=(ca, cb) if ca and cb else None,
        directed=directed,
        types=types,
        quad=quad.upper() if quad else None,
        factuality=facts,
        since=check_date("since", since),
        until=check_date("until", until),
        country=check_country("country", country),
        outlet=outlet or None,
        article_id=article or None,
    )


def stories_call(name: str, con: duckdb.DuckDBPyConnection, *args: Any, **kwargs: Any) -> Any:
    """Call wirewatch.stories.query.<name>, or raise StoriesUnavailable saying what is missing."""
    try:
        from wirewatch.stories import query
    except ImportError as exc:
        raise StoriesUnavailable(
            "stories are not available in this installation (wirewatch.stories.query is missing)"
        ) from exc
    fn = getattr(query, name, None)
    if fn is None:
        raise StoriesUnavailable(f"wirewatch.stories.query has no {name}()")
    try:
        return fn(con, *args, **kwargs)
    except duckdb.CatalogException as exc:
        raise StoriesUnavailable(
            f"this database has no story tables yet ({str(exc).splitlines()[0]}); "
            "re-run `wirewatch ingest` with this version to build them"
        ) from exc
