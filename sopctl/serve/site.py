"""What every request handler shares: the catalog, the language, the CSRF token and the
page templates (set up by `sopctl.render.templating`, the one Jinja setup)."""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from sopctl.catalog.folder import Catalog
from sopctl.render.templating import environment
from sopctl.serve.overview import Snapshots
from sopctl.serve.paths import sop_path
from sopctl.text.pages import page_phrases

PAGES = Path(__file__).resolve().parent / "templates"
ASSETS = Path(__file__).resolve().parent / "static"

# Our pages load only their own script and style; documents in frames carry inline CSS, data:
# images and the bundled fonts as data: URIs. Nothing is ever fetched from elsewhere.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src data:; frame-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
)
# A rendered document (it may come from a catalog's own templates): no script, no fetching.
DOCUMENT_POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "frame-ancestors 'self'"
)


@dataclass
class Site:
    catalog: Catalog
    lang: str
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    env: jinja2.Environment = field(init=False)
    snapshots: Snapshots = field(init=False)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.snapshots = Snapshots(self.catalog)
        self.env = environment(self.catalog, html=True, own=PAGES)
        self.env.globals.update(t=page_phrases(self.lang), lang=self.lang, csrf=self.token)

    def page(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        text = self.env.get_template(template).render(**context)
        return HTMLResponse(text, status, headers={"Content-Security-Policy": PAGE_POLICY})

    def check_token(self, given: object) -> None:
        """A POST must carry the token of this server's pages (cross-site forms cannot)."""
        if not isinstance(given, str) or not hmac.compare_digest(given, self.token):
            raise HTTPException(403)

    def file(self, request: Request) -> tuple[str, Path]:
        """The catalog name and file the URL's `{path}` names, else a 404."""
        name = str(request.path_params.get("path", ""))
        path = sop_path(self.catalog, name)
        if path is None:
            raise HTTPException(404)
        return name, path


def site_of(request: Request) -> Site:
    site = request.app.state.site
    assert isinstance(site, Site)
    return site


def document_response(text: str) -> HTMLResponse:
    return HTMLResponse(text, headers={"Content-Security-Policy": DOCUMENT_POLICY})


Posted = dict[str, Sequence[str]]  # each posted field with its values, in order
Handler = Callable[[Request, Posted], Response]


def serialized(handler: Handler) -> Callable[[Request], Coroutine[None, None, Response]]:
    """A page that reads or writes the catalog, run in a worker thread, one at a time: the
    server stays responsive (Ctrl+C works) while a large catalog is read, and no two requests
    lint or save at once. A POST's fields are read, and its CSRF token checked, first."""

    async def run(request: Request) -> Response:
        site = site_of(request)
        posted = await _posted(site, request) if request.method == "POST" else {}

        def work() -> Response:
            with site.lock:
                return handler(request, posted)

        return await run_in_threadpool(work)

    run.__name__ = run.__qualname__ = handler.__name__
    return run


async def _posted(site: Site, request: Request) -> Posted:
    form: FormData = await request.form(max_fields=20_000)  # a long SOP has many rows
    site.check_token(form.get("csrf"))
    return {key: [str(value) for value in form.getlist(key)] for key in form}
