"""`sopctl impor`: realistic Word SOPs built in tmp_path, imported through the CLI, then linted;
unreadable and hostile files reported while the others go on."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import Make
from helpers import sopctl
from word_docs import Step, izin_belajar, write_docx

from sopctl.sop.canonical import canonical_text
from sopctl.sop.yamlio import parse_text

AREA = ["--area", "manajemen-sdm"]
SOP_PATH = "sdm/pemberian-izin-belajar-pegawai-negeri-sipil.yaml"


def _impor(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> Any:
    return sopctl(capsys, "impor", *args, cwd=root)


def _lint(capsys: pytest.CaptureFixture[str], root: Path, path: str) -> list[dict[str, Any]]:
    result = sopctl(capsys, "lint", path, "--format", "json", "--no-cache", cwd=root)
    findings: list[dict[str, Any]] = result.json()
    return findings


def _errors(findings: list[dict[str, Any]]) -> list[str]:
    return [f"{f['code']} {f['message']}" for f in findings if f["severity"] == "error"]


def _data(root: Path, relative: str = SOP_PATH) -> Any:
    return parse_text((root / relative).read_text(encoding="utf-8")).data


def test_a_word_sop_with_drawingml_shapes_imports_and_lints_clean(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_catalog()
    source = write_docx(izin_belajar(), tmp_path / "SOP Izin Belajar.docx")
    result = _impor(capsys, root, str(source), *AREA)
    assert result.code == 0, result.err
    assert "1 SOP ditulis, 0 gagal" in result.out
    text = (root / SOP_PATH).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# Diimpor dengan `sopctl impor` dari SOP Izin Belajar.docx" in text
    assert canonical_text(text) == text  # already in `fmt`'s layout
    data = _data(root)
    assert data["nomor"] == "003/SOP/SDM/KPU-Prov-35/2021"
    assert data["unit"] == "sdm"  # "SUBBAGIAN SUMBER DAYA MANUSIA" in the logo cell
    assert data["status"] == "ditetapkan"
    assert str(data["tanggal"]["pembuatan"]) == "2021-01-05"
    assert "revisi" not in data["tanggal"]  # "-" in Word
    assert data["disahkan_oleh"] == {
        "jabatan": "Sekretaris KPU Provinsi Jawa Timur",
        "nama": "Drs. Hendro Wicaksono, M.Si.",
        "nip": "196905121994031003",  # "19690512 199403 1 003"
    }
    assert (
        data["dasar_hukum"][0] == "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara"
    )
    assert "keterkaitan" not in data
    assert [a["nama"] for a in data["pelaksana"]] == [
        "Sekretaris",
        "Kepala Subbagian SDM",
        "Staf Subbagian SDM",
    ]
    ids = [a["id"] for a in data["pelaksana"]]
    steps = data["langkah"]
    assert [ids.index(s["pelaksana"]) for s in steps] == [2, 2, 2, 1, 0, 2, 2]
    assert (steps[1]["ya"], steps[1]["tidak"]) == (3, 1)  # labels "Ya (3)" and "Tidak (1)"
    assert steps[0]["mutu_baku"]["waktu"] == "15 menit"  # "15 Menit" in Word
    assert steps[1]["mutu_baku"]["kelengkapan"] == ["Permohonan", "Surat keterangan kampus"]
    assert steps[4]["keterangan"] == "Ditandatangani secara elektronik"
    findings = _lint(capsys, root, SOP_PATH)
    assert _errors(findings) == []
    assert not [f for f in findings if f["code"] == "N001"]


def test_a_table_continued_on_a_second_page_with_vml_shapes_reads_as_one_procedure(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    one = make_catalog(name="satu")
    two = make_catalog(name="dua")
    plain = write_docx(izin_belajar(), tmp_path / "a.docx")
    split = write_docx(
        izin_belajar(split_after=4, shapes="vml", label_header=True), tmp_path / "b.docx"
    )
    assert _impor(capsys, one, str(plain), *AREA).code == 0
    result = _impor(capsys, two, str(split), *AREA)
    assert result.code == 0, result.err
    assert _data(one) == _data(two)
    assert len(_data(two)["langkah"]) == 7
    assert _errors(_lint(capsys, two, SOP_PATH)) == []


def test_header_rows_typed_again_in_the_middle_of_the_table_are_skipped(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    one, two = make_catalog(name="satu"), make_catalog(name="dua")
    plain = write_docx(izin_belajar(), tmp_path / "a.docx")
    repeated = write_docx(izin_belajar(repeat_header_after=3), tmp_path / "b.docx")
    assert _impor(capsys, one, str(plain), *AREA).code == 0
    assert _impor(capsys, two, str(repeated), *AREA).code == 0
    assert _data(one) == _data(two)


def test_decision_targets_written_in_the_keterangan_column_are_read(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sop = izin_belajar(shapes="marks")
    sop.steps[
        1
    ].keterangan = (
        "Jika lengkap, lanjut ke langkah 3; jika tidak lengkap, dikembalikan ke langkah 1"
    )
    root = make_catalog()
    assert _impor(capsys, root, str(write_docx(sop, tmp_path / "x.docx")), *AREA).code == 0
    step = _data(root)["langkah"][1]
    assert (step["ya"], step["tidak"]) == (3, 1)
    assert "<isi" not in step["keterangan"]
    assert _errors(_lint(capsys, root, SOP_PATH)) == []


def test_decision_labels_without_targets_become_a_decision_with_placeholders(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sop = izin_belajar()
    sop.steps[1].labels = ["Ya", "Tidak"]
    root = make_catalog()
    result = _impor(capsys, root, str(write_docx(sop, tmp_path / "x.docx")), *AREA)
    assert result.code == 0
    assert "tujuan Ya/Tidak" in result.out
    step = _data(root)["langkah"][1]
    assert (step["ya"], step["tidak"]) == (3, 1)  # written, and flagged for a person
    assert "<isi periksa tujuan Ya (langkah 3) dan Tidak (langkah 1)>" in step["keterangan"]
    findings = _lint(capsys, root, SOP_PATH)
    assert _errors(findings) == []
    assert [f["code"] for f in findings if f["severity"] == "warning"].count("N001") == 1


def test_a_file_without_shapes_takes_actors_from_marks_and_flags_the_question(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_catalog()
    source = write_docx(izin_belajar(shapes="marks"), tmp_path / "tanpa-bentuk.docx")
    result = _impor(capsys, root, str(source), *AREA)
    assert result.code == 0
    assert "0/7" in result.out  # no symbol read
    data = _data(root)
    ids = [a["id"] for a in data["pelaksana"]]
    assert [ids.index(s["pelaksana"]) for s in data["langkah"]] == [2, 2, 2, 1, 0, 2, 2]
    decision = data["langkah"][1]  # "...; lengkap?" without a diamond to say so
    assert "<isi periksa tujuan" in decision["keterangan"]
    findings = _lint(capsys, root, SOP_PATH)
    assert _errors(findings) == []
    warnings = {f["code"] for f in findings if f["severity"] == "warning"}
    assert warnings - {"M001", "M002"} == {"N001"}  # monitoring is due: Word has no record


def test_a_flowchart_grouped_in_one_drawing_is_read_by_the_place_of_each_symbol(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    one, two = make_catalog(name="satu"), make_catalog(name="dua")
    plain = write_docx(izin_belajar(), tmp_path / "a.docx")
    grouped = write_docx(izin_belajar(shapes="group"), tmp_path / "b.docx")
    assert _impor(capsys, one, str(plain), *AREA).code == 0
    result = _impor(capsys, two, str(grouped), *AREA)
    assert result.code == 0
    assert "7/7" in result.out
    expected, found = _data(one), _data(two)
    assert [s["pelaksana"] for s in found["langkah"]] == [
        s["pelaksana"] for s in expected["langkah"]
    ]
    assert "ya" in found["langkah"][1]  # the diamond makes it a decision (exits to confirm)


def test_a_file_with_nothing_in_the_actor_cells_says_which_steps_need_an_actor(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_catalog()
    source = write_docx(izin_belajar(shapes="none"), tmp_path / "kosong.docx")
    result = _impor(capsys, root, str(source), *AREA, "--lang", "en")
    assert result.code == 0
    assert "actors of steps" in result.out
    steps = _data(root)["langkah"]
    assert all("<isi pelaksana langkah" in s["keterangan"] for s in steps)
    findings = _lint(capsys, root, SOP_PATH)
    assert sum(f["code"] == "N001" for f in findings) >= 7


def test_a_decision_shape_and_terminator_in_the_middle_give_ya_tidak_and_a_second_end(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sop = izin_belajar()
    sop.steps[1].labels = ["Ya, lanjut ke 3", "Tidak: ke langkah 7"]
    sop.steps[5] = Step("Menyampaikan penolakan", 2, "flowChartTerminator", [], "", "")
    root = make_catalog()
    assert _impor(capsys, root, str(write_docx(sop, tmp_path / "x.docx")), *AREA).code == 0
    steps = _data(root)["langkah"]
    assert (steps[1]["ya"], steps[1]["tidak"]) == (3, 7)
    assert steps[5]["simbol"] == "selesai"
    assert "mutu_baku" not in steps[5]


def test_links_by_number_or_by_title_and_unreadable_ones_kept_as_comments(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from conftest import valid_sop

    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    sop = izin_belajar(
        keterkaitan=[
            "1. 001/SOP/SDM/KPU-Prov-35/2022 (prasyarat)",
            "2. Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai",
            "3. SOP Cuti yang belum ada",
        ]
    )
    result = _impor(capsys, root, str(write_docx(sop, tmp_path / "x.docx")), *AREA)
    assert result.code == 0
    assert "keterkaitan tanpa nomor" in result.out
    data = _data(root)
    assert data["keterkaitan"] == [
        {"nomor": "001/SOP/SDM/KPU-Prov-35/2022", "hubungan": "prasyarat"},
        {"nomor": "001/SOP/SDM/KPU-Prov-35/2022", "hubungan": "terkait"},
    ]
    text = (root / SOP_PATH).read_text(encoding="utf-8")
    assert "# Keterkaitan di Word yang nomornya tidak terbaca: SOP Cuti yang belum ada" in text


def test_an_existing_file_is_never_overwritten(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_catalog()
    source = write_docx(izin_belajar(), tmp_path / "x.docx")
    assert _impor(capsys, root, str(source), *AREA).code == 0
    (root / SOP_PATH).write_text("# edited by hand\n", encoding="utf-8")
    result = _impor(capsys, root, str(source), *AREA)
    assert result.code == 1
    assert "tidak menimpa berkas" in result.err
    assert (root / SOP_PATH).read_text(encoding="utf-8") == "# edited by hand\n"


def test_output_folder_and_unknown_unit(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_catalog()
    sop = izin_belajar(unit="BAGIAN LAIN", nomor="003/SOP/XYZ/KPU-Prov-35/2021")
    source = write_docx(sop, tmp_path / "x.docx")
    result = _impor(capsys, root, str(source))
    assert result.code == 0
    data = _data(root, "impor/pemberian-izin-belajar-pegawai-negeri-sipil.yaml")
    assert data["unit"] == "<isi id unit>" and data["area_rb"] == "<isi id area RB>"
    assert "unit (pakai --unit)" in result.out
    out = _impor(capsys, root, str(source), "--unit", "Subbag SDM", *AREA, "-o", "arsip")
    assert out.code == 0
    assert _data(root, "arsip/pemberian-izin-belajar-pegawai-negeri-sipil.yaml")["unit"] == "sdm"
    wrong = _impor(capsys, root, str(source), "--area", "manajemen-sdn")
    assert wrong.code == 2
    assert "manajemen-sdm" in wrong.err  # did you mean


def test_unit_from_the_number_when_the_logo_cell_does_not_name_it(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_catalog()
    sop = izin_belajar(unit="", nomor="003 / SOP / KEU / KPU-Prov-35 / 2021")
    assert _impor(capsys, root, str(write_docx(sop, tmp_path / "x.docx")), *AREA).code == 0
    data = _data(root, "keuangan/pemberian-izin-belajar-pegawai-negeri-sipil.yaml")
    assert data["nomor"] == "003/SOP/KEU/KPU-Prov-35/2021"


# -- files that cannot be imported --------------------------------------------------------


def _hostile_files(folder: Path) -> dict[str, Path]:
    from docx import Document

    files: dict[str, Path] = {}
    old = folder / "lama.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    files["lama.doc"] = old
    locked = folder / "terkunci.docx"
    locked.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")
    )
    files["terkunci.docx"] = locked
    text = folder / "catatan.docx"
    text.write_text("bukan word", encoding="utf-8")
    files["catatan.docx"] = text
    letter = folder / "surat.docx"
    document = Document()
    document.add_paragraph("Surat undangan rapat, bukan SOP.")
    document.save(str(letter))
    files["surat.docx"] = letter
    bomb = folder / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (17 * 1024 * 1024))
    files["bom.docx"] = bomb
    xxe = folder / "xxe.docx"
    with zipfile.ZipFile(xxe, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>",
        )
    files["xxe.docx"] = xxe
    return files


def test_unreadable_files_get_a_clear_error_and_the_others_go_on(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_catalog()
    bad = _hostile_files(tmp_path)
    good = write_docx(izin_belajar(), tmp_path / "baik.docx")
    result = _impor(
        capsys, root, *map(str, bad.values()), str(good), str(tmp_path / "hilang.docx"), *AREA
    )
    assert result.code == 1
    assert (root / SOP_PATH).is_file()  # the good file went in
    assert "1 SOP ditulis, 7 gagal" in result.out
    errors = {line.split(": ", 1)[0].rsplit("/", 1)[-1]: line for line in result.err.splitlines()}
    assert "Simpan Sebagai .docx" in errors["lama.doc"]
    assert "kata sandi" in errors["terkunci.docx"]
    assert "bukan berkas Word .docx" in errors["catatan.docx"]
    assert "tabel prosedur SOP-AP" in errors["surat.docx"]
    assert "terlalu besar" in errors["bom.docx"]
    assert "rusak atau tidak sah" in errors["xxe.docx"]
    assert "tidak ditemukan" in errors["hilang.docx"]
    assert "Traceback" not in result.err
    english = _impor(capsys, root, str(bad["lama.doc"]), "--lang", "en")
    assert "old Word format (.doc)" in english.err


def test_an_external_relationship_is_never_followed(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = write_docx(izin_belajar(), tmp_path / "x.docx")
    outside = tmp_path / "rahasia.txt"
    outside.write_text("RAHASIA", encoding="utf-8")
    patched = tmp_path / "tautan.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(patched, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/'
                    f'officeDocument/2006/relationships/subDocument" Target="{outside.as_uri()}" '
                    'TargetMode="External"/></Relationships>'.encode(),
                )
            new.writestr(item, data)
    root = make_catalog()
    assert _impor(capsys, root, str(patched), *AREA).code == 0
    assert "RAHASIA" not in (root / SOP_PATH).read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", range(24))
def test_a_damaged_document_never_stops_the_batch(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: int
) -> None:
    """Elements cut out of document.xml, or the part cut short: an error or a file, never a
    crash, and the good file after it is still imported."""
    import random

    from lxml import etree

    chance = random.Random(seed)
    source = write_docx(izin_belajar(), tmp_path / "asli.docx")
    with zipfile.ZipFile(source) as archive:
        parts = {item.filename: archive.read(item) for item in archive.infolist()}
    xml = parts["word/document.xml"]
    if seed % 3 == 0:
        xml = xml[: chance.randrange(len(xml))]
    else:
        root = etree.fromstring(xml)
        for element in chance.sample(list(root.iter())[2:], 8 * (seed % 3)):
            parent = element.getparent()
            if parent is not None and element.getroottree() is root.getroottree():
                parent.remove(element)
        xml = etree.tostring(root)
    damaged = tmp_path / "rusak.docx"
    with zipfile.ZipFile(damaged, "w") as archive:
        for name, content in {**parts, "word/document.xml": xml}.items():
            archive.writestr(name, content)
    good = write_docx(izin_belajar(nama="Pemberian Izin Belajar Lanjutan"), tmp_path / "baik.docx")
    root = make_catalog()
    result = _impor(capsys, root, str(damaged), str(good), *AREA, "-o", "hasil")
    assert result.code in (0, 1)
    assert "Kesalahan tak terduga" not in result.err
    assert (root / "hasil" / "pemberian-izin-belajar-lanjutan.yaml").is_file()
