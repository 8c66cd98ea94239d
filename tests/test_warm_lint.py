"""Warm lint (the last run's outcome, `sopctl.lint.outcome`) is invisible: whatever changed since,
lint reports what a `--no-cache` run reports; and when nothing changed it reads no SOP."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, Make, valid_sop
from helpers import sopctl
from sop_repo import ATK, CUTI, DUK, sop

from sopctl.catalog.folder import sop_file_names, sop_files
from sopctl.lint.outcome import FACTS_FILE, OUTCOME_FILE
from sopctl.lint.records import CACHE_DIR, CACHE_FILE

DAY = dt.date.today().isoformat()


def _files() -> dict[str, str]:
    """DUK links to Cuti, Cuti to ATK; a waived P009 and a malformed waiver in ATK."""
    atk = sop(ATK, "Pengadaan ATK", unit="umum").replace("      output: Konsep DUK\n", "")
    return {
        "sdm/duk.yaml": sop(DUK, "Penyusunan DUK", links=(CUTI,)),
        "sdm/cuti.yaml": sop(CUTI, "Pemberian Cuti", links=(ATK,)),
        "umum/atk.yaml": "# sopctl: abaikan P009 -- dicetak terpisah\n# sopctl: abaikan\n" + atk,
    }


def _lint(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> list[dict[str, Any]]:
    result = sopctl(capsys, "lint", "--format", "json", "--per-tanggal", DAY, *args, cwd=root)
    assert result.code in (0, 1), result.err
    found: list[dict[str, Any]] = result.json()
    return found


def _age(root: Path) -> None:
    """Make the outcome look written an hour from now, long after every file's last change,
    so that the files' stamps vouch for them (as they do for files edited earlier)."""
    path = root / CACHE_DIR / OUTCOME_FILE
    body = json.loads(path.read_bytes())
    body["written_ns"] = time.time_ns() + 3600 * 10**9
    path.write_bytes(json.dumps(body).encode())


