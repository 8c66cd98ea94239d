"""Printing HTML to PDF with WeasyPrint, an optional dependency with system libraries."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from sopctl.errors import SopctlError
from sopctl.text.phrases import phrase

INSTALL_HINT = phrase("pdf_install_hint")


class PdfEngineMissing(SopctlError):
    """WeasyPrint or the Pango library under it cannot be loaded."""


def write_pdf(html: str, target: Path) -> None:
    """Print `html` (self-contained) to `target` atomically."""
    document = _weasyprint().HTML(string=html, base_url=str(target.parent))
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(descriptor)
    try:
        document.write_pdf(temp_name)
        os.chmod(temp_name, 0o644)  # mkstemp's 0600 would hide the file from colleagues
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_pdfs(jobs: Sequence[tuple[str, Path]]) -> None:
    """Print each (html, target) as `write_pdf` does, one process per core when there are
    several (each process holds one SOP's layout at a time)."""
    from sopctl.lint.scan import default_workers

    workers = min(default_workers(), len(jobs))
    if workers < 2:
        for html, target in jobs:
            write_pdf(html, target)
        return
    _weasyprint()  # a missing engine is said here, once, not by each worker
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for _ in pool.map(write_pdf, *zip(*jobs, strict=True)):
            pass


def render(html: str, base_url: str) -> Any:
    """WeasyPrint's layout of `html` (a `weasyprint.Document`)."""
    return _weasyprint().HTML(string=html, base_url=base_url).render()


def print_part(
    html: str, base_url: str, path: str, anchors: Sequence[str]
) -> tuple[str, list[int], int]:
    """Print `html` to the file `path` (run in a worker process); the page index where each
    of `anchors` starts, and the number of pages."""
    document = render(html, base_url)
    first: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            first.setdefault(name, index)
    document.write_pdf(path)
    return path, [first[anchor] for anchor in anchors], len(document.pages)


def _weasyprint() -> Any:
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError as exc:
        raise PdfEngineMissing(phrase("pdf_missing"), hint=INSTALL_HINT) from exc
    except OSError as exc:  # the Python package is there, its system libraries are not
        raise PdfEngineMissing(phrase("pdf_libraries", detail=exc), hint=INSTALL_HINT) from exc
    return weasyprint
