"""Orthogonal arrows between flowchart symbols that cross no symbol.

Every row holds exactly one symbol, so a horizontal segment inside a row can only meet that
row's own symbol; vertical segments run either in the symbol's own column between two
consecutive rows, or in a *lane*: a track in the margin beside a column boundary, where no
symbol ever is. Lanes are shared out so that two arrows never run on top of each other, and a
labelled arrow takes a lane only where its label has room (see `labels.Labels`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sopctl.render.chart.labels import Labels
from sopctl.render.chart.shapes import Arrow, Corners, Point
from sopctl.sop.flow import Exit

Route = tuple[tuple[Point, ...], str, Point, str]  # points, label, label position, anchor


@dataclass
class Router:
    """Routes the arrows of one page; remembers used ports and lanes (private, per page)."""

    width: float
    actors: int
    symbols: dict[int, tuple[int, Corners]]
    row_tops: dict[int, float]
    labels: Labels
    exits: set[tuple[int, str]] = field(default_factory=set)
    entries: set[tuple[int, str]] = field(default_factory=set)
    lanes: dict[tuple[int, float], list[tuple[float, float]]] = field(default_factory=dict)

    def adjacent(self, source: int, target: int, label: str) -> Route:
        """To the next row: down from the bottom, across above the target, into its top."""
        x0, _, x1, bottom = self._box(source)
        tx0, top, tx1, _ = self._box(target)
        sx, tx = (x0 + x1) / 2, (tx0 + tx1) / 2
        run = (top + self.row_tops[target]) / 2  # halfway between the row's top and the symbol
        self.exits.add((source, "bottom"))
        self.entries.add((target, "top"))
        points = clean([(sx, bottom), (sx, run), (tx, run), (tx, top)])
        return self._done(points, label, ((sx + 4, bottom + 10), "start"))

    def long(self, edge: Exit) -> Route:
        """A skip or a loop back: out of a side, along a lane, into the target's side."""
        source_col, target_col = self._col(edge.source), self._col(edge.target)
        gaps = self.gaps(source_col, target_col)
        span = (self._port(edge.source, "left")[1], self._port(edge.target, "left")[1])
        open_gaps = self._quiet_first(self._open(edge.source, edge.target, gaps), *span)
        if edge.label:  # a label needs room beside its lane: not against the edge of the page
            open_gaps.sort(key=lambda gap: gap in (0, self.actors))
        for careful in (True, False):  # with room for the label, else as before
            for gap in open_gaps:
                s_side, t_side = self._side(edge.source, gap), self._side(edge.target, gap)
                start, end = self._port(edge.source, s_side), self._port(edge.target, t_side)
                for x in self._free(gap, start[1], end[1], source_col):
                    points = clean([start, (x, start[1]), (x, end[1]), end])
                    spot = self._fits(points, edge.label, careful)
                    if spot is None:
                        continue
                    self._take(gap, x, start[1], end[1])
                    self.exits.add((edge.source, s_side))
                    self.entries.add((edge.target, t_side))
                    return self._done(points, edge.label, spot)
            if careful:
                route = self._over_top(edge, gaps)
                if route is not None:
                    return route
        return self._crowded(edge.source, edge.target, gaps[0], edge.label)

    def _over_top(self, edge: Exit, gaps: list[int]) -> Route | None:
        """A jump that joins the target's incoming arrow above it, when both its sides
        are taken or leave the label no room."""
        tx0, top, tx1, _ = self._box(edge.target)
        run = (top + self.row_tops[edge.target]) / 2
        for gap in self._open(edge.source, None, gaps):
            side = self._side(edge.source, gap)
            start = self._port(edge.source, side)
            for x in self._free(gap, start[1], run, self._col(edge.source)):
                tx = (tx0 + tx1) / 2
                points = clean([start, (x, start[1]), (x, run), (tx, run), (tx, top)])
                spot = self._fits(points, edge.label, True)
                if spot is None:
                    continue
                self._take(gap, x, start[1], run)
                self.exits.add((edge.source, side))
                return self._done(points, edge.label, spot)
        return None

    def to_connector(self, edge: Exit, conn: Corners, track: float) -> Route:
        """From a step to the off-page connector at the foot of its page."""
        cx, top = (conn[0] + conn[2]) / 2, conn[1]
        x0, _, x1, bottom = self._box(edge.source)
        if edge.target == edge.source + 1 and (edge.source, "bottom") not in self.exits:
            self.exits.add((edge.source, "bottom"))
            sx = (x0 + x1) / 2
            points = clean([(sx, bottom), (sx, track), (cx, track), (cx, top)])
            return self._done(points, edge.label, ((sx + 4, bottom + 10), "start"))
        col = self._col(edge.source)
        for careful in (True, False):
            for gap in self._open(edge.source, None, self.gaps(col, col)):
                side = self._side(edge.source, gap)
                start = self._port(edge.source, side)
                for x in self._free(gap, start[1], track, col):
                    points = clean([start, (x, start[1]), (x, track), (cx, track), (cx, top)])
                    spot = self._fits(points, edge.label, careful)
                    if spot is None:
                        continue
                    self._take(gap, x, start[1], track)
                    self.exits.add((edge.source, side))
                    return self._done(points, edge.label, spot)
        return self._crowded(edge.source, None, 0, edge.label)

    def from_connector(self, edge: Exit, conn: Corners, track: float, first: bool) -> Route:
        """From the off-page connector at the head of a page to the step it continues with."""
        cx, bottom = (conn[0] + conn[2]) / 2, conn[3]
        tx0, top, tx1, _ = self._box(edge.target)
        if first and (edge.target, "top") not in self.entries:
            tx = (tx0 + tx1) / 2
            self.entries.add((edge.target, "top"))
            points = clean([(cx, bottom), (cx, track), (tx, track), (tx, top)])
            return self._done(points, "", ((0.0, 0.0), ""))
        return self._into_side(edge.target, (cx, bottom), track)

    def from_connector_below(self, edge: Exit, conn: Corners, track: float) -> Route:
        """From a connector in the foot band up to its step (on the page of Mulai)."""
        return self._into_side(edge.target, ((conn[0] + conn[2]) / 2, conn[1]), track)

    def _into_side(self, target: int, start: Point, track: float) -> Route:
        col = self._col(target)
        for careful in (True, False):
            for gap in self._open(None, target, self.gaps(col, col)):
                side = self._side(target, gap)
                end = self._port(target, side)
                for x in self._free(gap, track, end[1], col):
                    points = clean([start, (start[0], track), (x, track), (x, end[1]), end])
                    if self._fits(points, "", careful) is None:
                        continue
                    self._take(gap, x, track, end[1])
                    self.entries.add((target, side))
                    return self._done(points, "", ((0.0, 0.0), ""))
        return self._crowded(None, target, 0, "")

    def gaps(self, source_col: int, target_col: int) -> list[int]:
        """Column boundaries (0..actors) ordered by how short a route through them is."""
        sx, tx = (source_col + 0.5) * self.width, (target_col + 0.5) * self.width

        def cost(gap: int) -> tuple[float, float, int]:
            gx = gap * self.width
            return (abs(gx - sx) + abs(gx - tx), abs(gx - sx), -gap)

        return sorted(range(self.actors + 1), key=cost)

    def _open(self, source: int | None, target: int | None, gaps: list[int]) -> list[int]:
        """The boundaries whose facing ports are free, best first: an exit port is used once,
        and arrows may enter a side only where nothing leaves."""
        found = []
        for gap in gaps:
            s_ok = source is None or self._free_exit(source, self._side(source, gap))
            t_ok = target is None or (target, self._side(target, gap)) not in self.exits
            if s_ok and t_ok:
                found.append(gap)
        return found

    def _quiet_first(self, gaps: list[int], y0: float, y1: float) -> list[int]:
        """`gaps` with those where no lane runs alongside y0..y1 yet first (a stable sort), so
        arrows spread over both sides and leave room for their labels."""
        low, high = min(y0, y1) - 4, max(y0, y1) + 4

        def busy(gap: int) -> bool:
            return any(
                not (high < a or low > b)
                for (g, _), used in self.lanes.items()
                if g == gap
                for a, b in used
            )

        return sorted(gaps, key=busy)

    def _crowded(self, source: int | None, target: int | None, gap: int, label: str) -> Route:
        """No free lane anywhere (the layout checker reports it): a plain route through `gap`."""
        x = gap * self.width + self._tracks(gap, True)[0]
        y0 = self._port(source, "left")[1] if source else 0.0
        y1 = self._port(target, "left")[1] if target else y0
        points = clean([(x, y0), (x, y1)]) if y0 != y1 else ((x, y0), (x, y0 + 1))
        return points, label, (x + 3, y0 - 3), "start"

    def _free_exit(self, step: int, side: str) -> bool:
        return (step, side) not in self.exits and (step, side) not in self.entries

    def _free(self, gap: int, y0: float, y1: float, source_col: int) -> list[float]:
        """The x of every free track beside boundary `gap` for a vertical run y0..y1."""
        low, high = min(y0, y1) - 4, max(y0, y1) + 4
        found = []
        for offset in self._tracks(gap, toward_right=source_col >= gap):
            used = self.lanes.get((gap, round(offset, 3)), [])
            if all(high < a or low > b for a, b in used):
                found.append(gap * self.width + offset)
        return found

    def _take(self, gap: int, x: float, y0: float, y1: float) -> None:
        offset = round(x - gap * self.width, 3)
        self.lanes.setdefault((gap, offset), []).append((min(y0, y1) - 4, max(y0, y1) + 4))

    def _fits(
        self, points: tuple[Point, ...], label: str, careful: bool
    ) -> tuple[Point, str] | None:
        """Where the label of a route would go; None when `careful` and the route runs into a
        label already placed or leaves its own label no room."""
        start = points[0]
        fallback = ((start[0] + 3, start[1] - 3), "start")
        if not careful:
            return (self.labels.spot(points, label) or fallback) if label else fallback
        if not self.labels.clear(points):
            return None
        return self.labels.spot(points, label) if label else fallback

    def _done(self, points: tuple[Point, ...], label: str, spot: tuple[Point, str]) -> Route:
        if label:
            found = self.labels.spot(points, label)
            spot = found or spot
        self.labels.add(Arrow(points, label, *spot))
        return points, label, *spot

    def _tracks(self, gap: int, toward_right: bool) -> list[float]:
        """Offsets from the boundary, spread evenly over the margins beside it (at least two a
        side, one more for every 5 px of a wide margin), so lanes keep clear of cell borders
        and symbols. Outward from the source's symbols, skipping the track nearest them (a
        label beside the symbol's own line needs that room) until the others are taken: short
        loops (routed first) then stay inside the long ones and never cross them."""
        margin = (self.width - symbol_width(self.width)) / 2
        count = max(2, int(margin // 5) - 1)
        offsets = [margin * (i + 1) / (count + 1) for i in range(count)]
        if gap == 0:
            return [*offsets[-2::-1], offsets[-1]]
        if gap == self.actors:
            return [-o for o in [*offsets[-2::-1], offsets[-1]]]
        sign = 1 if toward_right else -1
        own = [sign * o for o in offsets[-2::-1]]
        return [*own, *(-sign * o for o in offsets), sign * offsets[-1]]

    def _side(self, step: int, gap: int) -> str:
        return "right" if gap > self._col(step) else "left"

    def _port(self, step: int, side: str) -> Point:
        x0, y0, x1, y1 = self._box(step)
        return (x1 if side == "right" else x0, (y0 + y1) / 2)

    def _box(self, step: int) -> Corners:
        return self.symbols[step][1]

    def _col(self, step: int) -> int:
        return self.symbols[step][0]


def symbol_width(actor_width: float) -> float:
    """Symbols leave a margin on both sides of their column for the lanes."""
    return min(actor_width * 0.6, 84.0)


def clean(points: list[Point]) -> tuple[Point, ...]:
    """Drop repeated points and the middle of three collinear ones."""
    kept: list[Point] = []
    for x, y in points:
        point = (round(x, 3), round(y, 3))  # one x for one lane, whatever the arithmetic
        if kept and point == kept[-1]:
            continue
        if len(kept) >= 2 and _collinear(kept[-2], kept[-1], point):
            kept[-1] = point
            continue
        kept.append(point)
    return tuple(kept)


def _collinear(a: Point, b: Point, c: Point) -> bool:
    return (a[0] == b[0] == c[0]) or (a[1] == b[1] == c[1])
