"""`sopctl render`: SOPs as Markdown, HTML or PDF documents in the official SOP-AP form."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from sopctl.cli.app import app

Format = Literal["md", "html", "pdf"]


@app.command()
def render(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Berkas atau folder SOP (bawaan: seluruh katalog di folder ini).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="md, html atau pdf.")
    ] = "html",
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Folder tujuan; tidak ada yang ditulis di luarnya."),
    ] = Path("render"),
) -> None:
    """Render SOP ke dokumen format SOP-AP: bagian identitas dan tabel
    prosedur dengan diagram alir (kapsul, kotak, belah ketupat, penghubung
    antarhalaman).

    HTML: satu berkas mandiri per SOP (CSS, SVG dan logo di dalamnya).
    Markdown: tabel dan diagram Mermaid untuk ditinjau di pull request.
    PDF: dicetak dengan WeasyPrint (pip install "sopctl\\[pdf]"); kertas dan
    orientasi dari \\[buku] di sopctl.toml.

    Nama berkas keluaran diambil dari nomor SOP, mis.
    001-SOP-SDM-KPU-Prov-35-2022.html.

    Contoh:

      sopctl render sops/sdm --format html -o cetak

      sopctl render sops/sdm/cuti-tahunan.yaml -f pdf -o cetak
    """
    from sopctl.catalog import open_catalog
    from sopctl.cli.console import stdout
    from sopctl.render import render_files

    targets = paths or [Path.cwd()]
    catalog = open_catalog(targets[0])
    written = render_files(catalog, paths or [], output_format, output)
    console = stdout()
    for path in written:
        console.print(path.as_posix(), highlight=False, markup=False)
    console.print(f"{len(written)} berkas {output_format.upper()} ditulis ke {output.as_posix()}")
