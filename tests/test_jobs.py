"""Ingest into a real DuckDB file: idempotence, bad inputs, kill-and-resume."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from wirewatch.jobs import ingest
from wirewatch.store import Store

PARAS = [
    "Officials in the port city of Valdora said on Tuesday that the new ferry link would open in March, "
    "after months of delays blamed on a shortage of steel.",
    "The transport minister, Elena Marsh, told reporters the route would cut travel times by half and "
    "promised that fares would stay below the rail price.",
    "Critics in the opposition said the project had cost twice its budget and called for an audit by the "
    "national accounts office before the first sailing.",
]


def write_dump(folder: Path, name: str, title: str, extra: str = "") -> Path:
    body = "\n\n".join(p + extra for p in PARAS)
    text = f"Menu\n\n{title}\n\nSubscribe to our newsletter\n\n{body}\n\nPrivacy Policy\n\nTerms of Use\n"
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def make_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        write_dump(folder, f"story{i:02d}.txt", f"Ferry link number {i} wins approval", extra=f" Case {i}.")
    return folder


def test_reingest_is_a_no_op(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 3)
    with Store(tmp_path / "w.duckdb") as store:
        first = ingest(store, [str(corpus)])
        second = ingest(store, [str(corpus)])
        assert (first.added, first.known) == (3, 0)
        assert (second.added, second.known) == (0, 3)
        assert store.table("articles").num_rows == 3
        assert store.table("sightings").num_rows == 3
        runs = store.table("ingest_runs").to_pylist()
        assert [r["status"] for r in runs] == ["done", "done"]


def test_bad_inputs_are_skipped_and_the_batch_goes_on(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 2)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with Store(tmp_path / "w.duckdb") as store:
        report = ingest(store, [str(corpus)])
        assert report.added == 2
        assert report.skipped >= 2
        reasons = " ".join(r for _, r in store.problems()).lower()
        assert "empty" in reasons
        assert store.table("articles").num_rows == 2


def test_killed_ingest_leaves_whole_batches_and_resumes(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 7)
    db = tmp_path / "w.duckdb"
    env = dict(os.environ, WIREWATCH_CRASH_IN_BATCH="2")
    cmd = [sys.executable, "-m", "wirewatch.cli", "ingest", str(corpus), "--db", str(db),
           "--batch-size", "3", "--quiet"]
    killed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert killed.returncode == 137, killed.stderr
    with Store(db) as store:
        # the first batch landed whole; the second died inside its transaction and left nothing
        assert store.table("articles").num_rows == 3
        assert store.table("raw_documents").num_rows == 3
        assert store.table("sightings").num_rows == 3
    env.pop("WIREWATCH_CRASH_IN_BATCH")
    resumed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert "4 added, 3 already known" in resumed.stderr
    with Store(db) as store:
        assert store.table("articles").num_rows == 7
        ids = store.table("articles").column("id").to_pylist()
        assert len(ids) == len(set(ids))
