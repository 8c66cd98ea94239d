"""The framework's words in the user's language: typer's help pages and click's usage errors.

typer (with the click it vendors) writes English of its own: "Usage:", panel titles,
`[default: …]`, Python type names as metavars, "Show this message and exit.", its usage
errors and "Aborted.". This module is the one place that replaces them: `command()` builds
the click command tree with every such word taken from the catalog (`sopctl.text.usage`),
and `usage_error()` says a click usage error again from its parts (option, parameter, value).
It leans on typer internals; `typer` is pinned in pyproject.toml and tests/test_speech.py
runs every usage error in both languages, so a typer upgrade that moves them fails there."""

from __future__ import annotations

import difflib
import functools
import importlib
import re
import sys
import types
from collections.abc import Callable
from typing import Any

import typer
import typer.main
from typer import _click
from typer.core import TyperArgument, TyperGroup

from sopctl.text.help import help_again
from sopctl.text.phrases import UI, Phrase, Said, phrase, pick, say, ui
from sopctl.text.system import Foreign
from sopctl.text.validation import Described

Click = _click.Command


def command(app: typer.Typer, lang: str) -> Click:
    """The click command of `app`, speaking `lang` in its help and usage lines."""
    root = typer.main.get_command(app)
    _localize(root, lang, parent=None, name="sopctl")
    return root


def _localize_when_resolved(group: TyperGroup, lang: str) -> None:
    """A subcommand is put in `lang` when it is looked up to run (or to show its help), so
    that a command's options are built only for the command that runs."""
    resolve = group.resolve_command

    def resolve_in_lang(ctx: _click.Context, args: list[str]) -> Any:
        name, found, rest = resolve(ctx, args)
        if found is not None and not getattr(found, "_sopctl_lang", None):
            _localize(found, lang, ctx, name or found.name or "")
        return name, found, rest

    get = group.get_command

    def get_in_lang(ctx: _click.Context, name: str) -> Any:
        found = get(ctx, name)
        if found is not None:  # listed in the group's help: its summary in `lang`
            found.help = help_again(found.help, lang)
        return found

    setattr(group, "resolve_command", resolve_in_lang)  # noqa: B010  (this group's own)
    setattr(group, "get_command", get_in_lang)  # noqa: B010


def _rich_words(lang: str) -> None:
    """typer's rich help reads these module constants each time it prints."""
    _import_rich_utils()
    import typer.rich_utils

    words = typer.rich_utils
    raw = functools.partial(_raw, lang=lang)
    words.ARGUMENTS_PANEL_TITLE = ui("panel_arguments", lang)
    words.OPTIONS_PANEL_TITLE = ui("panel_options", lang)
    words.COMMANDS_PANEL_TITLE = ui("panel_commands", lang)
    words.ERRORS_PANEL_TITLE = ui("panel_error", lang)
    words.DEFAULT_STRING = raw("help_default")
    words.ENVVAR_STRING = raw("help_envvar")
    words.REQUIRED_LONG_STRING = ui("help_required", lang)
    words.DEPRECATED_STRING = ui("help_deprecated", lang)
    words.ABORTED_TEXT = ui("aborted", lang)
    words.RICH_HELP = raw("try_help")


# typer.rich_utils imports these at its top for help in Markdown and for pretty tracebacks, which
# sopctl uses neither of: markdown_it and pygments, ~90 ms of importing it (--help 0.30 → 0.18 s).
_UNUSED_BY_HELP = {"rich.markdown": "Markdown", "rich.traceback": "Traceback"}


def _import_rich_utils() -> None:
    """Import typer.rich_utils with `_UNUSED_BY_HELP` as stand-ins that import the real class
    when first used; the real modules stay importable for anyone else."""
    if "typer.rich_utils" in sys.modules:
        return
    placed = [module for module in _UNUSED_BY_HELP if module not in sys.modules]
    for module in placed:
        holder = types.ModuleType(module)
        setattr(holder, _UNUSED_BY_HELP[module], _stand_in(module, _UNUSED_BY_HELP[module]))
        sys.modules[module] = holder
    try:
        importlib.import_module("typer.rich_utils")
    finally:
        for module in placed:
            del sys.modules[module]


def _stand_in(module: str, name: str) -> type:
    """A class standing in for `module.name`: made or asked for anything, it is the real one."""

    def real() -> Any:
        return getattr(importlib.import_module(module), name)

    class Deferred(type):
        def __getattr__(cls, attr: str) -> Any:
            return getattr(real(), attr)

    class StandIn(metaclass=Deferred):
        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            return real()(*args, **kwargs)

    StandIn.__name__ = StandIn.__qualname__ = name
    return StandIn


