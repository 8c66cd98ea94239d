"""Drawing faults of a computed flowchart page, as an evaluator would mark them on the print.

`problems` looks only at the geometry the layout produced (rows, symbols, connectors, arrows,
label positions), so tests can hold every SOP's drawing to these rules:

- every segment is horizontal or vertical, stays inside the Pelaksana columns and never runs
  on (or within `GAP` of) a column border or a row border;
- no segment crosses a symbol or a connector, or runs along the edge of one it does not touch;
- parallel segments of different arrows keep `GAP` apart, unless they end in the same port;
- no label touches a line, a symbol, a connector or the edge of the Pelaksana area;
- no off-page connector stands above the Mulai symbol.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sopctl.render.chart.shapes import LABEL_PX, Arrow, Box, Chunk, Connector, Point, Symbol
from sopctl.render.measure import width

GAP = 3.0  # px: the least distance between two lines, or a line and a symbol it passes
BORDER_GAP = 4.0  # px: the least distance between a line and a cell border it runs along


@dataclass(frozen=True)
class Segment:
    arrow: int
    a: Point
    b: Point

    @property
    def vertical(self) -> bool:
        return self.a[0] == self.b[0]

    @property
    def span(self) -> tuple[float, float]:
        """The extent along the segment's own direction."""
        i = 1 if self.vertical else 0
        return min(self.a[i], self.b[i]), max(self.a[i], self.b[i])

    @property
    def at(self) -> float:
        """The fixed coordinate: x of a vertical, y of a horizontal."""
        return self.a[0] if self.vertical else self.a[1]


def problems(chunk: Chunk, actor_width: float) -> list[str]:
    """Every fault of the page's drawing, in words; an empty list for a clean drawing."""
    segments = list(_segments(chunk.arrows))
    found = [f"arrow {s.arrow}: diagonal segment {s.a}-{s.b}" for s in segments if _diagonal(s)]
    straight = [s for s in segments if not _diagonal(s)]
    found += _borders(chunk, straight, actor_width)
    found += _through_boxes(chunk, straight)
    found += _crowding(chunk, straight)
    found += _labels(chunk)
    found += _mulai(chunk)
    return found


def label_box(arrow: Arrow) -> Box:
    """Where an arrow's label is printed (from its baseline point and anchor)."""
    text_w = width(arrow.label, LABEL_PX)
    x, y = arrow.label_at
    left = x - text_w if arrow.label_anchor == "end" else x
    return Box(left, y - LABEL_PX * 0.75, text_w, LABEL_PX * 0.95)


def segments(points: Sequence[Point]) -> list[tuple[Point, Point]]:
    return list(itertools.pairwise(points))


def _segments(arrows: Sequence[Arrow]) -> Iterator[Segment]:
    for index, arrow in enumerate(arrows):
        for a, b in zip(arrow.points, arrow.points[1:], strict=False):
            yield Segment(index, a, b)


def _diagonal(s: Segment) -> bool:
    return s.a[0] != s.b[0] and s.a[1] != s.b[1]


def _borders(chunk: Chunk, segments: list[Segment], actor_width: float) -> list[str]:
    found = []
    columns = [k * actor_width for k in range(1, round(chunk.width / actor_width))]
    rows = [row.top for row in chunk.rows[1:]]
    for s in segments:
        xs = (s.a[0], s.b[0])
        if min(xs) < GAP or max(xs) > chunk.width - GAP:
            found.append(f"arrow {s.arrow}: segment {s.a}-{s.b} leaves the Pelaksana columns")
        borders = columns if s.vertical else rows
        long = s.span[1] - s.span[0] > GAP
        near = [b for b in borders if abs(s.at - b) < BORDER_GAP and long]
        if near:
            found.append(f"arrow {s.arrow}: segment {s.a}-{s.b} runs on a cell border")
    return found


def _boxes(chunk: Chunk) -> list[Box]:
    return [s.box for s in chunk.symbols] + [c.box for c in chunk.connectors]


def _shapes(chunk: Chunk) -> list[Symbol | Connector]:
    return [*chunk.symbols, *chunk.connectors]


