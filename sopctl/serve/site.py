"""What every request handler shares: the catalog, the language, the CSRF token and the
page templates (set up by `sopctl.render.templating`, the one Jinja setup)."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from sopctl.catalog.folder import Catalog
from sopctl.render.templating import environment
from sopctl.serve.overview import Snapshots
from sopctl.serve.paths import sop_path
from sopctl.text.pages import page_phrases

PAGES = Path(__file__).resolve().parent / "templates"
ASSETS = Path(__file__).resolve().parent / "static"

# Our pages load only their own script and style; documents in frames carry inline CSS and
# data: images. Nothing is ever fetched from elsewhere.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-src 'self'; connect-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# A rendered document (it may come from a catalog's own templates): no script, no fetching.
DOCUMENT_POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
)


@dataclass
class Site:
    catalog: Catalog
    lang: str
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    env: jinja2.Environment = field(init=False)
    snapshots: Snapshots = field(init=False)

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
