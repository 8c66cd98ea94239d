"""`lint`: check SOP files one by one and against the whole catalog.

A warm lint reads the last run's outcome (`sopctl.lint.outcome`) and parses only the files changed
since; the parser, the rules and the per-file cache are imported only when some file needs
them, so that `sopctl lint FILE` on an unchanged catalog starts fast.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sopctl.catalog.folder import Catalog, select_files, sop_file_names
from sopctl.catalog.shown import Shower as _Shower
from sopctl.catalog.shown import shown_path
from sopctl.lint.findings import Finding, sort_key
from sopctl.lint.outcome import (
    Damaged,
    Outcome,
    RawFacts,
    encode_entry,
    encode_facts,
    facts_in,
    linted,
    load_outcome,
    new_outcome,
    save_outcome,
)
from sopctl.lint.revision_dates import Dated
from sopctl.lint.store import file_stamp
from sopctl.lint.waivers import Waiver, apply_waivers
from sopctl.text.codes import CODES

if TYPE_CHECKING:
    from sopctl.lint.rules.context import Facts
    from sopctl.lint.scan import FileRecord

FEW = 100  # changed files; up to this many are parsed directly, more are read via the cache


@dataclass(frozen=True)
class LintOptions:
    """What to check: code prefixes to select (empty: all) and to ignore; the day to judge by."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)
    use_cache: bool = True
    waivers: bool = True  # False (`--no-waivers`): every finding shown, for audits


@dataclass(frozen=True)
class LintResult:
    findings: list[Finding]
    files: int

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.suppressed is None and f.severity == severity)


FileCheck = Callable[[Sequence[Dated]], list[Finding]]  # a check beside the registry's rules


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
    The registry's history rules (G001, which reads git) run on the linted files' dates
    when wanted, and so do extra `checks`. Unchanged files are not read again when
    `options.use_cache`.
    """
    nested: list[str] = []
    every = sop_file_names(os.path.abspath(catalog.root), nested)  # absolute, normalised
    targets = [os.path.abspath(p) for p in select_files(catalog, paths)] if paths else every
    if changed is not None:
        targets = [os.path.abspath(p) for p in changed]
    if nested:
        targets = [name for name in targets if not _below_any(name, nested)]
    inner = [_nested_lint(Path(root), paths, options, changed, checks) for root in nested]
    result = _lint_one(catalog, every, targets, options, changed is not None, checks)
    if not paths or any(os.path.abspath(p) == os.path.abspath(catalog.root) for p in paths):
        result = _with_settings(result, catalog, options)
    if not inner:
        return result
    found = [f for part in (result, *inner) for f in part.findings]
    return LintResult(sorted(found, key=sort_key), sum(p.files for p in (result, *inner)))


def _with_settings(result: LintResult, catalog: Catalog, options: LintOptions) -> LintResult:
    """`result` with the findings on the catalog's settings file (C001), when wanted."""
    from sopctl.lint.settings import settings_findings

    config = catalog.config.path or catalog.root / "sopctl.toml"
    found = [f for f in settings_findings(catalog, shown_path(config)) if wanted(f.code, options)]
    return LintResult(sorted([*result.findings, *found], key=sort_key), result.files)


def _nested_lint(
    root: Path,
    paths: Sequence[Path],
    options: LintOptions,
    changed: Sequence[Path] | None,
    checks: Sequence[FileCheck],
) -> LintResult:
    """Lint the catalog nested at `root` with its own settings: a `sopctl.toml` committed in
    a sub-folder must never hide that folder's files from a lint of the enclosing catalog."""
    from sopctl.catalog.folder import open_catalog

    name = os.path.abspath(root)
    named = [Path(p) for p in paths if _below_any(os.path.abspath(p), [name])]
    if paths and any(_below_any(name, [os.path.abspath(p)]) for p in paths if p.is_dir()):
        named = []  # a folder holding the whole nested catalog was named
    elif paths and not named:
        return LintResult([], 0)
    inner = None if changed is None else [p for p in changed if _below_any(str(p), [name])]
    return lint(open_catalog(root), named, options, changed=inner, checks=checks)


def _below_any(name: str, roots: Sequence[str]) -> bool:
    """Whether the absolute path `name` is `roots`' folder or lies below one of them."""
    return any(name == root or name.startswith(os.path.join(root, "")) for root in roots)


def _lint_one(
    catalog: Catalog,
    every: list[str],
    targets: list[str],
    options: LintOptions,
    since: bool,
    checks: Sequence[FileCheck],
) -> LintResult:
    """`lint` of one catalog, its `every` file found, for the `targets` among them."""
    known = set(every)
    every += [p for p in targets if p not in known]  # named files in folders lint skips
    wanted_names = set(targets)
    chosen = [index for index, name in enumerate(every) if name in wanted_names]
    anywhere = ("K002",) if since else ()
    shower = _Shower()
    shown = [shower.absolute(name) for name in every]
    try:
        outcome = _outcome(catalog, every, shown, options, shower.cwd, trusted=True)
        view = linted(outcome, chosen, shown, anywhere)
    except Damaged:  # a kept file is not what this version wrote: do without it
        outcome = _outcome(catalog, every, shown, options, shower.cwd, trusted=False)
        view = linted(outcome, chosen, shown, anywhere)
    found = view.own + view.across + _history(catalog, options, view.dated)
    found += [f for check in checks for f in check(view.dated)]
    if options.waivers:
        found = _waived(found, view.waivers, {shown[i] for i in chosen}, options)
    kept = [f for f in found if wanted(f.code, options)]
    return LintResult(sorted(kept, key=sort_key), len(chosen))


