"""DOCX out (`render -f docx`, `booklet -o .docx`) and back in (`impor`): every sample SOP
survives the round trip; the document is the official form in real Word tables and shapes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from helpers import sopctl

from sopctl.sop.loader import load_sop
from sopctl.sop.model import Sop

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOT_ON_THE_FORM = {"monitoring", "evaluasi", "revisi", "rb_tematik"}  # kept in the YAML only


def _sops(folder: Path) -> dict[str, Sop]:
    found: dict[str, Sop] = {}
    for path in sorted(folder.rglob("*.yaml")):
        sop = load_sop(path, path.name).sop
        assert sop is not None, path
        found[sop.nama] = sop
    return found


def test_every_sample_sop_survives_render_docx_then_impor(
    sample_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out, back = tmp_path / "docx", tmp_path / "kembali"
    rendered = sopctl(capsys, "render", ".", "-f", "docx", "-o", str(out), cwd=sample_copy)
    assert rendered.code == 0, rendered.err
    files = sorted(out.glob("*.docx"))
    assert len(files) == 28
    imported = sopctl(capsys, "impor", *map(str, files), "-o", str(back), cwd=sample_copy)
    assert imported.code == 0, imported.err
    assert "28 SOP ditulis, 0 gagal; 0 isian" in imported.out
    before, after = _sops(sample_copy), _sops(back)
    assert sorted(after) == sorted(before)
    for name, sop in before.items():
        expected = sop.model_dump(exclude=NOT_ON_THE_FORM)
        assert after[name].model_dump(exclude=NOT_ON_THE_FORM) == expected, name
    decisions = sum(1 for sop in after.values() for step in sop.langkah if step.ya)
    assert decisions >= 28  # every sample has one; they came back from the shapes' alt text


def test_the_docx_is_the_form_in_word_tables_with_shapes_in_the_actor_cells(
    sample_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from docx import Document

    duk = "sdm/penyusunan-daftar-urut-kepangkatan-duk-pegawai.yaml"
    assert (
        sopctl(capsys, "render", duk, "-f", "docx", "-o", str(tmp_path), cwd=sample_copy).code == 0
    )
    path = tmp_path / "001-SOP-SDM-KPU-Prov-35-2022.docx"
    document = Document(str(path))
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    identity, procedure = document.tables
    assert identity.cell(0, 1).text == "Nomor SOP"
    assert identity.cell(0, 0).text == identity.cell(5, 0).text  # the logo cell, merged down
    assert "KOMISI PEMILIHAN UMUM" in identity.cell(0, 0).text.upper()
    header = [cell.text for cell in procedure.rows[1].cells]
    assert header[2:6] == [
        "Sekretaris",
        "Kepala Bagian Hukum dan SDM",
        "Kepala Subbagian SDM",
        "Staf Subbagian SDM",
    ]
    assert all(row._tr.find(f"{W}trPr/{W}tblHeader") is not None for row in procedure.rows[:2])
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert xml.count('prst="flowChartTerminator"') == 2
    assert xml.count('prst="flowChartDecision"') == 1
    assert xml.count('prst="flowChartProcess"') == 4
    step5 = procedure.rows[2 + 4]  # the decision of the Kepala Subbagian SDM
    assert 'prst="flowChartDecision"' in step5.cells[4]._tc.xml
    assert "Ya ke langkah 6, Tidak ke langkah 4" in step5.cells[4]._tc.xml
    keywords = document.core_properties.keywords
    assert "area_rb=manajemen-sdm" in keywords and "pelaksana=sekretaris,kabag" in keywords


def test_a_booklet_docx_holds_every_sop_and_imports_back(
    sample_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from docx import Document

    target = tmp_path / "buku.docx"
    done = sopctl(capsys, "booklet", ".", "--unit", "sdm", "-o", str(target), cwd=sample_copy)
    assert done.code == 0, done.err
    document = Document(str(target))
    assert document.paragraphs[1].text == "STANDAR OPERASIONAL PROSEDUR"
    assert any(p.text == "DAFTAR ISI" for p in document.paragraphs)
    back = tmp_path / "kembali"
    imported = sopctl(
        capsys, "impor", str(target), "-o", str(back), "--area", "manajemen-sdm", cwd=sample_copy
    )
    assert imported.code == 0, imported.err
    count = int(done.out.split("(")[1].split(" SOP)")[0])  # "Buku SOP (14 SOP) ditulis ..."
    assert count >= 14
    assert len(list(back.glob("*.yaml"))) == count


def test_the_catalogs_own_word_template_gives_the_page_furniture(
    sample_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from docx import Document

    template = Document()
    template.sections[0].header.paragraphs[0].text = "KOP SURAT KPU PROVINSI JAWA TIMUR"
    template.add_paragraph("teks contoh di templat")
    (sample_copy / "templates").mkdir()
    template.save(str(sample_copy / "templates" / "sop.docx"))
    duk = "sdm/penyusunan-daftar-urut-kepangkatan-duk-pegawai.yaml"
    assert (
        sopctl(capsys, "render", duk, "-f", "docx", "-o", str(tmp_path), cwd=sample_copy).code == 0
    )
    document = Document(str(tmp_path / "001-SOP-SDM-KPU-Prov-35-2022.docx"))
    assert document.sections[0].header.paragraphs[0].text == "KOP SURAT KPU PROVINSI JAWA TIMUR"
    assert all("teks contoh" not in p.text for p in document.paragraphs)


def test_a_word_template_that_would_unpack_too_far_is_refused(
    sample_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (sample_copy / "templates").mkdir()
    with zipfile.ZipFile(sample_copy / "templates" / "sop.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (201 * 1024 * 1024))
    assert (sample_copy / "templates" / "sop.docx").stat().st_size < 1024 * 1024
    duk = "sdm/penyusunan-daftar-urut-kepangkatan-duk-pegawai.yaml"
    result = sopctl(capsys, "render", duk, "-f", "docx", "-o", str(tmp_path), cwd=sample_copy)
    assert result.code == 2
    assert "templat Word terlalu besar" in result.err


def test_a_damaged_word_template_is_a_clear_error(
    sample_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (sample_copy / "templates").mkdir()
    (sample_copy / "templates" / "sop.docx").write_text("bukan docx", encoding="utf-8")
    duk = "sdm/penyusunan-daftar-urut-kepangkatan-duk-pegawai.yaml"
    result = sopctl(capsys, "render", duk, "-f", "docx", "-o", str(tmp_path), cwd=sample_copy)
    assert result.code == 2
    assert "templat Word tidak dapat dibuka" in result.err
    assert "Traceback" not in result.err


def test_a_png_logo_goes_into_the_logo_cell(
    sample_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import base64

    png = base64.b64decode(  # a 1x1 white pixel
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC"
    )
    (sample_copy / "logo.png").write_bytes(png)
    config = sample_copy / "sopctl.toml"
    text = config.read_text(encoding="utf-8").replace('logo = "logo-kpu.svg"', 'logo = "logo.png"')
    config.write_text(text, encoding="utf-8")
    duk = "sdm/penyusunan-daftar-urut-kepangkatan-duk-pegawai.yaml"
    assert (
        sopctl(capsys, "render", duk, "-f", "docx", "-o", str(tmp_path), cwd=sample_copy).code == 0
    )
    path = tmp_path / "001-SOP-SDM-KPU-Prov-35-2022.docx"
    with zipfile.ZipFile(path) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())
        assert "<pic:pic" in archive.read("word/document.xml").decode("utf-8")
