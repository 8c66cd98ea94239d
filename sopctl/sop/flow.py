"""The procedure as a graph: symbols, exits, reachability and durations of steps.

Steps are numbered from 1 by position, exactly as the printed *No* column shows them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sopctl.sop.model import Langkah

TIME_UNITS = ("bulan", "minggu", "hari", "jam", "menit")
_WAKTU = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(menit|jam|hari|minggu|bulan)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Exit:
    """An edge of the flow: from step `source` to `target`, labelled for decisions."""

    source: int
    target: int
    label: str = ""  # "Ya", "Tidak" or ""


def symbol(steps: Sequence[Langkah], number: int) -> str:
    """The flowchart symbol of step `number`: mulai, proses, keputusan or selesai."""
    step = steps[number - 1]
    if step.simbol:
        return step.simbol
    if number == 1:
        return "mulai"
    if number == len(steps):
        return "selesai"
    if step.ya is not None or step.tidak is not None:
        return "keputusan"
    return "proses"


def exits(steps: Sequence[Langkah], number: int) -> list[Exit]:
    """Where control goes after step `number` (targets may be out of range: lint reports)."""
    step = steps[number - 1]
    kind = symbol(steps, number)
    if kind == "selesai":
        return []
    if kind == "keputusan":
        pairs = (("Ya", step.ya), ("Tidak", step.tidak))
        return [Exit(number, target, label) for label, target in pairs if target is not None]
    if step.lanjut is not None:
        return [Exit(number, step.lanjut)]
    return [Exit(number, number + 1)] if number < len(steps) else []


def all_exits(steps: Sequence[Langkah]) -> list[Exit]:
    """Every edge of the flow whose target is an existing step."""
    count = len(steps)
    return [
        edge
        for number in range(1, count + 1)
        for edge in exits(steps, number)
        if 1 <= edge.target <= count
    ]


def reachable(edges: Iterable[tuple[int, int]], starts: Iterable[int]) -> set[int]:
    """Steps reachable from `starts` along `edges` (source, target)."""
    forward: dict[int, list[int]] = {}
    for source, target in edges:
        forward.setdefault(source, []).append(target)
    seen = set(starts)
    todo = list(seen)
    while todo:
        for nxt in forward.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def parse_waktu(text: str) -> tuple[float, str] | None:
    """'2 hari' -> (2.0, 'hari'); None when it does not read as a number and a unit."""
    match = _WAKTU.match(text)
    if not match:
        return None
    return float(match.group(1).replace(",", ".")), match.group(2).lower()


def main_path(steps: Sequence[Langkah]) -> list[int]:
    """The steps of the main path: from the start, through every decision's "Ya", each step
    once (a rework loop is not walked again), to an end."""
    path: list[int] = []
    number = 1
    while 1 <= number <= len(steps) and number not in path:
        path.append(number)
        if symbol(steps, number) == "selesai":
            break
        ahead = exits(steps, number)
        main = [e for e in ahead if e.label == "Ya"] or ahead
        if not main:
            break
        number = main[0].target
    return path


def total_time(steps: Sequence[Langkah]) -> dict[str, float]:
    """Sum of the times of the steps on the main path (see `main_path`), per unit; minutes
    carry into hours, nothing else converts (a working day's length is an office's own rule)."""
    totals = dict.fromkeys(TIME_UNITS, 0.0)
    for number in main_path(steps):
        step = steps[number - 1]
        parsed = parse_waktu(step.mutu_baku.waktu or "") if step.mutu_baku else None
        if parsed:
            totals[parsed[1]] += parsed[0]
    hours, minutes = divmod(totals["menit"], 60)
    totals["jam"] += hours
    totals["menit"] = minutes
    return {unit: value for unit, value in totals.items() if value}


def format_total(totals: dict[str, float]) -> str:
    """'2 hari 3 jam 15 menit'; '-' when nothing is known."""
    parts = [f"{_number(totals[unit])} {unit}" for unit in TIME_UNITS if unit in totals]
    return " ".join(parts) or "-"


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")
