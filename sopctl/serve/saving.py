"""Saving an edited SOP: the form applied to the file's round-trip tree, written atomically,
refused when the file changed on disk since the form was opened."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sopctl.serve.forms import SopForm, editable
from sopctl.serve.tree import apply
from sopctl.sop.yamlio import MAX_BYTES, dump_roundtrip, load_roundtrip, write_atomic


@dataclass(frozen=True)
class Source:
    """A file's text as read, and the version the form carries to detect a later change."""

    text: str
    version: str


@dataclass(frozen=True)
class Conflict:
    """The file changed since the form was opened: what is on disk now, and the user's text."""

    disk: str
    mine: str

    def changes(self) -> list[str]:
        """From the file now to the user's version, as unified-diff lines."""
        import difflib

        lines = difflib.unified_diff(
            self.disk.splitlines(), self.mine.splitlines(), "disk", "browser", lineterm=""
        )
        return list(lines)[2:]  # without the two file-name lines


class Unreadable(ValueError):
    """The file is too large, not UTF-8, or not YAML that the round-trip writer can load."""


def version_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def read_source(path: Path) -> Source:
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise Unreadable(path.name)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise Unreadable(path.name) from exc
    return Source(text, version_of(raw))


def edited(text: str, form: SopForm) -> str:
    """`text` with the form applied: comments, key order and untouched values kept."""
    try:
        tree = load_roundtrip(text)
    except Exception as exc:  # ruamel's own errors: the editor cannot open the file
        raise Unreadable(str(exc)) from exc
    if not isinstance(tree, dict) or not editable(tree):
        raise Unreadable("structure")  # the form would drop what it cannot show
    apply(tree, form)
    return dump_roundtrip(tree)


def save(path: Path, form: SopForm, version: str, original: str) -> Conflict | bool:
    """Write the form into `path` unless the file is no longer at `version`: then the
    conflict (`original`: the text the form was opened on). True when the file changed."""
    current = read_source(path)
    if current.version != version:
        return Conflict(disk=current.text, mine=edited(original, form))
    text = edited(current.text, form)
    if text == current.text:
        return False
    write_atomic(path, text)
    return True
