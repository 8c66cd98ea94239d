"""Where a decision's "Ya"/"Tidak" goes: beside the first segment of its arrow, at the first
spot that touches no line, symbol or connector and stays inside the Pelaksana columns.

The router asks while it routes (`Labels`): a labelled arrow takes a lane only where its label
finds a spot, and later arrows keep clear of the labels already placed."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sopctl.render.chart.check import GAP, crosses, label_box, label_faults, segments
from sopctl.render.chart.shapes import Arrow, Box, Connector, Point, Symbol

_AWAY = GAP + 0.5  # px between a label and its line
_STEPS = (0.0, 6.0, 12.0, 18.0, 24.0, 30.0)  # how far along a segment a label may slide


def place(
    arrows: Sequence[Arrow], shapes: Sequence[Symbol | Connector], width: float
) -> list[Arrow]:
    """The arrows with each label moved to its first free spot (kept where none is free)."""
    placed = list(arrows)
    for index, arrow in enumerate(arrows):
        if not arrow.label or not label_faults(label_box(arrow), arrows, shapes, width):
            continue
        for at, anchor in _candidates(arrow.points):
            moved = dataclasses.replace(arrow, label_at=at, label_anchor=anchor)
            others = [a for i, a in enumerate(placed) if i != index]
            if not label_faults(label_box(moved), [moved, *others], shapes, width):
                placed[index] = moved
                break
    return placed


@dataclass
class Labels:
    """The lines and labels drawn so far on a page, for the router to route around."""

    width: float
    shapes: Sequence[Symbol | Connector]
    drawn: list[Arrow] = field(default_factory=list)
    taken: list[Box] = field(default_factory=list)

    def clear(self, points: Sequence[Point]) -> bool:
        """Whether a route would keep clear of every label placed so far."""
        runs = segments(points)
        return not any(crosses(a, b, box, -GAP) for box in self.taken for a, b in runs)

    def spot(self, points: tuple[Point, ...], label: str) -> tuple[Point, str] | None:
        """The first free spot for `label` beside the route `points`, or None."""
        for at, anchor in _candidates(points):
            arrow = Arrow(points, label, at, anchor)
            box = label_box(arrow)
            if any(_overlap(box, other) for other in self.taken):
                continue
            if not label_faults(box, [arrow, *self.drawn], self.shapes, self.width):
                return at, anchor
        return None

    def add(self, arrow: Arrow) -> None:
        self.drawn.append(arrow)
        if arrow.label:
            self.taken.append(label_box(arrow))


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w + GAP and b.x < a.x + a.w + GAP and a.y < b.y + b.h and b.y < a.y + a.h


def _candidates(points: Sequence[Point]) -> Iterator[tuple[Point, str]]:
    """Spots beside the first segment, then beside the second, nearest the decision first."""
    for (x0, y0), (x1, y1) in itertools.pairwise(points[:3]):
        length = abs(x1 - x0) + abs(y1 - y0)
        for step in _STEPS:
            if step > length - 4:
                break
            if x0 == x1:  # runs down or up: the label beside the line
                y = y0 + step + 10 if y1 > y0 else y0 - step - _AWAY
                yield (x0 + _AWAY, y), "start"
                yield (x0 - _AWAY, y), "end"
            else:  # runs sideways: the label above or below the line
                right = x1 > x0
                x = x0 + step + _AWAY if right else x0 - step - _AWAY
                anchor = "start" if right else "end"
                yield (x, y0 - _AWAY), anchor
                yield (x, y0 + 10), anchor
