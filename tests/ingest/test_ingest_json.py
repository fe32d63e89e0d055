"""JSON and JSON Lines corpora: body and metadata fields, wrappers, bad lines, streaming."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from wirewatch.ingest import IngestOptions, iter_documents
from wirewatch.records import RawDocument, Skip, content_id

NEWS_PLEASE = {
    "title": "Ferry timetable approved",
    "maintext": "PORTVILLE - The council voted on Tuesday to add two evening crossings.",
    "date_publish": "2026-01-13 08:30:00",
    "authors": ["Ann Lee", "Bo Chan"],
    "source_domain": "harbourgazette.example",
    "url": "https://harbourgazette.example/ferry",
    "language": "en",
}
NEWSAPI = {
    "source": {"id": None, "name": "Valley Post"},
    "author": "Cy Ray",
    "title": "Bridge reopens",
    "url": "https://valleypost.example/bridge",
    "publishedAt": "2026-01-14T09:00:00Z",
    "content": "The bridge reopened on Wednesday after repairs.",
}


def write_lines(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_jsonl_rows_become_documents_with_declared_metadata(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "corpus.jsonl", [NEWS_PLEASE, NEWSAPI])
    first, second = iter_documents([path])
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.content == NEWS_PLEASE["maintext"].encode()
    assert first.id == content_id(first.content)
    assert first.media_type == "text"
    assert first.source.kind == "jsonl" and first.source.member == "line 1"
    assert first.source.path == str(path) and first.source.url == NEWS_PLEASE["url"]
    assert first.declared == {
        "title": "Ferry timetable approved",
        "published": "2026-01-13T08:30:00",
        "published_raw": "2026-01-13 08:30:00",
        "url": "https://harbourgazette.example/ferry",
        "outlet": "harbourgazette.example",
        "byline": "Ann Lee; Bo Chan",
        "language": "en",
        "encoding": "utf-8",
    }
    assert second.declared["outlet"] == "Valley Post"  # nested source.name, not the dict
    assert second.declared["byline"] == "Cy Ray"
    assert second.declared["published"] == "2026-01-14T09:00:00+00:00"
    assert second.source.member == "line 2"


def test_bad_lines_cost_one_skip_each(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps(NEWS_PLEASE)
    path.write_text(
        f'{good}\n\n{{"title": broken}}\n"just a string"\n{{"title": "no body"}}\n{json.dumps(NEWSAPI)}\n',
        encoding="utf-8",
    )
    items = list(iter_documents([path]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Skip", "Skip", "Skip", "RawDocument"]
    skips = [i for i in items if isinstance(i, Skip)]
    assert skips[0].where == f"{path} [line 3]" and "not valid JSON" in skips[0].reason
    assert "str" in skips[1].reason
    assert "no text field" in skips[2].reason and "json_body_field" in skips[2].reason


def test_first_line_broken_is_still_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text('{"text": "cut off mid-wa}\n' + json.dumps(NEWSAPI) + "\n", encoding="utf-8")
    first, second = iter_documents([path])
    assert isinstance(first, Skip) and isinstance(second, RawDocument)


def test_whole_json_array_and_wrapper_objects(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([NEWS_PLEASE, NEWSAPI], indent=2), encoding="utf-8")
    (tmp_path / "b.json").write_text(
        json.dumps({"status": "ok", "articles": [NEWSAPI]}, indent=2), encoding="utf-8"
    )
    (tmp_path / "c.json").write_text(json.dumps(NEWS_PLEASE, indent=2), encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    assert all(isinstance(i, RawDocument) for i in items)
    assert [i.source.member for i in items] == ["item 1", "item 2", "item 1", None]
    assert items[2].declared["title"] == "Bridge reopens"


def test_html_bodies_and_forced_body_field(tmp_path: Path) -> None:
    rows = [
        {"title": "Page", "html": "<html><body><p>Hello from the page.</p></body></html>"},
        {"title": "Both", "content": "<div><p>marked-up content field</p></div>", "summary": "short"},
        {"title": "Custom", "story_plain": "Text in an unusual field.", "text": "teaser"},
    ]
    path = write_lines(tmp_path / "rows.jsonl", rows)
    page, both, custom = iter_documents([path])
    assert isinstance(page, RawDocument) and page.media_type == "html"
    assert isinstance(both, RawDocument) and both.media_type == "html"
    assert isinstance(custom, RawDocument) and custom.content == b"teaser"
    forced = list(iter_documents([path], IngestOptions(json_body_field="story_plain")))
    assert [type(i).__name__ for i in forced] == ["Skip", "Skip", "RawDocument"]
    assert forced[2].content == b"Text in an unusual field."


def test_gzipped_jsonl_and_epoch_dates(tmp_path: Path) -> None:
    rows = [{"text": f"Story number {n}.", "date": 1768226580 + n} for n in range(3)]
    path = tmp_path / "rows.jsonl.gz"
    path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    items = list(iter_documents([path]))
    assert [i.declared["published"] for i in items] == [
        "2026-01-12T14:03:00+00:00",
        "2026-01-12T14:03:01+00:00",
        "2026-01-12T14:03:02+00:00",
    ]


def test_overlong_line_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    rows = [{"text": "x" * 5000}, NEWSAPI]
    path = write_lines(tmp_path / "rows.jsonl", rows)
    first, second = iter_documents([path], IngestOptions(max_document_bytes=1000))
    assert isinstance(first, Skip) and "over" in first.reason and first.where.endswith("[line 1]")
    assert isinstance(second, RawDocument) and second.declared["title"] == "Bridge reopens"
