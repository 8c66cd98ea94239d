"""Printing HTML to PDF with WeasyPrint, an optional dependency with system libraries."""

from __future__ import annotations

import os
import tempfile
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


def _weasyprint() -> Any:
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError as exc:
        raise PdfEngineMissing(phrase("pdf_missing"), hint=INSTALL_HINT) from exc
    except OSError as exc:  # the Python package is there, its system libraries are not
        raise PdfEngineMissing(phrase("pdf_libraries", detail=exc), hint=INSTALL_HINT) from exc
    return weasyprint
