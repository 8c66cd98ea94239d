"""Unstyled text laid out as rich lays it out, for one-cell characters, without rich's cost.

Printing through rich costs about a millisecond a line: `sopctl list` of a national catalog
spent 40 s there. When nothing is styled (output is not a colour terminal) and a text is
printable ASCII, the lines are made here instead: rich's word wrap (`rich._wrap.divide_line`,
then whatever passes the width cut off, as `Text.wrap` does with overflow "fold") and the fill
of `Padding(..., expand=False)`. tests/test_plaintext.py compares both on varied text.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces after it, as rich splits words


def single_cell(text: str) -> bool:
    """Whether every character takes one column and nothing else needs rich (tabs, controls)."""
    return text.isascii() and text.isprintable()


def wrap(text: str, width: int) -> list[str]:
    """`text` (lines split on newlines) word-wrapped to `width`, as `rich.text.Text.wrap`."""
    return [piece for line in text.split("\n") for piece in _wrap_line(line, width)]


def padded(text: str, indent: int, width: int) -> list[str]:
    """`text` as printed in `Padding(text, (0, 0, 0, indent), expand=False)` at `width`."""
    widest = max((len(line) for line in text.splitlines()), default=0)
    inner = min(min(widest, width) + indent, width) - indent
    return [" " * indent + line.ljust(inner) for line in wrap(text, inner)]


def _wrap_line(line: str, width: int) -> list[str]:
    if len(line) <= width:
        return [line]  # every word fits: rich breaks nothing
    starts = [0, *_breaks(line, width)]
    ends = [*starts[1:], len(line)]
    return [line[start:end][:width] for start, end in zip(starts, ends, strict=True)]


def _breaks(line: str, width: int) -> list[int]:
    """Where rich starts a new line (`divide_line` with fold, for one-cell characters).

    A word fits when it ends within `width` of the line's start, so the next line starts at
    the first word ending past it: found by looking at that column and the last space before
    it. A word longer than a line (folded) is left to `_word_breaks`, word by word as rich."""
    found: list[int] = []
    start, size = 0, len(line)
    while start + width < size:
        cut = start + width
        if line[cut] == " ":  # the words before the column fit: the next one starts a line
            after = size - len(line[cut:].lstrip(" "))
            if after >= size:
                break  # only spaces are left: they stay on this line
            found.append(after)
            start = after
            continue
        first = size - len(line[start:].lstrip(" "))  # leading spaces belong to the word
        space = line.rfind(" ", first, cut)
        if space < 0:
            return _word_breaks(line, width)  # a word longer than a line is folded
        start = space + 1
        found.append(start)
    return found


def _word_breaks(line: str, width: int) -> list[int]:
    """`_breaks`, one word at a time (folding the words longer than a line)."""
    found: list[int] = []
    used = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - used >= length:
            used += len(word)
        elif length > width:  # longer than a line: folded into pieces of `width`
            chunks = [word[i : i + width] for i in range(0, len(word), width)]
            for chunk in chunks:
                if start:
                    found.append(start)
                start += len(chunk)
            used = len(chunks[-1])
        elif used and start:
            found.append(start)
            used = len(word)
    return found
