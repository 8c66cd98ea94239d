"""Rules over time: monitoring and evaluation due by the catalog's periods."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator, Sequence

from sopctl.lint.findings import Finding
from sopctl.lint.rules.context import SopContext
from sopctl.sop.model import Sop


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus `months`, clamped to the month's last day (31 Aug + 6 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def last_date(records: Sequence[dt.date], sop: Sop) -> dt.date | None:
    """The latest record, or the effective date when there is none yet."""
    return max(records, default=None) or sop.tanggal.efektif


def due_dates(
    sop: Sop, monitoring_months: int, evaluation_months: int
) -> tuple[dt.date | None, dt.date | None]:
    """When the next monitoring and evaluation are due (None for drafts and revoked SOPs)."""
    if sop.status != "ditetapkan":
        return None, None
    last_mon = last_date([m.tanggal for m in sop.monitoring], sop)
    last_eval = last_date([e.tanggal for e in sop.evaluasi], sop)
    return (
        add_months(last_mon, monitoring_months) if last_mon else None,
        add_months(last_eval, evaluation_months) if last_eval else None,
    )


def monitoring_due(ctx: SopContext) -> Iterator[Finding]:
    """M001: monitoring older than its period."""
    months = ctx.config.periode.monitoring_bulan
    due, _ = due_dates(ctx.sop, months, ctx.config.periode.evaluasi_bulan)
    if due and due < ctx.today:
        last = last_date([m.tanggal for m in ctx.sop.monitoring], ctx.sop)
        path = ("monitoring",) if ctx.sop.monitoring else ("status",)
        yield ctx.report(path, "M001", on_key=True, last=last, due=due, months=months)


def evaluation_due(ctx: SopContext) -> Iterator[Finding]:
    """M002: evaluation older than its period."""
    months = ctx.config.periode.evaluasi_bulan
    _, due = due_dates(ctx.sop, ctx.config.periode.monitoring_bulan, months)
    if due and due < ctx.today:
        last = last_date([e.tanggal for e in ctx.sop.evaluasi], ctx.sop)
        path = ("evaluasi",) if ctx.sop.evaluasi else ("status",)
        yield ctx.report(path, "M002", on_key=True, last=last, due=due, months=months)
