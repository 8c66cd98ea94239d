"""`renumber`: give one SOP the next free number, and find the links that named the old one.

Two branches that each add an SOP can pick the same number; lint reports the duplicate (K001).
The links are only listed, never changed: which SOP each one meant is for the author to decide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sopctl.author.numbering import (
    catalog_numbers,
    check_pattern,
    next_number,
    number_fields,
    template_regex,
)
from sopctl.catalog.folder import Catalog, sop_files
from sopctl.errors import UsageError
from sopctl.lint.rules.context import facts_of
from sopctl.sop.yamlio import dump_roundtrip, load_roundtrip, parse_text, read_file, write_atomic
from sopctl.text.phrases import phrase


@dataclass(frozen=True)
class Link:
    """A `keterkaitan` entry naming a number: the file and where in it."""

    path: Path
    line: int
    column: int


@dataclass(frozen=True)
class Renumbered:
    path: Path
    old: str | None
    new: str
    links: tuple[Link, ...]


def renumber(catalog: Catalog, path: Path, today: dt.date) -> Renumbered:
    """Write the next free number into `path` (atomically, comments kept)."""
    text = _read(path)
    data = parse_text(text).data
    old = data["nomor"].strip() if isinstance(data.get("nomor"), str) else None
    existing = [item.nomor for item in catalog_numbers(catalog)]
    number = next_number(catalog.config.number_template, _fields(catalog, data, today), existing)
    check_pattern(catalog.config, number)
    tree = load_roundtrip(text)
    if "nomor" in tree:
        tree["nomor"] = number
    else:
        tree.insert(0, "nomor", number)
    write_atomic(path, dump_roundtrip(tree))
    links = links_to(catalog, old) if old else ()
    return Renumbered(path, old, number, links)


def links_to(catalog: Catalog, number: str) -> tuple[Link, ...]:
    """Every `keterkaitan` in the catalog that names `number`."""
    found = []
    for path in sop_files(catalog.root):
        facts = facts_of(path.as_posix(), read_file(path))
        found += [Link(path, ln, col) for nomor, ln, col in facts.links if nomor.strip() == number]
    return tuple(found)


def _read(path: Path) -> str:
    doc = read_file(path)
    if doc.problems or not isinstance(doc.data, dict):
        where = f"{doc.problems[0].line}:{doc.problems[0].column}" if doc.problems else "1:1"
        raise UsageError(
            phrase("not_readable_sop", where=f"{path.as_posix()}:{where}"),
            hint=phrase("run_lint_for_details", path=path.as_posix()),
        )
    return path.read_text(encoding="utf-8").removeprefix("\ufeff")


def _fields(catalog: Catalog, data: dict[str, Any], today: dt.date) -> dict[str, object]:
    """The number's fields: those of the old number when it follows the template (same unit
    code, same year), else from the SOP's unit and the year it was made."""
    config = catalog.config
    made = _get(_get(data, "tanggal"), "pembuatan")
    year = made.year if isinstance(made, dt.date) else today.year
    fields = number_fields(config, str(_get(data, "unit") or ""), year)
    old = _get(data, "nomor")
    match = template_regex(config.number_template).match(str(old or "").strip())
    if match:
        fields.update({k: v for k, v in match.groupdict().items() if k != "urut"})
    return fields


def _get(data: object, key: str) -> Any:
    return data.get(key) if isinstance(data, dict) else None
