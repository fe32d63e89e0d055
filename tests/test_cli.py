"""The command line, run in-process with click's runner against real files."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner

from tests.test_jobs import make_corpus
from wirewatch.cli import main


def test_process_prints_one_record_per_article(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 2)
    result = CliRunner().invoke(main, ["process", str(corpus), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert len(lines) == 2
    for rec in lines:
        assert len(rec["id"]) == 64
        assert rec["source"]["kind"] == "file"
        body = rec["article"]["body"]
        assert "ferry link" in body
        assert "newsletter" not in body.lower()
        assert "Privacy Policy" not in body


def test_ingest_list_show_export(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 3)
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    res = runner.invoke(main, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert res.exit_code == 0, res.output
    assert "3 added" in res.stderr
    res = runner.invoke(main, ["articles", "--db", db, "--format", "jsonl", "--search", "number 1 "])
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["title"] == "Ferry link number 1 wins approval"
    res = runner.invoke(main, ["show", rows[0]["id"][:8], "--db", db, "--boilerplate"])
    assert res.exit_code == 0, res.output
    assert "Elena Marsh" in res.stdout and "removed" in res.stdout
    out = tmp_path / "a.parquet"
    res = runner.invoke(main, ["export", "articles", "--db", db, "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert pq.read_table(out).num_rows == 3


def test_errors_say_what_to_do(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["articles", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2
    assert "wirewatch ingest" in res.stderr
    res = runner.invoke(main, ["export", "nope", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2


def test_status_and_demo_summary(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 2)
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    res = runner.invoke(main, ["demo", "--db", db, "--samples", str(corpus), "--no-serve"])
    assert res.exit_code == 0, res.output
    assert "2 articles from" in res.stdout
    res = runner.invoke(main, ["status", "--db", db])
    assert res.exit_code == 0, res.output
    assert "2 articles from" in res.stdout and "0 input problems" in res.stdout


def test_eval_commands_run_on_small_shared_slices() -> None:
    import pytest

    shared = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if not shared.is_dir():
        pytest.skip("../shared/data is absent: eval commands need the public data sets")
    runner = CliRunner()
    tbaq = str(shared / "time" / "TBAQ-cleaned")
    res = runner.invoke(main, ["eval", "time", "--data", tbaq, "--limit", "2"])
    assert res.exit_code == 0, res.output
    assert "value" in res.stdout.lower()
    res = runner.invoke(main, ["eval", "actors", "--data",
                               str(shared / "events" / "ngec_actor_resolution_tests.jsonl")])
    assert res.exit_code == 0, res.output
    assert "%" in res.stdout


def test_actors_are_stored_and_listed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Leaders speak by phone\n\n"
        "MEXICO CITY - Mexican President Claudia Sheinbaum spoke by phone on Monday with Canadian Prime "
        "Minister Mark Carney about trade and the shared review of the regional agreement.\n\n"
        "Ms Sheinbaum said the talks with Mr Carney had been friendly and that officials would meet again "
        "within a month to settle the open questions on steel and autos.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(folder), "--db", db, "--quiet"]).exit_code == 0
    res = runner.invoke(main, ["actors", "--db", db, "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = {r["name"]: r for r in map(json.loads, res.stdout.splitlines())}
    assert rows["Claudia Sheinbaum"]["country"] == "MEX"
    assert rows["Claudia Sheinbaum"]["mentions"] >= 2
    assert rows["Mark Carney"]["country"] == "CAN"
    res = runner.invoke(main, ["actors", "--db", db, "--country", "can", "--format", "jsonl"])
    canadians = [json.loads(x) for x in res.stdout.splitlines()]
    assert "Mark Carney" in {r["name"] for r in canadians}
    assert {r["country"] for r in canadians} == {"CAN"}
    res = runner.invoke(main, ["quotes", "--db", db, "--speaker", "Sheinbaum", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    quotes = [json.loads(x) for x in res.stdout.splitlines()]
    hit = [q for q in quotes if "had been friendly" in q["text"]]
    assert hit and hit[0]["speaker"] == "Claudia Sheinbaum", quotes
    assert all(q["kind"] == "indirect" for q in quotes)
