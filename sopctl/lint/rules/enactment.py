"""Rules that relate an enacted SOP to the Keputusan (`[[penetapan]]`) that enacts it."""

from __future__ import annotations

from collections.abc import Iterator

from sopctl.catalog.penetapan import decree_of
from sopctl.lint.findings import Finding
from sopctl.lint.rules.context import SopContext


def efektif_after_decree(ctx: SopContext) -> Iterator[Finding]:
    """I008: an enacted SOP takes effect on or after the Keputusan that enacts it."""
    sop = ctx.sop
    decree = decree_of(sop.nomor, ctx.config.decrees)
    efektif = sop.tanggal.efektif
    if sop.status == "ditetapkan" and decree and efektif and efektif < decree.tanggal:
        yield ctx.report(
            ("tanggal", "efektif"),
            "I008",
            efektif=efektif,
            keputusan=decree.nomor,
            tanggal=decree.tanggal,
        )


def decree_known(ctx: SopContext) -> Iterator[Finding]:
    """I009: when the catalog records its Keputusan, every enacted SOP is enacted by one."""
    sop = ctx.sop
    decrees = ctx.config.decrees
    if sop.status == "ditetapkan" and decrees and decree_of(sop.nomor, decrees) is None:
        yield ctx.report(("status",), "I009", nomor=sop.nomor or "-")
