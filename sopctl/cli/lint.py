"""`sopctl lint`: the command staff and CI run most."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Literal

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.cli.console import print_findings

Format = Literal["text", "json", "github", "sarif"]


@app.command()
def lint(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Berkas atau folder SOP (bawaan: seluruh katalog di folder ini).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="text, json, github atau sarif.")
    ] = "text",
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Hanya kode (atau awalan) ini, mis. P atau P009,K001."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Lewati kode (atau awalan) ini.")
    ] = None,
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--per-tanggal",
            formats=["%Y-%m-%d"],
            help="Nilai jatuh tempo monitoring/evaluasi per tanggal ini (bawaan: hari ini).",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Periksa berkas SOP terhadap format SOP-AP dan aturan katalog.

    Aturan lintas berkas (nomor unik, keterkaitan, unit, area RB) selalu melihat seluruh
    katalog, juga bila hanya satu berkas yang diperiksa.

    Kode keluar: 0 tanpa error, 1 ada error, 2 salah pemakaian atau konfigurasi, 3 kesalahan
    tak terduga.

    Contoh:

      sopctl lint sops

      sopctl lint sops/sdm/cuti-tahunan.yaml --format json

      sopctl lint --select P --ignore P010 --format github
    """
    from sopctl.catalog import open_catalog
    from sopctl.lint import LintOptions
    from sopctl.lint import lint as run_lint

    targets = paths or [Path.cwd()]
    catalog = open_catalog(targets[0])
    chosen = pick_lang(lang, catalog.config.lang)
    options = LintOptions(
        select=_codes(select, chosen),
        ignore=_codes(ignore, chosen),
        today=as_of.date() if as_of else date.today(),
    )
    result = run_lint(catalog, paths or [], options)
    print_findings(result, output_format, chosen)
    raise typer.Exit(1 if result.count("error") else 0)


def _codes(values: list[str] | None, lang: str) -> tuple[str, ...]:
    from sopctl.errors import UsageError
    from sopctl.lint import known_prefix
    from sopctl.messages import ui

    codes = tuple(c.strip().upper() for v in values or [] for c in v.split(",") if c.strip())
    for code in codes:
        if not known_prefix(code):
            raise UsageError(ui("unknown_code", lang, code=code), hint="lihat README: kode aturan")
    return codes
