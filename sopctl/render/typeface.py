"""The bundled Liberation Sans: its `@font-face` CSS and its advance widths for measuring text.

The printed SOP must look the same on every machine, so the HTML carries its own fonts and the
row heights are computed from the same files. The widths come straight from the TrueType tables
(`cmap` format 4, `hmtx`): a few lines of `struct` instead of a font library.
"""

from __future__ import annotations

import base64
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FAMILY = "Liberation Sans"
FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
_FILES = {False: "LiberationSans-Regular.ttf", True: "LiberationSans-Bold.ttf"}


@dataclass(frozen=True)
class Metrics:
    """Advance widths of one font file, in font units."""

    units_per_em: int
    advances: dict[int, int]  # code point -> advance width
    fallback: int  # the advance of .notdef, for characters the font lacks

    def width(self, text: str, size: float) -> float:
        """Width in px of `text` set at `size` px, without kerning (never narrower than set).

        The wider of two ways engines place glyphs: at their exact advances (WeasyPrint), or
        each advance rounded to a whole pixel (a browser under full hinting, as a machine's
        font settings may ask)."""
        get, scale = self.advances.get, size / self.units_per_em
        advances = [get(ord(char), self.fallback) * scale for char in text]
        return max(sum(advances), float(sum(round(a) for a in advances)))


@cache
def metrics(bold: bool = False) -> Metrics:
    """The metrics of the bundled regular or bold face (read once)."""
    return parse(font_path(bold).read_bytes())


def font_path(bold: bool = False) -> Path:
    return FONT_DIR / _FILES[bold]


@cache
def font_face_css() -> str:
    """`@font-face` rules that embed both faces as data: URIs (self-contained HTML)."""
    rules = []
    for bold, _name in _FILES.items():
        data = base64.b64encode(font_path(bold).read_bytes()).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; '
            f"font-weight: {'bold' if bold else 'normal'}; "
            f'src: url("data:font/ttf;base64,{data}") format("truetype"); }}'
        )
    return "\n".join(rules)


def parse(font: bytes) -> Metrics:
    """Read unitsPerEm, the horizontal advances and the BMP character map of a TrueType font."""
    tables = _tables(font)
    units_per_em = struct.unpack_from(">H", font, tables["head"] + 18)[0]
    metric_count = struct.unpack_from(">H", font, tables["hhea"] + 34)[0]
    hmtx = tables["hmtx"]
    widths = [struct.unpack_from(">H", font, hmtx + 4 * i)[0] for i in range(metric_count)]
    glyphs = _cmap(font, tables["cmap"])
    advances = {code: widths[min(glyph, metric_count - 1)] for code, glyph in glyphs.items()}
    return Metrics(units_per_em, advances, widths[0])


def _tables(font: bytes) -> dict[str, int]:
    count = struct.unpack_from(">H", font, 4)[0]
    found = {}
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", font, 12 + 16 * index)
        found[tag.decode("latin-1")] = offset
    return found


def _cmap(font: bytes, cmap: int) -> dict[int, int]:
    """Code point -> glyph index from the Windows Unicode BMP subtable (format 4)."""
    count = struct.unpack_from(">H", font, cmap + 2)[0]
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", font, cmap + 4 + 8 * index)
        table = cmap + offset
        if (platform, encoding) == (3, 1) and struct.unpack_from(">H", font, table)[0] == 4:
            return _format4(font, table)
    raise ValueError("font has no Windows Unicode (3, 1) format 4 character map")


def _format4(font: bytes, table: int) -> dict[int, int]:
    segments = struct.unpack_from(">H", font, table + 6)[0] // 2
    ends = table + 14
    starts = ends + 2 * segments + 2
    deltas = starts + 2 * segments
    range_offsets = deltas + 2 * segments
    glyphs: dict[int, int] = {}
    for seg in range(segments):
        end = struct.unpack_from(">H", font, ends + 2 * seg)[0]
        start = struct.unpack_from(">H", font, starts + 2 * seg)[0]
        delta = struct.unpack_from(">h", font, deltas + 2 * seg)[0]
        at = range_offsets + 2 * seg
        range_offset = struct.unpack_from(">H", font, at)[0]
        for code in range(start, min(end, 0xFFFE) + 1):
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                slot = at + range_offset + 2 * (code - start)
                glyph = struct.unpack_from(">H", font, slot)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                glyphs[code] = glyph
    return glyphs
