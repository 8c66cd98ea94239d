"""`report`: how many SOPs each unit has, per RB change area, status, type and office.

The SOPs in scope are reduced to `Entry` values once; every count and table is a pure function
of those entries and the `Axis` values that say which keys exist (every configured unit and
area, even at zero, because a zero is the finding).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sopctl.lint.findings import Finding

UNKNOWN = "(tidak dikenal)"  # cannot clash with an id: ids are lower-case letters, digits, `-`
NO_JENIS = "(tidak diisi)"
STATUSES = ("draf", "ditetapkan", "dicabut")
DEFAULT_STATUSES = ("draf", "ditetapkan")
JENIS = ("teknis", "administratif")
DIMENSIONS = ("unit", "area", "status", "jenis", "satker")


@dataclass(frozen=True)
class Scope:
    """Which SOPs count: statuses (empty: all but `dicabut`), units and areas as written."""

    statuses: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def chosen_statuses(self) -> tuple[str, ...]:
        return tuple(s for s in STATUSES if s in self.statuses) or DEFAULT_STATUSES


@dataclass(frozen=True)
class Entry:
    """One SOP in scope, reduced to what the report counts."""

    path: str
    satker: str
    unit: str
    area: str
    status: str
    jenis: str
    late_monitoring: bool
    late_evaluation: bool
    kriteria: tuple[tuple[str, str], ...] = ()  # the latest evaluation's answers
    tematik: tuple[str, ...] = ()  # RB Tematik theme ids

    def value(self, dimension: str) -> str:
        return str(getattr(self, dimension))


@dataclass(frozen=True)
class Axis:
    """The keys of one dimension in display order, with names and short codes."""

    name: str
    keys: tuple[str, ...]
    labels: tuple[str, ...]
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Skipped:
    """A file that could not be counted because it is not a valid SOP."""

    path: str
    reason: str  # in Bahasa Indonesia, as the report's documents say it
    first: Finding | None = None  # the first problem, for the CLI to say in the user's language


@dataclass(frozen=True)
class Unknown:
    """An SOP counted under UNKNOWN: the field and what it says."""

    path: str
    field: str
    value: str


@dataclass(frozen=True)
class Uncovered:
    """A business process of a satker's peta proses bisnis that no SOP in scope covers."""

    satker: str
    kode: str
    nama: str


@dataclass(frozen=True)
class Report:
    """Everything counted: entries in scope, the axes, and what could not be counted."""

    scope: Scope
    entries: tuple[Entry, ...]
    axes: tuple[Axis, ...]
    satker_names: tuple[tuple[str, str], ...]
    skipped: tuple[Skipped, ...]
    unknown: tuple[Unknown, ...]
    uncovered: tuple[Uncovered, ...]
    theme_names: dict[str, str] = field(default_factory=dict)  # id -> name, configured order

    def axis(self, name: str) -> Axis:
        return next(axis for axis in self.axes if axis.name == name)

    def criteria(self) -> dict[str, dict[str, int]]:
        """Per evaluation criterion, how many enacted SOPs answered ya, tidak, or nothing yet
        (in their latest evaluation)."""
        from sopctl.sop.model import KRITERIA

        enacted = [e for e in self.entries if e.status == "ditetapkan"]
        found = {key: {"ya": 0, "tidak": 0, "kosong": 0} for key in KRITERIA}
        for entry in enacted:
            answers = dict(entry.kriteria)
            for key, tally in found.items():
                tally[answers.get(key, "kosong")] += 1
        return found

    def themes(self) -> dict[str, int]:
        """How many SOPs support each RB Tematik theme (an SOP may support several)."""
        found = dict.fromkeys(self.theme_names, 0)
        for entry in self.entries:
            for theme in entry.tematik:
                found[theme] = found.get(theme, 0) + 1
        return found

    def late(self) -> dict[str, int]:
        """How many SOPs are overdue for monitoring, for evaluation, and for either."""
        return {
            "monitoring": sum(e.late_monitoring for e in self.entries),
            "evaluasi": sum(e.late_evaluation for e in self.entries),
            "total": sum(e.late_monitoring or e.late_evaluation for e in self.entries),
        }


@dataclass(frozen=True)
class Table:
    """Counts of entries by one dimension (rows) or two (rows × columns)."""

    rows: Axis
    cols: Axis | None
    cells: tuple[tuple[int, ...], ...]

    @property
    def row_totals(self) -> tuple[int, ...]:
        return tuple(sum(row) for row in self.cells)

    @property
    def col_totals(self) -> tuple[int, ...]:
        return tuple(sum(column) for column in zip(*self.cells, strict=True))

    @property
    def total(self) -> int:
        return sum(self.row_totals)


def counts(entries: Iterable[Entry], axis: Axis) -> dict[str, int]:
    """{key: count} for every key of `axis`, zeros included."""
    found = dict.fromkeys(axis.keys, 0)
    for entry in entries:
        found[entry.value(axis.name)] += 1
    return found


def cross(entries: Sequence[Entry], rows: Axis, cols: Axis | None) -> Table:
    """The table of `entries` by `rows` (and `cols`); a single column when `cols` is None."""
    cells: list[tuple[int, ...]] = []
    for key in rows.keys:
        mine = [e for e in entries if e.value(rows.name) == key]
        cells.append(tuple(counts(mine, cols).values()) if cols else (len(mine),))
    return Table(rows, cols, tuple(cells))


def table(report: Report, by: Sequence[str], satker: str | None = None) -> Table:
    """The table a user asked for with `--by` (one or two dimensions), for one satker or all."""
    entries = [e for e in report.entries if satker is None or e.satker == satker]
    cols = report.axis(by[1]) if len(by) > 1 else None
    return cross(entries, report.axis(by[0]), cols)
