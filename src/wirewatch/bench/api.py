"""API latency on a large generated store: p50/p95 per endpoint, served by uvicorn on loopback.

The store is generated here, not ingested: articles, actors, mentions, quotes, events, dyads and event
actors are built as Arrow tables from a seeded random source and bulk-inserted straight into the tables
(`INSERT ... BY NAME SELECT * FROM arrow_table`), so 100k articles / 1M events take about a minute
instead of the hours the NLP pipeline would need. Texts are made-up sentences, not third-party news.
The server runs in a subprocess (so the load generator does not share its GIL) and concurrent httpx
clients replay a mix of requests per endpoint with varying ids, offsets and filters.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from wirewatch.store import Store

COUNTRIES = (
    "USA",
    "MEX",
    "CAN",
    "CHN",
    "RUS",
    "UKR",
    "IND",
    "PAK",
    "IRN",
    "ISR",
    "TUR",
    "DEU",
    "FRA",
    "GBR",
    "JPN",
    "KOR",
    "PRK",
    "BRA",
    "ARG",
    "COL",
    "VEN",
    "NGA",
    "KEN",
    "ETH",
    "EGY",
    "SAU",
    "ARE",
    "QAT",
    "IDN",
    "PHL",
    "VNM",
    "AUS",
    "ZAF",
    "POL",
    "ITA",
    "ESP",
)
TYPES = {
    "AGREE": ("VC", 2.5),
    "CONSULT": ("VC", 2.5),
    "SUPPORT": ("VC", 5.0),
    "CONCEDE": ("VC", 4.5),
    "COOPERATE": ("MC", 9.5),
    "AID": ("MC", 10.0),
    "RETREAT": ("MC", 6.5),
    "REQUEST": ("VK", 0.0),
    "ACCUSE": ("VK", -3.5),
    "REJECT": ("VK", -2.0),
    "THREATEN": ("VK", -3.5),
    "PROTEST": ("MK", -5.0),
    "SANCTION": ("MK", -6.0),
    "MOBILIZE": ("MK", -5.5),
    "COERCE": ("MK", -7.0),
    "ASSAULT": ("MK", -9.0),
}
VERBS = {
    "AGREE": "pledged",
    "CONSULT": "met",
    "SUPPORT": "praised",
    "CONCEDE": "eased",
    "COOPERATE": "joined",
    "AID": "sent aid to",
    "RETREAT": "withdrew from",
    "REQUEST": "urged",
    "ACCUSE": "accused",
    "REJECT": "rejected",
    "THREATEN": "threatened",
    "PROTEST": "marched against",
    "SANCTION": "sanctioned",
    "MOBILIZE": "deployed troops near",
    "COERCE": "detained envoys of",
    "ASSAULT": "shelled",
}
WORDS = (
    "harbour",
    "ministry",
    "talks",
    "border",
    "trade",
    "grain",
    "pipeline",
    "ceasefire",
    "election",
    "budget",
    "convoy",
    "summit",
    "tariff",
    "drought",
    "court",
    "envoy",
    "rail",
    "port",
    "vaccine",
    "loan",
)
OUTLETS = tuple(f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + tuple(
    f"Daily {w.title()}" for w in WORDS[:14]
)


def _hex(prefix: str, i: int) -> str:
    return hashlib.sha256(f"{prefix}{i}".encode()).hexdigest()


def _insert(store: Store, table: str, data: dict[str, Any]) -> None:
    arrow = pa.table(data)
    store.con.register("_bench", arrow)
    try:
        store.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _bench").fetchall()  # names are ours
    finally:
        store.con.unregister("_bench")


def generate_store(
    path: str | Path, *, articles: int = 100_000, events: int = 1_000_000, seed: int = 7
) -> dict:
    """Fill a fresh store at `path` with `articles` articles and `events` events; returns counts and time."""
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    path = Path(path)
    for p in (path, path.with_suffix(path.suffix + ".wal")):
        p.unlink(missing_ok=True)
    n_people = 3000
    actor_ids = [f"state:{c}" for c in COUNTRIES] + [f"person:bench-{i}" for i in range(n_people)]
    actor_country = list(COUNTRIES) + [COUNTRIES[i % len(COUNTRIES)] for i in range(n_people)]
    actor_name = [f"State of {c}" for c in COUNTRIES] + [
        f"Person {i} {WORDS[i % 20].title()}" for i in range(n_people)
    ]
    n_actors = len(actor_ids)
    per = max(1, events // max(1, articles))
    base = np.datetime64("2024-01-01")
    days = rng.integers(0, 1060, articles)
    outlet_ix = rng.integers(0, len(OUTLETS), articles)
    type_names = list(TYPES)
    art_ids = [_hex("a", i) for i in range(articles)]
    a_cols: dict[str, list[Any]] = {
        k: []
        for k in (
            "id",
            "title",
            "outlet",
            "language",
            "published_date",
            "published_precision",
            "url",
            "body",
            "paragraphs",
            "record",
            "byline",
        )
    }
    e_cols: dict[str, list[Any]] = {
        k: []
        for k in (
            "id",
            "article_id",
            "type",
            "mode",
            "contexts",
            "source",
            "target",
            "source_countries",
            "target_countries",
            "factuality",
            "date",
            "date_precision",
            "intensity",
            "quad_class",
            "cameo",
            "goldstein",
            "trigger_start",
            "trigger_end",
            "trigger_text",
            "sentence_start",
            "sentence_end",
            "sentence",
            "record",
        )
    }
    dyad: dict[str, list[Any]] = {
        k: [] for k in ("event_id", "article_id", "source_country", "target_country", "mutual")
    }
    eact: dict[str, list[Any]] = {k: [] for k in ("event_id", "article_id", "actor_id", "role")}
    men: dict[str, list[Any]] = {
        k: [] for k in ("article_id", "actor_id", "field", "start_char", "end_char", "text")
    }
    quo: dict[str, list[Any]] = {
        k: []
        for k in (
            "id",
            "article_id",
            "speaker",
            "speaker_text",
            "cue",
            "text",
            "kind",
            "channel",
            "start_char",
            "end_char",
            "date",
        )
    }
    facts = np.array(["asserted"] * 7 + ["reported", "hypothetical", "negated"])
    made = 0
    for i, aid in enumerate(art_ids):
        day = str(base + np.timedelta64(int(days[i]), "D"))
        n_ev = per if i < articles - 1 else max(per, events - made)
        n_ev = min(n_ev, events - made)
        src = rng.integers(0, n_actors, n_ev + 2)
        tgt = rng.integers(0, len(COUNTRIES), n_ev)
        tix = rng.integers(0, len(type_names), n_ev)
        sentences, evs = [], []
        pos = 0
        for k in range(n_ev):
            s_actor, t_state = int(src[k]), int(tgt[k])
            verb = VERBS[type_names[tix[k]]]
            sent = (
                f"{actor_name[s_actor]} {verb} {COUNTRIES[t_state]} over the {WORDS[(i + k) % 20]} "
                f"dispute on {day}, officials said."
            )
            start = pos
            t_start = start + len(actor_name[s_actor]) + 1
            evs.append(
                (
                    k,
                    s_actor,
                    t_state,
                    type_names[tix[k]],
                    start,
                    start + len(sent),
                    t_start,
                    t_start + len(verb),
                    sent,
                )
            )
            sentences.append(sent)
            pos += len(sent) + 2
        body = "\n\n".join(sentences)
        title = f"{actor_name[int(src[-1])]} and the {WORDS[i % 20]} {WORDS[(i * 7) % 20]}: {day}"
        rec_events = []
        for k, s_actor, t_state, tname, s0, s1, t0_, t1, sent in evs:
            quad, score = TYPES[tname]
            eid = f"{aid}:e{k + 1}"
            fact = str(facts[(i + k) % len(facts)])
            ev = {
                "id": f"e{k + 1}",
                "type": tname,
                "mode": None,
                "contexts": [],
                "source": [actor_ids[s_actor]],
                "target": [f"state:{COUNTRIES[t_state]}"],
                "factuality": fact,
                "date": {"value": day, "precision": "day", "evidence": None},
                "place": None,
                "intensity": score,
                "quad_class": quad,
                "cameo": None,
                "trigger": {"start": t0_, "end": t1, "text": VERBS[tname]},
                "sentence": {"start": s0, "end": s1},
            }
            rec_events.append(ev)
            for col, val in (
                ("id", eid),
                ("article_id", aid),
                ("type", tname),
                ("mode", None),
                ("contexts", []),
                ("source", [actor_ids[s_actor]]),
                ("target", [f"state:{COUNTRIES[t_state]}"]),
                ("source_countries", [actor_country[s_actor]]),
                ("target_countries", [COUNTRIES[t_state]]),
                ("factuality", fact),
                ("date", day),
                ("date_precision", "day"),
                ("intensity", score),
                ("quad_class", quad),
                ("cameo", None),
                ("goldstein", score),
                ("trigger_start", t0_),
                ("trigger_end", t1),
                ("trigger_text", VERBS[tname]),
                ("sentence_start", s0),
                ("sentence_end", s1),
                ("sentence", sent),
                ("record", None),
            ):
                e_cols[col].append(val)
            if actor_country[s_actor] != COUNTRIES[t_state]:
                for col, val in (
                    ("event_id", eid),
                    ("article_id", aid),
                    ("source_country", actor_country[s_actor]),
                    ("target_country", COUNTRIES[t_state]),
                    ("mutual", False),
                ):
                    dyad[col].append(val)
            for actor, role in ((actor_ids[s_actor], "source"), (f"state:{COUNTRIES[t_state]}", "target")):
                for col, val in (("event_id", eid), ("article_id", aid), ("actor_id", actor), ("role", role)):
                    eact[col].append(val)
        mentioned = {}
        for _k, s_actor, _t, _n, s0, _s1, _a, _b, _sent in evs[:5]:
            mentioned.setdefault(s_actor, []).append((s0, s0 + len(actor_name[s_actor])))
        for s_actor, spans in mentioned.items():
            for s0, s1 in spans:
                for col, val in (
                    ("article_id", aid),
                    ("actor_id", actor_ids[s_actor]),
                    ("field", "body"),
                    ("start_char", s0),
                    ("end_char", s1),
                    ("text", actor_name[s_actor]),
                ):
                    men[col].append(val)
        for k, s_actor, _t, _n, s0, s1, _a, _b, sent in evs[:2]:
            for col, val in (
                ("id", f"{aid}:{s0}-{s1}"),
                ("article_id", aid),
                ("speaker", actor_ids[s_actor]),
                ("speaker_text", actor_name[s_actor]),
                ("cue", "said"),
                ("text", sent),
                ("kind", "indirect"),
                ("channel", ("X", "statement", None)[k % 3]),
                ("start_char", s0),
                ("end_char", s1),
                ("date", day),
            ):
                quo[col].append(val)
        rec = {
            "id": aid,
            "article": {
                "title": title,
                "outlet": OUTLETS[outlet_ix[i]],
                "body": body,
                "paragraphs": sentences,
                "captions": [],
                "boilerplate": [],
                "published": {"date": day, "precision": "day"},
            },
            "actors": [
                {
                    "id": actor_ids[a],
                    "name": actor_name[a],
                    "kind": "state" if a < len(COUNTRIES) else "person",
                    "country": actor_country[a],
                    "mentions": [{"start": s, "end": e} for s, e in sp],
                }
                for a, sp in mentioned.items()
            ],
            "quotes": [],
            "events": rec_events,
        }
        for col, val in (
            ("id", aid),
            ("title", title),
            ("outlet", OUTLETS[outlet_ix[i]]),
            ("language", "en"),
            ("published_date", day),
            ("published_precision", "day"),
            ("url", f"https://bench.example/{i}"),
            ("body", body),
            ("paragraphs", sentences),
            ("record", json.dumps(rec)),
            ("byline", []),
        ):
            a_cols[col].append(val)
        made += n_ev
        if made >= events and i >= articles - 1:
            break
    t_gen = time.perf_counter() - t0
    with Store(path) as store:
        store.con.execute("SET enable_progress_bar = false").fetchall()
        store.con.execute("BEGIN TRANSACTION").fetchall()
        _insert(store, "articles", a_cols)
        _insert(
            store,
            "actors",
            {
                "id": actor_ids,
                "name": actor_name,
                "country": actor_country,
                "kind": ["state"] * len(COUNTRIES) + ["person"] * n_people,
                "sector": ["GOV"] * n_actors,
                "role": [None] * n_actors,
                "first_seen": [art_ids[0]] * n_actors,
            },
        )
        _insert(store, "mentions", men)
        _insert(store, "quotes", quo)
        e_cols["record"] = [None] * len(e_cols["id"])
        _insert(store, "events", e_cols)
        _insert(store, "event_dyads", dyad)
        _insert(store, "event_actors", eact)
        store.con.execute("COMMIT").fetchall()
        store.rebuild_serving()  # bulk rows bypass write_batch: fill the serving columns and aggregates
        store.con.execute("CHECKPOINT").fetchall()
    return {
        "articles": len(art_ids),
        "events": made,
        "mentions": len(men["article_id"]),
        "quotes": len(quo["id"]),
        "dyad_rows": len(dyad["event_id"]),
        "event_actor_rows": len(eact["event_id"]),
        "generate_s": round(t_gen, 1),
        "total_s": round(time.perf_counter() - t0, 1),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(db: Path, port: int, log: Any) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn; from wirewatch.web import create_app; "
        f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')"
    )
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=log)


def _wait(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the benchmark server exited early; see its log")
        try:
            if httpx.get(base + "/api/summary", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("server did not come up")


def endpoints(n_articles: int, seed: int = 11) -> dict[str, Callable[[int], str]]:
    """URL makers per endpoint; each call gives a different id, offset or filter."""
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, n_articles, 10_000)
    types = list(TYPES)

    def art(k: int) -> str:
        return _hex("a", int(picks[k % len(picks)]))

    return {
        "GET /api/articles": lambda k: f"/api/articles?limit=50&offset={(k * 50) % 5000}",
        "GET /api/articles?outlet&since": lambda k: (
            f"/api/articles?outlet={OUTLETS[k % len(OUTLETS)]}&since=2025-{1 + k % 12:02d}-01&limit=50"
        ),
        "GET /api/articles/{id}": lambda k: f"/api/articles/{art(k)}",
        "GET /api/actors": lambda k: f"/api/actors?limit=50&offset={(k * 50) % 1000}",
        "GET /api/actors/{id}": lambda k: f"/api/actors/person:bench-{k % 3000}",
        "GET /api/quotes": lambda k: f"/api/quotes?limit=50&offset={(k * 50) % 5000}",
        "GET /api/events": lambda k: f"/api/events?limit=50&offset={(k * 50) % 5000}",
        "GET /api/events?type&a&b": lambda k: (
            f"/api/events?type={types[k % 16]}&a=USA&b={COUNTRIES[1 + k % 30]}&limit=50"
        ),
        "GET /api/events?actor&since": lambda k: (
            f"/api/events?actor=person:bench-{k % 3000}&since=2025-01-01"
        ),
        "GET /api/events/{id}": lambda k: f"/api/events/{art(k)}:e{1 + k % 10}",
        "GET /api/search?q=": lambda k: f"/api/search?q={WORDS[k % 20]}%20{WORDS[(k * 3) % 20]}",
        "GET / (page)": lambda k: "/",
        "GET /articles/{id} (page)": lambda k: f"/articles/{art(k)}",
        "GET /events (page)": lambda k: f"/events?offset={(k * 50) % 2000}",
        "GET /actors/{id} (page)": lambda k: f"/actors/person:bench-{k % 3000}",
    }


async def _measure(base: str, make: Callable[[int], str], requests: int, concurrency: int) -> dict[str, Any]:
    import httpx

    times: list[float] = []
    errors = 0
    counter = iter(range(requests))

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        for k in counter:
            t = time.perf_counter()
            res = await client.get(make(k))
            times.append((time.perf_counter() - t) * 1000)
            if res.status_code != 200:
                errors += 1

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for k in range(3):  # warm caches and the connection pool
            await client.get(make(10_000 + k))
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    times.sort()
    q = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
    return {
        "n": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(q[94], 1),
        "max_ms": round(times[-1], 1),
        "rps": round(len(times) / wall, 1),
        "errors": errors,
    }


def run_api_bench(
    articles: int = 100_000,
    events: int = 1_000_000,
    requests: int = 200,
    concurrency: int = 4,
    db: str | Path | None = None,
    keep: bool = False,
) -> dict[str, Any]:
    """Generate (or reuse, when `db` exists) a store, serve it, and time each endpoint under concurrency."""
    folder = None
    if db is None:
        folder = tempfile.mkdtemp(prefix="wirewatch-apibench-")
        db = Path(folder) / "bench.duckdb"
    db = Path(db)
    if db.exists():
        built: dict[str, Any] = {"reused": str(db)}
        with Store(db):  # a reused store from an older schema is migrated (and backfilled) here
            pass
    else:
        built = generate_store(db, articles=articles, events=events)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.TemporaryFile()  # noqa: SIM115  (closed in the finally below)
    proc = _start_server(db, port, log)
    try:
        _wait(base, proc)
        results = {
            name: asyncio.run(_measure(base, make, requests, concurrency))
            for name, make in endpoints(articles).items()
        }
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
        if folder and not keep:
            for p in Path(folder).iterdir():
                p.unlink()
            os.rmdir(folder)
    return {
        "store": built,
        "requests_per_endpoint": requests,
        "concurrency": concurrency,
        "cpus": os.cpu_count(),
        "endpoints": results,
    }


def format_report(result: dict[str, Any]) -> str:
    """The bench result as a table: p50/p95/max per endpoint."""
    lines = [
        f"store: {result['store']}",
        f"{result['requests_per_endpoint']} requests per endpoint, {result['concurrency']} clients, "
        f"{result['cpus']} CPUs",
        f"{'endpoint':34s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s} {'req/s':>7s} {'errors':>6s}",
    ]
    for name, r in result["endpoints"].items():
        lines.append(
            f"{name:34s} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_ms']:8.1f} {r['rps']:7.1f} "
            f"{r['errors']:6d}"
        )
    return "\n".join(lines)


if __name__ == "__main__":  # python -m wirewatch.bench.api [articles] [events] [requests]
    args = [int(a) for a in sys.argv[1:4]]
    print(json.dumps(run_api_bench(*args, db=os.environ.get("WIREWATCH_BENCH_DB")), indent=2))
