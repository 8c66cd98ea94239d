"""Text from SOP files made safe for where sopctl shows it: a spreadsheet cell, a Markdown
comment on a pull request, a terminal. SOP text and file names may come from an attacker."""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
# C0 and C1 controls (ESC starts terminal escape sequences) and the bidirectional overrides
# that make text read differently from what it is; newline and tab are kept.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#!|~])")
_LIST_START = re.compile(r"^(\d+(?=[.)])|(?=[-+]))(.)")  # "- x", "+ x", "1. x", "1) x"
_MENTION = re.compile(r"@(?=\w)")


def csv_cell(value: object) -> object:
    """A CSV cell that Excel or LibreOffice will not run as a formula: text starting with
    `= + - @`, tab or CR gets a leading `'` (numbers, even negative ones, stay numbers)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def terminal(text: str) -> str:
    """`text` without control characters: SOP text must not move the cursor, recolour or
    retitle the terminal, or hide what follows."""
    if text.isprintable():  # no control or bidirectional character is printable
        return text
    return _CONTROL.sub("", text)


def md_text(text: str) -> str:
    """Inline Markdown that shows `text` as written: on one line, every Markdown and HTML
    character escaped, and no `@name` that would notify a GitHub user."""
    flat = " ".join(terminal(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _LIST_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", flat))
    return _MENTION.sub("@\u2060", flat)


def md_code(text: str) -> str:
    """`text` as an inline code span, fenced with more backticks than it holds (`|` escaped:
    a table splits cells before it reads code spans)."""
    flat = " ".join(terminal(text).split()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def html_text(text: str) -> str:
    """`text` for HTML inside Markdown (`<summary>`, `<code>`): escaped, on one line, with no
    `@name` mention."""
    flat = " ".join(terminal(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MENTION.sub("@\u2060", flat.replace('"', "&quot;"))
