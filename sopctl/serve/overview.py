"""What the pages show: the catalog's rows with their lint counts (the data of `list`), an
SOP's document as `render --format html` prints it, and the report page."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sopctl.catalog.folder import Catalog
from sopctl.catalog.shown import shown_path
from sopctl.lint.findings import Finding
from sopctl.lint.reading import catalog_records
from sopctl.lint.run import LintOptions, lint
from sopctl.lint.store import file_stamp
from sopctl.report.listing import Filters, Row, listing_of, select, sort_rows
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


@dataclass(frozen=True)
class Snapshot:
    """The whole catalog as the page needs it, before filtering."""

    rows: list[Row]
    skipped: list[tuple[str, Finding | None]]  # (path, first problem)
    counts: dict[str, Counter[str]]
    titles: dict[str, str]  # number -> name of every valid SOP, as `render` names links


class Snapshots:
    """The catalog's snapshot, kept while no file is added, removed or touched (by the stamps
    of the files: size, times, inode) and the day is the same; so a reload after an edit made
    anywhere shows it, and a reload after none reads nothing."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._key: object = None
        self._kept: Snapshot | None = None

    def current(self, today: dt.date) -> Snapshot:
        names = catalog_names(self.catalog)
        key = (today, [(name, file_stamp(path)) for name, path in names.items()])
        if self._kept is None or key != self._key:
            self._kept = snapshot(self.catalog, names, today)
            self._key = key
        return self._kept

    def recent(self, today: dt.date) -> Snapshot:
        """The snapshot kept, unchecked (the preview redraws on every keystroke and only
        needs the linked SOPs' titles); the current one when none is kept yet."""
        return self._kept if self._kept is not None else self.current(today)


def snapshot(catalog: Catalog, names: dict[str, Path], today: dt.date) -> Snapshot:
    """Every SOP file of the catalog as `list` lists it (read as `list` reads it, through
    lint's cache), with lint's counts and the titles of the valid ones."""
    records = catalog_records(catalog, list(names.values()), today)
    records = [record.shown_as(name) for record, name in zip(records, names, strict=True)]
    listing = listing_of(records, catalog.config)
    titles: dict[str, str] = {}
    for record in records:
        valid = record.summary is not None and record.summary.valid
        if valid and record.facts.nomor and record.facts.nama:
            titles.setdefault(record.facts.nomor, record.facts.nama)
    return Snapshot(listing.rows, listing.skipped, _counts(catalog, names, today), titles)


def overview(whole: Snapshot, filters: Filters, today: dt.date, lang: str) -> Overview:
    """The rows `filters` keep, sorted by number, with their counts; unparsed files with
    their first problem said in `lang`."""
    rows = sort_rows(select(whole.rows, filters, today), "nomor")
    entries = [Entry(row, whole.counts.get(row.path, Counter())) for row in rows]
    skipped = [
        (name, first.text(lang)[0] if first else "", whole.counts.get(name, Counter()))
        for name, first in whole.skipped
    ]
    return Overview(entries, len(whole.rows), skipped)


def _counts(catalog: Catalog, names: dict[str, Path], today: dt.date) -> dict[str, Counter[str]]:
    """Unwaived findings per file (by catalog name), from a whole-catalog lint."""
    by_shown = {shown_path(path): name for name, path in names.items()}
    counts: dict[str, Counter[str]] = {}
    for item in lint(catalog, [], LintOptions(today=today)).findings:
        name = by_shown.get(item.path)
        if name is not None and item.suppressed is None:
            counts.setdefault(name, Counter())[item.severity] += 1
    return counts


def document_html(catalog: Catalog, path: Path, sop: Sop, titles: dict[str, str]) -> str:
    """The SOP's HTML exactly as `render --format html` writes it (`titles`: of the linked
    SOPs); its Riwayat Revisi is the SOP's own `revisi` records, never git history."""
    from sopctl.render.document import build, logo_uri
    from sopctl.render.files import Templates, anchor, html

    doc = build(sop, catalog, titles, logo_uri(catalog))
    return html(doc, Templates(catalog), anchor(sop, path))


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
