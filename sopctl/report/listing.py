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
from sopctl.lint.findings import Finding
from sopctl.lint.reading import catalog_records
from sopctl.lint.scan import FileRecord, Summary
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
    files: Sequence[Path],
    shown: Sequence[str] | None = None,
    *,
    today: dt.date | None = None,
    use_cache: bool = True,
) -> Listing:
    """A row for every file that parses; the others are named in `skipped`.

    Files are read as lint reads them, through its cache: a warm run parses none of them.
    `shown` names the files (by default, relative to the working folder, as lint does);
    `today` is the day the cache's findings are judged by (it changes no row).
    """
    absolute = [p if p.is_absolute() else Path(os.path.abspath(p)) for p in files]
    day = today or dt.date.today()
    records = catalog_records(catalog, absolute, day, use_cache=use_cache)
    if shown is not None:
        records = [record.shown_as(name) for record, name in zip(records, shown, strict=True)]
    return listing_of(records, catalog.config)


def listing_of(records: Iterable[FileRecord], config: Config) -> Listing:
    """The rows of the records that parsed; the others skipped with their first problem."""
    rows, skipped = [], []
    for record in records:
        if record.summary is not None:
            rows.append(row_of(record, record.summary, config))
        else:
            skipped.append((record.shown, record.findings[0] if record.findings else None))
    return Listing(rows, skipped)


def row_of(record: FileRecord, summary: Summary, config: Config) -> Row:
    """The row of one parsed file; dates and due dates are known only when it is valid."""
    facts = record.facts
    due, kind = _earliest(summary.monitoring_due, summary.evaluation_due)
    unit, area = _stripped(facts.unit), _stripped(facts.area_rb)
    return Row(
        path=record.shown,
        nomor=_stripped(facts.nomor),
        nama=_stripped(facts.nama),
        unit=(resolve_unit(config, unit) or unit) if unit else None,
        area=(resolve_area(config, area) or area) if area else None,
        status=_stripped(facts.status),
        efektif=summary.tanggal.get("efektif"),
        jatuh_tempo=due,
        jatuh_tempo_jenis=kind,
        text=summary.text,
    )


def _earliest(
    monitoring: dt.date | None, evaluation: dt.date | None
) -> tuple[dt.date | None, str | None]:
    known = [(day, kind) for day, kind in ((monitoring, "monitoring"), (evaluation, "evaluasi"))]
    dated = [(day, kind) for day, kind in known if day is not None]
    return min(dated) if dated else (None, None)


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
