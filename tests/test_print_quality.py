"""The printed SOP: flowcharts pass the layout checker, text is measured with the bundled font,
and a machine without any system font prints the same pages."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from generated_sop import generated_sop
from pypdf import PdfReader

from sopctl.catalog.folder import open_catalog
from sopctl.render.chart.check import problems
from sopctl.render.chart.shapes import Arrow, Box, Chunk, Connector, Row, Symbol
from sopctl.render.document import SopDocument, build
from sopctl.render.files import Templates, catalog_titles, load_sources, render_files
from sopctl.render.files import html as render_html
from sopctl.render.measure import wrap, wrap_heading
from sopctl.render.typeface import FONT_DIR, font_path, metrics
from sopctl.sop.flow import format_total, main_path, total_time
from sopctl.sop.model import Langkah, MutuBaku

SAMPLE = Path(__file__).resolve().parent.parent / "sops"


def documents(root: Path) -> list[SopDocument]:
    catalog = open_catalog(root)
    titles = catalog_titles(catalog)
    return [build(s.sop, catalog, titles, "") for s in load_sources(catalog, [])]


def faults(doc: SopDocument) -> list[str]:
    return [
        f"{doc.nomor} p{index}: {fault}"
        for index, page in enumerate(doc.pages, start=1)
        for fault in problems(page.chunk, doc.columns.actor)
    ]


def generated_catalog(root: Path, shapes: list[tuple[int, int, int]]) -> Path:
    (root / "sdm").mkdir(parents=True)
    shutil.copy(SAMPLE / "sopctl.toml", root / "sopctl.toml")
    shutil.copy(SAMPLE / "logo-kpu.svg", root / "logo-kpu.svg")
    for steps, actors, seed in shapes:
        text = generated_sop(steps, actors, seed=seed)
        (root / "sdm" / f"uji-{seed}.yaml").write_text(text, encoding="utf-8")
    return root


def test_every_sample_flowchart_passes_the_layout_checker() -> None:
    docs = documents(SAMPLE)
    assert len(docs) >= 20
    assert [fault for doc in docs for fault in faults(doc)] == []


def test_thirty_steps_six_actors_and_nested_decisions_pass_the_checker(tmp_path: Path) -> None:
    shapes = [(30, 6, seed) for seed in range(1, 13)] + [(30, 8, 20), (30, 3, 21), (30, 4, 22)]
    docs = documents(generated_catalog(tmp_path / "besar", shapes))
    nested = [doc for doc in docs if _nested(doc)]
    assert len(nested) >= 10  # a decision whose "Ya" leads into another decision
    assert all(len(doc.pages) >= 3 for doc in docs)
    assert [fault for doc in docs for fault in faults(doc)] == []


def _nested(doc: SopDocument) -> bool:
    steps = doc.sop.langkah
    return any(s.ya is not None and steps[s.ya - 1].ya is not None for s in steps)


def test_a_page_holds_as_many_rows_as_fit(tmp_path: Path) -> None:
    (doc,) = documents(generated_catalog(tmp_path / "besar", [(30, 6, 3)]))
    room = doc.paper.height - 130  # the header rows and the safety margin, at most
    for page in doc.pages[:-1]:
        used = sum(row.height for row in page.rows)
        nxt = doc.pages[doc.pages.index(page) + 1].rows[1].height  # after the head band
        assert used + nxt > room - 40  # the next step would not have fitted
    assert max(len(p.chunk.steps) for p in doc.pages) >= 9  # was 7 with fixed 66 px rows


def chunk_with(arrows: tuple[Arrow, ...], connectors: tuple[Connector, ...] = ()) -> Chunk:
    rows = (Row("langkah", 1, 0.0, 60.0), Row("langkah", 2, 60.0, 60.0))
    symbols = (
        Symbol(1, "mulai", 0, Box(20.0, 17.0, 60.0, 26.0)),
        Symbol(2, "proses", 1, Box(120.0, 75.0, 60.0, 30.0)),
    )
    return Chunk(rows, symbols, connectors, arrows, 200.0, 120.0, True)


CLEAN = Arrow(((50.0, 43.0), (50.0, 66.0), (150.0, 66.0), (150.0, 75.0)))


def test_the_checker_accepts_a_clean_drawing_and_names_each_fault() -> None:
    assert problems(chunk_with((CLEAN,)), 100.0) == []
    on_border = Arrow(((50.0, 43.0), (50.0, 60.0), (150.0, 60.0), (150.0, 75.0)))
    assert "runs on a cell border" in " ".join(problems(chunk_with((on_border,)), 100.0))
    column_border = Arrow(((80.0, 30.0), (100.5, 30.0), (100.5, 90.0), (120.0, 90.0)))
    assert "cell border" in " ".join(problems(chunk_with((column_border,)), 100.0))
    outside = Arrow(((20.0, 30.0), (1.0, 30.0), (1.0, 90.0), (120.0, 90.0)))
    assert "leaves the Pelaksana" in " ".join(problems(chunk_with((outside,)), 100.0))
    through = Arrow(((50.0, 43.0), (50.0, 90.0), (190.0, 90.0)))
    assert "crosses a symbol" in " ".join(problems(chunk_with((through,)), 100.0))
    twin = Arrow(((51.5, 43.0), (51.5, 66.0), (140.0, 66.0)))
    assert "closer than" in " ".join(problems(chunk_with((CLEAN, twin)), 100.0))
    crossed = Arrow(CLEAN.points, "Tidak", (40.0, 55.0), "start")  # over its own line
    assert "touches a line" in " ".join(problems(chunk_with((crossed,)), 100.0))
    above = Connector(1, Box(40.0, 0.0, 20.0, 14.0), incoming=True)
    assert "above Mulai" in " ".join(problems(chunk_with((CLEAN,), (above,)), 100.0))


def test_widths_come_from_the_bundled_font_files() -> None:
    for bold in (False, True):
        font = TTFont(font_path(bold))
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        ours = metrics(bold)
        assert ours.units_per_em == font["head"].unitsPerEm
        for char in "Menyusun BERKAS usulan; 0123-9/()ÄéŠ":
            assert ours.advances[ord(char)] == hmtx[cmap[ord(char)]][0], char
    assert metrics(True).width("Kepala", 11) > metrics(False).width("Kepala", 11)


def test_text_wraps_at_spaces_and_headings_hyphenate_at_syllables() -> None:
    assert wrap("Menyusun rencana program sosialisasi", 120.0, 11) == [
        "Menyusun rencana",
        "program sosialisasi",
    ]
    assert wrap("", 100.0, 11) == [""]
    assert wrap_heading("Pegawai yang Bersangkutan", 62.0, 11) == [
        "Pegawai",
        "yang",
        "Bersang-",
        "kutan",
    ]
    for doc in documents(SAMPLE):
        for actor, lines in zip(doc.sop.pelaksana, doc.headings, strict=True):
            joined = " ".join(lines).replace("- ", "")
            assert joined.split() == actor.nama.split(), (actor.nama, lines)
            for line in lines:  # a word is only ever broken with a hyphen
                word = line.split()[-1]
                assert line.endswith("-") or any(word in w for w in actor.nama.split())


def test_the_package_ships_its_fonts_with_their_licence() -> None:
    names = sorted(p.name for p in FONT_DIR.iterdir())
    assert "LiberationSans-Regular.ttf" in names and "LiberationSans-Bold.ttf" in names
    licence = (FONT_DIR / "LICENSE-LiberationSans.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert sum(p.stat().st_size for p in FONT_DIR.iterdir()) < 1_000_000


EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def render_pdf(
    catalog: Path, out: Path, env: dict[str, str]
) -> tuple[dict[str, tuple[int, set[str]]], str]:
    """Page count and embedded font names of every PDF `sopctl render` prints, and stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "sopctl", "render", "sdm", "-f", "pdf", "-o", str(out)],
        cwd=catalog,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    found = {}
    for pdf in sorted(out.glob("*.pdf")):
        reader = PdfReader(pdf)
        fonts = {
            str(font["/BaseFont"]).split("+")[-1]
            for page in reader.pages
            for font in _fonts_of(page)
        }
        found[pdf.name] = (len(reader.pages), fonts)
    return found, done.stderr


