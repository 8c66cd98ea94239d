"""What the pages show: the catalog's rows with their lint counts (the data of `list`), an
SOP's document as `render --format html` prints it, and the report page."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sopctl.catalog.folder import Catalog
from sopctl.lint.findings import Finding
from sopctl.lint.run import LintOptions, catalog_records, lint, shown_path
from sopctl.report.listing import Filters, Row, collect, select, sort_rows
from sopctl.serve.paths import catalog_names
from sopctl.sop.model import Sop


@dataclass(frozen=True)
class Entry:
    """One SOP on the catalog page: its row and how many findings of each severity it has."""

    row: Row
    counts: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Overview:
    entries: list[Entry]
    total: int  # rows before filtering
    skipped: list[tuple[str, str, Counter[str]]]  # files that do not parse: name, why, counts


def overview(catalog: Catalog, filters: Filters, today: dt.date) -> Overview:
    """Every SOP file of the catalog as `list` lists it, filtered, with lint's counts."""
    names = catalog_names(catalog)
    listing = collect(catalog, list(names.values()), list(names), today=today)
    counts = _counts(catalog, names, today)
    rows = sort_rows(select(listing.rows, filters, today), "nomor")
    entries = [Entry(row, counts.get(row.path, Counter())) for row in rows]
    skipped = [(name, why, counts.get(name, Counter())) for name, why in listing.skipped]
    return Overview(entries, len(listing.rows), skipped)


def _counts(catalog: Catalog, names: dict[str, Path], today: dt.date) -> dict[str, Counter[str]]:
    """Unwaived findings per file (by catalog name), from a whole-catalog lint."""
    by_shown = {shown_path(path): name for name, path in names.items()}
    counts: dict[str, Counter[str]] = {}
    for item in lint(catalog, [], LintOptions(today=today)).findings:
        name = by_shown.get(item.path)
        if name is not None and item.suppressed is None:
            counts.setdefault(name, Counter())[item.severity] += 1
    return counts


def titles(catalog: Catalog, today: dt.date) -> dict[str, str]:
    """Number -> name of every valid SOP, as `render` names linked SOPs (read via the cache)."""
    found: dict[str, str] = {}
    records = catalog_records(catalog, list(catalog_names(catalog).values()), today)
    for record in records:
        valid = record.summary is not None and record.summary.valid
        if valid and record.facts.nomor and record.facts.nama:
            found.setdefault(record.facts.nomor, record.facts.nama)
    return found


def document_html(catalog: Catalog, path: Path, sop: Sop, today: dt.date, *, history: bool) -> str:
    """The SOP's HTML exactly as `render --format html` writes it (`history`: with the
    Riwayat Revisi from git; a preview of unsaved edits has none)."""
    from sopctl.history.output import revision_table
    from sopctl.render.document import build, logo_uri
    from sopctl.render.files import anchor, html

    riwayat = revision_table(path) if history else ()
    doc = build(sop, catalog, titles(catalog, today), logo_uri(catalog), riwayat)
    return html(doc, catalog, anchor(sop, path))


def report_html(catalog: Catalog, today: dt.date) -> str:
    """The report page (`report --format html`) of the catalog and the catalogs below it."""
    from sopctl.report.collect import build, find_sources
    from sopctl.report.model import Scope
    from sopctl.report.output import default_by, to_html

    report = build(find_sources(catalog.root), Scope(today=today))
    return to_html(report, default_by(report), catalog)


def file_findings(catalog: Catalog, path: Path, today: dt.date) -> Sequence[Finding]:
    """Lint's findings for one file, judged against the whole catalog (waived ones kept)."""
    return lint(catalog, [path], LintOptions(today=today)).findings
