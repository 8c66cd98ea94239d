"""`sopctl diff`: what changed in the catalog, in SOP terms."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from sopctl.cli.app import app

Format = Literal["text", "md", "json"]


@app.command()
def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            help="Revisi pembanding (bawaan: cabang utama: origin/HEAD, main atau master).",
            show_default=False,
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(help="Revisi yang dibandingkan (bawaan: pohon kerja).", show_default=False),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="text, md (komentar pull request) atau json.")
    ] = "text",
    folder: Annotated[
        Path,
        typer.Option("--katalog", "-C", help="Folder di dalam katalog (bawaan: folder ini)."),
    ] = Path("."),
) -> None:
    """Bandingkan katalog SOP antara dua revisi git, per SOP dan per langkah.

    Menampilkan SOP yang ditambahkan, dihapus, dinomori ulang, berganti nama atau berkasnya
    dipindah; untuk setiap SOP yang berubah: bidang identitas yang berubah dan langkah yang
    ditambahkan, dihapus atau diubah (dicocokkan menurut teks kegiatan, bukan hanya urutan).
    Pembanding adalah titik cabang (merge-base) BASE dengan HEAD, seperti sebuah pull request.

    Contoh:

      sopctl diff

      sopctl diff origin/main --format md > komentar.md

      sopctl diff v1.0 v2.0 --format json
    """
    from sopctl import change_report
    from sopctl.catalog import open_catalog
    from sopctl.changes import compare

    comparison = compare(open_catalog(folder), base, head)
    if output_format == "json":
        sys.stdout.write(change_report.comparison_json(comparison) + "\n")
    elif output_format == "md":
        sys.stdout.write(change_report.to_markdown(comparison))
    else:
        _print_text(change_report.to_text(comparison))


def _print_text(text: str) -> None:
    from rich.markup import escape

    from sopctl.cli.console import stdout

    styles = {"+": "green", "-": "red", "~": "yellow"}
    console = stdout()
    for line in text.splitlines():
        style = styles.get(line[:1], "")
        console.print(f"[{style}]{escape(line)}[/]" if style else escape(line))
