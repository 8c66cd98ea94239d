"""The one place that reads and writes YAML.

Lint reads through libyaml (fast, with line/column marks) and yamlconstruct, which gives the
same data as ruamel.yaml's YAML 1.2 safe loader. Commands that rewrite files use ruamel.yaml's
round-trip mode, imported lazily to keep start-up fast.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sopctl.sop.construct import BYTE_OFFSETS, Builder, Path_, Problem, compose, version_problem
from sopctl.text.system import os_detail

__all__ = [
    "MAX_BYTES",
    "Document",
    "FileChanged",
    "Path_",
    "Problem",
    "dump_roundtrip",
    "load_roundtrip",
    "parse_text",
    "read_bytes",
    "read_file",
    "replace_if_unchanged",
    "write_atomic",
]

MAX_BYTES = 1024 * 1024  # files larger than this are not parsed

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # the breaks libyaml counts


@dataclass
class Document:
    data: Any
    problems: list[Problem]
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    comments: list[tuple[int, str]] = field(default_factory=list)

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line/column of path, else of its nearest existing ancestor, else (1, 1)."""
        for depth in range(len(path), -1, -1):
            here = path[:depth]
            if key and here in self.key_marks:
                return self.key_marks[here]
            if here in self.value_marks:
                return self.value_marks[here]
        return 1, 1


def parse_text(text: str) -> Document:
    """Parse one YAML document; never raises, whatever the text."""
    try:
        root = compose(text)
        if not isinstance(root, yaml.MappingNode):
            return _failed(text, _root_problem(root))
        builder = Builder(text, set() if "*" in text else None)
        data = builder.build(root, ())
    except (yaml.YAMLError, UnicodeEncodeError, RecursionError) as exc:
        return _failed(text, _syntax_problem(text, exc))
    problems = builder.problems
    old_version = version_problem(text)
    if old_version:
        problems.insert(0, old_version)
    comments = _find_comments(text, builder.spans)
    return Document(data, problems, builder.value_marks, builder.key_marks, comments)


def _failed(text: str, problem: Problem) -> Document:
    return Document(None, [problem], comments=_find_comments(text, []))


def _root_problem(root: yaml.Node | None) -> Problem:
    if root is None:
        return Problem("Y004", 1, 1, "an empty file")
    kind = "a sequence" if isinstance(root, yaml.SequenceNode) else "a single value"
    mark = root.start_mark
    return Problem("Y004", mark.line + 1, mark.column + 1, kind)


def read_file(path: Path) -> Document:
    """Read and parse a file; size, encoding and I/O failures become problems."""
    try:
        raw = _read_regular(path)
    except _NotRegular:
        return Document(None, [Problem("Y010", 1, 1, "")])
    except OSError as exc:
        return Document(None, [Problem("Y008", 1, 1, os_detail(exc))])
    if len(raw) > MAX_BYTES:
        return Document(None, [Problem("Y003", 1, 1, f"larger than {MAX_BYTES} bytes")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8")) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        return Document(None, [Problem("Y002", line, column, exc.reason)])
    return parse_text(text.removeprefix("\ufeff"))


class _NotRegular(Exception):
    """A FIFO, device or socket named like an SOP: reading it could block forever."""


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file (at most `MAX_BYTES + 1`); OSError otherwise."""
    try:
        return _read_regular(path)
    except _NotRegular:
        raise IsADirectoryError(errno.EINVAL, "not a regular file", str(path)) from None


class FileChanged(Exception):
    """The file is no longer what was read: someone saved an edit meanwhile."""


def replace_if_unchanged(path: Path, expected: bytes, text: str) -> None:
    """Write `text` over `path` (through a symlink, onto its target) when the file still
    holds `expected`; raises FileChanged when not, OSError when writing fails (the file is
    then untouched: `write_atomic`)."""
    target = Path(os.path.realpath(path))
    if read_bytes(target) != expected:
        raise FileChanged(str(path))
    write_atomic(target, text)


def _read_regular(path: Path) -> bytes:
    """Up to `MAX_BYTES + 1` bytes of a regular file. Opened without blocking (a FIFO would
    wait for a writer) and checked on the open handle, so nothing can be swapped in between."""
    descriptor = os.open(
        path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    )
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise _NotRegular
        return handle.read(MAX_BYTES + 1)


def _syntax_problem(text: str, exc: Exception) -> Problem:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        parts = (exc.context, exc.problem)
        return Problem("Y001", *where, ", ".join(part for part in parts if part))
    if isinstance(exc, yaml.reader.ReaderError):
        offset = exc.position
        if BYTE_OFFSETS:
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", "replace"))
        return Problem("Y001", *_line_column(text, offset), exc.reason)
    if isinstance(exc, UnicodeEncodeError):  # lone surrogates: not encodable as UTF-8
        return Problem("Y002", *_line_column(text, exc.start), exc.reason)
    return Problem(
        "Y001", 1, 1, "nesting too deep" if isinstance(exc, RecursionError) else str(exc)
    )


def _line_column(text: str, offset: int) -> tuple[int, int]:
    breaks = list(_LINE_BREAK.finditer(text, 0, offset))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


def _find_comments(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[int, str]]:
    """(line, text after '#') of each comment; spans are multi-line scalars to skip."""
    if "#" not in text:
        return []
    start_column: dict[int, int] = {}  # 0-based line -> where its YAML resumes; -1: none
    for first, last, last_column in spans:
        start_column.update(dict.fromkeys(range(first + 1, last), -1))
        start_column[last] = last_column
    comments: list[tuple[int, str]] = []
    for index, line in enumerate(_LINE_BREAK.split(text)):
        begin = start_column.get(index, 0) if "#" in line else -1
        hash_at = _comment_start(line, begin) if begin >= 0 else -1
        if hash_at >= 0:
            comments.append((index + 1, line[hash_at + 1 :]))
    return comments


def _comment_start(line: str, begin: int) -> int:
    """Index of the '#' that starts a comment in line, skipping quoted text; -1 if none."""
    quote = ""
    index = begin
    while index < len(line):
        char = line[index]
        after_space = index == 0 or line[index - 1] in " \t"
        if (quote == '"' and char == "\\") or (quote == "'" and line.startswith("''", index)):
            index += 1  # an escaped character
        elif quote and char == quote:
            quote = ""
        elif not quote and char == "#" and after_space:
            return index
        elif not quote and char in "'\"" and (after_space or line[index - 1] in "[{,"):
            quote = char
        index += 1
    return -1


def _roundtrip_yaml() -> Any:
    from ruamel.yaml import YAML  # lazily: lint never needs it

    handler = YAML(typ="rt")
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 4096  # never fold long text: folded lines carry trailing spaces
    handler.allow_unicode = True
    handler.preserve_quotes = True
    return handler


def load_roundtrip(text: str) -> Any:
    """Load keeping comments, key order and quotes; ruamel.yaml errors propagate."""
    return _roundtrip_yaml().load(text)


def dump_roundtrip(data: Any) -> str:
    stream = io.StringIO()
    _roundtrip_yaml().dump(data, stream)
    return stream.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Replace path with text in one step, so readers never see half a file."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)  # keep the mode of the file replaced
    except FileNotFoundError:
        mode = 0o644
    descriptor, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
