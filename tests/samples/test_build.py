"""The bundled sample corpus: authoring files parse, the build is deterministic, the output reads back."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("samples_build", SAMPLES / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _load_build()


@pytest.fixture(scope="module")
def fresh() -> dict[str, bytes]:
    return build.build(SAMPLES)


@pytest.fixture(scope="module")
def manifest(fresh: dict[str, bytes]) -> list[dict]:
    return [json.loads(line) for line in fresh["manifest.jsonl"].decode().splitlines()]


def authoring_files() -> list[Path]:
    return sorted((SAMPLES / "authoring").glob("*/*.txt"))


def test_every_authoring_file_parses() -> None:
    files = authoring_files()
    assert files
    for path in files:
        article = build.parse_article(path)
        assert article.id == path.stem
        assert article.paragraphs


def test_build_is_deterministic(fresh: dict[str, bytes]) -> None:
    again = build.build(SAMPLES)
    assert list(again) == list(fresh)
    for path, data in fresh.items():
        assert again[path] == data, path


def test_committed_output_is_up_to_date(fresh: dict[str, bytes]) -> None:
    stale = [
        p for p, data in fresh.items() if not (SAMPLES / p).exists() or (SAMPLES / p).read_bytes() != data
    ]
    assert not stale, f"run python samples/build.py; out of date: {stale}"
    assert build.main(["--check"]) == 0


def test_manifest_matches_authoring(manifest: list[dict]) -> None:
    ids = [e["id"] for e in manifest]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    assert sorted(ids) == sorted(p.stem for p in authoring_files())
    by_id = {e["id"]: e for e in manifest}
    for e in manifest:
        assert (SAMPLES / "corpus" / e["path"]).is_file()
        for key in ("copy_of", "update_of"):
            assert e[key] is None or e[key] in by_id
        assert e["paragraphs"] > 0 and len(e["first_words"].split()) == 8


def test_text_dumps_contain_their_body(manifest: list[dict]) -> None:
    for e in manifest:
        if e["format"] == "txt":
            text = (SAMPLES / "corpus" / e["path"]).read_text(encoding="utf-8")
            flat = " ".join(text.split())
            assert e["first_words"] in flat and e["last_words"] in flat, e["id"]
            if e["title"]:
                assert e["title"] in text


def test_warc_has_one_response_per_atlas_article(manifest: list[dict]) -> None:
    atlas = [e for e in manifest if e["outlet"] == "Atlas News Network"]
    responses = []
    with (SAMPLES / "corpus" / build.WARC_PATH).open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                assert record.http_headers.get_header("Content-Type") == "text/html; charset=utf-8"
                responses.append(record.rec_headers.get_header("WARC-Target-URI"))
                assert b"<h1" in record.content_stream().read()
    assert sorted(responses) == sorted(e["member"] for e in atlas)


def test_feed_parses_with_one_item_per_article(manifest: list[dict]) -> None:
    pacific = [e for e in manifest if e["outlet"] == "Pacific Daily Wire"]
    feed = feedparser.parse((SAMPLES / "corpus" / build.FEED_PATH).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == len(pacific)
    assert sorted(x.link for x in feed.entries) == sorted(e["member"] for e in pacific)
    assert all(x.get("published_parsed") and x.content[0].value for x in feed.entries)


def test_jsonl_lines_match_manifest(manifest: list[dict]) -> None:
    lines = (SAMPLES / "corpus" / build.JSONL_PATH).read_text(encoding="utf-8").splitlines()
    capital = {e["member"]: e for e in manifest if e["outlet"] == "The Capital Dispatch"}
    assert sorted(capital) == list(range(1, len(lines) + 1))
    for n, line in enumerate(lines, start=1):
        obj = json.loads(line)
        assert obj["url"] == capital[n]["url"]
        assert ("text" in obj) != ("html" in obj)


def _copy_samples(tmp_path: Path) -> Path:
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_bad_header_names_the_file(tmp_path: Path) -> None:
    samples = _copy_samples(tmp_path)
    victim = sorted((samples / "authoring").glob("*/*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8").replace("outlet:", "outlett:", 1), encoding="utf-8")
    with pytest.raises(build.AuthoringError, match=victim.name):
        build.build(samples)
    assert build.main(["--samples", str(samples)]) == 2


def test_check_flags_a_changed_output(tmp_path: Path) -> None:
    samples = _copy_samples(tmp_path)
    assert build.main(["--check", "--samples", str(samples)]) == 0
    with (samples / "manifest.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{}\n")
    assert build.main(["--check", "--samples", str(samples)]) == 1
