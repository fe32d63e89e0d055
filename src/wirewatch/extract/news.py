"""News metadata shared by the text and HTML paths: wire credit, dateline, byline, outlet, language.

Every finder returns its value together with the text that told it (the evidence), or None. The
knowledge (agency names, outlet domains, byline roles) lives in `wirewatch/data/extract_*.json`, so a
new agency or outlet is a data change, not a code change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from wirewatch.errors import WirewatchError


@dataclass(frozen=True)
class Found:
    value: str
    evidence: str


@dataclass(frozen=True)
class Dateline:
    """The parts of a dateline opening a paragraph: "WASHINGTON, Nov 3 (Reuters) -"."""

    place: str
    date_text: str | None
    credit: str | None
    text: str  # the whole matched prefix, dash included


# --------------------------------------------------------------------------- data


@cache
def load_data(name: str) -> Any:
    """Read a shipped lexicon once per process; a broken file is a packaging error worth a clear message."""
    try:
        raw = resources.files("wirewatch.data").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise WirewatchError(f"lexicon {name} is missing from wirewatch/data; reinstall the package") from exc
    if name.endswith(".json"):
        return json.loads(raw)
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@dataclass(frozen=True)
class _WireTable:
    by_alias: dict[str, str]  # lower-case alias -> canonical name
    codes: dict[str, str]  # upper-case signature -> canonical name
    alias_re: re.Pattern[str]  # any alias or code, longest first


@lru_cache(maxsize=1)
def _wires() -> _WireTable:
    by_alias: dict[str, str] = {}
    codes: dict[str, str] = {}
    for wire in load_data("extract_wires.json")["wires"]:
        for alias in wire["aliases"]:
            by_alias.setdefault(alias.lower(), wire["name"])
        for code in wire["codes"]:
            codes.setdefault(code, wire["name"])
            by_alias.setdefault(code.lower(), wire["name"])
    names = sorted(set(by_alias) | {c.lower() for c in codes}, key=len, reverse=True)
    alias_re = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)
    return _WireTable(by_alias, codes, alias_re)


def canonical_wire(name: str) -> str | None:
    """The agency's usual name for any spelling we know ("REUTERS", "Agence France-Presse"), else None.

    Two-letter codes such as "AP" or "PA" only count in upper case: "Pa" or "ap" are words, not credits.
    """
    name = name.strip().strip("()[]").strip()
    table = _wires()
    if name in table.codes:
        return table.codes[name]
    hit = table.by_alias.get(name.lower())
    if hit is None:
        return None
    if len(name) <= 3 and not name.isupper():
        return None
    return hit


def _credit_list(text: str) -> list[str] | None:
    """Canonical wires for a credit like "Reuters/AFP" or "AFP, REUTERS"; None if any part is not a wire."""
    parts = [p for p in re.split(r"\s*(?:/|,|&|\band\b|\+)\s*", text.strip()) if p]
    if not parts:
        return None
    found: list[str] = []
    any_wire = False
    for part in parts:
        wire = canonical_wire(part)
        any_wire |= wire is not None
        # "THE JAKARTA POST/ASIA NEWS NETWORK": a newspaper may share the credit with an agency
        wire = wire or (outlet_for_name(part, allow_common=False) if len(parts) > 1 else None)
        if wire is None:
            return None
        if wire not in found:
            found.append(wire)
    return found if any_wire else None


# --------------------------------------------------------------------------- wire

_WIRE_WORD = r"[A-Za-z][A-Za-z.\-]*(?: [A-Za-z][A-Za-z.\-]*){0,3}"
_CREDIT_RUN = rf"{_WIRE_WORD}(?:\s*(?:/|,|&|\+)\s*{_WIRE_WORD}){{0,3}}"
# "... results. REUTERS" / "... results\" - AFP" / "... results. (AP)" / "... on Friday.—Reuters"
_TRAILING = re.compile(
    rf"(?P<keep>.*[.!?\"'\u201d\u2019)\]])\s*(?:[-\u2013\u2014]+\s*)?"
    rf"(?P<credit>\(?{_CREDIT_RUN}\)?)\s*$",
    re.S,
)
_ALONE = re.compile(rf"^\s*(?:[-\u2013\u2014]+\s*)?(?P<credit>\(?{_CREDIT_RUN}\)?)\s*\.?\s*$")
_LEADING_CREDIT = re.compile(r"\((?P<credit>[^()]{2,40})\)\s*(?:[-\u2013\u2014]{1,2}|:)\s")


def _trailing_credit(text: str) -> tuple[list[str], str, str] | None:
    """(wires, credit text, text without it) when a paragraph ends in a wire signature."""
    cut = max(0, len(text) - 200)  # a signature is short: look at the tail only, whatever the length
    m = _TRAILING.match(text, cut)
    if not m:
        return None
    credit = m.group("credit")
    bare = credit.strip("()")
    wires = _credit_list(bare)
    if not wires:
        return None
    dashed = text[m.end("keep") :].lstrip().startswith(("-", "\u2013", "\u2014"))
    # A bare mixed-case name after a full stop ("... said. Bloomberg") is a credit only when it is a known
    # agency; a short code must be shouted, parenthesised or dashed so "... at 5 PA" stays text.
    if len(bare) <= 3 and not (bare.isupper() and (dashed or credit.startswith("(") or len(bare) >= 3)):
        return None
    return wires, credit.strip(), text[: m.end("keep")].rstrip()


def trailing_wire_credit(text: str) -> tuple[str, str] | None:
    """(text without it, credit) when a paragraph ends in a wire signature ("... results\". REUTERS")."""
    found = _trailing_credit(text)
    return (found[2], found[1]) if found else None


def wire_credit_line(line: str) -> list[str] | None:
    """Canonical wires when a whole line is only a wire signature ("REUTERS", "- AFP", "(AP)")."""
    m = _ALONE.match(line)
    if not m:
        return None
    return _credit_list(m.group("credit").strip("()"))


def find_wire(paragraphs: list[str]) -> tuple[Found | None, list[str]]:
    """Trailing/leading wire credits ("... results\". REUTERS", "(AP) —", "— AFP").

    Returns the wire (canonical name: Reuters, Associated Press, AFP, Bloomberg, dpa, EFE, Xinhua, ...;
    several joined by ", ") and the paragraphs with a trailing credit removed from the text (a credit
    alone on the last line is dropped). A dateline credit stays in the text, since it is part of it.
    """
    paras = list(paragraphs)
    if not paras:
        return None, paras
    wires: list[str] = []
    evidence: list[str] = []
    for para in paras[:2]:
        dl = parse_dateline(para)
        if dl and dl.credit:
            found = _credit_list(dl.credit)
            if found:
                wires.extend(w for w in found if w not in wires)
                evidence.append(dl.text)
                break
        m = _LEADING_CREDIT.search(para[:120])
        if m:
            found = _credit_list(m.group("credit"))
            if found:
                wires.extend(w for w in found if w not in wires)
                evidence.append(para[: m.end()].strip())
                break
    last = paras[-1]
    alone = wire_credit_line(last)
    if alone and len(paras) > 1:
        wires.extend(w for w in alone if w not in wires)
        evidence.append(last.strip())
        paras = paras[:-1]
    else:
        trail = _trailing_credit(last)
        if trail:
            found, credit, kept = trail
            wires.extend(w for w in found if w not in wires)
            evidence.append(credit)
            paras[-1] = kept
    if not wires:
        return None, paras
    return Found(", ".join(wires), " | ".join(evidence)), paras


# --------------------------------------------------------------------------- dateline

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_PLACE_WORD = rf"[{_UP}][{_UP}'\u2019.\-]*"
_TITLE_WORD = rf"[{_UP}][\w'\u2019.\-]*"
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
_DL_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
_DASH = r"(?:--|[-\u2013\u2014]|:)"
_DATELINE = re.compile(
    rf"^(?P<place>(?:{_PLACE_WORD})(?:\s+{_PLACE_WORD}){{0,3}}"
    rf"(?:,\s+(?:{_TITLE_WORD})(?:\s+{_TITLE_WORD}){{0,2}})?)"
    rf"(?:,\s+(?P<date>{_DL_DATE}))?"
    rf"(?:\s*\((?P<credit>[^()]{{2,40}})\))?"
    rf"\s*(?P<dash>{_DASH})\s+(?=[\"'\u201c\u2018{_UP}0-9])"
)
# Mixed-case places ("Washington (AFP) -") only count with a credit or a date to vouch for them.
_DATELINE_MIXED = re.compile(
    rf"^(?P<place>(?:{_TITLE_WORD})(?:\s+{_TITLE_WORD}){{0,3}}(?:,\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,2}})?)"
    rf"(?:,\s+(?P<date>{_DL_DATE}))?"
    rf"\s*\((?P<credit>[^()]{{2,40}})\)"
    rf"\s*(?P<dash>--|[-\u2013\u2014])\s+"
)


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    return frozenset(w.upper() for w in load_data("extract_news.json")["not_places"])


def parse_dateline(paragraph: str) -> Dateline | None:
    """Split a dateline off the start of a paragraph, or None when the paragraph does not open with one.

    Guards: the place is upper case (or vouched for by a wire credit), is not a label such as "PHOTO" or
    "UPDATE", a colon only follows a bare upper-case place, and body text must follow the dash.
    """
    text = paragraph.lstrip()
    m = _DATELINE.match(text)
    if m:
        place = m.group("place")
        head = place.split(",")[0].strip()
        colon = m.group("dash") == ":"
        bad_colon = colon and bool(m.group("credit") or m.group("date") or len(head) < 3 or "," in place)
        if head.upper() != head or not any(c.isalpha() for c in head) or bad_colon:
            m = None
    if not m:
        m = _DATELINE_MIXED.match(text)
        if m and not (_credit_list(m.group("credit")) or m.group("date")):
            return None
    if not m:
        return None
    place = m.group("place").strip()
    head = place.split(",")[0].strip().rstrip(".")
    if head.upper() in _not_places() or len(re.sub(r"[^\w]", "", head)) < 2:
        return None
    if canonical_wire(head) and not m.group("credit"):
        return None  # "REUTERS - ..." is a credit, not a place
    rest = text[m.end() :]
    if sum(c.isalpha() for c in rest) >= 3 and not any(c.islower() for c in rest):
        return None  # "DRONE DEBRIS IN UKRAINE: HOW ..." is a shouted headline; a dateline opens prose
    return Dateline(place=place, date_text=m.group("date"), credit=m.group("credit"), text=m.group(0).strip())


def find_dateline(paragraphs: list[str]) -> tuple[Found | None, list[str]]:
    """Dateline at the start of the first body paragraph ("MEXICO CITY -", "WASHINGTON (Reuters) -").

    The dateline stays in the body text (offsets stay honest); only the value is reported. The second
    paragraph is tried too, since a short standfirst sometimes precedes the dateline.
    """
    for i, para in enumerate(paragraphs[:2]):
        if i == 1 and len(paragraphs[0].split()) > 40:
            break
        dl = parse_dateline(para)
        if dl:
            return Found(dl.place, dl.text), list(paragraphs)
    return None, list(paragraphs)


# --------------------------------------------------------------------------- byline

_NAME_TOKEN = re.compile(
    r"^(?:[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'\u2019\-]+(?:-[A-Z][a-z]+)?|[A-Z]\.|[A-Z]{2,}(?:-[A-Z]{2,})?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$"
)
_PARTICLES = frozenset(
    "de da das do dos del della der den di du la le van von bin binti al el ibn ter ten y e jr. sr.".split()  # noqa: SIM905
)


def _clean_name(raw: str) -> str | None:
    """A person's name from a byline fragment, or None when the fragment does not look like one."""
    raw = raw.strip(" .,;:|-\u2013\u2014\t")
    tokens = raw.split()
    if not 2 <= len(tokens) <= 5:
        return None
    if not _NAME_TOKEN.match(tokens[0]) or not _NAME_TOKEN.match(tokens[-1]):
        return None
    for tok in tokens[1:-1]:
        if not (_NAME_TOKEN.match(tok) or tok.lower() in _PARTICLES):
            return None
    if all(t.isupper() and len(t) > 1 for t in tokens):
        raw = " ".join(t.capitalize() for t in tokens)
    if canonical_wire(raw) or outlet_for_name(raw):
        return None
    return raw


