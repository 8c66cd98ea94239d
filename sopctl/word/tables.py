"""The Word tables of one SOP: the identity block and, per printed page, the procedure table
with its header rows repeated and the flowchart shapes anchored in the actor cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sopctl.render.chart.layout import Chunk, Row
from sopctl.render.document import PageRow, SopDocument
from sopctl.sop.flow import exits
from sopctl.word.drawing import Shapes

TWIPS_PER_PX = 15
TEXT_PT = 8.0  # the PDF's 11 px, rounded down to what Word sizes in half points
LINE_PT = 10.9  # the PDF's 14.5 px line
PAD_PX = 4  # the PDF's cell padding
_SIDES = ("top", "left", "bottom", "right")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def page_break(document: Any) -> None:
    """A page break in a paragraph one point high, so the next table starts at the top."""
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    _tight(paragraph, Pt(1))
    run = paragraph.add_run()
    run.font.size = Pt(1)
    run.add_break(WD_BREAK.PAGE)


def status_banner(document: Any, doc: SopDocument) -> None:
    if doc.sop.status == "ditetapkan":
        return
    text = "DRAF — BELUM DITETAPKAN" if doc.sop.status == "draf" else "DICABUT — TIDAK BERLAKU"
    paragraph = document.add_paragraph()
    _text(paragraph, text, bold=True, size=10)


def page_furniture(section: Any, heading: str) -> None:
    """`heading` (the SOP number) at the top right and `Halaman X dari Y` at the foot, unless
    the template's own header and footer already say something."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    header, footer = section.header, section.footer
    if not any(p.text.strip() for p in header.paragraphs):
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _text(paragraph, heading, size=7)
    if not any(p.text.strip() for p in footer.paragraphs):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _text(paragraph, "Halaman ", size=7)
        _field(paragraph, "PAGE")
        _text(paragraph, " dari ", size=7)
        _field(paragraph, "NUMPAGES")


# -- identity ---------------------------------------------------------------------------


def identity(document: Any, doc: SopDocument) -> None:
    sop = doc.sop
    width = doc.table_width
    table = _table(document, 9, [width * 0.50, width * 0.16, width * 0.34])
    kop = table.cell(0, 0).merge(table.cell(5, 0))
    _kop(kop, doc)
    signer = sop.disahkan_oleh
    signed = (
        [
            (signer.jabatan, True),
            ("(tanda tangan dan cap)", False),
            ("", False),
            (signer.nama, True),
            (f"NIP. {signer.nip}", False),
        ]
        if signer
        else [("belum disahkan", False)]
    )
    rows: list[tuple[str, list[tuple[str, bool]]]] = [
        ("Nomor SOP", [(doc.nomor, False)]),
        ("Tanggal Pembuatan", [(doc.dates["pembuatan"], False)]),
        ("Tanggal Revisi", [(doc.dates["revisi"], False)]),
        ("Tanggal Efektif", [(doc.dates["efektif"], False)]),
        ("Disahkan oleh", signed),
        ("Nama SOP", [(sop.nama, True)]),
    ]
    for index, (label, lines) in enumerate(rows):
        _lines(table.cell(index, 1), [(label, True)], size=9)
        _lines(table.cell(index, 2), lines, size=9, caps=label == "Nama SOP")
    pairs = [
        ("Dasar Hukum", sop.dasar_hukum, "Kualifikasi Pelaksana", sop.kualifikasi_pelaksana),
        ("Keterkaitan", doc.keterkaitan, "Peralatan/Perlengkapan", sop.peralatan),
        ("Peringatan", sop.peringatan, "Pencatatan dan Pendataan", sop.pencatatan),
    ]
    for offset, (left, left_items, right, right_items) in enumerate(pairs):
        row = 6 + offset
        _pair(table.cell(row, 0), left, left_items)
        _pair(table.cell(row, 1).merge(table.cell(row, 2)), right, right_items)


def _kop(cell: Any, doc: SopDocument) -> None:
    from docx.enum.table import WD_ALIGN_VERTICAL

    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    lines = [(doc.satker, True), ("Sekretariat", True), (doc.unit, True)]
    _lines(cell, lines, size=10, caps=True, center=True)


def _pair(cell: Any, label: str, items: Sequence[str]) -> None:
    values = list(items)
    numbered = [f"{n}. {item}" for n, item in enumerate(values, 1)] if len(values) > 1 else values
    _lines(cell, [(f"{label}:", True), *((item, False) for item in numbered or ["-"])], size=9)


# -- procedure --------------------------------------------------------------------------


