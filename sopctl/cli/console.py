"""Printing to the terminal with rich: colours on a terminal, plain text elsewhere."""

from __future__ import annotations

import sys
from itertools import groupby
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from sopctl.messages import ui

if TYPE_CHECKING:
    from sopctl.lint import LintResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan", "suppressed": "dim"}


def stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_findings(result: LintResult, output_format: str, lang: str) -> None:
    """Findings in the chosen format on standard output."""
    if output_format != "text":
        from sopctl import lint_output

        render = {
            "json": lint_output.to_json,
            "github": lint_output.to_github,
            "sarif": lint_output.to_sarif,
            "gitlab": lint_output.to_gitlab,
        }[output_format]
        text = render(result.findings, lang)
        sys.stdout.write(text + ("\n" if text else ""))
        return
    _print_text(result, lang)


def _print_text(result: LintResult, lang: str) -> None:
    lines = []  # printed at once: rich takes a while for each call
    for path, group in groupby(result.findings, key=lambda f: f.path):
        lines.append(f"[bold]{escape(path)}[/]")
        for item in group:
            message, hint = item.text(lang)
            kind = "suppressed" if item.suppressed is not None else item.severity
            label = ui(kind, lang)
            where = f"{item.line}:{item.column}"
            lines.append(
                f"  {where:>7}  [{_STYLE[kind]}]{label:<12}[/] {item.code}  {escape(message)}"
            )
            note = item.suppressed if item.suppressed is not None else hint
            if note:
                lines.append(f"{'':>33}[dim]{ui('hint', lang)}: {escape(note)}[/]")
    counts = {k: result.count(k) for k in ("error", "warning", "info")}
    line = ui("summary", lang, files=result.files, **counts)
    waived = sum(1 for f in result.findings if f.suppressed is not None)
    if waived:
        line += " " + ui("summary_suppressed", lang, n=waived)
    style = "bold red" if counts["error"] else ("yellow" if counts["warning"] else "green")
    lines.append(f"[{style}]{escape(line)}[/]")
    stdout().print("\n".join(lines))
