"""`sopctl render`: golden files, every value printed, the right symbols, escaping, file names."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import PDF_ENGINE, SAMPLE, Make, needed, valid_sop
from typer.testing import CliRunner

from sopctl.catalog.folder import open_catalog, sop_files
from sopctl.cli import app
from sopctl.render.files import render_files
from sopctl.sop.dates import tanggal
from sopctl.sop.flow import symbol
from sopctl.sop.loader import load_sop

GOLDEN = Path(__file__).resolve().parent / "golden"
EMBEDDED_FONT = re.compile(r"data:font/ttf;base64,[A-Za-z0-9+/=]+")
GOLDEN_SOPS = [
    "sdm/penyusunan-daftar-urut-kepangkatan-duk-pegawai.yaml",
    "parmas/sosialisasi-dan-pendidikan-pemilih.yaml",  # a loop back, two pages
]
SVG_NS = "{http://www.w3.org/2000/svg}"


class _Text(HTMLParser):
    """The text a reader sees (entities decoded), whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture(scope="module")
def sample_html(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, str]:
    """The HTML of every sample SOP, by source file (render keeps the catalog's order),
    rendered from a copy outside git so that no Riwayat Revisi table depends on this repo."""
    root = tmp_path_factory.mktemp("katalog") / "sops"
    shutil.copytree(SAMPLE, root)
    written = render_files(open_catalog(root), [], "html", tmp_path_factory.mktemp("html"))
    sources = sop_files(root)
    assert len(written) == len(sources)
    return {src: out.read_text(encoding="utf-8") for src, out in zip(sources, written, strict=True)}


@pytest.mark.parametrize("relative", GOLDEN_SOPS)
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_golden(
    relative: str, fmt: str, sample_copy: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # a copy outside git, so the output does not depend on this repository's history
    catalog = open_catalog(sample_copy)
    out = tmp_path / "out"
    (written,) = render_files(catalog, [sample_copy / relative], fmt, out)  # type: ignore[arg-type]
    expected = GOLDEN / written.name
    # the embedded fonts are the package's own files (test_print_quality checks them): golden
    # files keep a placeholder so that they stay small enough to review
    actual = EMBEDDED_FONT.sub("data:font/ttf;base64,…", written.read_text(encoding="utf-8"))
    update = request.config.getoption("--update-golden") or os.environ.get("SOPCTL_UPDATE_GOLDEN")
    if update:
        expected.write_text(actual, encoding="utf-8", newline="\n")
    assert expected.is_file(), "no golden file yet: run pytest --update-golden and review it"
    assert actual == expected.read_text(encoding="utf-8"), (
        f"{written.name} differs from tests/golden; if intended, run pytest --update-golden"
    )


def test_every_value_of_every_sample_sop_is_printed(sample_html: dict[Path, str]) -> None:
    assert len(sample_html) >= 20
    for path, html in sample_html.items():
        sop = load_sop(path, path.name).sop
        assert sop is not None
        text = visible_text(html)
        headings = text.replace("- ", "")  # actor headings hyphenate long words at line ends
        assert all(" ".join(a.nama.split()) in headings for a in sop.pelaksana), path.name
        expected = [sop.nama]
        for step in sop.langkah:
            expected.append(step.kegiatan)
            expected += [step.keterangan] if step.keterangan else []
            if step.mutu_baku:
                expected += step.mutu_baku.kelengkapan
                expected += [v for v in (step.mutu_baku.waktu, step.mutu_baku.output) if v]
        missing = [value for value in expected if " ".join(value.split()) not in text]
        assert missing == [], f"{path.name}: not printed: {missing}"


def test_the_drawing_has_one_symbol_per_step_of_the_right_shape(
    sample_html: dict[Path, str],
) -> None:
    for path, html in sample_html.items():
        sop = load_sop(path, path.name).sop
        assert sop is not None
        found: dict[int, tuple[str, ET.Element, str]] = {}
        for drawing in re.findall(r"<svg .*?</svg>", html, flags=re.DOTALL):
            for group in ET.fromstring(drawing).iter(f"{SVG_NS}g"):
                if group.get("class") == "simbol":
                    step = int(group.get("data-step", "0"))
                    assert step not in found, f"{path.name}: step {step} drawn twice"
                    found[step] = (
                        group.get("data-shape", ""),
                        group[0],
                        group.get("data-actor", ""),
                    )
        assert sorted(found) == list(range(1, len(sop.langkah) + 1)), path.name
        for number, langkah in enumerate(sop.langkah, start=1):
            shape, element, actor = found[number]
            assert shape == symbol(sop.langkah, number)
            assert actor == langkah.pelaksana
            assert _drawn_shape(element) == shape.replace("selesai", "mulai"), (path.name, number)


def _drawn_shape(element: ET.Element) -> str:
    """What the element looks like: capsule (rounded rect), rectangle or diamond."""
    if element.tag == f"{SVG_NS}polygon":
        corners = element.get("points", "").split()
        return "keputusan" if len(corners) == 4 else f"polygon/{len(corners)}"
    if element.tag == f"{SVG_NS}rect":
        radius, height = float(element.get("rx", "0")), float(element.get("height", "0"))
        return "mulai" if radius * 2 == height else "proses" if radius == 0 else "rounded"
    return element.tag


def test_long_procedure_pages_pair_their_connectors(sample_html: dict[Path, str]) -> None:
    html = next(h for p, h in sample_html.items() if p.name.startswith("sosialisasi"))
    assert html.count('class="halaman-prosedur"') == 2
    assert html.count('<table class="prosedur"') == 2  # the header repeats on every page
    outs = re.findall(r'data-nomor="(\d+)" data-arah="keluar"', html)
    ins = re.findall(r'data-nomor="(\d+)" data-arah="masuk"', html)
    assert outs and sorted(outs) == sorted(ins)
    assert "Jumlah Waktu" in html and "14 hari 3 jam" in html  # the main path, without rework


def test_html_is_self_contained(sample_html: dict[Path, str]) -> None:
    for html in sample_html.values():
        assert "<script" not in html
        assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)
        assert 'src="data:image/svg+xml;base64,' in html  # the logo travels inside