def procedure(
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
    table = _table(document, 2 + len(rows) + (1 if last else 0), widths)
    _header(table, [a.nama for a in actors])
    for index, row in enumerate(rows):
        _step_row(table.rows[2 + index], row, n)
    if last:
        total = table.rows[-1]
        label = total.cells[0].merge(total.cells[2 + n])
        _lines(label, [("Jumlah Waktu", True)], center=True)
        _lines(total.cells[3 + n], [(doc.total, True)])
        total.cells[4 + n].merge(total.cells[5 + n])
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
        _lines(cell, [(text, True)], center=True)
    for column, name in enumerate([*names, "Kelengkapan", "Waktu", "Output"]):
        _lines(sub.cells[2 + column], [(name, True)], center=True)
    for row in (top, sub):
        _repeat(row)


def _step_row(row: Any, page_row: PageRow, n: int) -> None:
    _height(row, page_row.height)
    step = page_row.step
    if step is None:
        return
    cells = row.cells
    _lines(cells[0], [(f"{step.number}", False)], center=True)
    _lines(cells[1], [(step.kegiatan, False)])
    kelengkapan = (
        [f"• {item}" for item in step.kelengkapan]
        if len(step.kelengkapan) > 1
        else list(step.kelengkapan)
    )
    _lines(cells[2 + n], [(item, False) for item in kelengkapan])
    _lines(cells[3 + n], [(step.waktu, False)])
    _lines(cells[4 + n], [(step.output, False)])
    _lines(cells[5 + n], [(step.keterangan, False)])
    for column in range(n):
        _no_padding(cells[2 + column])


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
        _anchor(cell, shapes.symbol(symbol.shape, local, f"Langkah {symbol.step}", descr))
    for arrow in chunk.arrows:
        cell, origin = cell_at(*arrow.points[0])
        _anchor(cell, shapes.arrow(arrow.points, origin))
        if arrow.label:
            label_cell, label_origin = cell_at(*arrow.label_at)
            x, y = arrow.label_at
            run = shapes.label(
                arrow.label, x - label_origin[0], y - label_origin[1], arrow.label_anchor
            )
            _anchor(label_cell, run)
    for connector in chunk.connectors:
        box = connector.box
        cell, origin = cell_at(box.cx, box.cy)
        local = type(box)(box.x - origin[0], box.y - origin[1], box.w, box.h)
        _anchor(cell, shapes.connector(connector.number, local, connector.incoming))


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


# -- Word table helpers -----------------------------------------------------------------


def _table(document: Any, count: int, widths_px: Sequence[float]) -> Any:
    from docx.oxml import parse_xml
    from docx.shared import Twips

    table = document.add_table(rows=count, cols=len(widths_px))
    props = table._tbl.tblPr
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    pad = PAD_PX * TWIPS_PER_PX
    look = props.find(_W + "tblLook")
    place = look.addprevious if look is not None else props.append
    place(parse_xml(f"<w:tblBorders {w}>{borders}</w:tblBorders>"))
    place(parse_xml(f'<w:tblLayout {w} w:type="fixed"/>'))
    place(
        parse_xml(
            f"<w:tblCellMar {w}>"
            + "".join(f'<w:{side} w:w="{pad}" w:type="dxa"/>' for side in _SIDES)
            + "</w:tblCellMar>"
        )
    )
    for column, width in zip(table.columns, widths_px, strict=True):
        twips = Twips(round(width * TWIPS_PER_PX))
        column.width = twips
        for cell in column.cells:
            cell.width = twips
    return table


def _lines(
    cell: Any,
    lines: Sequence[tuple[str, bool]],
    *,
    size: float = TEXT_PT,
    caps: bool = False,
    center: bool = False,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for index, (text, bold) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        _tight(paragraph, Pt(LINE_PT * size / TEXT_PT))
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            run = _text(paragraph, text, bold=bold, size=size)
            run.font.all_caps = caps


def _text(paragraph: Any, text: str, *, bold: bool = False, size: float = TEXT_PT) -> Any:
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    return run


def _tight(paragraph: Any, line: Any) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line


def _field(paragraph: Any, code: str) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {w} w:instr="{code}"><w:r><w:rPr><w:sz w:val="14"/></w:rPr>'
            "<w:t>1</w:t></w:r></w:fldSimple>"
        )
    )


def _repeat(row: Any) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    props = row._tr.get_or_add_trPr()
    props.append(parse_xml(f"<w:cantSplit {w}/>"))  # rows of the header have no height set
    props.append(parse_xml(f"<w:tblHeader {w}/>"))


def _height(row: Any, px: float) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.oxml import parse_xml
    from docx.shared import Twips

    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    row.height = Twips(round(px * TWIPS_PER_PX))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    props = row._tr.get_or_add_trPr()
    props.find(_W + "trHeight").addprevious(parse_xml(f"<w:cantSplit {w}/>"))  # schema order


def _no_padding(cell: Any) -> None:
    """Actor cells have no padding, so a shape's offset is measured from the cell's corner."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    margins = "".join(
        f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("top", "left", "bottom", "right")
    )
    props = cell._tc.get_or_add_tcPr()
    after = props.find(_W + "vAlign")  # tcMar comes before vAlign in the schema
    margin = parse_xml(f"<w:tcMar {w}>{margins}</w:tcMar>")
    after.addprevious(margin) if after is not None else props.append(margin)


def _anchor(cell: Any, run_xml: str) -> None:
    from docx.oxml import parse_xml

    cell.paragraphs[0]._p.append(parse_xml(run_xml))
