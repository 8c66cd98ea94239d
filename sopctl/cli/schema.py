"""`sopctl schema`: write the JSON Schemas that editors use."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sopctl.cli.app import app


@app.command()
def schema(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder tujuan.")] = Path(
        "schemas"
    ),
) -> None:
    """Tulis JSON Schema berkas SOP dan sopctl.toml (untuk editor, mis. VS Code + YAML).

    Contoh:

      sopctl schema -o schemas
    """
    from sopctl.schema import write

    for path in write(output):
        typer.echo(path.as_posix())
