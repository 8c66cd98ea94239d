"""`list`: one row per SOP of the catalog, filtered and sorted, as a table, JSON or CSV.

A file with schema errors still gives the fields it can; a file that does not parse at all is
skipped and named, so one broken file never hides the rest of the catalog.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sopctl.catalog.config import Config
from sopctl.catalog.folder import Catalog
from sopctl.catalog.names import normalize, resolve_area, resolve_unit
from sopctl.catalog.shown import shown_paths
from sopctl.lint.briefs import Brief, catalog_briefs
from sopctl.lint.findings import Finding
from sopctl.text.escape import csv_cell

COLUMNS = ("nomor", "nama", "unit", "area", "status", "efektif", "jatuh_tempo")


@dataclass(frozen=True)
class Row:
    """One SOP as listed; `jatuh_tempo` is the next monitoring or evaluation due date."""

    path: str
    nomor: str | None
    nama: str | None
    unit: str | None
    area: str | None
    status: str | None
    efektif: dt.date | None
    jatuh_tempo: dt.date | None
    jatuh_tempo_jenis: str | None  # "monitoring" or "evaluasi"
    text: str  # title and steps, normalized, for --cari

    def overdue(self, today: dt.date) -> bool:
        return self.jatuh_tempo is not None and self.jatuh_tempo < today

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["text"]
        for key in ("efektif", "jatuh_tempo"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


@dataclass(frozen=True)
class Filters:
    """What to keep: ids already resolved, `cari` as typed."""

    unit: str | None = None
    area: str | None = None
    status: str | None = None
    overdue: bool = False
    cari: str | None = None


@dataclass(frozen=True)
class Listing:
    rows: list[Row]
    skipped: list[tuple[str, Finding | None]]  # (path, first problem), said by the CLI


def collect(
    catalog: Catalog,
    files: Sequence[Path | str],
    shown: Sequence[str] | None = None,
    *,
    today: dt.date | None = None,
    use_cache: bool = True,
    search: bool = True,
) -> Listing:
    """A row for every file that parses; the others are named in `skipped`.

    Files are read as lint reads them, through its cache: a warm run parses none of them.
    `shown` names the files (by default, relative to the working folder, as lint does);
    `today` is the day the cache's findings are judged by (it changes no row); without
    `search`, rows may come without the text `--cari` searches.
    """
    absolute = [str(p) if os.path.isabs(p) else os.path.abspath(p) for p in files]
    day = today or dt.date.today()
    briefs = catalog_briefs(catalog, absolute, day, use_cache=use_cache, text=search)
    names = shown if shown is not None else shown_paths(absolute)
    return listing_of(briefs, names, catalog.config)


def listing_of(briefs: Iterable[Brief], shown: Iterable[str], config: Config) -> Listing:
    """The rows of the files that parsed; the others skipped with their first problem."""
    rows, skipped = [], []
    units: dict[str, str] = {}  # as written -> as listed: the same few spellings recur
    areas: dict[str, str] = {}
    for brief, name in zip(briefs, shown, strict=True):
        if brief.parsed:
            rows.append(row_of(brief, name, config, (units, areas)))
        else:
            skipped.append((name, brief.problem_finding(name)))
    return Listing(rows, skipped)


def row_of(
    brief: Brief,
    shown: str,
    config: Config,
    known: tuple[dict[str, str], dict[str, str]],
) -> Row:
    """The row of one parsed file; dates and due dates are known only when it is valid
    (`known`: units and areas resolved so far, for `config`)."""
    due, kind = _earliest(brief.monitoring_due, brief.evaluation_due)
    unit, area = _stripped(brief.unit), _stripped(brief.area_rb)
    units, areas = known
    if unit and unit not in units:
        units[unit] = resolve_unit(config, unit) or unit
    if area and area not in areas:
        areas[area] = resolve_area(config, area) or area
    return Row(
        path=shown,
        nomor=_stripped(brief.nomor),
        nama=_stripped(brief.nama),
        unit=units[unit] if unit else None,
        area=areas[area] if area else None,
        status=_stripped(brief.status),
        efektif=brief.efektif,
        jatuh_tempo=due,
        jatuh_tempo_jenis=kind,
        text=brief.text,
    )


def _earliest(
    monitoring: dt.date | None, evaluation: dt.date | None
) -> tuple[dt.date | None, str | None]:
    """The earlier due date and its kind (evaluation first on the same day)."""
    if evaluation is not None and (monitoring is None or evaluation <= monitoring):
        return evaluation, "evaluasi"
    return (monitoring, "monitoring") if monitoring is not None else (None, None)


def _stripped(value: str | None) -> str | None:
    return value.strip() if value is not None else None


def select(rows: Iterable[Row], filters: Filters, today: dt.date) -> list[Row]:
    """The rows that pass every filter given."""
    query = normalize(filters.cari) if filters.cari else ""
    return [
        row
        for row in rows
        if (filters.unit is None or row.unit == filters.unit)
        and (filters.area is None or row.area == filters.area)
        and (filters.status is None or row.status == filters.status)
        and (not filters.overdue or row.overdue(today))
        and query in row.text
    ]


def sort_rows(rows: Sequence[Row], column: str, *, reverse: bool = False) -> list[Row]:
    """Sorted by `column`; rows without a value come last, whichever the direction."""
    present = [row for row in rows if getattr(row, column) is not None]
    missing = [row for row in rows if getattr(row, column) is None]
    ordered = sorted(present, key=lambda row: _key(getattr(row, column)), reverse=reverse)
    return ordered + missing


def _key(value: object) -> Any:
    return normalize(value) if isinstance(value, str) else value


def to_json(rows: Sequence[Row]) -> str:
    return json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2)


def to_csv(rows: Sequence[Row]) -> str:
    buffer = io.StringIO()
    fields = [*COLUMNS, "jatuh_tempo_jenis", "path"]
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) if v is not None else "" for k, v in row.as_dict().items()})
    return buffer.getvalue()