@lru_cache(maxsize=1)
def _byline_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = load_data("extract_news.json")
    prefixes = sorted(lex["byline_prefixes"], key=len, reverse=True)
    roles = sorted(lex["byline_roles"], key=len, reverse=True)
    prefix_re = re.compile(rf"^(?:{'|'.join(re.escape(p) for p in prefixes)})\s*:?\s+(?P<rest>.+)$", re.I)
    role_alt = "|".join(re.escape(r) for r in roles)
    role_re = re.compile(rf"^(?:senior |chief |deputy |our )?(?:{role_alt})\b", re.I)
    return prefix_re, role_re


_DATE_TAIL = re.compile(
    r"\s*(?:[|,\u2022\u00b7]|[-\u2013\u2014])\s*(?:published|updated|posted|\d{1,2}\s|\w{3,9}\.?\s+\d{1,2}\b|\d{1,2}:\d{2}).*$",
    re.I,
)


def parse_byline(line: str) -> list[str]:
    """Names in one byline line; [] when the line is not a byline.

    Accepts "By Jane Doe and John Roe", "BY JANE DOE", "Jane Doe, Staff Writer", "Jane Doe | Reuters",
    "By Jane Doe in Paris, Reuters". Wire or outlet names are credits, not people, so they are skipped.
    """
    text = " ".join(line.split())
    if not text or len(text) > 160 or text.endswith((".", "!", "?")) and not text.endswith(("Jr.", "Sr.")):
        return []
    prefix_re, role_re = _byline_res()
    m = prefix_re.match(text)
    if m:
        rest = _DATE_TAIL.sub("", m.group("rest"))
        rest = re.split(r"\s*[|\u2022\u00b7]\s*", rest)[0]
        # "Jane Doe in Paris" / "Jane Doe, Staff Writer" / "Jane Doe, Reuters": keep the people only.
        chunks = re.split(r"\s*(?:,|;|\band\b|&|\+)\s*", rest)
        names: list[str] = []
        for chunk in chunks:
            chunk = re.split(r"\s+(?:in|at|for|from|with)\s+", chunk)[0]
            if not chunk or role_re.match(chunk) or canonical_wire(chunk) or outlet_for_name(chunk):
                continue
            name = _clean_name(chunk)
            if name is None:
                return names
            names.append(name)
        return names
    parts = re.split(r"\s*(?:\||,|[-\u2013\u2014]\s)\s*", text, maxsplit=1)
    if len(parts) == 2:
        who, what = parts
        if role_re.match(what) or canonical_wire(what) or outlet_for_name(what):
            name = _clean_name(who)
            return [name] if name else []
    return []


