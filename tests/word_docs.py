"""Word SOPs as offices make them, built in tmp_path with python-docx and raw OOXML: an identity
table with the logo cell merged down, a procedure table with merged header cells repeated on
every page, and flowchart shapes (DrawingML `wps:wsp` with a VML fallback, or VML only)
anchored in the actor cells."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.shared import Mm, Pt

NSDECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
VML_STYLE = "position:absolute;width:57pt;height:23pt"
FILL = (
    '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
    '<a:ln w="12700"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
)
VML_TYPE = {
    "flowChartTerminator": "116",
    "flowChartProcess": "109",
    "rect": "1",
    "flowChartDecision": "110",
}


@dataclass
class Step:
    kegiatan: str
    actor: int  # actor column, from 0
    shape: str = "flowChartProcess"  # a preset geometry
    kelengkapan: Sequence[str] = ()
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    labels: Sequence[str] = ()  # text boxes beside the symbol: "Ya (5)", "Tidak"


@dataclass
class WordSop:
    nomor: str = "003/SOP/SDM/KPU-Prov-35/2021"
    nama: str = "Pemberian Izin Belajar Pegawai Negeri Sipil"
    unit: str = "SUBBAGIAN SUMBER DAYA MANUSIA"
    dates: tuple[str, str, str] = ("5 Januari 2021", "-", "1 Maret 2021")
    signer: Sequence[str] = (
        "Sekretaris KPU Provinsi Jawa Timur",
        "",
        "(tanda tangan dan cap)",
        "",
        "Drs. Hendro Wicaksono, M.Si.",
        "NIP. 19690512 199403 1 003",
    )
    dasar_hukum: Sequence[str] = (
        "1. Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara",
        "2. Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen PNS",
    )
    kualifikasi: Sequence[str] = (
        "1. Memahami peraturan kepegawaian",
        "2. Mampu mengoperasikan komputer",
    )
    keterkaitan: Sequence[str] = ("-",)
    peralatan: Sequence[str] = ("1. Komputer", "2. Printer")
    peringatan: Sequence[str] = ("Izin belajar yang tidak diproses tepat waktu merugikan pegawai.",)
    pencatatan: Sequence[str] = ("Arsip izin belajar",)
    actors: Sequence[str] = ("Sekretaris", "Kepala Subbagian SDM", "Staf Subbagian SDM")
    steps: list[Step] = field(default_factory=list)
    shapes: str = "drawingml"  # drawingml (with a VML fallback), vml, marks (√, no shapes), none
    split_after: int | None = None  # continue the procedure in a second table after this step
    label_header: bool = False  # paired identity labels in their own row, items below
    repeat_header_after: int | None = None  # the header rows typed again after this step


def izin_belajar(**changes: Any) -> WordSop:
    """A seven-step SOP with one decision whose Tidak loops back."""
    steps = [
        Step(
            "Mengajukan permohonan izin belajar",
            2,
            "flowChartTerminator",
            ["Surat permohonan"],
            "15 Menit",
            "Permohonan",
        ),
        Step(
            "Memeriksa kelengkapan berkas permohonan; lengkap?",
            2,
            "flowChartDecision",
            ["Permohonan", "Surat keterangan kampus"],
            "1 jam",
            "Berkas terperiksa",
            labels=["Ya (3)", "Tidak (1)"],
        ),
        Step(
            "Menyusun konsep surat izin belajar",
            2,
            "rect",
            ["Berkas lengkap"],
            "1 hari",
            "Konsep surat",
        ),
        Step(
            "Memeriksa dan memaraf konsep surat",
            1,
            "flowChartProcess",
            ["Konsep surat"],
            "30 menit",
            "Konsep berparaf",
        ),
        Step(
            "Menandatangani surat izin belajar",
            0,
            "flowChartProcess",
            ["Konsep berparaf"],
            "30 menit",
            "Surat izin belajar",
            "Ditandatangani secara elektronik",
        ),
        Step(
            "Mengagendakan dan mengirim surat",
            2,
            "flowChartProcess",
            ["Surat izin belajar"],
            "15 menit",
            "Tanda terima",
        ),
        Step(
            "Mengarsipkan surat izin belajar",
            2,
            "flowChartTerminator",
            ["Salinan surat"],
            "10 menit",
            "Arsip",
        ),
    ]
    values: dict[str, Any] = {"steps": steps}
    values.update(changes)
    return WordSop(**values)


def write_docx(sop: WordSop, path: Path) -> Path:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(9)
    _identity(document, sop)
    document.add_paragraph()
    steps = list(sop.steps)
    parts = (
        [steps] if sop.split_after is None else [steps[: sop.split_after], steps[sop.split_after :]]
    )
    number = 1
    for index, part in enumerate(parts):
        if index:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _procedure(document, sop, part, number)
        number += len(part)
    document.save(str(path))
    return path


def _cell_lines(cell: Any, lines: Sequence[str], bold_first: bool = False) -> None:
    cell.paragraphs[0].text = ""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold_first and index == 0


def _identity(document: Any, sop: WordSop) -> None:
    pairs = [
        ("Dasar Hukum:", sop.dasar_hukum, "Kualifikasi Pelaksana:", sop.kualifikasi),
        ("Keterkaitan:", sop.keterkaitan, "Peralatan/Perlengkapan:", sop.peralatan),
        ("Peringatan:", sop.peringatan, "Pencatatan dan Pendataan:", sop.pencatatan),
    ]
    rows = 6 + len(pairs) * (2 if sop.label_header else 1)
    table = document.add_table(rows=rows, cols=3)
    table.style = "Table Grid"
    kop = table.cell(0, 0).merge(table.cell(5, 0))
    _cell_lines(kop, ["KOMISI PEMILIHAN UMUM PROVINSI JAWA TIMUR", "SEKRETARIAT", sop.unit])
    labels = [
        ("Nomor SOP", [sop.nomor]),
        ("Tanggal Pembuatan", [sop.dates[0]]),
        ("Tanggal Revisi", [sop.dates[1]]),
        ("Tanggal Efektif", [sop.dates[2]]),
        ("Disahkan oleh", list(sop.signer)),
        ("Nama SOP", [sop.nama.upper()]),
    ]
    for row, (label, value) in enumerate(labels):
        _cell_lines(table.cell(row, 1), [label], bold_first=True)
        _cell_lines(table.cell(row, 2), value)
    row = 6
    for left, left_items, right, right_items in pairs:
        right_cell = table.cell(row, 1).merge(table.cell(row, 2))
        if sop.label_header:
            _cell_lines(table.cell(row, 0), [left.rstrip(":")], bold_first=True)
            _cell_lines(right_cell, [right.rstrip(":")], bold_first=True)
            row += 1
            _cell_lines(table.cell(row, 0), list(left_items))
            _cell_lines(table.cell(row, 1).merge(table.cell(row, 2)), list(right_items))
        else:
            _cell_lines(table.cell(row, 0), [left, *left_items], bold_first=True)
            _cell_lines(right_cell, [right, *right_items], bold_first=True)
        row += 1


def _procedure(document: Any, sop: WordSop, steps: Sequence[Step], first: int) -> None:
    actors = len(sop.actors)
    columns = 2 + actors + 4
    table = document.add_table(rows=2 + len(steps), cols=columns)
    table.style = "Table Grid"
    no = table.cell(0, 0).merge(table.cell(1, 0))
    kegiatan = table.cell(0, 1).merge(table.cell(1, 1))
    pelaksana = table.cell(0, 2).merge(table.cell(0, 1 + actors))
    mutu = table.cell(0, 2 + actors).merge(table.cell(0, 4 + actors))
    keterangan = table.cell(0, 5 + actors).merge(table.cell(1, 5 + actors))
    for cell, text in (
        (no, "No"),
        (kegiatan, "Kegiatan"),
        (pelaksana, "Pelaksana"),
        (mutu, "Mutu Baku"),
        (keterangan, "Keterangan"),
    ):
        _cell_lines(cell, [text], bold_first=True)
    for column, name in enumerate(sop.actors):
        _cell_lines(table.cell(1, 2 + column), [name], bold_first=True)
    for offset, name in enumerate(("Kelengkapan", "Waktu", "Output")):
        _cell_lines(table.cell(1, 2 + actors + offset), [name], bold_first=True)
    for row in table.rows[:2]:  # repeated at the top of every page
        row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {NSDECL}/>"))
    for index, step in enumerate(steps):
        cells = table.rows[2 + index].cells
        _cell_lines(cells[0], [f"{first + index}."])
        _cell_lines(cells[1], [step.kegiatan])
        _cell_lines(cells[2 + actors], list(step.kelengkapan))
        _cell_lines(cells[3 + actors], [step.waktu])
        _cell_lines(cells[4 + actors], [step.output])
        _cell_lines(cells[5 + actors], [step.keterangan] if step.keterangan else [])
        actor_cell = cells[2 + step.actor]
        if sop.shapes == "group":  # the whole flowchart as one group, drawn later
            continue
        if sop.shapes in ("marks", "none"):
            _cell_lines(actor_cell, ["√"] if sop.shapes == "marks" else [])
            continue
        paragraph = actor_cell.paragraphs[0]._p
        number = 100 * first + index
        run = (
            _drawing_run(step.shape, number) if sop.shapes == "drawingml" else _vml_run(step.shape)
        )
        paragraph.append(run)
        for extra, label in enumerate(step.labels):
            paragraph.append(_label_run(label, number * 10 + extra, sop.shapes))
    if sop.shapes == "group":
        width = table.columns[2].width  # EMU; python-docx gives every column the same width
        table.rows[2].cells[2].paragraphs[0]._p.append(_group_run(steps, width))
    if sop.repeat_header_after is not None:  # as some offices do instead of w:tblHeader
        after = table.rows[1 + sop.repeat_header_after]._tr
        for row in reversed(table.rows[:2]):
            after.addnext(copy.deepcopy(row._tr))


def _txbx(text: str) -> str:
    if not text:
        return ""
    paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return f"<wps:txbx><w:txbxContent>{paragraph}</w:txbxContent></wps:txbx>"


def _anchor(inner: str, number: int, width: int, height: int, x: int, y: int) -> str:
    return (
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{number}" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{number}" name="Shape {number}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"{inner}</a:graphicData></a:graphic></wp:anchor>"
    )


def _drawing_run(preset: str, number: int, text: str = "", box: bool = False) -> Any:
    """A shape as Word 2010+ saves it: DrawingML in mc:Choice, the same shape in VML as fallback."""
    marker = ' txBox="1"' if box else ""
    fill = "<a:noFill/><a:ln><a:noFill/></a:ln>" if box else FILL
    wsp = (
        f"<wps:wsp><wps:cNvSpPr{marker}/><wps:spPr>"
        '<a:xfrm><a:off x="0" y="0"/><a:ext cx="720000" cy="288000"/></a:xfrm>'
        f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>{fill}'
        f"</wps:spPr>{_txbx(text)}<wps:bodyPr/></wps:wsp>"
    )
    where = (
        (400000, 160000, 560000, 330000 + 150000 * (number % 10))
        if box
        else (720000, 288000, 90000, 40000)
    )
    drawing = f"<w:drawing>{_anchor(wsp, number, *where)}</w:drawing>"
    fallback = f"<w:pict>{_vml(preset, text)}</w:pict>"
    return parse_xml(
        f'<w:r {NSDECL}><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def _vml(preset: str, text: str = "") -> str:
    body = (
        f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox>"
        if text
        else ""
    )
    if preset == "rect" and not text:
        return f'<v:rect style="{VML_STYLE}" fillcolor="white">{body}</v:rect>'
    number = VML_TYPE.get(preset, "202")
    return (
        f'<v:shapetype id="_x0000_t{number}" o:spt="{number}" coordsize="21600,21600"/>'
        f'<v:shape type="#_x0000_t{number}" style="{VML_STYLE}">{body}</v:shape>'
    )


def _vml_run(preset: str, text: str = "") -> Any:
    return parse_xml(f"<w:r {NSDECL}><w:pict>{_vml(preset, text)}</w:pict></w:r>")


def _label_run(text: str, number: int, style: str) -> Any:
    if style == "vml":
        return _vml_run("textbox", text)
    return _drawing_run("rect", number, text, box=True)


def _group_run(steps: Sequence[Step], column_width: int) -> Any:
    """All symbols in one `wpg:wgp` anchored in the first actor cell of the first step, each
    placed over its actor's column and its step's row, as when a flowchart is grouped."""
    w, h, row = 720000, 288000, 500000
    children = "".join(
        f'<wps:wsp><wps:cNvPr id="{300 + index}" name="Bentuk {index}"/><wps:cNvSpPr/>'
        f'<wps:spPr><a:xfrm><a:off x="{step.actor * column_width + (column_width - w) // 2}" '
        f'y="{index * row + 50000}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        f'<a:prstGeom prst="{step.shape}"><a:avLst/></a:prstGeom>{FILL}</wps:spPr>'
        "<wps:bodyPr/></wps:wsp>"
        for index, step in enumerate(steps)
    )
    total_w, total_h = 4 * column_width, len(steps) * row
    group = (
        '<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{total_w}" cy="{total_h}"/><a:chOff x="0" y="0"/>'
        f'<a:chExt cx="{total_w}" cy="{total_h}"/></a:xfrm></wpg:grpSpPr>{children}</wpg:wgp>'
    )
    inner = group.replace(
        "<wpg:wgp>",
        '<wpg:wgp xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">',
    )
    anchor = _anchor(inner, 299, total_w, total_h, 0, 0).replace(
        'office/word/2010/wordprocessingShape">', 'office/word/2010/wordprocessingGroup">'
    )
    return parse_xml(f"<w:r {NSDECL}><w:drawing>{anchor}</w:drawing></w:r>")
