"""`sopctl lint --changed-since REF` on real git repositories with branches."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Make, git
from helpers import sopctl
from sop_repo import ATK, CUTI, DUK, base_files, commit, edit, init, sop, write

NO_WAKTU = ("      waktu: 1 hari\n", "")  # turns step 2 of an SOP into a P009 error


@pytest.fixture
def repo(make_catalog: Make, git_env: dict[str, str]) -> Path:
    """A catalog on `main` with one known error in umum/atk.yaml, and a branch `fitur`."""
    root = make_catalog(base_files())
    edit(root, "umum/atk.yaml", *NO_WAKTU)
    init(root)
    commit(root, "Katalog awal")
    git(root, "switch", "-q", "-c", "fitur")
    return root


def lint_changed(
    capsys: pytest.CaptureFixture[str], root: Path, *args: str
) -> list[dict[str, str]]:
    args = ("--changed-since", "main", "--format", "json", "--ignore", "G001", *args)
    result = sopctl(capsys, "lint", *args, cwd=root)
    assert result.code in (0, 1), result.err
    found: list[dict[str, str]] = result.json()
    return found


def where(found: list[dict[str, str]]) -> set[tuple[str, str]]:
    return {(f["path"], f["code"]) for f in found}


def test_only_changed_files_get_per_file_rules(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "sdm/duk.yaml", *NO_WAKTU)
    commit(repo, "Ubah DUK")
    assert where(lint_changed(capsys, repo)) == {("sdm/duk.yaml", "P009")}
    whole = sopctl(capsys, "lint", "--format", "json", cwd=repo).json()
    assert ("umum/atk.yaml", "P009") in where(whole)  # the unchanged error is still there


def test_uncommitted_staged_and_untracked_files_count(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "sdm/duk.yaml", *NO_WAKTU)  # modified, not staged
    write(repo, "sdm/baru.yaml", sop("004/SOP/SDM/KPU-Prov-35/2024", "Baru", links=("999/X",)))
    write(repo, "abaikan/lain.yaml", "bukan: sop\n")
    write(repo, ".gitignore", "abaikan/\n")
    found = where(lint_changed(capsys, repo))
    assert found == {("sdm/duk.yaml", "P009"), ("sdm/baru.yaml", "K002")}


def test_renamed_file_is_linted_and_deleted_file_is_not(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "mv", "umum/atk.yaml", "umum/alat-tulis.yaml")
    commit(repo, "Ganti nama berkas ATK")
    assert where(lint_changed(capsys, repo)) == {("umum/alat-tulis.yaml", "P009")}


def test_renumbered_sop_breaks_the_unchanged_file_linking_to_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "sdm/cuti.yaml", f"nomor: {CUTI}", "nomor: 004/SOP/SDM/KPU-Prov-35/2022")
    commit(repo, "Nomori ulang SOP cuti")
    found = lint_changed(capsys, repo)
    assert where(found) == {("sdm/duk.yaml", "K002")}  # duk.yaml itself did not change
    assert CUTI in found[0]["message"]


def test_deleted_sop_still_referenced_is_reported_where_the_link_is(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "umum/atk.yaml").unlink()
    commit(repo, "Hapus SOP ATK")
    result = sopctl(capsys, "lint", "--changed-since", "main", cwd=repo)
    assert result.code == 1
    assert "sdm/cuti.yaml" in result.out and ATK in result.out
    assert "0 berkas diperiksa" in result.out  # no SOP file changed; the break is still shown


def test_broken_link_in_an_unchanged_file_can_be_waived(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        repo, "sdm/cuti.yaml", "nomor:", "# sopctl: abaikan K002 -- ATK menyusul\nnomor:"
    )  # header
    commit(repo, "Kecualikan keterkaitan ATK")
    git(repo, "switch", "-q", "-c", "hapus-atk")
    (repo / "umum/atk.yaml").unlink()
    commit(repo, "Hapus SOP ATK")
    result = sopctl(capsys, "lint", "--changed-since", "fitur", "--format", "json", cwd=repo)
    assert result.code == 0
    assert [f["severity"] for f in result.json()] == ["suppressed"]


def test_merge_base_ignores_what_happened_on_main_since(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "sdm/duk.yaml", *NO_WAKTU)
    commit(repo, "Ubah DUK")
    git(repo, "switch", "-q", "main")
    edit(repo, "sdm/cuti.yaml", *NO_WAKTU)
    commit(repo, "Ubah cuti di main")
    git(repo, "switch", "-q", "fitur")
    assert where(lint_changed(capsys, repo)) == {("sdm/duk.yaml", "P009")}


def test_changed_configuration_lints_every_file(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "sopctl.toml", 'bahasa = "id"', 'bahasa = "id"\n# unit baru menyusul')
    assert ("umum/atk.yaml", "P009") in where(lint_changed(capsys, repo))


def test_named_paths_narrow_the_changed_files(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "sdm/duk.yaml", *NO_WAKTU)
    edit(repo, "umum/atk.yaml", "kegiatan: Menyusun", "kegiatan: Menyusun ulang")
    assert where(lint_changed(capsys, repo, "umum")) == {("umum/atk.yaml", "P009")}


def test_unknown_reference_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = sopctl(capsys, "lint", "--changed-since", "tidak-ada", cwd=repo)
    assert result.code == 2
    assert "revisi git tidak dikenal: tidak-ada" in result.err
    assert "Traceback" not in result.err


def test_outside_a_repository_is_a_clear_error(
    make_catalog: Make, git_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog(base_files())
    result = sopctl(capsys, "lint", "--changed-since", "main", cwd=root)
    assert result.code == 2
    assert "bukan bagian dari repositori git" in result.err
    assert DUK not in result.out
