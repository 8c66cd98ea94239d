"""`sopctl new`: start a draft SOP, asking on a terminal, from flags in scripts."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text

if TYPE_CHECKING:
    from rich.console import Console

    from sopctl.author.new import Actor, Request
    from sopctl.catalog.folder import Catalog
    from sopctl.errors import SopctlError

_T = TypeVar("_T")


@app.command(help=help_text("new"))
def new(
    nama: Annotated[str | None, typer.Option("--nama", help=help_text("new.nama"))] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=help_text("new.unit"))] = None,
    area: Annotated[str | None, typer.Option("--area", help=help_text("new.area"))] = None,
    jenis: Annotated[str | None, typer.Option("--jenis", help=help_text("new.jenis"))] = None,
    pelaksana: Annotated[
        list[str] | None,
        typer.Option("--pelaksana", help=help_text("new.pelaksana")),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=help_text("new.yes"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=help_text("new.dry_run"))] = False,
    lang: LangOption = None,
) -> None:
    import datetime as dt

    from sopctl.author.new import build, write_new
    from sopctl.catalog.folder import open_catalog
    from sopctl.catalog.shown import shown_path
    from sopctl.cli.console import stderr, stdout
    from sopctl.text.phrases import ui

    catalog = open_catalog(Path.cwd())
    chosen = pick_lang(lang, catalog.config.lang)
    asking = sys.stdin.isatty()
    answers = (nama, unit, area, jenis, pelaksana or [])
    request = _gather(catalog, answers, stderr() if asking else None, chosen)
    draft = build(catalog, request, dt.date.today())
    if dry_run:
        sys.stdout.write(draft.text)
        return
    shown = shown_path(draft.path)
    if asking and not yes and not _confirm(ui("ask_write", chosen, path=shown), chosen):
        stderr().print(ui("cancelled", chosen), markup=False)
        raise typer.Exit(1)
    write_new(draft.path, draft.text)
    console = stdout()
    console.print(f"{ui('wrote', chosen, path=shown)} ({draft.nomor})", markup=False)
    if not draft.schema.is_file():  # the modeline must lead the editor to a schema
        from sopctl.sop.schema import write

        for written in write(draft.schema.parent):
            console.print(ui("wrote_schema", chosen, path=shown_path(written)), markup=False)
    console.print(ui("new_next", chosen, path=shown), markup=False)


Answers = tuple[str | None, str | None, str | None, str | None, list[str]]


def _gather(catalog: Catalog, answers: Answers, console: Console | None, lang: str) -> Request:
    """Check every answer; ask on a terminal (`console`) for what is missing or invalid."""
    from sopctl.author.new import Request, check_jenis, check_title, clean_title
    from sopctl.catalog.names import check_area, check_unit
    from sopctl.errors import UsageError
    from sopctl.text.phrases import ui

    nama, unit, area, jenis, actors = answers
    if console is None:
        flags = {"--nama": nama, "--unit": unit, "--area": area, "--pelaksana": actors}
        missing = [flag for flag, value in flags.items() if not value]
        if missing:
            raise UsageError(ui("new_missing", lang, flags=", ".join(missing)))
    config = catalog.config
    unit_choices = [u.id for u in config.units]
    area_choices = [a.id for a in config.areas]

    def ask(key: str, check: Callable[[str], _T], given: str | None) -> _T:
        return _answer(console, ui(key, lang), check, given, lang)

    title = ask("ask_title", clean_title, nama)
    if console is not None:
        _show_choices(console, [(u.id, u.nama) for u in config.units])
    unit_id = ask("ask_unit", lambda v: check_unit(catalog, _pick(v, unit_choices)), unit)
    title = ask("ask_title", lambda v: check_title(catalog, unit_id, v), title)
    if console is not None:
        _show_choices(console, [(a.id, a.nama) for a in config.areas])
    area_id = ask("ask_area", lambda v: check_area(catalog, _pick(v, area_choices)), area)
    kind = ask("ask_jenis", check_jenis, jenis)
    return Request(title, unit_id, area_id, kind, _actors(console, actors, lang))


def _actors(console: Console | None, given: Sequence[str], lang: str) -> tuple[Actor, ...]:
    """The actors given as flags; on a terminal, when none were given, asked one by one."""
    from sopctl.author.new import check_actor
    from sopctl.text.phrases import ui

    chosen: list[Actor] = []
    for value in given:
        question = ui("ask_actor", lang, n=len(chosen) + 1)
        chosen.append(_answer(console, question, lambda v: check_actor(v, chosen), value, lang))
    while console is not None and not given:
        question = ui("ask_actor", lang, n=len(chosen) + 1)
        actor = _answer(console, question, lambda v: _actor_or_end(v, chosen), None, lang)
        if actor is None:
            break
        chosen.append(actor)
    return tuple(chosen)


def _actor_or_end(value: str, chosen: Sequence[Actor]) -> Actor | None:
    """An empty answer ends the list, once there is at least one actor."""
    from sopctl.author.new import check_actor
    from sopctl.errors import UsageError
    from sopctl.text.phrases import phrase

    if value.strip():
        return check_actor(value, chosen)
    if chosen:
        return None
    raise UsageError(phrase("ask_actor_first"))


def _answer(
    console: Console | None,
    question: str,
    check: Callable[[str], _T],
    given: str | None,
    lang: str,
) -> _T:
    """`check(given)`; on a terminal a missing or refused answer is asked (again)."""
    from rich.prompt import Prompt

    from sopctl.errors import UsageError

    value = given
    while True:
        if value is None and console is not None:
            value = Prompt.ask(question, console=console, default="", show_default=False)
        try:
            return check(value or "")
        except UsageError as exc:
            if console is None:
                raise
            _say_invalid(console, exc, lang)
            value = None


def _say_invalid(console: Console, exc: SopctlError, lang: str) -> None:
    from rich.markup import escape

    message, hint = exc.said(lang)
    console.print(f"[red]{escape(message)}[/]" + (f" [dim]({escape(hint)})[/]" if hint else ""))


def _pick(value: str, ids: Sequence[str]) -> str:
    """A number from the list shown stands for the id at that place."""
    text = value.strip()
    return ids[int(text) - 1] if text.isdigit() and 1 <= int(text) <= len(ids) else text


def _show_choices(console: Console, choices: Sequence[tuple[str, str]]) -> None:
    from rich.markup import escape

    for number, (item_id, name) in enumerate(choices, 1):
        console.print(f"  {number:>2}. [bold]{escape(item_id)}[/]  {escape(name)}")


def _confirm(question: str, lang: str) -> bool:
    from sopctl.cli.console import stderr
    from sopctl.cli.speech import confirm

    return confirm(question, lang, stderr())
