"""What a Word SOP says, as printed: identity fields by label, the procedure's columns by
their header rows, and each step's row with the shapes anchored in its actor cells.

One document may hold several SOPs (a booklet): an identity table after a procedure starts the
next one. A procedure continued in a second table, or with its header rows repeated, reads as
one procedure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sopctl.word.grid import Cell, Row, tables
from sopctl.word.labels import PAIRED, column_label, split_label, tidy
from sopctl.word.shapes import Shape

_SUB = ("kelengkapan", "waktu", "output")
_MARKS = set("√✓✔vVxX●•*")


@dataclass(frozen=True)
class Columns:
    """Grid columns of the procedure table: roles, and the actors' names and columns."""

    roles: dict[str, int]  # no, kegiatan, kelengkapan, waktu, output, keterangan
    actors: tuple[tuple[str, range], ...]  # (name as printed, grid columns)


@dataclass(frozen=True)
class RawStep:
    number: str
    kegiatan: tuple[str, ...]
    actor: int | None  # index into the actors, None when nothing marks a column
    by_shape: bool  # the actor came from a shape (else from a mark or shading)
    kind: str | None  # terminator, process or decision when a symbol was found
    kelengkapan: tuple[str, ...]
    waktu: str
    output: str
    keterangan: str
    notes: tuple[str, ...]  # texts of labels, connectors and the symbol (alt text too)


@dataclass
class RawSop:
    identity: dict[str, tuple[str, ...]] = field(default_factory=dict)
    kop: tuple[str, ...] = ()  # the logo cell: satker, "Sekretariat", unit
    actors: tuple[str, ...] = ()
    steps: list[RawStep] = field(default_factory=list)
    shapes: int = 0  # step symbols found
    drawn: list[tuple[tuple[int, float], int | None, Shape]] = field(default_factory=list)
    columns: Columns | None = None


def read_sops(document: Any) -> list[RawSop]:
    """The SOPs in a document's tables, in order; an empty list when none is found."""
    found: list[RawSop] = []
    current = RawSop()
    columns: Columns | None = None
    width = 0  # grid columns of the procedure table being read
    for rows in tables(document):
        if columns is not None and rows and not _header_row(rows[0]) and _width(rows) != width:
            columns = None  # another table (a revision history, say), not the procedure's rest
        index = 0
        while index < len(rows):
            row = rows[index]
            if columns is not None or _header_row(row):
                _collect_drawn(current, row)
            if _identity_row(row) and (columns is None or index == 0 or _starts_sop(row)):
                if current.steps:
                    found.append(_place_drawn(current))
                    current, columns = RawSop(), None
                _read_identity(current, rows, index)
            elif _header_row(row):
                columns, used = _read_header(rows, index)
                width = _width(rows)
                if not current.actors:
                    current.actors = tuple(name for name, _ in columns.actors)
                    current.columns = columns
                index += used - 1
            elif columns is not None:
                step = _read_step(row, columns)
                if step is not None:
                    current.steps.append(step)
                    current.shapes += step.by_shape
            index += 1
    if current.steps or current.identity:
        found.append(_place_drawn(current))
    return found


def _collect_drawn(sop: RawSop, row: Row) -> None:
    """Symbols of a group or drawing canvas, wherever it is anchored: each with its grid
    column and its place from the top (rows read so far, then height in the drawing)."""
    for cell in row.cells:
        for shape in cell.shapes:
            if shape.grouped and shape.symbol:
                column = row.column_at(row.left_of(cell.column) + shape.x)
                sop.drawn.append(((len(sop.steps), shape.y), column, shape))


def _place_drawn(sop: RawSop) -> RawSop:
    """Steps drawn as one group or canvas: the n-th symbol from the top is step n's and its
    column names the actor, but only when there is exactly one symbol per step."""
    columns, drawn = sop.columns, sorted(sop.drawn, key=lambda item: item[0])
    if columns is None or len(drawn) != len(sop.steps) or any(s.by_shape for s in sop.steps):
        return sop
    for number, (_, column, shape) in enumerate(drawn):
        spans = [index for index, (_, span) in enumerate(columns.actors) if column in span]
        if spans:
            step = sop.steps[number]
            sop.steps[number] = replace(step, actor=spans[0], by_shape=True, kind=shape.kind)
            sop.shapes += 1
    return sop


def _width(rows: Sequence[Row]) -> int:
    return max((c.column + c.span for row in rows for c in row.cells), default=0)


# -- identity ---------------------------------------------------------------------------


def _identity_row(row: Row) -> bool:
    return any(split_label(c.paragraphs[0])[0] for c in row.cells if c.paragraphs)


def _starts_sop(row: Row) -> bool:
    """A row that opens an identity table (inside a procedure, a step may quote a label)."""
    keys = {split_label(c.paragraphs[0])[0] for c in row.cells if c.paragraphs}
    return bool(keys & {"nomor", "nama"})


