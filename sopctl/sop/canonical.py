"""`fmt`: one canonical layout for SOP files, with the data and the comments unchanged.

The layout: keys in the order of the model (the design page), every mapping and list in block
style (one item per line, so git diffs show one change per line), strings plain unless they need
quotes, and then double quotes. The round-trip tree of ruamel.yaml keeps comments; its scalar
types are used here only to choose quotes, while reading and writing stay in `yamlio`.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sopctl.lint.findings import finding
from sopctl.sop.loader import inside
from sopctl.sop.model import model_at
from sopctl.sop.yamlio import (
    Document,
    Path_,
    dump_roundtrip,
    load_roundtrip,
    parse_text,
    read_bytes,
    read_file,
)
from sopctl.text.phrases import ui


class CanonicalError(Exception):
    """The text cannot be laid out safely; `where` is (line, column) when known."""

    def __init__(self, message: str, where: tuple[int, int] = (1, 1)) -> None:
        super().__init__(message)
        self.message = message
        self.where = where


@dataclass(frozen=True)
class Formatted:
    """One file through `fmt`: its text before and after, or why it was left alone."""

    path: Path
    shown: str
    before: str
    after: str | None = None
    raw: bytes = b""  # the file's bytes as read (`before` is their text)
    problem: str | None = None  # "line:column: message" when the file was left untouched

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before

    def diff(self) -> str:
        """The change as a unified diff (empty when nothing changes)."""
        if not self.changed or self.after is None:
            return ""
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=f"a/{self.shown}",
            tofile=f"b/{self.shown}",
        )
        return "".join(lines)


def canonical_text(text: str, lang: str = "id") -> str:
    """`text` in canonical layout; raises CanonicalError when that could change its meaning."""
    doc = parse_text(text)
    _refuse_problems(doc, lang)
    try:
        tree = load_roundtrip(text)
    except Exception as exc:  # ruamel's own errors: the file is left as it is
        mark = getattr(exc, "problem_mark", None)
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise CanonicalError(str(getattr(exc, "problem", None) or exc), where) from exc
    result = dump_roundtrip(arrange(tree, ()))
    _check_same(doc, parse_text(result), lang)
    return result


def format_file(path: Path, shown: str, lang: str = "id", root: Path | None = None) -> Formatted:
    """Lay out one file (without writing it); problems are reported, never raised.

    The file's BOM and line ends (CRLF when its first line ends so) are kept; `raw` holds
    the bytes read, so that writing can refuse when the file changed meanwhile. A symlink
    that leads out of the catalog at `root` is left alone, as lint leaves it (Y009).
    """
    if root is not None and path.is_symlink() and not inside(path, root):
        message, _ = finding("", (1, 1), "Y009").text(lang)
        return Formatted(path, shown, "", problem=f"1:1: {message}")
    doc = read_file(path)
    if doc.problems:
        return Formatted(path, shown, "", problem=_problem_text(doc, lang))
    raw = read_bytes(path)
    text = raw.decode("utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text.removeprefix(bom)
    crlf = body.find("\r\n") != -1 and body.find("\r\n") == body.find("\n") - 1
    try:
        after = canonical_text(body.replace("\r\n", "\n") if crlf else body, lang)
    except CanonicalError as exc:
        return Formatted(path, shown, text, problem=f"{exc.where[0]}:{exc.where[1]}: {exc}")
    return Formatted(path, shown, text, bom + (after.replace("\n", "\r\n") if crlf else after), raw)


def arrange(node: Any, path: Path_) -> Any:
    """Reorder keys, use block style and settle quotes, in place, below `node`."""
    if isinstance(node, dict):
        _reorder(node, path)
        _block_style(node)
        for key in list(node):
            node[key] = arrange(node[key], (*path, key))
    elif isinstance(node, list):
        _block_style(node)
        for index, item in enumerate(node):
            node[index] = arrange(item, (*path, index))
    elif isinstance(node, str):
        return _quoted(node)
    return node


def _reorder(node: Any, path: Path_) -> None:
    model = model_at(path)
    if model is None:
        return
    order = [key for key in model.model_fields if key in node]
    wanted = order + [key for key in node if key not in order]  # unknown keys keep their place
    if list(node) != wanted:
        above = _detach_comments(node)
        for key in wanted:
            node.move_to_end(key)
        _attach_comments(node, above)


def _detach_comments(node: Any) -> dict[object, str]:
    """Comment lines above each key but the first, taken out of their old place.

    ruamel keeps them as the tail of the comment after the previous entry's last line; when
    keys move, they must move with the key they describe. Lines above the first key are the
    file's (or the mapping's) header and stay on top.
    """
    keys = list(node)
    above: dict[object, str] = {}
    for index, key in enumerate(keys[:-1]):  # the last entry's trailing lines stay with it
        rest = _take_end_lines(node[key])
        token = _tail_token(node, key)
        if token is not None and token.value.count("\n") >= 2:  # more than an end-of-line one
            first, _, after = token.value.partition("\n")
            token.value = first + "\n"
            rest = after + rest
        if rest:
            above[keys[index + 1]] = rest
    return above


def _take_end_lines(value: Any) -> str:
    """Comment lines ruamel keeps at the end of a collection (after a flow item, say)."""
    lines = ""
    while isinstance(value, dict | list) and getattr(value, "ca", None) is not None:
        comments: Any = getattr(value, "ca")  # noqa: B009  (ruamel's tree: untyped)
        lines += "".join(token.value for token in comments.end or [])
        comments.end = []
        if not value:
            break
        value = value[list(value)[-1]] if isinstance(value, dict) else value[-1]
    return lines


def _attach_comments(node: Any, above: dict[object, str]) -> None:
    """Each key's comment lines go right above it, whatever its new place."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    for key, lines in above.items():
        entry = node.ca.items.setdefault(key, [None, None, None, None])
        entry[1] = (entry[1] or []) + [
            CommentToken(line.lstrip() + "\n", CommentMark(len(line) - len(line.lstrip())))
            for line in lines.removesuffix("\n").split("\n")
        ]


