"""The plain layout of `sopctl list` is rich's layout: the same lines for varied text and widths."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.text import Text

from sopctl.cli.plaintext import padded, single_cell, wrap

WORDS = ["a", "SOP", "Penyusunan", "001/SOP/SDM/KPU-Prov-35/2022", "x" * 30, "-", "(DUK)"]
GAPS = [" ", " ", " ", "  ", "   "]


def text_of(seed: int) -> str:
    """A title-like or details-like text: words of every length, single and double gaps,
    sometimes a leading or trailing gap, sometimes a line break (as after the title)."""
    chance = random.Random(seed)
    parts = [chance.choice(GAPS)] if chance.random() < 0.2 else []
    for _ in range(chance.randint(1, 14)):
        parts += [chance.choice(WORDS), chance.choice(GAPS)]
        if chance.random() < 0.08:
            parts.append("\n")
    return "".join(parts if chance.random() < 0.5 else parts[:-1])


def rich_lines(renderable: RenderableType, width: int) -> list[str]:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False, soft_wrap=True)
    console.print(renderable, soft_wrap=False)
    return out.getvalue().split("\n")[:-1]


@pytest.mark.parametrize("width", [20, 23, 31, 47, 80, 109])
def test_wrap_breaks_where_rich_does(width: int) -> None:
    for seed in range(300):
        text = text_of(seed)
        assert wrap(text, width) == rich_lines(Text(text), width), (seed, text)


@pytest.mark.parametrize("width", [20, 23, 31, 47, 80, 109])
def test_padded_fills_as_rich_padding_does(width: int) -> None:
    for seed in range(300):
        text = text_of(seed)
        expected = rich_lines(Padding(Text(text), (0, 0, 0, 2), expand=False), width)
        assert padded(text, 2, width) == expected, (seed, text)


def test_only_one_column_characters_are_plain() -> None:
    assert single_cell("001/SOP/SDM/KPU-Prov-35/2022  Jatuh tempo: 2027-01-09")
    assert not single_cell("Pégawai")  # may take a combining form
    assert not single_cell("Arsip — 2024")
    assert not single_cell("a\tb") and not single_cell("a\nb")
