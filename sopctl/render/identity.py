"""How tall the identity block prints, and the font size that keeps it on its own page.

The block is measured with the bundled font at the sizes of print.css (all in em of the table's
font size); when it would spill onto a second page, a smaller size is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sopctl.render.measure import wrap

SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)  # px, largest first
LINE = 1.35  # line-height of the identity table
PAD_X, PAD_Y = 14.0, 11.0  # td padding (7 + 7, 5 + 5) and the border
SAFETY = 16.0  # px kept free for rounding in the engine


@dataclass(frozen=True)
class Identity:
    """What the identity block prints, as plain text."""

    satker: str
    unit: str
    logo: bool
    values: Sequence[str]  # nomor, pembuatan, revisi, efektif
    pengesah: Sequence[str]  # jabatan, nama, NIP; empty when not yet enacted
    nama: str
    pairs: Sequence[tuple[tuple[str, Sequence[str]], tuple[str, Sequence[str]]]]
    banner: bool  # the DRAF / DICABUT line above the table
    below: float = 0.0  # px of fixed-size content under the unit name (the QR code)


def font_size(identity: Identity, width: float, page_height: float) -> float:
    """The largest size at which the block fits on one page (the smallest when none does)."""
    for size in SIZES:
        if height(identity, width, size) <= page_height - SAFETY:
            return size
    return SIZES[-1]


def height(identity: Identity, width: float, size: float) -> float:
    """The block's printed height in px at a table font size of `size` px."""
    em = size
    top = max(_kop(identity, width * 0.5, em), _right(identity, width, em))
    pairs = sum(
        max(_pair(left, width * 0.5, em), _pair(right, width * 0.5, em)) + PAD_Y
        for left, right in identity.pairs
    )
    banner = (LINE * em + 6 + 3 + 6) if identity.banner else 0.0
    return banner + top + pairs + 1


def _lines(text: str, room: float, size: float, bold: bool = False) -> int:
    return len(wrap(text, room, size, bold))


def _kop(identity: Identity, width: float, em: float) -> float:
    room = width - 24  # padding 12 + 12
    logo = (86 / 12 + 8 / 12) * em if identity.logo else 0.0
    satker = _lines(identity.satker.upper(), room, em * 14 / 12, True) * LINE * em * 14 / 12
    unit_size = em * 12.5 / 12
    unit = _lines(identity.unit.upper(), room, unit_size, True) * LINE * unit_size
    sekretariat = LINE * unit_size + (4 + 2) / 12 * em
    return 20 + logo + satker + sekretariat + unit + identity.below + 1


def _right(identity: Identity, width: float, em: float) -> float:
    room = width * 0.34 - PAD_X
    rows = sum(max(1, _lines(v, room, em)) * LINE * em + PAD_Y for v in identity.values)
    if identity.pengesah:
        jabatan, *rest = identity.pengesah
        lines = _lines(jabatan, room, em, True) + sum(_lines(t, room, em, True) for t in rest)
        signed = lines * LINE * em + 58 / 12 * em
    else:
        signed = 58 / 12 * em
    name_size = em * 13 / 12
    name = _lines(identity.nama.upper(), room, name_size, True) * LINE * name_size
    return rows + signed + PAD_Y + name + PAD_Y


def _pair(part: tuple[str, Sequence[str]], width: float, em: float) -> float:
    title, items = part
    room = width - PAD_X
    head = _lines(f"{title}:", room, em, True) * LINE * em + 2
    if len(items) <= 1:
        return head + max(1, _lines(items[0] if items else "-", room, em)) * LINE * em
    return head + sum(_lines(item, room - 18, em) for item in items) * LINE * em
