"""Rules on the procedure: actors, symbols, the flow between steps and the mutu baku."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from sopctl.catalog.names import suggest
from sopctl.lint.findings import Finding
from sopctl.lint.rules.context import SopContext
from sopctl.sop import flow


def actor_declared(ctx: SopContext) -> Iterator[Finding]:
    """P001: every step is done by a declared actor."""
    declared = [actor.id for actor in ctx.sop.pelaksana]
    for number, step in enumerate(ctx.sop.langkah, 1):
        if step.pelaksana not in declared:
            close = suggest(step.pelaksana, declared) or ""
            path = ("langkah", number - 1, "pelaksana")
            yield ctx.report(path, "P001", step=number, actor=step.pelaksana, close=close)


def actor_acts(ctx: SopContext) -> Iterator[Finding]:
    """P002: every actor (a column of the table) does at least one step."""
    acting = {step.pelaksana for step in ctx.sop.langkah}
    for index, actor in enumerate(ctx.sop.pelaksana):
        if actor.id not in acting:
            yield ctx.report(("pelaksana", index, "id"), "P002", actor=actor.id)


def actor_unique(ctx: SopContext) -> Iterator[Finding]:
    """P011: actor ids are unique."""
    counts = Counter(actor.id for actor in ctx.sop.pelaksana)
    seen: set[str] = set()
    for index, actor in enumerate(ctx.sop.pelaksana):
        if counts[actor.id] > 1 and actor.id in seen:
            yield ctx.report(("pelaksana", index, "id"), "P011", actor=actor.id)
        seen.add(actor.id)


def one_start(ctx: SopContext) -> Iterator[Finding]:
    """P003: exactly one start step."""
    starts = [n for n, kind in enumerate(ctx.symbols, 1) if kind == "mulai"]
    if len(starts) != 1:
        where = ("langkah", starts[1] - 1) if len(starts) > 1 else ("langkah",)
        yield ctx.report(where, "P003", count=len(starts))


def has_end(ctx: SopContext) -> Iterator[Finding]:
    """P004: at least one end step."""
    if "selesai" not in ctx.symbols:
        yield ctx.report(("langkah", len(ctx.symbols) - 1), "P004")


def decision_complete(ctx: SopContext) -> Iterator[Finding]:
    """P005: a decision has both exits, Ya and Tidak."""
    for number, (step, kind) in enumerate(zip(ctx.sop.langkah, ctx.symbols, strict=True), 1):
        if kind != "keputusan":
            continue
        for key in ("ya", "tidak"):
            if getattr(step, key) is None:
                yield ctx.report(("langkah", number - 1), "P005", step=number, missing=key)


def targets_exist(ctx: SopContext) -> Iterator[Finding]:
    """P006: `ya`, `tidak` and `lanjut` name another existing step."""
    count = len(ctx.sop.langkah)
    for number, step in enumerate(ctx.sop.langkah, 1):
        for key in ("ya", "tidak", "lanjut"):
            target = getattr(step, key)
            if target is not None and (target > count or target == number):
                path = ("langkah", number - 1, key)
                yield ctx.report(path, "P006", step=number, key=key, target=target, count=count)


def all_reachable(ctx: SopContext) -> Iterator[Finding]:
    """P007: every step can be reached from the start."""
    starts = [n for n, kind in enumerate(ctx.symbols, 1) if kind == "mulai"] or [1]
    seen = flow.reachable(ctx.edges, starts[:1])
    for number in range(1, len(ctx.symbols) + 1):
        if number not in seen:
            yield ctx.report(("langkah", number - 1), "P007", step=number)


def all_finish(ctx: SopContext) -> Iterator[Finding]:
    """P008: from every step some path leads to an end."""
    ends = [n for n, kind in enumerate(ctx.symbols, 1) if kind == "selesai"]
    if not ends:
        return  # P004 says it
    finishing = flow.reachable([(target, source) for source, target in ctx.edges], ends)
    for number in range(1, len(ctx.symbols) + 1):
        if number not in finishing:
            yield ctx.report(("langkah", number - 1), "P008", step=number)


def mutu_baku_filled(ctx: SopContext) -> Iterator[Finding]:
    """P009: every step but the terminators states its time and output."""
    for number, (step, kind) in enumerate(zip(ctx.sop.langkah, ctx.symbols, strict=True), 1):
        if kind in ("mulai", "selesai"):
            continue
        for key in ("waktu", "output"):
            if step.mutu_baku is None or getattr(step.mutu_baku, key) is None:
                yield ctx.report(("langkah", number - 1), "P009", step=number, key=key)


def waktu_readable(ctx: SopContext) -> Iterator[Finding]:
    """P010: a time reads as a number and a unit, so totals can be computed."""
    for number, step in enumerate(ctx.sop.langkah, 1):
        waktu = step.mutu_baku.waktu if step.mutu_baku else None
        if waktu is not None and flow.parse_waktu(waktu) is None:
            path = ("langkah", number - 1, "mutu_baku", "waktu")
            yield ctx.report(path, "P010", step=number, waktu=waktu)
