"""`sopctl impor`: Word SOP files into the catalog's YAML, with a summary per file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text

if TYPE_CHECKING:
    from sopctl.word.importer import FileResult


@app.command(help=help_text("impor"))
def impor(
    files: Annotated[list[Path], typer.Argument(help=help_text("impor.files"), show_default=False)],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=help_text("impor.output"))
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=help_text("impor.unit"))] = None,
    area: Annotated[str | None, typer.Option("--area", help=help_text("impor.area"))] = None,
    lang: LangOption = None,
) -> None:
    import datetime as dt

    from sopctl.catalog.folder import open_catalog
    from sopctl.catalog.names import check_area, check_unit
    from sopctl.word.importer import import_files
    from sopctl.word.mapping import Hints

    catalog = open_catalog(output if output is not None and output.exists() else Path.cwd())
    chosen = pick_lang(lang, catalog.config.lang)
    hints = Hints(
        unit=check_unit(catalog, unit) if unit else None,
        area=check_area(catalog, area) if area else None,
    )
    results = import_files(catalog, files, hints, output, dt.date.today())
    _summary(results, chosen)
    if any(result.error for result in results):
        raise typer.Exit(1)


def _summary(results: list[FileResult], lang: str) -> None:
    from rich.table import Table

    from sopctl.catalog.shown import shown_path
    from sopctl.cli.console import stderr, stdout
    from sopctl.text.phrases import ui

    table = Table(box=None, show_edge=False, pad_edge=False)
    table.add_column(ui("col_berkas", lang), overflow="fold", ratio=2)
    table.add_column(ui("col_ditulis", lang), overflow="fold", ratio=3)
    for key in ("col_langkah", "col_pelaksana", "col_simbol", "col_isian"):
        table.add_column(ui(key, lang), justify="right", no_wrap=True)
    holes = 0
    needs: list[str] = []
    for result in results:
        if result.error:
            message = ui(result.error, lang, **result.error_args)
            stderr().print(
                ui("impor_file_error", lang, path=result.source.as_posix(), message=message),
                markup=False,
                highlight=False,
            )
            table.add_row(result.source.name, ui("impor_failed_mark", lang), "", "", "", "")
        for sop in result.written:
            holes += sop.placeholders
            shown = shown_path(sop.path)
            if sop.notes:
                notes = ", ".join(ui(note, lang) for note in sop.notes)
                needs.append(ui("impor_needs", lang, path=shown, notes=notes))
            table.add_row(
                result.source.name,
                shown,
                str(sop.steps),
                str(sop.actors),
                f"{sop.shapes}/{sop.steps}",
                str(sop.placeholders),
            )
    console = stdout()
    console.print(table, markup=False, highlight=False)
    for line in needs:
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    done = ui(
        "impor_summary",
        lang,
        files=len(results),
        sops=sum(len(r.written) for r in results),
        failed=sum(1 for r in results if r.error),
        holes=holes,
    )
    console.print(done, markup=False, highlight=False)
    if holes:
        console.print(ui("impor_next", lang), markup=False, highlight=False)
