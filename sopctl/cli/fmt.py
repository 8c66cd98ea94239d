"""`sopctl fmt`: rewrite SOP files into the canonical layout, or check that they are."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sopctl.cli.app import LangOption, app, pick_lang


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
    from sopctl.cli.console import stderr, stdout
    from sopctl.lint import shown_path
    from sopctl.messages import ui
    from sopctl.yamlio import write_atomic

    catalog = open_catalog((paths or [Path.cwd()])[0])
    chosen = pick_lang(lang, catalog.config.lang)
    files = select_files(catalog, paths) if paths else sop_files(catalog.root)
    out, err = stdout(), stderr()
    changed = problems = 0
    for path in files:
        result = format_file(path, shown_path(path), chosen)
        if result.problem is not None:
            problems += 1
            err.print(f"{result.shown}:{result.problem}", markup=False)
            continue
        if not result.changed or result.after is None:
            continue
        changed += 1
        if diff:
            sys.stdout.write(result.diff())
        elif check:
            out.print(ui("fmt_would_change", chosen, path=result.shown), markup=False)
        else:
            write_atomic(path, result.after)
            out.print(ui("fmt_changed", chosen, path=result.shown), markup=False)
    read_only = check or diff
    if read_only and changed:
        err.print(ui("fmt_check_summary", chosen, changed=changed, files=len(files)), markup=False)
    elif not read_only and (changed or problems):
        summary = ui("fmt_summary", chosen, files=len(files), changed=changed, problems=problems)
        err.print(summary, markup=False)
    raise typer.Exit(1 if problems or (read_only and changed) else 0)
