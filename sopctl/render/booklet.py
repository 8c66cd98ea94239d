"""The office's Dokumen SOP (PermenPAN-RB 35/2012) as one booklet: cover, the Keputusan with
its lampiran, daftar isi, penjelasan singkat penggunaan, then every SOP."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sopctl.catalog.folder import Catalog
from sopctl.catalog.names import check_area, check_unit, resolve_area, resolve_unit
from sopctl.errors import UsageError
from sopctl.history.git import GitError, run
from sopctl.render.document import SopDocument, build, logo_uri
from sopctl.render.files import (
    Source,
    anchor,
    catalog_sops,
    catalog_titles,
    inside,
    load_sources,
    unique,
)
from sopctl.render.front import decrees, explanation
from sopctl.render.templating import environment
from sopctl.sop.dates import tanggal
from sopctl.sop.model import Sop
from sopctl.sop.yamlio import write_atomic
from sopctl.text.phrases import phrase

SUFFIXES = (".html", ".pdf", ".docx")


@dataclass(frozen=True)
class Filters:
    """Which SOPs go in: unit and area ids or aliases, statuses (default: enacted only;
    `drafts` adds the drafts)."""

    units: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    drafts: bool = False


@dataclass(frozen=True)
class Entry:
    anchor: str
    doc: SopDocument


@dataclass(frozen=True)
class Section:
    """One unit in the daftar isi."""

    unit: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Part:
    """A booklet printed in parts: `kind` "front" (cover to penjelasan) or "body" (SOPs); the
    page number the part starts at, the booklet's pages, the daftar isi's page by anchor."""

    kind: str
    first_page: int = 0
    total: int = 0
    numbers: dict[str, int] | None = None


def write_booklet(
    catalog: Catalog, paths: Sequence[Path], filters: Filters, target: Path, today: dt.date
) -> int:
    """Write the booklet to `target` (.html, .pdf or .docx); return how many SOPs it holds."""
    if target.suffix.lower() not in SUFFIXES:
        raise UsageError(phrase("booklet_suffix", path=target), hint=phrase("booklet_suffix_hint"))
    everything = catalog_sops(catalog)
    sections = select(catalog, load_sources(catalog, paths), filters)
    count = sum(len(s.entries) for s in sections)
    if not count:
        raise UsageError(phrase("booklet_empty"), hint=phrase("booklet_empty_hint"))
    commit = _commit(catalog.root)
    target.parent.mkdir(parents=True, exist_ok=True)
    destination = inside(target.parent, target.name)
    if destination.suffix.lower() == ".docx":
        from sopctl.word.booklet import booklet_docx
        from sopctl.word.writing import write_docx

        write_docx(booklet_docx(catalog, sections, today, control_line(today, commit)), destination)
        return count
    if destination.suffix.lower() == ".pdf":
        from sopctl.render.booklet_pdf import print_booklet

        print_booklet(catalog, sections, (today, commit, everything), destination)
    else:
        write_atomic(destination, booklet_html(catalog, sections, today, commit, everything))
    return count


def control_line(today: dt.date, commit: str) -> str:
    """`Dicetak 2 Desember 2026 · commit abc1234`: when and from what the book was printed."""
    return f"Dicetak {tanggal(today)}" + (f" · commit {commit}" if commit else "")


def statuses_of(filters: Filters) -> set[str]:
    chosen = set(filters.statuses) or {"ditetapkan"}
    return chosen | {"draf"} if filters.drafts else chosen


def select(
    catalog: Catalog,
    sources: Sequence[Source],
    filters: Filters,
) -> list[Section]:
    """The SOPs that pass the filters, grouped by unit in the configured order, by number."""
    units = {check_unit(catalog, u) for u in filters.units}
    areas = {check_area(catalog, a) for a in filters.areas}
    statuses = statuses_of(filters)
    chosen = [
        s
        for s in sources
        if s.sop.status in statuses
        and (not units or resolve_unit(catalog.config, s.sop.unit) in units)
        and (not areas or resolve_area(catalog.config, s.sop.area_rb) in areas)
    ]
    titles = catalog_titles(catalog)
    logo = logo_uri(catalog)
    order = [u.id for u in catalog.config.units]
    sections: list[Section] = []
    taken: set[str] = set()
    for unit_id in [*order, None]:
        group = [s for s in chosen if _unit_of(catalog, s) == unit_id]
        group.sort(key=lambda s: (s.sop.nomor or "~", s.sop.nama))
        entries = tuple(
            Entry(unique(anchor(s.sop, s.path), taken), build(s.sop, catalog, titles, logo))
            for s in group
        )
        if entries:
            sections.append(Section(entries[0].doc.unit, entries))
    return sections


def booklet_html(
    catalog: Catalog,
    sections: Sequence[Section],
    today: dt.date,
    commit: str,
    everything: Sequence[Sop] | None = None,
    part: Part | None = None,
) -> str:
    """The booklet as one HTML document, or the `part` of it to print on its own."""
    from markupsafe import Markup

    docs = [e.doc for s in sections for e in s.entries]
    shown = [d.sop for d in docs]
    config = catalog.config
    printed = decrees(config, catalog_sops(catalog) if everything is None else everything, shown)
    control = control_line(today, commit)
    env = environment(catalog, html=True)
    return env.get_template("booklet.html.j2").render(
        control_css=Markup(css_string(control)),
        satker_css=Markup(css_string(config.satker.nama)),
        part=part.kind if part else "",
        first_page=part.first_page if part else 0,
        total=part.total if part else 0,
        numbers=part.numbers if part else None,
        satker=config.satker,
        logo=logo_uri(catalog),
        buku=config.buku,
        paper=docs[0].paper,
        front_size=portrait(config.buku.kertas),
        year=_year(printed[-1].record.tanggal if printed else None, shown),
        decrees=printed,
        penjelasan=explanation(config, shown, [(s.unit, len(s.entries)) for s in sections]),
        sections=sections,
        count=len(docs),
        drafts=sum(1 for sop in shown if sop.status == "draf"),
    )


def portrait(kertas: str) -> str:
    """The CSS page size of the front matter: a decree is printed upright."""
    from sopctl.render.chart.layout import paper

    return paper(kertas, "portrait").css_size


def _year(decreed: dt.date | None, shown: Sequence[Sop]) -> int:
    """The cover's year: that of the latest Keputusan, else of the latest SOP."""
    if decreed is not None:
        return decreed.year
    return max(sop.tanggal.efektif or sop.tanggal.pembuatan for sop in shown).year


def css_string(text: str) -> str:
    """`text` as a quoted CSS string that cannot end the string or the <style> element."""
    escaped = "".join(c if c.isalnum() or c in " .,:;-_·()" else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def _commit(root: Path) -> str:
    """The short hash of HEAD when the catalog is in a git repository, else ''."""
    try:
        return run(root, "rev-parse", "--short", "HEAD").strip()
    except GitError:
        return ""


def _unit_of(catalog: Catalog, source: Source) -> str | None:
    return resolve_unit(catalog.config, source.sop.unit)
