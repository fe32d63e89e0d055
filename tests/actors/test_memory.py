"""People learned from a title in one run are kept in the store with their evidence and known again,
by bare name, in a later run (a new process would build a new pipeline, as the second ingest does)."""

from __future__ import annotations

import json
from pathlib import Path

from wirewatch.jobs import ingest
from wirewatch.store import Store


def _jsonl(path: Path, article: dict[str, str]) -> Path:
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    return path


def test_learned_person_is_stored_and_reused(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "a.jsonl", {
        "title": "Chile and Peru open talks on water rights", "published": "2026-05-04",
        "text": "Chilean Foreign Minister Tomasa Ibarrondo met her Peruvian counterpart in Lima on Monday "
                "to discuss shared aquifers.\n\nThe talks will continue in June, officials said.",
    })
    second = _jsonl(tmp_path / "b.jsonl", {
        "title": "Water talks stall", "published": "2026-06-10",
        "text": "Tomasa Ibarrondo said on Tuesday that the second round of talks had made little progress."
                "\n\nShe blamed a lack of data.",
    })
    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        ingest(store, [str(first)])
        rows = store.table("learned_actors").to_pylist()
        row = next(r for r in rows if r["name"] == "Tomasa Ibarrondo")
        assert (row["country"], row["sector"], row["learned_from"]) == ("CHL", "GOV", "title")
        body = store.record(row["article_id"])["article"]["body"]
        assert body[row["start_char"]:row["end_char"]] == row["evidence"]
        assert row["evidence"].startswith("Chilean Foreign Minister")
    with Store(db) as store:  # a later run: a fresh pipeline that only knows what the store kept
        ingest(store, [str(second)])
        rec = next(r for r in (store.record(a["id"]) for a in store.articles().to_pylist())
                   if r["article"]["title"] == "Water talks stall")
        person = next(a for a in rec["actors"] if a["name"] == "Tomasa Ibarrondo")
        assert (person["country"], person["sector"]) == ("CHL", "GOV")
        assert "learned" not in person  # nothing new was learned from this article
