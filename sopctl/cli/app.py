"""The typer application and the options every command shares."""

from __future__ import annotations

import os
from typing import Annotated, Literal

import typer

Lang = Literal["id", "en"]

app = typer.Typer(
    name="sopctl",
    help=(
        "SOP sebagai kode: buat, periksa, daftar, render dan laporkan SOP-AP "
        "(PermenPAN-RB 35/2012) yang disimpan sebagai berkas YAML di repositori git.\n\n"
        "Contoh: sopctl lint sops"
    ),
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
        help="Bahasa pesan: id (bawaan) atau en. Juga SOPCTL_LANG atau `bahasa` di sopctl.toml.",
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
    debug: Annotated[
        bool, typer.Option("--debug", help="Tampilkan traceback lengkap bila terjadi kesalahan.")
    ] = False,
    version: Annotated[bool, typer.Option("--version", help="Tampilkan versi.")] = False,
) -> None:
    if version:
        from sopctl import __version__

        typer.echo(f"sopctl {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
