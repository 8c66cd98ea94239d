"""A catalog: the folder holding `sopctl.toml`, its settings and its SOP files."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sopctl.catalog.config import CONFIG_NAME, Config, load_config
from sopctl.errors import CatalogNotFound, UsageError
from sopctl.text.phrases import phrase

SOP_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = {"templates", "schemas", "node_modules", "__pycache__"}


@dataclass(frozen=True)
class Catalog:
    """A catalog found once and passed around: root, settings, template override folder."""

    root: Path
    config: Config

    @property
    def templates(self) -> Path | None:
        """The catalog's own `templates/` folder, if it has one."""
        folder = self.root / "templates"
        return folder if folder.is_dir() else None

    def relative(self, path: Path) -> str:
        """`path` relative to the catalog root, with forward slashes."""
        try:
            return Path(os.path.realpath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` holding `sopctl.toml`, as git finds `.git`."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def open_catalog(start: Path) -> Catalog:
    """Find the catalog around `start` and load its settings."""
    if not start.exists():
        raise UsageError(phrase("path_missing", path=start), hint=phrase("check_path"))
    root = find_root(start)
    if root is None:
        raise CatalogNotFound(
            phrase("no_catalog", path=start, config=CONFIG_NAME),
            hint=phrase("no_catalog_hint", config=CONFIG_NAME),
        )
    return Catalog(root=root, config=load_config(root / CONFIG_NAME))


def sop_files(root: Path) -> list[Path]:
    """Every SOP file below `root`, sorted; nested catalogs and hidden folders are skipped."""
    return [Path(name) for name in sop_file_names(str(root))]


def sop_file_names(
    root: str, nested: list[str] | None = None, folders: list[list[Any]] | None = None
) -> list[str]:
    """`sop_files` as strings, in the same order: a national catalog has 16,500 files, and
    building a `Path` for each costs more than finding them. The roots of the catalogs nested
    below `root` (whose files are not listed) are appended to `nested` when given. With
    `folders`, each folder listed is added to it as [path, mtime, ctime, inode], stamped
    before it is listed (a folder holding a symlink gets the stamp [path, -1, -1, -1], which
    no folder has)."""
    found: list[str] = []
    _walk(root, found, nested, folders, top=True)
    return found


def every_sop_file(root: Path) -> list[Path]:
    """`sop_files` of `root` and of every catalog nested below it (what lint checks)."""
    nested: list[str] = []
    found = [Path(name) for name in sop_file_names(str(root), nested)]
    return found + [path for inner in nested for path in every_sop_file(Path(inner))]


def _walk(
    folder: str,
    found: list[str],
    nested: list[str] | None,
    folders: list[list[Any]] | None,
    *,
    top: bool,
) -> None:
    """Append the SOP files below `folder` in `Path` order (entries by name, each folder's
    files and subfolders interleaved), stopping at a folder below the top that is a catalog
    of its own (noted in `nested`); symlinked folders are not entered, as with `os.walk`."""
    try:
        if folders is not None:
            info = os.lstat(folder)
            folders.append([folder, info.st_mtime_ns, info.st_ctime_ns, info.st_ino])
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: os.path.normcase(entry.name))
    except OSError:
        return
    if not top and any(entry.name == CONFIG_NAME and entry.is_file() for entry in entries):
        if nested is not None:
            nested.append(folder)
        return
    if folders is not None and any(entry.is_symlink() for entry in entries):
        folders[-1] = [folder, -1, -1, -1]  # a link's target may change, its folder's not
    for entry in entries:
        if _is_folder(entry):
            if not entry.is_symlink() and not skipped_folder(entry.name):
                _walk(entry.path, found, nested, folders, top=False)
        elif entry.name.endswith(SOP_SUFFIXES):
            found.append(entry.path)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def skipped_folder(name: str) -> bool:
    """Folders no SOP is looked for in: hidden ones and the tool folders (templates, …)."""
    return name.startswith(".") or name in _SKIP_DIRS


def select_files(catalog: Catalog, paths: Iterable[Path]) -> list[Path]:
    """The SOP files that `paths` name (files as given, folders searched), without repeats."""
    chosen: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            chosen.update(dict.fromkeys(sop_files(path)))
        else:
            chosen[path] = None
    return list(chosen)


def find_catalogs(start: Path) -> list[Path]:
    """Roots of every catalog at or below `start` (a province folder may hold several), in
    the order `os.walk` finds them: each folder before its subfolders, these by name."""
    roots: list[Path] = []
    _find_catalogs(os.fspath(start), roots)
    return roots


def _find_catalogs(folder: str, roots: list[Path]) -> None:
    """`os.walk` from `folder` (top down, skipped and symlinked folders not entered), without
    its `lstat` of every folder it enters: the listing tells which entries are links."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return
    folders = {entry.name: entry for entry in entries if _is_folder(entry)}
    if any(entry.name == CONFIG_NAME for entry in entries if entry.name not in folders):
        roots.append(Path(folder).resolve())
    for name in sorted(name for name in folders if not skipped_folder(name)):
        if not _is_link(folders[name]):
            _find_catalogs(folders[name].path, roots)


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False
