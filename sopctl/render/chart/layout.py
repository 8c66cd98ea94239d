"""Geometry of the procedure table: column widths, row heights, pages and the flowchart.

Everything here is plain arithmetic on CSS pixels (1/96 inch, the unit both the browser and
WeasyPrint use), so the drawing is exact and testable: every row gets a fixed height (its text
measured with the bundled font, so the same on every machine), each
page-chunk of rows gets one drawing whose y axis starts at the chunk's first row, and the x axis
starts at the left edge of the first actor column.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sopctl.render.chart.check import GAP
from sopctl.render.chart.labels import Labels, place
from sopctl.render.chart.routing import Router, symbol_width
from sopctl.render.chart.shapes import Arrow, Box, Chunk, Connector, Row, Symbol

__all__ = ["Arrow", "Box", "Chunk", "Connector", "Row", "Symbol"]  # drawn parts, re-exported
from sopctl.render.measure import wrap
from sopctl.sop.flow import Exit

FONT_PX = 11.0
LINE_PX = 14.52  # line-height of table text (1.32)
CELL_PAD = 4.0  # padding left/right and top/bottom of a text cell
LIST_INDENT = 10.0  # padding-left of a list in a cell
BAND_H = 40.0  # the row holding off-page connectors at the foot or head of a page
SYMBOL_H = {"mulai": 26.0, "selesai": 26.0, "proses": 30.0, "keputusan": 36.0}
# Free room above and below a symbol: the incoming arrow turns halfway in it, and a decision's
# "Ya"/"Tidak" label sits under its lower vertex.
SYMBOL_GAP = {"mulai": 11.0, "selesai": 11.0, "proses": 11.0, "keputusan": 13.0}
ROW_MIN = max(h + 2 * SYMBOL_GAP[s] for s, h in SYMBOL_H.items())  # the tallest symbol's row
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


def text_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines `text` takes in a cell `width` px wide (its padding included)."""
    return len(wrap(text, width - 2 * CELL_PAD, FONT_PX, bold))


def cell_height(paragraphs: Sequence[str], width: float, indent: float = 0.0) -> float:
    """Height of a text cell holding `paragraphs` one under another (`indent`: list items)."""
    lines = sum(text_lines(p, width - indent) for p in paragraphs) if paragraphs else 1
    return lines * LINE_PX + 2 * CELL_PAD + 2


