"""SOPs as a Word document: the identity block and the procedure table as real Word tables, the
flowchart as Word shapes in the actor cells, one table per printed page as in the PDF; styles,
headers and footers come from the office's `templates/sop.docx` (or the built-in one)."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sopctl.catalog.folder import Catalog
from sopctl.errors import SopctlError
from sopctl.render.chart.layout import MARGIN_MM, MM
from sopctl.render.document import SopDocument
from sopctl.resources import builtin_dir
from sopctl.text.phrases import phrase
from sopctl.word import procedure, tables
from sopctl.word.drawing import Shapes
from sopctl.word.package import MAX_FILE_BYTES, WordError, check_archive

TEMPLATE = "sop.docx"


class WordEngineMissing(SopctlError):
    """python-docx is not installed."""


def docx_bytes(
    catalog: Catalog,
    docs: Sequence[SopDocument],
    front: Sequence[Callable[[Any], None]] = (),
    heading: str = "",
) -> bytes:
    """The Word file of `docs`: one SOP, or a booklet whose `front` pages (functions that add
    them to the document) come first; `heading` tops every page (default: the SOP number)."""
    document = _open_template(catalog)
    _page_setup(document, docs[0], heading or docs[0].nomor)
    body = document.element.body
    for element in list(body):
        if not element.tag.endswith("}sectPr"):
            body.remove(element)  # the template gives styles and page furniture, not content
    for part in front:
        part(document)
    shapes = Shapes()  # one id counter: Word wants every drawing id in a document unique
    for index, doc in enumerate(docs):
        if index or front:
            tables.page_break(document)
        _one_sop(document, shapes, doc)
    document.add_paragraph()
    if len(docs) == 1:
        _properties(document, docs[0])
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def write_docx(data: bytes, target: Path) -> None:
    """Write `data` to `target` in one step, as the other writers do."""
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _open_template(catalog: Catalog) -> Any:
    try:
        import docx
    except ImportError as exc:
        raise WordEngineMissing(phrase("docx_missing"), hint=phrase("docx_install_hint")) from exc
    own = catalog.templates / TEMPLATE if catalog.templates else None
    path = own if own is not None and own.is_file() else builtin_dir("templates") / TEMPLATE
    try:  # the catalog's template is untrusted: the importer's caps apply to it as well
        if path.stat().st_size > MAX_FILE_BYTES:
            raise WordError("impor_too_big")
        with zipfile.ZipFile(path) as archive:
            check_archive(archive)
        return docx.Document(str(path))
    except WordError as exc:
        hint = phrase("docx_template_hint")
        raise SopctlError(phrase("docx_template_big", path=path), hint=hint) from exc
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        detail = type(exc).__name__
        raise SopctlError(
            phrase("docx_template_bad", path=path, detail=detail), hint=phrase("docx_template_hint")
        ) from exc


def _page_setup(document: Any, doc: SopDocument, heading: str) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    paper = doc.paper
    for section in document.sections:
        width = paper.width / MM + 2 * MARGIN_MM["side"]
        height = paper.height / MM + MARGIN_MM["top"] + MARGIN_MM["bottom"]
        section.orientation = WD_ORIENT.LANDSCAPE if width > height else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(MARGIN_MM["side"])
        section.top_margin, section.bottom_margin = Mm(MARGIN_MM["top"]), Mm(MARGIN_MM["bottom"])
        section.header_distance = section.footer_distance = Mm(6)
        tables.page_furniture(section, heading)


def _one_sop(document: Any, shapes: Shapes, doc: SopDocument) -> None:
    tables.status_banner(document, doc)
    tables.identity(document, doc)
    for page in doc.pages:
        tables.page_break(document)
        assert page.chunk is not None  # document.build always keeps the geometry
        procedure.procedure_page(document, shapes, doc, page.rows, page.chunk, page.last)


def _properties(document: Any, doc: SopDocument) -> None:
    """Title and keywords: what the form does not print (unit, area, status, actor ids), so
    `sopctl impor` reads back the same SOP."""
    sop = doc.sop
    props = document.core_properties
    props.title = f"{doc.nomor} {sop.nama}"[:250]
    props.subject = "Standar Operasional Prosedur"
    pairs = {
        "unit": sop.unit,
        "area_rb": sop.area_rb,
        "status": sop.status,
        "jenis": sop.jenis or "",
        "proses_bisnis": sop.proses_bisnis or "",
        "pelaksana": ",".join(actor.id for actor in sop.pelaksana),
    }
    props.keywords = "sopctl; " + "; ".join(
        f"{k}={v}" for k, v in pairs.items() if v and ";" not in v
    )