_ROLE_TAIL = re.compile(
    r"^(?:[\w.'\u2019&-]+\s+){0,4}(?:correspondent|editor|writer|reporter|columnist|contributor|journalist"
    r"|bureau chief|analyst|producer)s?$",
    re.I,
)


def is_role_line(line: str) -> bool:
    """A line that is only a newsroom job title ("Senior Correspondent", "Thailand Correspondent")."""
    text = " ".join(line.split())
    return bool(text) and len(text) <= 60 and bool(_ROLE_TAIL.match(text))


def name_over_role(line: str, next_line: str) -> str | None:
    """A reporter's name on its own line with the job title on the next one, as many templates print it."""
    if not is_role_line(next_line) or len(line) > 50:
        return None
    return _clean_name(line)


def find_byline(lines: list[str]) -> list[Found]:
    """Bylines ("By Jane Doe and John Roe", "Jane Doe | Reuters", "Jane Doe" over "Staff Writer").

    One Found per person, in order of appearance.
    """
    out: list[Found] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        names = parse_byline(line)
        if not names and i + 1 < len(lines):
            name = name_over_role(line, lines[i + 1])
            names = [name] if name else []
        for name in names:
            if name not in seen:
                seen.add(name)
                out.append(Found(name, line.strip()))
    return out


