"""One SOP made ready to print: identity values in words, rows with fixed heights, pages of
the procedure with their flowchart drawings. Templates only place these values."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sopctl.catalog.folder import Catalog
from sopctl.catalog.names import resolve_unit
from sopctl.errors import UsageError
from sopctl.render import identity
from sopctl.render.chart import layout
from sopctl.render.chart.svg import chunk_svg
from sopctl.render.measure import wrap_heading
from sopctl.sop.dates import tanggal
from sopctl.sop.digest import content_digest, qr_svg
from sopctl.sop.flow import all_exits, format_total, symbol, total_time
from sopctl.sop.model import Langkah, Sop
from sopctl.text.phrases import phrase

HEADER_SAFETY = 16.0  # px kept free on each page for rounding in the browser or PDF engine
RIWAYAT_HEADING = 34.0  # px: the section's top margin and its "Riwayat Revisi" heading
RIWAYAT_FIXED_COLUMNS = 290.0  # px: Revisi, Tanggal and Oleh (templates/print.css)
QR_BELOW = 8.0 + 13.0  # px: the QR code's top margin and the verification code under it
HEADING_LINE = 13.75  # line-height of the bold 11 px column headings (1.25)
HEADING_PAD = 7.0  # padding (3 + 3) and border of a heading cell
_HUBUNGAN = {"prasyarat": "prasyarat", "lanjutan": "lanjutan", "terkait": "terkait"}


@dataclass(frozen=True)
class Step:
    """One printed row of the procedure."""

    number: int
    kegiatan: str
    actor: str
    kelengkapan: tuple[str, ...]
    waktu: str
    output: str
    keterangan: str
    shape: str


@dataclass(frozen=True)
class PageRow:
    kind: str  # "langkah", "masuk" or "keluar"
    step: Step | None
    height: float


@dataclass(frozen=True)
class Page:
    """The rows of the procedure printed on one page and their flowchart."""

    rows: tuple[PageRow, ...]
    svg: str
    last: bool
    chunk: layout.Chunk  # the drawing's geometry, for the layout checks and the DOCX shapes


@dataclass(frozen=True)
class SopDocument:
    sop: Sop
    nomor: str
    unit: str
    satker: str
    logo: str  # a data: URI, or "" without a logo
    dates: Mapping[str, str]
    keterkaitan: tuple[str, ...]
    columns: layout.Columns
    steps: tuple[Step, ...]
    pages: tuple[Page, ...]
    total: str
    paper: layout.Paper
    digest: str  # the content digest printed under the QR code (sopctl verifikasi)
    qr: str  # the QR code as inline SVG
    headings: tuple[tuple[str, ...], ...] = ()  # each actor's column heading, line by line
    identity_size: float = identity.SIZES[0]  # px: the identity block's font, shrunk to fit

    @property
    def table_width(self) -> float:
        return cols_width(self.columns)


def build(
    sop: Sop,
    catalog: Catalog,
    titles: Mapping[str, str],
    logo: str,
) -> SopDocument:
    """Everything the templates print for `sop`; `titles` maps SOP numbers to names."""
    buku = catalog.config.buku
    paper = layout.paper(buku.kertas, buku.orientasi)
    cols = layout.columns(paper.width, len(sop.pelaksana))
    steps = _steps(sop)
    total = format_total(total_time(sop.langkah))
    dates = {
        "pembuatan": tanggal(sop.tanggal.pembuatan),
        "revisi": tanggal(sop.tanggal.revisi),
        "efektif": tanggal(sop.tanggal.efektif),
    }
    keterkaitan = tuple(_link(link.nomor, link.hubungan, titles) for link in sop.keterkaitan)
    unit = _unit_name(catalog, sop.unit)
    qr = qr_svg(sop)
    block = _identity(
        sop, catalog.config.satker.nama, unit, bool(logo), dates, keterkaitan, _svg_height(qr)
    )
    return SopDocument(
        sop=sop,
        nomor=sop.nomor or "-",
        unit=unit,
        satker=catalog.config.satker.nama,
        logo=logo,
        dates=dates,
        keterkaitan=keterkaitan,
        columns=cols,
        steps=steps,
        pages=_pages(sop, steps, cols, paper, total),
        total=total,
        paper=paper,
        digest=content_digest(sop),
        qr=qr,
        headings=tuple(tuple(heading(a.nama, cols)) for a in sop.pelaksana),
        identity_size=identity.font_size(block, cols_width(cols), paper.height),
    )


def _svg_height(svg: str) -> float:
    found = re.search(r'height="(\d+(?:\.\d+)?)"', svg)
    return float(found.group(1)) if found else 0.0


def cols_width(cols: layout.Columns) -> float:
    fixed = cols.no + cols.kegiatan + cols.kelengkapan + cols.waktu + cols.output
    return fixed + cols.keterangan + cols.actor * cols.actors


def _identity(
    sop: Sop,
    satker: str,
    unit: str,
    logo: bool,
    dates: Mapping[str, str],
    keterkaitan: Sequence[str],
    qr_height: float,
) -> identity.Identity:
    signer = sop.disahkan_oleh
    return identity.Identity(
        satker=satker,
        unit=unit,
        logo=logo,
        values=(sop.nomor or "-", *dates.values()),
        pengesah=(signer.jabatan, signer.nama, f"NIP. {signer.nip}") if signer else (),
        nama=sop.nama,
        pairs=(
            (
                ("Dasar Hukum", sop.dasar_hukum),
                ("Kualifikasi Pelaksana", sop.kualifikasi_pelaksana),
            ),
            (("Keterkaitan", keterkaitan), ("Peralatan/Perlengkapan", sop.peralatan)),
            (("Peringatan", sop.peringatan), ("Pencatatan dan Pendataan", sop.pencatatan)),
        ),
        banner=sop.status != "ditetapkan",
        below=qr_height + QR_BELOW if qr_height else 0.0,
    )


def _steps(sop: Sop) -> tuple[Step, ...]:
    names = {actor.id: actor.nama for actor in sop.pelaksana}
    rows: list[Step] = []
    for number, step in enumerate(sop.langkah, start=1):
        if step.pelaksana not in names:
            raise UsageError(
                phrase(
                    "render_actor_undeclared", sop=sop.nama, number=number, actor=step.pelaksana
                ),
                hint=phrase("run_lint_and_fix_all"),
            )
        rows.append(_step(sop.langkah, number, step))
    return tuple(rows)


def _step(steps: list[Langkah], number: int, step: Langkah) -> Step:
    mutu = step.mutu_baku
    return Step(
        number=number,
        kegiatan=step.kegiatan,
        actor=step.pelaksana,
        kelengkapan=tuple(mutu.kelengkapan) if mutu else (),
        waktu=(mutu.waktu or "") if mutu else "",
        output=(mutu.output or "") if mutu else "",
        keterangan=step.keterangan or "",
        shape=symbol(steps, number),
    )


def row_height(step: Step, cols: layout.Columns) -> float:
    listed = len(step.kelengkapan) > 1  # a list is indented; a single item is plain text
    kelengkapan = layout.cell_height(
        step.kelengkapan, cols.kelengkapan, layout.LIST_INDENT if listed else 0.0
    )
    text = layout.row_height(
        [
            ([step.kegiatan], cols.kegiatan),
            ([step.waktu], cols.waktu),
            ([step.output], cols.output),
            ([step.keterangan], cols.keterangan),
        ],
        step.shape,
    )
    return max(text, math.ceil(kelengkapan))


def heading(name: str, cols: layout.Columns) -> list[str]:
    """An actor's column heading in lines: broken at spaces, long words hyphenated."""
    return wrap_heading(name, cols.actor - HEADING_PAD, layout.FONT_PX)