def _read_identity(sop: RawSop, rows: Sequence[Row], index: int) -> None:
    row = rows[index]
    for position, cell in enumerate(row.cells):
        if not cell.paragraphs:
            continue
        key, value = split_label(cell.paragraphs[0])
        if key is None:
            if position == 0 and not cell.merged and not sop.kop:
                sop.kop = cell.paragraphs
            continue
        if key in sop.identity:
            continue
        if key in PAIRED:
            items: tuple[str, ...] = (value,) if value else ()
            items += cell.paragraphs[1:]
            if not items:
                below = rows[index + 1].at(cell.column) if index + 1 < len(rows) else None
                items = below.paragraphs if below and not _identity_row(rows[index + 1]) else ()
            sop.identity[key] = items
        else:
            sop.identity[key] = ((value,) if value else ()) + (
                cell.paragraphs[1:] or _value_right(row, position)
            )


def _value_right(row: Row, position: int) -> tuple[str, ...]:
    """The paragraphs of the first cell right of a label that is not just a colon."""
    for cell in row.cells[position + 1 :]:
        text = cell.text.strip()
        if text == ":":
            continue
        if split_label(cell.paragraphs[0])[0] if cell.paragraphs else False:
            return ()
        return tuple(p.lstrip(": ").strip() for p in cell.paragraphs if p.strip(": "))
    return ()


# -- procedure header -------------------------------------------------------------------


def _header_row(row: Row) -> bool:
    labels = {column_label(c.text) for c in row.cells}
    return "kegiatan" in labels and bool(labels & {"pelaksana", "mutu", *_SUB})


def _read_header(rows: Sequence[Row], index: int) -> tuple[Columns, int]:
    """Columns from the header row at `index` and the sub-header row under it, if any."""
    top = rows[index]
    below = rows[index + 1] if index + 1 < len(rows) else None
    sub = below is not None and any(column_label(c.text) in _SUB for c in below.cells)
    roles: dict[str, int] = {}
    actors: list[tuple[str, range]] = []
    for cell in top.cells:
        role = column_label(cell.text)
        if role == "pelaksana" and sub and below is not None:
            actors += _actors_under(cell, below)
        elif role == "pelaksana":
            actors.append(("", range(cell.column, cell.column + cell.span)))
        elif role == "mutu" and sub and below is not None:
            for part in below.cells:
                part_role = column_label(part.text)
                if part_role in _SUB and cell.covers(part.column):
                    roles.setdefault(part_role, part.column)
        elif role is not None and role not in ("mutu", "pelaksana"):
            roles.setdefault(role, cell.column)
        elif role is None and cell.text and "kegiatan" in roles and "kelengkapan" not in roles:
            actors.append((cell.text, range(cell.column, cell.column + cell.span)))
    used = 2 if sub else 1
    if index + used < len(rows) and _numbering_row(rows[index + used]):
        used += 1
    return Columns(roles, tuple(actors)), used


def _actors_under(cell: Cell, below: Row) -> list[tuple[str, range]]:
    return [
        (part.text, range(part.column, part.column + part.span))
        for part in below.cells
        if cell.covers(part.column) and not part.merged
    ]


def _numbering_row(row: Row) -> bool:
    """The row of column numbers (1, 2, 3, ...) some offices print under the header."""
    texts = [c.text for c in row.cells if c.text]
    return len(texts) >= 4 and all(t.strip("()").isdigit() for t in texts)


# -- steps ------------------------------------------------------------------------------


def _read_step(row: Row, columns: Columns) -> RawStep | None:
    def paragraphs(role: str) -> tuple[str, ...]:
        column = columns.roles.get(role)
        cell = row.at(column) if column is not None else None
        return cell.paragraphs if cell is not None and not cell.merged else ()

    kegiatan = paragraphs("kegiatan")
    number = " ".join(paragraphs("no"))
    if not kegiatan or tidy(" ".join(kegiatan)).startswith(("jumlah", "total")):
        return None
    shapes = [s for cell in row.cells for s in cell.shapes if not s.grouped]
    actor, symbol = _actor(row, columns)
    notes = [t for s in shapes if not s.symbol for t in (s.text, s.descr) if t]
    if symbol is not None:
        notes += [t for t in (symbol.descr, symbol.text) if t]
    return RawStep(
        number=number,
        kegiatan=kegiatan,
        actor=actor,
        by_shape=symbol is not None,
        kind=symbol.kind if symbol is not None else None,
        kelengkapan=paragraphs("kelengkapan"),
        waktu=" ".join(paragraphs("waktu")),
        output=" ".join(paragraphs("output")),
        keterangan=" ".join(paragraphs("keterangan")),
        notes=tuple(notes),
    )


def _actor(row: Row, columns: Columns) -> tuple[int | None, Shape | None]:
    """The actor whose cell holds the step's symbol; else the one cell marked or shaded."""
    cells = [[c for c in row.cells if c.column in span] for _, span in columns.actors]
    for index, group in enumerate(cells):
        symbol = next((s for c in group for s in c.shapes if s.symbol and not s.grouped), None)
        if symbol is not None:
            return index, symbol
    marked = [i for i, group in enumerate(cells) if any(_marked(c) for c in group)]
    return (marked[0] if len(marked) == 1 else None), None


def _marked(cell: Cell) -> bool:
    text = cell.text.replace(" ", "")
    return cell.shaded or (bool(text) and len(text) <= 2 and set(text) <= _MARKS)
