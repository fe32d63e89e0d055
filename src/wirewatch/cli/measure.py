"""Measuring commands: `wirewatch eval` (accuracy on public data) and `wirewatch bench` (speed)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from wirewatch.cli.app import (
    main,
)


# -- measuring -------------------------------------------------------------------------------
@main.group(name="eval")
def eval_() -> None:
    """Accuracy on public data sets (slow; not part of the tests)."""


@eval_.command(name="extraction")
@click.option("--data", type=click.Path(exists=True, file_okay=False), required=True,
              help="../shared/data/extraction or one of its sub-folders.")
@click.option("--limit", type=int, default=None, help="Only the first N pages of each set.")
@click.option("--json", "as_json", is_flag=True)
def eval_extraction(data: str, limit: int | None, as_json: bool) -> None:
    """Body precision/recall/F1 (trafilatura evaldata); title/byline/site/date accuracy (Mozilla)."""
    from wirewatch.eval import extraction

    result = extraction.run(Path(data), limit=limit)
    click.echo(json.dumps(result, indent=2) if as_json else extraction.format_report(result))


@eval_.command(name="time")
@click.option("--data", type=click.Path(exists=True, file_okay=False), required=True,
              help="../shared/data/time/TBAQ-cleaned (TimeML files).")
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--json", "as_json", is_flag=True)
def eval_time(data: str, limit: int | None, as_json: bool) -> None:
    """Time expressions: span P/R/F1, type and value accuracy, TempEval-3 value F1."""
    from wirewatch.eval import temporal

    result = temporal.evaluate_timebank(Path(data), limit=limit)
    click.echo(json.dumps(result, indent=2, default=str) if as_json else temporal.format_report(result))


@eval_.command(name="actors")
@click.option("--data", type=click.Path(exists=True, dir_okay=False), required=True,
              help="../shared/data/events/ngec_actor_resolution_tests.jsonl")
@click.option("--failures", type=int, default=0, help="Also list the first N failed assertions.")
@click.option("--json", "as_json", is_flag=True)
def eval_actors(data: str, failures: int, as_json: bool) -> None:
    """How many name -> country/sector/office assertions the shipped knowledge base satisfies."""
    from wirewatch.eval import actors

    result = actors.evaluate_ngec(Path(data))
    click.echo(json.dumps(result, indent=2, default=str) if as_json
               else actors.format_report(result, failures=failures))


@eval_.command(name="quotes")
@click.option("--data", type=click.Path(exists=True, dir_okay=False), required=True,
              help="../shared/data/quotes/polnear/polnear_dev.jsonl")
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--json", "as_json", is_flag=True)
def eval_quotes(data: str, limit: int | None, as_json: bool) -> None:
    """Quotes: P/R/F1 at 30% and 80% content overlap, and speaker accuracy (PolNeAR)."""
    from wirewatch.eval import quotes

    result = quotes.evaluate_polnear(Path(data), limit=limit)
    click.echo(json.dumps(result, indent=2, default=str) if as_json else quotes.format_report(result))


@eval_.command(name="events")
@click.option("--data", type=click.Path(exists=True), required=True,
              help="../shared/data/events (synthetic stories, CAMEO sentences), or a .jsonl sentence set.")
@click.option("--split", type=click.Choice(["dev", "heldout", "wire"]), default="heldout", show_default=True,
              help="heldout: SHA-1 of the sentence mod 5 == 0, never used for rules or training.")
@click.option("--limit", type=int, default=None, help="Only the first N sentences.")
@click.option("--json", "as_json", is_flag=True)
def eval_events(data: str, split: str, limit: int | None, as_json: bool) -> None:
    """PLOVER type per sentence: per-type P/R/F1, micro and macro F1, mode, quad class, source country."""
    from wirewatch.eval import events

    result = events.run_events_eval(Path(data), split=split, limit=limit)
    click.echo(json.dumps(result, indent=2, default=str) if as_json else events.format_events_report(result))


@eval_.command(name="geo")
@click.option("--data", type=click.Path(exists=True, file_okay=False), required=True,
              help="../shared/data/geo (TR-News.xml and GeoVirus.xml).")
@click.option("--limit", type=int, default=None, help="Only the first N articles of each set.")
@click.option("--json", "as_json", is_flag=True)
def eval_geo(data: str, limit: int | None, as_json: bool) -> None:
    """Toponyms: span P/R/F1, accuracy within 161 km, country accuracy (tuned and untouched halves)."""
    from wirewatch.eval import geo

    result = geo.run_geo_eval(Path(data), limit=limit)
    click.echo(json.dumps(result, indent=2, default=str) if as_json else geo.format_geo_report(result))


@main.group()
def bench() -> None:
    """Throughput and memory on generated documents."""


@bench.command(name="extract")
@click.option("--n", default=2000, show_default=True, help="Documents per kind.")
@click.option("--json", "as_json", is_flag=True)
def bench_extract(n: int, as_json: bool) -> None:
    """Text dumps/s and HTML pages/s on one core, with peak memory."""
    from wirewatch.bench import extract as bx

    result = bx.bench_extract(n)
    click.echo(json.dumps(result, indent=2) if as_json else bx.format_report(result))


@bench.command(name="pipeline")
@click.option("--data", type=click.Path(exists=True), default=None,
              help="Documents to run (default: the bundled sample corpus).")
@click.option("--repeat", default=3, show_default=True)
@click.option("--cores", default=1, show_default=True, type=click.IntRange(min=1),
              help="CPUs and BLAS threads the run may use (the issue's yardstick is one).")
@click.option("--json", "as_json", is_flag=True)
def bench_pipeline(data: str | None, repeat: int, cores: int, as_json: bool) -> None:
    """Articles/s through every stage (extract to geo), per stage and overall, pinned to one core."""
    from wirewatch.bench import pipeline as bp

    result = bp.bench_pipeline(Path(data) if data else None, repeat=repeat, cores=cores)
    click.echo(json.dumps(result, indent=2) if as_json else bp.format_report(result))



@bench.command(name="api")
@click.option("--articles", default=100_000, show_default=True, help="Articles in the generated store.")
@click.option("--events", default=1_000_000, show_default=True, help="Events in the generated store.")
@click.option("--requests", default=200, show_default=True, help="Requests per endpoint.")
@click.option("--concurrency", default=4, show_default=True, help="Concurrent clients.")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Reuse (and migrate) this store if it exists, else generate it there and keep it.")
@click.option("--json", "as_json", is_flag=True)
def bench_api(articles: int, events: int, requests: int, concurrency: int, db: str | None,
              as_json: bool) -> None:
    """API and page latency (p50/p95) on a generated store, served by uvicorn on loopback."""
    from wirewatch.bench import api as ba

    result = ba.run_api_bench(articles, events, requests, concurrency, db=db)
    click.echo(json.dumps(result, indent=2, default=str) if as_json else ba.format_report(result))
