"""The web application: routes, the Host check and the error pages."""

from __future__ import annotations

from collections.abc import Iterable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sopctl.catalog.folder import Catalog
from sopctl.errors import SopctlError
from sopctl.serve import editor, pages
from sopctl.serve.site import Site, site_of
from sopctl.text.pages import page_phrases

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
_ALWAYS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
_MESSAGES = {403: "forbidden", 400: "bad_form", 404: "not_found"}


def create_app(catalog: Catalog, lang: str, *, hosts: Iterable[str] = ()) -> Starlette:
    """The app for one catalog; requests must name a local host (or one of `hosts`)."""
    routes = [
        Route("/", pages.catalog_page),
        Route("/sop/{path:path}", pages.sop_page),
        Route("/dokumen/{path:path}", pages.document),
        Route("/edit/{path:path}", editor.edit_page, methods=["GET"]),
        Route("/edit/{path:path}", editor.save_edit, methods=["POST"]),
        Route("/preview/{path:path}", editor.preview, methods=["POST"]),
        Route("/versi/{path:path}", editor.version),
        Route("/new", editor.new_page, methods=["GET"]),
        Route("/new", editor.create, methods=["POST"]),
        Route("/laporan", pages.report_page),
        Route("/laporan/dokumen", pages.report_document),
        Route("/aset/{name}", pages.asset),
    ]
    handlers = {HTTPException: _error_page, SopctlError: _known_error, Exception: _unexpected}
    app = Starlette(routes=routes, exception_handlers=handlers)
    app.state.site = Site(catalog, lang)
    allowed = {*LOCAL_HOSTS, *(host.strip("[]").lower() for host in hosts)}
    app.add_middleware(HostCheck, allowed=allowed, lang=lang)
    return app


async def _error_page(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    key = _MESSAGES.get(exc.status_code)
    if key is None:
        return PlainTextResponse(str(exc.detail), exc.status_code)
    return site_of(request).page(
        "serve_message.html.j2", exc.status_code, title=f"{key}_title", text=f"{key}_text", name=""
    )


async def _known_error(request: Request, exc: Exception) -> Response:
    """A known failure (e.g. the catalog's logo cannot be read): its message and hint, as the
    command line would print them, never a traceback."""
    assert isinstance(exc, SopctlError)
    site = site_of(request)
    return site.page("serve_error.html.j2", 422, error=exc.said(site.lang))


async def _unexpected(request: Request, exc: Exception) -> Response:
    """A bug: said as the command line says it (the server's log has the traceback)."""
    from sopctl.text.phrases import ui

    site = site_of(request)
    error = SopctlError(ui("unexpected", site.lang, error=f"{type(exc).__name__}: {exc}"))
    return site.page("serve_error.html.j2", 500, error=error.said(site.lang))


class HostCheck:
    """Answer only requests whose Host header names this computer: a web page elsewhere that
    points its own name at 127.0.0.1 (DNS rebinding) gets nothing."""

    def __init__(self, app: ASGIApp, allowed: set[str], lang: str) -> None:
        self.app = app
        self.allowed = allowed
        self.message = page_phrases(lang)["bad_host"]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and host_name(_header(scope, b"host")) not in self.allowed:
            await PlainTextResponse(self.message, 421)(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_ALWAYS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


def host_name(host: str) -> str:
    """The name part of a Host header: `[::1]:8000` -> `::1`, `LocalHost:80` -> `localhost`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else ""
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
