"""Rules on what `sopctl new` leaves for the author: placeholders still to be filled."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sopctl.lint.findings import Finding
from sopctl.lint.rules.context import SopContext
from sopctl.sop.loader import dotted_path
from sopctl.sop.yamlio import Path_

# The marker the `new.yaml.j2` template writes: text in angle brackets starting with "isi".
PLACEHOLDER = re.compile(r"<isi\b[^<>]*>")


def placeholder_left(ctx: SopContext) -> Iterator[Finding]:
    """N001: a value still holds a template placeholder such as `<isi kegiatan>`."""
    if not ctx.doc.may_contain("<isi"):
        return  # most files: no value to walk
    for path, text in _strings(ctx.doc.data, ()):
        found = PLACEHOLDER.search(text)
        if found:
            yield ctx.report(path, "N001", key=dotted_path(path), text=found.group())


def _strings(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
