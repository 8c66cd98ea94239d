"""`sopctl booklet`: the Buku SOP of the sample catalog, in HTML and PDF, read back."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import PDF_ENGINE, SAMPLE, Make, git, needed, valid_sop
from helpers import sopctl
from typer.testing import CliRunner

from sopctl.catalog.folder import open_catalog
from sopctl.cli import app
from sopctl.errors import UsageError
from sopctl.render.booklet import Filters, Section, booklet_html, css_string, select, write_booklet
from sopctl.render.files import load_sources

TODAY = dt.date(2025, 11, 26)


def sections_of(filters: Filters | None = None, root: Path = SAMPLE) -> list[Section]:
    catalog = open_catalog(root)
    return select(catalog, load_sources(catalog, []), filters or Filters())


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The whole sample booklet: HTML, then the PDF printed from it by WeasyPrint, timed."""
    weasyprint = needed("weasyprint", PDF_ENGINE)
    pypdf = pytest.importorskip("pypdf")
    # a copy outside git: the footer's commit is the one given here
    root = tmp_path_factory.mktemp("katalog") / "sops"
    shutil.copytree(SAMPLE, root)
    catalog = open_catalog(root)
    started = time.perf_counter()
    sections = sections_of(root=root)
    html = booklet_html(catalog, sections, TODAY, "abc1234")
    html_seconds = time.perf_counter() - started
    document = weasyprint.HTML(string=html).render()
    target = tmp_path_factory.mktemp("buku") / "buku-sop.pdf"
    document.write_pdf(target)
    pdf_seconds = time.perf_counter() - started
    print(f"\nbooklet of {SAMPLE.name}: HTML {html_seconds:.2f} s, PDF {pdf_seconds:.1f} s")
    reader = pypdf.PdfReader(target)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    return {"sections": sections, "document": document, "pages": pages, "fonts": fonts}


def test_the_booklet_is_printed_with_the_bundled_font_only(printed: dict[str, Any]) -> None:
    """The page plan measures text with the Liberation Sans sopctl ships: a system font in
    the PDF would mean the print depends on the machine again."""
    assert printed["fonts"]
    other = {f for f in printed["fonts"] if not re.sub(r"\W", "", f).startswith("LiberationSans")}
    assert not other


def front(pages: list[str]) -> int:
    """The index of the first SOP page: everything before it is the front matter."""
    return next(i for i, p in enumerate(pages) if "Tanggal Pembuatan" in p)


def test_pdf_is_the_dokumen_sop_of_the_permen(printed: dict[str, Any]) -> None:
    pages: list[str] = printed["pages"]
    cover = pages[0]
    assert "STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN" in cover
    assert "SEKRETARIAT KOMISI PEMILIHAN UMUM PROVINSI JAWA TIMUR" in cover
    assert "Jl. Tenggilis Mejoyo" in cover
    assert "TAHUN 2023" in cover  # the year of the latest Keputusan
    assert "Halaman" not in cover and "commit" not in cover and "abc1234" not in cover
    matter = " ".join(pages[1 : front(pages)])
    decree = matter[: matter.index("LAMPIRAN")]
    for part in (
        "KEPUTUSAN SEKRETARIS KOMISI PEMILIHAN UMUM PROVINSI JAWA TIMUR",
        "NOMOR 27 TAHUN 2022",
        "TENTANG",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN:",
        "Menetapkan",
        "KESATU",
        "KETIGA",
        "Ditetapkan di Surabaya",
        "pada tanggal 31 Maret 2022",
        "Drs. Hendro Wicaksono, M.Si.",
    ):
        assert part in decree, part
    assert decree.index("Menimbang") < decree.index("Mengingat") < decree.index("MEMUTUSKAN")
    assert matter.count("LAMPIRAN") == 3  # 27/2022, 52/2022 and 41/2023
    assert "NOMOR 41 TAHUN 2023" in matter and "002/SOP/UL/KPU-Prov-35/2023" in matter
    assert "DAFTAR ISI" in matter and "PENJELASAN SINGKAT PENGGUNAAN" in matter
    for heading in ("Ruang Lingkup", "Ringkasan", "Definisi"):
        assert heading in matter
    assert "abc1234" not in matter and "Dicetak" not in matter


def test_no_draft_by_default_and_no_commit_outside_the_footer(printed: dict[str, Any]) -> None:
    pages: list[str] = printed["pages"]
    docs = [e.doc for s in printed["sections"] for e in s.entries]
    assert len(docs) == 25 and all(d.sop.status == "ditetapkan" for d in docs)
    assert not any("DRAF" in page for page in pages)
    for page in pages[front(pages) :]:
        # the control line is the page's last words but the page number
        assert page.count("abc1234") == 1
        assert re.search(r"Dicetak 26 November 2025 · commit abc1234 Halaman \d+ dari \d+$", page)
    for word in ("Sample catalog", "maintainers", "Author", "Changes"):
        assert not any(word in page for page in pages), word


def test_daftar_isi_page_numbers_lead_to_each_sop(printed: dict[str, Any]) -> None:
    pages: list[str] = printed["pages"]
    sections: list[Section] = printed["sections"]
    toc = " ".join(pages[: front(pages)])
    toc = toc[toc.index("DAFTAR ISI") : toc.index("PENJELASAN SINGKAT PENGGUNAAN 1.")]
    for section in sections:
        assert section.unit.upper() in toc
    first_pages = []
    for entry in (e for s in sections for e in s.entries):
        doc = entry.doc
        # a long title wraps on the upright page: the leader and page number follow it
        found = re.search(re.escape(f"{doc.nomor} — ") + r"[^—]{0,200}?\.+ ?(\d+)\b", toc)
        assert found, f"{doc.nomor} missing from the daftar isi"
        number = int(found.group(1))
        page = pages[number - 1]
        assert doc.nomor in page and "Nomor SOP" in page, f"page {number} is not {doc.nomor}"
        assert "".join(doc.sop.nama.upper().split()) in "".join(page.upper().split())
        first_pages.append(number)
    assert first_pages == sorted(first_pages)
    found = re.search(r"Penjelasan Singkat Penggunaan[ .]*?(\d+)\b", toc)
    assert found and "PENJELASAN SINGKAT PENGGUNAAN" in pages[int(found.group(1)) - 1]


