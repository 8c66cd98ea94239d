"""The typer application and the options every command shares.

Help texts come from the message catalog (`sopctl.text.help`); `sopctl.cli.speech` puts them,
and typer's own words, in the language `--lang` or SOPCTL_LANG picks.

Commands are registered lazily: `sopctl --help` lists them from `COMMANDS` and the catalog's
help texts, and `sopctl lint` imports `sopctl.cli.lint` only, so that neither pays for
building the options of every command."""

from __future__ import annotations

import enum
import importlib
import inspect
import os
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any, Literal

import typer
from typer.core import TyperGroup

from sopctl.text.help import help_text

# Every command, in the order `--help` lists them, with the module that defines it.
COMMANDS = {
    "booklet": "booklet",
    "diff": "diff",
    "fmt": "fmt",
    "formulir": "formulir",
    "impor": "impor",
    "lint": "lint",
    "list": "listing",
    "new": "new",
    "render": "render",
    "renumber": "renumber",
    "report": "report",
    "riwayat": "riwayat",
    "schema": "schema",
    "serve": "serve",
    "verifikasi": "verifikasi",
}

Lang = Literal["id", "en"]


class Status(enum.StrEnum):  # typer takes a repeated option of an Enum, not of a Literal
    draf = "draf"
    ditetapkan = "ditetapkan"
    dicabut = "dicabut"


class LazyGroup(TyperGroup):
    """The root command: a command's module is imported when that command runs (or its own
    help is asked for); the list in `--help` needs only each command's name and help text."""

    listing = False  # while the root's help is printed

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.lazy = _Commands(self.commands)
        self.commands = self.lazy

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if self.listing and cmd_name in COMMANDS:  # the same line whether loaded or not
            return _Listed(name=cmd_name, help=inspect.cleandoc(help_text(cmd_name)))
        return self.commands.get(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False


class _Commands(MutableMapping[str, Any]):
    """Every command by name (for typer's "did you mean"), each made when first looked up."""

    def __init__(self, made: MutableMapping[str, Any]) -> None:
        self.made = dict(made)

    def __getitem__(self, name: str) -> Any:
        if name not in self.made:
            if name not in COMMANDS:
                raise KeyError(name)
            self.made[name] = load_command(name)
        return self.made[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.made[name] = command

    def __delitem__(self, name: str) -> None:
        del self.made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*COMMANDS, *self.made]))

    def __len__(self) -> int:
        return len(set(COMMANDS) | set(self.made))


class _Listed(typer.core.TyperCommand):
    """A command as the root's help lists it, without its options."""


def load_command(name: str) -> Any:
    """The click command `name`, from its module (which registers it on `app`)."""
    importlib.import_module(f"sopctl.cli.{COMMANDS[name]}")
    for info in app.registered_commands:
        if info.callback is not None and (info.name or info.callback.__name__) == name:
            return typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
    for group in app.registered_groups:  # a command with subcommands (formulir)
        if group.typer_instance is not None and group.typer_instance.info.name == name:
            return typer.main.get_group_from_info(
                group,
                pretty_exceptions_short=app.pretty_exceptions_short,
                suggest_commands=True,
                rich_markup_mode=app.rich_markup_mode,
            )
    raise LookupError(name)  # pragma: no cover - COMMANDS names a module without it


def register_all() -> None:
    """Import every command's module, so that `app.registered_commands` holds them all."""
    for module in COMMANDS.values():
        importlib.import_module(f"sopctl.cli.{module}")


app = typer.Typer(
    name="sopctl",
    cls=LazyGroup,
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
