"""The read side of the corpus level: plain JSON-able dicts for the CLI, the API and the dashboard.

Each function takes a DuckDB connection (`store.con` or a cursor). A store written before the stories
migration simply has no stories: functions return empty results rather than fail.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import duckdb

from wirewatch.store import stories as sql
from wirewatch.stories.features import outlet_name

Con = duckdb.DuckDBPyConnection
QUADS = ("VC", "MC", "VK", "MK")
ROLLING = 4  # periods in the rolling mean


def _ready(con: Con) -> bool:
    return sql.has_tables(con)


def list_stories(
    con: Con,
    *,
    limit: int = 50,
    offset: int = 0,
    actor: str | None = None,
    country: str | None = None,
    since: str | None = None,
) -> list[dict[str, Any]]:
    """Stories, most recently active first."""
    if not _ready(con):
        return []
    return [
        _story_head(r)
        for r in sql.story_rows(con, limit=limit, offset=offset, actor=actor, country=country, since=since)
    ]


def _story_head(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": r["id"],
        "label": r["label"],
        "first_seen": r["first_seen"],
        "last_seen": r["last_seen"],
        "n_articles": r["n_articles"],
        "n_outlets": r["n_outlets"],
        "outlets": list(r["outlets"] or []),
        "actors": list(r["actors"] or []),
        "actor_ids": list(r["actor_ids"] or []),
        "countries": list(r["countries"] or []),
        "types": list(r["types"] or []),
    }


def story_detail(con: Con, story_id: str) -> dict[str, Any] | None:
    """Everything about one story: articles, canonical events with reports, coverage, tone, headlines."""
    if not _ready(con):
        return None
    sid = sql.resolve_story(con, story_id)
    heads = sql.story_rows(con, limit=1, offset=0, actor=None, country=None, since=None, story_id=sid)
    if not heads:
        return None
    out = _story_head(heads[0])
    arts = sql.story_articles_detail(con, sid)
    articles = []
    for a in arts:
        articles.append(
            {
                "id": a["id"],
                "title": a["title"],
                "outlet": outlet_name(a["outlet"], a["url"]),
                "published_date": a["published_date"],
                "url": a["url"],
                "wire": a["wire"],
                "copy_of": a["of_article"] if a["relation"] == "copy" else None,
                "update_of": a["of_article"] if a["relation"] == "update" else None,
                "group_id": a["group_id"],
                "tone": a["tone"],
            }
        )
    out["articles"] = articles
    outlet_of = {a["id"]: a["outlet"] for a in articles}
    canon = canonical_events(con, story_id=sid, limit=10_000)
    out["canonical_events"] = canon
    out["coverage"] = _coverage(con, articles, canon, outlet_of)
    tones: dict[str, list[float]] = defaultdict(list)
    for a in articles:
        if a["tone"] is not None:
            tones[a["outlet"]].append(float(a["tone"]))
    out["tone"] = {o: round(sum(v) / len(v), 4) for o, v in tones.items()}
    out["headlines"] = [
        {
            "outlet": a["outlet"],
            "title": a["title"],
            "article_id": a["id"],
            "published_date": a["published_date"],
        }
        for a in articles
        if a["title"]
    ]
    return out


def canonical_events(
    con: Con,
    *,
    story_id: str | None = None,
    dyad: tuple[str, str] | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Canonical events (newest first), each with all its reports and their evidence offsets."""
    if not _ready(con):
        return []
    if story_id:
        story_id = sql.resolve_story(con, story_id)
    pair = (dyad[0].upper(), dyad[1].upper()) if dyad else None
    rows = sql.canonical_rows(con, story_id=story_id, dyad=pair, limit=limit, offset=offset)
    return _with_reports(con, rows)


