"""Every SOP file's record as list, report and render read them: through lint's per-file
cache, so a warm cache answers without parsing any file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sopctl.catalog.folder import Catalog
from sopctl.catalog.shown import Shower
from sopctl.lint.scan import FileRecord


def catalog_records(
    catalog: Catalog, files: Sequence[Path], today: dt.date, *, use_cache: bool = True
) -> list[FileRecord]:
    """The record of each file (absolute paths), shown relative to the working folder."""
    from sopctl.lint.records import read_records

    shown = Shower()
    return read_records(catalog, [(p, shown(p)) for p in files], today, use_cache=use_cache)
