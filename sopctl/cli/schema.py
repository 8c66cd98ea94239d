"""`sopctl schema`: write the JSON Schemas that editors use."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sopctl.cli.app import app
from sopctl.text.help import help_text

DEFAULT_FOLDER = Path("schemas")


@app.command(help=help_text("schema"))
def schema(
    output: Annotated[
        Path, typer.Option("--output", "-o", help=help_text("schema.output"))
    ] = DEFAULT_FOLDER,
) -> None:
    from sopctl.sop.schema import write

    for path in write(output):
        typer.echo(path.as_posix())
