"""The procedure table of one printed page: header rows repeated on every page, one row per
step, and the flowchart as Word shapes anchored in the actor cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sopctl.render.chart.layout import Chunk, Row
from sopctl.render.document import PageRow, SopDocument
from sopctl.sop.flow import exits
from sopctl.word.cells import (
    add_anchor,
    add_lines,
    new_table,
    no_padding,
    repeat_header,
    set_height,
)
from sopctl.word.drawing import Shapes


def procedure_page(
    document: Any,
    shapes: Shapes,
    doc: SopDocument,
    rows: Sequence[PageRow],
    chunk: Chunk,
    last: bool,
) -> None:
    c = doc.columns
    actors = doc.sop.pelaksana
    n = len(actors)
    widths = [c.no, c.kegiatan, *[c.actor] * n, c.kelengkapan, c.waktu, c.output, c.keterangan]
    table = new_table(document, 2 + len(rows) + (1 if last else 0), widths)
    _header(table, [a.nama for a in actors])
    for index, row in enumerate(rows):
        _step_row(table.rows[2 + index], row, n)
    if last:
        total = table.rows[-1]
        label = total.cells[0].merge(total.cells[2 + n])
        add_lines(label, [("Jumlah Waktu", True)], center=True)
        add_lines(total.cells[3 + n].merge(total.cells[5 + n]), [(doc.total, True)])
    _draw(shapes, table, doc, chunk)


def _header(table: Any, names: Sequence[str]) -> None:
    n = len(names)
    top, sub = table.rows[0], table.rows[1]
    spans = [
        (table.cell(0, 0).merge(table.cell(1, 0)), "No"),
        (table.cell(0, 1).merge(table.cell(1, 1)), "Kegiatan"),
        (table.cell(0, 2).merge(table.cell(0, 1 + n)), "Pelaksana"),
        (table.cell(0, 2 + n).merge(table.cell(0, 4 + n)), "Mutu Baku"),
        (table.cell(0, 5 + n).merge(table.cell(1, 5 + n)), "Keterangan"),
    ]
    for cell, text in spans:
        add_lines(cell, [(text, True)], center=True)
    for column, name in enumerate([*names, "Kelengkapan", "Waktu", "Output"]):
        add_lines(sub.cells[2 + column], [(name, True)], center=True)
    for row in (top, sub):
        repeat_header(row)


def _step_row(row: Any, page_row: PageRow, n: int) -> None:
    set_height(row, page_row.height)
    step = page_row.step
    if step is None:
        return
    cells = row.cells
    add_lines(cells[0], [(f"{step.number}", False)], center=True)
    add_lines(cells[1], [(step.kegiatan, False)])
    kelengkapan = (
        [f"• {item}" for item in step.kelengkapan]
        if len(step.kelengkapan) > 1
        else list(step.kelengkapan)
    )
    add_lines(cells[2 + n], [(item, False) for item in kelengkapan])
    add_lines(cells[3 + n], [(step.waktu, False)])
    add_lines(cells[4 + n], [(step.output, False)])
    add_lines(cells[5 + n], [(step.keterangan, False)])
    for column in range(n):
        no_padding(cells[2 + column])


def _draw(shapes: Shapes, table: Any, doc: SopDocument, chunk: Chunk) -> None:
    """Each symbol in its step's actor cell; arrows, labels and connectors in the cell where
    they start, placed relative to that cell's top-left corner."""
    actor_w = doc.columns.actor
    n = len(doc.sop.pelaksana)
    names = {a.id: a.nama for a in doc.sop.pelaksana}
    steps = doc.sop.langkah

    def cell_at(x: float, y: float) -> tuple[Any, tuple[float, float]]:
        index, row = _row_at(chunk.rows, y)
        column = min(max(int(x // actor_w), 0), n - 1)
        return table.rows[2 + index].cells[2 + column], (column * actor_w, row.top)

    for symbol in chunk.symbols:
        box = symbol.box
        cell, origin = cell_at(box.cx, box.cy)
        actor = names[doc.steps[symbol.step - 1].actor]
        local = type(box)(box.x - origin[0], box.y - origin[1], box.w, box.h)
        descr = _describe(steps, symbol.step, symbol.shape, actor)
        add_anchor(cell, shapes.symbol(symbol.shape, local, f"Langkah {symbol.step}", descr))
    for arrow in chunk.arrows:
        cell, origin = cell_at(*arrow.points[0])
        add_anchor(cell, shapes.arrow(arrow.points, origin))
        if arrow.label:
            label_cell, label_origin = cell_at(*arrow.label_at)
            x, y = arrow.label_at
            run = shapes.label(
                arrow.label, x - label_origin[0], y - label_origin[1], arrow.label_anchor
            )
            add_anchor(label_cell, run)
    for connector in chunk.connectors:
        box = connector.box
        cell, origin = cell_at(box.cx, box.cy)
        local = type(box)(box.x - origin[0], box.y - origin[1], box.w, box.h)
        add_anchor(cell, shapes.connector(connector.number, local, connector.incoming))


def _describe(steps: Sequence[Any], number: int, shape: str, actor: str) -> str:
    """Alt text: the symbol, its actor and where it leads (`Ya ke langkah 6, ...`)."""
    words = {"mulai": "mulai", "selesai": "selesai", "proses": "proses", "keputusan": "keputusan"}
    text = f"Langkah {number}: {words[shape]} oleh {actor}"
    found = exits(steps, number)
    if shape == "keputusan":
        text += "; " + ", ".join(f"{e.label} ke langkah {e.target}" for e in found)
    elif found and found[0].target != number + 1:
        text += f"; lanjut ke langkah {found[0].target}"
    return text


def _row_at(rows: Sequence[Row], y: float) -> tuple[int, Row]:
    for index in range(len(rows) - 1, -1, -1):
        if rows[index].top <= y:
            return index, rows[index]
    return 0, rows[0]
