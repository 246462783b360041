"""Charts as inline SVG, drawn here in Python: the viewer needs no chart library and no network.

Colours come from classes styled in style.css; every label is escaped.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.export.site.html import attr, text

WIDTH = 760
LABEL_WIDTH = 300


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[int, ...]        # one per series, stacked left to right
    href: str | None = None


def _clip(label: str, chars: int = 44) -> str:
    return label if len(label) <= chars else label[:chars - 1] + "…"


def bars(rows: list[Bar], series: list[tuple[str, str]], caption: str) -> str:
    """Horizontal stacked bars, one row per label; `series` is (name, css class) per value."""
    if not rows:
        return ""
    row_height, top = 24, 26
    height = top + row_height * len(rows) + 8
    scale = (WIDTH - LABEL_WIDTH - 50) / max(sum(r.values) or 1 for r in rows)
    parts = [f'<svg class="chart bars" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{attr(caption)}">',
             f"<title>{text(caption)}</title>", _legend(series, 0)]
    for n, row in enumerate(rows):
        y = top + n * row_height
        label = f'<text class="label" x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">' \
                f'<title>{text(row.label)}</title>{text(_clip(row.label))}</text>'
        parts.append(f'<a href="{attr(row.href)}">{label}</a>' if row.href else label)
        x = LABEL_WIDTH
        for value, (name, css) in zip(row.values, series):
            w = value * scale
            if value:
                parts.append(f'<rect class="{attr(css)}" x="{x:.1f}" y="{y + 3}" width="{max(w, 1):.1f}" '
                             f'height="{row_height - 6}"><title>{text(row.label)}: {value} {text(name)}</title></rect>')
            x += w
        parts.append(f'<text class="value" x="{x + 6:.1f}" y="{y + 16}">{sum(row.values)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _legend(series: list[tuple[str, str]], y: int) -> str:
    parts, x = [], LABEL_WIDTH
    for name, css in series:
        parts.append(f'<rect class="{attr(css)}" x="{x}" y="{y + 6}" width="12" height="12"></rect>'
                     f'<text class="legend" x="{x + 16}" y="{y + 17}">{text(name)}</text>')
        x += 24 + 8 * len(name)
    return "".join(parts)


def timeline(counts: dict[date, int], today: date, horizon_days: int = 90, caption: str = "Deadlines") -> str:
    """Deadlines per week (or month, over a long window) up to `horizon_days` ahead: overdue ones red,
    the coming ones amber, a line at today."""
    if not counts:
        return ""
    end = today + timedelta(days=horizon_days)
    start = min(_early(counts), today - timedelta(days=30))
    monthly = (end - start).days > 200
    buckets: dict[date, list[int]] = {}
    for day, count in counts.items():
        if start <= day <= end:
            bucket = day.replace(day=1) if monthly else day - timedelta(days=day.weekday())
            buckets.setdefault(bucket, [0, 0])[0 if day < today else 1] += count
    earlier = sum(c for d, c in counts.items() if d < start)
    later = sum(c for d, c in counts.items() if d > end)
    return _timeline_svg(buckets, start, end, today, monthly, earlier, later, caption)


def _early(counts: dict[date, int], share: float = 0.05) -> date:
    """The day before which only `share` of the deadlines fall: a stray old date does not stretch the axis."""
    total, seen = sum(counts.values()), 0
    for day in sorted(counts):
        seen += counts[day]
        if seen > total * share:
            return day
    return max(counts)


def _timeline_svg(buckets: dict[date, list[int]], start: date, end: date, today: date, monthly: bool,
                  earlier: int, later: int, caption: str) -> str:
    left, right, top, bottom = 40, WIDTH - 10, 30, 170
    span = max((end - start).days, 1)

    def x(day: date) -> float:
        return left + (right - left) * (day - start).days / span

    peak = max((sum(v) for v in buckets.values()), default=1) or 1
    width = max((right - left) * (31 if monthly else 7) / span - 2, 2)
    parts = [f'<svg class="chart timeline" viewBox="0 0 {WIDTH} 215" role="img" aria-label="{attr(caption)}">',
             f"<title>{text(caption)}</title>",
             _legend([("overdue", "overdue"), (f"due within {(end - today).days} days", "upcoming")], -4),
             f'<line class="axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"></line>',
             f'<text class="value" x="{left - 6}" y="{top + 4}" text-anchor="end">{peak}</text>']
    for bucket, (overdue, upcoming) in sorted(buckets.items()):
        y = bottom
        for count, css in ((overdue, "overdue"), (upcoming, "upcoming")):
            if count:
                h = (bottom - top) * count / peak
                y -= h
                label = f"{bucket:%m/%Y}" if monthly else f"week of {bucket.isoformat()}"
                parts.append(f'<rect class="{css}" x="{x(bucket):.1f}" y="{y:.1f}" width="{width:.1f}" '
                             f'height="{h:.1f}"><title>{label}: {count} {css}</title></rect>')
    parts += _month_ticks(start, end, x, bottom)
    near_end = x(today) > right - 160        # the label goes left of the line when there is no room right of it
    parts.append(f'<line class="today" x1="{x(today):.1f}" y1="{top - 6}" x2="{x(today):.1f}" y2="{bottom}"></line>'
                 f'<text class="today-label" x="{x(today) + (-4 if near_end else 4):.1f}" y="{top + 4}" '
                 f'text-anchor="{"end" if near_end else "start"}">today {today.isoformat()}</text>')
    if earlier or later:
        note = ", ".join(v for v in (earlier and f"{earlier} earlier", later and f"{later} later") if v)
        parts.append(f'<text class="note" x="{right}" y="210" text-anchor="end">not shown: {note}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _month_ticks(start: date, end: date, x, bottom: int) -> list[str]:
    months = []
    month = start.replace(day=1)
    while month <= end:
        if month >= start:
            months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    step = max(1, len(months) // 12)
    return [f'<line class="tick" x1="{x(m):.1f}" y1="{bottom}" x2="{x(m):.1f}" y2="{bottom + 5}"></line>'
            f'<text class="tick-label" x="{x(m):.1f}" y="{bottom + 18}" text-anchor="middle">{m:%m/%Y}</text>'
            for m in months[::step]]


def heat(rows: list[str], columns: list[int], cells: dict[tuple[str, int], tuple[int, str]], caption: str) -> str:
    """A grid of counts, one row per label and one column per year; darker is more; tooltips list the figures."""
    if not rows or not columns:
        return ""
    cell, top = min(64, (WIDTH - LABEL_WIDTH) // len(columns)), 24
    height = top + 26 * len(rows) + 4
    peak = max((c for c, _ in cells.values()), default=1)
    parts = [f'<svg class="chart heat" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-label="{attr(caption)}"><title>{text(caption)}</title>']
    for j, column in enumerate(columns):
        parts.append(f'<text class="tick-label" x="{LABEL_WIDTH + j * cell + cell / 2:.1f}" y="16" '
                     f'text-anchor="middle">{column}</text>')
    for i, row in enumerate(rows):
        y = top + 26 * i
        parts.append(f'<text class="label" x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end">'
                     f'<title>{text(row)}</title>{text(_clip(row))}</text>')
        for j, column in enumerate(columns):
            count, tip = cells.get((row, column), (0, ""))
            if count:
                x, shade = LABEL_WIDTH + j * cell, 0.25 + 0.75 * count / peak
                parts.append(f'<rect class="cell" x="{x + 1}" y="{y + 1}" width="{cell - 2}" height="24" '
                             f'fill-opacity="{shade:.2f}"><title>{text(row)}, {column}: {text(tip)}</title></rect>'
                             f'<text class="cell-value" x="{x + cell / 2:.1f}" y="{y + 17}" text-anchor="middle">'
                             f'{count}</text>')
    parts.append("</svg>")
    return "".join(parts)
