"""Printing the Buku SOP to PDF on every core: its SOPs in parts, one process per core, merged
with pypdf into one file whose daftar isi, page numbers and links read as one print's.

A part is a few SOPs, so each process holds only that much of WeasyPrint's layout at a time.
Parts are numbered before they are printed, from the pages each SOP is planned to take (its
identity page and its procedure pages); each part reports the pages its SOPs really took, and
when some SOP took another number of pages (a long Dasar Hukum, a Riwayat Revisi table), the
booklet is printed again with the numbers now known. Without pypdf, or on one core, the
booklet is printed in one piece.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sopctl.catalog.folder import Catalog
from sopctl.render.booklet import Part, Section, booklet_html
from sopctl.render.pdf import print_part, write_pdf

PART_SOPS = 8  # SOPs per part at most: what one process holds of the layout at a time
PARALLEL_FROM = 6  # SOPs; fewer are printed in one piece
TRIES = 3  # numberings tried before printing in one piece
PX = 0.75  # PDF points in a CSS pixel


@dataclass(frozen=True)
class _Printed:
    """A part printed to `path`: the page where each of its SOPs starts, and its pages."""

    path: str
    starts: list[int]
    pages: int


def print_booklet(
    catalog: Catalog, sections: Sequence[Section], today: dt.date, commit: str, target: Path
) -> None:
    """Print the booklet of `sections` to `target` (atomically), across processes when it
    pays and pypdf is there to merge the parts."""
    entries = [entry for section in sections for entry in section.entries]
    workers = _cores()
    if workers < 2 or len(entries) < PARALLEL_FROM or not _has_pypdf():
        write_pdf(booklet_html(catalog, sections, today, commit), target)
        return
    parts = _parts(sections, max(1, min(PART_SOPS, -(-len(entries) // (2 * workers)))))
    counts = [1 + len(entry.doc.pages) for entry in entries]  # identity page, procedure pages
    with (
        tempfile.TemporaryDirectory(dir=target.parent, prefix=".sopctl-buku-") as temp,
        ProcessPoolExecutor(max_workers=workers) as pool,
    ):
        front = _Front(catalog, sections, today, commit, Path(temp), str(target.parent))
        for _ in range(TRIES):
            numbers = front.settle(counts)
            total = front.pages + sum(counts)
            jobs, first = [], front.pages + 1
            for index, part in enumerate(parts):
                anchors = [entry.anchor for s in part for entry in s.entries]
                spec = Part("body", first_page=first, total=total)
                html = booklet_html(catalog, part, today, commit, spec)
                path = str(Path(temp) / f"bagian-{index:04d}.pdf")
                jobs.append(pool.submit(print_part, html, str(target.parent), path, anchors))
                first += sum(numbers_of(counts, entries, anchors))
            printed = [_Printed(*job.result()) for job in jobs]
            taken = [n for part in printed for n in _taken(part)]
            if taken == counts and front.fits(numbers, total):
                paths = [front.path, *(part.path for part in printed)]
                _merge(paths, front.links, numbers, target)
                return
            counts = taken
    write_pdf(booklet_html(catalog, sections, today, commit), target)  # pragma: no cover


def numbers_of(counts: Sequence[int], entries: Sequence[Any], anchors: Sequence[str]) -> list[int]:
    """The planned pages of the SOPs with `anchors`."""
    index = {entry.anchor: position for position, entry in enumerate(entries)}
    return [counts[index[anchor]] for anchor in anchors]


def _taken(part: _Printed) -> list[int]:
    """The pages each SOP of a printed part took."""
    ends = [*part.starts[1:], part.pages]
    return [end - start for start, end in zip(part.starts, ends, strict=True)]


def _parts(sections: Sequence[Section], size: int) -> list[list[Section]]:
    """The SOPs in order, `size` at a time, each part keeping its SOPs' sections."""
    parts: list[list[Section]] = [[]]
    room = size
    for section in sections:
        entries = list(section.entries)
        while entries:
            if room == 0:
                parts.append([])
                room = size
            taken, entries = entries[:room], entries[room:]
            parts[-1].append(replace(section, entries=tuple(taken)))
            room -= len(taken)
    return parts


class _Front:
    """The cover, penetapan and daftar isi, printed in this process with the page numbers of
    the SOPs; `pages` is how many pages they take."""

    def __init__(
        self,
        catalog: Catalog,
        sections: Sequence[Section],
        today: dt.date,
        commit: str,
        temp: Path,
        base_url: str,
    ) -> None:
        self.catalog, self.sections, self.today, self.commit = catalog, sections, today, commit
        self.path, self.base_url = str(temp / "depan.pdf"), base_url
        self.pages = 2 + (1 if catalog.config.buku.nomor_penetapan else 0)  # a first guess
        self.printed: tuple[dict[str, int], int] | None = None  # numbers and total printed
        self.links: list[tuple[int, tuple[float, ...], str]] = []

    def settle(self, counts: Sequence[int]) -> dict[str, int]:
        """Print the front for SOPs taking `counts` pages, until its own length holds; the
        page where each SOP starts, by anchor."""
        for _ in range(TRIES):
            numbers, page = {}, self.pages + 1
            for entry, count in zip(self._entries(), counts, strict=True):
                numbers[entry.anchor] = page
                page += count
            total = page - 1
            spec = Part("front", total=total, numbers=numbers)
            html = booklet_html(self.catalog, self.sections, self.today, self.commit, spec)
            pages, self.links = _print_front(html, self.base_url, self.path)
            self.printed = (numbers, total)
            if pages == self.pages:
                return numbers
            self.pages = pages
        return numbers  # pragma: no cover - `fits` then fails and the whole is printed again

    def fits(self, numbers: dict[str, int], total: int) -> bool:
        """Whether the front was printed with these numbers and this total."""
        return self.printed == (numbers, total)

    def _entries(self) -> list[Any]:
        return [entry for section in self.sections for entry in section.entries]


def _print_front(html: str, base_url: str, path: str) -> tuple[int, list[Any]]:
    """Print the front; its page count and the daftar isi's links: (page, rectangle in PDF
    points, anchor), for pypdf to add once the SOPs' pages are in the same file."""
    from sopctl.render.pdf import render

    document = render(html, base_url)
    links = []
    for index, page in enumerate(document.pages):
        height = page.height
        for kind, target, (x, y, width, high), _ in page.links:
            if kind == "internal":
                box = (x, height - y - high, x + width, height - y)  # PDF's y grows upwards
                links.append((index, tuple(v * PX for v in box), target))
    document.write_pdf(path)
    return len(document.pages), links


def _merge(
    paths: Sequence[str], links: Sequence[Any], starts: dict[str, int], target: Path
) -> None:
    """One PDF of `paths` in order at `target`, with the daftar isi's `links` to the pages
    where their anchors start (`starts`, counted from 1)."""
    import pypdf
    from pypdf.annotations import Link

    writer = pypdf.PdfWriter()
    first = pypdf.PdfReader(paths[0])
    if first.metadata:
        writer.add_metadata({k: str(v) for k, v in first.metadata.items()})
    for path in paths:
        writer.append(path, import_outline=True)
    for page, box, anchor in links:
        if anchor in starts:
            writer.add_annotation(page, Link(rect=box, target_page_index=starts[anchor] - 1))
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            writer.write(handle)
        os.chmod(temp_name, 0o644)  # mkstemp's 0600 would hide the file from colleagues
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _has_pypdf() -> bool:
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return False
    return True


def _cores() -> int:
    from sopctl.lint.scan import default_workers

    return default_workers()
