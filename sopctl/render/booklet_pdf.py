"""Printing the Dokumen SOP to PDF in parts, one process per core, merged with pypdf into one
file whose page numbers, "dari N" and daftar isi read as those of a print in one piece.

WeasyPrint's time grows faster than the pages it lays out, and so does its memory: a part of a
few SOPs prints far faster than its share of the whole, and holds only that much at a time.
Page numbers must be known before a part is laid out, so they come from the page plan: each
SOP takes its identity page and its planned procedure pages. Each part reports the pages its
SOPs really took and the front matter its own length; when any of them differs (a long Dasar
Hukum spilling onto a second page), everything is printed again with the numbers now known.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from sopctl.catalog.folder import Catalog
from sopctl.render.booklet import Part, Section, booklet_html
from sopctl.render.pdf import engine, render, replacing, write_pdf
from sopctl.sop.model import Sop

PART_SOPS = 8  # SOPs in a part at most; a booklet of no more is printed in one piece
TRIES = 3  # numberings tried before the booklet is printed in one piece
PT = 0.75  # PDF points in a CSS pixel

Link = tuple[int, tuple[float, float, float, float], str]  # page, rectangle (pt), anchor


@dataclass(frozen=True)
class Printed:
    """A part printed to `path`: the page (from 0) where each of its anchors starts, its page
    count, and its links to anchors printed in other parts."""

    path: str
    starts: list[int]
    pages: int
    links: list[Link]


def print_booklet(
    catalog: Catalog,
    sections: Sequence[Section],
    stamp: tuple[dt.date, str, Sequence[Sop]],
    target: Path,
) -> None:
    """Print the booklet of `sections` (`stamp`: the print date, the commit and every SOP of
    the catalog, for the Keputusan) to `target`, atomically."""
    today, commit, everything = stamp

    def html(chosen: Sequence[Section], part: Part | None = None) -> str:
        return booklet_html(catalog, chosen, today, commit, everything, part)

    entries = [entry for section in sections for entry in section.entries]
    engine()  # a missing PDF engine is said here, not from inside a worker
    if len(entries) <= PART_SOPS or not _has_pypdf():
        write_pdf(html(sections), target, catalog.root)
        return
    root = str(catalog.root)
    anchors = [entry.anchor for entry in entries]
    counts = [1 + len(entry.doc.pages) for entry in entries]  # identity page, procedure pages
    position = {anchor: index for index, anchor in enumerate(anchors)}
    parts = list(_parts(sections, PART_SOPS))
    front_pages = len(render(html(sections, _front(anchors, counts, 1)), catalog.root).pages)
    with (
        tempfile.TemporaryDirectory(dir=target.parent, prefix=".sopctl-buku-") as temp,
        ProcessPoolExecutor(max_workers=_cores(len(parts) + 1)) as pool,
    ):
        for _ in range(TRIES):
            front = _front(anchors, counts, front_pages)
            total = front.total
            jobs: list[Future[Printed]] = [
                pool.submit(print_part, html(sections, front), root, str(Path(temp, "0.pdf")), [])
            ]
            first = front_pages + 1
            for index, part in enumerate(parts, start=1):
                names = [entry.anchor for section in part for entry in section.entries]
                spec = Part("body", first_page=first, total=total)
                path = str(Path(temp, f"{index}.pdf"))
                jobs.append(pool.submit(print_part, html(part, spec), root, path, names))
                first += sum(counts[position[name]] for name in names)
            printed = [job.result() for job in jobs]
            taken = [n for part in printed[1:] for n in _taken(part)]
            if printed[0].pages == front_pages and taken == counts:
                _merge(printed, front.numbers or {}, target)
                return
            front_pages, counts = printed[0].pages, taken
    write_pdf(html(sections), target, catalog.root)  # pragma: no cover - numbers never settled


def print_part(html: str, root: str, path: str, anchors: Sequence[str]) -> Printed:
    """Print one part (in a worker process) to `path`; where its `anchors` start."""
    document = render(html, Path(root))
    found: dict[str, int] = {}
    links: list[Link] = []
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            found.setdefault(name, index)
        for kind, anchor, (left, top, right, bottom), _ in page.links:
            if kind == "internal":  # PDF's y grows upwards from the foot of the page
                box = (left * PT, (page.height - bottom) * PT, right * PT, (page.height - top) * PT)
                links.append((index, box, anchor))
    document.write_pdf(path)
    here = [link for link in links if link[2] not in found]  # WeasyPrint drew the others
    return Printed(path, [found[name] for name in anchors], len(document.pages), here)


def _front(anchors: Sequence[str], counts: Sequence[int], pages: int) -> Part:
    """The front matter when it takes `pages` pages and the SOPs `counts` pages each."""
    numbers, page = {}, pages + 1
    for anchor, count in zip(anchors, counts, strict=True):
        numbers[anchor] = page
        page += count
    return Part("front", total=page - 1, numbers=numbers)


def _taken(part: Printed) -> list[int]:
    """The pages each SOP of a printed part took."""
    ends = [*part.starts[1:], part.pages]
    return [end - start for start, end in zip(part.starts, ends, strict=True)]


def _parts(sections: Sequence[Section], size: int) -> Iterator[list[Section]]:
    """The SOPs in order, `size` at a time, each part keeping its SOPs' sections."""
    part: list[Section] = []
    room = size
    for section in sections:
        entries = section.entries
        while entries:
            if room == 0:
                yield part
                part, room = [], size
            taken, entries = entries[:room], entries[room:]
            part.append(replace(section, entries=taken))
            room -= len(taken)
    yield part


def _merge(printed: Sequence[Printed], numbers: dict[str, int], target: Path) -> None:
    """One PDF of the printed parts in order at `target`, with the front matter's links to
    the pages where the SOPs start (`numbers`, counted from 1)."""
    import pypdf
    from pypdf.annotations import Link as LinkAnnotation

    writer = pypdf.PdfWriter()
    first = pypdf.PdfReader(printed[0].path)
    if first.metadata:
        writer.add_metadata({key: str(value) for key, value in first.metadata.items()})
    for part in printed:
        writer.append(part.path, import_outline=True)
    for page, box, anchor in printed[0].links:
        if anchor in numbers:
            writer.add_annotation(
                page, LinkAnnotation(rect=box, target_page_index=numbers[anchor] - 1)
            )
    with replacing(target) as temp_name:
        writer.write(temp_name)


def _has_pypdf() -> bool:
    try:
        import pypdf  # noqa: F401
    except ImportError:
        return False
    return True


def _cores(jobs: int) -> int:
    from sopctl.lint.scan import default_workers

    return max(1, min(jobs, default_workers()))
