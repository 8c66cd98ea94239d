"""`sopctl render`: SOPs as Markdown, HTML, PDF or Word documents in the official SOP-AP form."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text

Format = Literal["md", "html", "pdf", "docx"]
DEFAULT_FOLDER = Path("render")


@app.command(help=help_text("render"))
def render(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=help_text("common.paths"), show_default=False),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help=help_text("render.format"))
    ] = "html",
    output: Annotated[
        Path, typer.Option("--output", "-o", help=help_text("render.output"))
    ] = DEFAULT_FOLDER,
    lang: LangOption = None,
) -> None:
    from sopctl.catalog.folder import open_catalog
    from sopctl.cli.console import stdout
    from sopctl.render.files import render_files
    from sopctl.text.phrases import ui

    targets = paths or [Path.cwd()]
    catalog = open_catalog(targets[0])
    chosen = pick_lang(lang, catalog.config.lang)
    written = render_files(catalog, paths or [], output_format, output)
    console = stdout()
    for path in written:
        console.print(path.as_posix(), highlight=False, markup=False)
    done = ui(
        "render_done",
        chosen,
        count=len(written),
        format=output_format.upper(),
        folder=output.as_posix(),
    )
    console.print(done, markup=False)
