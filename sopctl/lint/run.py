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
from typing import TYPE_CHECKING, Any, overload

from sopctl.catalog.folder import Catalog, select_files, sop_file_names
from sopctl.catalog.shown import Shower as _Shower
from sopctl.catalog.shown import shown_path
from sopctl.lint.codec import Encoded, RawFacts
from sopctl.lint.findings import Finding, sort_key
from sopctl.lint.outcome import (
    Damaged,
    Outcome,
    encode_entry,
    facts_in,
    linted,
    load_outcome,
    new_outcome,
    save_outcome,
)
from sopctl.lint.revision_dates import Dated
from sopctl.lint.store import Stamp, collector_paused, file_stamp, make_cache_folder
from sopctl.lint.waivers import Waiver, apply_waivers
from sopctl.text.codes import CODES

if TYPE_CHECKING:
    from sopctl.lint.rules.context import Facts

FEW = 100  # changed files; up to this many are parsed directly, more are read via the cache
_Walk = tuple[list[list[Any]], int, list[str]]  # folders listed, files found, nested catalogs


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
    shower = _Shower()
    with collector_paused():
        old = load_outcome(catalog, shower.cwd) if options.use_cache else None
        try:
            return _lint(catalog, paths, options, changed, checks, shower, old)
        except Damaged:  # a kept file is not what this version wrote: do without it
            return _lint(catalog, paths, options, changed, checks, shower, None)


def _lint(
    catalog: Catalog,
    paths: Sequence[Path],
    options: LintOptions,
    changed: Sequence[Path] | None,
    checks: Sequence[FileCheck],
    shower: _Shower,
    old: Outcome | None,
) -> LintResult:
    """`lint`, starting from the `old` outcome when there is one; the catalogs nested below
    this one are linted with their own settings."""
    root = os.path.abspath(catalog.root)
    walked = old.walk(root) if old is not None else None  # the same folders: the same files
    if walked is None and options.use_cache:
        make_cache_folder(catalog)  # before the walk stamps the catalog's folder
    folders = old.folders if old is not None and walked is not None else []
    stamped = folders if options.use_cache else None  # folder stamps only to keep them
    nested: list[str] = []
    every = walked if walked is not None else sop_file_names(root, nested, stamped)  # absolute
    if old is not None and walked is not None:  # the catalogs the walk stopped at
        nested = list(old.nested)
    walk = (folders, len(every), nested)
    targets = _targets(catalog, paths, root, every)
    if changed is not None:
        targets = [os.path.abspath(p) for p in changed]
    if nested:
        targets = [name for name in targets if not _below_any(name, nested)]
    inner = [_nested_lint(Path(root), paths, options, changed, checks) for root in nested]
    since = changed is not None
    result = _lint_one(catalog, every, targets, options, since, checks, (shower, old, walk))
    if not paths or any(os.path.abspath(p) == os.path.abspath(catalog.root) for p in paths):
        result = _with_settings(result, catalog, options)
    if not inner:
        return result
    found = [f for part in (result, *inner) for f in part.findings]
    return LintResult(sorted(found, key=sort_key), sum(p.files for p in (result, *inner)))


def _targets(catalog: Catalog, paths: Sequence[Path], root: str, every: list[str]) -> list[str]:
    """The files `paths` name (all of them when none is named; `sopctl lint sops` names
    the whole catalog, whose files the walk found already), as absolute names."""
    if not paths or all(os.path.abspath(p) == root for p in paths):
        return every
    return [os.path.abspath(p) for p in select_files(catalog, paths)]


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
    run: tuple[_Shower, Outcome | None, _Walk],
) -> LintResult:
    """`lint` of one catalog, its `every` file found, for the `targets` among them (`run`:
    the names' shower, the old outcome and the walk that found the files)."""
    shower, old, walk = run
    known = set(every)
    every += [p for p in dict.fromkeys(targets) if p not in known]  # named, in skipped folders
    wanted_names = set(targets)
    chosen = [index for index, name in enumerate(every) if name in wanted_names]
    anywhere = ("K002",) if since else ()
    shown = _Names(shower, every)
    outcome = _outcome(catalog, every, shown, options, shower.cwd, old, walk)
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
    shown: Sequence[str],
    options: LintOptions,
    cwd: str,
    old: Outcome | None,
    walk: _Walk,
) -> Outcome:
    """Every file's entry and the cross-file findings (`shown`: the files' names as seen
    from `cwd`): from the `old` outcome for the files unchanged since, by reading the
    others; kept for the next run when caching (with the `walk` that found the files)."""
    stamps = {name: file_stamp(name) for name in every}  # before reading: a later edit shows
    fresh = old.fresh(stamps, options.today) if old is not None else {}
    same_files = old is not None and old.names() == every
    if old is not None and same_files and len(fresh) == len(every):
        if (old.folders, old.walked, old.nested) == walk:
            return old  # the same files, none changed: cross-file findings hold too
        outcome = replace(old, folders=walk[0], walked=walk[1], nested=walk[2])  # no file
        if options.use_cache:
            save_outcome(catalog, outcome, None)
        return outcome
    stale = [(name, shown[index]) for index, name in enumerate(every) if name not in fresh]
    found = _read(catalog, stale, [stamps[name] for name, _ in stale], options, cold=old is None)
    read = {name: item for (name, _), item in zip(stale, found, strict=True)}
    entries = [
        old.entries[fresh[name]]
        if old is not None and name in fresh
        else encode_entry(name, stamps[name], read[name])
        for name in every
    ]
    if old is not None and same_files and [e[6] for e in entries] == [e[6] for e in old.entries]:
        # the same facts: the same cross-file findings
        outcome = replace(old, entries=entries, folders=walk[0], walked=walk[1], nested=walk[2])
        facts = None
    else:
        facts = _facts(catalog, every, old, fresh, {name: r.facts for name, r in read.items()})
        across = check_facts(facts_in(facts, shown), catalog)
        outcome = new_outcome(catalog, cwd, entries, across, shown, walk)
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


def _read(
    catalog: Catalog,
    items: list[tuple[str, str]],
    stamps: list[Stamp | None],
    options: LintOptions,
    *,
    cold: bool,
) -> list[Encoded]:
    """(name, shown) files not in the outcome, read: a few changed files are parsed at once;
    on a `cold` start, or when many changed (a branch switch), they come through the
    per-file cache, which list and report read too."""
    from sopctl.lint.records import read_encoded

    through_cache = options.use_cache and (cold or len(items) > FEW)
    paths = [(Path(name), name_shown) for name, name_shown in items]
    return read_encoded(catalog, paths, options.today, use_cache=through_cache, stamps=stamps)


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


class _Names(Sequence[str]):
    """The shown names of absolute paths, each worked out when first asked for (a warm lint
    of one file needs a few of 16,500)."""

    def __init__(self, shower: _Shower, names: list[str]) -> None:
        self.shower, self.names = shower, names
        self.known: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self.names))[index]]
        name = self.known.get(index)
        if name is None:
            name = self.known[index] = self.shower.absolute(self.names[index])
        return name
