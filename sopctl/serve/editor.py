"""The pages that write: the editor (open, preview, save) and `/new`."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from pydantic import ValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from sopctl.author.new import JENIS
from sopctl.errors import UsageError
from sopctl.serve.forms import (
    ActorForm,
    FormError,
    SopForm,
    StepForm,
    editable,
    form_of,
    parse_form,
)
from sopctl.serve.overview import document_html
from sopctl.serve.pages import STATUSES
from sopctl.serve.saving import Conflict, Unreadable, edited, read_source, save, version_of
from sopctl.serve.site import Posted, Site, document_response, serialized, site_of
from sopctl.sop.loader import schema_findings
from sopctl.sop.model import Sop
from sopctl.sop.yamlio import load_roundtrip, parse_text


@serialized
def edit_page(request: Request, posted: Posted) -> HTMLResponse:
    site = site_of(request)
    name, path = site.file(request)
    try:
        source = read_source(path)
        tree = load_roundtrip(source.text)
    except Exception:  # not YAML ruamel can load: shown, never a traceback
        return _unreadable(site, name)
    if not editable(tree):
        return _unreadable(site, name)
    return _editor(site, name, form_of(tree), source.version, source.text)


def _unreadable(site: Site, name: str) -> HTMLResponse:
    return site.page(
        "serve_message.html.j2", 422, title="unreadable_title", text="unreadable_text", name=name
    )


def _editor(site: Site, name: str, form: SopForm, version: str, original: str) -> HTMLResponse:
    config = site.catalog.config
    return site.page(
        "serve_edit.html.j2",
        name=name,
        form=form,
        version=version,
        original=original,
        units=[(u.id, u.nama) for u in config.units],
        areas=[(a.id, a.nama) for a in config.areas],
        statuses=[(s, s) for s in STATUSES],
        jenis=[(j, j) for j in JENIS],
        blank_step=StepForm("new", "", ""),
        blank_actor=ActorForm("new", "", ""),
    )


@serialized
def save_edit(request: Request, posted: Posted) -> Response:
    site = site_of(request)
    name, path = site.file(request)
    form, version, original = _read_form(posted)
    try:
        outcome = save(path, form, version, original)
    except Unreadable:
        return _unreadable(site, name)
    if isinstance(outcome, Conflict):
        return site.page("serve_conflict.html.j2", 409, name=name, conflict=outcome)
    flag = "1" if outcome else "0"
    return RedirectResponse(f"/sop/{quote(name)}?disimpan={flag}", status_code=303)


@serialized
def preview(request: Request, posted: Posted) -> Response:
    """The document the form would make, for the editor's frame; unsaved."""
    site = site_of(request)
    name, path = site.file(request)
    form, _, original = _read_form(posted)
    try:
        text = edited(original, form)
    except Unreadable:
        raise HTTPException(422) from None
    doc = parse_text(text)
    try:
        sop = Sop.model_validate(doc.data)
    except ValidationError as exc:
        found = [item.text(site.lang) for item in schema_findings(exc, doc, name)]
        return site.page("serve_preview_invalid.html.j2", problems=found)
    titles = site.snapshots.recent(dt.date.today()).titles
    html = document_html(site.catalog, path, sop, titles)
    return document_response(html.replace("</head>", _PREVIEW_STYLE + "</head>", 1))


# The preview shows the flowchart: the identity tables are hidden, the page scaled to the frame.
_PREVIEW_STYLE = (
    "<style>table.identitas, .status-sop { display: none; } "
    "body { zoom: 0.62; margin: 8px; } .halaman-prosedur { margin-top: 12px; }</style>\n"
)


async def version(request: Request) -> Response:
    """The file's current version, which the editor polls to notice edits made elsewhere."""
    _, path = site_of(request).file(request)
    return PlainTextResponse(version_of(path.read_bytes()), headers={"Cache-Control": "no-store"})


@serialized
def new_page(request: Request, posted: Posted) -> HTMLResponse:
    return _new_form(site_of(request), {}, None)


@serialized
def create(request: Request, posted: Posted) -> Response:
    site = site_of(request)
    answers = {key: _one(posted, key) for key in ("nama", "unit", "area", "jenis", "pelaksana")}
    try:
        draft = _draft(site, answers)
    except UsageError as exc:
        return _new_form(site, answers, exc, status=422)
    from sopctl.sop.yamlio import write_atomic

    draft.path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(draft.path, draft.text)
    return RedirectResponse(f"/edit/{quote(site.catalog.relative(draft.path))}", status_code=303)


def _draft(site: Site, answers: dict[str, str]) -> Any:
    """The draft `sopctl new` would write for these answers (checked the same way)."""
    from sopctl.author.new import Request as Wanted
    from sopctl.author.new import build, check_actor, check_jenis, check_title, clean_title
    from sopctl.catalog.names import check_area, check_unit
    from sopctl.text.phrases import ui

    catalog, lang = site.catalog, site.lang
    title = clean_title(answers["nama"])
    unit = check_unit(catalog, answers["unit"])
    title = check_title(catalog, unit, title)
    area = check_area(catalog, answers["area"])
    kind = check_jenis(answers["jenis"])
    actors: list[Any] = []
    for line in answers["pelaksana"].splitlines():
        if line.strip():
            actors.append(check_actor(line, actors))
    if not actors:
        raise UsageError(ui("ask_actor_first", lang))
    return build(catalog, Wanted(title, unit, area, kind, tuple(actors)), dt.date.today())


def _new_form(
    site: Site, answers: dict[str, str], error: UsageError | None, status: int = 200
) -> HTMLResponse:
    config = site.catalog.config
    return site.page(
        "serve_new.html.j2",
        status,
        answers=answers,
        error=error.said(site.lang) if error else None,
        units=config.units,
        areas=config.areas,
        jenis=JENIS,
    )


def _read_form(posted: Posted) -> tuple[SopForm, str, str]:
    try:
        form = parse_form(posted)
    except FormError:
        raise HTTPException(400) from None
    original = _one(posted, "original").replace("\r\n", "\n")
    return form, _one(posted, "version"), original


def _one(posted: Posted, key: str) -> str:
    values = posted.get(key, ())
    return values[0] if values else ""
