"""Geometry of the procedure table: column widths, row heights, pages and the flowchart.

Everything here is plain arithmetic on CSS pixels (1/96 inch, the unit both the browser and
WeasyPrint use), so the drawing is exact and testable: every row gets a fixed height, each
page-chunk of rows gets one drawing whose y axis starts at the chunk's first row, and the x axis
starts at the left edge of the first actor column.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from sopctl.render.chart.routing import Point, Router, symbol_width
from sopctl.sop.flow import Exit

FONT_PX = 11.0
LINE_PX = 14.5  # line-height of table text (1.32)
CHAR_EM = 0.55  # a safe average glyph width of Liberation Sans / Arial (em)
CELL_PAD = 4.0  # padding left/right and top/bottom of a text cell
ROW_MIN = 66.0  # the tallest symbol (a decision, 40 px) with room for arrows above and below
BAND_H = 46.0  # the row holding off-page connectors at the foot or head of a page
SYMBOL_H = {"mulai": 26.0, "selesai": 26.0, "proses": 30.0, "keputusan": 40.0}
CONNECTOR = 20.0
MM = 96 / 25.4


@dataclass(frozen=True)
class Columns:
    """Widths (px) of the procedure table's columns; `actor` is one actor column."""

    no: float
    kegiatan: float
    actor: float
    actors: int
    kelengkapan: float
    waktu: float
    output: float
    keterangan: float


def columns(page_width: float, actors: int) -> Columns:
    """Share the printable width: actors get ~40 % (60-110 px each), the text columns the rest."""
    actor = min(110.0, max(60.0, page_width * 0.40 / max(actors, 1)))
    no, waktu = 30.0, 62.0
    rest = page_width - no - waktu - actor * actors
    return Columns(
        no=no,
        kegiatan=round(rest * 0.36, 1),
        actor=actor,
        actors=actors,
        kelengkapan=round(rest * 0.24, 1),
        waktu=waktu,
        output=round(rest * 0.22, 1),
        keterangan=round(rest * 0.18, 1) - 1,  # 1 px slack for rounding and borders
    )


def text_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a cell `width` px wide (estimated on the safe side)."""
    chars = max(4, int((width - 2 * CELL_PAD) / (FONT_PX * CHAR_EM)))
    return max(1, len(textwrap.wrap(text, chars, break_long_words=True)))


def cell_height(paragraphs: Sequence[str], width: float) -> float:
    """Height of a text cell holding `paragraphs` one under another."""
    lines = sum(text_lines(p, width) for p in paragraphs) if paragraphs else 1
    return lines * LINE_PX + 2 * CELL_PAD + 2


def row_height(cells: Sequence[tuple[Sequence[str], float]]) -> float:
    """A row's fixed height: its tallest text cell, and never less than a decision needs."""
    return math.ceil(max([ROW_MIN, *(cell_height(p, w) for p, w in cells)]))


@dataclass(frozen=True)
class Paper:
    """The printable area (px) of one page, and the CSS @page size."""

    width: float
    height: float
    css_size: str


_SIZES_MM = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
MARGIN_MM = {"top": 14.0, "bottom": 14.0, "side": 12.0}


def paper(kertas: str, orientasi: str) -> Paper:
    """A4 or F4 (215x330 mm), portrait or landscape, less the page margins."""
    short, long = _SIZES_MM[kertas]
    width, height = (long, short) if orientasi == "landscape" else (short, long)
    return Paper(
        width=(width - 2 * MARGIN_MM["side"]) * MM,
        height=(height - MARGIN_MM["top"] - MARGIN_MM["bottom"]) * MM,
        css_size=f"{width:g}mm {height:g}mm",
    )


def split_pages(heights: Sequence[float], capacity: float, tail: float = 0.0) -> list[range]:
    """Group rows (numbered from 1) into pages of at most `capacity` px; a row is never split.

    `tail` is the total-time row that closes the last page; a procedure that needs more than one
    page reserves a connector band at the head and the foot of every page.
    """
    count = len(heights)
    if sum(heights) + tail <= capacity:
        return [range(1, count + 1)]
    room = capacity - 2 * BAND_H
    pages: list[range] = []
    first, used = 1, 0.0
    for number, height in enumerate(heights, start=1):
        extra = tail if number == count else 0.0
        if number > first and used + height + extra > room:
            pages.append(range(first, number))
            first, used = number, 0.0
        used += height
    pages.append(range(first, count + 1))
    return pages


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True)
class Row:
    """One row of a page's drawing: a step, or the connector band at the head or foot."""

    kind: str  # "langkah", "masuk" (head band) or "keluar" (foot band)
    step: int  # 0 for a band
    top: float
    height: float


@dataclass(frozen=True)
class Symbol:
    step: int
    shape: str  # mulai, proses, keputusan, selesai
    column: int
    box: Box


@dataclass(frozen=True)
class Connector:
    """An off-page connector (pentagon); the pair on two pages shares its number."""

    number: int
    box: Box
    incoming: bool


@dataclass(frozen=True)
class Arrow:
    points: tuple[Point, ...]
    label: str = ""
    label_at: Point = (0.0, 0.0)
    label_anchor: str = "start"


@dataclass(frozen=True)
class Chunk:
    """The part of the procedure printed on one page."""

    rows: tuple[Row, ...]
    symbols: tuple[Symbol, ...]
    connectors: tuple[Connector, ...]
    arrows: tuple[Arrow, ...]
    width: float
    height: float
    last: bool

    @property
    def steps(self) -> list[int]:
        return [row.step for row in self.rows if row.step]


