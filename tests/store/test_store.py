"""The DuckDB store against real database files."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from wirewatch.errors import StoreError
from wirewatch.records import Article, ArticleRecord, Boilerplate, Published, RawDocument, Skip, Source
from wirewatch.store import Store, migrations


def _doc(text: str, path: str = "a.txt") -> tuple[RawDocument, ArticleRecord]:
    raw = RawDocument.from_bytes(text.encode(), "text", Source(kind="file", path=path))
    art = Article(
        id=raw.id,
        title=text.split("\n")[0],
        outlet="Test Outlet",
        published=Published("2026-11-03", "day", "Nov 3, 2026", "text"),
        paragraphs=text.split("\n")[1:],
        boilerplate=[Boilerplate("Subscribe now", "call-to-action")],
    )
    return raw, ArticleRecord(id=raw.id, source=raw.source, article=art)


def test_migrates_new_file_and_reopens(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Store(db) as s:
        assert s.schema_version() == migrations.latest() >= 1
    with Store(db, read_only=True) as s:
        assert s.schema_version() == migrations.latest()


def test_write_batch_is_idempotent(tmp_path: Path) -> None:
    raw, rec = _doc("Title one\nFirst paragraph.\nSecond paragraph.")
    with Store(tmp_path / "w.duckdb") as s:
        run = s.begin_run(["a.txt"])
        s.write_batch(run, [raw], [rec], [(raw.id, raw.source)], [Skip("bad.bin", "binary")])
        s.write_batch(run, [raw], [rec], [(raw.id, raw.source)], [])
        assert s.table("articles").num_rows == 1
        assert s.table("raw_documents").num_rows == 1
        assert s.table("sightings").num_rows == 1
        assert s.table("boilerplate").num_rows == 1
        assert s.problems() == [("bad.bin", "binary")]
        assert s.known([raw.id, "0" * 64]) == {raw.id}


def test_a_second_sighting_is_kept(tmp_path: Path) -> None:
    raw, rec = _doc("Same text\nBody.")
    other = Source(kind="file", path="copy.txt")
    with Store(tmp_path / "w.duckdb") as s:
        run = s.begin_run([])
        s.write_batch(run, [raw], [rec], [(raw.id, raw.source)])
        s.write_batch(run, [], [], [(raw.id, other)])
        got = s.record(raw.id[:10])
    assert got is not None
    assert {x["path"] for x in got["sightings"]} == {"a.txt", "copy.txt"}
    assert got["article"]["body"] == "Body."


def test_failed_batch_rolls_back(tmp_path: Path) -> None:
    raw, rec = _doc("Title\nBody text.")
    bad = ArticleRecord(id=None, source=raw.source, article=rec.article)  # type: ignore[arg-type]
    with Store(tmp_path / "w.duckdb") as s:
        run = s.begin_run([])
        with pytest.raises(duckdb.Error):
            s.write_batch(run, [raw], [bad], [(raw.id, raw.source)])
        assert s.table("raw_documents").num_rows == 0
        assert s.table("sightings").num_rows == 0


def test_queries_take_parameters_not_sql(tmp_path: Path) -> None:
    raw, rec = _doc("O'Brien's title\nA body that mentions Sheinbaum.")
    with Store(tmp_path / "w.duckdb") as s:
        s.write_batch(s.begin_run([]), [raw], [rec], [(raw.id, raw.source)])
        assert s.articles(search="Sheinbaum").num_rows == 1
        assert s.articles(search="'; DROP TABLE articles; --").num_rows == 0
        assert s.articles(outlet="test", since="2026-11-01").num_rows == 1
        assert s.articles(since="2026-12-01").num_rows == 0
        assert s.table("articles").num_rows == 1
        with pytest.raises(StoreError):
            s.table("articles; DROP TABLE articles")
        stored = json.loads(s.con.execute("SELECT record FROM articles").fetchone()[0])
        assert stored["article"]["title"] == "O'Brien's title"


def test_read_only_open_of_missing_schema_says_what_to_do(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "old.duckdb"
    duckdb.connect(str(db)).close()
    with pytest.raises(StoreError, match="open it once for writing"):
        Store(db, read_only=True)
