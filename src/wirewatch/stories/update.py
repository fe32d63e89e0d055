"""The write side of the corpus level: place new articles into duplicate groups, stories and canonical
events, then refresh the summaries of everything they touched. One transaction per call.

Incremental and idempotent: articles already placed are skipped, so calling twice with the same ids
changes nothing; existing story and canonical-event ids never change (a merge keeps the older id and
records the other in story_merges).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np

from wirewatch.store import Store
from wirewatch.store import stories as sql
from wirewatch.stories import cluster, dedup
from wirewatch.stories.canonical import Canonical, CanonicalIndex, Report, interval
from wirewatch.stories.embed import DIM, MODEL_NAME, get_embedder
from wirewatch.stories.features import day_of, embed_text, independent_source, iso_day, outlet_name, salient
from wirewatch.stories.labels import story_label
from wirewatch.stories.tone import tone

CHUNK = 2000  # ids per IN-list query


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def update_corpus(store: Store, article_ids: Sequence[str]) -> dict[str, Any]:
    """Place these articles (already stored) into groups, stories and canonical events; returns counts."""
    con = store.con
    t0 = time.perf_counter()
    ids = sorted(set(article_ids))
    known = (
        set().union(*(sql.placed(con, ids[i : i + CHUNK]) for i in range(0, len(ids), CHUNK)))
        if ids
        else set()
    )
    rows = [
        r
        for i in range(0, len(ids), CHUNK)
        for r in sql.articles_for(con, [x for x in ids[i : i + CHUNK] if x not in known])
    ]
    report: dict[str, Any] = {
        "articles": len(rows),
        "already_placed": len(known),
        "copies": 0,
        "updates": 0,
        "stories_started": 0,
        "stories_joined": 0,
        "stories_merged": 0,
        "canonical_new": 0,
        "reports": 0,
    }
    if not rows:
        report["seconds"] = round(time.perf_counter() - t0, 3)
        return report
    for r in rows:
        r["day"] = day_of(r.get("published_date"))
    # oldest first; on the same day the shorter text first (an update adds to its article, rarely cuts)
    rows.sort(key=lambda r: (r["day"] is None, r["day"] or 0, len(r.get("body") or ""), r["id"]))
    new_ids = [r["id"] for r in rows]
    sql.q(con, "BEGIN TRANSACTION")
    try:
        vecs = _vectors(con, rows)
        groups = _duplicates(con, rows, report)
        _tones(con, rows)
        index, placed = _cluster(con, rows, vecs, groups, report)
        touched_canon = _canonical(con, new_ids, placed, groups, report)
        _refresh_canonicals(con, sorted(touched_canon))
        touched = sorted({index.resolve(s) for s in placed.values()} | set(index.merged.values()))
        touched = [s for s in touched if s in index.stories]
        _refresh_stories(con, touched, index)
        sql.q(con, "COMMIT")
    except BaseException:
        sql.q(con, "ROLLBACK")
        raise
    report["seconds"] = round(time.perf_counter() - t0, 3)
    return report


def rebuild(store: Store) -> dict[str, Any]:
    """Forget every grouping and place all articles again, oldest first (vectors and signatures stay)."""
    sql.q(store.con, "BEGIN TRANSACTION")
    try:
        sql.clear_all(store.con)
        sql.q(store.con, "COMMIT")
    except BaseException:
        sql.q(store.con, "ROLLBACK")
        raise
    return update_corpus(store, sql.all_article_ids(store.con))


# -- steps -----------------------------------------------------------------------------------------
def _vectors(con: Any, rows: list[dict[str, Any]]) -> dict[str, np.ndarray]:
    ids = [r["id"] for r in rows]
    have = {k: np.asarray(v, dtype=np.float32) for k, v in sql.vectors_for(con, ids).items()}
    todo = [r for r in rows if r["id"] not in have]
    if todo:
        mat = get_embedder().encode([embed_text(r) for r in todo])
        sql.replace_rows(
            con,
            "article_vectors",
            [
                {"article_id": r["id"], "model": MODEL_NAME, "vec": mat[i].tolist()}
                for i, r in enumerate(todo)
            ],
        )
        have.update({r["id"]: mat[i] for i, r in enumerate(todo)})
    return have


def _duplicates(con: Any, rows: list[dict[str, Any]], report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Signatures, LSH bands and a group for each new article (copy or update of an earlier one, or new)."""
    ids = [r["id"] for r in rows]
    have = sql.signatures_for(con, ids)
    sigs: dict[str, np.ndarray] = {k: np.asarray(v, dtype=np.uint64) for k, v in have.items()}
    fresh = []
    for r in rows:
        if r["id"] not in sigs:
            sigs[r["id"]] = dedup.signature(r.get("body") or "")
            fresh.append(r)
    sql.replace_rows(
        con,
        "doc_signatures",
        [
            {
                "article_id": r["id"],
                "sig": [int(x) for x in sigs[r["id"]]],
                "n_chars": len(r.get("body") or ""),
            }
            for r in fresh
        ],
    )
    keys = [(k, r["id"]) for r in rows for k in dedup.band_keys(sigs[r["id"]])]
    sql.replace_rows(con, "doc_bands", [{"band_key": k, "article_id": a} for k, a in keys])
    cands = sql.band_candidates(con, keys)
    other_ids = sorted({c for cs in cands.values() for c in cs} - set(ids))
    for k, v in sql.signatures_for(con, other_ids).items():
        sigs[k] = np.asarray(v, dtype=np.uint64)
    info = {d["id"]: d for d in sql.doc_info(con, other_ids)}
    for r in rows:
        info[r["id"]] = {
            "id": r["id"],
            "outlet": r.get("outlet"),
            "url": r.get("url"),
            "group_id": None,
            "published_date": r.get("published_date"),
            "n_chars": len(r.get("body") or ""),
        }
    group: dict[str, str] = {k: v["group_id"] for k, v in info.items() if v.get("group_id")}
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        me = _docinfo(info[r["id"]])
        best: tuple[float, str, str] | None = None
        for c in sorted(cands.get(r["id"], ())):
            if c not in group:  # not placed yet: a later article of this batch; it will find us
                continue
            sim = dedup.jaccard(sigs[r["id"]], sigs[c])
            rel = dedup.relation(me, _docinfo(info[c]), sim)
            if rel and (best is None or sim > best[0]):
                best = (sim, c, rel)
        if best:
            sim, c, rel = best
            out[r["id"]] = {
                "article_id": r["id"],
                "group_id": group[c],
                "relation": rel,
                "of_article": c,
                "similarity": round(sim, 4),
            }
            report["copies" if rel == "copy" else "updates"] += 1
        else:
            out[r["id"]] = {
                "article_id": r["id"],
                "group_id": r["id"],
                "relation": "original",
                "of_article": None,
                "similarity": None,
            }
        group[r["id"]] = out[r["id"]]["group_id"]
    sql.replace_rows(con, "doc_groups", list(out.values()))
    return out