def header_height(sop: Sop, cols: layout.Columns) -> float:
    """The two header rows, from the measured lines of their bold headings."""
    names = [len(heading(a.nama, cols)) for a in sop.pelaksana]
    mutu = [len(wrap_heading(t, w - HEADING_PAD, layout.FONT_PX)) for t, w in _mutu_headings(cols)]
    return 2 * HEADING_PAD + HEADING_LINE * (1 + max([*names, *mutu]))


def _mutu_headings(cols: layout.Columns) -> list[tuple[str, float]]:
    return [("Kelengkapan", cols.kelengkapan), ("Waktu", cols.waktu), ("Output", cols.output)]


def riwayat_height(sop: Sop, cols: layout.Columns) -> float:
    """Room the Riwayat Revisi table takes under the last procedure row (none without
    records): measured at the procedure's font, larger than the table's, to stay safe."""
    if not sop.revisi:
        return 0.0
    width = cols.no + cols.kegiatan + cols.kelengkapan + cols.waktu + cols.output
    width += cols.keterangan + cols.actor * cols.actors - RIWAYAT_FIXED_COLUMNS
    rows = sum(layout.cell_height([r.uraian], width) for r in sop.revisi)
    return RIWAYAT_HEADING + layout.cell_height(["Uraian"], width) + rows


def _pages(
    sop: Sop, steps: tuple[Step, ...], cols: layout.Columns, paper: layout.Paper, total: str
) -> tuple[Page, ...]:
    index = {actor.id: column for column, actor in enumerate(sop.pelaksana)}
    flow = layout.Flow(
        columns=tuple(index[s.actor] for s in steps),
        shapes=tuple(s.shape for s in steps),
        heights=tuple(row_height(s, cols) for s in steps),
        edges=tuple(all_exits(sop.langkah)),
        actors=len(sop.pelaksana),
    )
    capacity = paper.height - header_height(sop, cols) - HEADER_SAFETY
    total_row = layout.cell_height([total], cols.waktu + cols.output + cols.keterangan)
    tail = math.ceil(total_row + riwayat_height(sop, cols))
    chunks = layout.plan(flow, cols.actor, capacity, tail)
    actor_ids = [actor.id for actor in sop.pelaksana]
    return tuple(
        Page(
            rows=tuple(
                PageRow(r.kind, steps[r.step - 1] if r.step else None, r.height) for r in chunk.rows
            ),
            svg=chunk_svg(chunk, actor_ids),
            last=chunk.last,
            chunk=chunk,
        )
        for chunk in chunks
    )


def _unit_name(catalog: Catalog, value: str) -> str:
    unit_id = resolve_unit(catalog.config, value)
    names = {unit.id: unit.nama for unit in catalog.config.units}
    return names.get(unit_id or "", value)


def _link(nomor: str, hubungan: str, titles: Mapping[str, str]) -> str:
    title = titles.get(nomor)
    text = f"{nomor} {title}" if title else nomor
    return f"{text} ({_HUBUNGAN[hubungan]})"


def logo_uri(catalog: Catalog) -> str:
    """The office logo as a data: URI, so the HTML needs no other file (checked as every
    catalog asset is: `sopctl.render.assets`)."""
    from sopctl.render.assets import image_uri

    name = catalog.config.satker.logo
    return image_uri(catalog.root, "satker.logo", name) if name else ""