# --------------------------------------------------------------------------- outlet / publisher


@dataclass(frozen=True)
class _OutletTable:
    by_domain: dict[str, str]
    by_name: dict[str, str]  # lower-case name or alias -> canonical name
    common: frozenset[str]  # lower-case names that are also ordinary words
    suffix_re: re.Pattern[str]
    host_prefixes: frozenset[str]


@lru_cache(maxsize=1)
def _outlets() -> _OutletTable:
    data = load_data("extract_outlets.json")
    by_domain: dict[str, str] = {}
    by_name: dict[str, str] = {}
    common: set[str] = set()
    for o in data["outlets"]:
        by_domain.setdefault(o["domain"].lower(), o["name"])
        for n in [o["name"], *o.get("aliases", [])]:
            by_name.setdefault(n.lower(), o["name"])
            if o.get("common_word") or len(n) <= 3:
                common.add(n.lower())
    suffixes = sorted(data["legal_suffixes"], key=len, reverse=True)
    alt = "|".join(re.escape(s.rstrip(".")) for s in suffixes)
    suffix_re = re.compile(rf"(?:[\s,]+(?:{alt})\.?)+\s*$", re.I)
    return _OutletTable(by_domain, by_name, frozenset(common), suffix_re, frozenset(data["host_prefixes"]))


