"""Render SOPs to Markdown, HTML, PDF or Word (DOCX) files in one output folder."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sopctl.catalog.folder import Catalog, select_files, sop_files
from sopctl.errors import UsageError
from sopctl.history.output import revision_table
from sopctl.render.document import SopDocument, build, logo_uri
from sopctl.render.mermaid import flowchart
from sopctl.render.templating import environment
from sopctl.sop.loader import load_sop
from sopctl.sop.model import Sop
from sopctl.sop.yamlio import write_atomic

Format = Literal["md", "html", "pdf", "docx"]
FORMATS: tuple[Format, ...] = ("md", "html", "pdf", "docx")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Source:
    """A schema-valid SOP and the file it came from."""

    path: Path
    sop: Sop


def load_sources(catalog: Catalog, paths: Sequence[Path]) -> list[Source]:
    """The SOPs `paths` name (the whole catalog when empty); an invalid file is an error."""
    files = select_files(catalog, paths) if paths else sop_files(catalog.root)
    sources: list[Source] = []
    for path in files:
        loaded = load_sop(path, catalog.relative(path), catalog.root)
        if loaded.sop is None:
            raise UsageError(
                f"{loaded.shown}: bukan SOP yang valid ({len(loaded.findings)} masalah)",
                hint=f"jalankan `sopctl lint {loaded.shown}` dan perbaiki berkasnya",
            )
        sources.append(Source(path, loaded.sop))
    if not sources:
        raise UsageError("tidak ada berkas SOP (*.yaml) yang ditemukan", hint="periksa path")
    return sources


def catalog_titles(catalog: Catalog) -> dict[str, str]:
    """Number -> name of every valid SOP of the catalog, to name linked SOPs."""
    titles: dict[str, str] = {}
    for path in sop_files(catalog.root):
        sop = load_sop(path, path.name, catalog.root).sop
        if sop is not None and sop.nomor:
            titles.setdefault(sop.nomor, sop.nama)
    return titles


def anchor(sop: Sop, path: Path) -> str:
    """An id for links and file names: the SOP number made safe, or the file's name."""
    base = _UNSAFE.sub("-", sop.nomor or path.stem).strip(".-")
    return base or "sop"


def html(doc: SopDocument, catalog: Catalog, name: str) -> str:
    env = environment(catalog, html=True)
    return env.get_template("sop.html.j2").render(doc=doc, anchor=name)


def markdown(doc: SopDocument, catalog: Catalog) -> str:
    env = environment(catalog, html=False)
    env.filters["md"] = md
    env.filters["md_list"] = md_list
    names = {actor.id: actor.nama for actor in doc.sop.pelaksana}
    return env.get_template("sop.md.j2").render(
        doc=doc, actor_names=names, mermaid=flowchart(doc.sop)
    )


def md(value: object) -> str:
    """Text for a Markdown table cell: HTML and pipes escaped, on one line."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\\", "\\\\").replace("|", "\\|")


def md_list(items: Iterable[str]) -> str:
    """A list inside one table cell: numbered lines joined by <br>, or '-'."""
    values = [md(item) for item in items]
    if len(values) <= 1:
        return values[0] if values else "-"
    return "<br>".join(f"{index}. {value}" for index, value in enumerate(values, start=1))


def render_files(catalog: Catalog, paths: Sequence[Path], fmt: Format, out_dir: Path) -> list[Path]:
    """Render every SOP `paths` name into `out_dir`; return the files written."""
    sources = load_sources(catalog, paths)
    titles = catalog_titles(catalog)
    logo = logo_uri(catalog)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    taken: set[str] = set()
    for source in sources:
        name = unique(anchor(source.sop, source.path), taken)
        doc = build(source.sop, catalog, titles, logo, revision_table(source.path))
        target = inside(out_dir, f"{name}.{fmt}")
        _write(doc, catalog, name, fmt, target)
        written.append(target)
    return written


def _write(doc: SopDocument, catalog: Catalog, name: str, fmt: Format, target: Path) -> None:
    if fmt == "md":
        write_atomic(target, markdown(doc, catalog))
        return
    if fmt == "docx":
        from sopctl.word.writing import docx_bytes, write_docx

        write_docx(docx_bytes(catalog, [doc]), target)
        return
    text = html(doc, catalog, name)
    if fmt == "html":
        write_atomic(target, text)
        return
    from sopctl.render.pdf import write_pdf

    write_pdf(text, target)


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing anything that would land elsewhere."""
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise UsageError(f"{name}: nama berkas keluaran tidak aman")
    return target


def unique(name: str, taken: set[str]) -> str:
    candidate, counter = name, 2
    while candidate.lower() in taken:
        candidate, counter = f"{name}-{counter}", counter + 1
    taken.add(candidate.lower())
    return candidate
