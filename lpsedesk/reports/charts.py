"""Bar charts as SVG markup, drawn on the server: no chart library, no script, no style attribute.

Colours come from presentation attributes (fill=) with classes the static stylesheet can refine
(static/admin/reports.css); every label is escaped, so the markup is safe to embed in a page.
"""
from __future__ import annotations

from html import escape
from typing import Sequence

BAR = "#0b5cab"
MUTED = "#5b6777"
GRID = "#d9dee5"


def _esc(text: object) -> str:
    return escape(str(text), quote=True)


def _nice_max(value: int) -> int:
    """A round axis maximum at or above `value` (1, 2, 5 x 10^n)."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def column_chart(points: Sequence[tuple[str, int]], *, title: str, label_every: int = 1,
                 width: int | None = None, height: int = 220) -> str:
    """Vertical bars for a time series (per day, week, month); x labels every `label_every` bars."""
    left, right, top, bottom = 36, 8, 10, 34
    # Many bars need room: the page lets such a chart scroll sideways on a phone.
    dense = " chart-dense" if len(points) > 16 else ""
    width = width or (640 if dense else 420)
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((v for _l, v in points), default=0))
    slot = plot_w / max(len(points), 1)
    bar_w = max(slot * 0.72, 1.0)
    parts = [f'<svg class="chart chart-columns{dense}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{_esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>{_esc(title)}</title>']
    for tick in (0, top_value // 2, top_value) if top_value > 1 else (0, top_value):
        y = top + plot_h - plot_h * tick / top_value
        parts.append(f'<line class="chart-grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="{GRID}" stroke-width="1"/>')
        parts.append(f'<text class="chart-tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
                     f'font-size="11" fill="{MUTED}">{tick}</text>')
    for i, (label, value) in enumerate(points):
        x = left + i * slot + (slot - bar_w) / 2
        h = plot_h * value / top_value
        parts.append(f'<rect class="chart-bar" x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" '
                     f'height="{h:.1f}" fill="{BAR}"><title>{_esc(label)}: {value}</title></rect>')
        if i % max(label_every, 1) == 0:
            parts.append(f'<text class="chart-label" x="{x + bar_w / 2:.1f}" y="{height - bottom + 16}" '
                         f'text-anchor="middle" font-size="11" fill="{MUTED}">{_esc(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(items: Sequence[tuple[str, int]], *, title: str, width: int = 390) -> str:
    """Horizontal bars for categories: label on the left, count at the bar's end."""
    row_h, label_w, value_w, pad = 24, 160, 36, 4
    height = max(len(items), 1) * row_h + pad * 2
    plot_w = width - label_w - value_w
    top_value = max((v for _l, v in items), default=0) or 1
    parts = [f'<svg class="chart chart-bars" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{_esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>{_esc(title)}</title>']
    for i, (label, value) in enumerate(items):
        y = pad + i * row_h
        w = plot_w * value / top_value
        shown = label if len(label) <= 20 else label[:19] + "…"  # the full label is in <title>
        parts.append(f'<text class="chart-label" x="{label_w - 8}" y="{y + row_h / 2 + 4:.1f}" '
                     f'text-anchor="end" font-size="11.5" fill="#1b2430">{_esc(shown)}<title>{_esc(label)}</title></text>')
        parts.append(f'<rect class="chart-bar" x="{label_w}" y="{y + 4}" width="{max(w, 1):.1f}" '
                     f'height="{row_h - 8}" rx="3" fill="{BAR}"><title>{_esc(label)}: {value}</title></rect>')
        parts.append(f'<text class="chart-value" x="{label_w + w + 6:.1f}" y="{y + row_h / 2 + 4:.1f}" '
                     f'font-size="12" fill="#1b2430">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)