def _raw(key: str, lang: str) -> str:
    """A phrase with its `{}` fields left for typer to fill."""
    return pick(UI[key], lang)


def _localize(cmd: Click, lang: str, parent: _click.Context | None, name: str) -> None:
    cmd.context_class = _context_class(lang)
    if cmd.options_metavar:
        cmd.options_metavar = ui("usage_options", lang)
    ctx = cmd.context_class(cmd, info_name=name, parent=parent, **cmd.context_settings)
    cmd.help = help_again(cmd.help, lang)
    help_option = cmd.get_help_option(ctx)
    if help_option is not None:
        help_option.help = ui("help_option", lang)
    for param in [*cmd.params, *([help_option] if help_option is not None else [])]:
        _localize_param(param, ctx, lang)
    if isinstance(cmd, TyperGroup):
        cmd.subcommand_metavar = ui("usage_command", lang)
        _localize_when_resolved(cmd, lang)
    setattr(cmd, "_sopctl_lang", lang)  # noqa: B010


@functools.cache
def _context_class(lang: str) -> type[typer.Context]:
    prefix = ui("usage_prefix", lang)

    class Formatter(_click.HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix_: str | None = None) -> None:
            super().write_usage(prog, args, prefix_ or prefix)

    class Context(typer.Context):
        formatter_class = Formatter

        def get_help(self) -> str:
            _rich_words(lang)  # imports rich: only when help is shown
            return str(super().get_help())

    return Context


_ARGUMENT_NAMES = {"paths": "PATH", "path": "PATH"}


def _localize_param(param: _click.Parameter, ctx: _click.Context, lang: str) -> None:
    if hasattr(param, "help"):
        param.help = help_again(param.help, lang)
    if isinstance(param, TyperArgument) and param.metavar is None and param.name:
        param.metavar = _ARGUMENT_NAMES.get(param.name, param.name.upper())
    shown = getattr(param, "display_type_rich", None)
    if callable(shown):
        label = _type_label(shown(ctx=ctx), lang)
        setattr(param, "display_type_rich", lambda ctx: label)  # noqa: B010  (an instance's own)


_LIST = re.compile(r"^<list\[(.*)\]>$")
_TYPES = {
    "<str>": "type_text",
    "<int>": "type_number",
    "<Path>": "type_path",
    "<path>": "type_path",
}


def _type_label(label: str | None, lang: str) -> str | None:
    """typer's `<list[Path]>`, `<str>`, `<bool>` as a user reads them: `<path>...`, `<teks>`."""
    if label is None or label == "<bool>":  # a flag takes no value
        return None
    listed = _LIST.match(label)
    if listed:
        return (_type_label(f"<{listed.group(1)}>", lang) or "") + "..."
    if label in _TYPES:
        return ui(_TYPES[label], lang)
    if label.startswith("<%"):  # a date format, e.g. <%Y-%m-%d>
        return ui("type_date", lang)
    return label


# -- usage errors -------------------------------------------------------------------------------


def usage_error(exc: _click.ClickException, lang: str) -> tuple[str, str, str]:
    """(usage lines, message, hint) of a click usage error, in `lang`."""
    ctx: _click.Context | None = getattr(exc, "ctx", None)
    usage = ""
    if ctx is not None:
        usage = ctx.get_usage()
        help_names = ctx.help_option_names
        if help_names:
            usage += "\n" + _plain(
                ui("try_help", lang, command_path=ctx.command_path, help_option=help_names[0])
            )
    message, hint = _explain(exc, ctx)
    return usage, say(message, lang), say(hint, lang)


def _plain(markup: str) -> str:
    return re.sub(r"\[/?[a-z ]*\]", "", markup)


def _explain(exc: _click.ClickException, ctx: _click.Context | None) -> tuple[Said, Said]:
    for kind, explain in _EXPLAINERS:
        if isinstance(exc, kind):
            found = explain(exc, ctx)
            if found is not None:
                return found
    return Foreign(exc.format_message()), _see_help(ctx)


def _missing(exc: Any, ctx: _click.Context | None) -> tuple[Said, Said]:
    param = exc.param
    key = "missing_argument" if isinstance(param, TyperArgument) else "missing_option"
    return phrase(key, name=_param_name(param)), _see_help(ctx)


