"""sopctl.history.git: the `git` program on real repositories, and its failures as clear errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import git
from sop_repo import commit, init, write

from sopctl.errors import SopctlError
from sopctl.history import git as sgit


@pytest.fixture
def repo(tmp_path: Path, git_env: dict[str, str]) -> Path:
    root = tmp_path / "repo"
    write(root, "a.yaml", "nama: A\n")
    write(root, "folder dengan spasi/ß.yaml", "nama: Straße\n")
    init(root)
    commit(root, "Awal: dua berkas", "2024-01-02")
    return root


def test_top_level_and_outside_a_repository(repo: Path, tmp_path: Path) -> None:
    assert sgit.top_level(repo / "folder dengan spasi") == repo.resolve()
    assert sgit.find_top(repo / "a.yaml") == repo.resolve()
    outside = tmp_path / "lain"
    outside.mkdir()
    assert sgit.find_top(outside) is None
    with pytest.raises(sgit.NotARepository) as caught:
        sgit.top_level(outside)
    assert caught.value.exit_code == 2 and "bukan bagian dari repositori git" in str(caught.value)


def test_log_reads_renames_dates_and_unusual_names(repo: Path) -> None:
    git(repo, "mv", "a.yaml", "b.yaml")
    write(repo, "folder dengan spasi/ß.yaml", "nama: Straße Baru\n")
    commit(repo, "Ubah: ganti nama | tanda ü", "2024-03-04")
    [latest, first] = sgit.log(repo)
    assert (latest.subject, latest.date, latest.author) == (
        "Ubah: ganti nama | tanda ü",
        dt.date(2024, 3, 4),
        "Staf Uji",
    )
    assert set(latest.files) == {
        sgit.FileChange("R", "b.yaml", "a.yaml", same=True),
        sgit.FileChange("M", "folder dengan spasi/ß.yaml"),
    }
    assert {f.status for f in first.files} == {"A"}


def test_read_blobs_in_one_process(repo: Path) -> None:
    head = sgit.commit_of(repo, "HEAD")
    specs = [f"{head}:folder dengan spasi/ß.yaml", f"{head}:tidak-ada.yaml", f"{head}:a.yaml"]
    assert sgit.read_blobs(repo, specs) == {
        specs[0]: "nama: Straße\n",
        specs[1]: None,
        specs[2]: "nama: A\n",
    }
    assert sgit.read_blobs(repo, [f"{head}:folder dengan spasi"]) == {
        f"{head}:folder dengan spasi": None  # a tree, not a file
    }


def test_changed_files_include_untracked_but_not_deleted_or_ignored(repo: Path) -> None:
    base = sgit.commit_of(repo, "HEAD")
    (repo / "a.yaml").unlink()
    write(repo, "folder dengan spasi/ß.yaml", "nama: lagi\n")
    write(repo, "baru.yaml", "nama: Baru\n")
    write(repo, "abaikan/x.yaml", "nama: X\n")
    write(repo, ".gitignore", "abaikan/\n")
    changed = {p.relative_to(repo).as_posix() for p in sgit.changed_files(repo.resolve(), base)}
    assert changed == {"folder dengan spasi/ß.yaml", "baru.yaml", ".gitignore"}


def test_revisions_and_branches(repo: Path) -> None:
    first = sgit.commit_of(repo, "HEAD")
    git(repo, "switch", "-q", "-c", "fitur")
    write(repo, "c.yaml", "nama: C\n")
    commit(repo, "Tambah C")
    assert sgit.merge_base(repo, "main") == first
    assert sgit.default_branch(repo) == "main"
    git(repo, "branch", "-m", "main", "master")
    assert sgit.default_branch(repo) == "master"
    for bad in ("tidak-ada", "--output=x", ""):
        with pytest.raises(sgit.UnknownRevision) as caught:
            sgit.commit_of(repo, bad)
        assert caught.value.exit_code == 2 and "fetch-depth: 0" in caught.value.said("en")[1]


def test_no_default_branch_and_no_common_history(repo: Path) -> None:
    git(repo, "branch", "-m", "main", "pokok")
    with pytest.raises(sgit.UnknownRevision, match="cabang utama tidak ditemukan"):
        sgit.default_branch(repo)
    git(repo, "switch", "-q", "--orphan", "yatim")
    write(repo, "z.yaml", "nama: Z\n")
    commit(repo, "Riwayat lain")
    with pytest.raises(sgit.UnknownRevision, match="tidak punya leluhur bersama"):
        sgit.merge_base(repo, "pokok")


def test_git_not_installed(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(SopctlError, match="program `git` tidak ditemukan"):
        sgit.top_level(repo)
    with pytest.raises(SopctlError, match="program `git` tidak ditemukan"):
        sgit.read_blobs(repo, ["HEAD:a.yaml"])


def test_other_failures_name_the_git_command(repo: Path) -> None:
    with pytest.raises(sgit.GitError, match=r"`git log` gagal: .*no-such-option") as caught:
        sgit.run(repo, "log", "--no-such-option")
    assert caught.value.exit_code == 2
    with pytest.raises(sgit.GitError, match="folder tidak ditemukan"):
        sgit.run(repo / "tidak-ada", "status")
