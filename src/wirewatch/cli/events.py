"""`wirewatch events`: list, filter and export coded events (table, JSONL, CSV, POLECAT JSON, GDELT CSV)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import click

from wirewatch.cli.app import db_option, err, main, open_store, print_rows, write_table
from wirewatch.errors import WirewatchError
from wirewatch.store.events import EventFilter


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """`USA-MEX`, `USA:MEX` or `USA,MEX` → ("USA", "MEX")."""
    if not value:
        return None
    parts = [p for p in value.replace(":", "-").replace(",", "-").split("-") if p]
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise WirewatchError(f"--dyad takes two ISO-3 country codes like USA-MEX, not {value!r}")
    return parts[0].upper(), parts[1].upper()


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


@main.command(name="events")
@db_option
@click.option("--actor", default=None, help="Actor id, or part of an actor's name (as source or target).")
@click.option("--dyad", default=None, help="Country pair like USA-MEX (either direction unless --directed).")
@click.option("--directed", is_flag=True, help="With --dyad: only events from the first to the second.")
@click.option("--type", "types", default=None, help="PLOVER types, comma-separated (CONSULT,THREATEN).")
@click.option("--quad", type=click.Choice(["VC", "MC", "VK", "MK"], case_sensitive=False), default=None)
@click.option("--factuality", default=None,
              help="Comma-separated: asserted, negated, hypothetical, threatened, reported, historical.")
@click.option("--country", default=None, help="ISO-3 code of a source or target country.")
@click.option("--outlet", default=None, help="Outlet name contains this.")
@click.option("--since", default=None, help="Event date (else publication date) on or after YYYY[-MM[-DD]].")
@click.option("--until", default=None, help="Event date on or before YYYY[-MM[-DD]].")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000_000))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "parquet", "polecat", "gdelt"]),
              default="table", show_default=True,
              help="polecat: POLECAT-style JSON lines (PLOVER fields); gdelt: GDELT 2.0 event columns (TSV).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to a file.")
def events_cmd(
    db: str | None, actor: str | None, dyad: str | None, directed: bool, types: str | None,
    quad: str | None, factuality: str | None, country: str | None, outlet: str | None,
    since: str | None, until: str | None, limit: int, fmt: str, output: str | None,
) -> None:  # fmt: skip
    """Coded events, newest first, each with the sentence it comes from and its article."""
    flt = EventFilter(
        actor=actor, dyad=parse_dyad(dyad), directed=directed, types=_split(types), quad=quad,
        factuality=_split(factuality), since=since, until=until, country=country, outlet=outlet,
    )  # fmt: skip
    with open_store(db, read_only=True) as store:
        table = store.events(flt, limit=limit)
        total = store.count_events(flt)
        rows = table.to_pylist()
        if fmt in ("polecat", "gdelt"):
            ids = [a for r in rows for a in (r["source"] or []) + (r["target"] or [])]
            actors = store.actors_by_id(ids)
    if fmt == "table":
        print_rows(
            ["date", "type", "mode", "source", "target", "fact.", "outlet", "sentence"],
            [[r["date"], r["type"], r["mode"], ", ".join(r["source_names"] or []),
              ", ".join(r["target_names"] or []), r["factuality"], r["outlet"], _clip(r["sentence"])]
             for r in rows],  # fmt: skip
        )
        err.print(f"{len(rows)} of {total} event(s)")
        return
    if fmt == "polecat":
        from wirewatch.event_export import polecat_records

        lines = [json.dumps(r, ensure_ascii=False, default=str) for r in polecat_records(rows, actors)]
        _emit("".join(line + "\n" for line in lines), output)
    elif fmt == "gdelt":
        from wirewatch.event_export import gdelt_table, gdelt_tsv

        added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        _emit(gdelt_tsv(gdelt_table(rows, actors, added=added)), output)
    else:
        if fmt == "parquet" and not output:
            output = "events.parquet"
        write_table(table, fmt, output)
    if output:
        err.print(f"wrote {len(rows)} event(s) to {output}")


def _emit(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def _clip(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