def _with_reports(con: Con, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    reps: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in sql.canonical_reports(con, [c["id"] for c in rows]) if rows else []:
        reps[r["canonical_id"]].append(
            {
                "event_id": r["event_id"],
                "article_id": r["article_id"],
                "outlet": outlet_name(r["outlet"], r["url"]),
                "published_date": r["published_date"],
                "sentence": r["sentence"],
                "sentence_start": r["sentence_start"],
                "sentence_end": r["sentence_end"],
                "trigger": {"start": r["trigger_start"], "end": r["trigger_end"], "text": r["trigger_text"]},
                "date": r["date"],
                "factuality": r["factuality"],
            }
        )
    out = []
    for c in rows:
        out.append(
            {
                "id": c["id"],
                "story_id": c["story_id"],
                "type": c["type"],
                "mode": c["mode"],
                "date": c["date"],
                "date_precision": c["date_precision"],
                "day": c["day"],
                "factuality": c["factuality"],
                "quad_class": c["quad_class"],
                "intensity": c["intensity"],
                "contexts": list(c["contexts"] or []),
                "source": list(c["source"] or []),
                "target": list(c["target"] or []),
                "source_names": list(c["source_names"] or []),
                "target_names": list(c["target_names"] or []),
                "countries": list(c["countries"] or []),
                "n_reports": c["n_reports"],
                "n_articles": c["n_articles"],
                "n_outlets": c["n_outlets"],
                "outlets": list(c["outlets"] or []),
                "reports": reps.get(c["id"], []),
            }
        )
    return out


def _norm_quote(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]{3,}", (text or "").lower()))


def _coverage(
    con: Con, articles: list[dict[str, Any]], canon: list[dict[str, Any]], outlet_of: dict[str, str]
) -> dict[str, Any]:
    """Which outlet reported which event, quote and actor; `missing` lists the outlets that did not."""
    outlets = list(dict.fromkeys(a["outlet"] for a in articles))
    rows: list[dict[str, Any]] = []

    def row(kind: str, key: str, label: str, arts: Sequence[str]) -> dict[str, Any]:
        by: dict[str, list[str]] = {}
        for a in arts:
            by.setdefault(outlet_of.get(a, "unknown"), [])
            if a not in by[outlet_of.get(a, "unknown")]:
                by[outlet_of.get(a, "unknown")].append(a)
        return {
            "kind": kind,
            "key": key,
            "label": label,
            "by_outlet": by,
            "missing": [o for o in outlets if o not in by],
        }

    for c in sorted(canon, key=lambda c: (-(c["n_reports"] or 0), c["id"])):
        who = " + ".join(
            c["source_names"] + (["→ " + ", ".join(c["target_names"])] if c["target_names"] else [])
        )
        label = (
            f"{c['type']}{' (' + c['mode'] + ')' if c['mode'] else ''} {who} {c['date'] or c['day'] or ''}"
        )
        rows.append(row("event", c["id"], label.strip(), [r["article_id"] for r in c["reports"]]))
    ids = [a["id"] for a in articles]
    # quotes: the same words from the same speaker in several articles form one row
    groups: list[dict[str, Any]] = []
    for q in sql.story_quotes(con, ids) if ids else []:
        words = _norm_quote(q["text"])
        if len(words) < 3:
            continue
        for g in groups:
            if g["speaker"] == (q["speaker"] or q["speaker_name"]) and len(words & g["words"]) >= 0.6 * min(
                len(words), len(g["words"])
            ):
                g["articles"].append(q["article_id"])
                break
        else:
            groups.append(
                {
                    "key": q["id"],
                    "speaker": q["speaker"] or q["speaker_name"],
                    "words": words,
                    "label": f"{q['speaker_name'] or '?'}: “{(q['text'] or '')[:90]}”",
                    "articles": [q["article_id"]],
                }
            )
    for g in sorted(groups, key=lambda g: (-len(set(g["articles"])), g["key"])):
        rows.append(row("quote", g["key"], g["label"], g["articles"]))
    actors: dict[str, dict[str, Any]] = {}
    for m in sql.story_actor_mentions(con, ids) if ids else []:
        if m["actor_id"].startswith("group:unk") or m["sector"] == "MED":
            continue
        a = actors.setdefault(m["actor_id"], {"name": m["name"] or m["actor_id"], "articles": [], "n": 0})
        a["articles"].append(m["article_id"])
        a["n"] += m["n"]
    for aid, a in sorted(actors.items(), key=lambda kv: (-len(kv[1]["articles"]), -kv[1]["n"], kv[0])):
        rows.append(row("actor", aid, a["name"], sorted(a["articles"])))
    return {"outlets": outlets, "rows": rows}


# -- dyads -----------------------------------------------------------------------------------------
def _is_country(x: str) -> bool:
    return len(x) == 3 and x.isalpha()


def _period(day: str, freq: str) -> str:
    d = dt.date.fromisoformat(day[:10]) if len(day) >= 10 else dt.date(int(day[:4]), int(day[5:7] or 1), 1)
    if freq == "day":
        return d.isoformat()
    if freq == "month":
        return d.strftime("%Y-%m")
    return (d - dt.timedelta(days=d.weekday())).isoformat()  # the week's Monday


def _next(p: str, freq: str) -> str:
    if freq == "month":
        y, m = int(p[:4]), int(p[5:7])
        return f"{y + (m == 12)}-{m % 12 + 1:02d}"
    d = dt.date.fromisoformat(p)
    return (d + dt.timedelta(days=1 if freq == "day" else 7)).isoformat()


def dyad_series(
    con: Con,
    a: str,
    b: str,
    *,
    since: str | None = None,
    until: str | None = None,
    freq: str = "week",
    factuality: Sequence[str] | None = ("asserted",),
) -> dict[str, Any]:
    """Canonical events between two countries (ISO-3) or two actors per period, by quad class.

    One act reported N times counts once. Periods with no events are filled with zeros so the rolling
    mean and the change points see the quiet weeks too. Undated events are listed apart, not plotted.
    """
    if freq not in ("day", "week", "month"):
        raise ValueError("freq must be day, week or month")
    countries = _is_country(a) and _is_country(b)
    if countries:
        a, b = a.upper(), b.upper()
    result: dict[str, Any] = {
        "a": a,
        "b": b,
        "freq": freq,
        "points": [],
        "change_points": [],
        "undated": [],
        "totals": {},
    }
    if not _ready(con):
        return result
    evs = sql.dyad_events(
        con, a, b, countries=countries, since=since, until=until, factuality=tuple(factuality or ())
    )
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in evs:
        if e["day"]:
            by[_period(e["day"], freq)].append(e)
        else:
            result["undated"].append(e["id"])
    points = []
    if by:
        p, last = min(by), max(by)
        while p <= last:
            es = by.get(p, [])
            counts = {q: sum(1 for e in es if e["quad_class"] == q) for q in QUADS}
            ints = [float(e["intensity"]) for e in es if e["intensity"] is not None]
            points.append(
                {
                    "period": p,
                    "counts": counts,
                    "n": len(es),
                    "intensity_mean": round(sum(ints) / len(ints), 3) if ints else None,
                    "intensity_sum": round(sum(ints), 3),
                    "events": [e["id"] for e in es],
                }
            )
            p = _next(p, freq)
    for i, pt in enumerate(points):
        window = points[max(0, i - ROLLING + 1) : i + 1]
        pt["rolling_mean"] = round(sum(w["n"] for w in window) / len(window), 3)
    result["points"] = points
    result["change_points"] = change_points([pt["n"] for pt in points], [pt["period"] for pt in points])
    by_type: dict[str, int] = defaultdict(int)
    for e in evs:
        by_type[e["type"]] += 1
    result["totals"] = {
        "events": len(evs),
        "dated": len(evs) - len(result["undated"]),
        "undated": len(result["undated"]),
        "reports": sum(int(e["n_reports"] or 0) for e in evs),
        "by_quad": {q: sum(1 for e in evs if e["quad_class"] == q) for q in QUADS},
        "by_type": dict(sorted(by_type.items())),
        "intensity_sum": round(sum(float(e["intensity"] or 0) for e in evs), 3),
    }
    return result


def change_points(
    values: Sequence[float], labels: Sequence[str], *, min_size: int = 2, penalty: float = 3.0
) -> list[str]:
    """Binary segmentation on a Poisson likelihood: periods where the event rate shifts.

    A split is kept when it improves the log-likelihood by more than `penalty` (a BIC-like cost); short
    or flat series give none.
    """
    out: list[int] = []

    def ll(seg: Sequence[float]) -> float:
        s, n = sum(seg), len(seg)
        return s * math.log(s / n) - s if s > 0 else 0.0

    def split(lo: int, hi: int) -> None:
        seg = values[lo:hi]
        if hi - lo < 2 * min_size:
            return
        base = ll(seg)
        best, gain = None, penalty
        for k in range(lo + min_size, hi - min_size + 1):
            g = ll(values[lo:k]) + ll(values[k:hi]) - base
            if g > gain:
                best, gain = k, g
        if best is not None:
            out.append(best)
            split(lo, best)
            split(best, hi)

    split(0, len(values))
    return [labels[i] for i in sorted(out)]


def top_dyads(con: Con, *, limit: int = 10) -> list[dict[str, Any]]:
    """Country pairs with the most canonical asserted events."""
    if not _ready(con):
        return []
    return sql.top_dyad_rows(con, limit)