def _bad_value(exc: Any, ctx: _click.Context | None) -> tuple[Said, Said]:
    param = exc.param
    name = _param_name(param) if param is not None else "?"
    choices = _choices(param)
    cause = exc.__cause__
    value = _first_input(cause)
    if choices and value is not None:
        return (
            phrase("bad_value", name=name, detail=phrase("not_a_choice", value=value)),
            _choices_hint(str(value), choices),
        )
    detail: Said = Foreign(exc.message)
    errors = getattr(cause, "errors", None)
    if callable(errors) and errors():
        detail = Described(errors()[0])
    return phrase("bad_value", name=name, detail=detail), _see_help(ctx)


def _no_option(exc: Any, ctx: _click.Context | None) -> tuple[Said, Said]:
    close = list(exc.possibilities or [])
    hint: Said = phrase("did_you_mean", close=close[0]) if close else _see_help(ctx)
    return phrase("no_such_option", name=exc.option_name), hint


def _option_usage(exc: Any, ctx: _click.Context | None) -> tuple[Said, Said] | None:
    if "does not take a value" in exc.message:
        return phrase("option_takes_no_value", name=exc.option_name), _see_help(ctx)
    if "requires" in exc.message:
        return phrase("option_needs_value", name=exc.option_name), _see_help(ctx)
    return None


_NO_COMMAND = re.compile(r"^No such command '(.*?)'\.")  # typer may add a did-you-mean
# "arguments" in click, "argument(s)" in the click typer vendors
_EXTRA = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$")


def _plain_usage(exc: Any, ctx: _click.Context | None) -> tuple[Said, Said] | None:
    text = exc.message
    unknown = _NO_COMMAND.match(text)
    if unknown and ctx is not None and isinstance(ctx.command, TyperGroup):
        names = list(ctx.command.list_commands(ctx))
        return phrase("no_such_command", name=unknown.group(1)), _choices_hint(
            unknown.group(1), names, key="commands_are"
        )
    if text == "Missing command.":
        return phrase("missing_command"), _see_help(ctx)
    extra = _EXTRA.match(text)
    if extra:
        return phrase("extra_arguments", args=extra.group(1)), _see_help(ctx)
    return None


_EXPLAINERS: tuple[tuple[type, Callable[[Any, Any], tuple[Said, Said] | None]], ...] = (
    (_click.exceptions.MissingParameter, _missing),
    (_click.exceptions.BadParameter, _bad_value),
    (_click.exceptions.NoSuchOption, _no_option),
    (_click.exceptions.BadOptionUsage, _option_usage),
    (_click.exceptions.UsageError, _plain_usage),
)


def _param_name(param: _click.Parameter) -> str:
    if isinstance(param, TyperArgument):
        return param.metavar or (param.name or "").upper()
    return " / ".join(f"`{opt}`" for opt in param.opts)


def _choices(param: _click.Parameter | None) -> tuple[str, ...]:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or not getattr(descriptor, "is_choice", False):
        return ()
    return tuple(str(getattr(c, "value", c)) for c in descriptor.choices or ())


def _first_input(cause: BaseException | None) -> object | None:
    errors = getattr(cause, "errors", None)
    if not callable(errors) or not errors():
        return None
    first: object = errors()[0].get("input")
    return first


def _choices_hint(value: str, choices: tuple[str, ...] | list[str], key: str = "choices") -> Phrase:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
    listed = ", ".join(choices)
    if close:
        return phrase("choices_close", close=close[0], choices=listed)
    return phrase(key, choices=listed)


def _see_help(ctx: _click.Context | None) -> Said:
    return phrase("see_help", command=ctx.command_path) if ctx is not None else ""


# -- prompts ------------------------------------------------------------------------------------


def confirm(question: str, lang: str, console: Any) -> bool:
    """A yes/no question in `lang`: `[y/t]` in Bahasa Indonesia, `[y/n]` in English."""
    from rich.prompt import Confirm, InvalidResponse

    yes, no = ui("confirm_choices", lang).split("/")

    class Asked(Confirm):
        validate_error_message = ui("confirm_invalid", lang)

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.choices = [yes, no]

        def process_response(self, value: str) -> bool:
            answer = value.strip().lower()
            if answer not in self.choices:
                raise InvalidResponse(self.validate_error_message)
            return answer == yes

    return bool(Asked.ask(question, console=console, default=True))
