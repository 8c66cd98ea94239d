"""`sopctl booklet`: the office's Buku SOP as one HTML or PDF file."""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Annotated

import typer

from sopctl.cli.app import app


class Status(enum.StrEnum):  # typer takes a repeated option of an Enum, not of a Literal
    draf = "draf"
    ditetapkan = "ditetapkan"
    dicabut = "dicabut"


@app.command()
def booklet(
    path: Annotated[
        Path | None,
        typer.Argument(help="Katalog atau subfolder (bawaan: folder ini).", show_default=False),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Berkas tujuan: .html atau .pdf.")
    ] = Path("buku-sop.pdf"),
    unit: Annotated[
        list[str] | None, typer.Option("--unit", help="Hanya unit ini (id, kode atau alias).")
    ] = None,
    area: Annotated[
        list[str] | None, typer.Option("--area", help="Hanya area RB ini (id atau alias).")
    ] = None,
    status: Annotated[
        list[Status] | None,
        typer.Option("--status", help="Hanya status ini (boleh diulang). Bawaan: selain dicabut."),
    ] = None,
) -> None:
    """Susun Buku SOP: sampul, lembar penetapan, daftar isi per unit dengan
    nomor halaman, lalu setiap SOP mulai di halaman baru. Kepala halaman
    memuat nomor SOP; kaki halaman memuat nomor halaman, tanggal cetak dan
    commit git (bila katalog berada di repositori git).

    Contoh:

      sopctl booklet sops -o buku-sop.pdf

      sopctl booklet sops --unit sdm --status ditetapkan -o buku-sdm.html
    """
    from sopctl.booklet import Filters, write_booklet
    from sopctl.catalog import open_catalog
    from sopctl.cli.console import stdout

    start = path or Path.cwd()
    catalog = open_catalog(start)
    filters = Filters(
        units=tuple(unit or ()),
        areas=tuple(area or ()),
        statuses=tuple(s.value for s in status or ()),
    )
    count = write_booklet(catalog, [path] if path else [], filters, output, dt.date.today())
    stdout().print(f"Buku SOP ({count} SOP) ditulis ke {output.as_posix()}", markup=False)
