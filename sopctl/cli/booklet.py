"""`sopctl booklet`: the office's Buku SOP as one HTML or PDF file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from sopctl.cli.app import LangOption, Status, app, pick_lang
from sopctl.text.help import help_text


@app.command(help=help_text("booklet"))
def booklet(
    path: Annotated[
        Path | None,
        typer.Argument(help=help_text("booklet.path"), show_default=False),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help=help_text("booklet.output"))
    ] = Path("buku-sop.pdf"),
    unit: Annotated[list[str] | None, typer.Option("--unit", help=help_text("common.unit"))] = None,
    area: Annotated[list[str] | None, typer.Option("--area", help=help_text("common.area"))] = None,
    status: Annotated[
        list[Status] | None, typer.Option("--status", help=help_text("common.statuses"))
    ] = None,
    drafts: Annotated[
        bool, typer.Option("--termasuk-draf", help=help_text("booklet.drafts"))
    ] = False,
    lang: LangOption = None,
) -> None:
    from sopctl.catalog.folder import open_catalog
    from sopctl.cli.console import stdout
    from sopctl.render.booklet import Filters, write_booklet
    from sopctl.text.phrases import ui

    start = path or Path.cwd()
    catalog = open_catalog(start)
    chosen = pick_lang(lang, catalog.config.lang)
    filters = Filters(
        units=tuple(unit or ()),
        areas=tuple(area or ()),
        statuses=tuple(s.value for s in status or ()),
        drafts=drafts,
    )
    count = write_booklet(catalog, [path] if path else [], filters, output, dt.date.today())
    stdout().print(ui("booklet_done", chosen, count=count, path=output.as_posix()), markup=False)
