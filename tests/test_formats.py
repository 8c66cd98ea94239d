"""Each wing's table of output formats is what its command offers: nothing re-listed drifts.

The CLI keeps a `Literal` of the choices (typer needs them when the program starts, before
a wing's heavy modules may be imported); these tests hold it to the wing's own table."""

from __future__ import annotations

from typing import get_args

from sopctl.cli import lint, render, report
from sopctl.lint.output import WRITERS as LINT_WRITERS
from sopctl.render.files import WRITERS as RENDER_WRITERS
from sopctl.report.output import WRITERS as REPORT_WRITERS


def test_lint_formats_are_the_terminal_and_lint_output_writers() -> None:
    assert set(get_args(lint.Format)) == {"text", *LINT_WRITERS}


def test_render_formats_are_the_render_writers() -> None:
    assert set(get_args(render.Format)) == set(RENDER_WRITERS)


def test_report_formats_are_the_terminal_table_and_report_output_writers() -> None:
    assert set(get_args(report.Format)) == {"table", *REPORT_WRITERS}
