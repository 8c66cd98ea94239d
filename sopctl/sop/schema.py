"""JSON Schemas generated from the models, for editors (yaml-language-server)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sopctl.catalog.config import ConfigFile
from sopctl.sop.model import Sop

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "sop.schema.json": (Sop, "SOP-AP (PermenPAN-RB 35/2012) — berkas SOP sopctl"),
    "config.schema.json": (ConfigFile, "sopctl.toml — konfigurasi katalog SOP"),
}


def generate() -> dict[str, str]:
    """File name -> JSON text, stable so the committed files can be compared."""
    texts = {}
    for name, (model, title) in SCHEMAS.items():
        schema: dict[str, Any] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://sopctl.invalid/schemas/{name}",
            **model.model_json_schema(),
        }
        schema["title"] = title
        texts[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return texts


def write(folder: Path) -> list[Path]:
    """Write every schema into `folder`; returns the paths written."""
    from sopctl.sop.yamlio import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generate().items():
        write_atomic(folder / name, text)
        written.append(folder / name)
    return written