@dataclass(frozen=True)
class Flow:
    """What the drawing needs of an SOP: per step its actor column, symbol and row height."""

    columns: tuple[int, ...]
    shapes: tuple[str, ...]
    heights: tuple[float, ...]
    edges: tuple[Exit, ...]
    actors: int


def plan(flow: Flow, actor_width: float, capacity: float, tail: float = 0.0) -> list[Chunk]:
    """Split the procedure into pages and lay out each page's symbols, connectors and arrows."""
    pages = split_pages(flow.heights, capacity, tail)
    page_of = {step: index for index, page in enumerate(pages) for step in page}
    crossing = [e for e in flow.edges if page_of[e.source] != page_of[e.target]]
    numbers = {edge: number for number, edge in enumerate(crossing, start=1)}
    return [
        _chunk(flow, actor_width, page, numbers, page_of, index == len(pages) - 1)
        for index, page in enumerate(pages)
    ]


def _chunk(
    flow: Flow,
    width: float,
    page: range,
    numbers: dict[Exit, int],
    page_of: dict[int, int],
    last: bool,
) -> Chunk:
    here = page_of[page[0]]
    incoming = [e for e in numbers if page_of[e.target] == here]
    outgoing = [e for e in numbers if page_of[e.source] == here]
    rows = _rows(flow, page, bool(incoming), bool(outgoing))
    symbols = {r.step: _symbol(flow, r, width) for r in rows if r.kind == "langkah"}
    router = Router(
        width,
        flow.actors,
        {n: (s.column, _corners(s.box)) for n, s in symbols.items()},
        {r.step: r.top for r in rows if r.kind == "langkah"},
    )
    head = next((r for r in rows if r.kind == "masuk"), None)
    foot = next((r for r in rows if r.kind == "keluar"), None)
    ins = _place(incoming, [flow.columns[e.target - 1] for e in incoming], head, width, numbers)
    outs = _place(outgoing, [flow.columns[e.source - 1] for e in outgoing], foot, width, numbers)
    arrows = _arrows(flow, page, router, ins, outs, head, foot)
    return Chunk(
        rows=tuple(rows),
        symbols=tuple(symbols.values()),
        connectors=tuple(c for c in [*ins.values(), *outs.values()]),
        arrows=tuple(arrows),
        width=width * flow.actors,
        height=rows[-1].top + rows[-1].height,
        last=last,
    )


def _rows(flow: Flow, page: range, head: bool, foot: bool) -> list[Row]:
    rows: list[Row] = []
    top = 0.0
    kinds = [("masuk", 0)] * head + [("langkah", n) for n in page] + [("keluar", 0)] * foot
    for kind, step in kinds:
        height = flow.heights[step - 1] if step else BAND_H
        rows.append(Row(kind, step, top, height))
        top += height
    return rows


def _symbol(flow: Flow, row: Row, width: float) -> Symbol:
    shape = flow.shapes[row.step - 1]
    column = flow.columns[row.step - 1]
    w = symbol_width(width)
    h = SYMBOL_H.get(shape, 30.0)
    x = column * width + (width - w) / 2
    return Symbol(row.step, shape, column, Box(x, row.top + (row.height - h) / 2, w, h))


def _corners(box: Box) -> tuple[float, float, float, float]:
    return (box.x, box.y, box.x + box.w, box.y + box.h)


def _place(
    edges: list[Exit], cols: list[int], band: Row | None, width: float, numbers: dict[Exit, int]
) -> dict[Exit, Connector]:
    """Connectors of a band, spread evenly inside their column."""
    placed: dict[Exit, Connector] = {}
    if band is None:
        return placed
    incoming = band.kind == "masuk"
    top = band.top + (4.0 if incoming else band.height - CONNECTOR - 4.0)
    for edge, col in zip(edges, cols, strict=True):
        same = [e for e, c in zip(edges, cols, strict=True) if c == col]
        slot = same.index(edge)
        cx = col * width + width * (slot + 1) / (len(same) + 1)
        box = Box(cx - CONNECTOR / 2, top, CONNECTOR, CONNECTOR)
        placed[edge] = Connector(numbers[edge], box, incoming)
    return placed


def _arrows(
    flow: Flow,
    page: range,
    router: Router,
    ins: dict[Exit, Connector],
    outs: dict[Exit, Connector],
    head: Row | None,
    foot: Row | None,
) -> list[Arrow]:
    inner = [
        e for e in flow.edges if e.source in page and e.target in page and e.source != e.target
    ]
    short = [e for e in inner if e.target == e.source + 1]
    arrows = [Arrow(*router.adjacent(e.source, e.target, e.label)) for e in short]
    for index, (edge, conn) in enumerate(outs.items()):
        assert foot is not None
        track = foot.top + 6.0 + 5.0 * min(index, 2)
        arrows.append(Arrow(*router.to_connector(edge, _corners(conn.box), track)))
    for index, (edge, conn) in enumerate(ins.items()):
        assert head is not None
        track = head.top + 30.0 + 5.0 * min(index, 2)
        first = edge.target == page[0]
        arrows.append(Arrow(*router.from_connector(edge, _corners(conn.box), track, first)))
    arrows += [Arrow(*router.long(e)) for e in inner if e not in short]
    return arrows
