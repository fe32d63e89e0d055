"""Measure the geo stage on TR-News and GeoVirus (`wirewatch eval geo --data DIR [--limit N]`).

Both files hold plain article texts with gold toponym spans and coordinates: TR-News gives GeoNames
ids, feature codes and the country's GeoNames id; GeoVirus gives Wikipedia coordinates only, so its
gold country is the country of the nearest gazetteer town (within 300 km; none further out). Gold
offsets that are off by a character or two are realigned to the nearest copy of the gold name.

We run our nlp, actors and geo stages on each text as a one-paragraph article, then score
- toponym spans: precision, recall and F1, exact and overlapping (one-to-one);
- resolution, on gold toponyms our spans overlap: accuracy within 161 km (100 miles), country
  accuracy, mean and median error in km;
- the same accuracies over all gold toponyms with coordinates (a missed toponym counts as wrong).
TR-News marks adjectives ("Turkish") as toponyms; we never treat demonyms as places, so its span
figures are also given without those. Each dataset is split in two halves by article order: the
first was looked at while tuning, the second was not, and each half is reported apart.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.geo.gazetteer import Gazetteer, distance_km, load_gazetteer

DATASETS = {"TR-News": "TR-News.xml", "GeoVirus": "GeoVirus.xml"}
HIT_KM = 161.0
NEAREST_TOWN_KM = 300.0


@dataclass
class Gold:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    country: str | None
    adjectival: bool = False


@dataclass
class Doc:
    text: str
    gold: list[Gold] = field(default_factory=list)


def _realign(text: str, phrase: str, start: int) -> int | None:
    """The start of the copy of `phrase` nearest to `start` (within 5 characters), else None."""
    for delta in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5):
        s = start + delta
        if s >= 0 and text[s:s + len(phrase)] == phrase:
            return s
    return None


def _float(node: ET.Element | None) -> float | None:
    return float(node.text) if node is not None and node.text else None


def read_tr_news(path: Path, gaz: Gazetteer) -> list[Doc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        doc = Doc(text)
        for tp in art.iter("toponym"):
            phrase = tp.findtext("phrase") or ""
            start = _realign(text, phrase, int(tp.findtext("start") or 0))
            if start is None:
                continue
            gaz_tag = tp.find("gaztag")
            lat = lon = None
            country = None
            if gaz_tag is not None:
                lat, lon = _float(gaz_tag.find("lat")), _float(gaz_tag.find("lon"))
                node = gaz_tag.find("country")
                gid = node.get("geonameid") if node is not None else None
                country = gaz.country_by_geonameid.get(int(gid)) if gid and gid.isdigit() else None
            doc.gold.append(Gold(start, start + len(phrase), phrase, lat, lon, country,
                                 adjectival=gaz.demonym(phrase) is not None))
        docs.append(doc)
    return docs


def read_geovirus(path: Path, gaz: Gazetteer) -> list[Doc]:
    docs = []
    nearest = _NearestCountry(gaz)
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        doc = Doc(text)
        for loc in art.iter("location"):
            name = loc.findtext("name") or ""
            start = _realign(text, name, int(loc.findtext("start") or 0))
            if start is None:
                continue
            lat, lon = _float(loc.find("lat")), _float(loc.find("lon"))
            country = nearest(lat, lon) if lat is not None and lon is not None else None
            doc.gold.append(Gold(start, start + len(name), name, lat, lon, country))
        docs.append(doc)
    return docs


class _NearestCountry:
    """Country of the nearest gazetteer town, for gold points given only as coordinates."""

    def __init__(self, gaz: Gazetteer) -> None:
        import numpy as np

        towns = {p.geonameid: p for ps in gaz.index.values() for p in ps if p.kind == "city"}
        rows = [p for p in towns.values() if p.lat is not None and p.country]
        self.np = np
        self.countries = [p.country for p in rows]
        self.lat = np.radians(np.array([p.lat for p in rows]))
        self.lon = np.radians(np.array([p.lon for p in rows]))

    def __call__(self, lat: float, lon: float) -> str | None:
        np = self.np
        la, lo = np.radians(lat), np.radians(lon)
        a = (np.sin((self.lat - la) / 2) ** 2
             + np.cos(la) * np.cos(self.lat) * np.sin((self.lon - lo) / 2) ** 2)
        km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
        i = int(np.argmin(km))
        return self.countries[i] if km[i] <= NEAREST_TOWN_KM else None


def _predict(texts: Sequence[str], batch: int = 32) -> Iterator[list[dict[str, Any]]]:
    """Body mentions with their places, per text, from our own stages."""
    import wirewatch.geo.stage  # noqa: F401  (registers the stage)
    from wirewatch.config import Config
    from wirewatch.pipeline import Pipeline
    from wirewatch.records import Article, ArticleRecord, Source, content_id

    pipeline = Pipeline(Config(stages=("nlp", "actors", "geo")))
    for i in range(0, len(texts), batch):
        records = []
        for text in texts[i:i + batch]:
            rid = content_id(text.encode("utf-8"))
            records.append(ArticleRecord(rid, Source("text"), Article(rid, language="en", paragraphs=[text])))
        for stage in pipeline.stages:
            pipe = getattr(stage, "pipe", None)
            if pipe is not None:
                pipe(records)
            else:
                for r in records:
                    stage(r)
        for r in records:
            yield [{**m, "place": p} for p in r.places for m in p["mentions"] if "field" not in m]


def _overlaps(a: Any, b: Any) -> bool:
    return a["start"] < b.end and b.start < a["end"]


def score_docs(docs: Sequence[Doc], preds: Sequence[list[dict[str, Any]]]) -> dict[str, Any]:
    """Span and resolution figures for documents and their predicted mentions."""
    n_pred = n_gold = exact = overlap = 0
    n_gold_noun = exact_noun = overlap_noun = n_pred_noun = 0
    errors: list[float] = []
    hits = country_ok = country_total = coords_total = 0
    for doc, pred in zip(docs, preds, strict=True):
        n_pred += len(pred)
        n_gold += len(doc.gold)
        gold_spans = {(g.start, g.end) for g in doc.gold}
        exact += sum((m["start"], m["end"]) in gold_spans for m in pred)
        used: set[int] = set()
        matched: dict[int, dict[str, Any]] = {}
        for gi, g in enumerate(doc.gold):
            for pi, m in enumerate(pred):
                if pi not in used and _overlaps(m, g):
                    used.add(pi)
                    matched[gi] = m
                    break
        overlap += len(matched)
        nouns = [gi for gi, g in enumerate(doc.gold) if not g.adjectival]
        n_gold_noun += len(nouns)
        exact_noun += sum((doc.gold[gi].start, doc.gold[gi].end) in {(m["start"], m["end"]) for m in pred}
                          for gi in nouns)
        overlap_noun += sum(gi in matched for gi in nouns)
        n_pred_noun += len(pred)
        for gi, g in enumerate(doc.gold):
            m = matched.get(gi)
            if g.lat is not None and g.lon is not None:
                coords_total += 1
                if m is not None and m["place"]["lat"] is not None:
                    km = distance_km(g.lat, g.lon, m["place"]["lat"], m["place"]["lon"])
                    errors.append(km)
                    hits += km <= HIT_KM
            if g.country:
                country_total += 1
                country_ok += m is not None and m["place"]["country"] == g.country

    def prf(tp_p: int, tp_g: int, npred: int, ngold: int) -> dict[str, float]:
        p = tp_p / npred if npred else 0.0
        r = tp_g / ngold if ngold else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}

    matched_total = sum(1 for doc, pred in zip(docs, preds, strict=True) for g in doc.gold
                        if g.lat is not None and any(_overlaps(m, g) for m in pred))
    matched_country = _matched_country(docs, preds)
    return {
        "articles": len(docs), "gold": n_gold, "predicted": n_pred,
        "exact": prf(exact, exact, n_pred, n_gold),
        "overlap": prf(overlap, overlap, n_pred, n_gold),
        "exact_no_adjectives": prf(exact_noun, exact_noun, n_pred_noun, n_gold_noun),
        "overlap_no_adjectives": prf(overlap_noun, overlap_noun, n_pred_noun, n_gold_noun),
        "gold_adjectives": n_gold - n_gold_noun,
        "resolved": {
            "n": len(errors),
            "acc161": round(hits / len(errors), 4) if errors else None,
            "country_acc": matched_country,
            "mean_km": round(statistics.fmean(errors), 1) if errors else None,
            "median_km": round(statistics.median(errors), 1) if errors else None,
        },
        "all_gold": {
            "n": coords_total,
            "acc161": round(hits / coords_total, 4) if coords_total else None,
            "country_acc": round(country_ok / country_total, 4) if country_total else None,
            "matched_with_coords": matched_total,
        },
    }


def _matched_country(docs: Sequence[Doc], preds: Sequence[list[dict[str, Any]]]) -> float | None:
    ok = total = 0
    for doc, pred in zip(docs, preds, strict=True):
        for g in doc.gold:
            m = next((m for m in pred if _overlaps(m, g)), None)
            if g.country and m is not None:
                total += 1
                ok += m["place"]["country"] == g.country
    return round(ok / total, 4) if total else None


def run_geo_eval(data_dir: Path, *, limit: int | None = None) -> dict:
    """Figures per dataset and per half (tuned / untouched); `limit` caps articles per dataset."""
    gaz = load_gazetteer()
    readers = {"TR-News": read_tr_news, "GeoVirus": read_geovirus}
    out: dict[str, Any] = {"data": str(data_dir), "limit": limit, "datasets": {}}
    for name, filename in DATASETS.items():
        path = Path(data_dir) / filename
        if not path.exists():
            out["datasets"][name] = {"missing": str(path)}
            continue
        docs = readers[name](path, gaz)
        half = (len(docs) + 1) // 2
        tuned, untouched = docs[:half], docs[half:]
        if limit is not None:  # keep both halves represented
            tuned, untouched = tuned[: (limit + 1) // 2], untouched[: limit // 2]
        parts = {"tuned": tuned, "untouched": untouched}
        result: dict[str, Any] = {}
        for part, part_docs in parts.items():
            preds = list(_predict([d.text for d in part_docs]))
            result[part] = score_docs(part_docs, preds)
        result["all"] = _combine(result["tuned"], result["untouched"])
        out["datasets"][name] = result
    return out


def _combine(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Sizes of the whole set; the figures are reported per half, never blended."""
    return {"articles": a["articles"] + b["articles"], "gold": a["gold"] + b["gold"],
            "predicted": a["predicted"] + b["predicted"]}


