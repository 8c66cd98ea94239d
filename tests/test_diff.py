"""`sopctl diff`: the semantic diff of the catalog, on steps, SOPs and git revisions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import Make, git
from helpers import sopctl
from sop_repo import ATK, CUTI, base_files, commit, edit, init, sop, write

from sopctl.history.compare import compare_catalogs, compare_steps


def step(kegiatan: str, **more: Any) -> dict[str, Any]:
    return {"kegiatan": kegiatan, "pelaksana": "staf", **more}


STEPS = [
    step("Menerima surat"),
    step("Memeriksa berkas; lengkap?", ya=3, tidak=1),
    step("Menyusun konsep"),
    step("Menandatangani"),
]


def test_an_inserted_step_does_not_make_later_steps_changed() -> None:
    new = [STEPS[0], step("Mencatat di agenda"), {**STEPS[1], "ya": 4, "tidak": 1}, *STEPS[2:]]
    [change] = compare_steps(STEPS, new)
    assert (change.kind, change.old, change.new, change.kegiatan) == (
        "added",
        None,
        2,
        "Mencatat di agenda",
    )


def test_a_reworded_step_is_changed_not_removed_and_added() -> None:
    new = [STEPS[0], STEPS[1], step("Menyusun konsep surat balasan"), STEPS[3]]
    [change] = compare_steps(STEPS, new)
    assert (change.kind, change.old, change.new) == ("changed", 3, 3)
    assert [(c.key, c.old, c.new) for c in change.fields] == [
        ("kegiatan", "Menyusun konsep", "Menyusun konsep surat balasan")
    ]


def test_a_changed_branch_target_is_reported_with_the_numbers_as_written() -> None:
    new = [STEPS[0], {**STEPS[1], "tidak": 3}, *STEPS[2:]]
    [change] = compare_steps(STEPS, new)
    assert [(c.key, c.old, c.new) for c in change.fields] == [("tidak", "1", "3")]


def test_removed_and_moved_steps() -> None:
    new = [STEPS[0], STEPS[2], {**STEPS[1], "ya": 2, "tidak": 1}]
    changes = {(c.kind, c.old, c.new) for c in compare_steps(STEPS, new)}
    swapped = {("moved", 2, 3), ("moved", 3, 2)}  # which of two swapped steps moved: either
    assert ("removed", 4, None) in changes and len(changes & swapped) == 1 and len(changes) == 2


def test_catalog_pairs_renamed_files_renumbered_and_retitled_sops() -> None:
    old = {
        "a.yaml": {"nomor": "001", "nama": "Satu", "langkah": STEPS},
        "b.yaml": {"nomor": "002", "nama": "Dua", "langkah": STEPS[:2]},
        "c.yaml": {"nomor": "003", "nama": "Tiga", "langkah": [step("Menghapus arsip lama")]},
        "d.yaml": {"nomor": "004", "nama": "Empat", "langkah": [step("Mengirim undangan rapat")]},
    }
    new = {
        "a.yaml": {"nomor": "001", "nama": "Satu", "langkah": STEPS},  # unchanged: not listed
        "b2.yaml": {"nomor": "002", "nama": "Dua Baru", "langkah": STEPS[:2]},  # moved, retitled
        "d2.yaml": {"nomor": "005", "nama": "Empat", "langkah": [step("Mengirim undangan rapat")]},
        "e.yaml": {"nomor": "006", "nama": "Enam", "langkah": [step("Menerima tamu")]},
    }
    entries = {(e.kind, e.old_path, e.new_path): e for e in compare_catalogs(old, new)}
    assert set(entries) == {
        ("changed", "b.yaml", "b2.yaml"),
        ("changed", "d.yaml", "d2.yaml"),
        ("added", None, "e.yaml"),
        ("removed", "c.yaml", None),
    }
    moved_retitled = entries[("changed", "b.yaml", "b2.yaml")]
    assert moved_retitled.moved and moved_retitled.renamed and not moved_retitled.renumbered
    renumbered = entries[("changed", "d.yaml", "d2.yaml")]
    assert renumbered.renumbered and not renumbered.renamed


def test_a_file_with_new_path_number_and_title_is_a_new_sop() -> None:
    old = {"x.yaml": {"nomor": "001", "nama": "Lama", "langkah": STEPS}}
    new = {"y.yaml": {"nomor": "009", "nama": "Baru", "langkah": STEPS}}
    kinds = [(e.kind, e.old_path, e.new_path) for e in compare_catalogs(old, new)]
    assert kinds == [("removed", "x.yaml", None), ("added", None, "y.yaml")]


# -- through git and the CLI -----------------------------------------------------------------


@pytest.fixture
def repo(make_catalog: Make, git_env: dict[str, str]) -> Path:
    """Three SOPs on main; on branch `fitur`: Cuti renumbered, ATK deleted, DUK revised and
    moved, a new SOP added."""
    root = make_catalog(base_files())
    init(root)
    commit(root, "Katalog awal")
    git(root, "switch", "-q", "-c", "fitur")
    edit(root, "sdm/cuti.yaml", f"nomor: {CUTI}", "nomor: 004/SOP/SDM/KPU-Prov-35/2022")
    (root / "umum/atk.yaml").unlink()
    edit(
        root,
        "sdm/duk.yaml",
        "  - kegiatan: Menandatangani",
        "  - kegiatan: Mengarsipkan konsep\n    pelaksana: staf\n  - kegiatan: Menandatangani",
    )
    edit(root, "sdm/duk.yaml", "ya: 4", "ya: 5")
    git(root, "add", "-A")
    git(root, "mv", "sdm/duk.yaml", "sdm/daftar-urut-kepangkatan.yaml")
    commit(root, "Revisi SOP SDM, hapus ATK")
    write(root, "sdm/baru.yaml", sop("005/SOP/SDM/KPU-Prov-35/2024", "Penyusunan Formasi"))
    return root


def diff_json(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> dict[str, Any]:
    result = sopctl(capsys, "diff", *args, "--format", "json", cwd=root)
    assert result.code == 0, result.err
    data: dict[str, Any] = result.json()
    return data


def test_default_compares_the_branch_point_with_the_working_tree(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = diff_json(capsys, repo)
    assert data["base_ref"] == "main" and data["head"] is None
    assert data["base"] == git(repo, "rev-parse", "--short=7", "main").strip()
    kinds = {(e["kind"], e["old_path"], e["new_path"]) for e in data["entries"]}
    assert kinds == {
        ("added", None, "sdm/baru.yaml"),
        ("removed", "umum/atk.yaml", None),
        ("changed", "sdm/cuti.yaml", "sdm/cuti.yaml"),
        ("changed", "sdm/duk.yaml", "sdm/daftar-urut-kepangkatan.yaml"),
    }
    cuti = next(e for e in data["entries"] if e["new_path"] == "sdm/cuti.yaml")
    assert cuti["renumbered"] and (cuti["old_nomor"], cuti["new_nomor"]) == (
        CUTI,
        "004/SOP/SDM/KPU-Prov-35/2022",
    )
    duk = next(e for e in data["entries"] if e["old_path"] == "sdm/duk.yaml")
    assert duk["moved"] and duk["diff"]["fields"] == []
    assert [(s["kind"], s["new"]) for s in duk["diff"]["steps"]] == [("added", 4)]


def test_two_revisions_and_main_moving_on(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "stash", "-u", "-q")
    git(repo, "switch", "-q", "main")
    edit(repo, "umum/atk.yaml", "nama: Pengadaan", "nama: Pengadaan dan Distribusi")
    commit(repo, "Ubah ATK di main")
    data = diff_json(capsys, repo, "main", "fitur")
    assert data["head"] == git(repo, "rev-parse", "--short=7", "fitur").strip()
    paths = {e["new_path"] or e["old_path"] for e in data["entries"]}
    assert paths == {"umum/atk.yaml", "sdm/cuti.yaml", "sdm/daftar-urut-kepangkatan.yaml"}
    removed = next(e for e in data["entries"] if e["kind"] == "removed")
    assert removed["old_nama"] == "Pengadaan Alat Tulis Kantor"  # as at the branch point


def test_markdown_is_a_pull_request_comment(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = sopctl(capsys, "diff", "main", "--format", "md", cwd=repo)
    lines = result.out.splitlines()
    assert lines[0] == "### Perubahan SOP"
    assert "4 SOP berubah: 1 ditambahkan, 1 dihapus, 2 diubah" in result.out
    assert "| Perubahan | Berkas | Nomor | Nama SOP |" in lines
    assert f"| dihapus | `umum/atk.yaml` | {ATK} | Pengadaan Alat Tulis Kantor |" in lines
    assert f"{CUTI} → 004/SOP/SDM/KPU-Prov-35/2022" in result.out
    assert "<details>" in result.out and "langkah 4 ditambahkan: Mengarsipkan konsep" in result.out


def test_text_lists_each_sop_and_its_steps(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = sopctl(capsys, "diff", cwd=repo)
    assert result.code == 0
    assert "+ sdm/baru.yaml" in result.out and "- umum/atk.yaml" in result.out
    assert "~ sdm/daftar-urut-kepangkatan.yaml (dahulu sdm/duk.yaml)" in result.out
    assert f"nomor: {CUTI} → 004/SOP/SDM/KPU-Prov-35/2022" in result.out


def test_origin_head_is_the_default_branch(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "switch", "-q", "main")  # the branch a clone's origin/HEAD points at
    clone = tmp_path / "klon"
    git(tmp_path, "clone", "-q", "--branch", "fitur", str(repo), str(clone))
    data = diff_json(capsys, clone)
    assert data["base_ref"] == "origin/main" and len(data["entries"]) == 3


def test_nothing_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = sopctl(capsys, "diff", "HEAD", "HEAD", "--format", "md", cwd=repo)
    assert "Tidak ada SOP yang berubah." in result.out and "|" not in result.out


def test_errors_are_clear(
    repo: Path, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    unknown = sopctl(capsys, "diff", "v9.9", cwd=repo)
    assert unknown.code == 2 and "revisi git tidak dikenal: v9.9" in unknown.err
    option_like = sopctl(capsys, "diff", "--", "--output=x", cwd=repo)
    assert option_like.code == 2 and not (repo / "x").exists()
    outside = make_catalog(base_files(), name="tanpa-git")
    result = sopctl(capsys, "diff", cwd=outside)
    assert result.code == 2 and "bukan bagian dari repositori git" in result.err
