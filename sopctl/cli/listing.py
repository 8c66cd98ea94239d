"""`sopctl list`: the catalog as a table, JSON or CSV.

(Named `listing`, not `list`, so that importing it never shadows the builtin.)
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text

if TYPE_CHECKING:
    from rich.console import Console

    from sopctl.catalog.folder import Catalog
    from sopctl.lint.findings import Finding
    from sopctl.report.listing import Filters, Row

Format = Literal["table", "json", "csv"]
Column = Literal["nomor", "nama", "unit", "area", "status", "efektif", "jatuh_tempo"]
Status = Literal["draf", "ditetapkan", "dicabut"]

_COLUMNS = (
    "col_nomor",
    "col_nama",
    "col_unit",
    "col_area",
    "col_status",
    "col_efektif",
    "col_jatuh_tempo",
)


@app.command("list", help=help_text("list"))
def list_sops(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=help_text("common.paths"), show_default=False),
    ] = None,
    unit: Annotated[str | None, typer.Option(help=help_text("common.unit"))] = None,
    area: Annotated[str | None, typer.Option(help=help_text("common.area"))] = None,
    status: Annotated[Status | None, typer.Option(help=help_text("list.status"))] = None,
    jatuh_tempo: Annotated[
        bool, typer.Option("--jatuh-tempo", help=help_text("list.jatuh_tempo"))
    ] = False,
    cari: Annotated[
        str | None,
        typer.Option(help=help_text("list.cari")),
    ] = None,
    sort: Annotated[Column, typer.Option("--sort", help=help_text("list.sort"))] = "nomor",
    reverse: Annotated[bool, typer.Option("--terbalik", help=help_text("list.reverse"))] = False,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help=help_text("list.format"))
    ] = "table",
    no_cache: Annotated[bool, typer.Option("--no-cache", help=help_text("lint.no_cache"))] = False,
    lang: LangOption = None,
) -> None:
    from sopctl.catalog.folder import open_catalog
    from sopctl.report.listing import collect, select, sort_rows, to_csv, to_json

    catalog = open_catalog((paths or [Path.cwd()])[0])
    chosen = pick_lang(lang, catalog.config.lang)
    filters = _filters(catalog, unit, area, status, jatuh_tempo, cari, chosen)
    files, shown = _files(catalog, paths or [])
    today = dt.date.today()
    listing = collect(catalog, files, shown, today=today, use_cache=not no_cache, search=bool(cari))
    rows = sort_rows(select(listing.rows, filters, today), sort, reverse=reverse)
    _note_skipped(listing.skipped, chosen)
    if output_format == "json":
        sys.stdout.write(to_json(rows) + "\n")
    elif output_format == "csv":
        sys.stdout.write(to_csv(rows))
    else:
        _print_rows(rows, today, chosen)


def _filters(
    catalog: Catalog,
    unit: str | None,
    area: str | None,
    status: str | None,
    overdue: bool,
    cari: str | None,
    lang: str,
) -> Filters:
    from sopctl.catalog.names import check_area, check_unit
    from sopctl.report.listing import Filters

    return Filters(
        unit=check_unit(catalog, unit) if unit else None,
        area=check_area(catalog, area) if area else None,
        status=status,
        overdue=overdue,
        cari=cari,
    )


def _files(catalog: Catalog, paths: list[Path]) -> tuple[list[Path] | list[str], list[str] | None]:
    """The files to list and, for files the user named, their names as typed."""
    from sopctl.catalog.folder import select_files, sop_file_names
    from sopctl.catalog.shown import shown_path

    if not paths:  # absolute: named as lint names them (strings: 16,500 `Path`s cost 0.1 s)
        return sop_file_names(str(catalog.root)), None
    files = select_files(catalog, paths)
    return files, [shown_path(path) for path in files]


def _note_skipped(skipped: list[tuple[str, Finding | None]], lang: str) -> None:
    from sopctl.cli.console import stderr
    from sopctl.text.escape import terminal
    from sopctl.text.phrases import ui

    console = stderr()
    for path, first in skipped:
        detail = first.text(lang)[0] if first is not None else ""
        console.print(terminal(ui("list_skipped", lang, path=path, detail=detail)), markup=False)


_TABLE_MIN_WIDTH = 110  # below this a seven-column table folds every value; list blocks instead


def _print_rows(rows: list[Row], today: dt.date, lang: str) -> None:
    from sopctl.cli.console import stdout
    from sopctl.text.phrases import ui

    console = stdout()
    if not rows:
        console.print(ui("list_empty", lang))
    elif console.width < _TABLE_MIN_WIDTH:
        _print_blocks(console, rows, today, lang)
    else:
        _print_table(console, rows, today, lang)


def _cells(row: Row) -> list[str]:
    """The row's values as shown, without control characters (SOP text may hold escapes)."""
    from sopctl.text.escape import terminal

    due = f"{row.jatuh_tempo.isoformat()} {row.jatuh_tempo_jenis}" if row.jatuh_tempo else ""
    efektif = row.efektif.isoformat() if row.efektif else ""
    values = [row.nomor, row.nama, row.unit, row.area, row.status, efektif]
    return [terminal(value or "-") for value in values] + [due]


