"""`sopctl lint`: the command staff and CI run most."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from sopctl.cli.app import LangOption, app, pick_lang

if TYPE_CHECKING:
    from sopctl.catalog import Catalog
    from sopctl.lint import FileCheck, LintOptions

Format = Literal["text", "json", "github", "sarif", "gitlab"]


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
        Format, typer.Option("--format", "-f", help="text, json, github, sarif atau gitlab.")
    ] = "text",
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REF",
            help="Hanya berkas SOP yang berubah sejak cabang ini berpisah dari REF (git), "
            "ditambah keterkaitan (K002) yang rusak di berkas mana pun.",
            show_default=False,
        ),
    ] = None,
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
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Baca ulang setiap berkas; abaikan dan jangan perbarui cache .sopctl-cache/.",
        ),
    ] = False,
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

      sopctl lint sops --changed-since origin/main --format github
    """
    from sopctl.catalog import open_catalog
    from sopctl.cli.console import print_findings
    from sopctl.lint import LintOptions
    from sopctl.lint import lint as run_lint

    targets = paths or [Path.cwd()]
    catalog = open_catalog(targets[0])
    chosen = pick_lang(lang, catalog.config.lang)
    options = LintOptions(
        select=_codes(select, chosen),
        ignore=_codes(ignore, chosen),
        today=as_of.date() if as_of else date.today(),
        use_cache=not no_cache,
    )
    changed = _changed(catalog, paths or [], changed_since) if changed_since else None
    result = run_lint(
        catalog, paths or [], options, changed=changed, checks=_checks(catalog, options)
    )
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


def _changed(catalog: Catalog, paths: list[Path], revision: str) -> list[Path]:
    """The SOP files changed since `revision`, among `paths` when some are given."""
    from sopctl.catalog import select_files
    from sopctl.changes import changed_since

    changed = changed_since(catalog, revision)
    if not paths:
        return changed
    named = {p.resolve() for p in select_files(catalog, paths)}
    return [p for p in changed if p.resolve() in named]


def _checks(catalog: Catalog, options: LintOptions) -> list[FileCheck]:
    """G001 reads git history: only when wanted (`--ignore G001` skips the git call)."""
    from sopctl.lint import wanted
    from sopctl.stale import stale_revision_findings

    if not wanted("G001", options):
        return []
    return [partial(stale_revision_findings, catalog.root, remember=options.use_cache)]
