"""`sopctl schema`: write the JSON Schemas that editors use."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sopctl.cli.app import app
from sopctl.text.help import help_text

FOLDER = Path("schemas")


@app.command(help=help_text("schema"))
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=help_text("schema.output"), show_default=False),
    ] = None,
) -> None:
    from sopctl.catalog.folder import find_root
    from sopctl.sop.schema import write

    if output is None:  # where the modelines `sopctl new` writes look
        root = find_root(Path.cwd())
        output = root / FOLDER if root is not None else FOLDER
    for path in write(output):
        typer.echo(path.as_posix())
