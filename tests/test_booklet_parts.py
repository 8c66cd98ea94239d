"""The booklet PDF printed in parts, one process per core: the same pages as a print in one
piece, page numbers and daftar isi links included, even when the page plan was wrong."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import PDF_ENGINE, SAMPLE, Make, needed, valid_sop
from helpers import sopctl

from sopctl.catalog.folder import open_catalog
from sopctl.render import booklet_pdf
from sopctl.render.booklet import Filters, booklet_html, select
from sopctl.render.files import catalog_sops, load_sources
from sopctl.render.pdf import write_pdf

TODAY = dt.date(2025, 11, 26)


def both_prints(root: Path, tmp: Path) -> tuple[list[str], list[str], Any]:
    """The booklet of `root` printed in one piece and in parts: each page's text, and the
    parts' PDF read by pypdf."""
    pypdf = pytest.importorskip("pypdf")
    needed("weasyprint", PDF_ENGINE)
    catalog = open_catalog(root)
    everything = catalog_sops(catalog)
    sections = select(catalog, load_sources(catalog, []), Filters())
    assert sum(len(s.entries) for s in sections) > booklet_pdf.PART_SOPS  # so it is cut
    whole, parts = tmp / "utuh.pdf", tmp / "bagian.pdf"
    write_pdf(booklet_html(catalog, sections, TODAY, "abc1234", everything), whole, root)
    booklet_pdf.print_booklet(catalog, sections, (TODAY, "abc1234", everything), parts)
    reader = pypdf.PdfReader(parts)
    return _texts(pypdf.PdfReader(whole)), _texts(reader), reader


def _texts(reader: Any) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str], Any]:
    root = tmp_path_factory.mktemp("katalog") / "sops"
    shutil.copytree(SAMPLE, root)  # outside git: the footer's commit is the one given
    return both_prints(root, tmp_path_factory.mktemp("buku"))


def test_parts_print_the_same_pages_as_one_piece(sample: tuple[list[str], list[str], Any]) -> None:
    whole, parts, _ = sample
    assert len(parts) == len(whole) > 60
    assert parts == whole
    total = len(parts)
    numbered = [int(m.group(1)) for p in parts if (m := re.search(r"Halaman (\d+) dari", p))]
    assert numbered == list(range(2, total + 1))  # the cover carries no number
    assert all(f"dari {total}" in page for page in parts[1:])


def test_daftar_isi_links_of_the_parts_lead_to_each_sop(
    sample: tuple[list[str], list[str], Any],
) -> None:
    _, parts, reader = sample
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    targets = []
    for page in reader.pages[:8]:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") != "/Link" or "/Dest" not in link:
                continue
            dest = link["/Dest"].get_object()
            if isinstance(dest, str):  # WeasyPrint's own link, to a page of the front matter
                targets.append(reader.get_destination_page_number(reader.named_destinations[dest]))
            else:  # added by the merge: [page /Fit]
                targets.append(pages[dest[0].idnum])
    starts = [i for i, page in enumerate(parts) if "Tanggal Pembuatan" in page]
    assert len(starts) == 25
    assert set(starts) <= set(targets)  # every SOP is linked from the daftar isi
    assert "PENJELASAN SINGKAT PENGGUNAAN" in " ".join(parts[i] for i in targets)


def test_a_plan_that_was_wrong_is_printed_again_with_the_real_numbers(
    make_catalog: Make, tmp_path: Path
) -> None:
    """An identity page that spills (a very long Dasar Hukum) takes a page the plan did not
    count: the parts are printed again, so every later page number and "dari N" still hold."""
    law = "".join(
        f"  - Peraturan Komisi Pemilihan Umum Nomor {n} Tahun 2023 tentang Tata Kerja Komisi "
        "Pemilihan Umum, Komisi Pemilihan Umum Provinsi dan Komisi Pemilihan Umum Kabupaten\n"
        for n in range(1, 40)
    )
    files = {}
    for n in range(1, 11):
        changes = {"001/": f"{n:03d}/", "Pegawai": f"Pegawai Tahap {n}"}
        if n == 2:
            changes["  - Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara\n"] = law
        files[f"sdm/duk-{n}.yaml"] = valid_sop(**changes)
    root = make_catalog(files)
    whole, parts, _ = both_prints(root, tmp_path)
    catalog = open_catalog(root)
    planned = sum(
        1 + len(e.doc.pages)
        for s in select(catalog, load_sources(catalog, []), Filters())
        for e in s.entries
    )
    front = next(i for i, page in enumerate(parts) if "Tanggal Pembuatan" in page)
    assert len(parts) > front + planned  # the plan was one page short
    assert parts == whole
    assert f"Halaman {len(parts)} dari {len(parts)}" in parts[-1]


def test_cli_booklet_in_parts_refuses_a_template_fetching_outside(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A template from a pull request that makes the printer read a file outside the
    catalog stops the print in the worker that meets it, and no booklet is written."""
    needed("weasyprint", PDF_ENGINE)
    secret = tmp_path / "rahasia.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    builtin = (Path(__file__).parent.parent / "templates" / "_riwayat.html.j2").read_text("utf-8")
    spying = f'<img src="{secret.as_uri()}">' + builtin
    files = {f"sdm/duk-{n}.yaml": valid_sop(**{"001/": f"{n:03d}/"}) for n in range(1, 11)}
    root = make_catalog({**files, "templates/_riwayat.html.j2": spying})
    result = sopctl(capsys, "booklet", ".", "-o", "buku.pdf", cwd=root)
    assert result.code == 2, result.err
    assert secret.as_uri() in result.err
    assert "Traceback" not in result.err
    assert not (root / "buku.pdf").exists()
    assert not list(root.glob(".sopctl-buku-*")) and not list(root.glob(".buku.pdf.*"))
