"""Reading one SOP file into a checked model, turning every problem into a finding."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from sopctl.catalog.names import suggest
from sopctl.lint.findings import Finding, finding
from sopctl.sop.model import Sop, model_at
from sopctl.sop.yamlio import Document, read_file
from sopctl.text.validation import describe


@dataclass(frozen=True)
class Loaded:
    """One SOP file as read: its display path, the parsed document, the model if valid."""

    path: Path
    shown: str
    doc: Document
    sop: Sop | None
    findings: tuple[Finding, ...]


def load_sop(path: Path, shown: str, root: Path | None = None) -> Loaded:
    """Read, parse and validate `path`; never raises for bad content."""
    if root is not None and path.is_symlink() and not inside(path, root):
        doc = Document(data=None, problems=[], value_marks={}, key_marks={}, comments=[])
        return Loaded(path, shown, doc, None, (finding(shown, (1, 1), "Y009"),))
    doc = read_file(path)
    found = [finding(shown, (p.line, p.column), p.code, detail=p.detail) for p in doc.problems]
    sop = None
    if isinstance(doc.data, dict):
        try:
            sop = Sop.model_validate(doc.data)
        except ValidationError as exc:
            said = {(f.line, f.column) for f in found}  # e.g. Y007 already names a bad date
            found.extend(
                f for f in schema_findings(exc, doc, shown) if (f.line, f.column) not in said
            )
    return Loaded(path, shown, doc, sop, tuple(found))


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, symlinks followed, lies inside `root`."""
    try:  # realpath, not resolve: a symlink loop is an unreadable file (Y008), not a crash
        Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
    except (ValueError, OSError):
        return False
    return True


def schema_findings(exc: ValidationError, doc: Document, shown: str) -> list[Finding]:
    """pydantic's errors as S-findings at the exact key or value they concern."""
    return [_schema_finding(error, doc, shown) for error in exc.errors(include_url=False)]


def _schema_finding(error: ErrorDetails, doc: Document, shown: str) -> Finding:
    loc = tuple(error["loc"])
    dotted = dotted_path(loc)
    if error["type"] == "extra_forbidden":
        model = model_at(loc[:-1])
        close = suggest(str(loc[-1]), model.model_fields if model else []) or ""
        return finding(shown, doc.locate(loc, key=True), "S001", key=dotted, close=close)
    if error["type"] == "missing":
        return finding(shown, doc.locate(loc[:-1], key=True), "S002", key=dotted)
    at = doc.locate(loc)
    return finding(shown, at, "S003", key=dotted, detail=describe(error), detail_en=error["msg"])


def dotted_path(loc: tuple[Any, ...]) -> str:
    """A data path as users read it: `langkah[2].mutu_baku.waktu` (steps counted from 1)."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
