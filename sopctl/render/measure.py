"""How text breaks into lines in a table cell, measured with the bundled font.

The model is greedy first-fit at spaces, as both browsers and WeasyPrint break lines; a word
wider than the cell is cut where CSS `overflow-wrap: break-word` would cut it. Engines may also
break after a hyphen, which only ever makes their text shorter than measured here: the rows
computed from this model always hold their text.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from sopctl.render.typeface import metrics

SLACK = 1.0  # px kept free on every line for rounding in the engine


def width(text: str, size: float, bold: bool = False) -> float:
    return metrics(bold).width(text, size)


def wrap(text: str, room: float, size: float, bold: bool = False) -> list[str]:
    """The lines of `text` in a box `room` px wide; never an empty list."""
    return _wrap(text, room, size, bold, _cut)


def wrap_heading(text: str, room: float, size: float, bold: bool = True) -> list[str]:
    """Lines of a column heading: broken at spaces; a word wider than the column is hyphenated
    at an Indonesian syllable break (never cut mid-syllable unless no break fits)."""
    return _wrap(text, room, size, bold, _hyphenated)


Breaker = Callable[[str, float, float, bool], list[str]]  # a too-wide word as fitting pieces


def _wrap(text: str, room: float, size: float, bold: bool, breaker: Breaker) -> list[str]:
    """Words joined into lines `room` px wide; a word wider than a line goes to `breaker`."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if width(joined, size, bold) <= room - SLACK:
            line = joined
            continue
        if line:
            lines.append(line)
        pieces = breaker(word, room, size, bold)
        lines += pieces[:-1]
        line = pieces[-1]
    return [*lines, line] if line or not lines else lines


def _hyphenated(word: str, room: float, size: float, bold: bool) -> list[str]:
    """`word` hyphenated into lines that fit, the last one without a hyphen."""
    pieces: list[str] = []
    rest = word
    while width(rest, size, bold) > room - SLACK:
        head, rest = _hyphenate(rest, room, size, bold)
        pieces.append(head)
    return [*pieces, rest]


def _hyphenate(word: str, room: float, size: float, bold: bool) -> tuple[str, str]:
    """The longest syllable-break head of `word` that fits with its hyphen, and the rest."""
    core = word.rstrip(",.;:)")  # punctuation never counts as a syllable
    fitting = [
        cut for cut in _syllables(core) if width(word[:cut] + "-", size, bold) <= room - SLACK
    ]
    if fitting:
        return word[: fitting[-1]] + "-", word[fitting[-1] :]
    pieces = _cut(word, room - width("-", size, bold), size, bold)
    head = pieces[0]
    return head + "-", word[len(head) :]


@cache
def _syllables(word: str) -> tuple[int, ...]:
    """Where `word` may be hyphenated (Indonesian patterns; at least 2 letters before a break
    and 3 after, so no "-an" or "-i" is left alone on a line)."""
    import pyphen  # type: ignore[import-untyped]  # lazily: only headings need it

    return tuple(pyphen.Pyphen(lang="id_ID", left=2, right=3).positions(word))


def _cut(word: str, room: float, size: float, bold: bool) -> list[str]:
    """A word cut into pieces that each fit (at least one character per piece)."""
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and width(piece + char, size, bold) > room - SLACK:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]
