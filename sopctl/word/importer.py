"""`impor`: Word SOP files to SOP YAML files in the catalog, each written through the same
template machinery and atomic, never-overwriting write as `new`."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sopctl.author.new import render_template, schema_file, slug, write_new
from sopctl.catalog.folder import Catalog, sop_files
from sopctl.catalog.names import normalize
from sopctl.errors import SopctlError
from sopctl.lint.rules.placeholder import PLACEHOLDER
from sopctl.sop.loader import load_sop
from sopctl.word.mapping import Hints, Imported, to_sop
from sopctl.word.package import WordError, open_package
from sopctl.word.reading import RawSop, read_sops

TEMPLATE = "impor.yaml.j2"
IMPORT_FOLDER = "impor"  # where SOPs of an unknown unit go, unless -o names a folder


@dataclass(frozen=True)
class Written:
    """One SOP read from a Word file and the YAML file written for it."""

    path: Path
    nama: str
    steps: int
    actors: int
    shapes: int
    placeholders: int
    notes: tuple[str, ...]


@dataclass(frozen=True)
class FileResult:
    """One Word file: the SOPs written from it, or the reason nothing was (a phrase key)."""

    source: Path
    written: tuple[Written, ...] = ()
    error: str = ""
    error_args: dict[str, object] = field(default_factory=dict)


def import_files(
    catalog: Catalog, sources: Sequence[Path], hints: Hints, out_dir: Path | None, today: dt.date
) -> list[FileResult]:
    """Import every file; one that cannot be read never stops the others."""
    hints = Hints(hints.unit, hints.area, hints.titles or catalog_titles(catalog))
    results: list[FileResult] = []
    for source in sources:
        try:
            results.append(import_file(catalog, source, hints, out_dir, today))
        except WordError as exc:
            results.append(FileResult(source, error=exc.key, error_args=exc.details))
        except SopctlError as exc:
            results.append(
                FileResult(source, error="impor_failed", error_args={"detail": exc.message})
            )
        except Exception as exc:  # a damaged or hostile file must never stop the others
            detail = f"{type(exc).__name__}: {exc}"[:200]
            results.append(FileResult(source, error="impor_failed", error_args={"detail": detail}))
    return results


def import_file(
    catalog: Catalog, source: Path, hints: Hints, out_dir: Path | None, today: dt.date
) -> FileResult:
    if not source.is_file():
        raise WordError("impor_missing")
    package = open_package(source)
    raws = [raw for raw in read_sops(package.document) if raw.steps or raw.identity]
    if not any(raw.steps for raw in raws):
        raise WordError("impor_not_sop")
    written: list[Written] = []
    refused: WordError | None = None
    for raw in (raw for raw in raws if raw.steps):  # a booklet holds many SOPs
        imported = to_sop(raw, catalog, hints, package.keywords)
        try:
            written.append(_write_one(catalog, source, raw, imported, out_dir, today))
        except WordError as exc:  # one SOP already there: the others are still written
            refused = refused or exc
    if refused is not None:
        return FileResult(source, tuple(written), refused.key, refused.details)
    return FileResult(source, tuple(written))


def _write_one(
    catalog: Catalog,
    source: Path,
    raw: RawSop,
    imported: Imported,
    out_dir: Path | None,
    today: dt.date,
) -> Written:
    folder = out_dir or catalog.root / (imported.unit_id or IMPORT_FOLDER)
    name = slug(str(imported.data["nama"]).replace("<isi nama SOP>", "")) or slug(source.stem)
    path = folder / f"{name or 'sop'}.yaml"
    schema = Path(os.path.relpath(schema_file(catalog), folder.resolve())).as_posix()
    text = yaml_text(catalog, source, imported, schema, today)
    try:
        write_new(path, text)
    except FileExistsError as exc:
        raise WordError("impor_exists", {"path": catalog.relative(path)}) from exc
    return Written(
        path=path,
        nama=str(imported.data["nama"]),
        steps=len(raw.steps),
        actors=len(raw.actors),
        shapes=raw.shapes,
        placeholders=count_placeholders(imported.data),
        notes=tuple(dict.fromkeys(imported.notes)),
    )


def yaml_text(
    catalog: Catalog, source: Path, imported: Imported, schema: str, today: dt.date
) -> str:
    """The SOP file's text from `impor.yaml.j2`: comments, modeline, the model's key order."""
    units = {u.id: u.nama for u in catalog.config.units}
    areas = {a.id: a.nama for a in catalog.config.areas}
    return render_template(
        catalog,
        TEMPLATE,
        sop=imported.data,
        source=source.name,
        today=today.isoformat(),
        schema=schema,
        notes=[],
        unread_links=imported.unread_links,
        unit_nama=units.get(str(imported.data["unit"]), ""),
        area_nama=areas.get(str(imported.data["area_rb"]), ""),
    )


def count_placeholders(value: object) -> int:
    """How many `<isi ...>` placeholders the SOP's values hold (lint's N001 counts them)."""
    if isinstance(value, str):
        return len(PLACEHOLDER.findall(value))
    if isinstance(value, dict):
        return sum(count_placeholders(item) for item in value.values())
    if isinstance(value, list):
        return sum(count_placeholders(item) for item in value)
    return 0


def catalog_titles(catalog: Catalog) -> dict[str, str]:
    """Normalized title -> number of the catalog's SOPs, to read links given by title."""
    titles: dict[str, str] = {}
    for path in sop_files(catalog.root):
        sop = load_sop(path, path.name, catalog.root).sop
        if sop is not None and sop.nomor:
            titles.setdefault(normalize(sop.nama), sop.nomor)
    return titles
