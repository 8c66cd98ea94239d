"""`sopctl diff`: what changed in the catalog, in SOP terms."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text

Format = Literal["text", "md", "json"]


@app.command(help=help_text("diff"))
def diff(
    base: Annotated[
        str | None,
        typer.Argument(help=help_text("diff.base"), show_default=False),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(help=help_text("diff.head"), show_default=False),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help=help_text("diff.format"))
    ] = "text",
    folder: Annotated[
        Path,
        typer.Option("--katalog", "-C", help=help_text("diff.folder")),
    ] = Path("."),
    lang: LangOption = None,
) -> None:
    from sopctl.catalog.folder import open_catalog
    from sopctl.history import output as change_report
    from sopctl.history.snapshot import compare

    catalog = open_catalog(folder)
    chosen = pick_lang(lang, catalog.config.lang)
    comparison = compare(catalog, base, head)
    if output_format == "json":  # for programs: the same in every language
        sys.stdout.write(change_report.comparison_json(comparison) + "\n")
    elif output_format == "md":
        sys.stdout.write(change_report.to_markdown(comparison, chosen))
    else:
        _print_text(change_report.to_text(comparison, chosen))


def _print_text(text: str) -> None:
    from rich.markup import escape

    from sopctl.cli.console import stdout
    from sopctl.text.escape import terminal

    styles = {"+": "green", "-": "red", "~": "yellow"}
    console = stdout()
    for line in terminal(text).splitlines():
        style = styles.get(line[:1], "")
        console.print(f"[{style}]{escape(line)}[/]" if style else escape(line))
