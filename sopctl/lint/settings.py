"""Lint code C001: the files `sopctl.toml` names (the logo) must be safe to print.

Rendering refuses an unsafe logo anyway (`sopctl.render.assets`); lint says so too, so that
a pull request that commits one fails CI before anyone renders the catalog.
"""

from __future__ import annotations

import re

from sopctl.catalog.folder import Catalog
from sopctl.errors import SopctlError
from sopctl.lint.findings import Finding, finding


def settings_findings(catalog: Catalog, shown: str) -> list[Finding]:
    """C001 for an unsafe `satker.logo`, at its line in `sopctl.toml` (shown as `shown`)."""
    name = catalog.config.satker.logo
    if not name:
        return []
    from sopctl.render.assets import image_uri

    try:
        image_uri(catalog.root, "satker.logo", name)
    except SopctlError as exc:
        detail, detail_en = exc.said("id")[0], exc.said("en")[0]
        return [finding(shown, (_line(catalog), 1), "C001", detail=detail, detail_en=detail_en)]
    return []


def _line(catalog: Catalog) -> int:
    path = catalog.config.path
    try:
        text = path.read_text(encoding="utf-8-sig") if path else ""
    except (OSError, UnicodeDecodeError):
        return 1
    match = re.search(r"^\s*logo\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1