def _through_boxes(chunk: Chunk, segments: list[Segment]) -> list[str]:
    found = []
    for s in segments:
        for box in _boxes(chunk):
            if _crosses(s, box, inset=0.5):
                found.append(f"arrow {s.arrow}: segment {s.a}-{s.b} crosses a symbol")
            elif _hugs(s, box):
                found.append(f"arrow {s.arrow}: segment {s.a}-{s.b} runs along a symbol's edge")
    return found


def _crosses(s: Segment, box: Box, inset: float) -> bool:
    return crosses(s.a, s.b, box, inset)


def crosses(a: Point, b: Point, box: Box, inset: float) -> bool:
    """Whether the segment a-b enters `box` shrunk by `inset` (a negative inset grows it)."""
    (x0, y0), (x1, y1) = a, b
    inside_x = min(x0, x1) < box.x + box.w - inset and max(x0, x1) > box.x + inset
    inside_y = min(y0, y1) < box.y + box.h - inset and max(y0, y1) > box.y + inset
    return inside_x and inside_y


def _hugs(s: Segment, box: Box) -> bool:
    """Parallel to an edge of `box`, closer than GAP, alongside it (not just ending at it)."""
    if s.vertical:
        edges, low, high = (box.x, box.x + box.w), box.y, box.y + box.h
    else:
        edges, low, high = (box.y, box.y + box.h), box.x, box.x + box.w
    alongside = min(s.span[1], high) - max(s.span[0], low) > GAP
    return alongside and any(0 < abs(s.at - edge) < GAP for edge in edges)


def _crowding(chunk: Chunk, segments: list[Segment]) -> list[str]:
    found = []
    ends = [arrow.points[-1] for arrow in chunk.arrows]
    for i, s in enumerate(segments):
        for t in segments[i + 1 :]:
            if s.arrow == t.arrow or s.vertical != t.vertical or ends[s.arrow] == ends[t.arrow]:
                continue
            overlap = min(s.span[1], t.span[1]) - max(s.span[0], t.span[0])
            if overlap > 0 and abs(s.at - t.at) < GAP:
                found.append(f"arrows {s.arrow} and {t.arrow}: lines closer than {GAP:g} px")
    return found


def _labels(chunk: Chunk) -> list[str]:
    return [
        f"label {arrow.label!r} of arrow {index} {fault}"
        for index, arrow in enumerate(chunk.arrows)
        if arrow.label
        for fault in label_faults(label_box(arrow), chunk.arrows, _shapes(chunk), chunk.width)
    ]


def label_faults(
    box: Box, arrows: Sequence[Arrow], shapes: Sequence[Symbol | Connector], width: float
) -> list[str]:
    """What a label at `box` would touch: the page edge, lines, symbols or connectors."""
    found = []
    if box.x < GAP or box.x + box.w > width - GAP:
        found.append("leaves the Pelaksana columns")
    if any(_crosses(s, box, inset=-GAP) for s in _segments(arrows)):
        found.append("touches a line")
    if any(_touches(box, shape) for shape in shapes):
        found.append("touches a symbol")
    return found


def _touches(box: Box, shape: Symbol | Connector) -> bool:
    """Whether `box` overlaps the drawn outline (a diamond is not its bounding box)."""
    other = shape.box
    if not _overlap(box, other):
        return False
    if not isinstance(shape, Symbol) or shape.shape != "keputusan":
        return True
    # separating axes of a diamond: its two edge normals (the box's own axes passed above)
    hw, hh = other.w / 2 + 1, other.h / 2 + 1
    corners = [(box.x, box.y), (box.x + box.w, box.y), (box.x, box.y + box.h)]
    corners.append((box.x + box.w, box.y + box.h))
    for sign in (1, -1):
        values = [(x - other.cx) * hh + sign * (y - other.cy) * hw for x, y in corners]
        if min(values) >= hw * hh or max(values) <= -hw * hh:
            return False
    return True


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def _mulai(chunk: Chunk) -> list[str]:
    starts = [s.box for s in chunk.symbols if s.shape == "mulai"]
    return [
        f"connector {c.number} stands above Mulai"
        for c in chunk.connectors
        for start in starts
        if c.box.y < start.y
    ]
