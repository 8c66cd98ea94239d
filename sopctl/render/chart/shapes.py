"""The drawn parts of one page's flowchart: boxes, rows, symbols, connectors and arrows."""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]
Corners = tuple[float, float, float, float]  # x0, y0, x1, y1
LABEL_PX = 9.0  # "Ya"/"Tidak" and connector numbers


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True)
class Row:
    """One row of a page's drawing: a step, or the connector band at the head or foot."""

    kind: str  # "langkah", "masuk" (head band) or "keluar" (foot band)
    step: int  # 0 for a band
    top: float
    height: float


@dataclass(frozen=True)
class Symbol:
    step: int
    shape: str  # mulai, proses, keputusan, selesai
    column: int
    box: Box


@dataclass(frozen=True)
class Connector:
    """An off-page connector (pentagon); the pair on two pages shares its number."""

    number: int
    box: Box
    incoming: bool


@dataclass(frozen=True)
class Arrow:
    points: tuple[Point, ...]
    label: str = ""
    label_at: Point = (0.0, 0.0)
    label_anchor: str = "start"


@dataclass(frozen=True)
class Chunk:
    """The part of the procedure printed on one page."""

    rows: tuple[Row, ...]
    symbols: tuple[Symbol, ...]
    connectors: tuple[Connector, ...]
    arrows: tuple[Arrow, ...]
    width: float
    height: float
    last: bool

    @property
    def steps(self) -> list[int]:
        return [row.step for row in self.rows if row.step]
