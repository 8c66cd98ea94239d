"""Printing to the terminal with rich: colours on a terminal, plain text elsewhere."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from itertools import groupby
from typing import TYPE_CHECKING

from sopctl.text.escape import terminal
from sopctl.text.phrases import ui

if TYPE_CHECKING:
    from rich.console import Console

    from sopctl.lint.run import LintResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan", "suppressed": "dim"}


def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_findings(result: LintResult, output_format: str, lang: str) -> None:
    """Findings in the chosen format on standard output."""
    if output_format != "text":
        from sopctl.lint.output import WRITERS

        text = WRITERS[output_format](result.findings, lang)
        sys.stdout.write(text + ("\n" if text else ""))
        return
    _print_text(result, lang)


def _print_text(result: LintResult, lang: str) -> None:
    """Without colours (not a terminal), plain lines as rich would print them, without
    importing rich (a third of `sopctl lint FILE`'s time beyond typer's own)."""
    if not _styled():
        lines = _text_lines(result, lang, lambda text, style: text, lambda text: text)
        if all(_as_is(line) for line in lines):
            sys.stdout.write("".join(f"{line}\n" for line in lines))
            return
    from rich.markup import escape

    def paint(text: str, style: str) -> str:
        return f"[{style}]{escape(text)}[/]"

    stdout().print("\n".join(_text_lines(result, lang, paint, escape)))  # one call: fast


Paint = Callable[[str, str], str]  # (text, rich style) -> text to print


def _text_lines(
    result: LintResult, lang: str, paint: Paint, literal: Callable[[str], str]
) -> list[str]:
    lines = []
    for path, group in groupby(result.findings, key=lambda f: f.path):
        lines.append(paint(terminal(path), "bold"))
        for item in group:
            message, hint = (terminal(text) for text in item.text(lang))
            kind = "suppressed" if item.suppressed is not None else item.severity
            where = f"{item.line}:{item.column}"
            label = paint(f"{ui(kind, lang):<12}", _STYLE[kind])
            lines.append(f"  {where:>7}  {label} {item.code}  {literal(message)}")
            note = terminal(item.suppressed) if item.suppressed is not None else hint
            if note:
                lines.append(f"{'':>33}" + paint(f"{ui('hint', lang)}: {note}", "dim"))
    counts = {k: result.count(k) for k in ("error", "warning", "info")}
    line = ui("summary", lang, files=result.files, **counts)
    waived = sum(1 for f in result.findings if f.suppressed is not None)
    if waived:
        line += " " + ui("summary_suppressed", lang, n=waived)
    style = "bold red" if counts["error"] else ("yellow" if counts["warning"] else "green")
    lines.append(paint(line, style))
    return lines


def _styled() -> bool:
    """Whether rich would colour standard output: its own test (TTY_COMPATIBLE, then
    FORCE_COLOR, then a terminal), leaving its special cases (Jupyter, IDLE) to rich."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return sys.stdout.isatty()
    except ValueError:  # closed
        return False


_EMOJI = re.compile(r":\S*?:")  # rich turns `:name:` into an emoji


def _as_is(line: str) -> bool:
    """Whether rich prints this unstyled line unchanged: no emoji codes, tabs or controls."""
    return line.isprintable() and not _EMOJI.search(line)
