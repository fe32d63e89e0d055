"""Small server-side SVG charts: no JavaScript, no CDN, so they work offline and under a strict CSP.

Colours come from CSS classes (`quad-VC` …) in the package stylesheet, so a quad class has one colour
everywhere. Every label is escaped; charts take plain numbers and strings and return Markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from markupsafe import Markup, escape

QUADS = ("VC", "MC", "VK", "MK")
QUAD_NAMES = {
    "VC": "verbal cooperation",
    "MC": "material cooperation",
    "VK": "verbal conflict",
    "MK": "material conflict",
}


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">' + "".join(body) + "</svg>"
    )


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    # multiples of 4 so the four grid steps fall on whole numbers
    for step in (4, 8, 12, 20, 40, 60, 100, 200, 400, 600, 1000, 2000, 4000, 10_000, 20_000, 40_000, 100_000):
        if value <= step:
            return float(step)
    return float(-(-int(value) // 4000) * 4000)


def _every(n: int, room: int) -> int:
    """Label every k-th tick so at most `room` labels show."""
    return max(1, -(-n // max(1, room)))


def stacked_bars(
    series: Sequence[dict[str, Any]],
    *,
    width: int = 760,
    height: int = 220,
    href: Any = None,
    label: str = "events by quad class over time",
) -> Markup:
    """Bars per period stacked by quad class; `href(period)` makes each bar a link."""
    if not series:
        return Markup('<p class="empty">No dated events yet.</p>')
    left, right, top, bottom = 36, 8, 10, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(int(p["counts"].get(q, 0)) for q in QUADS) for p in series]
    top_value = _nice_max(max(totals))
    step = plot_w / len(series)
    bar_w = max(1.0, step * 0.78)
    body = [_y_axis(left, top, plot_w, plot_h, top_value)]
    for i, p in enumerate(series):
        x = left + i * step + (step - bar_w) / 2
        y = top + plot_h
        cells = []
        for q in QUADS:
            n = int(p["counts"].get(q, 0))
            if not n:
                continue
            h = plot_h * n / top_value
            y -= h
            cells.append(
                f'<rect class="quad-{q}" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}">'
                f"<title>{escape(p['period'])}: {n} {QUAD_NAMES[q]}</title></rect>"
            )
        group = "".join(cells)
        if href is not None and group:
            group = f'<a href="{escape(href(p["period"]))}">{group}</a>'
        body.append(group)
    every = _every(len(series), max(1, plot_w // 70))
    for i, p in enumerate(series):
        if i % every == 0:
            x = left + i * step + step / 2
            body.append(
                f'<text class="tick" x="{x:.1f}" y="{height - 8}" text-anchor="middle">'
                f"{escape(p['period'])}</text>"
            )
    return _svg(width, height, body, label)


def _y_axis(left: int, top: int, plot_w: float, plot_h: float, top_value: float, *, floor: float = 0) -> str:
    parts = []
    for k in range(5):
        v = floor + (top_value - floor) * k / 4
        y = top + plot_h - plot_h * k / 4
        parts.append(f'<line class="grid" x1="{left}" x2="{left + plot_w:.1f}" y1="{y:.1f}" y2="{y:.1f}"/>')
        text = f"{v:g}" if abs(v) < 1000 else f"{v / 1000:g}k"
        parts.append(f'<text class="tick" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{text}</text>')
    return "".join(parts)


def intensity_line(
    points: Sequence[dict[str, Any]],
    *,
    width: int = 760,
    height: int = 240,
    href: Any = None,
    marks: Sequence[str] = (),
    label: str = "cooperation–conflict intensity over time",
) -> Markup:
    """Mean intensity per period (−10 conflict … +10 cooperation) with the rolling mean as a second line.

    Each point is a dot coloured by the quad class that dominates it, linked to its events; `marks` are
    periods where the event rate changes (drawn as vertical rules).
    """
    pts = [p for p in points if p.get("intensity_mean") is not None]
    if not pts:
        return Markup('<p class="empty">No events with an intensity in this range.</p>')
    left, right, top, bottom = 36, 8, 12, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / len(pts)

    def y_of(v: float) -> float:
        return top + plot_h * (10 - max(-10.0, min(10.0, v))) / 20

    body = []
    for v in (-10, -5, 0, 5, 10):
        y = y_of(v)
        cls = "zero" if v == 0 else "grid"
        body.append(f'<line class="{cls}" x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}"/>')
        body.append(f'<text class="tick" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{v:+d}</text>')
    body.append(f'<text class="axis-note" x="{left + 4}" y="{top + 10}">cooperation</text>')
    body.append(f'<text class="axis-note" x="{left + 4}" y="{top + plot_h - 4}">conflict</text>')
    xs = [left + i * step + step / 2 for i in range(len(pts))]
    for x, p in zip(xs, pts, strict=True):
        if p["period"] in marks:
            body.append(
                f'<line class="mark" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + plot_h}">'
                f"<title>rate changes at {escape(p['period'])}</title></line>"
            )
    rolling = [
        (x, p.get("rolling_intensity"))
        for x, p in zip(xs, pts, strict=True)
        if p.get("rolling_intensity") is not None
    ]
    if len(rolling) > 1:
        d = " ".join(
            f"{'M' if i == 0 else 'L'}{x:.1f},{y_of(float(v)):.1f}" for i, (x, v) in enumerate(rolling)
        )
        body.append(f'<path class="rolling" d="{d}"/>')
    d = " ".join(
        f"{'M' if i == 0 else 'L'}{x:.1f},{y_of(float(p['intensity_mean'])):.1f}"
        for i, (x, p) in enumerate(zip(xs, pts, strict=True))
    )
    body.append(f'<path class="series" d="{d}"/>')
    for x, p in zip(xs, pts, strict=True):
        counts = p.get("counts") or {}
        main = max(QUADS, key=lambda q: int(counts.get(q, 0))) if counts else "VC"
        r = 3 + min(6.0, float(p.get("n") or 1) ** 0.5)
        dot = (
            f'<circle class="dot quad-{main}" cx="{x:.1f}" '
            f'cy="{y_of(float(p["intensity_mean"])):.1f}" r="{r:.1f}">'
            f"<title>{escape(p['period'])}: mean {float(p['intensity_mean']):+.1f} over {p.get('n')} event(s)"
            "</title></circle>"
        )
        if href is not None:
            dot = f'<a href="{escape(href(p["period"]))}">{dot}</a>'
        body.append(dot)
    every = _every(len(pts), max(1, plot_w // 80))
    for i, (x, p) in enumerate(zip(xs, pts, strict=True)):
        if i % every == 0:
            body.append(
                f'<text class="tick" x="{x:.1f}" y="{height - 8}" text-anchor="middle">'
                f"{escape(p['period'])}</text>"
            )
    return _svg(width, height, body, label)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        parts = [int(x) for x in value[:10].split("-")]
    except ValueError:
        return None
    while len(parts) < 3:
        parts.append(1)
    try:
        return date(*parts[:3])
    except ValueError:
        return None


def lanes(
    items: Sequence[dict[str, Any]],
    *,
    width: int = 760,
    label: str = "articles per outlet over time",
) -> Markup:
    """One lane per outlet, a dot per article at its publication date; items: {lane, date, title, href}."""
    dated = [(it, _day(it.get("date"))) for it in items]
    dated = [(it, d) for it, d in dated if d is not None]
    if not dated:
        return Markup('<p class="empty">No dated articles.</p>')
    names = list(dict.fromkeys(it["lane"] or "(unknown)" for it, _ in dated))
    lane_h, left, right, top = 30, 170, 40, 8
    height = top + lane_h * len(names) + 30
    lo = min(d for _, d in dated).toordinal()
    hi = max(d for _, d in dated).toordinal()
    span = max(1, hi - lo)
    plot_w = width - left - right

    def x_of(d: date) -> float:
        return left + plot_w * (d.toordinal() - lo) / span if hi > lo else left + plot_w / 2

    body = []
    for i, name in enumerate(names):
        y = top + lane_h * i + lane_h / 2
        body.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        body.append(
            f'<text class="lane" x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(name[:24])}</text>'
        )
    for it, d in dated:
        y = top + lane_h * names.index(it["lane"] or "(unknown)") + lane_h / 2
        cls = "dot copy" if it.get("copy") else "dot article"
        dot = (
            f'<circle class="{cls}" cx="{x_of(d):.1f}" cy="{y:.1f}" r="6">'
            f"<title>{escape(it.get('date') or '')}: {escape(it.get('title') or '')}</title></circle>"
        )
        if it.get("href"):
            dot = f'<a href="{escape(it["href"])}">{dot}</a>'
        body.append(dot)
    days = sorted({d for _, d in dated})
    every = _every(len(days), max(1, plot_w // 90))
    for i, d in enumerate(days):
        if i % every == 0:
            anchor = "end" if x_of(d) > width - right - 30 else "start" if x_of(d) < left + 30 else "middle"
            body.append(
                f'<text class="tick" x="{x_of(d):.1f}" y="{height - 8}" text-anchor="{anchor}">'
                f"{d.isoformat()}</text>"
            )
    return _svg(width, height, body, label)


def quad_bars(counts: dict[str, int], *, width: int = 360) -> Markup:
    """Horizontal bars: how many events fall in each quad class."""
    top_value = max([int(counts.get(q, 0)) for q in QUADS] + [1])
    row_h, left = 26, 150
    body = []
    for i, q in enumerate(QUADS):
        n = int(counts.get(q, 0))
        y = i * row_h + 4
        w = (width - left - 40) * n / top_value
        body.append(
            f'<text class="lane" x="{left - 8}" y="{y + 14}" text-anchor="end">{QUAD_NAMES[q]}</text>'
        )
        body.append(
            f'<rect class="quad-{q}" x="{left}" y="{y}" width="{w:.1f}" height="18">'
            f"<title>{q}: {n}</title></rect>"
        )
        body.append(f'<text class="value" x="{left + w + 6:.1f}" y="{y + 14}">{n}</text>')
    return _svg(width, row_h * 4 + 8, body, "events by quad class")


def tone_bars(tone: dict[str, float], *, width: int = 420) -> Markup:
    """Diverging bars around zero: each outlet's tone for the story (negative left, positive right)."""
    if not tone:
        return Markup('<p class="empty">No tone measured.</p>')
    items = sorted(tone.items(), key=lambda kv: (kv[1] is None, -(kv[1] or 0)))
    scale = max([abs(float(v)) for _, v in items if v is not None] + [0.05])
    row_h, left, right = 24, 170, 50
    mid = left + (width - left - right) / 2
    half = (width - left - right) / 2
    body = [f'<line class="zero" x1="{mid:.1f}" x2="{mid:.1f}" y1="0" y2="{row_h * len(items)}"/>']
    for i, (outlet, value) in enumerate(items):
        y = i * row_h + 4
        body.append(
            f'<text class="lane" x="{left - 8}" y="{y + 13}" text-anchor="end">{escape(outlet[:24])}</text>'
        )
        if value is None:
            continue
        w = half * abs(float(value)) / scale
        x = mid if value >= 0 else mid - w
        cls = "tone-pos" if value >= 0 else "tone-neg"
        body.append(
            f'<rect class="{cls}" x="{x:.1f}" y="{y}" width="{w:.1f}" height="16">'
            f"<title>{escape(outlet)}: {float(value):+.2f}</title></rect>"
        )
        body.append(f'<text class="value" x="{width - right + 6}" y="{y + 13}">{float(value):+.2f}</text>')
    return _svg(width, row_h * len(items) + 8, body, "tone per outlet")
