"""A `Report` as text: JSON for scripts, CSV for spreadsheets, Markdown, a printable HTML page."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from sopctl.catalog.folder import Catalog
from sopctl.report.model import UNKNOWN, Axis, Report, Table, counts, table
from sopctl.sop.dates import tanggal
from sopctl.text.escape import csv_cell, md_text
from sopctl.text.phrases import ui


def default_by(report: Report) -> tuple[str, ...]:
    """Units × areas for one catalog; satkers × areas for a folder of several."""
    return ("satker", "area") if len(report.satker_names) > 1 else ("unit", "area")


# a dimension -> the phrase heading its column
ROW_HEADS = {
    "unit": "report_col_unit",
    "area": "report_col_area",
    "status": "report_col_status",
    "jenis": "report_col_jenis",
    "satker": "report_col_satker",
}


def grid(data: Table, *, short: bool, lang: str = "id") -> list[list[str]]:
    """The table as rows of text: a header, one line per key, then the totals line."""
    cols = data.cols
    names = (cols.codes if short else cols.labels) if cols else ()
    total = ui("report_total", lang)
    lines = [[ui(ROW_HEADS[data.rows.name], lang), *names, total]]
    for label, cells, count in zip(data.rows.labels, data.cells, data.row_totals, strict=True):
        lines.append([label, *(str(n) for n in cells), str(count)] if cols else [label, str(count)])
    footer = [str(n) for n in data.col_totals] if cols else []
    lines.append([total, *footer, str(data.total)])
    return lines


def legend(axis: Axis | None) -> list[tuple[str, str]]:
    """(code, name) pairs where the table shows short codes instead of names."""
    if axis is None:
        return []
    return [(c, name) for c, name in zip(axis.codes, axis.labels, strict=True) if c != name]


def legend_text(axis: Axis | None, lang: str = "id") -> str:
    """`Keterangan: A1 = …; A2 = …`, or '' when the table shows names."""
    pairs = "; ".join(f"{c} = {n}" for c, n in legend(axis))
    return ui("report_legend", lang, pairs=pairs) if pairs else ""


def title(report: Report, lang: str = "id") -> str:
    names = [name for _, name in report.satker_names]
    if len(names) == 1:
        return ui("report_title_one", lang, name=names[0])
    return ui("report_title_many", lang, count=len(names))


def scope_text(report: Report, lang: str = "id") -> str:
    scope = report.scope
    parts = ["status " + ", ".join(scope.chosen_statuses)]
    if scope.units:
        parts.append("unit " + ", ".join(scope.units))
    if scope.areas:
        parts.append("area " + ", ".join(scope.areas))
    return ui("report_scope", lang, parts="; ".join(parts))


def notes(report: Report, lang: str = "id") -> list[str]:
    """The lines printed under the table: statuses, overdue SOPs, what could not be counted."""
    status = counts(report.entries, report.axis("status"))
    late = report.late()
    lines = [
        ui("report_per_status", lang, counts=", ".join(f"{k} {n}" for k, n in status.items())),
        ui("report_late", lang, **late, today=report.scope.today.isoformat()),
    ]
    lines += criteria_lines(report, lang)
    themes = {k: n for k, n in report.themes().items() if n}
    if themes:
        named = [
            ui("report_theme", lang, name=report.theme_names.get(k, k), count=n)
            for k, n in themes.items()
        ]
        lines.append(ui("report_themes", lang, themes="; ".join(named)))
    if report.unknown:
        items = "; ".join(f"{u.path} ({u.field}: {u.value})" for u in report.unknown)
        count = len({u.path for u in report.unknown})
        lines.append(ui("report_unknown_count", lang, count=count, unknown=UNKNOWN, items=items))
    if report.uncovered:
        items = "; ".join(f"{u.kode} {u.nama}" for u in report.uncovered)
        lines.append(ui("report_uncovered", lang, items=items))
    if report.skipped:
        lines.append(ui("report_skipped_count", lang, count=len(report.skipped)))
    return lines


def criteria_lines(report: Report, lang: str = "id") -> list[str]:
    """The seven evaluation criteria as the latest evaluations answered them."""
    from sopctl.sop.model import KRITERIA

    tallies = report.criteria()
    enacted = sum(1 for e in report.entries if e.status == "ditetapkan")
    if not enacted:
        return []
    lines = [ui("report_criteria_head", lang, count=enacted)]
    for key, tally in tallies.items():
        lines.append(ui("report_criteria_row", lang, name=KRITERIA[key], **tally))
    return lines


def to_json(report: Report, by: Sequence[str] = ()) -> str:
    """The shape documented in docs/report.md."""
    data: dict[str, Any] = {
        "tanggal": report.scope.today.isoformat(),
        "scope": {
            "status": list(report.scope.chosen_statuses),
            "unit": list(report.scope.units),
            "area": list(report.scope.areas),
        },
        **_totals(report, None),
        "by_jenis": counts(report.entries, report.axis("jenis")),
        "by_satker": counts(report.entries, report.axis("satker")),
        "overdue": report.late(),
        "evaluasi_kriteria": report.criteria(),
        "by_rb_tematik": report.themes(),
        "units": _names(report.axis("unit")),
        "areas": _names(report.axis("area")),
        "satker": {
            key: {"nama": name, **_totals(report, key)} for key, name in report.satker_names
        },
        "uncovered_processes": [vars(item) for item in report.uncovered],
        "unknown": [vars(item) for item in report.unknown],
        "skipped": [{"path": item.path, "reason": item.reason} for item in report.skipped],
    }
    if by:
        data["table"] = _table_json(table(report, by))
    return json.dumps(data, ensure_ascii=False, indent=2)


def _totals(report: Report, satker: str | None) -> dict[str, Any]:
    entries = [e for e in report.entries if satker is None or e.satker == satker]
    matrix = table(report, ("unit", "area"), satker)
    return {
        "total": len(entries),
        "by_unit": counts(entries, report.axis("unit")),
        "by_area": counts(entries, report.axis("area")),
        "by_status": counts(entries, report.axis("status")),
        "matrix": _table_json(matrix)["cells"],
    }


def _table_json(data: Table) -> dict[str, Any]:
    if data.cols is None:
        cells: dict[str, Any] = dict(zip(data.rows.keys, data.row_totals, strict=True))
    else:
        keys = data.cols.keys
        cells = {
            row: dict(zip(keys, line, strict=True))
            for row, line in zip(data.rows.keys, data.cells, strict=True)
        }
    return {"rows": data.rows.name, "cols": data.cols.name if data.cols else None, "cells": cells}


def _names(axis: Axis) -> dict[str, str]:
    return dict(zip(axis.keys, axis.labels, strict=True))


def to_csv(report: Report, by: Sequence[str]) -> str:
    """One row per key (id and name), one column per column key with full names, totals."""
    data = table(report, by)
    lines = grid(data, short=False)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([csv_cell(cell) for cell in ["id", *lines[0]]])
    for key, line in zip(data.rows.keys, lines[1:-1], strict=True):
        writer.writerow([csv_cell(cell) for cell in [key, *line]])
    writer.writerow([csv_cell(cell) for cell in ["", *lines[-1]]])
    return out.getvalue()


def to_markdown(report: Report, by: Sequence[str]) -> str:
    data = table(report, by)
    lines = grid(data, short=True)
    out = [f"# {title(report)}", "", f"{scope_text(report)}. Total: {data.total} SOP.", ""]
    out.append("| " + " | ".join(lines[0]) + " |")
    out.append("|" + "---|" + "--:|" * (len(lines[0]) - 1))
    out += ["| " + " | ".join(_md(cell) for cell in line) + " |" for line in lines[1:-1]]
    out.append("| " + " | ".join(f"**{cell}**" for cell in lines[-1]) + " |")
    if legend(data.cols):
        out += ["", "Keterangan: " + "; ".join(f"{c} = {n}" for c, n in legend(data.cols)) + "."]
    out += ["", *(f"- {line}" for line in notes(report))]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return md_text(text)


def to_html(report: Report, by: Sequence[str], catalog: Catalog | None) -> str:
    """One self-contained printable page: inline CSS and SVG bar charts, no script."""
    from sopctl.render.templating import environment

    template = environment(catalog, html=True).get_template("report.html.j2")
    return template.render(_page(report, by))


def _page(report: Report, by: Sequence[str]) -> dict[str, Any]:
    data = table(report, by)
    dims = ["unit", "area", "status"] + (["satker"] if len(report.satker_names) > 1 else [])
    return {
        "title": title(report),
        "date": tanggal(report.scope.today),
        "scope": scope_text(report),
        "total": data.total,
        "grid": grid(data, short=True),
        "legend": legend(data.cols),
        "charts": [
            chart(report.axis(dim), counts(report.entries, report.axis(dim))) for dim in dims
        ],
        "late": report.late(),
        "criteria": criteria_rows(report),
        "themes": [(report.theme_names.get(k, k), n) for k, n in report.themes().items() if n],
        "status": counts(report.entries, report.axis("status")),
        "unknown": report.unknown,
        "uncovered": report.uncovered,
        "skipped": report.skipped,
        "satker_count": len(report.satker_names),
        "satkers": dict(report.satker_names),
    }


def criteria_rows(report: Report) -> list[tuple[str, int, int, int]]:
    from sopctl.sop.model import KRITERIA

    return [(KRITERIA[k], t["ya"], t["tidak"], t["kosong"]) for k, t in report.criteria().items()]


_CHART = {"width": 680, "label": 290, "bar": 320, "line": 14, "wrap": 42, "thick": 14}
_CHART_TITLES = {
    "unit": "Jumlah SOP per unit",
    "area": "Jumlah SOP per area perubahan Reformasi Birokrasi",
    "status": "Jumlah SOP per status",
    "satker": "Jumlah SOP per satuan kerja",
    "jenis": "Jumlah SOP per jenis",
}


def chart(axis: Axis, values: dict[str, int]) -> dict[str, Any]:
    """A horizontal bar chart's geometry: one bar per key, scaled to the largest count."""
    top = max(values.values(), default=0) or 1
    bars, y = [], 8
    for key, label in zip(axis.keys, axis.labels, strict=True):
        lines = textwrap.wrap(label, _CHART["wrap"]) or [label]
        height = max(26, _CHART["line"] * len(lines) + 10)
        bars.append(
            {
                "key": key,
                "lines": lines,
                "value": values[key],
                "width": round(values[key] / top * _CHART["bar"], 1),
                "bar_y": y + (height - _CHART["thick"]) / 2,
                "text_y": y + (height - _CHART["line"] * len(lines)) / 2 + 11,
                "mid_y": y + height / 2 + 4,
            }
        )
        y += height
    return {
        "title": _CHART_TITLES[axis.name],
        "name": axis.name,
        "bars": bars,
        "height": y + 8,
        **_CHART,
    }


def _json(report: Report, asked: Sequence[str], catalog: Catalog | None) -> str:
    return to_json(report, asked) + "\n"  # the cross table only when --by was given


def _csv(report: Report, asked: Sequence[str], catalog: Catalog | None) -> str:
    return to_csv(report, asked or default_by(report))


def _markdown(report: Report, asked: Sequence[str], catalog: Catalog | None) -> str:
    return to_markdown(report, asked or default_by(report))


def _html(report: Report, asked: Sequence[str], catalog: Catalog | None) -> str:
    return to_html(report, asked or default_by(report), catalog)


# every output format but `table` (the terminal's, drawn by the CLI); `asked`: the --by given
Writer = Callable[[Report, Sequence[str], Catalog | None], str]
WRITERS: dict[str, Writer] = {"json": _json, "csv": _csv, "md": _markdown, "html": _html}