def _fonts_of(page: Any) -> Any:
    return page["/Resources"]["/Font"].values()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_machine_without_system_fonts_prints_the_same_pages(tmp_path: Path) -> None:
    catalog = generated_catalog(tmp_path / "katalog", [(30, 6, 1), (14, 4, 2)])
    shutil.copy(SAMPLE / "parmas" / "sosialisasi-dan-pendidikan-pemilih.yaml", catalog / "sdm")
    config = tmp_path / "fonts.conf"
    config.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "cache"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FONTCONFIG")}
    normal, _ = render_pdf(catalog, tmp_path / "biasa", env)
    bare_env = {**env, "FONTCONFIG_FILE": str(config)}
    bare, warnings = render_pdf(catalog, tmp_path / "tanpa-font", bare_env)
    assert "No fonts configured" in warnings  # the machine really has no font at all
    assert len(normal) == 3
    assert bare == normal
    for pages, fonts in normal.values():
        assert pages >= 2
        assert fonts <= {"Liberation-Sans", "Liberation-Sans-Bold"}


def test_jumlah_waktu_is_the_main_path_on_one_line(tmp_path: Path) -> None:
    """PARMAS-002: step 2 decides; its "Tidak" (step 3, 1 hari, back to 2) is not counted."""
    (doc,) = [d for d in documents(SAMPLE) if d.nomor == "002/SOP/PARMAS/KPU-Prov-35/2022"]
    assert main_path(doc.sop.langkah) == [1, 2, 4, 5, 6, 7, 8, 9, 10]
    assert doc.total == "14 hari 3 jam"
    html = render_html(doc, Templates(open_catalog(SAMPLE)), "parmas-002")
    assert '<td class="waktu total" colspan="3">14 hari 3 jam</td>' in html


