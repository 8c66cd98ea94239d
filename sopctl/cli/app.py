"""The typer application and the options every command shares.

Help texts come from the message catalog (`sopctl.text.help`); `sopctl.cli.speech` puts them,
and typer's own words, in the language `--lang` or SOPCTL_LANG picks."""

from __future__ import annotations

import enum
import os
from typing import Annotated, Literal

import typer

from sopctl.text.help import help_text

Lang = Literal["id", "en"]


class Status(enum.StrEnum):  # typer takes a repeated option of an Enum, not of a Literal
    draf = "draf"
    ditetapkan = "ditetapkan"
    dicabut = "dicabut"


app = typer.Typer(
    name="sopctl",
    help=help_text("app"),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        envvar="SOPCTL_LANG",
        help=help_text("common.lang"),
        show_default=False,
    ),
]


def pick_lang(option: str | None, configured: str | None = None) -> Lang:
    """--lang / SOPCTL_LANG, then the catalog's `bahasa`, then Indonesian."""
    value = option or os.environ.get("SOPCTL_LANG") or configured or "id"
    return "en" if value == "en" else "id"


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help=help_text("app.debug"))] = False,
    version: Annotated[bool, typer.Option("--version", help=help_text("app.version"))] = False,
) -> None:
    if version:
        from sopctl import __version__

        typer.echo(f"sopctl {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
