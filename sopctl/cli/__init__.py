"""The command-line interface: the only place that knows about typer, rich and exit codes."""

from __future__ import annotations

import sys

from sopctl.cli import (  # noqa: F401  (each module registers its command)
    booklet,
    diff,
    fmt,
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
)
from sopctl.cli.app import app, pick_lang
from sopctl.errors import SopctlError

__all__ = ["app", "main"]


def main() -> None:
    """Run sopctl; known errors exit 1/2, unexpected ones 3, Ctrl-C 130."""
    sys.exit(run(sys.argv[1:]))


def run(args: list[str]) -> int:
    lang = pick_lang(_given_lang(args))
    try:
        app(args=args, prog_name="sopctl")  # typer reports usage errors itself (exit 2)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except KeyboardInterrupt:
        _say(_ui("interrupted", lang))
        return 130
    except SopctlError as exc:
        hint = f"\n  {_ui('hint', lang)}: {exc.hint}" if exc.hint else ""
        _say(f"sopctl: {exc.message}{hint}")
        return exc.exit_code
    except Exception as exc:
        if "--debug" in args:
            raise
        _say("sopctl: " + _ui("unexpected", lang, error=f"{type(exc).__name__}: {exc}"))
        return 3
    return 0


def _given_lang(args: list[str]) -> str | None:
    """`--lang` as written: errors are printed here, outside the command that parsed it."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
    return None


def _ui(key: str, lang: str, **args: object) -> str:
    from sopctl.text.phrases import ui

    return ui(key, lang, **args)


def _say(text: str) -> None:
    print(text, file=sys.stderr)