def row_height(cells: Sequence[tuple[Sequence[str], float]], shape: str = "keputusan") -> float:
    """A row's fixed height: its tallest text cell, and never less than its symbol needs."""
    symbol = SYMBOL_H.get(shape, 30.0) + 2 * SYMBOL_GAP.get(shape, 11.0)
    return math.ceil(max([symbol, *(cell_height(p, w) for p, w in cells)]))


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

    `tail` is the total-time row that closes the last page. A page takes as many rows as fit:
    every page but the first keeps a connector band at its head, every page but the last one
    at its foot.
    """
    count = len(heights)
    pages: list[range] = []
    first = 1
    while first <= count:
        head = BAND_H if pages else 0.0
        if sum(heights[first - 1 :]) + tail + head <= capacity:
            pages.append(range(first, count + 1))
            break
        room = capacity - head - BAND_H
        end, used = first, 0.0
        while end <= count and (end == first or used + heights[end - 1] <= room):
            used += heights[end - 1]
            end += 1
        if end > count and end - 1 > first:  # all rows fit but not the total: one moves on
            end -= 1
        pages.append(range(first, end))
        first = end
    return pages


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
    if _loops_back_from_last(flow, pages):  # its foot band holds connectors too
        pages = split_pages(flow.heights, capacity, tail + BAND_H)
    page_of = {step: index for index, page in enumerate(pages) for step in page}
    crossing = [e for e in flow.edges if page_of[e.source] != page_of[e.target]]
    numbers = {edge: number for number, edge in enumerate(crossing, start=1)}
    return [
        _chunk(flow, actor_width, page, numbers, page_of, index == len(pages) - 1)
        for index, page in enumerate(pages)
    ]


def _loops_back_from_last(flow: Flow, pages: Sequence[range]) -> bool:
    """Whether a step on the last of several pages leads back to an earlier page."""
    return len(pages) > 1 and any(
        e.source in pages[-1] and e.target not in pages[-1] for e in flow.edges
    )


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
    # nothing is drawn above Mulai: on its page, connectors coming in stand in the foot band
    below = any(flow.shapes[n - 1] == "mulai" for n in page)
    rows = _rows(flow, page, bool(incoming) and not below, bool(outgoing or (below and incoming)))
    symbols = {r.step: _symbol(flow, r, width) for r in rows if r.kind == "langkah"}
    head = next((r for r in rows if r.kind == "masuk"), None)
    foot = next((r for r in rows if r.kind == "keluar"), None)
    cols = {e: flow.columns[(e.target if e in incoming else e.source) - 1] for e in numbers}
    up = incoming if below else []
    into_first = next((e for e in incoming if e.target == page[0]), None)
    out_of_last = next((e for e in outgoing if e.source == page[-1] == e.target - 1), None)
    ins = _place(incoming if not below else [], cols, head, width, numbers, set(), into_first)
    outs = _place([*outgoing, *up], cols, foot, width, numbers, set(up), out_of_last)
    shapes: list[Symbol | Connector] = [*symbols.values(), *ins.values(), *outs.values()]
    router = Router(
        width,
        flow.actors,
        {n: (s.column, _corners(s.box)) for n, s in symbols.items()},
        {r.step: r.top for r in rows if r.kind == "langkah"},
        Labels(width * flow.actors, shapes),
    )
    arrows = _arrows(flow, page, router, ins, outs, head, foot)
    return Chunk(
        rows=tuple(rows),
        symbols=tuple(symbols.values()),
        connectors=tuple(c for c in [*ins.values(), *outs.values()]),
        arrows=tuple(place(arrows, shapes, width * flow.actors)),
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
    edges: list[Exit],
    cols: dict[Exit, int],
    band: Row | None,
    width: float,
    numbers: dict[Exit, int],
    incoming: set[Exit],
    straight: Exit | None,
) -> dict[Exit, Connector]:
    """Connectors of a band, spread evenly inside their column; `incoming` marks the ones that
    arrive in a foot band (on the page of Mulai); `straight` runs vertically to its step."""
    placed: dict[Exit, Connector] = {}
    if band is None:
        return placed
    at_head = band.kind == "masuk"
    top = band.top + (4.0 if at_head else band.height - CONNECTOR - 4.0)
    for edge in edges:
        same = [e for e in edges if cols[e] == cols[edge]]
        if straight in same:  # the arrow that runs straight down takes the middle slot
            same.remove(straight)
            same.insert(len(same) // 2, straight)
        slot = same.index(edge)
        cx = cols[edge] * width + width * (slot + 1) / (len(same) + 1)
        box = Box(cx - CONNECTOR / 2, top, CONNECTOR, CONNECTOR)
        placed[edge] = Connector(numbers[edge], box, at_head or edge in incoming)
    return placed


def band_tracks(band: Row, count: int) -> list[float]:
    """The y of the horizontal runs in a band, between the connectors and the row's border:
    4 px apart, or GAP apart and one px nearer the connectors when more than three runs need
    them; never more than fit (the router lets runs that keep apart share a track)."""
    many = count > 3
    if band.kind == "masuk":
        first = band.top + 4.0 + CONNECTOR + 4.0 - many
        last = band.top + band.height - 4.0
    else:
        first = band.top + 4.0
        last = band.top + band.height - CONNECTOR - 4.0 - 4.0 + many
    count = min(count, int((last - first) // (GAP if many else 4.0)) + 1)
    if count <= 1:
        return [first]
    step = (last - first) / (count - 1)
    return [first + step * i for i in range(count)]


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
    heads: list[Arrow] = []  # routed first: their ends are fixed and they carry no label,
    if head is not None:  # so the labelled arrows below find their label spots beside them
        tracks = band_tracks(head, len(ins))
        for edge, conn in ins.items():
            first = edge.target == page[0]
            heads.append(Arrow(*router.from_connector(edge, _corners(conn.box), tracks, first)))
    if foot is not None:
        tracks = band_tracks(foot, len(outs))
        drawn: dict[Exit, Arrow] = {}
        for edge in sorted(outs, key=lambda e: not _labelled_straight(e, outs[e])):
            corners = _corners(outs[edge].box)
            if outs[edge].incoming:
                drawn[edge] = Arrow(*router.from_connector_below(edge, corners, tracks))
            else:
                drawn[edge] = Arrow(*router.to_connector(edge, corners, tracks))
        arrows += [drawn[edge] for edge in outs]  # in the connectors' order
    arrows += heads
    jumps = sorted((e for e in inner if e not in short), key=lambda e: abs(e.target - e.source))
    arrows += [Arrow(*router.long(e)) for e in jumps]  # short ones first: they nest inside
    return arrows


def _labelled_straight(edge: Exit, conn: Connector) -> bool:
    """A decision's labelled exit that runs straight down into its connector: routed first,
    so its label takes the spot under the decision before other lines cross the band."""
    return bool(edge.label) and not conn.incoming and edge.target == edge.source + 1
