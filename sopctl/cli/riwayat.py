"""`sopctl riwayat`: an SOP's revisions from git."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text

if TYPE_CHECKING:
    from sopctl.history.revisions import Revision

Format = Literal["table", "json", "md"]


@app.command(help=help_text("riwayat"))
def riwayat(
    path: Annotated[Path, typer.Argument(help=help_text("riwayat.path"), show_default=False)],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help=help_text("riwayat.format"))
    ] = "table",
    lang: LangOption = None,
) -> None:
    from sopctl.errors import UsageError
    from sopctl.history import output as change_report
    from sopctl.history.revisions import revisions
    from sopctl.text.phrases import ui

    chosen = pick_lang(lang, _catalog_lang(path))
    if not path.is_file():
        shown = path.as_posix()
        raise UsageError(ui("file_not_found", chosen, path=shown), hint=ui("riwayat_hint", chosen))
    found = revisions(path)
    if output_format == "json":
        sys.stdout.write(change_report.revisions_json(found) + "\n")
    elif output_format == "md":
        sys.stdout.write(change_report.revisions_markdown(path.as_posix(), found, chosen))
    else:
        _print_table(path, found, chosen)


def _catalog_lang(path: Path) -> str | None:
    """The `bahasa` of the catalog holding `path`; None outside a catalog or when its
    settings cannot be read (riwayat needs nothing else from them)."""
    from sopctl.catalog.folder import open_catalog
    from sopctl.errors import SopctlError

    try:
        return open_catalog(path).config.lang
    except (SopctlError, OSError):
        return None


def _print_table(path: Path, found: list[Revision], lang: str) -> None:
    from rich.table import Table
    from rich.text import Text

    from sopctl.cli.console import stdout
    from sopctl.history.output import REVISION_COLUMNS, revision_summary
    from sopctl.text.escape import terminal
    from sopctl.text.phrases import ui

    shown = path.as_posix()
    if not found:
        stdout().print(ui("riwayat_none", lang, path=shown), markup=False)
        return
    table = Table(title=ui("riwayat_title", lang, path=shown), title_justify="left")
    for column in REVISION_COLUMNS:
        table.add_column(ui(column, lang), overflow="fold")
    for item in found:
        cells = (item.date.isoformat(), item.short, item.author, item.subject)
        # commit authors and subjects are anyone's text: no markup, no control characters
        table.add_row(*(Text(terminal(cell)) for cell in (*cells, revision_summary(item, lang))))
    stdout().print(table)