def test_text_is_escaped_in_html_and_markdown(make_catalog: Make, tmp_path: Path) -> None:
    title = "Uji <script>alert(1)</script> & | pipa"
    root = make_catalog(
        {"sops/x.yaml": valid_sop(**{"Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai": title})}
    )
    catalog = open_catalog(root)
    (html_file,) = render_files(catalog, [], "html", tmp_path / "out")
    (md_file,) = render_files(catalog, [], "md", tmp_path / "out")
    html = html_file.read_text(encoding="utf-8")
    md = md_file.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert title in visible_text(html)
    assert "<script>" not in md and "&lt;script&gt;" in md and "\\| pipa" in md


def test_file_names_are_safe_and_stay_in_the_output_folder(
    make_catalog: Make, tmp_path: Path
) -> None:
    root = make_catalog(
        {
            "sops/a.yaml": valid_sop(),
            "sops/b.yaml": valid_sop(
                **{"nomor: 001/SOP/SDM/KPU-Prov-35/2022": "nomor: ../../../etc/passwd"}
            ),
            "sops/c.yaml": valid_sop(**{"nomor: 001/SOP/SDM/KPU-Prov-35/2022\n": ""}),
        }
    )
    out = tmp_path / "out"
    written = render_files(open_catalog(root), [], "md", out)
    names = sorted(p.name for p in written)
    assert names == ["001-SOP-SDM-KPU-Prov-35-2022.md", "c.md", "etc-passwd.md"]
    assert sorted(p.name for p in tmp_path.rglob("*.md")) == names
    assert all(p.parent == out.resolve() for p in written)


def test_markdown_has_tables_and_a_mermaid_flowchart(make_catalog: Make, tmp_path: Path) -> None:
    root = make_catalog({"sops/x.yaml": valid_sop()})
    (written,) = render_files(open_catalog(root), [], "md", tmp_path)
    md = written.read_text(encoding="utf-8")
    assert "| Nomor SOP | 001/SOP/SDM/KPU-Prov-35/2022 |" in md
    assert "| Tanggal Efektif | 14 April 2022 |" in md
    assert "```mermaid\nflowchart TD" in md
    assert "s3 -->|Ya| s4" in md and "s3 -->|Tidak| s2" in md
    assert 's1(["1. Memberikan disposisi penyusunan DUK' in md
    assert 's3{"3. Memeriksa konsep DUK; sudah benar?' in md
    assert (
        "| 2 | Menyusun konsep DUK | Staf Subbagian SDM | Data SIMPEG | 1 hari | Konsep DUK |" in md
    )


