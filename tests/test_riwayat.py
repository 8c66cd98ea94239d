"""`sopctl riwayat` (an SOP's revisions) and G001 (content changed after the revision date)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import Make, git
from helpers import sopctl
from sop_repo import DUK, commit, edit, init, sop

from sopctl.history.revisions import revisions

STEP3 = "Memeriksa konsep DUK; sudah benar?"


@pytest.fixture
def repo(make_catalog: Make, git_env: dict[str, str]) -> Path:
    """One SOP with four commits: created, revised, renamed, monitoring recorded."""
    root = make_catalog({"sdm/duk.yaml": sop(DUK, "Penyusunan DUK Pegawai")})
    init(root)
    commit(root, "Tambah SOP DUK", "2022-04-14")
    edit(root, "sdm/duk.yaml", "nama: Penyusunan DUK Pegawai", "nama: Penyusunan DUK PNS")
    edit(root, "sdm/duk.yaml", "waktu: 1 jam", "waktu: 2 jam")
    edit(root, "sdm/duk.yaml", "revisi: 2023-03-01", "revisi: 2024-05-01")
    commit(root, "Revisi DUK: nama dan waktu pemeriksaan", "2024-05-02")
    git(root, "mv", "sdm/duk.yaml", "sdm/daftar-urut-kepangkatan.yaml")
    commit(root, "Ganti nama berkas DUK", "2024-06-01")
    edit(
        root,
        "sdm/daftar-urut-kepangkatan.yaml",
        "evaluasi:",
        "  - tanggal: 2024-07-01\n    penilaian: baik\nevaluasi:",
    )
    commit(root, "Catat monitoring Juli", "2024-07-01")
    return root


def test_revisions_follow_renames_newest_first(repo: Path) -> None:
    found = revisions(repo / "sdm/daftar-urut-kepangkatan.yaml")
    assert [r.subject for r in found] == [
        "Catat monitoring Juli",
        "Ganti nama berkas DUK",
        "Revisi DUK: nama dan waktu pemeriksaan",
        "Tambah SOP DUK",
    ]
    assert [r.date for r in found][-1] == dt.date(2022, 4, 14)
    assert found[-1].created and found[-1].path == "sdm/duk.yaml"
    assert found[1].old_path == "sdm/duk.yaml" and found[1].diff.empty
    assert [c.key for c in found[0].diff.fields] == ["monitoring"]
    assert found[0].author == "Staf Uji"


def test_a_revision_names_the_fields_and_steps_it_changed(repo: Path) -> None:
    revised = revisions(repo / "sdm/daftar-urut-kepangkatan.yaml")[2]
    fields = {(c.key, c.old, c.new) for c in revised.diff.fields}
    assert fields == {
        ("nama", "Penyusunan DUK Pegawai", "Penyusunan DUK PNS"),
        ("tanggal.revisi", "2023-03-01", "2024-05-01"),
    }
    [step] = revised.diff.steps
    assert (step.kind, step.old, step.new, step.kegiatan) == ("changed", 3, 3, STEP3)
    assert [(c.key, c.old, c.new) for c in step.fields] == [("mutu_baku.waktu", "1 jam", "2 jam")]


def test_riwayat_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = sopctl(capsys, "riwayat", "sdm/daftar-urut-kepangkatan.yaml", "-f", "json", cwd=repo)
    assert result.code == 0, result.err
    rows = result.json()
    assert [r["date"] for r in rows] == ["2024-07-01", "2024-06-01", "2024-05-02", "2022-04-14"]
    assert rows[1]["summary"] == "berkas dipindah dari sdm/duk.yaml"
    assert rows[2]["summary"] == "diubah: nama, tanggal.revisi; langkah 3 diubah"
    assert rows[3]["summary"] == "dibuat"
    assert len(rows[0]["commit"]) == 40


def test_riwayat_markdown_and_table(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    md = sopctl(capsys, "riwayat", "sdm/daftar-urut-kepangkatan.yaml", "--format", "md", cwd=repo)
    lines = md.out.splitlines()
    assert lines[0] == "### Riwayat Revisi `sdm/daftar-urut-kepangkatan.yaml`"
    assert lines[2].startswith("| Tanggal | Commit |") and len(lines) == 4 + 4
    assert "| 2024-05-02 |" in lines[6] and "langkah 3 diubah" in lines[6]
    table = sopctl(capsys, "riwayat", "sdm/daftar-urut-kepangkatan.yaml", cwd=repo)
    assert table.code == 0 and "Riwayat Revisi" in table.out and "2022-04-14" in table.out


def test_riwayat_outside_git_and_for_missing_files(
    make_catalog: Make, git_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": sop(DUK, "DUK")})
    result = sopctl(capsys, "riwayat", "sdm/duk.yaml", cwd=root)
    assert result.code == 2 and "bukan bagian dari repositori git" in result.err
    missing = sopctl(capsys, "riwayat", "sdm/tidak-ada.yaml", cwd=root)
    assert missing.code == 2 and "tidak ditemukan" in missing.err


# -- G001 ---------------------------------------------------------------------------------


def g001(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> list[dict[str, Any]]:
    result = sopctl(capsys, "lint", "--format", "json", *args, cwd=root)
    assert result.code == 0, result.out + result.err
    return [f for f in result.json() if f["code"] == "G001"]


@pytest.fixture
def enacted(make_catalog: Make, git_env: dict[str, str]) -> Path:
    """An SOP revised 2023-03-01, committed long after that (the import is not a change)."""
    root = make_catalog({"sdm/duk.yaml": sop(DUK, "Penyusunan DUK Pegawai")})
    init(root)
    commit(root, "Impor katalog", "2024-01-10")
    return root


def test_content_changed_after_the_revision_date_is_a_warning(
    enacted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert g001(capsys, enacted) == []
    edit(enacted, "sdm/duk.yaml", "waktu: 1 jam", "waktu: 2 jam")
    hash_ = commit(enacted, "Perpanjang waktu pemeriksaan", "2024-02-01")
    [found] = g001(capsys, enacted)
    assert found["severity"] == "warning" and found["path"] == "sdm/duk.yaml"
    assert found["line"] == 10  # at tanggal.revisi
    assert hash_[:7] in found["message"] and "2024-02-01" in found["message"]
    assert "2023-03-01" in found["message"]
    assert g001(capsys, enacted, "--ignore", "G001") == []


def test_updating_the_revision_date_clears_it(
    enacted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(enacted, "sdm/duk.yaml", "waktu: 1 jam", "waktu: 2 jam")
    edit(enacted, "sdm/duk.yaml", "revisi: 2023-03-01", "revisi: 2024-01-30")
    commit(enacted, "Revisi waktu pemeriksaan", "2024-02-01")
    assert g001(capsys, enacted) == []


def test_records_formatting_and_renames_are_not_revisions(
    enacted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        enacted,
        "sdm/duk.yaml",
        "evaluasi:",
        "  - tanggal: 2024-02-01\n    penilaian: baik\nevaluasi:",
    )
    commit(enacted, "Catat monitoring", "2024-02-01")
    edit(
        enacted,
        "sdm/duk.yaml",
        "  - kegiatan: Menyusun",
        "  # langkah inti\n  - kegiatan: Menyusun",
    )
    commit(enacted, "Tambah komentar", "2024-02-02")
    git(enacted, "mv", "sdm/duk.yaml", "sdm/duk-pegawai.yaml")
    commit(enacted, "Ganti nama berkas", "2024-02-03")
    assert g001(capsys, enacted) == []


def test_a_change_before_a_rename_is_still_found(
    enacted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(enacted, "sdm/duk.yaml", "kegiatan: Menyusun konsep", "kegiatan: Menyusun rancangan")
    commit(enacted, "Ubah kegiatan", "2024-02-01")
    git(enacted, "mv", "sdm/duk.yaml", "sdm/duk-pegawai.yaml")
    commit(enacted, "Ganti nama berkas", "2024-02-03")
    [found] = g001(capsys, enacted)
    assert found["path"] == "sdm/duk-pegawai.yaml" and "Ubah kegiatan" in found["message"]


def test_drafts_and_changes_on_the_revision_day_are_left_alone(
    make_catalog: Make, git_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog(
        {
            "sdm/draf.yaml": sop(DUK, "Draf", status="draf"),
            "sdm/hari-ini.yaml": sop(
                "002/SOP/SDM/KPU-Prov-35/2022", "Hari Ini", revisi="2024-02-01"
            ),
        }
    )
    init(root)
    commit(root, "Impor", "2024-01-10")
    edit(root, "sdm/draf.yaml", "waktu: 1 jam", "waktu: 2 jam")
    edit(root, "sdm/hari-ini.yaml", "waktu: 1 jam", "waktu: 2 jam")
    commit(root, "Ubah keduanya", "2024-02-01")
    assert g001(capsys, root) == []


def test_g001_can_be_waived_in_the_file(enacted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(enacted, "sdm/duk.yaml", "waktu: 1 jam", "waktu: 2 jam")
    commit(enacted, "Perbaiki salah ketik", "2024-02-01")
    edit(enacted, "sdm/duk.yaml", "nomor:", "# sopctl: abaikan G001 -- salah ketik\nnomor:")
    result = sopctl(capsys, "lint", "--format", "json", cwd=enacted)
    assert [(f["code"], f["severity"]) for f in result.json()] == [("G001", "suppressed")]


def test_lint_outside_git_has_no_g001_and_no_error(
    make_catalog: Make, git_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": sop(DUK, "DUK")})
    result = sopctl(capsys, "lint", cwd=root)
    assert result.code == 0 and "0 peringatan" in result.out


def test_verdicts_are_remembered_and_a_bad_memo_is_ignored(
    enacted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(enacted, "sdm/duk.yaml", "waktu: 1 jam", "waktu: 2 jam")
    commit(enacted, "Perpanjang waktu pemeriksaan", "2024-02-01")
    first = g001(capsys, enacted)
    memo = enacted / ".sopctl-cache" / "g001.json"
    assert len(first) == 1 and "Perpanjang waktu pemeriksaan" in memo.read_text(encoding="utf-8")
    assert g001(capsys, enacted) == first
    memo.write_text("{bukan json", encoding="utf-8")
    assert g001(capsys, enacted) == first
    assert g001(capsys, enacted, "--no-cache") == first


def test_the_riwayat_revisi_table_prints_the_revisi_records_never_git(
    repo: Path, tmp_path: Path
) -> None:
    """The official document shows what the office recorded in `revisi`; git history stays
    in `sopctl riwayat` and G001."""
    from sopctl.render.templating import environment

    edit(repo, "sdm/daftar-urut-kepangkatan.yaml", "waktu: 2 jam", "waktu: 3 jam")
    commit(repo, "Ubah <waktu> & uji", "2024-08-01")
    template = environment(None, html=True).get_template("_riwayat.html.j2")
    revisi = [
        {"nomor": 0, "tanggal": dt.date(2022, 4, 14), "uraian": "Penerbitan <pertama>", "oleh": ""},
        {"nomor": 1, "tanggal": dt.date(2024, 8, 1), "uraian": "Waktu & output", "oleh": "SDM"},
    ]
    html = template.render(doc={"sop": {"revisi": revisi}, "table_width": 1000})
    assert html.count("<tr><td>") == 2
    assert "14 April 2022" in html and "1 Agustus 2024" in html
    assert "Penerbitan &lt;pertama&gt;" in html and "Waktu &amp; output" in html
    assert "Ubah" not in html and "Commit" not in html and "Staf Uji" not in html
    assert "<table" not in template.render(doc={"sop": {"revisi": []}, "table_width": 1000})
