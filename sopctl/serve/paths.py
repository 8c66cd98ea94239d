"""Which file a URL names: an SOP file of the catalog, as `list` lists it, or nothing (a 404)."""

from __future__ import annotations

import os
from pathlib import Path

from sopctl.catalog.folder import SOP_SUFFIXES, Catalog, sop_file_names


def catalog_names(catalog: Catalog) -> dict[str, Path]:
    """Every SOP file of the catalog by its name relative to the root (forward slashes)."""
    root = os.path.abspath(catalog.root)
    return {
        os.path.relpath(name, root).replace(os.sep, "/"): Path(name)
        for name in sop_file_names(root)
    }


def sop_path(catalog: Catalog, given: str) -> Path | None:
    """The file `given` (relative to the catalog root) names, if it is one of the catalog's SOP
    files and really lies inside the catalog; None for anything else: `..`, hidden or tool
    folders, other files, a symlink leading out."""
    if not plain_name(given):
        return None
    path = catalog_names(catalog).get(given)
    if path is None:
        return None
    try:
        path.resolve(strict=True).relative_to(catalog.root.resolve())
    except (OSError, ValueError):
        return None
    return path if path.is_file() else None


def plain_name(given: str) -> bool:
    """A relative name of a YAML file without `.`, `..`, hidden parts, drives or backslashes."""
    if not given.endswith(SOP_SUFFIXES) or any(char in given for char in "\\:\x00"):
        return False
    return all(part and not part.startswith(".") for part in given.split("/"))
