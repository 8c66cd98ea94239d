"""The monitoring and evaluation forms of PermenPAN-RB 35/2012, per unit, filled from the
catalog's `monitoring` and `evaluasi` records (a blank row where an SOP has none yet)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sopctl.catalog.folder import Catalog
from sopctl.catalog.names import resolve_unit
from sopctl.errors import UsageError
from sopctl.render.document import logo_uri
from sopctl.render.files import Source, inside, load_sources
from sopctl.render.templating import environment
from sopctl.sop.dates import tanggal
from sopctl.sop.model import KRITERIA, Evaluasi, Monitoring, Sop
from sopctl.sop.yamlio import write_atomic
from sopctl.text.phrases import ui

Kind = Literal["monitoring", "evaluasi"]
SUFFIXES = (".html", ".pdf")
_SEMESTER = re.compile(r"^(\d{4})-(?:S)?(1|2|I|II)$", re.IGNORECASE)
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?::|\.\.)(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Period:
    """The days a form covers, and how its heading names them."""

    first: dt.date
    last: dt.date
    name: str

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class Row:
    """One SOP on a form, with its latest record of the period (None: a blank row)."""

    sop: Sop
    monitoring: Monitoring | None = None
    evaluasi: Evaluasi | None = None


@dataclass(frozen=True)
class UnitForm:
    unit: str
    rows: tuple[Row, ...]


def semester(text: str | None, today: dt.date, lang: str = "id") -> Period:
    """`2026-1`, `2026-S2`, `2026-II` or `2026-01-01:2026-06-30`; None: today's semester."""
    if text is None:
        text = f"{today.year}-{1 if today.month <= 6 else 2}"
    if found := _SEMESTER.match(text.strip()):
        year, half = int(found.group(1)), found.group(2).upper()
        second = half in ("2", "II")
        first = dt.date(year, 7 if second else 1, 1)
        last = dt.date(year, 12, 31) if second else dt.date(year, 6, 30)
        return Period(first, last, f"Semester {'II' if second else 'I'} Tahun {year}")
    if found := _RANGE.match(text.strip()):
        try:
            first, last = (dt.date.fromisoformat(found.group(i)) for i in (1, 2))
        except ValueError:
            first = last = dt.date.min
        if dt.date.min < first <= last:
            return Period(first, last, f"{tanggal(first)} s.d. {tanggal(last)}")
    raise UsageError(ui("periode_unknown", lang, value=text), hint=ui("periode_hint", lang))


def year(value: int | None, today: dt.date, lang: str = "id") -> Period:
    """The calendar year `value` (None: this year)."""
    chosen = value or today.year
    if not 1900 <= chosen <= 2999:
        raise UsageError(ui("tahun_unknown", lang, value=chosen), hint=ui("tahun_hint", lang))
    return Period(dt.date(chosen, 1, 1), dt.date(chosen, 12, 31), f"Tahun {chosen}")


def unit_forms(
    catalog: Catalog, sources: Sequence[Source], period: Period, drafts: bool = False
) -> list[UnitForm]:
    """Every enacted SOP (and draft, with `drafts`), grouped by unit in the configured order,
    with its latest monitoring and evaluation record of `period`."""
    config = catalog.config
    statuses = {"ditetapkan", "draf"} if drafts else {"ditetapkan"}
    enacted = [s.sop for s in sources if s.sop.status in statuses]
    names = {unit.id: unit.nama for unit in config.units}
    forms = []
    for unit_id in [*names, None]:
        group = [sop for sop in enacted if resolve_unit(config, sop.unit) == unit_id]
        group.sort(key=lambda sop: (sop.nomor or "~", sop.nama))
        if group:
            unit = names.get(unit_id or "", group[0].unit)
            forms.append(UnitForm(unit, tuple(_row(sop, period) for sop in group)))
    return forms


def _row(sop: Sop, period: Period) -> Row:
    monitored = [m for m in sop.monitoring if period.holds(m.tanggal)]
    evaluated = [e for e in sop.evaluasi if period.holds(e.tanggal)]
    return Row(
        sop,
        max(monitored, key=lambda m: m.tanggal, default=None),
        max(evaluated, key=lambda e: e.tanggal, default=None),
    )


def form_html(catalog: Catalog, kind: Kind, forms: Sequence[UnitForm], period: Period) -> str:
    from sopctl.render.booklet import portrait
    from sopctl.render.chart.layout import paper

    env = environment(catalog, html=True)
    return env.get_template(f"formulir-{kind}.html.j2").render(
        satker=catalog.config.satker,
        logo=logo_uri(catalog),
        page_size=paper(catalog.config.buku.kertas, "landscape").css_size,
        portrait=portrait(catalog.config.buku.kertas),
        forms=forms,
        period=period,
        kriteria=KRITERIA,
        tempat=catalog.config.decrees[-1].tempat if catalog.config.decrees else "",
    )


def write_form(
    catalog: Catalog,
    paths: Sequence[Path],
    kind: Kind,
    period: Period,
    target: Path,
    lang: str = "id",
    drafts: bool = False,
) -> int:
    """Write the form to `target` (.html or .pdf); return how many SOPs it lists."""
    if target.suffix.lower() not in SUFFIXES:
        raise UsageError(ui("output_suffix", lang, path=target))
    forms = unit_forms(catalog, load_sources(catalog, paths), period, drafts)
    count = sum(len(form.rows) for form in forms)
    if not count:
        where = (paths[0] if paths else catalog.root).as_posix()
        raise UsageError(
            ui("formulir_empty", lang, path=where), hint=ui("formulir_empty_hint", lang)
        )
    text = form_html(catalog, kind, forms, period)
    target.parent.mkdir(parents=True, exist_ok=True)
    destination = inside(target.parent, target.name)
    if destination.suffix.lower() == ".pdf":
        from sopctl.render.pdf import write_pdf

        write_pdf(text, destination, catalog.root)
    else:
        write_atomic(destination, text)
    return count
