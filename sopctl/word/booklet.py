"""The Buku SOP as one Word file: cover, penetapan page and daftar isi per unit, then every SOP
from a new page, in the same order as the PDF booklet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sopctl.catalog.folder import Catalog
from sopctl.word.tables import page_break
from sopctl.word.writing import docx_bytes

if TYPE_CHECKING:
    from sopctl.render.booklet import Section


def booklet_docx(
    catalog: Catalog, sections: Sequence[Section], today: dt.date, control: str
) -> bytes:
    docs = [entry.doc for section in sections for entry in section.entries]
    years = [d.sop.tanggal.efektif or d.sop.tanggal.pembuatan for d in docs]
    satker = catalog.config.satker
    buku = catalog.config.buku

    def cover(document: Any) -> None:
        _centered(document, "", 60)
        _centered(document, "STANDAR OPERASIONAL PROSEDUR", 22, bold=True)
        _centered(document, "Administrasi Pemerintahan", 14)
        _centered(document, "", 20)
        _centered(document, f"SEKRETARIAT {satker.nama.upper()}", 15, bold=True)
        if satker.alamat:
            _centered(document, satker.alamat, 10)
        _centered(document, "", 20)
        _centered(document, f"TAHUN {max(years).year}", 16, bold=True)
        _centered(document, control, 8)

    def penetapan(document: Any) -> None:
        page_break(document)
        _centered(document, "PENETAPAN", 13, bold=True)
        document.add_paragraph(
            "Standar Operasional Prosedur Administrasi Pemerintahan dalam buku ini, sebanyak "
            f"{len(docs)} SOP, ditetapkan dengan {buku.nomor_penetapan}."
        )

    def contents(document: Any) -> None:
        page_break(document)
        _centered(document, "DAFTAR ISI", 13, bold=True)
        for section in sections:
            heading = document.add_paragraph()
            run = heading.add_run(section.unit.upper())
            run.bold = True
            for number, entry in enumerate(section.entries, 1):
                document.add_paragraph(f"{number}. {entry.doc.nomor} — {entry.doc.sop.nama}")

    front: list[Callable[[Any], None]] = [cover]
    if buku.nomor_penetapan:
        front.append(penetapan)
    front.append(contents)
    return docx_bytes(catalog, docs, front, heading=satker.nama)


def _centered(document: Any, text: str, size: float, *, bold: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)
    else:
        paragraph.paragraph_format.space_before = Pt(size)
