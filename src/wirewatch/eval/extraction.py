"""How well the HTML extractor does on two public sets, next to plain trafilatura as a baseline.

- trafilatura evaldata: body segments that must ("with") or must not ("without") appear in the output,
  scored as its authors do (whitespace-normalised substring match, micro precision/recall/F1); plus
  title/author/date accuracy on the pages that carry them.
- Mozilla Readability test pages: title, byline, site name and publication date accuracy, and a
  bag-of-words F1 of the body against Readability's expected article.

Match rule for metadata (reported with the figures): both sides normalised (Unicode NFKC, case-folded,
quotes and dashes unified, whitespace collapsed, a leading "by" dropped); a value matches when it equals
the expected one or one contains the other. "exact" figures count equality only. Dates match on the
calendar day (YYYY-MM-DD).
"""

from __future__ import annotations

import json
import logging
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura
from lxml.html import fromstring
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from wirewatch.errors import InputError, WirewatchError
from wirewatch.extract.html import extract_html
from wirewatch.records import Article, RawDocument, Source

PUBLISHED_TRAFILATURA_F1 = 0.924  # trafilatura 2.2.0 on the same evaldata, as published by its authors
MATCH_RULE = (
    "normalised (NFKC, case-folded, quotes/dashes unified, whitespace collapsed, leading 'by' dropped); "
    "match = equal or one contains the other; exact = equal; dates compared on YYYY-MM-DD"
)
_BASELINE_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
}
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "−": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


# ------------------------------------------------------------------------------------------- scoring
@dataclass
class Counts:
    """Segment counts summed over pages (micro averaging, as the evaldata authors do)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn

    def figures(self) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
        total = self.tp + self.fp + self.fn + self.tn
        accuracy = (self.tp + self.tn) / total if total else 0.0
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "accuracy": round(accuracy, 4),
        }


def whitespace_normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def score_segments(output: str | None, with_: list[str], without: list[str]) -> Counts:
    """A "with" segment found is a true positive, a "without" segment found a false positive."""
    text = whitespace_normalise(output or "")
    if not text:
        return Counts(0, 0, len(with_), len(without))
    tp = sum(1 for segment in with_ if whitespace_normalise(segment) in text)
    fp = sum(1 for segment in without if whitespace_normalise(segment) in text)
    return Counts(tp, fp, len(with_) - tp, len(without) - fp)


def normalise(value: object) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = unicodedata.normalize("NFKC", str(value or "")).translate(_QUOTES).casefold()
    text = _SPACE.sub(" ", text).strip(" .,;:|-'\"")
    return re.sub(r"^(by|par|por|von)\s+", "", text)


def matches(expected: object, got: object, exact: bool = False) -> bool:
    want, have = normalise(expected), normalise(got)
    if not want or not have:
        return False
    return want == have if exact else (want == have or want in have or have in want)


def byline_matches(expected: object, names: list[str], exact: bool = False) -> bool:
    """Every name we found appears in the expected byline, or the whole byline appears in ours."""
    want = normalise(expected)
    found = [normalise(name) for name in names if normalise(name)]
    if not want or not found:
        return False
    if exact:
        return want in {", ".join(found), " and ".join(found), " & ".join(found)}
    joined = ", ".join(found)
    return all(name in want for name in found) or want in joined


def date_matches(expected: object, got: str | None) -> bool:
    return bool(isinstance(expected, str) and got and len(got) >= 10 and expected.strip()[:10] == got[:10])


def _author_names(value: object) -> list[str]:
    """trafilatura joins authors with "; "; evaldata sometimes gives a list."""
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return [part for part in re.split(r";\s*", str(value or "")) if part.strip()]


def bag_of_words_f1(expected: str, got: str) -> tuple[float, float, float]:
    """Word-multiset precision/recall/F1, a length-fair comparison with an expected article text."""
    want, have = Counter(_WORD.findall(expected.casefold())), Counter(_WORD.findall(got.casefold()))
    common = sum((want & have).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(have.values()), common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


# ------------------------------------------------------------------------------------------ running
@contextmanager
def _progress(description: str, total: int) -> Iterator[Callable[[], None]]:
    """A rich progress bar on stderr, so `--json` output on stdout stays clean."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(description, total=total)
        yield lambda: progress.advance(task)


