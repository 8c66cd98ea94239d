"""`lint`: check SOP files one by one and against the whole catalog."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sopctl.cache import read_records
from sopctl.catalog import Catalog, select_files, sop_files
from sopctl.findings import Finding, sort_key
from sopctl.messages import CODES
from sopctl.rules import CATALOG_RULES
from sopctl.scan import FileRecord
from sopctl.suppress import apply_waivers


@dataclass(frozen=True)
class LintOptions:
    """What to check: code prefixes to select (empty: all) and to ignore; the day to judge by."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)
    use_cache: bool = True


@dataclass(frozen=True)
class LintResult:
    findings: list[Finding]
    files: int

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.suppressed is None and f.severity == severity)


FileCheck = Callable[[Sequence[FileRecord]], list[Finding]]  # a check beside the rules (G001)


def lint(
    catalog: Catalog,
    paths: Sequence[Path],
    options: LintOptions,
    *,
    changed: Sequence[Path] | None = None,
    checks: Sequence[FileCheck] = (),
) -> LintResult:
    """Lint `paths` (all of the catalog when empty); cross-file rules see every file.

    With `changed` (`--changed-since`), only those files are linted, and broken links (K002)
    are reported in every file, since removing or renumbering an SOP breaks the links to it.
    `checks` run on the linted files after the rules (G001 needs git, so the caller decides).
    Per-file results come from the cache when `options.use_cache` and the file is unchanged.
    """
    every = sop_files(_absolute(catalog.root))  # absolute and normalised, as the root is
    targets = [_absolute(p) for p in select_files(catalog, paths)] if paths else every
    if changed is not None:
        targets = [_absolute(p) for p in changed]
    known = set(every)
    every += [p for p in targets if p not in known]  # named files in folders lint skips
    records = catalog_records(catalog, every, options.today, use_cache=options.use_cache)
    wanted_paths = set(targets)
    chosen = [item for item in records if item.path in wanted_paths]
    found = [f for item in chosen for f in item.findings]
    found += [f for check in checks for f in check(chosen)]
    shown = {item.shown for item in chosen}
    anywhere = ("K002",) if changed is not None else ()
    across = [f for f in check_catalog(records, catalog) if f.path in shown or f.code in anywhere]
    found += across
    hit = {f.path for f in across}
    found = _waive(found, chosen + [item for item in records if item.shown in hit - shown])
    kept = [f for f in found if wanted(f.code, options)]
    return LintResult(sorted(kept, key=sort_key), len(chosen))


def catalog_records(
    catalog: Catalog, files: Sequence[Path], today: dt.date, *, use_cache: bool = True
) -> list[FileRecord]:
    """The record of each file (absolute paths), shown relative to the working folder.

    This is what list and report read too: a warm cache answers without parsing any file.
    """
    shown = _Shower()
    return read_records(catalog, [(p, shown(p)) for p in files], today, use_cache=use_cache)


def check_catalog(records: Sequence[FileRecord], catalog: Catalog) -> list[Finding]:
    facts = [item.facts for item in records]
    return [f for rule in CATALOG_RULES.values() for f in rule(facts, catalog.config)]


def _waive(found: list[Finding], chosen: Sequence[FileRecord]) -> list[Finding]:
    by_file: dict[str, list[Finding]] = {}
    for item in found:
        by_file.setdefault(item.path, []).append(item)
    result: list[Finding] = []
    for record in chosen:
        result += apply_waivers(by_file.get(record.shown, []), record.waivers)
    return result


def wanted(code: str, options: LintOptions) -> bool:
    """`--select`/`--ignore` by code or prefix (`P` selects every procedure rule)."""
    if options.select and not code.startswith(tuple(options.select)):
        return False
    return not (options.ignore and code.startswith(tuple(options.ignore)))


def known_prefix(prefix: str) -> bool:
    return any(code.startswith(prefix) for code in CODES)


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))  # normalised, symlinks kept as links


def shown_path(path: Path) -> str:
    """A path as the user should see it: relative to the working folder when inside it."""
    return _Shower()(path)


class _Shower:
    """`shown_path` for many files: the working folder is looked up once."""

    def __init__(self) -> None:
        self.cwd = os.path.abspath(os.getcwd())
        self.prefix = os.path.join(self.cwd, "")

    def __call__(self, path: Path) -> str:
        absolute = os.path.abspath(path)
        if absolute == self.cwd:
            return "."
        if not absolute.startswith(self.prefix):
            return path.as_posix()
        return absolute[len(self.prefix) :].replace(os.sep, "/")
