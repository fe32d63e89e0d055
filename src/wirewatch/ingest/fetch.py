"""HTTP(S) GET with the limits a batch needs: a timeout, a size ceiling, and errors that say what to do.

The standard library is enough for plain GETs and keeps the dependency list short; parallelism comes
from a small thread pool that keeps input order and never holds more than a window of bodies.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from wirewatch.errors import FetchError
from wirewatch.ingest.blob import read_limited
from wirewatch.ingest.options import IngestOptions

_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5"
)

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str | None
    fetched_at: str


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def fetch(url: str, options: IngestOptions) -> Fetched:
    """One GET; FetchError (never another exception type) when the page cannot be had."""
    if not is_url(url):
        raise FetchError(f"{url}: only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": options.user_agent, "Accept": _ACCEPT})
    fetched_at = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    try:
        with urllib.request.urlopen(request, timeout=options.fetch_timeout) as response:
            data = read_limited(response, options.max_document_bytes)
            final, content_type = response.geturl(), response.headers.get("Content-Type")
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the error page's open connection
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}; check that the address still exists") from exc
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: {exc.reason}; check the address and the network") from exc
    except (TimeoutError, OSError, ValueError, http.client.HTTPException) as exc:
        raise FetchError(f"{url}: {exc or type(exc).__name__}; retry later or raise fetch_timeout") from exc
    if data is None:
        raise FetchError(f"{url}: body over {options.max_document_bytes} bytes; raise max_document_bytes")
    return Fetched(final, data, content_type, fetched_at)


def fetch_or_error(url: str, options: IngestOptions) -> Fetched | FetchError:
    try:
        return fetch(url, options)
    except FetchError as exc:
        return exc


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[R]:
    """`map` over a thread pool, in input order, with at most 2 x workers results waiting in memory."""
    if workers <= 1:
        yield from map(fn, items)
        return
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="wirewatch-fetch")
    pending: deque[Future[R]] = deque()
    try:
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
