"""`sopctl serve`: the catalog in a local browser, with a form editor."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text


@app.command(help=help_text("serve"))
def serve(
    ctx: typer.Context,
    path: Annotated[
        Path | None, typer.Argument(help=help_text("serve.path"), show_default=False)
    ] = None,
    port: Annotated[int, typer.Option("--port", help=help_text("serve.port"))] = 8765,
    host: Annotated[
        str | None, typer.Option("--host", help=help_text("serve.host"), show_default=False)
    ] = None,
    buka: Annotated[bool, typer.Option("--buka", help=help_text("serve.buka"))] = False,
    lang: LangOption = None,
) -> None:
    from sopctl.catalog.folder import open_catalog
    from sopctl.cli.console import stderr
    from sopctl.errors import UsageError
    from sopctl.text.phrases import ui
    from sopctl.text.system import os_reason

    catalog = open_catalog(path or Path.cwd())
    chosen = pick_lang(lang, catalog.config.lang)
    try:
        from sopctl.serve.app import create_app
        from sopctl.serve.server import LOOPBACK, is_loopback, listen, serve, url_of
    except ImportError as exc:
        raise UsageError(
            ui("serve_missing", chosen, name=(exc.name or "?").split(".")[0]),
            hint=ui("serve_missing_hint", chosen),
        ) from exc
    address = host or LOOPBACK
    if host is not None and not is_loopback(host):
        stderr().print(ui("serve_host_warning", chosen, host=host), markup=False, style="bold")
    try:
        sock = listen(address, port)
    except OSError as exc:
        detail = os_reason(exc, chosen)
        message = ui("serve_port_taken", chosen, host=address, port=port, detail=detail)
        raise UsageError(message, hint=ui("serve_port_hint", chosen)) from exc
    url = url_of(sock)
    stderr().print(ui("serve_running", chosen, root=catalog.root, url=url), markup=False)
    if buka:
        import threading
        import webbrowser

        threading.Timer(0.5, webbrowser.open, [url]).start()
    web = create_app(catalog, chosen, hosts=[host] if host else [])
    serve(web, sock, debug=bool(ctx.find_root().params.get("debug")))
