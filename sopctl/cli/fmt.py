"""`sopctl fmt`: rewrite SOP files into the canonical layout, or check that they are."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text

if TYPE_CHECKING:
    from sopctl.sop.canonical import Formatted


@app.command(help=help_text("fmt"))
def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=help_text("common.paths"), show_default=False),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help=help_text("fmt.check")),
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help=help_text("fmt.diff"))] = False,
    lang: LangOption = None,
) -> None:
    from sopctl.catalog.folder import open_catalog, select_files, sop_files
    from sopctl.catalog.shown import shown_path
    from sopctl.cli.console import stderr
    from sopctl.sop.canonical import format_file
    from sopctl.text.phrases import ui

    catalog = open_catalog((paths or [Path.cwd()])[0])
    chosen = pick_lang(lang, catalog.config.lang)
    files = select_files(catalog, paths) if paths else sop_files(catalog.root)
    results = [format_file(path, shown_path(path), chosen) for path in files]
    problems = [r for r in results if r.problem is not None]
    changed = [r for r in results if r.changed]
    err = stderr()
    for result in problems:
        err.print(f"{result.shown}:{result.problem}", markup=False)
    for result in changed:
        _apply(result, check=check, diff=diff, lang=chosen)
    counts = {"files": len(files), "changed": len(changed), "problems": len(problems)}
    read_only = check or diff
    if read_only and changed:
        err.print(ui("fmt_check_summary", chosen, **counts), markup=False)
    elif not read_only and (changed or problems):
        err.print(ui("fmt_summary", chosen, **counts), markup=False)
    raise typer.Exit(1 if problems or (read_only and changed) else 0)


def _apply(result: Formatted, *, check: bool, diff: bool, lang: str) -> None:
    """Show the change (--diff), name the file (--check), or write it."""
    from sopctl.cli.console import stdout
    from sopctl.sop.yamlio import write_atomic
    from sopctl.text.phrases import ui

    if diff:
        sys.stdout.write(result.diff())
    elif check:
        stdout().print(ui("fmt_would_change", lang, path=result.shown), markup=False)
    elif result.after is not None:
        write_atomic(result.path, result.after)
        stdout().print(ui("fmt_changed", lang, path=result.shown), markup=False)