def _headers(lang: str) -> list[str]:
    from sopctl.text.phrases import ui

    return [ui(column, lang) for column in _COLUMNS]


def _print_table(console: Console, rows: list[Row], today: dt.date, lang: str) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, collapse_padding=True)
    widest = max(len(_cells(row)[0]) for row in rows)
    for index, header in enumerate(_headers(lang)):
        # the number stays on one line and the title keeps 24 columns; all else folds to fit
        least = {0: widest, 1: 24}.get(index)
        table.add_column(header, overflow="fold", min_width=least)
    for row in rows:
        *cells, due = _cells(row)
        table.add_row(*map(Text, cells), Text(due, style="red" if row.overdue(today) else ""))
    console.print(table)


def _print_blocks(console: Console, rows: list[Row], today: dt.date, lang: str) -> None:
    """One block per SOP: number and status, then the title and the other columns labelled.

    Unstyled output (a pipe, a file) of plain ASCII is laid out without rich, the same text
    in a fraction of the time; anything else goes through rich.
    """
    from rich.padding import Padding
    from rich.text import Text

    from sopctl.cli import plaintext

    headers = _headers(lang)
    width = console.width  # rich looks it up anew each time
    unstyled = console.color_system is None and width >= _PLAIN_MIN_WIDTH
    pending: list[str] = []
    for row in rows:
        head, details = _block(row, headers, today)
        first, rest = "".join([t for t, _ in head]), "".join([t for t, _ in details])
        checked = first + "".join([t for t, _ in details if t != "\n"])  # the title's break
        if unstyled and plaintext.single_cell(checked):
            pending += plaintext.wrap(first, width)
            pending += plaintext.padded(rest, 2, width)
            continue
        _flush(console, pending)
        console.print(Text.assemble(*head), soft_wrap=False)
        console.print(Padding(Text.assemble(*details), (0, 0, 0, 2), expand=False), soft_wrap=False)
    _flush(console, pending)


_PLAIN_MIN_WIDTH = 20  # narrower consoles are left to rich
_Piece = tuple[str, str]  # text and rich style


def _block(row: Row, headers: list[str], today: dt.date) -> tuple[list[_Piece], list[_Piece]]:
    """The pieces of a block's first line and of its indented details."""
    nomor, nama, unit, area, status, efektif, due = _cells(row)
    head = [(f"{nomor}  ", "bold"), (status, "")]
    details = [(nama, ""), ("\n", "")]
    for label, value in zip(headers[2:], (unit, area, status, efektif, due), strict=True):
        if value not in ("", "-") and label != headers[4]:
            overdue = label == headers[6] and row.overdue(today)
            details += [(f"{label}: ", "dim"), (value, "red" if overdue else ""), ("  ", "")]
    return head, details


def _flush(console: Console, lines: list[str]) -> None:
    if lines:
        console.file.write("\n".join(lines) + "\n")
        lines.clear()
