"""One SOP made ready to print: identity values in words, rows with fixed heights, pages of
the procedure with their flowchart drawings. Templates only place these values."""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sopctl.catalog.folder import Catalog
from sopctl.catalog.names import resolve_unit
from sopctl.errors import ConfigError, UsageError
from sopctl.render.chart import layout
from sopctl.render.chart.svg import chunk_svg
from sopctl.sop.dates import tanggal
from sopctl.sop.flow import all_exits, format_total, symbol, total_time
from sopctl.sop.model import Langkah, Sop

HEADER_SAFETY = 16.0  # px kept free on each page for rounding in the browser or PDF engine
_HUBUNGAN = {"prasyarat": "prasyarat", "lanjutan": "lanjutan", "terkait": "terkait"}
_IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg"}


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
    chunk: layout.Chunk | None = None  # the drawing's geometry, for writers that place shapes


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
    riwayat: tuple[Mapping[str, str], ...] = ()  # "Riwayat Revisi" rows from git, newest first

    @property
    def table_width(self) -> float:
        c = self.columns
        fixed = c.no + c.kegiatan + c.kelengkapan + c.waktu + c.output + c.keterangan
        return fixed + c.actor * c.actors


def build(
    sop: Sop,
    catalog: Catalog,
    titles: Mapping[str, str],
    logo: str,
    riwayat: Sequence[Mapping[str, str]] = (),
) -> SopDocument:
    """Everything the templates print for `sop`; `titles` maps SOP numbers to names."""
    buku = catalog.config.buku
    paper = layout.paper(buku.kertas, buku.orientasi)
    cols = layout.columns(paper.width, len(sop.pelaksana))
    steps = _steps(sop)
    total = format_total(total_time(sop.langkah))
    return SopDocument(
        sop=sop,
        nomor=sop.nomor or "-",
        unit=_unit_name(catalog, sop.unit),
        satker=catalog.config.satker.nama,
        logo=logo,
        dates={
            "pembuatan": tanggal(sop.tanggal.pembuatan),
            "revisi": tanggal(sop.tanggal.revisi),
            "efektif": tanggal(sop.tanggal.efektif),
        },
        keterkaitan=tuple(_link(link.nomor, link.hubungan, titles) for link in sop.keterkaitan),
        columns=cols,
        steps=steps,
        pages=_pages(sop, steps, cols, paper, total),
        total=total,
        paper=paper,
        riwayat=tuple(riwayat),
    )


def _steps(sop: Sop) -> tuple[Step, ...]:
    names = {actor.id: actor.nama for actor in sop.pelaksana}
    rows: list[Step] = []
    for number, step in enumerate(sop.langkah, start=1):
        if step.pelaksana not in names:
            raise UsageError(
                f"{sop.nama}: langkah {number}: pelaksana `{step.pelaksana}` tidak dideklarasikan",
                hint="jalankan `sopctl lint` dan perbaiki berkasnya",
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
    return layout.row_height(
        [
            ([step.kegiatan], cols.kegiatan),
            ([f"- {item}" for item in step.kelengkapan], cols.kelengkapan),
            ([step.waktu], cols.waktu),
            ([step.output], cols.output),
            ([step.keterangan], cols.keterangan),
        ]
    )


def header_height(sop: Sop, cols: layout.Columns) -> float:
    """The two header rows; bold text is measured in a narrower cell to stay on the safe side."""
    names = [layout.cell_height([a.nama], cols.actor * 0.85) for a in sop.pelaksana]
    second = max([*names, layout.cell_height(["Kelengkapan"], cols.kelengkapan * 0.85)])
    return layout.cell_height(["Pelaksana"], cols.actor) + second


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
    tail = math.ceil(layout.cell_height([total], cols.waktu))
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
    """The office logo as a data: URI, so the HTML needs no other file."""
    name = catalog.config.satker.logo
    if not name:
        return ""
    path = catalog.root / name
    kind = _IMAGE_TYPES.get(Path(name).suffix.lower().replace(".jpeg", ".jpg"))
    if kind is None:
        raise ConfigError(
            f"satker.logo `{name}`: jenis gambar tidak didukung",
            hint="gunakan .svg, .png atau .jpg",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"satker.logo `{name}`: berkas tidak dapat dibaca ({exc.strerror})",
            hint="periksa path logo di sopctl.toml (relatif terhadap akar katalog)",
        ) from exc
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
