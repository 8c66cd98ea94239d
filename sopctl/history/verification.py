"""`sopctl verifikasi`: is a printed SOP the catalog's current version, an older one, or
unknown? It compares the printed content digest (`sopctl.sop.digest`) with the catalog's
SOPs and, in a git repository, with every committed version of them. This shows which version
was printed; it is not an electronic signature (TTE) and proves nothing about who signed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from sopctl.catalog.folder import Catalog, sop_files
from sopctl.errors import UsageError
from sopctl.history import git
from sopctl.sop.digest import DIGEST, content_digest
from sopctl.sop.loader import load_sop
from sopctl.sop.model import Sop
from sopctl.sop.yamlio import parse_text
from sopctl.text.phrases import ui

Verdict = Literal["cocok", "kedaluwarsa", "tidak-dikenal"]
_PRINTED = re.compile(r"Kode verifikasi\s*([0-9a-f]{16})")


@dataclass(frozen=True)
class Finding:
    """What one printed code is: the SOP it names now, and when its version was committed."""

    digest: str
    verdict: Verdict
    nomor: str = ""
    nama: str = ""
    path: str = ""
    committed: dt.date | None = None  # the commit of an older version, when found


def codes_in(source: str, lang: str = "id") -> list[str]:
    """The digests `source` names: a PDF file's printed codes, or a digest or QR text."""
    path = Path(source)
    if path.suffix.lower() == ".pdf":
        return _codes_in_pdf(path, lang)
    found = DIGEST.findall(source.strip().lower())
    if not found:
        raise UsageError(ui("verify_not_code", lang, value=source), hint=ui("verify_hint", lang))
    return list(dict.fromkeys(found))


def _codes_in_pdf(path: Path, lang: str) -> list[str]:
    try:
        import pypdf
    except ImportError as exc:
        raise UsageError(ui("verify_no_pypdf", lang), hint='pip install "sopctl[pdf]"') from exc
    try:
        reader = pypdf.PdfReader(path)
        text = " ".join(page.extract_text() or "" for page in reader.pages)
    except (OSError, pypdf.errors.PdfReadError) as exc:
        raise UsageError(ui("verify_unreadable", lang, path=path, detail=exc)) from exc
    found = _PRINTED.findall(" ".join(text.split()))
    if not found:
        raise UsageError(ui("verify_none_in_pdf", lang, path=path), hint=ui("verify_hint", lang))
    return list(dict.fromkeys(found))


def verify(catalog: Catalog, digests: Sequence[str]) -> list[Finding]:
    """A verdict for each digest, in order."""
    current: dict[str, tuple[Sop, str]] = {}
    for path in sop_files(catalog.root):
        sop = load_sop(path, catalog.relative(path), catalog.root).sop
        if sop is not None:
            current.setdefault(content_digest(sop), (sop, catalog.relative(path)))
    wanted = [d for d in digests if d not in current]
    older = _older_versions(catalog, wanted) if wanted else {}
    found = []
    for digest in digests:
        if digest in current:
            sop, shown = current[digest]
            found.append(Finding(digest, "cocok", sop.nomor or "-", sop.nama, shown))
        elif digest in older:
            sop, shown, day = older[digest]
            found.append(Finding(digest, "kedaluwarsa", sop.nomor or "-", sop.nama, shown, day))
        else:
            found.append(Finding(digest, "tidak-dikenal"))
    return found


def _older_versions(catalog: Catalog, wanted: Iterable[str]) -> dict[str, tuple[Sop, str, dt.date]]:
    """Digest -> (SOP, file, commit date) of every committed version of the catalog's SOP
    files, newest first; nothing outside a git repository."""
    sought = set(wanted)
    try:
        top = git.top_level(catalog.root)
        under = catalog.root.resolve().relative_to(top).as_posix()
        commits = git.log(top, "--", under)
    except (git.GitError, ValueError):
        return {}
    specs = {
        f"{c.hash}:{change.path}": (c, change.path)
        for c in commits
        for change in c.files
        if change.status != "D" and change.path.endswith((".yaml", ".yml"))
    }
    texts = git.read_blobs(top, list(specs))
    found: dict[str, tuple[Sop, str, dt.date]] = {}
    for spec, (commit, path) in specs.items():
        sop = _sop(texts.get(spec))
        if sop is None:
            continue
        digest = content_digest(sop)
        if digest in sought and digest not in found:
            found[digest] = (sop, _shown(top, catalog, path), commit.date)
    return found


def _sop(text: str | None) -> Sop | None:
    if text is None:
        return None
    try:
        return Sop.model_validate(parse_text(text.removeprefix("\ufeff")).data)
    except (ValidationError, ValueError, TypeError):
        return None


def _shown(top: Path, catalog: Catalog, path: str) -> str:
    try:
        return (top / path).relative_to(catalog.root.resolve()).as_posix()
    except ValueError:
        return path