def _docinfo(d: dict[str, Any]) -> dedup.DocInfo:
    return dedup.DocInfo(
        id=d["id"],
        outlet=d.get("outlet"),
        url=d.get("url"),
        day=day_of(d.get("published_date")),
        length=int(d.get("n_chars") or 0),
    )


def _tones(con: Any, rows: list[dict[str, Any]]) -> None:
    sql.replace_rows(
        con, "article_tone", [{"article_id": r["id"], **tone(r.get("body") or "")} for r in rows]
    )


def _cluster(
    con: Any,
    rows: list[dict[str, Any]],
    vecs: dict[str, np.ndarray],
    groups: dict[str, dict[str, Any]],
    report: dict[str, Any],
) -> tuple[cluster.StoryIndex, dict[str, str]]:
    ids = [r["id"] for r in rows]
    men: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in sql.mentions_for(con, ids):
        men[m["article_id"]].append(m)
    types: dict[str, list[str]] = defaultdict(list)
    for e in sql.events_for(con, ids):
        if e.get("type") and e["type"] not in types[e["article_id"]]:
            types[e["article_id"]].append(e["type"])
    feats = []
    for r in rows:
        actors, countries = salient(men[r["id"]])
        link = groups.get(r["id"], {}).get("of_article")
        feats.append(
            cluster.ArticleFeatures(
                id=r["id"],
                vec=vecs[r["id"]],
                day=r["day"],
                outlet=r.get("outlet"),
                actors=tuple(actors),
                countries=tuple(countries),
                types=tuple(types[r["id"]]),
                link=link,
            )
        )
    days = [f.day for f in feats if f.day is not None]
    lo = min(days) - cluster.WINDOW - cluster.SLACK if days else None
    hi = max(days) + cluster.WINDOW + cluster.SLACK if days else None
    near = sql.stories_near(con, lo, hi, everything=any(f.day is None for f in feats))
    linked = sql.story_of_articles(con, [f.link for f in feats if f.link])
    story_ids = sorted({s["id"] for s in near} | set(linked.values()))
    index = load_index(con, story_ids)
    placed: dict[str, str] = {}
    for f in feats:
        a = index.add(f)
        placed[f.id] = a.story_id
        report["stories_started" if a.how == "start" else "stories_joined"] += 1
    now = _now()
    for gone, keep in index.merged.items():
        sql.merge_story(con, gone, index.resolve(keep), now)
        report["stories_merged"] += 1
    placed = {k: index.resolve(v) for k, v in placed.items()}
    how = {}
    for f in feats:
        how[f.id] = f
    sql.replace_rows(
        con,
        "story_articles",
        [
            {
                "article_id": f.id,
                "story_id": placed[f.id],
                "how": "copy" if f.link and f.link in index.article_story else None,
                "score": None,
                "day": f.day,
                "actors": list(f.actors),
                "countries": list(f.countries),
                "types": list(f.types),
            }
            for f in feats
        ],
    )
    return index, placed


