"""Printing HTML to PDF with WeasyPrint, an optional dependency with system libraries."""

from __future__ import annotations

import os
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sopctl.errors import SopctlError, UsageError, phrased
from sopctl.resources import builtin_dir
from sopctl.text.phrases import phrase

INSTALL_HINT = phrase("pdf_install_hint")


class PdfEngineMissing(SopctlError):
    """WeasyPrint or the Pango library under it cannot be loaded."""


def write_pdf(html: str, target: Path, catalog_root: Path) -> None:
    """Print `html` (self-contained) to `target` atomically (see `render`)."""
    with replacing(target) as temp_name:
        render(html, catalog_root).write_pdf(temp_name)


@contextmanager
def replacing(target: Path) -> Iterator[str]:
    """A temporary file beside `target` to write: moved onto `target` when the block ends,
    readable by colleagues (mkstemp gives 0600); removed when the block fails."""
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(descriptor)
    try:
        yield temp_name
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_pdfs(jobs: Iterable[tuple[str, Path]], catalog_root: Path) -> None:
    """Print each (html, target) of `jobs` like `write_pdf`, one process per core; the HTML
    is made as the printers free up, so no more than a few documents are held at a time."""
    from sopctl.lint.scan import default_workers

    engine()  # a missing PDF engine is said here, not from inside a worker
    workers = default_workers()
    if workers < 2:
        for html, target in jobs:
            write_pdf(html, target, catalog_root)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        running: set[Future[None]] = set()
        try:
            for html, target in jobs:
                if len(running) >= 2 * workers:
                    done, running = wait(running, return_when=FIRST_COMPLETED)
                    for job in done:
                        job.result()
                running.add(pool.submit(write_pdf, html, target, catalog_root))
            for job in running:
                job.result()
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise


def render(html: str, catalog_root: Path) -> Any:
    """Lay out `html` as WeasyPrint's document, its pages ready to write.

    WeasyPrint may fetch only `data:` URIs and files inside `catalog_root`, the built-in
    templates or the package: HTML from a catalog's templates must never make the printer
    fetch a URL (SSRF) or read a file elsewhere. A refused fetch stops the print with a clear
    error.
    """
    weasyprint = engine()
    refused: list[str] = []
    package = Path(__file__).resolve().parent.parent  # sopctl itself (its fonts)
    folders = [catalog_root, builtin_dir("templates"), package]
    fetcher = _confined_fetcher(weasyprint, folders, refused)
    source = weasyprint.HTML(string=html, base_url=str(catalog_root), url_fetcher=fetcher)
    document = source.render()
    if refused:
        raise phrased(UsageError, "pdf_fetch_refused", "template_hint", url=refused[0])
    return document


def _confined_fetcher(weasyprint: Any, folders: list[Path], refused: list[str]) -> Any:
    """WeasyPrint's own fetcher, for `data:` and for files inside `folders` only; every other
    URL is noted in `refused` and fails (WeasyPrint then leaves the resource out)."""
    limits = [os.path.join(os.path.realpath(folder), "") for folder in folders]

    def allowed(url: str) -> bool:
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme == "data":
            return True
        if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
            return False
        real = os.path.realpath(urllib.request.url2pathname(parsed.path))
        return any(real.startswith(limit) for limit in limits) and os.path.isfile(real)

    def check(url: str) -> None:
        if not allowed(url):
            refused.append(url)
            raise ValueError(f"refused by sopctl: {url}")

    urls = weasyprint.urls
    if hasattr(urls, "URLFetcher"):  # WeasyPrint 66 and later

        class Confined(urls.URLFetcher):  # type: ignore[misc,name-defined]
            def fetch(self, url: str, headers: Any = None) -> Any:
                check(url)
                return super().fetch(url, headers)

        return Confined(allowed_protocols=("data", "file"), allow_redirects=False)

    def fetch(url: str) -> Any:  # older WeasyPrint: a plain function
        check(url)
        return weasyprint.default_url_fetcher(url)

    return fetch


def engine() -> Any:
    """WeasyPrint, or a clear error saying what to install."""
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError as exc:
        raise PdfEngineMissing(phrase("pdf_missing"), hint=INSTALL_HINT) from exc
    except OSError as exc:  # the Python package is there, its system libraries are not
        raise PdfEngineMissing(phrase("pdf_libraries", detail=exc), hint=INSTALL_HINT) from exc
    return weasyprint
