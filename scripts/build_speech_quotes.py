"""Build the speech-only quote evaluation sets from their marked-up sources.

    .venv/bin/python scripts/build_speech_quotes.py

Reads tests/quotes/data/src/speech_{dev,holdout}.txt (articles written for wirewatch, with inline
markers) and writes tests/quotes/data/speech_{dev,holdout}.jsonl in PolNeAR's converted shape:
`{id, topic, title, text, quotes: [{id, kind, cue, sources, contents}]}`, where cue is one span and sources
and contents are lists of spans `{start, end, text}` into `text`.

Markup, in a source file:
  `=== <id> <topic>`      starts an article; the next line is its headline (stored as `title`, not
                          part of `text`: the pipeline finds quotes in the body only), then the body
  blank line              separates paragraphs (joined with "\\n\\n" in `text`)
  `<qN>...</qN>`           a content piece of quote N (several pieces for a split quote)
  `<cN>...</cN>`           the cue of quote N
  `<sN>...</sN>`           the source of quote N (pieces: "<s1>residents</s1> <s1>who</s1> say");
                          `<sN,M>` is one source shared by quotes N and M
  `# ...`                  a comment line (outside articles only)

`kind` is derived: direct when every content character lies inside quotation marks, indirect when
none does, mixed otherwise. The output is deterministic (sorted keys, articles in file order).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "quotes" / "data"


TAG = re.compile(r"<(/?)([qcs])([\d,]+)>")


def parse_article(raw: str) -> tuple[str, dict[int, dict[str, list[tuple[int, int]]]]]:
    """The plain text and, per quote number, its spans by role ('q', 'c', 's')."""
    out: list[str] = []
    pos = 0  # length of the plain text so far
    last = 0
    open_tags: dict[tuple[str, str], int] = {}
    spans: dict[int, dict[str, list[tuple[int, int]]]] = {}
    for m in TAG.finditer(raw):
        chunk = raw[last : m.start()]
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        closing, role, ids = m.group(1), m.group(2), m.group(3)
        key = (role, ids)
        if not closing:
            if key in open_tags:
                raise ValueError(f"nested <{role}{ids}> at {raw[m.start() : m.start() + 60]!r}")
            open_tags[key] = pos
            continue
        if key not in open_tags:
            near = raw[max(0, m.start() - 60) : m.end()]
            raise ValueError(f"</{role}{ids}> without an opening tag near {near!r}")
        start = open_tags.pop(key)
        for n in ids.split(","):
            spans.setdefault(int(n), {"q": [], "c": [], "s": []})[role].append((start, pos))
    out.append(raw[last:])
    if open_tags:
        raise ValueError(f"unclosed tags {sorted(open_tags)}")
    return "".join(out), spans


OPENING = "\u201c\u2018\"'"
CLOSING = "\u201d\u2019\"'"
# a quotation mark that is not an apostrophe inside a word ("club\u2019s", "players' union" aside)
MARK = re.compile("[\"\u201c\u201d\u2018]|(?<![A-Za-z])[\u2019']|[\u2019'](?![A-Za-z])")


def _kind(text: str, contents: list[tuple[int, int]]) -> str:
    """direct: every piece is a whole quotation (opens with a mark and closes with one, punctuation
    aside); indirect: no piece holds a quotation mark; mixed otherwise. Decided from the markup alone,
    not from wirewatch's own mark pairing."""
    kinds = set()
    for a, b in contents:
        piece = text[a:b].rstrip(".,;:!? ")
        if piece[:1] in OPENING and piece[-1:] in CLOSING and len(piece) > 2:
            kinds.add("direct")
        elif MARK.search(text[a:b].replace("s' ", "s_ ")):
            kinds.add("mixed")
        else:
            kinds.add("indirect")
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _span(text: str, a: int, b: int) -> dict[str, object]:
    return {"start": a, "end": b, "text": text[a:b]}


def build_article(art_id: str, topic: str, raw: str) -> dict[str, object]:
    text, spans = parse_article(raw)
    quotes = []
    for n in sorted(spans):
        roles = spans[n]
        if len(roles["c"]) != 1 or not roles["q"] or not roles["s"]:
            raise ValueError(f"{art_id} quote {n}: needs one cue, a source and a content piece: {roles}")
        for a, b in roles["q"] + roles["c"] + roles["s"]:
            piece = text[a:b]
            if not piece or piece != piece.strip() or "<" in piece or ">" in piece:
                raise ValueError(f"{art_id} quote {n}: bad span {piece!r}")
        contents = sorted(roles["q"])
        quotes.append(
            {
                "id": f"E{n}",
                "kind": _kind(text, contents),
                "cue": _span(text, *roles["c"][0]),
                "sources": [_span(text, *s) for s in roles["s"]],
                "contents": [_span(text, *c) for c in contents],
                "no_source": not roles["s"],
            }
        )
    return {"id": art_id, "topic": topic, "text": text, "quotes": quotes}


def read_source(path: Path) -> list[dict[str, object]]:
    articles: list[dict[str, object]] = []
    errors: list[str] = []
    blocks = re.split(r"^=== ", path.read_text("utf-8"), flags=re.M)
    for block in blocks[1:]:
        head, _, body = block.partition("\n")
        art_id, topic = head.split()
        title, _, body = body.strip().partition("\n")
        paras = [" ".join(p.split("\n")).strip() for p in re.split(r"\n\s*\n", body.strip())]
        try:
            row = build_article(art_id, topic, "\n\n".join(p for p in paras if p))
            articles.append({"id": row["id"], "topic": topic, "title": title.strip(), **row})
        except ValueError as exc:
            errors.append(str(exc))
    if errors:
        raise ValueError("\n".join(errors))
    return articles


def validate(row: dict[str, object]) -> None:
    text = str(row["text"])
    for q in row["quotes"]:  # type: ignore[attr-defined]
        for s in [q["cue"], *q["sources"], *q["contents"]]:
            assert text[s["start"] : s["end"]] == s["text"], (row["id"], s)


def main() -> int:
    for split in ("dev", "holdout"):
        src = DATA / "src" / f"speech_{split}.txt"
        if not src.exists():
            print(f"{src} missing: skipped")
            continue
        rows = read_source(src)
        for row in rows:
            validate(row)
        dst = DATA / f"speech_{split}.jsonl"
        with dst.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        kinds: dict[str, int] = {}
        for row in rows:
            for q in row["quotes"]:  # type: ignore[attr-defined]
                kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
        total = sum(kinds.values())
        print(f"{dst.relative_to(ROOT)}: {len(rows)} articles, {total} quotes {dict(sorted(kinds.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
