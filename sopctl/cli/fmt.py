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
    from sopctl.catalog.folder import every_sop_file, open_catalog, select_files
    from sopctl.catalog.shown import shown_path
    from sopctl.cli.console import stderr
    from sopctl.sop.canonical import format_file
    from sopctl.text.escape import terminal
    from sopctl.text.phrases import ui

    catalog = open_catalog((paths or [Path.cwd()])[0])
    chosen = pick_lang(lang, catalog.config.lang)
    # nested catalogs too: `fmt --check` in CI must not pass over a folder with a sopctl.toml
    files = select_files(catalog, paths) if paths else every_sop_file(catalog.root)
    results = [format_file(path, shown_path(path), chosen, catalog.root) for path in files]
    problems = [r for r in results if r.problem is not None]
    changed = [r for r in results if r.changed]
    err = stderr()
    for result in problems:
        err.print(terminal(f"{result.shown}:{result.problem}"), markup=False)
    failed = [r for r in changed if not _apply(result=r, check=check, diff=diff, lang=chosen)]
    counts = {"files": len(files), "changed": len(changed) - len(failed), "problems": len(problems)}
    read_only = check or diff
    if read_only and changed:
        err.print(ui("fmt_check_summary", chosen, **counts), markup=False)
    elif not read_only and (changed or problems):
        err.print(ui("fmt_summary", chosen, **counts), markup=False)
    if failed:
        raise typer.Exit(2)  # a file could not be written: like any error of sopctl's own
    raise typer.Exit(1 if problems or (read_only and changed) else 0)


def _apply(result: Formatted, *, check: bool, diff: bool, lang: str) -> bool:
    """Show the change (--diff), name the file (--check), or write it; False when writing
    failed (said on standard error; the file is then as it was)."""
    from sopctl.cli.console import stderr, stdout
    from sopctl.sop.yamlio import FileChanged, replace_if_unchanged
    from sopctl.text.escape import terminal
    from sopctl.text.phrases import ui

    if diff:
        sys.stdout.write(terminal(result.diff()))
    elif check:
        stdout().print(terminal(ui("fmt_would_change", lang, path=result.shown)), markup=False)
    elif result.after is not None:
        try:
            replace_if_unchanged(result.path, result.raw, result.after)
        except FileChanged:
            said = ui("changed_while_formatting", lang, path=result.shown)
            hint = ui("changed_while_formatting_hint", lang)
            stderr().print(terminal(f"sopctl: {said}\n  {ui('hint', lang)}: {hint}"), markup=False)
            return False
        except OSError as exc:
            said = ui("write_failed", lang, path=result.shown, error=exc.strerror or exc)
            hint = ui("write_failed_hint", lang)
            stderr().print(terminal(f"sopctl: {said}\n  {ui('hint', lang)}: {hint}"), markup=False)
            return False
        stdout().print(terminal(ui("fmt_changed", lang, path=result.shown)), markup=False)
    return True
