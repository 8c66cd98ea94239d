"""The flowchart of one page as inline SVG: grid, symbols, connectors, arrows and labels.

Only plain shapes (rect, polygon, polyline, line, text) and no ids, markers or CSS, so many
drawings can sit in one document and both browsers and WeasyPrint draw them the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from sopctl.render.chart.check import label_box
from sopctl.render.chart.shapes import LABEL_PX, Arrow, Box, Chunk, Connector, Symbol

STROKE = 'stroke="#000" stroke-width="1.2"'
_HEAD = 6.0  # arrowhead length
FONT = "Liberation Sans, Arial, sans-serif"  # the bundled face first (see print.css)


def chunk_svg(chunk: Chunk, actors: Sequence[str]) -> str:
    """The drawing of one page-chunk; symbols carry `data-step`, `data-actor`, `data-shape`."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="alur" width="{_n(chunk.width)}" '
        f'height="{_n(chunk.height)}" viewBox="0 0 {_n(chunk.width)} {_n(chunk.height)}" '
        'role="img" aria-label="Diagram alir prosedur">',
        *(_arrow(a) for a in chunk.arrows),
        *(_symbol(s, actors[s.column]) for s in chunk.symbols),
        *(_connector(c) for c in chunk.connectors),
        *(_label(a) for a in chunk.arrows if a.label),
        "</svg>",
    ]
    return "\n".join(parts)


def _symbol(symbol: Symbol, actor: str) -> str:
    box = symbol.box
    attrs = (
        f'class="simbol" data-step="{symbol.step}" data-actor="{escape(actor)}" '
        f'data-shape="{symbol.shape}"'
    )
    return f"<g {attrs}>{shape(symbol.shape, box)}</g>"


def shape(kind: str, box: Box) -> str:
    """Capsule for mulai/selesai, rectangle for proses, diamond for keputusan."""
    fill = 'fill="#fff"'
    if kind == "keputusan":
        points = [
            (box.cx, box.y),
            (box.x + box.w, box.cy),
            (box.cx, box.y + box.h),
            (box.x, box.cy),
        ]
        return f'<polygon points="{_points(points)}" {fill} {STROKE}/>'
    radius = box.h / 2 if kind in ("mulai", "selesai") else 0
    return (
        f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.w)}" height="{_n(box.h)}" '
        f'rx="{_n(radius)}" ry="{_n(radius)}" {fill} {STROKE}/>'
    )


def _connector(conn: Connector) -> str:
    """A pentagon pointing down, with its number."""
    box = conn.box
    shoulder = box.y + box.h * 0.6
    points = [
        (box.x, box.y),
        (box.x + box.w, box.y),
        (box.x + box.w, shoulder),
        (box.cx, box.y + box.h),
        (box.x, shoulder),
    ]
    kind = "masuk" if conn.incoming else "keluar"
    return (
        f'<g class="penghubung" data-nomor="{conn.number}" data-arah="{kind}">'
        f'<polygon points="{_points(points)}" fill="#fff" {STROKE}/>'
        f'<text x="{_n(box.cx)}" y="{_n(box.y + box.h * 0.58)}" text-anchor="middle" '
        f'font-size="{_n(LABEL_PX)}" font-family="{FONT}">{conn.number}</text></g>'
    )


def _arrow(arrow: Arrow) -> str:
    points = arrow.points
    line = f'<polyline points="{_points(points)}" fill="none" {STROKE}/>'
    return f'<g class="panah">{line}{_head(points[-2], points[-1])}</g>'


def _head(before: tuple[float, float], tip: tuple[float, float]) -> str:
    """A filled arrowhead at `tip`, pointing along the last (axis-parallel) segment."""
    dx = (tip[0] > before[0]) - (tip[0] < before[0])
    dy = (tip[1] > before[1]) - (tip[1] < before[1])
    back = (tip[0] - dx * _HEAD, tip[1] - dy * _HEAD)
    half = _HEAD / 2.2
    left = (back[0] - dy * half, back[1] + dx * half)
    right = (back[0] + dy * half, back[1] - dx * half)
    return f'<polygon points="{_points([tip, left, right])}" fill="#000"/>'


def _label(arrow: Arrow) -> str:
    """The label on a white ground: a table border under it does not cut through the word
    (arrows never pass there: the layout checker holds them off)."""
    x, y = arrow.label_at
    box = label_box(arrow)
    ground = (
        f'<rect x="{_n(box.x - 1)}" y="{_n(box.y)}" width="{_n(box.w + 2)}" '
        f'height="{_n(box.h)}" fill="#fff"/>'
    )
    return ground + (
        f'<text class="label" x="{_n(x)}" y="{_n(y)}" text-anchor="{arrow.label_anchor}" '
        f'font-size="{_n(LABEL_PX)}" font-family="{FONT}">'
        f"{escape(arrow.label)}</text>"
    )


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
