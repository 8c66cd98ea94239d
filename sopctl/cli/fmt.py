"""`sopctl fmt`: rewrite SOP files into the canonical layout, or check that they are."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sopctl.cli.app import LangOption, app, pick_lang

if TYPE_CHECKING:
    from sopctl.canonical import Formatted


@app.command()
def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Berkas atau folder SOP (bawaan: seluruh katalog di folder ini).",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Jangan ubah apa pun; keluar 1 bila ada berkas yang perlu dirapikan.",
        ),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Tampilkan perubahannya (unified diff); tidak menulis.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Rapikan berkas SOP ke satu tata letak baku.

    Urutan kunci sesuai format SOP, indentasi dan tanda kutip seragam, setiap pemetaan dan
    daftar dalam gaya blok (satu butir per baris, agar diff git jelas).

    Komentar dan modeline tetap ada; data tidak pernah berubah (diperiksa sebelum menulis).
    Berkas yang tidak dapat dibaca dilaporkan dan dibiarkan. Penulisan bersifat atomik.

    Kode keluar: 0 selesai, 1 ada berkas yang perlu dirapikan (--check/--diff) atau tidak dapat
    dibaca, 2 salah pemakaian.

    Contoh:

      sopctl fmt sops

      sopctl fmt --check sops

      sopctl fmt --diff sops/sdm/cuti-tahunan.yaml
    """
    from sopctl.canonical import format_file
    from sopctl.catalog import open_catalog, select_files, sop_files
    from sopctl.cli.console import stderr
    from sopctl.lint import shown_path
    from sopctl.messages import ui

    catalog = open_catalog((paths or [Path.cwd()])[0])
    chosen = pick_lang(lang, catalog.config.lang)
    files = select_files(catalog, paths) if paths else sop_files(catalog.root)
    results = [format_file(path, shown_path(path), chosen) for path in files]
    problems = [r for r in results if r.problem is not None]
    changed = [r for r in results if r.changed]
    err = stderr()
    for result in problems:
        err.print(f"{result.shown}:{result.problem}", markup=False)
    for result in changed:
        _apply(result, check=check, diff=diff, lang=chosen)
    counts = {"files": len(files), "changed": len(changed), "problems": len(problems)}
    read_only = check or diff
    if read_only and changed:
        err.print(ui("fmt_check_summary", chosen, **counts), markup=False)
    elif not read_only and (changed or problems):
        err.print(ui("fmt_summary", chosen, **counts), markup=False)
    raise typer.Exit(1 if problems or (read_only and changed) else 0)


def _apply(result: Formatted, *, check: bool, diff: bool, lang: str) -> None:
    """Show the change (--diff), name the file (--check), or write it."""
    from sopctl.cli.console import stdout
    from sopctl.messages import ui
    from sopctl.yamlio import write_atomic

    if diff:
        sys.stdout.write(result.diff())
    elif check:
        stdout().print(ui("fmt_would_change", lang, path=result.shown), markup=False)
    elif result.after is not None:
        write_atomic(result.path, result.after)
        stdout().print(ui("fmt_changed", lang, path=result.shown), markup=False)