def format_geo_report(result: dict) -> str:
    """Plain-text table: one block per dataset, tuned and untouched halves side by side."""
    lines = [f"geo eval on {result['data']}" + (f" (limit {result['limit']})" if result.get("limit") else "")]
    for name, res in result["datasets"].items():
        if "missing" in res:
            lines.append(f"{name}: missing {res['missing']}")
            continue
        lines.append(f"{name}")
        lines.append(f"  {'':28}{'tuned half':>16}{'untouched half':>18}")
        t, u = res["tuned"], res["untouched"]

        def row(label: str, get: Any, t: dict = t, u: dict = u) -> str:
            def fmt(v: Any) -> str:
                return "n/a" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))
            return f"  {label:<28}{fmt(get(t)):>16}{fmt(get(u)):>18}"

        lines += [
            row("articles / gold toponyms", lambda r: f"{r['articles']} / {r['gold']}"),
            row("spans exact P / R / F1", lambda r: "{p:.2f}/{r:.2f}/{f1:.2f}".format(**r["exact"])),
            row("spans overlap P / R / F1", lambda r: "{p:.2f}/{r:.2f}/{f1:.2f}".format(**r["overlap"])),
            row("  recall, no adjectives", lambda r: f"{r['exact_no_adjectives']['r']:.2f}/"
                                                      f"{r['overlap_no_adjectives']['r']:.2f}"),
            row("resolved: n", lambda r: r["resolved"]["n"]),
            row("  acc@161km", lambda r: r["resolved"]["acc161"]),
            row("  country accuracy", lambda r: r["resolved"]["country_acc"]),
            row("  mean / median km", lambda r: f"{r['resolved']['mean_km']} / {r['resolved']['median_km']}"),
            row("all gold: acc@161km", lambda r: r["all_gold"]["acc161"]),
            row("  country accuracy", lambda r: r["all_gold"]["country_acc"]),
        ]
    return "\n".join(lines)


if __name__ == "__main__":  # python -m wirewatch.eval.geo DATA_DIR [LIMIT]
    import sys

    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    print(format_geo_report(run_geo_eval(Path(sys.argv[1]), limit=limit)))
