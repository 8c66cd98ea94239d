"""`sopctl lint`: the command staff and CI run most."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text

if TYPE_CHECKING:
    from sopctl.catalog.folder import Catalog

Format = Literal["text", "json", "github", "sarif", "gitlab"]


@app.command(help=help_text("lint"))
def lint(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=help_text("common.paths"), show_default=False),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help=help_text("lint.format"))
    ] = "text",
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REF",
            help=help_text("lint.changed_since"),
            show_default=False,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help=help_text("lint.select")),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help=help_text("lint.ignore"))
    ] = None,
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--per-tanggal",
            formats=["%Y-%m-%d"],
            help=help_text("lint.as_of"),
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help=help_text("lint.no_cache"),
        ),
    ] = False,
    no_waivers: Annotated[
        bool,
        typer.Option("--no-waivers", help=help_text("lint.no_waivers")),
    ] = False,
    lang: LangOption = None,
) -> None:
    from sopctl.catalog.folder import open_catalog
    from sopctl.cli.console import print_findings
    from sopctl.lint.run import LintOptions
    from sopctl.lint.run import lint as run_lint

    targets = paths or [Path.cwd()]
    catalog = open_catalog(targets[0])
    chosen = pick_lang(lang, catalog.config.lang)
    options = LintOptions(
        select=_codes(select, chosen),
        ignore=_codes(ignore, chosen),
        today=as_of.date() if as_of else date.today(),
        use_cache=not no_cache,
        waivers=not no_waivers,
    )
    changed = _changed(catalog, paths or [], changed_since) if changed_since else None
    result = run_lint(catalog, paths or [], options, changed=changed)
    print_findings(result, output_format, chosen)
    raise typer.Exit(1 if result.count("error") else 0)


def _codes(values: list[str] | None, lang: str) -> tuple[str, ...]:
    from sopctl.errors import UsageError
    from sopctl.lint.run import known_prefix
    from sopctl.text.phrases import ui

    codes = tuple(c.strip().upper() for v in values or [] for c in v.split(",") if c.strip())
    for code in codes:
        if not known_prefix(code):
            raise UsageError(ui("unknown_code", lang, code=code), hint=ui("see_rule_codes", lang))
    return codes


def _changed(catalog: Catalog, paths: list[Path], revision: str) -> list[Path]:
    """The SOP files changed since `revision` (nested catalogs' too), among `paths` (files,
    or folders they lie below) when some are given."""
    import os

    from sopctl.history.snapshot import changed_since

    changed = changed_since(catalog, revision)
    if not paths:
        return changed
    named = [os.path.realpath(p) for p in paths]
    return [p for p in changed if _among(os.path.realpath(p), named)]


def _among(name: str, named: list[str]) -> bool:
    import os

    return any(name == n or name.startswith(os.path.join(n, "")) for n in named)
