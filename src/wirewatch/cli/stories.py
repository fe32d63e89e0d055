"""`wirewatch stories`, `story`, `dyad`: the corpus view; `eval stories` and `bench stories`: measuring."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.markup import escape

from wirewatch.cli.app import db_option, err, main, open_store, out, print_rows
from wirewatch.cli.measure import bench, eval_
from wirewatch.errors import WirewatchError


def _clip(s: str | None, n: int = 90) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


@main.command(name="stories")
@db_option
@click.option("--limit", default=30, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--actor", default=None, help="Actor id, or part of an actor's name.")
@click.option("--country", default=None, help="ISO-3 country code.")
@click.option("--since", default=None, help="Stories active on or after YYYY[-MM[-DD]].")
@click.option("--rebuild", is_flag=True, help="Forget every story and group all articles again.")
@click.option("--json", "as_json", is_flag=True)
def stories_cmd(
    db: str | None,
    limit: int,
    actor: str | None,
    country: str | None,
    since: str | None,
    rebuild: bool,
    as_json: bool,
) -> None:
    """Stories (one happening across outlets and days), most recently active first."""
    from wirewatch.stories import query
    from wirewatch.stories import rebuild as rebuild_corpus

    if rebuild:
        with open_store(db) as store:
            rep = rebuild_corpus(store)
        err.print(
            f"rebuilt: {rep['articles']} articles, {rep['stories_started']} stories, "
            f"{rep['copies']} copies, {rep['updates']} updates, {rep['canonical_new']} canonical events "
            f"from {rep['reports']} reports in {rep['seconds']} s",
            highlight=False,
        )
    with open_store(db, read_only=True) as store:
        rows = query.list_stories(store.con, limit=limit, actor=actor, country=country, since=since)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    print_rows(
        ["id", "label", "first", "last", "arts", "outlets", "main actors"],
        [
            [
                r["id"],
                r["label"],
                r["first_seen"],
                r["last_seen"],
                r["n_articles"],
                r["n_outlets"],
                _clip(", ".join(r["actors"][:4]), 50),
            ]
            for r in rows
        ],
    )
    err.print(f"{len(rows)} story(ies)")


@main.command(name="story")
@db_option
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True)
def story_cmd(db: str | None, story_id: str, as_json: bool) -> None:
    """One story: articles per outlet on a time axis, canonical events, coverage matrix, tone, headlines."""
    from wirewatch.stories import query

    with open_store(db, read_only=True) as store:
        d = query.story_detail(store.con, story_id)
    if d is None:
        raise WirewatchError(f"no story {story_id!r}: list them with `wirewatch stories`")
    if as_json:
        click.echo(json.dumps(d, ensure_ascii=False, indent=1, default=str))
        return
    out.print(f"[bold]{d['label']}[/]  ({d['id']})", highlight=False)
    out.print(
        f"{d['first_seen'] or '?'} → {d['last_seen'] or '?'}; {len(d['articles'])} articles from "
        f"{d['n_outlets']} outlets",
        highlight=False,
    )
    days = sorted({a["published_date"] or "undated" for a in d["articles"]})
    by_outlet: dict[str, dict[str, int]] = {}
    for a in d["articles"]:
        by_outlet.setdefault(a["outlet"], {}).setdefault(a["published_date"] or "undated", 0)
        by_outlet[a["outlet"]][a["published_date"] or "undated"] += 1
    out.print("\n[bold]Articles per outlet and day[/]")
    print_rows(
        ["outlet", *days],
        [[o, *[("■" * n[dd]) if dd in n else "·" for dd in days]] for o, n in by_outlet.items()],
    )
    print_rows(
        ["date", "outlet", "tone", "relation", "title"],
        [
            [
                a["published_date"],
                a["outlet"],
                a["tone"],
                ("copy of " + a["copy_of"][:8])
                if a["copy_of"]
                else ("update of " + a["update_of"][:8])
                if a["update_of"]
                else "",
                _clip(a["title"], 70),
            ]
            for a in d["articles"]
        ],
    )
    out.print("\n[bold]Canonical events[/] (one act, all its reports)")
    print_rows(
        ["id", "date", "type", "who", "fact.", "reports", "indep.", "outlets"],
        [
            [
                c["id"],
                c["date"] or f"({c['day'] or 'undated'})",
                c["type"] + (f" ({c['mode']})" if c["mode"] else ""),
                _clip(
                    ", ".join(c["source_names"])
                    + (" → " + ", ".join(c["target_names"]) if c["target_names"] else ""),
                    45,
                ),
                c["factuality"],
                c["n_reports"],
                c["n_outlets"],
                _clip(", ".join(c["outlets"]), 40),
            ]
            for c in d["canonical_events"]
        ],
    )
    cov = d["coverage"]
    outlets = cov["outlets"]
    out.print("\n[bold]Coverage[/] (■ reported, · omitted)")
    print_rows(
        ["kind", "item", *[_clip(o, 14) for o in outlets]],
        [
            [
                r["kind"],
                _clip(r["label"], 60),
                *[("■" * len(r["by_outlet"][o])) if o in r["by_outlet"] else "·" for o in outlets],
            ]
            for r in cov["rows"][:60]
        ],
    )
    out.print("\n[bold]Tone per outlet[/] (VADER compound, mean over sentences)")
    print_rows(
        ["outlet", "tone"], [[o, f"{t:+.3f}"] for o, t in sorted(d["tone"].items(), key=lambda kv: kv[1])]
    )
    out.print("\n[bold]Headlines[/]")
    print_rows(
        ["outlet", "date", "headline"],
        [[h["outlet"], h["published_date"], h["title"]] for h in d["headlines"]],
    )


@main.command(name="dyad")
@db_option
@click.argument("a")
@click.argument("b")
@click.option("--since", default=None, help="YYYY[-MM[-DD]]")
@click.option("--until", default=None, help="YYYY[-MM[-DD]]")
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week", show_default=True)
@click.option(
    "--factuality",
    default="asserted",
    show_default=True,
    help="Comma-separated factuality values to count ('all' for every one).",
)
@click.option("--json", "as_json", is_flag=True)
def dyad_cmd(
    db: str | None,
    a: str,
    b: str,
    since: str | None,
    until: str | None,
    freq: str,
    factuality: str,
    as_json: bool,
) -> None:
    """Events between two countries (ISO-3) or two actor ids over time: one act counts once."""
    from wirewatch.stories import query

    facts = None if factuality == "all" else tuple(f.strip() for f in factuality.split(",") if f.strip())
    with open_store(db, read_only=True) as store:
        res = query.dyad_series(store.con, a, b, since=since, until=until, freq=freq, factuality=facts)
        ids = [i for p in res["points"] for i in p["events"]] + res["undated"]
        events = {e["id"]: e for e in _canon_by_ids(store.con, ids)}
    if as_json:
        click.echo(json.dumps(res, ensure_ascii=False, indent=1, default=str))
        return
    t = res["totals"]
    out.print(
        f"[bold]{res['a']}–{res['b']}[/]: {t.get('events', 0)} canonical events "
        f"({t.get('reports', 0)} reports), {t.get('undated', 0)} undated; by quad {t.get('by_quad')}",
        highlight=False,
    )
    rows = []
    for p in res["points"]:
        if not p["n"]:
            continue  # quiet periods still count in the rolling mean; the table shows active ones
        what = escape("; ".join(_event_line(events[i]) for i in p["events"] if i in events))
        rows.append(
            [
                p["period"],
                p["n"],
                p["counts"]["VC"],
                p["counts"]["MC"],
                p["counts"]["VK"],
                p["counts"]["MK"],
                p["intensity_mean"],
                p["intensity_sum"],
                p["rolling_mean"],
                "▲" if p["period"] in res["change_points"] else "",
                _clip(what, 70),
            ]
        )
    print_rows(
        ["period", "n", "VC", "MC", "VK", "MK", "int.mean", "int.sum", "rolling", "chg", "events"], rows
    )
    if res["undated"]:
        out.print("[bold]Undated[/] (no event date and no publication date):")
        for i in res["undated"]:
            if i in events:
                out.print("  " + escape(_event_line(events[i])), highlight=False)


def _canon_by_ids(con: object, ids: list[str]) -> list[dict]:
    from wirewatch.store import stories as sql

    return sql.canonical_rows(con, ids=ids, limit=max(1, len(ids))) if ids else []  # type: ignore[arg-type]


def _event_line(e: dict) -> str:
    who = ", ".join(e["source_names"]) + (" → " + ", ".join(e["target_names"]) if e["target_names"] else "")
    return f"{e['type']}{' (' + e['mode'] + ')' if e['mode'] else ''} {who} [{e['id']} ×{e['n_reports']}]"


@eval_.command(name="stories")
@db_option
@click.option(
    "--synthetic", default=600, show_default=True, help="Stories in the generated labelled set (0: none)."
)
@click.option("--seed", default=7, show_default=True)
@click.option("--data", type=click.Path(exists=True, file_okay=False), default=None,
              help="../shared/data/events: also score the split synthetic stories (whole pipeline; slow).")
@click.option("--split", "split_stories", default=600, show_default=True, help="Stories in the split set.")
@click.option("--json", "as_json", is_flag=True)
def eval_stories(db: str | None, synthetic: int, seed: int, data: str | None, split_stories: int,
                 as_json: bool) -> None:
    """B-cubed P/R/F1 of story clustering (sample corpus manifest, split stories, a generated set)."""
    from wirewatch.eval import stories as ev

    result = ev.run_stories_eval(db=db, synthetic_stories=synthetic, seed=seed,
                                 split_data=Path(data) if data else None, split_stories=split_stories)
    click.echo(json.dumps(result, indent=2, default=str) if as_json else ev.format_stories_report(result))


@bench.command(name="stories")
@click.option("--sizes", default="10000,100000", show_default=True, help="Comma-separated article counts.")
@click.option("--json", "as_json", is_flag=True)
def bench_stories(sizes: str, as_json: bool) -> None:
    """Clustering time for N synthetic articles (generated records straight into clustering, no spaCy)."""
    from wirewatch.bench import stories as bs

    result = bs.run_stories_bench(sizes=tuple(int(s) for s in sizes.split(",") if s.strip()))
    click.echo(json.dumps(result, indent=2) if as_json else bs.format_report(result))