def load_index(con: Any, story_ids: Sequence[str]) -> cluster.StoryIndex:
    """A StoryIndex holding these stored stories (their vectors, actors and time spans)."""
    index = cluster.StoryIndex()
    if not story_ids:
        return index
    vec_sums = {
        s["id"]: s["vec_sum"]
        for s in sql.dicts(
            con, "SELECT id, vec_sum FROM stories WHERE list_contains(?, id)", [list(story_ids)]
        )
    }
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in sql.story_members(con, story_ids):
        members[m["story_id"]].append(m)
    for sid in story_ids:
        if sid not in vec_sums:
            continue
        st = cluster.StoryState(id=sid, vec_sum=np.asarray(vec_sums[sid] or np.zeros(DIM), dtype=np.float32))
        for m in members[sid]:
            st.n += 1
            if m["day"] is not None:
                st.first_day = m["day"] if st.first_day is None else min(st.first_day, m["day"])
                st.last_day = m["day"] if st.last_day is None else max(st.last_day, m["day"])
            st.actors.update(m["actors"] or [])
            st.countries.update(m["countries"] or [])
            st.types.update(m["types"] or [])
            st.articles.append(m["article_id"])
        index.load(st)
    return index


def _canonical(
    con: Any,
    new_ids: list[str],
    placed: dict[str, str],
    groups: dict[str, dict[str, Any]],
    report: dict[str, Any],
) -> set[str]:
    order = {a: i for i, a in enumerate(new_ids)}
    evs = [e for e in sql.events_for(con, new_ids) if e.get("type")]
    evs.sort(key=lambda e: (order[e["article_id"]], e.get("sentence_start") or 0, e["id"]))
    reports = [
        _report(e, placed.get(e["article_id"]), groups.get(e["article_id"], {}).get("group_id")) for e in evs
    ]
    blocks = sorted({(r.type, r.block()[2]) for r in reports})
    index = CanonicalIndex()
    existing: dict[str, list[Report]] = defaultdict(list)
    for row in sql.canonical_in_blocks(con, [(t, list(c)) for t, c in blocks]):
        existing[row["canonical_id"]].append(_report(row, row.get("story_id"), row.get("group_id")))
    for cid, reps in sorted(existing.items()):
        index.load(Canonical(id=cid, block=reps[0].block(), reports=reps))
    touched: set[str] = set()
    rows = []
    for r in reports:
        cid, is_new = index.add(r)
        touched.add(cid)
        report["canonical_new"] += int(is_new)
        rows.append({"event_id": r.event_id, "canonical_id": cid, "article_id": r.article_id})
    report["reports"] = len(rows)
    sql.replace_rows(con, "canonical_event_reports", rows)
    return touched


def _report(e: dict[str, Any], story_id: str | None, group_id: str | None) -> Report:
    countries = tuple(sorted(set((e.get("source_countries") or []) + (e.get("target_countries") or []))))
    return Report(
        event_id=e.get("event_id") or e["id"],
        article_id=e["article_id"],
        type=e["type"],
        mode=e.get("mode"),
        factuality=e.get("factuality"),
        date=e.get("date"),
        precision=e.get("date_precision"),
        source=tuple(e.get("source") or ()),
        target=tuple(e.get("target") or ()),
        countries=countries,
        sentence=e.get("sentence") or "",
        story_id=story_id,
        group_id=group_id,
    )


