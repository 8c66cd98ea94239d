"""`lint`: check SOP files one by one and against the whole catalog."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sopctl.catalog import Catalog, select_files, sop_files
from sopctl.findings import Finding, sort_key
from sopctl.loader import Loaded, load_sop
from sopctl.messages import CODES
from sopctl.rules import CATALOG_RULES, FILE_RULES
from sopctl.rules.context import SopContext, facts_of
from sopctl.suppress import apply_waivers, read_waivers


@dataclass(frozen=True)
class LintOptions:
    """What to check: code prefixes to select (empty: all) and to ignore; the day to judge by."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True)
class LintResult:
    findings: list[Finding]
    files: int

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.suppressed is None and f.severity == severity)


FileCheck = Callable[[Sequence[Loaded]], list[Finding]]  # a check beside the rules (G001)


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
    """
    every = [_absolute(p) for p in sop_files(catalog.root)]
    targets = [_absolute(p) for p in select_files(catalog, paths)] if paths else every
    if changed is not None:
        targets = [_absolute(p) for p in changed]
    known = set(every)
    every += [p for p in targets if p not in known]  # named files in folders lint skips
    loaded = [load_sop(path, shown_path(path), catalog.root) for path in every]
    wanted_paths = set(targets)
    chosen = [item for item in loaded if item.path in wanted_paths]
    found = [f for item in chosen for f in check_file(item, catalog, options.today)]
    found += [f for check in checks for f in check(chosen)]
    shown = {item.shown for item in chosen}
    anywhere = ("K002",) if changed is not None else ()
    across = [f for f in check_catalog(loaded, catalog) if f.path in shown or f.code in anywhere]
    found += across
    hit = {f.path for f in across}
    found = _waive(found, chosen + [item for item in loaded if item.shown in hit - shown])
    kept = [f for f in found if wanted(f.code, options)]
    return LintResult(sorted(kept, key=sort_key), len(chosen))


def check_file(item: Loaded, catalog: Catalog, today: dt.date) -> list[Finding]:
    """The file's load findings, then every per-file rule if the SOP is schema-valid."""
    found = list(item.findings)
    if item.sop is not None:
        ctx = SopContext(item.shown, item.sop, item.doc, catalog.config, today)
        for rule in FILE_RULES.values():
            found.extend(rule(ctx))
    return found


def check_catalog(loaded: Sequence[Loaded], catalog: Catalog) -> list[Finding]:
    facts = [facts_of(item.shown, item.doc) for item in loaded]
    return [f for rule in CATALOG_RULES.values() for f in rule(facts, catalog.config)]


def _waive(found: list[Finding], chosen: Sequence[Loaded]) -> list[Finding]:
    by_file: dict[str, list[Finding]] = {}
    for item in found:
        by_file.setdefault(item.path, []).append(item)
    result: list[Finding] = []
    for loaded in chosen:
        waivers, problems = read_waivers(loaded.shown, loaded.doc.comments)
        result += apply_waivers(by_file.get(loaded.shown, []) + problems, waivers)
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
    try:
        return Path(os.path.relpath(path)).as_posix() if _under_cwd(path) else path.as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _under_cwd(path: Path) -> bool:
    cwd, absolute = _absolute(Path.cwd()), _absolute(path)
    return absolute == cwd or cwd in absolute.parents
