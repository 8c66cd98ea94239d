"""Rules on evaluation records: the seven criteria of the Permen answered and explained."""

from __future__ import annotations

from collections.abc import Iterator

from sopctl.lint.findings import Finding
from sopctl.lint.rules.context import SopContext
from sopctl.sop.model import KRITERIA, Evaluasi


def _latest(ctx: SopContext) -> list[tuple[int, Evaluasi]]:
    """The latest evaluation record with its index: older ones are history, left as written."""
    records = list(enumerate(ctx.sop.evaluasi))
    return [max(records, key=lambda pair: pair[1].tanggal)] if records else []


def criteria_answered(ctx: SopContext) -> Iterator[Finding]:
    """M003: the latest evaluation answers all seven criteria with ya or tidak."""
    for index, record in _latest(ctx):
        answers = record.kriteria.answers() if record.kriteria else {}
        missing = [key for key in KRITERIA if answers.get(key) is None]
        if missing:
            path: tuple[str | int, ...] = ("evaluasi", index)
            if record.kriteria:
                path += ("kriteria",)
            yield ctx.report(
                path,
                "M003",
                on_key=record.kriteria is not None,
                tanggal=record.tanggal,
                missing=", ".join(missing),
            )


def tidak_followed_up(ctx: SopContext) -> Iterator[Finding]:
    """M004: the latest evaluation, where it answers `tidak`, says what will be done about it."""
    for index, record in _latest(ctx):
        if record.kriteria is None or record.tindakan.strip():
            continue
        failed = [k for k, a in record.kriteria.answers().items() if a and a.nilai == "tidak"]
        if failed:
            yield ctx.report(
                ("evaluasi", index, "kriteria", failed[0]),
                "M004",
                on_key=True,
                tanggal=record.tanggal,
                criteria=", ".join(failed),
            )