def _tail_owner(node: Any, key: Any) -> tuple[Any, Any, int]:
    """The container, key and slot whose comment follows the last line of `node[key]`."""
    value = node[key]
    if isinstance(value, dict | list) and value and getattr(value, "ca", None) is not None:
        return _tail_owner(value, list(value)[-1] if isinstance(value, dict) else len(value) - 1)
    return node, key, 2 if isinstance(node, dict) else 0


def _tail_token(node: Any, key: Any) -> Any:
    owner, where, slot = _tail_owner(node, key)
    entry = owner.ca.items.get(where)
    return entry[slot] if entry else None


def _block_style(node: Any) -> None:
    style = getattr(node, "fa", None)
    if style is not None:
        style.set_block_style()


def _quoted(text: str) -> str:
    """Plain when the text reads back the same unquoted, otherwise double quotes.

    Block scalars (`|`, `>`) are a choice of the author and are kept.
    """
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        PlainScalarString,
        SingleQuotedScalarString,
    )

    if not isinstance(text, DoubleQuotedScalarString | SingleQuotedScalarString):
        return text
    # a scalar-string type, not `str`: ruamel keeps the old quotes when given a plain `str`
    settled: str = PlainScalarString(text) if reads_plain(text) else DoubleQuotedScalarString(text)
    return settled


def reads_plain(text: str) -> bool:
    """True when `text` can be written without quotes and reads back as the same string."""
    if not text or text != text.strip() or "\n" in text or "\t" in text:
        return False
    parsed = parse_text(f"k: {text}\n")
    return not parsed.problems and parsed.data == {"k": str(text)}


def _refuse_problems(doc: Document, lang: str) -> None:
    if doc.problems:
        first = doc.problems[0]
        raise CanonicalError(_problem_text(doc, lang).split(": ", 1)[1], (first.line, first.column))


def _problem_text(doc: Document, lang: str) -> str:
    first = doc.problems[0]
    message, _ = finding("", (first.line, first.column), first.code, detail=first.detail).text(lang)
    return f"{first.line}:{first.column}: {message}"


def _check_same(before: Document, after: Document, lang: str) -> None:
    """The safety net: refuse rather than write a file whose data or comments differ."""
    if after.problems or after.data != before.data:
        raise CanonicalError(ui("fmt_data_changed", lang))
    if _comment_texts(before.comments) != _comment_texts(after.comments):
        raise CanonicalError(ui("fmt_comment_lost", lang))


def _comment_texts(comments: Iterable[tuple[int, str]]) -> Counter[str]:
    return Counter(text.strip() for _, text in comments)
