"""The command-line interface: the only place that knows about typer, rich and exit codes."""

from __future__ import annotations

import sys

from sopctl.cli import (  # noqa: F401  (each module registers its command)
    booklet,
    diff,
    fmt,
    formulir,
    impor,
    lint,
    listing,
    new,
    render,
    renumber,
    report,
    riwayat,
    schema,
    serve,
    verifikasi,
)
from sopctl.cli.app import app, pick_lang
from sopctl.errors import SopctlError

__all__ = ["app", "main"]


def main() -> None:
    """Run sopctl; known errors exit 1/2, unexpected ones 3, Ctrl-C 130."""
    sys.exit(run(sys.argv[1:]))


def run(args: list[str]) -> int:
    """`sopctl ARGS`: every message, the framework's too, in the language the user picked."""
    import typer
    from typer import _click

    from sopctl.cli import speech

    lang = pick_lang(_given_lang(args))
    try:
        code = speech.command(app, lang).main(args=args, prog_name="sopctl", standalone_mode=False)
    except _click.exceptions.NoArgsIsHelpError:  # the help is printed already
        return 2
    except _click.ClickException as exc:
        usage, message, hint = speech.usage_error(exc, lang)
        _say((usage + "\n" if usage else "") + _error(message, hint, lang))
        return exc.exit_code
    except typer.Abort:  # Ctrl-D at a prompt, or a prompt refused
        _say(_ui("aborted", lang))
        return 1
    except KeyboardInterrupt:
        _say(_ui("interrupted", lang))
        return 130
    except SopctlError as exc:
        lang = pick_lang(_given_lang(args), _catalog_lang())
        _say(_error(*exc.said(lang), lang))
        return exc.exit_code
    except OSError as exc:  # the system refused a read or write: say which file and why
        if "--debug" in args:
            raise
        _say(_error(_os_failure(exc, lang), _ui("os_hint", lang), lang))
        return 2
    except Exception as exc:
        if "--debug" in args:
            raise
        _say("sopctl: " + _ui("unexpected", lang, error=f"{type(exc).__name__}: {exc}"))
        return 3
    return code if isinstance(code, int) else 0


def _given_lang(args: list[str]) -> str | None:
    """`--lang` as written: errors are printed here, outside the command that parsed it."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
    return None


def _catalog_lang() -> str | None:
    """The `bahasa` of the catalog around the working folder, for errors raised before the
    command could say which language it chose; None when there is no readable one."""
    import tomllib
    from pathlib import Path

    from sopctl.catalog.config import CONFIG_NAME
    from sopctl.catalog.folder import find_root

    root = find_root(Path.cwd())
    try:
        text = (root / CONFIG_NAME).read_text(encoding="utf-8-sig") if root else ""
        value = tomllib.loads(text).get("bahasa")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return value if isinstance(value, str) else None


def _error(message: str, hint: str, lang: str) -> str:
    return f"sopctl: {message}" + (f"\n  {_ui('hint', lang)}: {hint}" if hint else "")


def _os_failure(exc: OSError, lang: str) -> str:
    from sopctl.text.system import os_reason

    where = exc.filename if exc.filename is not None else ""
    return _ui("os_failed", lang, path=where, reason=os_reason(exc, lang))


def _ui(key: str, lang: str, **args: object) -> str:
    from sopctl.text.phrases import ui

    return ui(key, lang, **args)


def _say(text: str) -> None:
    print(text, file=sys.stderr)