def outlet_for_host(host: str) -> str | None:
    """Known outlet for a host or any parent domain ("edition.cnn.com" -> CNN), else None."""
    host = host.lower().strip().rstrip(".")
    host = host.split("@")[-1].split(":")[0]
    labels = host.split(".")
    table = _outlets()
    for i in range(len(labels) - 1):
        hit = table.by_domain.get(".".join(labels[i:]))
        if hit:
            return hit
    return None


def outlet_for_name(name: str, *, allow_common: bool = True) -> str | None:
    """Canonical outlet for a masthead or alias ("Straits Times" -> "The Straits Times"), else None."""
    key = " ".join(name.split()).strip(" .:|").lower()
    table = _outlets()
    if not allow_common and key in table.common:
        return None
    return table.by_name.get(key)


def _name_from_host(host: str) -> str | None:
    """A readable name for an unknown host: "www.example-news.co.uk" -> "Example News"."""
    labels = [lb for lb in host.lower().split(".") if lb]
    table = _outlets()
    while labels and labels[0] in table.host_prefixes:
        labels = labels[1:]
    if len(labels) < 2:
        return None
    # second-level public suffixes such as co.uk / com.au leave the name one label further left
    second_level = {"co", "com", "org", "net", "gov", "ac"}
    core = labels[-3] if len(labels) >= 3 and labels[-2] in second_level else labels[-2]
    words = re.split(r"[-_]", core)
    return " ".join(w.capitalize() for w in words if w) or None


def strip_legal_suffix(name: str) -> str:
    """ "SPH Media Limited" -> "SPH Media": the company is what readers know, not its legal form."""
    name = " ".join(name.split()).strip(" .,;")
    name = _outlets().suffix_re.sub("", name).strip(" .,;&")
    return name