@contextmanager
def _quiet_libraries() -> Iterator[None]:
    """trafilatura and htmldate log every page they give up on; in a batch that is noise."""
    loggers = [logging.getLogger(name) for name in ("trafilatura", "htmldate", "charset_normalizer")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _ours(content: bytes, url: str | None) -> Article | None:
    source = Source("url", url=url) if url else Source("file")
    try:
        return extract_html(RawDocument.from_bytes(content, "html", source))
    except WirewatchError:
        return None


def _timed(clock: dict[str, float], key: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    start = time.perf_counter()
    try:
        return function(*args, **kwargs)
    finally:
        clock[key] = clock.get(key, 0.0) + time.perf_counter() - start


def _baseline_metadata(content: bytes, url: str | None) -> dict[str, Any]:
    tree = trafilatura.load_html(content)
    if tree is None:
        return {}
    document = trafilatura.extract_metadata(tree, default_url=url)
    return {
        "title": document.title,
        "author": document.author,
        "sitename": document.sitename,
        "date": document.date,
    }


def _evaldata_file(data_dir: Path) -> Path:
    for candidate in (data_dir / "evaldata.json", data_dir / "tests" / "evaldata.json"):
        if candidate.is_file():
            return candidate
    raise InputError(
        f"no evaldata.json in {data_dir} or {data_dir / 'tests'}: pass the trafilatura-evaldata folder"
    )


def _page_path(base: Path, name: str) -> Path | None:
    for folder in ("cache", "eval"):
        if (base / folder / name).is_file():
            return base / folder / name
    return None


def _accuracy(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def evaluate_trafilatura_evaldata(data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Body P/R/F1 for ours, trafilatura (default cascade) and trafilatura fast; metadata accuracy."""
    index = _evaldata_file(Path(data_dir))
    items = list(json.loads(index.read_text("utf-8")).items())[:limit]
    ours, plain, fast = Counts(), Counts(), Counts()
    methods: Counter[str] = Counter()
    meta_hits: Counter[str] = Counter()
    meta_totals: Counter[str] = Counter()
    clock: dict[str, float] = {}
    pages = missing = failures = 0
    with _quiet_libraries(), _progress("trafilatura evaldata", len(items)) as advance:
        for url, item in items:
            advance()
            path = _page_path(index.parent, item["file"])
            if path is None:
                missing += 1
                continue
            pages += 1
            content = path.read_bytes()
            page_url = url if url.startswith(("http://", "https://")) else None
            article = _timed(clock, "ours", _ours, content, page_url)
            failures += article is None
            methods[(article.evidence.get("body", "none") if article else "error").split()[-1]] += 1
            ours.add(score_segments(article.body if article else None, item["with"], item["without"]))
            text = _timed(clock, "trafilatura", trafilatura.extract, content, fast=False, **_BASELINE_OPTIONS)
            plain.add(score_segments(text, item["with"], item["without"]))
            text = _timed(clock, "fast", trafilatura.extract, content, fast=True, **_BASELINE_OPTIONS)
            fast.add(score_segments(text, item["with"], item["without"]))
            baseline = _baseline_metadata(content, page_url)
            for field, ours_value, theirs_value, compare in (
                ("title", article.title if article else None, baseline.get("title"), matches),
                (
                    "author",
                    article.byline if article else [],
                    _author_names(baseline.get("author")),
                    byline_matches,
                ),
                ("date", article.published.date if article else None, baseline.get("date"), date_matches),
            ):
                expected = item.get(field)
                if not expected:
                    continue
                meta_totals[field] += 1
                meta_hits[f"{field}:ours"] += bool(compare(expected, ours_value))
                meta_hits[f"{field}:trafilatura"] += bool(compare(expected, theirs_value))

    def per_page(key: str) -> float:
        return round(1000 * clock.get(key, 0.0) / max(pages, 1), 2)

    metadata = {
        field: {
            "n": meta_totals[field],
            "ours": _accuracy(meta_hits[f"{field}:ours"], meta_totals[field]),
            "trafilatura": _accuracy(meta_hits[f"{field}:trafilatura"], meta_totals[field]),
        }
        for field in ("title", "author", "date")
    }
    return {
        "pages": pages,
        "missing_files": missing,
        "extraction_failures": failures,
        "segments": {"with": ours.tp + ours.fn, "without": ours.fp + ours.tn},
        "ours": {**ours.figures(), "ms_per_page": per_page("ours")},
        "trafilatura": {**plain.figures(), "ms_per_page": per_page("trafilatura")},
        "trafilatura_fast": {**fast.figures(), "ms_per_page": per_page("fast")},
        "published_trafilatura_2_2_0_f1": PUBLISHED_TRAFILATURA_F1,
        "body_methods": dict(methods),
        "metadata": metadata,
        "match_rule": MATCH_RULE,
    }


def _mozilla_pages(data_dir: Path) -> Path:
    for candidate in (data_dir / "test" / "test-pages", data_dir / "test-pages", data_dir):
        if candidate.is_dir() and any(candidate.glob("*/expected-metadata.json")):
            return candidate
    raise InputError(f"no */expected-metadata.json under {data_dir}: pass the mozilla-readability folder")


def _html_text(markup: str) -> str:
    try:
        return fromstring(markup).text_content() if markup.strip() else ""
    except (ValueError, TypeError):
        return ""


def evaluate_mozilla(data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Title/byline/site/date accuracy and body bag-of-words F1, ours and trafilatura's."""
    folders = sorted(p.parent for p in _mozilla_pages(Path(data_dir)).glob("*/expected-metadata.json"))[
        :limit
    ]
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    body: dict[str, list[float]] = {"ours": [], "trafilatura": []}
    with _quiet_libraries(), _progress("mozilla readability", len(folders)) as advance:
        for folder in folders:
            advance()
            source = folder / "source.html"
            if not source.is_file():
                continue
            expected = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
            content = source.read_bytes()
            article = _ours(content, None)
            theirs = _baseline_metadata(content, None)
            found = {
                "title": (article.title if article else None, theirs.get("title")),
                "byline": (article.byline if article else [], theirs.get("author")),
                "site_name": (article.outlet if article else None, theirs.get("sitename")),
                "published": (article.published.date if article else None, theirs.get("date")),
            }
            wanted = {
                "title": expected.get("title"),
                "byline": expected.get("byline"),
                "site_name": expected.get("siteName"),
                "published": expected.get("publishedTime"),
            }
            for field, want in wanted.items():
                if not want or not str(want).strip():
                    continue
                totals[field] += 1
                mine, other = found[field]
                for who, value in (("ours", mine), ("trafilatura", other)):
                    if field == "published":
                        hits[f"{field}:{who}"] += date_matches(want, value)
                        continue
                    names = value if isinstance(value, list) else _author_names(value)
                    for exact in (False, True):
                        if field == "byline":
                            ok = byline_matches(want, names, exact)
                        else:
                            ok = matches(want, value if isinstance(value, str) else None, exact)
                        hits[f"{field}:{who}{':exact' if exact else ''}"] += ok
            expected_html = folder / "expected.html"
            if expected_html.is_file():
                reference = _html_text(expected_html.read_text("utf-8", errors="replace"))
                if reference.strip():
                    plain = trafilatura.extract(content, fast=False, **_BASELINE_OPTIONS) or ""
                    body["ours"].append(bag_of_words_f1(reference, article.body if article else "")[2])
                    body["trafilatura"].append(bag_of_words_f1(reference, plain)[2])
    result: dict[str, Any] = {"pages": len(folders), "match_rule": MATCH_RULE}
    for field in ("title", "byline", "site_name", "published"):
        entry: dict[str, Any] = {"n": totals[field]}
        for key in ("ours", "ours:exact", "trafilatura", "trafilatura:exact"):
            if field == "published" and key.endswith("exact"):
                continue
            entry[key.replace(":", "_")] = _accuracy(hits[f"{field}:{key}"], totals[field])
        result[field] = entry
    result["body_bag_of_words_f1"] = {
        who: round(sum(scores) / len(scores), 4) if scores else 0.0 for who, scores in body.items()
    }
    return result


def run(data: Path, limit: int | None = None) -> dict[str, Any]:
    """Evaluate whatever `data` holds: the extraction folder with both sets, or either set alone."""
    data = Path(data)
    if not data.is_dir():
        raise InputError(f"{data} is not a folder: pass ../shared/data/extraction or one of its sub-folders")
    result: dict[str, Any] = {}
    traf = data / "trafilatura-evaldata" if (data / "trafilatura-evaldata").is_dir() else data
    moz = data / "mozilla-readability" if (data / "mozilla-readability").is_dir() else data
    if any(p.is_file() for p in (traf / "evaldata.json", traf / "tests" / "evaldata.json")):
        result["trafilatura_evaldata"] = evaluate_trafilatura_evaldata(traf, limit)
    if any(moz.glob("test/test-pages/*/expected-metadata.json")) or any(moz.glob("*/expected-metadata.json")):
        result["mozilla"] = evaluate_mozilla(moz, limit)
    if not result:
        raise InputError(f"{data} holds neither trafilatura-evaldata nor mozilla-readability test pages")
    return result


def _row(name: str, figures: dict[str, Any]) -> str:
    return (
        f"  {name:<18} P {figures['precision']:.3f}  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}"
        f"  (tp {figures['tp']}, fp {figures['fp']}, fn {figures['fn']})"
        f"  {figures['ms_per_page']:.1f} ms/page"
    )


def format_report(result: dict[str, Any]) -> str:
    lines: list[str] = []
    traf = result.get("trafilatura_evaldata")
    if traf:
        lines.append(
            f"trafilatura evaldata: {traf['pages']} pages, {traf['segments']['with']} 'with' / "
            f"{traf['segments']['without']} 'without' segments"
        )
        lines.append(_row("wirewatch", traf["ours"]))
        lines.append(_row("trafilatura", traf["trafilatura"]))
        lines.append(_row("trafilatura fast", traf["trafilatura_fast"]))
        lines.append(f"  published F1 of trafilatura 2.2.0: {traf['published_trafilatura_2_2_0_f1']:.3f}")
        lines.append(
            f"  body method: {', '.join(f'{k} {v}' for k, v in sorted(traf['body_methods'].items()))}"
        )
        for field, entry in traf["metadata"].items():
            lines.append(
                f"  {field:<8} accuracy (n={entry['n']}): wirewatch {entry['ours']:.3f}, "
                f"trafilatura {entry['trafilatura']:.3f}"
            )
    moz = result.get("mozilla")
    if moz:
        lines.append(f"mozilla readability: {moz['pages']} pages")
        for field in ("title", "byline", "site_name", "published"):
            entry = moz[field]
            exact = (
                f" (exact {entry['ours_exact']:.3f} / {entry['trafilatura_exact']:.3f})"
                if "ours_exact" in entry
                else ""
            )
            lines.append(
                f"  {field:<10} (n={entry['n']}): wirewatch {entry['ours']:.3f}, "
                f"trafilatura {entry['trafilatura']:.3f}{exact}"
            )
        bow = moz["body_bag_of_words_f1"]
        lines.append(
            f"  body bag-of-words F1: wirewatch {bow['ours']:.3f}, trafilatura {bow['trafilatura']:.3f}"
        )
    if lines:
        lines.append(f"match rule: {(traf or moz or {}).get('match_rule', MATCH_RULE)}")
    return "\n".join(lines)
