"""`wirewatch serve`: the JSON API and the dashboard over one database, on loopback by default."""

from __future__ import annotations

import os
from pathlib import Path

import click

from wirewatch.cli.app import db_option, err, main
from wirewatch.errors import WirewatchError
from wirewatch.store import default_db_path


def serve_app(path: str, *, host: str, port: int, token: str | None, quiet: bool = False) -> None:
    """Run uvicorn over `path` until interrupted; shared by `serve` and `demo`."""
    import uvicorn

    from wirewatch.web import create_app

    if not Path(path).exists():
        raise WirewatchError(f"no database at {path!r}: run `wirewatch ingest PATH --db {path}` first")
    app = create_app(path, token=token)
    shown = f"[{host}]" if ":" in host else host
    err.print(
        f"wirewatch dashboard: [bold]http://{shown}:{port}/[/]  (API: http://{shown}:{port}/api)",
        highlight=False,
    )
    err.print("writing (POST /ingest) is " + ("[bold]on[/], token required" if token else "off (no --token)"))
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/] listening on {host}: anyone who can reach it can read the corpus")
    uvicorn.run(app, host=host, port=port, log_level="warning" if quiet else "info")


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    default=None,
    envvar="WIREWATCH_TOKEN",
    show_envvar=True,
    help="Enable POST /ingest for clients that send this token (Authorization: Bearer TOKEN).",
)
@click.option("--quiet", is_flag=True, help="Log warnings only.")
def serve(db: str | None, host: str, port: int, token: str | None, quiet: bool) -> None:
    """Serve the JSON API (/api, /openapi.json) and the dashboard over a database."""
    serve_app(
        db or default_db_path(),
        host=host,
        port=port,
        token=token or os.environ.get("WIREWATCH_TOKEN"),
        quiet=quiet,
    )