def test_catalog_templates_override_the_builtin_ones(make_catalog: Make, tmp_path: Path) -> None:
    root = make_catalog(
        {"sops/x.yaml": valid_sop(), "templates/sop.md.j2": "KOP KANTOR: {{ doc.sop.nama | md }}\n"}
    )
    (written,) = render_files(open_catalog(root), [], "md", tmp_path)
    assert written.read_text(encoding="utf-8") == (
        "KOP KANTOR: Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai\n"
    )


def test_indonesian_dates() -> None:
    assert tanggal(dt.date(2022, 4, 14)) == "14 April 2022"
    assert tanggal(dt.date(2023, 12, 1)) == "1 Desember 2023"
    assert tanggal(None) == "-"


def test_cli_renders_markdown_and_html(make_catalog: Make, tmp_path: Path) -> None:
    root = make_catalog({"sops/x.yaml": valid_sop()})
    out = tmp_path / "cetak"
    for fmt in ("md", "html"):
        result = CliRunner().invoke(app, ["render", str(root / "sops"), "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert f"1 berkas {fmt.upper()} ditulis" in result.output
    assert sorted(p.suffix for p in out.iterdir()) == [".html", ".md"]


def test_cli_refuses_an_invalid_sop(make_catalog: Make, tmp_path: Path) -> None:
    root = make_catalog({"sops/x.yaml": "nama: Tanpa isi\n"})
    done = subprocess.run(
        [sys.executable, "-m", "sopctl", "render", str(root), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 2
    assert "bukan SOP yang valid" in done.stderr and "sopctl lint" in done.stderr
    assert "Traceback" not in done.stderr


def test_pdf_of_one_sop(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    needed("weasyprint", PDF_ENGINE)
    catalog = open_catalog(SAMPLE)
    (written,) = render_files(catalog, [SAMPLE / GOLDEN_SOPS[1]], "pdf", tmp_path)
    reader = pypdf.PdfReader(written)
    # identity page, then the procedure on two pages: the last keeps room for its Riwayat
    # Revisi, which is never left alone on a page
    assert len(reader.pages) == 3
    assert "Riwayat Revisi" in reader.pages[2].extract_text()
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    assert "SOSIALISASI DAN PENDIDIKAN PEMILIH" in page.extract_text().upper()


def test_missing_pdf_engine_says_how_to_install_it(make_catalog: Make, tmp_path: Path) -> None:
    root = make_catalog({"sops/x.yaml": valid_sop()})
    script = (
        "import sys; sys.modules['weasyprint'] = None\n"  # as if it were not installed
        "from sopctl.cli import main; sys.argv = ['sopctl', 'render', sys.argv[1], '-f', 'pdf',"
        " '-o', sys.argv[2]]; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(root), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 2
    assert 'pip install "sopctl[pdf]"' in done.stderr
    assert "libpango-1.0-0" in done.stderr


def test_riwayat_revisi_is_the_revisi_records_even_inside_git(
    sample_copy: Path, tmp_path: Path, git_env: dict[str, str]
) -> None:
    from conftest import git

    git(sample_copy, "init", "-q", "-b", "main")
    git(sample_copy, "add", ".")
    git(sample_copy, "commit", "-q", "-m", "Import SOP files from Word")
    target = sample_copy / "parmas" / "sosialisasi-dan-pendidikan-pemilih.yaml"
    text = target.read_text(encoding="utf-8").replace("waktu: 3 jam", "waktu: 4 jam")
    target.write_text(text, encoding="utf-8")
    git(sample_copy, "commit", "-q", "-am", "Extend the session to 4 hours")
    head = git(sample_copy, "rev-parse", "--short", "HEAD").strip()
    catalog = open_catalog(sample_copy)
    (written,) = render_files(catalog, [target], "html", tmp_path / "out")
    seen = visible_text(written.read_text(encoding="utf-8"))
    riwayat = seen[seen.index("Riwayat Revisi") :]
    assert "Revisi Tanggal Uraian Perubahan Oleh" in riwayat
    assert "Penerbitan pertama, ditetapkan dengan Keputusan" in riwayat
    assert "1 April 2022" in riwayat
    assert "Extend" not in seen and "Import" not in seen and head not in seen
