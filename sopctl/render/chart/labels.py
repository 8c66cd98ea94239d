"""Where a decision's "Ya"/"Tidak" goes: beside the first segment of its arrow, at the first
spot that touches no line, symbol or connector and stays inside the Pelaksana columns."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Sequence

from sopctl.render.chart.check import label_box, label_faults
from sopctl.render.chart.routing import Point
from sopctl.render.chart.shapes import Arrow, Connector, Symbol

_STEPS = (0.0, 6.0, 12.0, 18.0, 24.0, 30.0)  # how far along a segment a label may slide


def place(
    arrows: Sequence[Arrow], shapes: Sequence[Symbol | Connector], width: float
) -> list[Arrow]:
    """The arrows with each label moved to its first free spot (kept where none is free)."""
    placed = list(arrows)
    for index, arrow in enumerate(arrows):
        if not arrow.label:
            continue
        for at, anchor in _candidates(arrow.points):
            moved = dataclasses.replace(arrow, label_at=at, label_anchor=anchor)
            others = [a for i, a in enumerate(placed) if i != index]
            if not label_faults(label_box(moved), [moved, *others], shapes, width):
                placed[index] = moved
                break
    return placed


def _candidates(points: Sequence[Point]) -> Iterator[tuple[Point, str]]:
    """Spots beside the first segment, then beside the second, nearest the decision first."""
    for (x0, y0), (x1, y1) in itertools.pairwise(points[:3]):
        length = abs(x1 - x0) + abs(y1 - y0)
        for step in _STEPS:
            if step > length - 4:
                break
            if x0 == x1:  # runs down or up: the label beside the line
                y = y0 + step + 10 if y1 > y0 else y0 - step - 3
                yield (x0 + 3, y), "start"
                yield (x0 - 3, y), "end"
            else:  # runs sideways: the label above or below the line
                right = x1 > x0
                x = x0 + step + 3 if right else x0 - step - 3
                anchor = "start" if right else "end"
                yield (x, y0 - 3), anchor
                yield (x, y0 + 10), anchor
