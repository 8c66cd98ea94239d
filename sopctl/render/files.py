"""Render SOPs to Markdown, HTML, PDF or Word (DOCX) files in one output folder."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sopctl.catalog.folder import Catalog, select_files, sop_files
from sopctl.errors import UsageError
from sopctl.render.document import SopDocument, build, logo_uri
from sopctl.render.mermaid import flowchart
from sopctl.render.templating import environment
from sopctl.sop.loader import load_sop
from sopctl.sop.model import Sop
from sopctl.sop.yamlio import write_atomic
from sopctl.text.phrases import phrase

if TYPE_CHECKING:
    import jinja2

Format = Literal["md", "html", "pdf", "docx"]
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
                phrase("render_invalid_sop", path=loaded.shown, count=len(loaded.findings)),
                hint=phrase("run_lint_and_fix", path=loaded.shown),
            )
        sources.append(Source(path, loaded.sop))
    if not sources:
        raise UsageError(phrase("render_no_files"), hint=phrase("check_path"))
    return sources


def catalog_sops(catalog: Catalog) -> list[Sop]:
    """Every valid SOP of the catalog (invalid files are lint's business, not a document's)."""
    found = (load_sop(path, path.name, catalog.root).sop for path in sop_files(catalog.root))
    return [sop for sop in found if sop is not None]


def catalog_titles(catalog: Catalog) -> dict[str, str]:
    """Number -> name of every valid SOP of the catalog, to name linked SOPs: read from the
    briefs lint's cache keeps, so a warm cache answers without parsing the catalog again."""
    from sopctl.lint.briefs import catalog_briefs

    titles: dict[str, str] = {}
    for brief in catalog_briefs(catalog, sop_files(catalog.root), dt.date.today(), text=False):
        if brief.valid and brief.nomor and brief.nama:
            titles.setdefault(brief.nomor, brief.nama)
    return titles


def anchor(sop: Sop, path: Path) -> str:
    """An id for links and file names: the SOP number made safe, or the file's name."""
    base = _UNSAFE.sub("-", sop.nomor or path.stem).strip(".-")
    return base or "sop"


class Templates:
    """The Jinja environments of one rendering run, each set up once, when first needed."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    @functools.cached_property
    def html(self) -> jinja2.Environment:
        return environment(self.catalog, html=True)

    @functools.cached_property
    def markdown(self) -> jinja2.Environment:
        env = environment(self.catalog, html=False)
        env.filters["md"] = md
        env.filters["md_list"] = md_list
        return env


def html(doc: SopDocument, templates: Templates, name: str) -> str:
    return templates.html.get_template("sop.html.j2").render(doc=doc, anchor=name)


def markdown(doc: SopDocument, templates: Templates) -> str:
    names = {actor.id: actor.nama for actor in doc.sop.pelaksana}
    return templates.markdown.get_template("sop.md.j2").render(
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
    write, templates = WRITERS[fmt], Templates(catalog)
    written: list[Path] = []
    taken: set[str] = set()

    def planned() -> Iterator[tuple[SopDocument, str, Path]]:
        for source in sources:
            name = unique(anchor(source.sop, source.path), taken)
            target = inside(out_dir, f"{name}.{fmt}")
            written.append(target)
            yield build(source.sop, catalog, titles, logo), name, target

    if fmt == "pdf" and len(sources) > 1:  # several PDFs: printed on every core
        from sopctl.render.pdf import write_pdfs

        jobs = ((html(doc, templates, name), target) for doc, name, target in planned())
        write_pdfs(jobs, catalog.root)
        return written
    for doc, name, target in planned():
        write(doc, templates, name, target)
    return written


def _write_markdown(doc: SopDocument, templates: Templates, name: str, target: Path) -> None:
    write_atomic(target, markdown(doc, templates))


def _write_html(doc: SopDocument, templates: Templates, name: str, target: Path) -> None:
    write_atomic(target, html(doc, templates, name))


def _write_pdf(doc: SopDocument, templates: Templates, name: str, target: Path) -> None:
    from sopctl.render.pdf import write_pdf

    write_pdf(html(doc, templates, name), target, templates.catalog.root)


def _write_docx(doc: SopDocument, templates: Templates, name: str, target: Path) -> None:
    from sopctl.word.writing import docx_bytes, write_docx

    write_docx(docx_bytes(templates.catalog, [doc]), target)


Writer = Callable[[SopDocument, Templates, str, Path], None]
WRITERS: dict[Format, Writer] = {
    "md": _write_markdown,
    "html": _write_html,
    "pdf": _write_pdf,
    "docx": _write_docx,
}
FORMATS: tuple[Format, ...] = tuple(WRITERS)


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing anything that would land elsewhere."""
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise UsageError(phrase("render_unsafe_name", name=name))
    return target


def unique(name: str, taken: set[str]) -> str:
    candidate, counter = name, 2
    while candidate.lower() in taken:
        candidate, counter = f"{name}-{counter}", counter + 1
    taken.add(candidate.lower())
    return candidate