def _history(catalog: Catalog, options: LintOptions, dated: Sequence[Dated]) -> list[Finding]:
    """The history rules that are wanted (`--ignore G001` skips the git call)."""
    from sopctl.lint.rules import HISTORY_RULES

    return [
        found
        for code, rule in HISTORY_RULES.items()
        if wanted(code, options)
        for found in rule(catalog.root, dated, options.use_cache)
    ]


def _waived(
    found: list[Finding],
    waivers: dict[str, list[Waiver]],
    linted_files: set[str],
    options: LintOptions,
) -> list[Finding]:
    """Findings with their files' waivers applied (`waivers` by shown name); the waivers of
    `linted_files` that waived nothing this run checked for are reported (X002)."""
    by_path: dict[str, list[Finding]] = {path: [] for path in waivers}
    for item in found:
        by_path.setdefault(item.path, []).append(item)
    checked = partial(wanted, options=options)
    return [
        f
        for path, items in by_path.items()
        for f in apply_waivers(
            items, waivers.get(path, []), path, unused=checked if path in linted_files else None
        )
    ]


def _outcome(
    catalog: Catalog,
    every: list[str],
    shown: list[str],
    options: LintOptions,
    cwd: str,
    *,
    trusted: bool,
) -> Outcome:
    """Every file's entry and the cross-file findings (`shown`: the files' names as seen
    from `cwd`): from the last outcome for the files unchanged since (when `trusted`), by
    reading the others; kept for the next run when caching."""
    stamps = {name: file_stamp(name) for name in every}  # before reading: a later edit shows
    old = load_outcome(catalog, cwd) if options.use_cache and trusted else None
    fresh = old.fresh(stamps, options.today) if old is not None else {}
    same_files = old is not None and old.names() == every
    if old is not None and same_files and len(fresh) == len(every):
        return old  # the same files, none changed: cross-file findings hold too
    stale = [(name, seen) for name, seen in zip(every, shown, strict=True) if name not in fresh]
    records = _records(catalog, stale, options, cold=old is None)
    read = {name: record for (name, _), record in zip(stale, records, strict=True)}
    new_facts = {name: encode_facts(record) for name, record in read.items()}
    entries = [
        old.entries[fresh[name]]
        if old is not None and name in fresh
        else encode_entry(name, stamps[name], read[name], new_facts[name])
        for name in every
    ]
    if old is not None and same_files and [e[6] for e in entries] == [e[6] for e in old.entries]:
        outcome = replace(old, entries=entries)  # the same facts: the same cross-file findings
        facts = None
    else:
        facts = _facts(catalog, every, old, fresh, new_facts)
        across = check_facts(facts_in(facts, shown), catalog)
        outcome = new_outcome(catalog, cwd, entries, across, shown)
    if options.use_cache:
        save_outcome(catalog, outcome, facts)
    return outcome


def _facts(
    catalog: Catalog,
    every: list[str],
    old: Outcome | None,
    fresh: dict[str, int],
    new: dict[str, RawFacts],
) -> list[RawFacts]:
    """Every file's facts: kept ones for `fresh` files (their index in `old`), `new` ones
    for the files read."""
    kept = old.facts(catalog) if old is not None and fresh else []
    return [kept[fresh[name]] if name in fresh else new[name] for name in every]


def _records(
    catalog: Catalog, items: list[tuple[str, str]], options: LintOptions, *, cold: bool
) -> list[FileRecord]:
    """Records of (name, shown) files not in the outcome: a few changed files are parsed at
    once; on a `cold` start, or when many changed (a branch switch), they come through the
    per-file cache, which list and report read too."""
    from sopctl.lint.records import read_records

    through_cache = options.use_cache and (cold or len(items) > FEW)
    paths = [(Path(name), name_shown) for name, name_shown in items]
    return read_records(catalog, paths, options.today, use_cache=through_cache)


def check_facts(facts: Sequence[Facts], catalog: Catalog) -> list[Finding]:
    from sopctl.lint.rules import CATALOG_RULES

    return [f for rule in CATALOG_RULES.values() for f in rule(facts, catalog.config)]


def wanted(code: str, options: LintOptions) -> bool:
    """`--select`/`--ignore` by code or prefix (`P` selects every procedure rule)."""
    if options.select and not code.startswith(tuple(options.select)):
        return False
    return not (options.ignore and code.startswith(tuple(options.ignore)))


def known_prefix(prefix: str) -> bool:
    return any(code.startswith(prefix) for code in CODES)
