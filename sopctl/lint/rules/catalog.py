"""Rules across the files of a catalog: numbers, links, units, areas, titles."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from sopctl.catalog.config import Config
from sopctl.catalog.names import (
    normalize,
    resolve_area,
    resolve_unit,
    suggest,
    suggest_area,
    suggest_unit,
)
from sopctl.lint.findings import Finding, finding
from sopctl.lint.rules.context import Facts


def nomor_unique(files: Sequence[Facts], config: Config) -> Iterator[Finding]:
    """K001: no two SOPs share a number; each is told about the other."""
    by_number: dict[str, list[Facts]] = defaultdict(list)
    for item in files:
        if item.nomor:
            by_number[item.nomor.strip()].append(item)
    for number, same in by_number.items():
        for item in same if len(same) > 1 else ():
            others = ", ".join(o.shown for o in same if o is not item)
            yield finding(item.shown, item.at("nomor"), "K001", nomor=number, other=others)


def links_resolve(files: Sequence[Facts], config: Config) -> Iterator[Finding]:
    """K002: every keterkaitan names an SOP of the catalog."""
    numbers = {item.nomor.strip() for item in files if item.nomor}
    tokens = _TokenIndex(numbers) if len(numbers) > _FEW else None
    for item in files:
        for number, line, column in item.links:
            if number.strip() not in numbers:
                near = tokens.nearest(number) if tokens else numbers
                close = suggest(number, near, cutoff=0.8) or ""
                yield finding(item.shown, (line, column), "K002", nomor=number, close=close)


_FEW = 300  # numbers; above this, compare a broken link only with numbers sharing most parts


class _TokenIndex:
    """Numbers by their parts (`001`, `SOP`, `SDM`, `KPU-Kab-1101` gives `1101`, ...), so that
    a "did you mean" in a national catalog compares with a handful of numbers, not 50,000.
    Parts most numbers have (`SOP`, a year) tell nothing and are left out."""

    def __init__(self, numbers: set[str]) -> None:
        index: dict[str, list[str]] = defaultdict(list)
        self.parts: dict[str, tuple[str, ...]] = {}  # tuples: a set each costs 50,000 × 700 B
        for number in numbers:
            parts = self.parts[number] = tuple(set(_TOKEN.findall(number)))
            for token in parts:
                index[token].append(number)
        common = len(numbers) // 2
        self.index = {token: found for token, found in index.items() if len(found) <= common}

    def nearest(self, number: str) -> list[str]:
        """The numbers sharing the most parts with `number`, among those having its rarest
        parts (an office's code before a unit's): about `_CANDIDATES` numbers, not all."""
        index = self.index
        parts = sorted(
            (t for t in set(_TOKEN.findall(number)) if t in index), key=lambda t: len(index[t])
        )
        candidates: set[str] = set()
        for token in parts:
            if candidates and len(candidates) + len(index[token]) > _CANDIDATES:
                break
            candidates.update(index[token])
        wanted = frozenset(parts)
        shared = {n: len(wanted.intersection(self.parts[n])) for n in candidates}
        best = max(shared.values(), default=0)
        return sorted(n for n, count in shared.items() if count == best > 0)


_CANDIDATES = 1000

_TOKEN = re.compile(r"[0-9A-Za-z]+")


def unit_known(files: Sequence[Facts], config: Config) -> Iterator[Finding]:
    """K003: the unit is configured (by id, code, name or alias)."""
    for item in files:
        if item.unit is not None and resolve_unit(config, item.unit) is None:
            close = suggest_unit(config, item.unit) or ""
            known = ", ".join(unit.id for unit in config.units)
            at = item.at("unit")
            yield finding(item.shown, at, "K003", value=item.unit, close=close, choices=known)


def area_known(files: Sequence[Facts], config: Config) -> Iterator[Finding]:
    """K004: the RB area is one of the configured change areas."""
    for item in files:
        if item.area_rb is not None and resolve_area(config, item.area_rb) is None:
            close = suggest_area(config, item.area_rb) or ""
            known = ", ".join(area.id for area in config.areas)
            at = item.at("area_rb")
            yield finding(item.shown, at, "K004", value=item.area_rb, close=close, choices=known)


def title_unique_in_unit(files: Sequence[Facts], config: Config) -> Iterator[Finding]:
    """K005: no two SOPs of one unit share a title."""
    groups: dict[tuple[str, str], list[Facts]] = defaultdict(list)
    for item in files:
        if item.nama and item.unit:
            unit = resolve_unit(config, item.unit) or item.unit
            groups[(unit, normalize(item.nama))].append(item)
    for same in groups.values():
        for item in same if len(same) > 1 else ():
            others = ", ".join(o.shown for o in same if o is not item)
            yield finding(item.shown, item.at("nama"), "K005", nama=item.nama, other=others)
