"""Where the built-in templates and schemas live, in a wheel and in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_dir(name: str) -> Path:
    """The shipped folder `name` (`templates` or `schemas`).

    A wheel carries it inside the package; an editable install or a checkout has it beside the
    package, at the repository root.
    """
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name
