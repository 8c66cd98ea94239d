"""`sopctl renumber PATH`: resolve a duplicate number by giving one SOP the next free one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text


@app.command(help=help_text("renumber"))
def renumber(
    path: Annotated[Path, typer.Argument(help=help_text("renumber.path"))],
    lang: LangOption = None,
) -> None:
    import datetime as dt

    from sopctl.author.renumber import renumber as run_renumber
    from sopctl.catalog.folder import open_catalog
    from sopctl.catalog.shown import shown_path
    from sopctl.cli.console import stdout
    from sopctl.errors import UsageError
    from sopctl.text.phrases import ui

    if not path.is_file():
        asked = pick_lang(lang)
        message = ui("not_sop_file", asked, path=path.as_posix())
        raise UsageError(message, hint=ui("give_yaml_path", asked))
    catalog = open_catalog(path)
    chosen = pick_lang(lang, catalog.config.lang)
    done = run_renumber(catalog, path, dt.date.today())
    console = stdout()
    shown = shown_path(done.path)
    console.print(
        ui("renumber_done", chosen, path=shown, old=done.old or "-", new=done.new), markup=False
    )
    if done.old is None:
        return
    if not done.links:
        console.print(ui("renumber_no_links", chosen, old=done.old), markup=False)
        return
    console.print(ui("renumber_links", chosen, old=done.old), markup=False)
    for link in done.links:
        console.print(f"  {shown_path(link.path)}:{link.line}:{link.column}", markup=False)