def test_page_count_matches_the_planned_pages(printed: dict[str, Any]) -> None:
    """Per SOP one identity page and its procedure pages, the Riwayat Revisi under the last
    one: a procedure page that overflowed would add a page and break this count."""
    pages: list[str] = printed["pages"]
    docs = [e.doc for s in printed["sections"] for e in s.entries]
    assert len(pages) == front(pages) + sum(1 + len(doc.pages) for doc in docs)
    assert f"Halaman {len(pages)} dari {len(pages)}" in pages[-1]
    assert all("Riwayat Revisi" in page for page in pages if page.startswith("Riwayat"))


def test_pdf_engine_keeps_every_row_at_its_planned_height(printed: dict[str, Any]) -> None:
    """The flowchart is drawn for fixed row heights; WeasyPrint must not stretch any row.

    Reads WeasyPrint's layout tree, an internal API: may need care on WeasyPrint upgrades.
    """
    stretched = []
    rows = 0
    for page in printed["document"].pages:
        for box in _walk(page._page_box):
            element: Any = getattr(box, "element", None)
            style = element.get("style", "") if element is not None else ""
            if type(box).__name__ == "TableRowBox" and style.startswith("height:"):
                rows += 1
                planned = float(style.split(":")[1].strip().removesuffix("px"))
                if abs(box.height - planned) > 0.5:
                    stretched.append((element.get("data-step"), planned, box.height))
    assert rows > 200
    assert stretched == []


def _walk(box: Any) -> list[Any]:
    found = [box]
    for child in getattr(box, "children", None) or []:
        found += _walk(child)
    return found


def test_filters_by_unit_area_and_status() -> None:
    sdm = sections_of(Filters(units=("Subbag SDM",)))
    assert [s.unit for s in sdm] == ["Subbagian Sumber Daya Manusia"]
    assert all(e.doc.sop.unit == "sdm" for e in sdm[0].entries)
    areas = sections_of(Filters(areas=("pelayanan-publik",)))
    assert {e.doc.sop.area_rb for s in areas for e in s.entries} == {"pelayanan-publik"}
    drafts = sections_of(Filters(statuses=("draf",)))
    assert all(e.doc.sop.status == "draf" for s in drafts for e in s.entries)
    with pytest.raises(UsageError, match="unit `sdmm` tidak dikenal") as caught:
        sections_of(Filters(units=("sdmm",)))
    assert "sdm" in caught.value.said("id")[1]


def test_html_booklet_links_the_daftar_isi_to_each_sop(tmp_path: Path) -> None:
    target = tmp_path / "buku.html"
    count = write_booklet(open_catalog(SAMPLE), [], Filters(), target, TODAY)
    html = target.read_text(encoding="utf-8")
    anchors = re.findall(r'<a class="entri" href="#([^"]+)"', html)
    assert len(anchors) == count + 4 and count == 25  # + 3 Keputusan and the penjelasan
    for name in anchors:
        assert f'id="{name}"' in html
    assert "<script" not in html


def test_commit_and_print_date_in_the_footer_inside_git(
    make_catalog: Make, tmp_path: Path, git_env: dict[str, str]
) -> None:
    root = make_catalog({"sops/x.yaml": valid_sop()})
    plain = write_and_read(root, tmp_path / "luar.html")
    assert "Dicetak 26 November 2025" in plain and "commit" not in plain
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "awal")
    head = git(root, "rev-parse", "--short", "HEAD").strip()
    assert f"commit {head}" in write_and_read(root, tmp_path / "dalam.html")


def write_and_read(root: Path, target: Path) -> str:
    write_booklet(open_catalog(root), [], Filters(), target, TODAY)
    return target.read_text(encoding="utf-8")


def test_css_strings_cannot_escape() -> None:
    assert css_string('a"b</style>') == '"a\\22 b\\3c \\2f style\\3e "'


def test_cli_booklet_pdf(make_catalog: Make, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    needed("weasyprint", PDF_ENGINE)
    root = make_catalog({"sops/x.yaml": valid_sop()})
    target = tmp_path / "buku.pdf"
    result = CliRunner().invoke(app, ["booklet", str(root), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Buku SOP (1 SOP) ditulis" in result.output
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "DAFTAR ISI" in text and "001/SOP/SDM/KPU-Prov-35/2022" in text


def test_cli_booklet_rejects_other_suffixes(
    make_catalog: Make, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sops/x.yaml": valid_sop()})
    result = sopctl(capsys, "booklet", str(root), "-o", str(tmp_path / "buku.odt"))
    assert result.code == 2
    assert "harus .html, .pdf atau .docx" in result.err and "Traceback" not in result.err
    assert not (tmp_path / "buku.odt").exists()


def test_cli_booklet_unknown_unit_suggests_one(
    make_catalog: Make, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sops/x.yaml": valid_sop()})
    result = sopctl(capsys, "booklet", str(root), "--unit", "sdmm", "-o", str(tmp_path / "b.html"))
    assert result.code == 2
    assert "unit `sdmm` tidak dikenal" in result.err and "saran: maksud Anda `sdm`?" in result.err
