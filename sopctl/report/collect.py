"""Reading catalogs into a `Report`: which catalogs a path names, and what each SOP counts as."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sopctl.catalog.config import Config
from sopctl.catalog.folder import (
    Catalog,
    find_catalogs,
    find_root,
    open_catalog,
    sop_file_names,
)
from sopctl.catalog.names import choices_hint, resolve_area, resolve_theme, resolve_unit
from sopctl.catalog.shown import shown_paths
from sopctl.errors import UsageError
from sopctl.lint.briefs import Brief, catalog_briefs
from sopctl.report.model import (
    JENIS,
    NO_JENIS,
    UNKNOWN,
    Axis,
    Entry,
    Report,
    Scope,
    Skipped,
    Uncovered,
    Unknown,
)
from sopctl.text.phrases import phrase


@dataclass(frozen=True)
class Source:
    """One catalog (one satker) and the SOP files of it to count."""

    key: str
    catalog: Catalog
    files: tuple[str, ...]  # absolute


def find_sources(path: Path) -> list[Source]:
    """The catalogs to count for `path`: its own catalog and every catalog below it.

    A province folder without `sopctl.toml` of its own yields one source per kabupaten/kota
    catalog; a catalog root holding sub-catalogs yields itself and each of them (nested
    catalogs are never counted twice, since a catalog's files stop at a nested `sopctl.toml`).
    """
    if not path.exists():
        raise UsageError(phrase("path_missing", path=path), hint=phrase("check_path"))
    base = path.resolve() if path.is_dir() else path.resolve().parent
    root = find_root(path)
    nested = [found for found in find_catalogs(base) if found != root] if path.is_dir() else []
    if root is None and not nested:
        open_catalog(path)  # raises CatalogNotFound with the usual message
    sources = []
    if root is not None:
        files = sop_file_names(str(base)) if path.is_dir() else [str(path.resolve())]
        sources.append(Source(_key(root, base), open_catalog(root), tuple(files)))
    for found in nested:
        sources.append(
            Source(_key(found, base), open_catalog(found), tuple(sop_file_names(str(found))))
        )
    return sources


def _key(root: Path, base: Path) -> str:
    try:
        relative = root.relative_to(base).as_posix()
    except ValueError:
        relative = "."
    return root.name if relative == "." else relative


def build(sources: Sequence[Source], scope: Scope, *, use_cache: bool = True) -> Report:
    """Read every source's SOP files (through lint's cache) and count the ones in `scope`."""
    _check_filters(sources, scope)
    parts = [_count_source(source, scope, use_cache) for source in sources]
    entries = [entry for part in parts for entry in part.entries]
    return Report(
        scope=scope,
        entries=tuple(entries),
        axes=_axes(sources, entries, scope),
        satker_names=tuple((s.key, s.catalog.config.satker.nama) for s in sources),
        skipped=tuple(item for part in parts for item in part.skipped),
        unknown=tuple(item for part in parts for item in part.unknown),
        uncovered=tuple(item for part in parts for item in part.uncovered),
        theme_names={t.id: t.nama for s in sources for t in s.catalog.config.themes},
    )


@dataclass(frozen=True)
class _Part:
    entries: list[Entry]
    skipped: list[Skipped]
    unknown: list[Unknown]
    uncovered: list[Uncovered]


def _count_source(source: Source, scope: Scope, use_cache: bool) -> _Part:
    """Count one catalog's files from their briefs: a warm cache parses none of them."""
    catalog, files = source.catalog, source.files
    briefs = catalog_briefs(catalog, files, scope.today, use_cache=use_cache, text=False)
    shown = shown_paths(files)
    named = list(zip(briefs, shown, strict=True))
    skipped = [
        Skipped(name, _reason(brief), brief.problem_finding(name))
        for brief, name in named
        if not brief.valid
    ]
    sops = [
        (brief, name)
        for brief, name in named
        if brief.valid and brief.status in scope.chosen_statuses
    ]
    wanted = _Filter(source.catalog.config, scope)
    part = _Part([], skipped, [], _uncovered(source, [brief for brief, _ in sops]))
    known = _Known(source.catalog.config)
    for brief, name in sops:
        entry = _entry(source, brief, name, scope.today, known)
        if not wanted(entry):
            continue
        part.entries.append(entry)
        if entry.unit == UNKNOWN:
            part.unknown.append(Unknown(name, "unit", brief.unit or ""))
        if entry.area == UNKNOWN:
            part.unknown.append(Unknown(name, "area_rb", brief.area_rb or ""))
    return part


def _reason(brief: Brief) -> str:
    """The first problem of a file that is not a valid SOP, as `line:column CODE message`."""
    first = brief.problem_finding("")
    if first is None:
        return "bukan SOP yang valid"
    return f"{first.line}:{first.column} {first.code} {first.text('id')[0]}"


