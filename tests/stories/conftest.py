"""One store for the stories tests: short articles we wrote, ingested through the whole pipeline once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from wirewatch.jobs import ingest
from wirewatch.store import Store

CALL = (
    "OTTAWA — Canadian Prime Minister Mark Carney spoke by phone with Japanese Prime Minister Sanae "
    "Takaichi on Tuesday about fishing quotas in the North Pacific, his office said.\n\n"
    "The two leaders agreed to meet in Tokyo in May, according to a statement from Ottawa.\n\n"
    "Fishing crews in British Columbia have complained for months that quotas favour foreign fleets."
)
ARTICLES = [
    {
        "url": "https://harbour.test/call",
        "title": "Carney and Takaichi discuss fishing quotas in phone call",
        "published": "2026-03-10",
        "outlet": "Test Harbour Times",
        "text": CALL,
    },
    # the same wire text on another site: one text, two publications
    {
        "url": "https://valley.test/world/call",
        "title": "Carney, Takaichi hold call on fisheries",
        "published": "2026-03-11",
        "outlet": "Test Valley Post",
        "text": CALL + "\n\nReporting by a wire service correspondent; editing by the night desk.",
    },
    # the first outlet's updated version of its article
    {
        "url": "https://harbour.test/call",
        "title": "Carney and Takaichi discuss fishing quotas; meeting set",
        "published": "2026-03-10",
        "outlet": "Test Harbour Times",
        "text": CALL
        + "\n\nA Japanese foreign ministry spokesman later confirmed the planned meeting in Tokyo.",
    },
    # another outlet, its own words, the same call
    {
        "url": "https://north.test/japan-canada",
        "title": "Canada and Japan leaders talk fish by phone",
        "published": "2026-03-10",
        "outlet": "Test Northern Ledger",
        "text": (
            "TOKYO — Japanese Prime Minister Sanae Takaichi spoke by phone with Canadian Prime Minister "
            "Mark Carney on Tuesday, discussing North Pacific fishing quotas, Tokyo said.\n\n"
            "Takaichi told reporters the talk was friendly and that a summit in May was planned."
        ),
    },
    # an unrelated happening in the same weeks
    {
        "url": "https://south.test/brazil",
        "title": "Brazil's Lula criticises Argentina over border dispute",
        "published": "2026-03-11",
        "outlet": "Test Southern Post",
        "text": (
            "BRASILIA — Brazil's President Luiz Inacio Lula da Silva criticised Argentina on Wednesday over "
            "a border dispute, calling the decision reckless.\n\nNo talks are planned, officials said."
        ),
    },
    # an undated page about a call between the same two leaders: must not merge with the dated call
    {
        "url": "https://undated.test/page",
        "title": "Takaichi and Carney talk trade in phone call",
        "outlet": "Test Undated Digest",
        "text": (
            "Japanese Prime Minister Sanae Takaichi spoke by phone with Canadian Prime Minister Mark Carney "
            "about car tariffs and steel, her office said.\n\nBoth sides called the call constructive."
        ),
    },
]


@pytest.fixture(scope="session")
def stories_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stories_in")
    path = folder / "in.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory, stories_source: Path) -> Path:
    """Ingested once (ingest calls update_corpus); tests that write get their own copy."""
    path = tmp_path_factory.mktemp("stories_db") / "w.duckdb"
    with Store(path) as store:
        report = ingest(store, [str(stories_source)])
        assert report.added == len(ARTICLES)
    return path


@pytest.fixture()
def db_copy(built_db: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "copy.duckdb"
    shutil.copy(built_db, dst)
    return dst


def article_id(store: Store, title: str) -> str:
    rows = store.con.execute("SELECT id FROM articles WHERE title = ?", [title]).fetchall()
    assert len(rows) == 1, title
    return rows[0][0]