def _refresh_canonicals(con: Any, cids: list[str]) -> None:
    if not cids:
        return
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in range(0, len(cids), CHUNK):
        for row in sql.canonical_inputs(con, cids[i : i + CHUNK]):
            by[row["canonical_id"]].append(row)
    sizes = Counter(g for rows in by.values() for g in {r["group_id"] for r in rows if r["group_id"]})
    group_sizes = _group_sizes(con, list(sizes))
    out, dyads = [], []
    all_events = [r["event_id"] for rows in by.values() for r in rows]
    pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for eid, s, t in sql.dyads_of_events(con, all_events):
        pairs[eid].add((s, t))
    for cid, rows in by.items():
        c = Canonical(
            id=cid, block=("", "", ()), reports=[_report(r, r["story_id"], r["group_id"]) for r in rows]
        )
        date, prec = c.best_date()
        if date:
            iv = interval(date)
            day = iso_day(iv[0]) if iv else None
        else:
            pubs = sorted(
                r["published_date"] for r in rows if r["published_date"] and len(r["published_date"]) == 10
            )
            day = pubs[0] if pubs else None
        modes = Counter(r["mode"] for r in rows if r["mode"])
        quads = Counter(r["quad_class"] for r in rows if r["quad_class"])
        ctx = Counter(x for r in rows for x in (r["contexts"] or []))
        stories = Counter(r["story_id"] for r in rows if r["story_id"])
        intens = [float(r["intensity"]) for r in rows if r["intensity"] is not None]
        out.append(
            {
                "id": cid,
                "story_id": stories.most_common(1)[0][0] if stories else None,
                "type": rows[0]["type"],
                "mode": modes.most_common(1)[0][0] if modes else None,
                "factuality": c.factuality(),
                "date": date,
                "date_precision": prec,
                "day": day,
                "source": _union(r["source"] for r in rows),
                "target": _union(r["target"] for r in rows),
                "countries": sorted(
                    {x for r in rows for x in (r["source_countries"] or []) + (r["target_countries"] or [])}
                ),
                "contexts": [k for k, _ in sorted(ctx.items(), key=lambda kv: (-kv[1], kv[0]))],
                "intensity": round(sum(intens) / len(intens), 3) if intens else None,
                "quad_class": quads.most_common(1)[0][0] if quads else None,
                "n_reports": len(rows),
                "n_articles": len({r["article_id"] for r in rows}),
                "n_outlets": len(
                    {
                        independent_source(
                            r["outlet"],
                            r["url"],
                            r["wire"],
                            r["group_id"],
                            group_sizes.get(r["group_id"] or "", 1),
                        )
                        for r in rows
                    }
                ),
                "outlets": sorted({outlet_name(r["outlet"], r["url"]) for r in rows}),
            }
        )
        for r in rows:
            for s, t in pairs.get(r["event_id"], ()):
                dyads.append({"canonical_id": cid, "source_country": s, "target_country": t})
    sql.replace_rows(con, "canonical_events", out)
    sql.delete_where_in(con, "canonical_dyads", "canonical_id", list(by))
    uniq = {(d["canonical_id"], d["source_country"], d["target_country"]): d for d in dyads}
    sql.replace_rows(con, "canonical_dyads", list(uniq.values()), delete_keys=False)


def _group_sizes(con: Any, gids: list[str]) -> dict[str, int]:
    if not gids:
        return {}
    rows = sql.q(
        con,
        "SELECT group_id, count(*) FROM doc_groups WHERE list_contains(?, group_id) GROUP BY group_id",
        [gids],
    )
    return {r[0]: int(r[1]) for r in rows}


def _union(lists: Any) -> list[str]:
    return list(dict.fromkeys(x for xs in lists for x in (xs or [])))


def _refresh_stories(con: Any, sids: list[str], index: cluster.StoryIndex) -> None:
    if not sids:
        return
    arts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    canon: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in range(0, len(sids), CHUNK):
        for row in sql.story_inputs(con, sids[i : i + CHUNK]):
            arts[row["story_id"]].append(row)
        for row in sql.story_canonicals(con, sids[i : i + CHUNK]):
            canon[row["story_id"]].append(row)
    names = sql.actor_names(
        con, sorted({a for rows in arts.values() for r in rows for a in r["actors"] or []})
    )
    now = _now()
    out = []
    for sid in sids:
        rows = arts.get(sid, [])
        if not rows:
            continue
        # day-precision dates place a story in time; a bare year ("2026") only when nothing better exists
        dates = sorted(
            r["published_date"] for r in rows if r["published_date"] and len(r["published_date"]) >= 10
        )
        dates = dates or sorted(r["published_date"] for r in rows if r["published_date"])
        actors = Counter(a for r in rows for a in (r["actors"] or []))
        countries = Counter(c for r in rows for c in (r["countries"] or []))
        types = Counter()
        for c in canon.get(sid, []):
            types[c["type"]] += c["n_reports"] or 1
        outlets = list(dict.fromkeys(outlet_name(r["outlet"], r["url"]) for r in rows))
        ranked_actors = [a for a, _ in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))][:12]
        out.append(
            {
                "id": sid,
                "label": story_label(
                    canon.get(sid, []), ranked_actors, names, [c for c, _ in countries.most_common()]
                ),
                "first_seen": dates[0] if dates else None,
                "last_seen": dates[-1] if dates else None,
                "n_articles": len(rows),
                "n_outlets": len(outlets),
                "outlets": outlets,
                "actors": ranked_actors,
                "countries": [c for c, _ in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))],
                "types": [t for t, _ in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))],
                "vec_sum": index.stories[sid].vec_sum.astype(np.float32).tolist(),
                "updated_at": now,
            }
        )
    sql.replace_rows(con, "stories", out)
