"""Files, directories, compression, stdin and the batch rules (order, duplicates, Skips, InputError)."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import sys
from pathlib import Path

import pytest

from wirewatch.errors import InputError
from wirewatch.ingest import IngestOptions, iter_documents, read_bytes
from wirewatch.records import RawDocument, Skip, content_id

DUMP = (
    "Harbour Gazette logo\n\nCouncil approves new ferry timetable\n\n"
    "PORTVILLE - The town council voted on Tuesday to add two evening ferry crossings.\n"
)
PAGE = (
    "<!doctype html><html><head><title>Ferry vote</title></head>"
    "<body><article><p>The council voted on Tuesday.</p></article></body></html>"
)


def docs(items: list[RawDocument | Skip]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def skips(items: list[RawDocument | Skip]) -> list[Skip]:
    return [i for i in items if isinstance(i, Skip)]


def test_text_dump_becomes_one_text_document_with_hash_id(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(DUMP, encoding="utf-8")
    [doc] = list(iter_documents([path]))
    assert doc.media_type == "text"
    assert doc.content == DUMP.encode()
    assert doc.id == content_id(DUMP.encode())
    assert doc.source.kind == "file" and doc.source.path == str(path)
    assert doc.declared == {"encoding": "utf-8"}


def test_html_is_recognised_by_content_even_in_a_txt_file(tmp_path: Path) -> None:
    (tmp_path / "saved.txt").write_text(PAGE, encoding="utf-8")
    [doc] = list(iter_documents([tmp_path / "saved.txt"]))
    assert doc.media_type == "html"


def test_legacy_encoding_is_declared_for_extract(tmp_path: Path) -> None:
    text = "<html><head><meta charset='windows-1252'></head><body><p>\u201cCaf\u00e9\u201d</p></body></html>"
    (tmp_path / "old.html").write_bytes(text.encode("cp1252"))
    [doc] = list(iter_documents([tmp_path / "old.html"]))
    assert doc.declared["encoding"] == "cp1252"
    assert doc.content.decode(doc.declared["encoding"]) == text


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)],
)
def test_compressed_files_are_read_and_hashed_uncompressed(tmp_path: Path, suffix: str, compress) -> None:
    path = tmp_path / f"story.txt{suffix}"
    path.write_bytes(compress(DUMP.encode()))
    [doc] = list(iter_documents([path]))
    assert doc.content == DUMP.encode()
    assert doc.id == content_id(DUMP.encode())


def test_directory_walk_is_sorted_recursive_and_skips_hidden_and_project_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(DUMP + "two", encoding="utf-8")
    (tmp_path / "a.txt").write_text(DUMP + "one", encoding="utf-8")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    (tmp_path / "style.css").write_text("p { color: red }\n", encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    assert [Path(d.source.path).name for d in docs(items)] == ["a.txt", "c.html", "2.txt"]
    assert sorted(Path(s.where).name for s in skips(items)) == ["LICENSE", "style.css"]


def test_hidden_files_are_read_when_asked(tmp_path: Path) -> None:
    (tmp_path / ".draft.txt").write_text(DUMP, encoding="utf-8")
    assert docs(list(iter_documents([tmp_path], IngestOptions(include_hidden=True))))
    assert not list(iter_documents([tmp_path]))


def test_bad_files_become_skips_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "1-empty.txt").write_bytes(b"  \n\n")
    (tmp_path / "2-photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200))
    (tmp_path / "3-blob.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "4-broken.txt.gz").write_bytes(gzip.compress(DUMP.encode())[:-12])
    (tmp_path / "5-good.txt").write_text(DUMP, encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    assert [Path(d.source.path).name for d in docs(items)] == ["5-good.txt"]
    reasons = {Path(s.where).name: s.reason for s in skips(items)}
    assert "empty" in reasons["1-empty.txt"]
    assert "JPEG" in reasons["2-photo.jpg"]
    assert "binary" in reasons["3-blob.bin"]
    assert "4-broken.txt.gz" in reasons


def test_oversized_document_is_skipped_with_the_limit_in_the_reason(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_text("word " * 40_000, encoding="utf-8")
    [skip] = list(iter_documents([tmp_path / "huge.txt"], IngestOptions(max_document_bytes=100_000)))
    assert isinstance(skip, Skip) and "100000" in skip.reason


def test_duplicate_content_is_reported_once_seen(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DUMP, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DUMP, encoding="utf-8")
    first, second = iter_documents([tmp_path], IngestOptions(skip_duplicates=True))
    assert isinstance(first, RawDocument) and isinstance(second, Skip)
    assert second.where.endswith("b.txt") and first.id[:16] in second.reason
    assert len(docs(list(iter_documents([tmp_path])))) == 2


def test_missing_input_fails_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DUMP, encoding="utf-8")
    with pytest.raises(InputError, match="no such file"):
        iter_documents([tmp_path / "a.txt", tmp_path / "typo.txt"])
    with pytest.raises(InputError, match="http"):
        iter_documents(["s3://bucket/key"])


def test_stdin_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    [doc] = list(iter_documents(["-"]))
    assert doc.media_type == "html" and doc.source.kind == "text" and doc.source.path == "<stdin>"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_read_once(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(DUMP, encoding="utf-8"))
    writer.start()
    [doc] = list(iter_documents([fifo]))
    writer.join(5)
    assert doc.content == DUMP.encode()


def test_read_bytes_sniffs_in_memory_input() -> None:
    [doc] = list(read_bytes(PAGE.encode(), "upload"))
    assert doc.media_type == "html" and doc.source.kind == "text"
    [skip] = list(read_bytes(b"%PDF-1.7\n...", "report.pdf"))
    assert isinstance(skip, Skip) and "PDF" in skip.reason
