"""Commands over the corpus: ingest, process, list, show, export, demo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from wirewatch.cli.app import (
    SAMPLES,
    db_option,
    err,
    main,
    open_store,
    out,
    print_rows,
    print_summary,
    write_table,
)
from wirewatch.config import Config
from wirewatch.errors import WirewatchError
from wirewatch.records import Skip
from wirewatch.store import Store, default_db_path


# -- ingest / process ------------------------------------------------------------------------
@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--batch-size", default=200, show_default=True, help="Documents per atomic write.")
@click.option("--quiet", is_flag=True, help="No progress display.")
def ingest(inputs: tuple[str, ...], db: str | None, batch_size: int, quiet: bool) -> None:
    """Read files, directories, WARC, feeds, JSONL or URLs into the database (idempotent)."""
    report = _ingest_with_progress(open_store(db), list(inputs), Config(batch_size=batch_size), quiet=quiet)
    err.print(f"run {report.run_id}: {report.line()}")
    for p in report.problems[:50]:
        err.print(f"  [yellow]skipped[/] {p.where}: {p.reason}", highlight=False)
    if len(report.problems) > 50:
        err.print(f"  … and {len(report.problems) - 50} more (table ingest_problems)")


def _ingest_with_progress(store: Store, inputs: list[str], config: Config, *, quiet: bool) -> Any:
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from wirewatch.jobs import ingest as run_ingest

    with store:
        if quiet or not err.is_terminal:
            return run_ingest(store, inputs, config=config)
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
            console=err, transient=True,
        ) as progress:
            task = progress.add_task("ingesting", total=None)
            return run_ingest(
                store, inputs, config=config,
                on_progress=lambda r: progress.update(task, description=f"ingesting: {r.line()}"),
            )


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl",
              show_default=True)
@click.option("--stages", default=None, help="Comma-separated stages to run (default: all available).")
def process(inputs: tuple[str, ...], fmt: str, stages: str | None) -> None:
    """Process inputs and print records to stdout without storing them."""
    from wirewatch.ingest import iter_documents
    from wirewatch.pipeline import Pipeline

    config = Config(stages=tuple(s.strip() for s in stages.split(","))) if stages else Config()
    pipeline = Pipeline(config)
    records: list[dict[str, Any]] = []
    skipped = 0
    for item in pipeline.process_many(iter_documents(list(inputs), config.ingest_options())):
        if isinstance(item, Skip):
            skipped += 1
            err.print(f"[yellow]skipped[/] {item.where}: {item.reason}", highlight=False)
            continue
        if fmt == "jsonl":
            click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        else:
            records.append(item.to_dict())
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "table":
        print_rows(
            ["id", "title", "outlet", "published", "paragraphs"],
            [
                [r["id"][:12], r["article"]["title"], r["article"]["outlet"],
                 r["article"]["published"]["date"], len(r["article"]["paragraphs"])]
                for r in records
            ],
        )
    if skipped:
        err.print(f"{skipped} input(s) skipped")


# -- queries ---------------------------------------------------------------------------------
@main.command()
@db_option
@click.option("--outlet", default=None, help="Outlet name contains this (case-insensitive).")
@click.option("--since", default=None, help="Published on or after (YYYY-MM-DD).")
@click.option("--until", default=None, help="Published on or before (YYYY-MM-DD).")
@click.option("--search", default=None, help="Title or body contains this text.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
def articles(db: str | None, outlet: str | None, since: str | None, until: str | None,
             search: str | None, limit: int, offset: int, fmt: str) -> None:
    """List stored articles, newest first."""
    with open_store(db, read_only=True) as store:
        table = store.articles(outlet=outlet, since=since, until=until, search=search,
                               limit=limit, offset=offset)
    if fmt == "table":
        print_rows(
            ["id", "published", "outlet", "title"],
            [[r["id"][:12], r["published_date"], r["outlet"], r["title"]] for r in table.to_pylist()],
        )
        err.print(f"{table.num_rows} article(s); `wirewatch show ID` for one")
    else:
        write_table(table, fmt, None)


@main.command()
@click.argument("article_id")
@db_option
@click.option("--boilerplate", is_flag=True, help="Also list the lines removed as boilerplate.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole stored record as JSON.")
def show(article_id: str, db: str | None, boilerplate: bool, as_json: bool) -> None:
    """Show one article (an id prefix of 6+ characters is enough)."""
    with open_store(db, read_only=True) as store:
        rec = store.record(article_id)
    if rec is None:
        raise WirewatchError(f"no article {article_id!r} (or the prefix is ambiguous); `wirewatch articles`")
    if as_json:
        click.echo(json.dumps(rec, ensure_ascii=False, indent=2))
        return
    a = rec["article"]
    out.print(f"[bold]{a.get('title') or '(no title)'}[/]", highlight=False)
    pub = a.get("published") or {}
    meta = [
        ("id", rec["id"]), ("outlet", a.get("outlet")), ("publisher", a.get("publisher")),
        ("wire", a.get("wire")), ("byline", ", ".join(a.get("byline") or []) or None),
        ("dateline", a.get("dateline")), ("language", a.get("language")),
        ("published", f"{pub.get('date')} ({pub.get('precision')}; {pub.get('evidence')})"
         if pub.get("date") else "unknown"),
        ("url", a.get("url")),
    ]
    for k, v in meta:
        if v:
            out.print(f"[dim]{k:>10}[/] {v}", highlight=False)
    for s in rec.get("sightings", []):
        out.print(f"[dim]{'seen':>10}[/] {s.get('kind')}: {s.get('path') or s.get('url')}"
                  + (f" [{s['member']}]" if s.get("member") else ""), highlight=False)
    out.print()
    for p in a.get("paragraphs", []):
        out.print(p, highlight=False, markup=False)
        out.print()
    for c in a.get("captions", []):
        out.print(f"[dim]caption:[/] {c['text']}" + (f" [dim]({c['credit']})[/]" if c.get("credit") else ""),
                  highlight=False)
    for h in a.get("related_headlines", []):
        out.print(f"[dim]related:[/] {h}", highlight=False)
    named = [x for x in rec.get("actors", []) if x.get("kind") != "group"]
    if named:
        out.print("\n[bold]actors[/]")
        for x in named:
            where = f"{x.get('country') or '?'}/{x.get('sector') or '?'}"
            role = f", {x['role']}" if x.get("role") else ""
            out.print(f"  {x['name']} [dim]({where}{role}; {len(x.get('mentions', []))} mentions)[/]",
                      highlight=False)
    names = {x["id"]: x["name"] for x in rec.get("actors", [])}
    if rec.get("quotes"):
        out.print("\n[bold]quotes[/]")
        for q in rec["quotes"]:
            who = names.get(q.get("speaker") or "", q.get("speaker_text") or "?")
            via = f" on {q['channel']}" if q.get("channel") else ""
            out.print(f"  {who} ({q['kind']}{via}): [italic]{q['text']}[/] [dim][{q['start']}:{q['end']}][/]",
                      highlight=False)
    if boilerplate:
        for b in a.get("boilerplate", []):
            out.print(f"[dim]removed ({b['reason']}):[/] {b['text']}", highlight=False)


@main.command(name="actors")
@db_option
@click.option("--search", default=None, help="Name contains this text.")
@click.option("--country", default=None, help="ISO alpha-3 country code, e.g. MEX.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--groups", is_flag=True,
              help="Include groups (coded by country and sector, e.g. group:mex-crm) besides named actors.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
def actors_cmd(
    db: str | None, search: str | None, country: str | None, limit: int, groups: bool, fmt: str
) -> None:
    """Actors in the corpus (people, organisations, states), most mentioned first."""
    kinds = None if groups else ["person", "organisation", "state"]
    with open_store(db, read_only=True) as store:
        table = store.actors(search=search, country=country, kinds=kinds, limit=limit)
    if fmt != "table":
        write_table(table, fmt, None)
        return
    print_rows(
        ["actor", "kind", "country", "sector", "role", "articles", "mentions"],
        [[r["name"], r["kind"], r["country"], r["sector"], r["role"], r["articles"], r["mentions"]]
         for r in table.to_pylist()],
    )


@main.command(name="quotes")
@db_option
@click.option("--speaker", default=None, help="Speaker name (or the text naming the speaker) contains this.")
@click.option("--channel", default=None, help="Channel contains this (X, Truth Social, statement, ...).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
def quotes_cmd(db: str | None, speaker: str | None, channel: str | None, limit: int, fmt: str) -> None:
    """Quotes and reported speech with speaker, kind, channel and the article they come from."""
    with open_store(db, read_only=True) as store:
        table = store.quotes(speaker=speaker, channel=channel, limit=limit)
    if fmt != "table":
        write_table(table, fmt, None)
        return
    print_rows(
        ["speaker", "kind", "channel", "quote", "article"],
        [[r["speaker"], r["kind"], r["channel"], r["text"], r["article_id"][:12]] for r in table.to_pylist()],
    )


@main.command()
@db_option
def status(db: str | None) -> None:
    """Corpus counts: articles, outlets, dates, problems."""
    with open_store(db, read_only=True) as store:
        print_summary(store.summary())


@main.command()
@click.argument("table")
@db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]), default="jsonl",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Output file (default: stdout for csv/jsonl; TABLE.parquet for parquet).")
def export(table: str, db: str | None, fmt: str, output: str | None) -> None:
    """Export a table (articles, raw_documents, sightings, boilerplate, ingest_runs, ingest_problems)."""
    with open_store(db, read_only=True) as store:
        data = store.table(table)
    if fmt == "parquet" and not output:
        output = f"{table}.parquet"
    write_table(data, fmt, output)
    if output:
        err.print(f"wrote {data.num_rows} rows to {output}")


# -- demo ------------------------------------------------------------------------------------
@main.command()
@db_option
@click.option("--samples", type=click.Path(exists=True, file_okay=False), default=None,
              help="Corpus folder (default: the bundled samples/corpus).")
@click.option("--no-serve", is_flag=True, help="Only build the demo database.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address for the dashboard.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def demo(db: str | None, samples: str | None, no_serve: bool, host: str, port: int) -> None:
    """Build the demo database from the bundled sample corpus, then serve the dashboard over it."""
    corpus = Path(samples) if samples else SAMPLES
    if not corpus.is_dir():
        raise WirewatchError(f"sample corpus not found at {corpus}; pass --samples PATH")
    path = db or default_db_path()
    report = _ingest_with_progress(Store(path), [str(corpus)], Config(), quiet=False)
    err.print(f"ingested {corpus}: {report.line()}")
    with Store(path, read_only=True) as store:
        print_summary(store.summary())
    if no_serve:
        out.print(
            "\nExplore it:\n"
            f"  wirewatch serve --db {path}          # dashboard and JSON API on http://127.0.0.1:8000/\n"
            f"  wirewatch articles --db {path} --search Sheinbaum\n"
            f"  wirewatch show <id> --db {path} --boilerplate\n"
            f"  wirewatch events --db {path} --dyad USA-MEX\n"
            f"  wirewatch export articles --db {path} --format parquet",
            highlight=False,
        )
        return
    from wirewatch.cli.serve import serve_app

    serve_app(path, host=host, port=port, token=None)
