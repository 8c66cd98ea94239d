"""Word tables as grids: each cell with its grid column, span, vertical merge, paragraphs
and shapes, so merged header cells and continued tables read like the printed page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sopctl.word.ooxml import paragraph_text, qn
from sopctl.word.shapes import Shape, shapes_in

MAX_CELLS = 200_000  # a generous bound on one document's cells


@dataclass(frozen=True)
class Cell:
    column: int  # first grid column, from 0
    span: int
    merged: bool  # a continuation of the cell above (vMerge without "restart")
    paragraphs: tuple[str, ...]  # non-empty paragraphs, spaces tidied
    shapes: tuple[Shape, ...]
    shaded: bool  # a fill colour other than white

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)

    def covers(self, column: int) -> bool:
        return self.column <= column < self.column + self.span


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    header: bool  # marked to repeat at the top of each page (w:tblHeader)
    widths: tuple[float, ...] = ()  # the table's grid columns (EMU), from w:tblGrid

    def column_at(self, x: float) -> int | None:
        """The grid column `x` EMU from the table's left edge falls in."""
        left = 0.0
        for column, width in enumerate(self.widths):
            if left <= x < left + width:
                return column
            left += width
        return None

    def left_of(self, column: int) -> float:
        return sum(self.widths[:column])

    def at(self, column: int) -> Cell | None:
        return next((cell for cell in self.cells if cell.covers(column)), None)


def tables(document: Any) -> Iterator[list[Row]]:
    """Every top-level table of the body, in order (also inside content controls)."""
    body = document.find(qn("w:body"))
    if body is None:
        return
    count = 0
    for table in _tables_below(body):
        widths = tuple(
            float(col.get(qn("w:w"), "0") or 0) * 635 if _digits(col.get(qn("w:w"))) else 0.0
            for col in table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
        )
        rows = [_row(tr, widths) for tr in table.iter(qn("w:tr")) if _own(tr, table)]
        count += sum(len(row.cells) for row in rows)
        if count > MAX_CELLS:
            return
        yield rows


def _tables_below(element: Any) -> Iterator[Any]:
    for child in element:
        if child.tag == qn("w:tbl"):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _tables_below(child)


def _own(tr: Any, table: Any) -> bool:
    """A row of `table` itself, not of a table nested in one of its cells."""
    parent = tr.getparent()
    while parent is not None and parent.tag != qn("w:tbl"):
        parent = parent.getparent()
    return parent is table


def _digits(text: str | None) -> bool:
    return text is not None and text.isdigit()


def _row(tr: Any, widths: tuple[float, ...]) -> Row:
    props = tr.find(qn("w:trPr"))
    column = _int(props, "w:gridBefore", 0) if props is not None else 0
    header = props is not None and _on(props.find(qn("w:tblHeader")))
    cells: list[Cell] = []
    for tc in tr:
        if tc.tag == qn("w:sdt"):
            tc = tc.find(f"{qn('w:sdtContent')}/{qn('w:tc')}")
        if tc is None or tc.tag != qn("w:tc"):
            continue
        cell = _cell(tc, column)
        cells.append(cell)
        column += cell.span
    return Row(tuple(cells), header, widths)


def _cell(tc: Any, column: int) -> Cell:
    props = tc.find(qn("w:tcPr"))
    span = max(1, _int(props, "w:gridSpan", 1)) if props is not None else 1
    merge = props.find(qn("w:vMerge")) if props is not None else None
    merged = merge is not None and merge.get(qn("w:val"), "continue") != "restart"
    shade = props.find(qn("w:shd")) if props is not None else None
    fill = (shade.get(qn("w:fill")) or "").lower() if shade is not None else ""
    paragraphs = tuple(p for p in (paragraph_text(p) for p in _paragraphs(tc)) if p)
    return Cell(
        column=column,
        span=min(span, 64),
        merged=merged,
        paragraphs=paragraphs,
        shapes=tuple(shapes_in(tc)),
        shaded=fill not in ("", "auto", "ffffff"),
    )


def _paragraphs(tc: Any) -> Iterator[Any]:
    for child in tc:
        if child.tag == qn("w:p"):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _paragraphs(child)


def _int(props: Any, name: str, default: int) -> int:
    found = props.find(qn(name))
    try:
        return int(found.get(qn("w:val"))) if found is not None else default
    except (TypeError, ValueError):
        return default


def _on(element: Any) -> bool:
    return element is not None and element.get(qn("w:val"), "true") not in ("0", "false", "off")
