"""`sopctl report`: SOP counts per unit and per RB change area, for terminal, CI and print."""

from __future__ import annotations

import datetime as dt
import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from sopctl.cli.app import LangOption, Status, app, pick_lang
from sopctl.text.help import help_text

if TYPE_CHECKING:
    from sopctl.catalog.folder import Catalog
    from sopctl.report.model import Report

Format = Literal["table", "json", "csv", "md", "html"]


class Dimension(enum.StrEnum):
    unit = "unit"
    area = "area"
    status = "status"
    jenis = "jenis"
    satker = "satker"


@app.command(help=help_text("report"))
def report(
    path: Annotated[
        Path | None,
        typer.Argument(help=help_text("report.path"), show_default=False),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help=help_text("report.format"))
    ] = "table",
    status: Annotated[
        list[Status] | None,
        typer.Option("--status", help=help_text("common.statuses")),
    ] = None,
    unit: Annotated[list[str] | None, typer.Option("--unit", help=help_text("common.unit"))] = None,
    area: Annotated[list[str] | None, typer.Option("--area", help=help_text("common.area"))] = None,
    by: Annotated[
        list[Dimension] | None,
        typer.Option("--by", help=help_text("report.by")),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=help_text("report.output")),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=help_text("lint.no_cache"))] = False,
    lang: LangOption = None,
) -> None:
    from sopctl.report.collect import build, find_sources
    from sopctl.report.model import Scope

    dims = _dimensions(by or [], pick_lang(lang))
    sources = find_sources(path or Path.cwd())
    chosen = pick_lang(lang, sources[0].catalog.config.lang)
    statuses = tuple(s.value for s in status or [])
    scope = Scope(statuses, tuple(unit or ()), tuple(area or ()), dt.date.today())
    result = build(sources, scope, use_cache=not no_cache)
    _warn(result, chosen)
    catalog = sources[0].catalog if len(sources) == 1 else None
    text = _text(result, output_format, dims, catalog, chosen)
    if output is None:
        sys.stdout.write(text)
    else:
        _write(output, text, chosen)


def _dimensions(by: list[Dimension], lang: str) -> tuple[str, ...]:
    """The one or two dimensions asked for with --by, in order; none: the default."""
    from sopctl.errors import UsageError
    from sopctl.text.phrases import ui

    dims = tuple(dict.fromkeys(d.value for d in by))
    if len(dims) > 2:
        raise UsageError(ui("report_by_max", lang), hint=ui("report_by_hint", lang))
    return dims


def _text(
    result: Report, fmt: str, asked: tuple[str, ...], catalog: Catalog | None, lang: str
) -> str:
    """The report in `fmt`; the terminal table in `lang` (the files are Indonesian
    documents, like the printed SOPs)."""
    from sopctl.report.output import WRITERS, default_by

    write = WRITERS.get(fmt)
    if write:
        return write(result, asked, catalog)
    return _table(result, asked or default_by(result), lang)


def _table(result: Report, dims: tuple[str, ...], lang: str) -> str:
    from rich.table import Table
    from rich.text import Text

    from sopctl.cli.console import stdout
    from sopctl.report.model import table
    from sopctl.report.output import grid, legend_text, notes, scope_text, title
    from sopctl.text.escape import terminal

    data = table(result, dims)
    lines = grid(data, short=True, lang=lang)
    view = Table(title=title(result, lang), caption=scope_text(result, lang), show_footer=True)
    for index, head in enumerate(lines[0]):
        justify: Literal["left", "right"] = "left" if index == 0 else "right"
        view.add_column(head, footer=lines[-1][index], justify=justify, style=_style(index, lines))
    for line in lines[1:-1]:
        view.add_row(*(Text(terminal(cell)) for cell in line))  # names from sopctl.toml
    console = stdout()
    if not console.is_terminal:
        console.width = 200  # CI logs and files: keep the table's own width, never wrap it
    with console.capture() as captured:
        console.print(view)
        if legend_text(data.cols, lang):
            console.print(terminal(legend_text(data.cols, lang)), markup=False)
        for note in notes(result, lang):
            console.print(terminal(note), markup=False)
    return captured.get()


def _style(index: int, lines: list[list[str]]) -> str:
    return "bold" if index == len(lines[0]) - 1 else ""


def _warn(result: Report, lang: str) -> None:
    """Files that could not be counted, and SOPs counted as unknown, on standard error."""
    from sopctl.cli.console import stderr
    from sopctl.report.model import UNKNOWN
    from sopctl.text.escape import terminal
    from sopctl.text.phrases import ui

    console = stderr()
    if result.skipped:
        heading = ui("report_skipped", lang, count=len(result.skipped))
        console.print(heading, markup=False, style="yellow")
        for item in result.skipped:
            first = item.first
            said = (
                f"{first.line}:{first.column} {first.code} {first.text(lang)[0]}" if first else ""
            )
            console.print(terminal(f"  {item.path}: {said or item.reason}"), markup=False)
    for unknown in result.unknown:
        args = {"path": unknown.path, "field": unknown.field, "value": unknown.value}
        line = ui("report_unknown", lang, **args, unknown=UNKNOWN)
        console.print(terminal(line), markup=False, style="yellow")


def _write(path: Path, text: str, lang: str) -> None:
    from sopctl.cli.console import stderr
    from sopctl.errors import UsageError
    from sopctl.sop.yamlio import write_atomic
    from sopctl.text.phrases import ui

    if not path.parent.is_dir():
        folder = path.parent.as_posix()
        raise UsageError(ui("folder_missing", lang, path=folder), hint=ui("create_folder", lang))
    # Excel on Windows reads a CSV as UTF-8 only when it starts with a byte-order mark
    write_atomic(path, "\ufeff" + text if path.suffix.lower() == ".csv" else text)
    stderr().print(ui("wrote", lang, path=path.as_posix()), markup=False)
