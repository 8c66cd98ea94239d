"""The pages that only read: the catalog, one SOP with its findings, the report, assets."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from sopctl.lint.findings import Finding
from sopctl.report.listing import Filters
from sopctl.serve.overview import document_html, file_findings, overview, report_html
from sopctl.serve.site import ASSETS, Posted, document_response, serialized, site_of
from sopctl.sop.loader import load_sop

STATUSES = ("draf", "ditetapkan", "dicabut")
PAGE_SIZE = 200  # rows per catalog page: a national catalog would be a 10 MB page
_ASSETS = {"serve.css": "text/css", "serve.js": "text/javascript"}


@serialized
def catalog_page(request: Request, posted: Posted) -> HTMLResponse:
    site = site_of(request)
    query = request.query_params
    config = site.catalog.config
    units, areas = {u.id for u in config.units}, {a.id for a in config.areas}
    unit = query.get("unit", "") if query.get("unit") in units else ""
    area = query.get("area", "") if query.get("area") in areas else ""
    status = query.get("status", "") if query.get("status") in STATUSES else ""
    cari = query.get("cari", "").strip()
    overdue = query.get("jatuh_tempo") == "1"
    chosen = {"unit": unit, "area": area, "status": status, "cari": cari, "jatuh_tempo": overdue}
    filters = Filters(unit or None, area or None, status or None, overdue, cari or None)
    today = dt.date.today()
    found = overview(site.snapshots.current(today), filters, today, site.lang)
    pages = max(1, -(-len(found.entries) // PAGE_SIZE))
    number = min(max(_int(query.get("halaman")), 1), pages)
    first = (number - 1) * PAGE_SIZE
    shown = found.entries[first : first + PAGE_SIZE]
    kept = {"unit": unit, "area": area, "status": status, "cari": cari}
    kept["jatuh_tempo"] = "1" if overdue else ""
    kept = {key: value for key, value in kept.items() if value}
    return site.page(
        "serve_catalog.html.j2",
        view=found,
        shown=shown,
        first=first,
        page=number,
        pages=pages,
        previous=f"/?{urlencode(kept | {'halaman': number - 1})}" if number > 1 else "",
        following=f"/?{urlencode(kept | {'halaman': number + 1})}" if number < pages else "",
        chosen=chosen,
        today=today,
        units=config.units,
        areas=config.areas,
        statuses=STATUSES,
    )


@serialized
def sop_page(request: Request, posted: Posted) -> HTMLResponse:
    site = site_of(request)
    name, path = site.file(request)
    loaded = load_sop(path, name, site.catalog.root)
    today = dt.date.today()
    return site.page(
        "serve_sop.html.j2",
        name=name,
        sop=loaded.sop,
        source=path.read_text(encoding="utf-8", errors="replace") if loaded.sop is None else "",
        findings=[_finding(item, site.lang) for item in file_findings(site.catalog, path, today)],
        saved=request.query_params.get("disimpan", ""),
    )


@serialized
def document(request: Request, posted: Posted) -> Response:
    """The SOP's document alone, for the frame on its page: the bytes `render` writes."""
    site = site_of(request)
    name, path = site.file(request)
    loaded = load_sop(path, name, site.catalog.root)
    if loaded.sop is None:
        raise HTTPException(404)
    titles = site.snapshots.current(dt.date.today()).titles
    text = document_html(site.catalog, path, loaded.sop, titles)
    return document_response(text)


async def report_page(request: Request) -> HTMLResponse:
    return site_of(request).page("serve_report.html.j2")


@serialized
def report_document(request: Request, posted: Posted) -> Response:
    site = site_of(request)
    return document_response(report_html(site.catalog, dt.date.today()))


async def asset(request: Request) -> Response:
    name = str(request.path_params["name"])
    if name not in _ASSETS:
        raise HTTPException(404)
    return FileResponse(ASSETS / name, media_type=_ASSETS[name])


def _int(value: str | None) -> int:
    return int(value) if value is not None and value.isdigit() and len(value) < 7 else 1


def _finding(item: Finding, lang: str) -> dict[str, object]:
    data = item.as_dict(lang)
    data["waived"] = item.suppressed
    return data