def _warm(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> list[dict[str, Any]]:
    """Lint, then lint again from the aged outcome; both must equal a `--no-cache` run."""
    fresh = _lint(capsys, root, "--no-cache", *args)
    assert _lint(capsys, root, *args) == fresh
    _age(root)
    assert _lint(capsys, root, *args) == fresh
    return fresh


def _unchanged_after_lint(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> bool:
    """Whether a lint left the cache files as they were (it read no SOP)."""
    cache = root / CACHE_DIR
    before = {p.name: p.read_bytes() for p in cache.iterdir()}
    _lint(capsys, root, *args)
    return before == {p.name: p.read_bytes() for p in cache.iterdir()}


def test_nothing_changed_reads_nothing(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog(_files())
    found = _warm(capsys, root)
    assert {"X001", "P009"} <= {f["code"] for f in found}
    assert "suppressed" in {f["severity"] for f in found}
    assert _unchanged_after_lint(capsys, root)
    assert _unchanged_after_lint(capsys, root, "sdm/duk.yaml")
    assert _lint(capsys, root, "sdm/duk.yaml") == _lint(capsys, root, "--no-cache", "sdm/duk.yaml")


def test_deleting_a_file_breaks_links_to_it(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog(_files())
    before = _warm(capsys, root)
    (root / "umum/atk.yaml").unlink()
    after = _warm(capsys, root)
    assert "K002" not in {f["code"] for f in before}
    assert [(f["path"], f["code"]) for f in after] == [("sdm/cuti.yaml", "K002")]


def test_adding_a_file_with_a_taken_number(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog(_files())
    _warm(capsys, root)
    (root / "sdm/salinan.yaml").write_text(sop(DUK, "Salinan DUK"), encoding="utf-8")
    after = _warm(capsys, root)
    assert {f["path"] for f in after if f["code"] == "K001"} == {"sdm/duk.yaml", "sdm/salinan.yaml"}


def test_new_folder_and_nested_catalog_are_seen(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    """A warm lint lists no folder whose stamp is unchanged: a new folder changes its
    parent's stamp, and a catalog of its own made inside changes that folder's."""
    root = make_catalog(_files())
    _warm(capsys, root)
    (root / "sdm/baru").mkdir()
    (root / "sdm/baru/salinan.yaml").write_text(sop(DUK, "Salinan DUK"), encoding="utf-8")
    after = _warm(capsys, root)
    assert "sdm/baru/salinan.yaml" in {f["path"] for f in after if f["code"] == "K001"}
    (root / "sdm/baru/sopctl.toml").write_text(
        (root / "sopctl.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    nested = _warm(capsys, root)
    assert "K001" not in {f["code"] for f in nested}


def test_warm_walk_still_lints_nested_catalogs(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    """A warm lint that reuses the last walk still lints the catalogs nested below (their
    folders are known by their sopctl.toml): a nested sopctl.toml never hides a broken file."""
    files = _files()
    files["sdm/lain/sopctl.toml"] = CONFIG
    files["sdm/lain/rusak.yaml"] = "nama: [tidak ditutup\n"
    root = make_catalog(files)
    found = _warm(capsys, root)  # the nested catalog's own cache folder changes its stamp
    assert ("sdm/lain/rusak.yaml", "Y001") in {(f["path"], f["code"]) for f in found}
    _age(root)
    assert _lint(capsys, root) == found  # now the walk is reused


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_link_whose_target_changes_kind_is_seen(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A link's target can change from a folder to a file without any catalog folder's stamp
    changing: folders holding links are listed on every run."""
    root = make_catalog(_files())
    outside = tmp_path_factory.mktemp("luar") / "sasaran"
    outside.mkdir()
    (root / "umum/tautan.yaml").symlink_to(outside, target_is_directory=True)
    before = _warm(capsys, root)
    outside.rmdir()
    outside.write_text(sop(DUK, "Salinan DUK"), encoding="utf-8")
    after = _warm(capsys, root)
    assert "Y009" not in {f["code"] for f in before}
    assert ("umum/tautan.yaml", "Y009") in {(f["path"], f["code"]) for f in after}


def test_renaming_a_file_is_seen_in_other_files_findings(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _files()
    files["sdm/salinan.yaml"] = sop(DUK, "Salinan DUK")
    root = make_catalog(files)
    _warm(capsys, root)
    (root / "sdm/salinan.yaml").rename(root / "sdm/kembar.yaml")
    after = _warm(capsys, root)
    duplicate = next(f for f in after if f["code"] == "K001" and f["path"] == "sdm/duk.yaml")
    assert "sdm/kembar.yaml" in duplicate["message"]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("waktu: 1 jam", "waktu: sejam", "P010"),  # the file's own finding; facts unchanged
        (f"nomor: {CUTI}", f"nomor: {DUK}", "K001"),  # facts changed: cross-file rules again
    ],
    ids=["own-finding", "facts"],
)
def test_editing_one_file(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], old: str, new: str, code: str
) -> None:
    root = make_catalog(_files())
    _warm(capsys, root)
    path = root / "sdm/cuti.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    after = _warm(capsys, root)
    assert code in {f["code"] for f in after if f["path"] == "sdm/cuti.yaml"}
    path.write_text(path.read_text(encoding="utf-8").replace(new, old), encoding="utf-8")
    assert code not in {f["code"] for f in _warm(capsys, root)}


def test_same_size_edit_with_mtime_set_back(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog(_files())
    path = root / "sdm/duk.yaml"
    old = 1_600_000_000_000_000_000
    os.utime(path, ns=(old, old))
    _warm(capsys, root)
    text = path.read_text(encoding="utf-8")
    edited = text.replace("waktu: 15 menit", "waktu: 15 menir")
    assert len(edited) == len(text)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(old, old))
    _age(root)
    assert _lint(capsys, root) == _lint(capsys, root, "--no-cache")
    assert "P010" in {f["code"] for f in _lint(capsys, root)}


def test_configuration_change(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_catalog(_files())
    _warm(capsys, root)
    config = root / "sopctl.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("KPU-Prov-35/", "KPU-Prov-36/"),
        encoding="utf-8",
    )
    assert "I002" in {f["code"] for f in _warm(capsys, root)}


def test_crossing_a_due_date(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_catalog(_files())
    assert not {"M001", "M002"} & {f["code"] for f in _warm(capsys, root)}
    for days in (400, 0, 400):  # past the due dates, back, and past again
        day = (dt.date.today() + dt.timedelta(days=days)).isoformat()
        _age(root)
        found = _lint(capsys, root, "--per-tanggal", day)
        assert found == _lint(capsys, root, "--no-cache", "--per-tanggal", day)
        assert ({"M001", "M002"} <= {f["code"] for f in found}) == (days > 0)


def test_another_working_folder(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    """Findings name files as seen from the working folder, K001 even in its message."""
    files = _files()
    files["umum/salinan.yaml"] = sop(DUK, "Salinan DUK")
    root = make_catalog(files)
    _warm(capsys, root)
    inside = sopctl(capsys, "lint", "--format", "json", cwd=root / "sdm").json()
    fresh = sopctl(capsys, "lint", "--format", "json", "--no-cache", cwd=root / "sdm").json()
    assert inside == fresh
    other = (root / "umum/salinan.yaml").as_posix()  # outside the working folder: in full
    assert any(other in f["message"] for f in inside if f["code"] == "K001")


@pytest.mark.parametrize(
    "damage",
    ["garbage", "entries", "days", "across", "facts", "token", "folders", "outside", "nested"],
)
def test_damaged_outcome_is_rebuilt(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    root = make_catalog(_files())
    fresh = _warm(capsys, root)
    cache = root / CACHE_DIR
    path = cache / (FACTS_FILE if damage in ("facts", "token") else OUTCOME_FILE)
    body = json.loads(path.read_bytes())
    if damage == "garbage":
        path.write_bytes(b"\x00\xff{")
    elif damage == "entries":  # stamps that vouch, findings of the wrong shape
        body["entries"] = [[*e[:2], [[1, {"x": None}]], *e[3:]] for e in body["entries"]]
    elif damage == "days":  # read before anything else
        body["entries"] = [[*e[:5], 7, *e[6:]] for e in body["entries"]]
    elif damage == "across":
        body["across"] = [["x", 1]]
    elif damage == "folders":
        body["folders"] = [[str(root), "x", None]]
    elif damage == "outside":  # folders outside the catalog are never trusted
        body["folders"] = [[str(root), 1, 1, 1], [str(root.parent), 1, 1, 1]]
    elif damage == "nested":  # only a listed folder holding a sopctl.toml is a nested catalog
        body["nested"] = [str(root / "sdm"), str(root), str(root.parent)]
    elif damage == "facts":
        body["facts"] = [[[1, 2, 3, 4, 5], [], {}] for _ in body["facts"]]
    else:
        body["token"] = "from another run"
    if damage != "garbage":
        path.write_bytes(json.dumps(body).encode())
    if damage in ("facts", "token"):  # facts are read when a file's facts change
        duk = root / "sdm/duk.yaml"
        duk.write_text(duk.read_text(encoding="utf-8").replace(DUK, ATK), encoding="utf-8")
        fresh = _lint(capsys, root, "--no-cache")
    assert _lint(capsys, root) == fresh
    _age(root)
    assert _lint(capsys, root) == fresh
    json.loads((cache / OUTCOME_FILE).read_bytes())  # rewritten whole


def test_warm_single_file_imports_no_parser(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sopctl lint FILE` on an unchanged catalog loads neither YAML, the SOP model, the
    file and catalog rules nor rich (for plain output): that is what keeps it fast. (The
    registry itself is light: its history rule, G001, runs on every lint.)"""
    root = make_catalog(_files())
    _warm(capsys, root)
    _age(root)
    heavy = (
        "sopctl.sop.yamlio",
        "sopctl.sop.model",
        *(f"sopctl.lint.rules.{name}" for name in RULE_MODULES),
        "yaml",
        "ruamel",
        "rich",
        "jinja2",
    )
    probe = (
        "import sys\nfrom sopctl.cli import run\ncode = run(['lint', 'sdm/duk.yaml'])\n"
        f"print(code, sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r} "
        f"or m in {heavy!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "0 []"
    assert "1 berkas diperiksa" in done.stdout


RULE_MODULES = ("catalog", "context", "identity", "placeholder", "procedure", "schedule")


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for git")
def test_no_git_call_outside_a_repository(
    make_catalog: Make,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_catalog(_files())
    assert not any((folder / ".git").exists() for folder in (root, *root.parents))
    bin_dir, calls = tmp_path / "bin", tmp_path / "git-calls"
    bin_dir.mkdir()
    fake = bin_dir / "git"
    fake.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\nexit 1\n', encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    assert _lint(capsys, root) == _lint(capsys, root, "--no-cache")
    assert not calls.exists()


def test_walk_order_and_skips_as_before(tmp_path: Path) -> None:
    """`sop_files` (os.scandir, strings) lists what `os.walk` + `sorted(Path)` listed."""
    for relative in (
        "a/x.yaml",
        "a-b/y.yml",
        "a/b/z.yaml",
        "a/c.yaml",
        "B/upper.yaml",
        ".hidden/h.yaml",
        "templates/t.yaml",
        "nested/sopctl.toml",
        "nested/n.yaml",
        "notes.txt",
        "top.yaml",
    ):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    if sys.platform != "win32":
        (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    expected = sorted(
        Path(folder) / name
        for folder, dirs, files in _old_walk(tmp_path)
        for name in files
        if name.endswith((".yaml", ".yml"))
    )
    assert sop_files(tmp_path) == expected
    assert sop_file_names(str(tmp_path)) == [str(p) for p in expected]
    assert len(expected) == 6


def _old_walk(root: Path) -> list[tuple[str, list[str], list[str]]]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".")
            and d != "templates"
            and not (Path(folder) / d / "sopctl.toml").is_file()
        ]
        found.append((folder, dirs, files))
    return found


def test_cache_files_are_json_only(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    _lint(capsys, root)
    names = {p.name for p in (root / CACHE_DIR).iterdir()}
    assert {CACHE_FILE, OUTCOME_FILE, FACTS_FILE, ".gitignore"} == names
    for name in names - {".gitignore"}:
        json.loads((root / CACHE_DIR / name).read_bytes())
