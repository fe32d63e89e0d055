"""The application factory: one FastAPI app serving the JSON API, the dashboard pages and the stylesheet.

Headers on every response keep hostile article text inert even if an escape were ever missed: a
Content-Security-Policy that allows no script at all (the pages need none), no framing, no sniffing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirewatch import __version__
from wirewatch.web import api, pages
from wirewatch.web.common import StoriesUnavailable
from wirewatch.web.database import Database

HERE = Path(__file__).resolve().parent

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/ingest"


def create_app(db: str | Path, *, token: str | None = None) -> FastAPI:
    """An app over the database at `db`; writing (POST /ingest) is enabled only when `token` is given."""
    database = Database(db, writable=bool(token))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        title="wirewatch",
        version=__version__,
        description="Structured, verifiable event knowledge from news: articles, actors, quotes, PLOVER "
        "events with evidence offsets, stories across outlets and country-pair timelines. Read-only unless "
        "the server was started with a token.",
        docs_url=None,  # Swagger UI loads scripts from a CDN; /api renders the same schema server-side
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.db = database
    app.state.token = token or None

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            problems.append(f"{where or 'request'}: {e.get('msg')}")
        message = "; ".join(problems) or "bad request"
        if _wants_json(request):
            return JSONResponse({"detail": message, "errors": _plain(exc.errors())}, status_code=422)
        return pages.error_page(request, 422, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(StoriesUnavailable)
    async def no_stories(request: Request, exc: StoriesUnavailable) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=503)
        return pages.error_page(request, 503, str(exc))

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(api.write_router)
    app.include_router(pages.router)
    return app


def _plain(errors: Any) -> Any:
    """Validation errors without the exception objects FastAPI keeps in `ctx`."""
    return [{k: (str(v) if k == "ctx" else v) for k, v in e.items() if k != "url"} for e in errors]
