"""Word table helpers: fixed column widths in CSS pixels, tight paragraphs, cell padding,
repeated header rows, row heights and fields, each element in its schema order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

TWIPS_PER_PX = 15
TEXT_PT = 8.0  # the PDF's 11 px, rounded down to what Word sizes in half points
LINE_PT = 10.9  # the PDF's 14.5 px line
PAD_PX = 4  # the PDF's cell padding
_SIDES = ("top", "left", "bottom", "right")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def new_table(document: Any, count: int, widths_px: Sequence[float]) -> Any:
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


def add_lines(
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
        tighten(paragraph, Pt(LINE_PT * size / TEXT_PT))
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            run = add_text(paragraph, text, bold=bold, size=size)
            run.font.all_caps = caps


def add_text(paragraph: Any, text: str, *, bold: bool = False, size: float = TEXT_PT) -> Any:
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    return run


def tighten(paragraph: Any, line: Any) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line


def add_field(paragraph: Any, code: str) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {w} w:instr="{code}"><w:r><w:rPr><w:sz w:val="14"/></w:rPr>'
            "<w:t>1</w:t></w:r></w:fldSimple>"
        )
    )


def repeat_header(row: Any) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    props = row._tr.get_or_add_trPr()
    props.append(parse_xml(f"<w:cantSplit {w}/>"))  # rows of the header have no height set
    props.append(parse_xml(f"<w:tblHeader {w}/>"))


def set_height(row: Any, px: float) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.oxml import parse_xml
    from docx.shared import Twips

    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    row.height = Twips(round(px * TWIPS_PER_PX))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    props = row._tr.get_or_add_trPr()
    props.find(_W + "trHeight").addprevious(parse_xml(f"<w:cantSplit {w}/>"))  # schema order


def no_padding(cell: Any) -> None:
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


def add_anchor(cell: Any, run_xml: str) -> None:
    from docx.oxml import parse_xml

    cell.paragraphs[0]._p.append(parse_xml(run_xml))
