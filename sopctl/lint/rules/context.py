"""What rules see: one valid SOP in context, or the facts of every file of the catalog."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from sopctl.catalog.config import Config
from sopctl.lint.findings import Finding, finding
from sopctl.sop import flow
from sopctl.sop.model import Sop
from sopctl.sop.yamlio import Document, Path_


@dataclass(frozen=True)
class SopContext:
    """A schema-valid SOP with its locations, for per-file rules."""

    shown: str
    sop: Sop
    doc: Document
    config: Config
    today: dt.date

    @functools.cached_property
    def symbols(self) -> tuple[str, ...]:
        """Each step's flowchart symbol (`flow.symbol`), worked out once for all rules."""
        steps = self.sop.langkah
        return tuple(flow.symbol(steps, number) for number in range(1, len(steps) + 1))

    @functools.cached_property
    def edges(self) -> tuple[tuple[int, int], ...]:
        """(source, target) of every edge of the flow (`flow.all_exits`), worked out once."""
        return tuple((e.source, e.target) for e in flow.all_exits(self.sop.langkah))

    def report(self, path: Path_, code: str, *, on_key: bool = False, **args: object) -> Finding:
        """A finding at the value of `path` (or at its key with `on_key`)."""
        return finding(self.shown, self.doc.locate(path, key=on_key), code, **args)


@dataclass(frozen=True)
class Facts:
    """What cross-file rules need of one file, read even when the file has schema errors
    (so one broken field never hides a duplicate number elsewhere)."""

    shown: str
    nomor: str | None = None
    nama: str | None = None
    unit: str | None = None
    area_rb: str | None = None
    status: str | None = None
    links: tuple[tuple[str, int, int], ...] = ()
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)

    def at(self, key: str) -> tuple[int, int]:
        return self.marks.get(key, (1, 1))


def facts_of(shown: str, doc: Document) -> Facts:
    """Facts from raw data: strings where strings are expected, nothing otherwise."""
    data: Any = doc.data
    if not isinstance(data, dict):
        return Facts(shown)
    keys = ("nomor", "nama", "unit", "area_rb", "status")
    values = {k: data[k] if isinstance(data.get(k), str) else None for k in keys}
    marks = {k: doc.locate((k,)) for k in keys if k in data}
    return Facts(shown, links=_links(data.get("keterkaitan"), doc), marks=marks, **values)


def _links(raw: Any, doc: Document) -> tuple[tuple[str, int, int], ...]:
    if not isinstance(raw, list):
        return ()
    links = []
    for index, item in enumerate(raw):
        number = item.get("nomor") if isinstance(item, dict) else item
        if isinstance(number, str):
            path: Path_ = ("keterkaitan", index) + (("nomor",) if isinstance(item, dict) else ())
            links.append((number, *doc.locate(path)))
    return tuple(links)
