"""The `wirewatch` group and what every command shares: the --db option, consoles, output helpers."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from wirewatch import __version__
from wirewatch.errors import WirewatchError
from wirewatch.store import Store, default_db_path

err = Console(stderr=True)
out = Console()

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "corpus"


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        default=None,
        help="Database file (default ./wirewatch.duckdb, or $WIREWATCH_DB).",
    )(fn)


def open_store(db: str | None, *, read_only: bool = False) -> Store:
    path = db or default_db_path()
    if read_only and not Path(path).exists():
        raise WirewatchError(f"no database at {path!r}: run `wirewatch ingest PATH --db {path}` first")
    return Store(path, read_only=read_only)


class Main(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WirewatchError as exc:
            err.print(f"[bold red]error:[/] {exc}")
            sys.exit(2)


@click.group(cls=Main)
@click.version_option(__version__, prog_name="wirewatch")
def main() -> None:
    """wirewatch: who did what to whom, when, where, and who said so, from raw news."""


# -- output helpers --------------------------------------------------------------------------
def print_rows(header: list[str], rows: Iterable[list[Any]]) -> None:
    table = Table(*header, show_lines=False)
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    out.print(table)


def print_summary(s: dict[str, Any]) -> None:
    out.print(
        f"[bold]{s['articles']}[/] articles from [bold]{s['outlets']}[/] outlets; "
        f"{s['dated']} dated, {s['first_published'] or '?'} to {s['last_published'] or '?'}; "
        f"{s['raw_documents']} raw documents; {s['problems']} input problems recorded",
        highlight=False,
    )
    if "events" in s:
        out.print(
            f"{s['actors']} actors, {s['quotes']} quotes, {s['events']} events, "
            f"{s['dyads']} directed country pairs",
            highlight=False,
        )
    print_rows(["outlet", "articles"], [[o, n] for o, n in s["by_outlet"]])


def write_table(table: Any, fmt: str, output: str | None) -> None:
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    if fmt == "parquet":
        pq.write_table(table, output)
    elif fmt == "csv":
        if output:
            pacsv.write_csv(table, output)
        else:
            sink = sys.stdout.buffer
            pacsv.write_csv(table, sink)
    else:
        lines = (json.dumps(row, ensure_ascii=False, default=str) for row in table.to_pylist())
        if output:
            Path(output).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        else:
            for line in lines:
                click.echo(line)