def _entry(source: Source, brief: Brief, shown: str, today: dt.date, known: _Known) -> Entry:
    """A valid SOP's entry: its strings are as written (the schema made them strings)."""
    monitoring, evaluation = brief.monitoring_due, brief.evaluation_due
    return Entry(
        path=shown,
        satker=source.key,
        unit=known.unit(brief.unit or ""),
        area=known.area(brief.area_rb or ""),
        status=brief.status or "",
        jenis=brief.jenis or NO_JENIS,
        late_monitoring=monitoring is not None and monitoring < today,
        late_evaluation=evaluation is not None and evaluation < today,
        kriteria=brief.kriteria,
        tematik=known.themes(brief.rb_tematik),
    )


class _Known:
    """Units, areas and themes of one catalog as written, each resolved once (the same few
    spellings recur in every file)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.units: dict[str, str] = {}
        self.areas: dict[str, str] = {}
        self.tematik: dict[tuple[str, ...], tuple[str, ...]] = {}

    def unit(self, value: str) -> str:
        if value not in self.units:
            self.units[value] = resolve_unit(self.config, value) or UNKNOWN
        return self.units[value]

    def area(self, value: str) -> str:
        if value not in self.areas:
            self.areas[value] = resolve_area(self.config, value) or UNKNOWN
        return self.areas[value]

    def themes(self, values: tuple[str, ...]) -> tuple[str, ...]:
        if values not in self.tematik:
            self.tematik[values] = tuple(resolve_theme(self.config, t) or t for t in values)
        return self.tematik[values]


class _Filter:
    """`--unit` and `--area`, resolved through one catalog's ids and aliases."""

    def __init__(self, config: Config, scope: Scope) -> None:
        self.units = {resolve_unit(config, value) for value in scope.units}
        self.areas = {resolve_area(config, value) for value in scope.areas}
        self.any_unit, self.any_area = not scope.units, not scope.areas

    def __call__(self, entry: Entry) -> bool:
        unit_ok = self.any_unit or entry.unit in self.units
        return unit_ok and (self.any_area or entry.area in self.areas)


def _check_filters(sources: Sequence[Source], scope: Scope) -> None:
    """A `--unit` or `--area` value that no catalog knows is a usage error, with a suggestion."""
    configs = [source.catalog.config for source in sources]
    for value in scope.units:
        if not any(resolve_unit(c, value) for c in configs):
            choices = [u.id for c in configs for u in c.units]
            raise UsageError(phrase("unit_unknown", value=value), hint=choices_hint(value, choices))
    for value in scope.areas:
        if not any(resolve_area(c, value) for c in configs):
            choices = [a.id for c in configs for a in c.areas]
            raise UsageError(phrase("area_unknown", value=value), hint=choices_hint(value, choices))


def _uncovered(source: Source, sops: Sequence[Brief]) -> list[Uncovered]:
    covered = {sop.proses_bisnis.strip().casefold() for sop in sops if sop.proses_bisnis}
    return [
        Uncovered(source.key, process.kode, process.nama)
        for process in source.catalog.config.processes
        if process.kode.strip().casefold() not in covered
    ]


_STATUS = {"draf": "Draf", "ditetapkan": "Ditetapkan", "dicabut": "Dicabut"}
_Item = tuple[str, str, str]  # key, label, code


def _axes(sources: Sequence[Source], entries: Sequence[Entry], scope: Scope) -> tuple[Axis, ...]:
    configs = [source.catalog.config for source in sources]
    units = [(u.id, _plain(u.nama), u.kode) for c in configs for u in c.units]
    areas = list({a.id: a.nama for c in configs for a in c.areas}.items())
    jenis = [(j, j.capitalize(), j.capitalize()) for j in JENIS]
    return (
        _axis("unit", units, entries),
        _axis("area", [(k, n, f"A{i}") for i, (k, n) in enumerate(areas, 1)], entries),
        _axis("status", [(s, _STATUS[s], _STATUS[s]) for s in scope.chosen_statuses], entries),
        _axis("jenis", jenis, entries),
        _axis("satker", [(s.key, s.catalog.config.satker.nama, s.key) for s in sources], entries),
    )


def _axis(name: str, items: Iterable[_Item], entries: Sequence[Entry]) -> Axis:
    """The configured keys (first spelling wins), then any others the entries hold."""
    chosen: dict[str, _Item] = {}
    for item in items:
        chosen.setdefault(item[0], item)
    for key in sorted({entry.value(name) for entry in entries} - set(chosen)):
        chosen[key] = (key, key, "?" if key == UNKNOWN else key)
    keys, labels, codes = zip(*chosen.values(), strict=True) if chosen else ((), (), ())
    return Axis(name, tuple(keys), tuple(labels), tuple(codes))


def _plain(name: str) -> str:
    """A unit's name without the "Subbagian" every unit shares."""
    for prefix in ("Subbagian ", "Subbag "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name