def test_the_html_embeds_both_bundled_faces() -> None:
    (doc, *_) = documents(SAMPLE)
    html = render_html(doc, Templates(open_catalog(SAMPLE)), "x")
    for bold in (False, True):
        data = base64.b64encode(font_path(bold).read_bytes()).decode("ascii")
        weight = "bold" if bold else "normal"
        assert f'font-weight: {weight}; src: url("data:font/ttf;base64,{data}")' in html


TWO_HOURS = MutuBaku(waktu="2 jam")


def test_the_main_path_never_walks_a_loop_twice() -> None:
    steps = [
        Langkah(kegiatan="Mulai", pelaksana="a", mutu_baku=MutuBaku(waktu="1 jam")),
        Langkah(kegiatan="Periksa?", pelaksana="a", ya=1, tidak=3, mutu_baku=TWO_HOURS),
        Langkah(kegiatan="Selesai", pelaksana="a"),
    ]
    assert main_path(steps) == [1, 2]  # "Ya" leads back: the walk stops there
    assert format_total(total_time(steps)) == "3 jam"


def test_a_long_identity_block_shrinks_instead_of_spilling(tmp_path: Path) -> None:
    root = generated_catalog(tmp_path / "katalog", [(12, 3, 5)])
    path = root / "sdm" / "uji-5.yaml"
    subject = "Tata Naskah Dinas dan Kearsipan di Lingkungan Komisi Pemilihan Umum"
    laws = [f"Peraturan Nomor {n} Tahun 2023 tentang {subject}" for n in range(1, 15)]
    text = path.read_text(encoding="utf-8").replace(
        "dasar_hukum: [Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara]",
        "dasar_hukum:\n" + "".join(f"  - {law}\n" for law in laws),
    )
    path.write_text(text, encoding="utf-8")
    (doc,) = documents(root)
    assert doc.identity_size < 12
    (pdf,) = render_files(open_catalog(root), [path], "pdf", tmp_path / "cetak")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1 + len(doc.pages)  # the block keeps to its own page
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Nomor 14 Tahun 2023" in first and "Pencatatan dan Pendataan" in first
