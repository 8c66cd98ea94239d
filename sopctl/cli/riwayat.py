"""`sopctl riwayat`: an SOP's revisions from git."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from sopctl.cli.app import app

if TYPE_CHECKING:
    from sopctl.history import Revision

Format = Literal["table", "json", "md"]


@app.command()
def riwayat(
    path: Annotated[Path, typer.Argument(help="Berkas SOP.", show_default=False)],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="table, json atau md.")
    ] = "table",
) -> None:
    """Tampilkan riwayat revisi satu SOP dari git, terbaru lebih dulu.

    Setiap baris: tanggal, commit, penulis, subjek commit, dan bidang atau langkah yang
    berubah. Penggantian nama berkas diikuti.

    Contoh:

      sopctl riwayat sops/sdm/duk.yaml

      sopctl riwayat sops/sdm/duk.yaml --format md
    """
    from sopctl import change_report
    from sopctl.errors import UsageError
    from sopctl.history import revisions

    if not path.is_file():
        raise UsageError(f"{path}: berkas tidak ditemukan", hint="sebutkan satu berkas SOP")
    found = revisions(path)
    if output_format == "json":
        sys.stdout.write(change_report.revisions_json(found) + "\n")
    elif output_format == "md":
        sys.stdout.write(change_report.revisions_markdown(path.as_posix(), found))
    else:
        _print_table(path, found)


def _print_table(path: Path, found: list[Revision]) -> None:
    from rich.table import Table

    from sopctl.change_report import revision_summary
    from sopctl.cli.console import stdout

    if not found:
        stdout().print(f"{path.as_posix()}: belum ada di riwayat git (belum di-commit).")
        return
    table = Table(title=f"Riwayat Revisi {path.as_posix()}", title_justify="left")
    for column in ("Tanggal", "Commit", "Penulis", "Subjek", "Perubahan"):
        table.add_column(column, overflow="fold")
    for item in found:
        summary = revision_summary(item)
        table.add_row(item.date.isoformat(), item.short, item.author, item.subject, summary)
    stdout().print(table)
