"""`sopctl formulir monitoring|evaluasi`: the Permen's forms per unit, as HTML or PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text

if TYPE_CHECKING:
    from sopctl.render.forms import Kind, Period

formulir = typer.Typer(
    name="formulir",
    help=help_text("formulir"),
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(formulir)

DraftsOption = Annotated[bool, typer.Option("--termasuk-draf", help=help_text("formulir.drafts"))]
PathArgument = Annotated[
    Path | None, typer.Argument(help=help_text("booklet.path"), show_default=False)
]


@formulir.command(help=help_text("formulir.monitoring"))
def monitoring(
    path: PathArgument = None,
    periode: Annotated[
        str | None,
        typer.Option("--periode", help=help_text("formulir.periode"), show_default=False),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help=help_text("formulir.output"))
    ] = Path("formulir-monitoring.pdf"),
    drafts: DraftsOption = False,
    lang: LangOption = None,
) -> None:
    from sopctl.render.forms import semester

    chosen = pick_lang(lang)
    _write(path, "monitoring", semester(periode, dt.date.today(), chosen), output, drafts, lang)


@formulir.command(help=help_text("formulir.evaluasi"))
def evaluasi(
    path: PathArgument = None,
    tahun: Annotated[
        int | None,
        typer.Option("--tahun", help=help_text("formulir.tahun"), show_default=False),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help=help_text("formulir.output"))
    ] = Path("formulir-evaluasi.pdf"),
    drafts: DraftsOption = False,
    lang: LangOption = None,
) -> None:
    from sopctl.render.forms import year

    chosen = pick_lang(lang)
    _write(path, "evaluasi", year(tahun, dt.date.today(), chosen), output, drafts, lang)


def _write(
    path: Path | None, kind: Kind, period: Period, output: Path, drafts: bool, lang: str | None
) -> None:
    from sopctl.catalog.folder import open_catalog
    from sopctl.cli.console import stdout
    from sopctl.render.forms import write_form
    from sopctl.text.phrases import ui

    catalog = open_catalog(path or Path.cwd())
    chosen = pick_lang(lang, catalog.config.lang)
    count = write_form(catalog, [path] if path else [], kind, period, output, chosen, drafts)
    key = {"monitoring": "formulir_monitoring_done", "evaluasi": "formulir_evaluasi_done"}[kind]
    done = ui(key, chosen, count=count, period=period.name, path=output.as_posix())
    stdout().print(done, markup=False)
