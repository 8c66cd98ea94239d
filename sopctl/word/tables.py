"""The identity block of one SOP as a Word table, and the page furniture around the tables:
page breaks, the status banner, the SOP number at the top and page numbers at the foot."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sopctl.render.document import SopDocument
from sopctl.word.cells import add_field, add_lines, add_text, new_table, tighten


def page_break(document: Any) -> None:
    """A page break in a paragraph one point high, so the next table starts at the top."""
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    tighten(paragraph, Pt(1))
    run = paragraph.add_run()
    run.font.size = Pt(1)
    run.add_break(WD_BREAK.PAGE)


def status_banner(document: Any, doc: SopDocument) -> None:
    if doc.sop.status == "ditetapkan":
        return
    text = "DRAF — BELUM DITETAPKAN" if doc.sop.status == "draf" else "DICABUT — TIDAK BERLAKU"
    paragraph = document.add_paragraph()
    add_text(paragraph, text, bold=True, size=10)


def page_furniture(section: Any, heading: str) -> None:
    """`heading` (the SOP number) at the top right and `Halaman X dari Y` at the foot, unless
    the template's own header and footer already say something."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    header, footer = section.header, section.footer
    if not any(p.text.strip() for p in header.paragraphs):
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_text(paragraph, heading, size=7)
    if not any(p.text.strip() for p in footer.paragraphs):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_text(paragraph, "Halaman ", size=7)
        add_field(paragraph, "PAGE")
        add_text(paragraph, " dari ", size=7)
        add_field(paragraph, "NUMPAGES")


# -- identity ---------------------------------------------------------------------------


def identity(document: Any, doc: SopDocument) -> None:
    sop = doc.sop
    width = doc.table_width
    table = new_table(document, 9, [width * 0.50, width * 0.16, width * 0.34])
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
        add_lines(table.cell(index, 1), [(label, True)], size=9)
        add_lines(table.cell(index, 2), lines, size=9, caps=label == "Nama SOP")
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
    add_lines(cell, lines, size=10, caps=True, center=True)
    _logo(cell, doc.logo)


def _logo(cell: Any, uri: str) -> None:
    """A PNG or JPEG logo above the office's name; Word cannot show an SVG one, which is
    left out (an office can put its logo in the header of templates/sop.docx instead)."""
    import base64
    import io

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.image.exceptions import UnrecognizedImageError
    from docx.shared import Mm

    kind, _, data = uri.partition(";base64,")
    if kind not in ("data:image/png", "data:image/jpeg"):
        return
    paragraph = cell.paragraphs[0].insert_paragraph_before()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    try:
        paragraph.add_run().add_picture(io.BytesIO(base64.b64decode(data)), height=Mm(22))
    except (UnrecognizedImageError, ValueError):  # a damaged logo: the name is still printed
        paragraph._p.getparent().remove(paragraph._p)


def _pair(cell: Any, label: str, items: Sequence[str]) -> None:
    values = list(items)
    numbered = [f"{n}. {item}" for n, item in enumerate(values, 1)] if len(values) > 1 else values
    add_lines(cell, [(f"{label}:", True), *((item, False) for item in numbered or ["-"])], size=9)
