"""Rules on the identity part: what enactment requires, dates in order, the number pattern."""

from __future__ import annotations

from collections.abc import Iterator

from sopctl.catalog.names import resolve_theme, suggest_theme
from sopctl.catalog.pattern import MAX_NUMBER
from sopctl.lint.findings import Finding
from sopctl.lint.rules.context import SopContext


def nomor_required(ctx: SopContext) -> Iterator[Finding]:
    """I001: every SOP but a draft has a number."""
    if ctx.sop.status != "draf" and not ctx.sop.nomor:
        yield ctx.report(("status",), "I001", status=ctx.sop.status)


def nomor_pattern(ctx: SopContext) -> Iterator[Finding]:
    """I002: the number follows the office's tata naskah dinas, as configured."""
    nomor = ctx.sop.nomor
    too_long = nomor is not None and len(nomor) > MAX_NUMBER  # never matched: see pattern.py
    if nomor and (too_long or not ctx.config.number_pattern.search(nomor)):
        yield ctx.report(("nomor",), "I002", nomor=nomor, pattern=ctx.config.number_pattern.pattern)


def efektif_required(ctx: SopContext) -> Iterator[Finding]:
    """I003: an enacted SOP has an effective date."""
    if ctx.sop.status == "ditetapkan" and ctx.sop.tanggal.efektif is None:
        yield ctx.report(("tanggal",), "I003", on_key=True)


def pengesah_required(ctx: SopContext) -> Iterator[Finding]:
    """I004: an enacted SOP names who enacted it."""
    if ctx.sop.status == "ditetapkan" and ctx.sop.disahkan_oleh is None:
        yield ctx.report(("status",), "I004")


def dasar_hukum_required(ctx: SopContext) -> Iterator[Finding]:
    """I005: an enacted SOP cites its legal basis."""
    if ctx.sop.status == "ditetapkan" and not ctx.sop.dasar_hukum:
        path = ("dasar_hukum",) if "dasar_hukum" in ctx.doc.data else ("status",)
        yield ctx.report(path, "I005")


def efektif_after_pembuatan(ctx: SopContext) -> Iterator[Finding]:
    """I006: an SOP takes effect on or after it was made."""
    dates = ctx.sop.tanggal
    if dates.efektif and dates.efektif < dates.pembuatan:
        yield ctx.report(
            ("tanggal", "efektif"), "I006", efektif=dates.efektif, pembuatan=dates.pembuatan
        )


def revisi_after_pembuatan(ctx: SopContext) -> Iterator[Finding]:
    """I007: a revision (done or planned) comes after the SOP was made."""
    dates = ctx.sop.tanggal
    if dates.revisi and dates.revisi < dates.pembuatan:
        yield ctx.report(
            ("tanggal", "revisi"), "I007", revisi=dates.revisi, pembuatan=dates.pembuatan
        )


def tematik_known(ctx: SopContext) -> Iterator[Finding]:
    """K006: every RB Tematik tag is a known theme (built in, or `[[rb_tematik]]`)."""
    for index, value in enumerate(ctx.sop.rb_tematik):
        if resolve_theme(ctx.config, value) is None:
            close = suggest_theme(ctx.config, value) or ""
            yield ctx.report(("rb_tematik", index), "K006", value=value, close=close)
