"""`sopctl verifikasi`: does a printed SOP (a PDF, or the code under its QR) match the catalog?"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sopctl.cli.app import LangOption, app, pick_lang
from sopctl.text.help import help_text

VERDICT_KEYS = {
    "cocok": "verify_cocok",
    "kedaluwarsa": "verify_kedaluwarsa",
    "tidak-dikenal": "verify_tidak-dikenal",
}


@app.command(help=help_text("verifikasi"))
def verifikasi(
    source: Annotated[str, typer.Argument(help=help_text("verifikasi.source"), show_default=False)],
    path: Annotated[
        Path | None, typer.Argument(help=help_text("booklet.path"), show_default=False)
    ] = None,
    lang: LangOption = None,
) -> None:
    from sopctl.catalog.folder import open_catalog
    from sopctl.cli.console import stdout
    from sopctl.history.verification import codes_in, verify
    from sopctl.text.phrases import ui

    catalog = open_catalog(path or Path.cwd())
    chosen = pick_lang(lang, catalog.config.lang)
    findings = verify(catalog, codes_in(source, chosen))
    console = stdout()
    for item in findings:
        line = ui(
            VERDICT_KEYS[item.verdict],
            chosen,
            digest=item.digest,
            nomor=item.nomor,
            nama=item.nama,
            path=item.path,
            date=item.committed.isoformat() if item.committed else "",
        )
        console.print(line, markup=False, highlight=False)
    tally = {v: sum(1 for f in findings if f.verdict == v) for v in ("cocok", "kedaluwarsa")}
    unknown = len(findings) - sum(tally.values())
    console.print(
        ui("verify_summary", chosen, total=len(findings), unknown=unknown, **tally), markup=False
    )
    if tally["cocok"] != len(findings):
        raise typer.Exit(1)
