"""Paths as the user sees them: relative to the working folder when inside it, POSIX slashes."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def shown_path(path: Path) -> str:
    """A path as the user should see it: relative to the working folder when inside it."""
    return Shower()(path)


class Shower:
    """`shown_path` for many files: the working folder is looked up once."""

    def __init__(self) -> None:
        self.cwd = os.path.abspath(os.getcwd())
        self.prefix = os.path.join(self.cwd, "")

    def __call__(self, path: str | Path) -> str:
        return self.absolute(os.path.abspath(path), path)

    def absolute(self, absolute: str, given: str | Path | None = None) -> str:
        """The shown name of an absolute, normalised path (`given`: as the user wrote it)."""
        if absolute == self.cwd:
            return "."
        if not absolute.startswith(self.prefix):
            return Path(absolute if given is None else given).as_posix()
        return absolute[len(self.prefix) :].replace(os.sep, "/")


def shown_paths(paths: Sequence[str | Path]) -> list[str]:
    """`shown_path` of many paths (the working folder looked up once)."""
    shower = Shower()
    return [shower(path) for path in paths]
