"""The catalog as git sees it: which SOP files changed, and every SOP at a revision."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from sopctl.catalog.config import CONFIG_NAME
from sopctl.catalog.folder import (
    SOP_SUFFIXES,
    Catalog,
    skipped_folder,
    sop_file_names,
    sop_files,
)
from sopctl.history import git
from sopctl.history.compare import Entry, compare_catalogs
from sopctl.sop.yamlio import parse_text, read_file


def changed_since(catalog: Catalog, revision: str) -> list[Path]:
    """SOP files added, modified or renamed since the branch left `revision` (merge base to
    working tree, untracked files included), nested catalogs' files included. A changed
    `sopctl.toml` changes every file of its catalog."""
    top = git.top_level(catalog.root)
    base = git.merge_base(top, revision)
    changed = {path.resolve() for path in git.changed_files(top, base)}
    return _changed_below(catalog.root, changed)


def _changed_below(root: Path, changed: set[Path]) -> list[Path]:
    """The files of the catalog at `root` in `changed`, then those of the catalogs nested in
    it (lint checks those too, each with its own settings)."""
    nested: list[str] = []
    every = [Path(name) for name in sop_file_names(str(root), nested)]
    if (root / CONFIG_NAME).resolve() not in changed:
        every = [path for path in every if path.resolve() in changed]
    return every + [path for inner in nested for path in _changed_below(Path(inner), changed)]


@dataclass(frozen=True)
class Comparison:
    """A semantic diff of the catalog: what each side is, and the SOPs that differ."""

    base: str  # a short commit hash
    head: str  # a short commit hash, or "" for the working tree
    base_ref: str  # what the user named (or the default branch)
    entries: list[Entry]


def compare(catalog: Catalog, base: str | None, head: str | None) -> Comparison:
    """SOPs changed since the branch left `base` (default: the default branch), up to `head`
    (default: the working tree, uncommitted and untracked files included)."""
    top = git.top_level(catalog.root)
    base_ref = base or git.default_branch(top)
    head_commit = git.commit_of(top, head) if head else ""
    start = git.merge_base(top, base_ref, head_commit or "HEAD")
    old = snapshot_at(catalog, top, start)
    new = snapshot_at(catalog, top, head_commit) if head_commit else working_snapshot(catalog, top)
    return Comparison(start[:7], head_commit[:7], base_ref, compare_catalogs(old, new))


def snapshot_at(catalog: Catalog, top: Path, revision: str) -> dict[str, Any]:
    """Every SOP of the catalog at `revision`: path relative to the repository -> data."""
    under = _relative(catalog.root, top)
    every = git.tree_files(top, revision, under)
    paths = _outside_nested([p for p in every if _is_sop(p, under)], every, under)
    texts = git.read_blobs(top, [f"{revision}:{path}" for path in paths])
    return {path: _data(texts[f"{revision}:{path}"]) for path in paths}


def working_snapshot(catalog: Catalog, top: Path) -> dict[str, Any]:
    """Every SOP of the catalog in the working tree, keyed like `snapshot_at`."""
    return {_relative(p, top): _working_data(p, catalog.root) for p in sop_files(catalog.root)}


def _working_data(path: Path, root: Path) -> Any:
    """The data of a working-tree file; none for a symlink out of the catalog (Y009 in lint),
    whose target's content must never reach a pull-request comment."""
    from sopctl.sop.loader import inside

    if path.is_symlink() and not inside(path, root):
        return None
    return read_file(path).data


def _relative(path: Path, top: Path) -> str:
    """`path` (absolute, below `top`; a symlink itself, not its target) relative to `top`."""
    relative = Path(os.path.abspath(path)).relative_to(top).as_posix()
    return "" if relative == "." else relative


def _is_sop(path: str, under: str) -> bool:
    inside = PurePosixPath(path).relative_to(under) if under else PurePosixPath(path)
    folders = inside.parts[:-1]
    return path.endswith(SOP_SUFFIXES) and not any(skipped_folder(f) for f in folders)


def _outside_nested(paths: list[str], every: list[str], under: str) -> list[str]:
    """Leave out the files of catalogs nested inside this one, as lint does."""
    root_config = f"{under}/{CONFIG_NAME}" if under else CONFIG_NAME
    configs = [p for p in every if p.endswith(f"/{CONFIG_NAME}") and p != root_config]
    nested = [p.removesuffix(CONFIG_NAME) for p in configs]
    return [p for p in paths if not any(p.startswith(folder) for folder in nested)]


def _data(text: str | None) -> Any:
    return parse_text(text.removeprefix("\ufeff")).data if text is not None else None