_DOMAIN_RE = re.compile(r"\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I)


@lru_cache(maxsize=1)
def _logo_re() -> re.Pattern[str]:
    """ "Logo of X", "X logo", "X header logo", "GCC masthead logo": the name sits among logo words."""
    words = load_data("extract_news.json")["logo_words"]
    qual = "|".join(re.escape(w) for w in words["qualifiers"])
    mark = "|".join(re.escape(w) for w in words["marks"])
    return re.compile(
        rf"^(?:(?:{mark})(?: of)?\s+(?P<a>.{{2,60}})|(?P<b>.{{2,60}}?)(?:\s+(?:{qual}))*\s+(?:{mark}))$", re.I
    )


_PUBLISHED_BY = re.compile(
    r"\b(?:published|owned|operated)\s+by\s+(?P<who>[^,;|]{2,80}?)(?=\s*(?:[,;|]|\.\s|\.$|$))", re.I
)
_COPYRIGHT = re.compile(
    r"(?:copyright|\u00a9|\(c\))\s*(?:\u00a9|\(c\))?\s*(?:\d{4}(?:\s*[-\u2013/]\s*\d{2,4})?)?\s*,?\s*"
    r"(?P<who>[A-Za-z\u00c0-\u017f][^|;]{1,80}?)"
    r"(?=\s*(?:[,;|]|\.\s|\.$|$|all rights|\d{4}))",
    re.I,
)


def logo_outlet(line: str) -> Found | None:
    """Outlet named by a logo line ("Straitstimes.com header logo", "Logo of The Guardian")."""
    m = _logo_re().match(" ".join(line.split()))
    if not m:
        return None
    label = (m.group("a") or m.group("b")).strip(" :-")
    return Found(_outlet_from_label(label), line.strip())


_CAP_RUN = re.compile(r"[A-Z][\w'\u2019&.-]*(?:\s+(?:(?:of|and|&|de|du|la)\s+)?[A-Z][\w'\u2019&.-]*)*")
_ABBREVIATION = re.compile(r"^[A-Z]{2,6}$")


def expand_name(label: str, lines: list[str]) -> str | None:
    """The full name behind a logo's short form, when the page spells it out somewhere else.

    "GCC" -> "Gulf Coast Courier" (the initials of a capitalised run), "Straitstimes" -> "Straits Times"
    (a host label that is the run with its spaces removed). None when no line spells it out.
    """
    squashed = None if _ABBREVIATION.match(label) else label.casefold()
    if squashed is not None and (" " in label or not label.isalpha()):
        return None
    for line in lines:
        for run in _CAP_RUN.findall(line):
            words = [re.sub(r"['\u2019]s$", "", w) for w in run.split()]
            for i in range(len(words)):
                for j in range(i + 2, len(words) + 1):
                    part = words[i:j]
                    if not part[-1][:1].isupper():
                        continue
                    caps = [w for w in part if w[:1].isupper()]
                    if squashed is None and "".join(w[0] for w in caps) == label and len(caps) == len(label):
                        return " ".join(part)
                    if squashed is not None and "".join(caps).casefold() == squashed:
                        return " ".join(part)
    return None


@lru_cache(maxsize=1)
def _section_names() -> frozenset[str]:
    nav = load_data("extract_boilerplate.json")["navigation"]["lines"]
    return frozenset(n.casefold() for n in [*nav, *load_data("extract_news.json")["section_names"]])


_SECTION_TAIL = re.compile(
    r"^(?P<name>.{2,}?)\s*(?:\s[-\u2013\u2014|]|:)\s+(?P<section>[^-|:\u2013\u2014]{2,40})$"
)


def strip_section(name: str) -> str:
    """ "Pacific Daily Wire - World" -> "Pacific Daily Wire": a feed or site title names a section too."""
    name = " ".join(name.split())
    while True:
        m = _SECTION_TAIL.match(name)
        if not m:
            return name
        section = m.group("section").strip().casefold()
        if section not in _section_names() and section.removesuffix(" news") not in _section_names():
            return name
        name = m.group("name").strip()


def declared_outlet(value: str) -> str | None:
    """A container's outlet name (feed title, JSONL field), canonical when known and without its section."""
    value = strip_section(value.strip())
    return (outlet_for_name(value) or value) if value else None


def _outlet_from_label(label: str) -> str:
    dom = _DOMAIN_RE.fullmatch(label.strip())
    if dom:
        host = dom.group(1)
        return outlet_for_host(host) or _name_from_host(host) or label
    return outlet_for_name(label) or label


def publisher_in(line: str) -> Found | None:
    """Publisher from "Published by X Limited" or "© 2026 X Ltd. All rights reserved.", suffix removed."""
    for rx in (_PUBLISHED_BY, _COPYRIGHT):
        m = rx.search(line)
        if not m:
            continue
        who = strip_legal_suffix(m.group("who"))
        who = re.sub(r"^(?:by|the copyright holder)\s+", "", who, flags=re.I)
        plausible = any(c.isalpha() for c in who) and len(who.split()) <= 8
        if who and plausible and not re.match(r"(?i)all rights", who):
            return Found(who, line.strip())
    return None


def _masthead_of(publisher: Found, lines: list[str]) -> Found | None:
    """A line that is only the copyright holder's name ("THE NORTHERN LEDGER") is the masthead: the outlet."""
    name = publisher.value.casefold()
    for line in lines:
        text = " ".join(line.split())
        if len(text) <= 60 and text.casefold() == name:
            return Found(publisher.value if text.isupper() else text, f"{text} | {publisher.evidence}")
    return None


def find_outlet(lines: list[str], url: str | None) -> tuple[Found | None, Found | None]:
    """(outlet, publisher) from logo lines, copyright/publisher lines, site names or the URL host.

    Order of trust for the outlet: a logo line, a known outlet's domain in the URL, a line that is
    exactly a known masthead, then a name made from the URL host. The publisher comes only from text
    ("Published by", a copyright holder); a copyright holder that is a known masthead also names the
    outlet when nothing better did.
    """
    outlet: Found | None = None
    publisher: Found | None = None
    masthead: Found | None = None
    for line in lines:
        text = " ".join(line.split())
        if not text:
            continue
        if outlet is None:
            outlet = logo_outlet(text)
        if masthead is None and len(text) <= 60:
            # a line that is a masthead, or opens with one: "BBC News, Harbour City", "Reuters | World"
            head = re.split(r"\s*(?:,|\||\s[-\u2013\u2014])\s*", text, maxsplit=1)[0]
            name = outlet_for_name(text, allow_common=False) or outlet_for_name(head, allow_common=False)
            if name is None and _DOMAIN_RE.fullmatch(text):
                name = outlet_for_host(text)
            if name:
                masthead = Found(name, text)
        if publisher is None and re.search(r"(?i)published by|copyright|\u00a9|\(c\)\s*\d{4}", text):
            publisher = publisher_in(text)
    if outlet is not None and outlet_for_name(outlet.value) is None:
        # a logo's short form ("GCC", "Gulfcoastcourier") gives way to the full name the page spells out
        full = expand_name(outlet.value, lines)
        if full:
            outlet = Found(full, f"{outlet.evidence} | {full}")
    if outlet is None and masthead is None and publisher is not None:
        masthead = _masthead_of(publisher, lines)
    host = urlsplit(url).hostname if url else None
    if outlet is None and host and outlet_for_host(host):
        outlet = Found(outlet_for_host(host) or "", url or "")
    if outlet is None and masthead is not None:
        outlet = masthead
    if outlet is None and publisher is not None:
        known = outlet_for_name(publisher.value)
        if known:
            outlet = Found(known, publisher.evidence)
    if outlet is None and host:
        name = _name_from_host(host)
        if name:
            outlet = Found(name, url or host)
    return outlet, publisher


_SITE_SUFFIX = re.compile(
    r"^(?P<title>.{12,}?)\s+[-|\u2013\u2014\u00b7\u2022:]\s+(?P<site>[^|\u2013\u2014]{2,60})$"
)


def strip_site_suffix(title: str, outlet: str | None = None) -> str:
    """ "Storm hits coast - BBC News" -> "Storm hits coast" when the tail names a known outlet or `outlet`."""
    m = _SITE_SUFFIX.match(title.strip())
    if not m:
        return title.strip()
    site = m.group("site").strip()
    known = outlet_for_name(site) or outlet_for_host(site) if "." in site else outlet_for_name(site)
    if known or (outlet and site.lower() in {outlet.lower(), outlet.lower().removeprefix("the ")}):
        return m.group("title").strip()
    return title.strip()


# --------------------------------------------------------------------------- language


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def find_language(text: str, min_words: int = 20, min_confidence: float = 0.6) -> str | None:
    """ISO 639-1 language of the text, or None when too short or too mixed to tell.

    Only the first ~600 characters are read: enough for a confident answer, and keeps it cheap.
    """
    if len(text.split()) < min_words:
        return None
    lang, conf = _identifier().classify(text[:600])
    if lang in ENGLISH_BASED:  # news English full of names scores as Nigerian Pidgin; English a close second
        ranked = [code for code, _ in _identifier().rank(text[:600])[:3]]
        if "en" in ranked:
            return "en"
    if conf < min_confidence or lang == "und":
        return None
    return str(lang)


# English-based creoles the identifier confuses with news English.
ENGLISH_BASED = frozenset({"pcm"})


__all__ = [
    "Dateline",
    "Found",
    "canonical_wire",
    "find_byline",
    "find_dateline",
    "find_language",
    "find_outlet",
    "find_wire",
    "declared_outlet",
    "expand_name",
    "strip_section",
    "is_role_line",
    "name_over_role",
    "load_data",
    "logo_outlet",
    "outlet_for_host",
    "outlet_for_name",
    "parse_byline",
    "parse_dateline",
    "publisher_in",
    "strip_legal_suffix",
    "strip_site_suffix",
    "trailing_wire_credit",
    "wire_credit_line",
]
