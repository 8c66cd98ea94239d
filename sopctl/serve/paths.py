"""Which file a URL names: an SOP file of the catalog, as `list` lists it, or nothing (a 404)."""

from __future__ import annotations

import os
from pathlib import Path

from sopctl.catalog.config import CONFIG_NAME
from sopctl.catalog.folder import SOP_SUFFIXES, Catalog, skipped_folder, sop_file_names


def catalog_names(catalog: Catalog) -> dict[str, Path]:
    """Every SOP file of the catalog by its name relative to the root (forward slashes)."""
    root = os.path.abspath(catalog.root)
    return {
        os.path.relpath(name, root).replace(os.sep, "/"): Path(name)
        for name in sop_file_names(root)
    }


def sop_path(catalog: Catalog, given: str) -> Path | None:
    """The file `given` (relative to the catalog root) names, if `list` would list it and it
    really lies inside the catalog; None for anything else: `..`, hidden or tool folders,
    nested catalogs, other files, symlinked folders, a symlink leading out.

    The same rules as the catalog walk (`sop_file_names`), checked along one path only, so the
    editor's polling does not walk the catalog."""
    if not plain_name(given):
        return None
    root = Path(os.path.abspath(catalog.root))
    *folders, _ = given.split("/")
    here = root
    for name in folders:
        here = here / name
        if skipped_folder(name) or here.is_symlink() or (here / CONFIG_NAME).is_file():
            return None
    path = root.joinpath(*given.split("/"))
    try:
        path.resolve(strict=True).relative_to(root.resolve())
    except (OSError, ValueError):
        return None
    return path if path.is_file() else None


def plain_name(given: str) -> bool:
    """A relative name of a YAML file without `.`, `..`, hidden parts, drives or backslashes."""
    if not given.endswith(SOP_SUFFIXES) or any(char in given for char in "\\:\x00"):
        return False
    return all(part and not part.startswith(".") for part in given.split("/"))
