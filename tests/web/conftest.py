"""One small store for all web tests, built once per session from articles written for these tests.

tests/web/corpus.jsonl holds six short articles (two stories across three outlets, a US–Mexico dyad) and
one hostile article whose title, outlet, URL and body carry script tags, event handlers and
`javascript:` links.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from wirewatch.jobs import ingest
from wirewatch.store import Store
from wirewatch.web import create_app

CORPUS = Path(__file__).with_name("corpus.jsonl")
N_ARTICLES = len(CORPUS.read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    with Store(db) as store:
        report = ingest(store, [str(CORPUS)])
    assert report.added == N_ARTICLES, report.problems
    return db


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_db)) as c:
        yield c


@pytest.fixture(scope="session")
def ids(web_db: Path) -> dict[str, Any]:
    """Ids the tests need, looked up once: articles by a word of their title, events, the hostile one."""
    with Store(web_db, read_only=True) as store:
        arts = store.articles(limit=100).to_pylist()
        events = store.events(limit=100).to_pylist()
    by_word = {}
    for a in arts:
        for word in ("Hostile", "steel", "march", "agree", "settle", "inspections"):
            if word in (a["title"] or ""):
                by_word[word] = a["id"]
    return {"articles": by_word, "all_articles": [a["id"] for a in arts], "events": events}


@pytest.fixture()
def writable_db(web_db: Path, tmp_path: Path) -> Path:
    """A private copy of the session store that a test may write to."""
    copy = tmp_path / "w.duckdb"
    shutil.copy(web_db, copy)
    wal = web_db.with_suffix(".duckdb.wal")
    if wal.exists():
        shutil.copy(wal, copy.with_suffix(".duckdb.wal"))
    return copy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[str]:
    """uvicorn serving the session store on a free loopback port, in a thread."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def stories_ready() -> bool:
    try:
        from wirewatch.stories import query  # noqa: F401
    except ImportError:
        return False
    return True


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
