"""Issue 13, the CI gate: every file of a pull request may come from an attacker, and none may
turn `sopctl lint` green, hang it or crash it. Each test is one attack, through the CLI on
real files (and real git repositories); the numbers are the cases of the issue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, Make, git, valid_sop
from helpers import codes, sopctl
from sop_repo import commit, init

from sopctl.lint.store import CACHE_DIR

BROKEN = {"nama: Penyusunan": "nama: [Penyusunan"}  # Y001: a syntax error
NO_OUTPUT = {"      output: Konsep DUK\n": ""}  # P009 on step 2
needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks: POSIX")


def _with_pattern(line: str) -> str:
    """The test settings with another `nomor.pola` line."""
    lines = [line if old.startswith("pola =") else old for old in CONFIG.splitlines()]
    assert lines != CONFIG.splitlines()
    return "\n".join(lines) + "\n"


def _json(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> list[dict[str, Any]]:
    result = sopctl(capsys, "lint", "--format", "json", *args, cwd=root)
    assert result.code in (0, 1), result.err
    found: list[dict[str, Any]] = result.json()
    return found


def _program(root: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The installed program in a child process, so that a hang fails the test (timeout)."""
    return subprocess.run(
        [sys.executable, "-m", "sopctl", *args],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


# -- 1. a nested sopctl.toml ---------------------------------------------------------------


def test_1_nested_catalog_files_are_linted_with_lint_path(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog(
        {
            "sdm/duk.yaml": valid_sop(),
            "sdm/sopctl.toml": CONFIG,
            "sdm/rusak.yaml": valid_sop(**BROKEN),
        }
    )
    result = sopctl(capsys, "lint", ".", "--format", "json", cwd=root)
    assert result.code == 1
    assert [(f["path"], f["code"]) for f in result.json()] == [("sdm/rusak.yaml", "Y001")]
    text = sopctl(capsys, "lint", ".", cwd=root)
    assert "2 berkas diperiksa: 1 error" in text.out  # both files counted, none hidden


def test_1_nested_catalog_files_are_linted_with_changed_since(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], git_env: dict[str, str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    init(root)
    commit(root, "Katalog awal")
    git(root, "switch", "-q", "-c", "serangan")
    (root / "sdm/sopctl.toml").write_text(CONFIG, encoding="utf-8")
    (root / "sdm/duk.yaml").write_text(valid_sop(**BROKEN), encoding="utf-8")
    commit(root, "Katalog di dalam katalog")
    found = _json(capsys, root, "--changed-since", "main", "--ignore", "G001")
    assert [(f["path"], f["code"]) for f in found] == [("sdm/duk.yaml", "Y001")]
    inside = _json(capsys, root, "sdm", "--changed-since", "main", "--ignore", "G001")
    assert [f["code"] for f in inside] == ["Y001"]


def test_1_nested_catalog_uses_its_own_settings(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    """Linted under it: its own number pattern applies to its files, the outer one elsewhere."""
    loose = _with_pattern("pola = '^X'")
    root = make_catalog(
        {"a/duk.yaml": valid_sop(), "b/sopctl.toml": loose, "b/duk.yaml": valid_sop()}
    )
    found = _json(capsys, root, ".")
    assert [(f["path"], f["code"]) for f in found] == [("b/duk.yaml", "I002")]


def test_1_fmt_check_sees_nested_catalogs(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    untidy = valid_sop(**{"jenis: administratif\n": "jenis:   administratif\n"})
    root = make_catalog(
        {"sdm/duk.yaml": valid_sop(), "sdm/sopctl.toml": CONFIG, "sdm/x.yaml": untidy}
    )
    result = sopctl(capsys, "fmt", "--check", cwd=root)
    assert result.code == 1 and "sdm/x.yaml" in result.out


# -- 2. waivers ----------------------------------------------------------------------------


def test_2_syntax_error_cannot_be_waived(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# sopctl: abaikan Y001 -- x\n" + valid_sop(**BROKEN)
    root = make_catalog({"sdm/duk.yaml": text})
    result = sopctl(capsys, "lint", "--format", "json", cwd=root)
    assert result.code == 1
    assert sorted(codes(result)) == ["X003", "Y001"]


def test_2_missing_name_cannot_be_waived(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# sopctl: abaikan S001,S002 -- x\n" + valid_sop(
        **{"nama: Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai\n": ""}
    )
    root = make_catalog({"sdm/duk.yaml": text})
    result = sopctl(capsys, "lint", "--format", "json", cwd=root)
    assert result.code == 1
    assert sorted(codes(result)) == ["S002", "X003", "X003"]


def test_2_a_waiver_below_the_header_covers_its_own_line_and_the_next_only(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    waiver = "# sopctl: abaikan P010 -- format waktu SK lama\n"
    far = valid_sop(**{"waktu: 1 hari": "waktu: sehari", "monitoring:": waiver + "monitoring:"})
    near = valid_sop(**{"      waktu: 1 hari": "      " + waiver + "      waktu: sehari"})
    other = near.replace("001/", "002/").replace("(DUK) Pegawai", "Pegawai Kontrak")
    root = make_catalog({"sdm/jauh.yaml": far, "sdm/dekat.yaml": other})
    found = {(f["path"], f["code"], f["severity"]) for f in _json(capsys, root)}
    assert found == {
        ("sdm/jauh.yaml", "P010", "error"),  # the waiver is lines away: it does not apply
        ("sdm/jauh.yaml", "X002", "warning"),  # ... and says that it waives nothing
        ("sdm/dekat.yaml", "P010", "suppressed"),
    }


def test_2_suppressed_findings_show_in_every_format_and_no_waivers_shows_all(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# sopctl: abaikan P009 -- dicetak terpisah\n" + valid_sop(**NO_OUTPUT)
    root = make_catalog({"sdm/duk.yaml": text})
    github = sopctl(capsys, "lint", "--format", "github", cwd=root)
    assert github.code == 0
    assert github.out.startswith("::notice file=sdm/duk.yaml,") and "dicetak terpisah" in github.out
    gitlab = json.loads(sopctl(capsys, "lint", "--format", "gitlab", cwd=root).out)
    assert [(i["check_name"], i["severity"]) for i in gitlab] == [("P009", "info")]
    assert "dicetak terpisah" in gitlab[0]["description"]
    sarif = json.loads(sopctl(capsys, "lint", "--format", "sarif", cwd=root).out)
    assert sarif["runs"][0]["results"][0]["suppressions"][0]["justification"]
    audit = sopctl(capsys, "lint", "--no-waivers", "--format", "json", cwd=root)
    assert audit.code == 1 and codes(audit) == ["P009"]


# -- 5. the cache folder -------------------------------------------------------------------


def _forge_clean(root: Path) -> None:
    """Rewrite every finding the per-file records hold as none, and drop the outcome so that
    a clone starts from those records (what an attacker would commit)."""
    folder = root / CACHE_DIR
    path = folder / "lint.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        entry[0] = []
    path.write_text(json.dumps(data), encoding="utf-8")
    for name in ("outcome.json", "facts.json"):
        (folder / name).unlink(missing_ok=True)


def _fresh_clone_in_place(root: Path) -> Path:
    """A fresh clone of the repository at `root`, checked out at `root` itself."""
    origin = root.with_name(root.name + "-origin")
    root.rename(origin)
    git(origin.parent, "clone", "-q", str(origin), str(root))
    return root


def test_5_a_committed_cache_is_ignored_on_a_fresh_clone(
    make_catalog: Make,
    capsys: pytest.CaptureFixture[str],
    git_env: dict[str, str],
    tmp_path: Path,
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(**NO_OUTPUT)})
    assert codes(sopctl(capsys, "lint", "--format", "json", cwd=root)) == ["P009"]
    _forge_clean(root)
    (root / CACHE_DIR / ".gitignore").unlink()
    init(root)
    git(root, "add", "-f", ".")
    git(root, "commit", "-q", "-m", "Cache palsu")
    clone = _fresh_clone_in_place(root)  # CI checks out to the same, predictable path
    assert (clone / CACHE_DIR / "lint.json").exists()
    result = sopctl(capsys, "lint", "--format", "json", "--ignore", "G001", cwd=clone)
    assert result.code == 1 and codes(result) == ["P009"]


@needs_posix
def test_5_a_symlinked_cache_is_neither_read_nor_written(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(**NO_OUTPUT)})
    outside = tmp_path / "di-luar"
    outside.mkdir()
    (root / CACHE_DIR).symlink_to(outside, target_is_directory=True)
    assert codes(sopctl(capsys, "lint", "--format", "json", cwd=root)) == ["P009"]
    assert list(outside.iterdir()) == []


def test_5_g001_verdicts_from_a_committed_cache_are_ignored(
    make_catalog: Make,
    capsys: pytest.CaptureFixture[str],
    git_env: dict[str, str],
    tmp_path: Path,
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    init(root)
    commit(root, "Impor", "2024-01-10")
    duk = root / "sdm/duk.yaml"
    duk.write_text(valid_sop(**{"waktu: 1 jam": "waktu: 2 jam"}), encoding="utf-8")
    commit(root, "Ubah waktu", "2024-02-01")
    assert "G001" in codes(sopctl(capsys, "lint", "--format", "json", cwd=root))
    memo = root / CACHE_DIR / "g001.json"
    memo.write_text(json.dumps(dict.fromkeys(json.loads(memo.read_text("utf-8")))), "utf-8")
    (root / CACHE_DIR / ".gitignore").unlink()
    git(root, "add", "-f", ".")
    git(root, "commit", "-q", "-m", "Cache palsu")
    clone = _fresh_clone_in_place(root)
    assert "G001" in codes(sopctl(capsys, "lint", "--format", "json", cwd=clone))


def test_5_cache_keys_do_not_depend_on_install_mtimes(tmp_path: Path) -> None:
    """A CI cache restored onto a fresh machine must hit: touching sopctl's sources (as a new
    install does) leaves the key as it was."""
    import sopctl

    package = Path(sopctl.__file__).parent
    script = "from sopctl.lint.store import _package_digest as d; print(d())"
    run = [sys.executable, "-c", script]
    first = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    source = package / "lint" / "findings.py"
    stamp = source.stat()
    try:
        os.utime(source, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 10**9))
        second = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    finally:
        os.utime(source, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert first == second and first.strip()


# -- 6. the number pattern -----------------------------------------------------------------


def test_6_a_catastrophic_number_pattern_is_an_error_not_a_hang(make_catalog: Make) -> None:
    config = _with_pattern("pola = '^(a|aa)+$'")
    nomor = "a" * 60 + "!"
    root = make_catalog(
        {"sdm/duk.yaml": valid_sop(**{"001/SOP/SDM/KPU-Prov-35/2022": nomor})}, config
    )
    done = _program(root, "lint", timeout=30)
    assert done.returncode == 2
    assert "`nomor.pola`" in done.stderr and "sopctl.toml:" in done.stderr
    english = _program(root, "lint", "--lang", "en", timeout=30)
    assert "too complex to match safely" in english.stderr


def test_6_a_very_long_number_is_never_matched(make_catalog: Make) -> None:
    """`a*a*a*a*a*b` has no nested repetition, but is O(n^5) on a long enough number."""
    config = _with_pattern("pola = 'a*a*a*a*a*b'")
    long_number = {"001/SOP/SDM/KPU-Prov-35/2022": "a" * 5000}
    root = make_catalog({"sdm/duk.yaml": valid_sop(**long_number)}, config)
    done = _program(root, "lint", "--format", "json", timeout=30)
    assert done.returncode == 1, done.stderr
    assert [f["code"] for f in json.loads(done.stdout)] == ["I002"]


# -- 10. damaged caches and symlink loops --------------------------------------------------


@needs_posix
def test_10_symlink_loop_is_a_finding(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    (root / "sdm/a.yaml").symlink_to("b.yaml")
    (root / "sdm/b.yaml").symlink_to("a.yaml")
    for verb in (("lint", "--format", "json"), ("list",), ("report",)):
        result = sopctl(capsys, *verb, cwd=root)
        assert result.code in (0, 1), (verb, result.err)
    found = sopctl(capsys, "lint", "--format", "json", cwd=root).json()
    assert {(f["path"], f["code"]) for f in found} == {
        ("sdm/a.yaml", "Y008"),
        ("sdm/b.yaml", "Y008"),
    }


@pytest.mark.parametrize("name", ["outcome.json", "lint.json", "facts.json", "g001.json"])
def test_10_deeply_nested_cache_file_is_ignored(
    name: str, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(**NO_OUTPUT)})
    expected = _json(capsys, root, "--no-cache")
    (root / CACHE_DIR).mkdir()
    (root / CACHE_DIR / name).write_text("[" * 100_000, encoding="utf-8")
    assert _json(capsys, root) == expected
    assert _json(capsys, root) == expected


def _age_outcome(root: Path) -> None:
    """Make the outcome look written an hour from now, so that the files' stamps vouch for
    them (as for files edited well before the last lint) and lint trusts it."""
    path = root / CACHE_DIR / "outcome.json"
    body = json.loads(path.read_bytes())
    body["written_ns"] = time.time_ns() + 3600 * 10**9
    path.write_bytes(json.dumps(body).encode())


def test_10_cache_entry_with_an_unknown_code_is_ignored(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(**NO_OUTPUT), "sdm/b.yaml": valid_sop(**BROKEN)})
    expected = _json(capsys, root)
    records = root / CACHE_DIR / "lint.json"
    records.write_text(records.read_text("utf-8").replace('"P009"', '"Z999"'), encoding="utf-8")
    (root / CACHE_DIR / "outcome.json").unlink()  # a cold start reads the per-file records
    assert _json(capsys, root) == expected
    outcome = root / CACHE_DIR / "outcome.json"
    outcome.write_text(outcome.read_text("utf-8").replace('"P009"', '"Z999"'), encoding="utf-8")
    _age_outcome(root)
    assert _json(capsys, root) == expected


# -- 11. FIFOs and other files that are not regular ----------------------------------------


@needs_posix
def test_11_fifo_named_like_an_sop_is_skipped_with_a_finding(make_catalog: Make) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    os.mkfifo(root / "sdm/pipa.yaml")
    lint = _program(root, "lint", "--format", "json")
    assert lint.returncode == 1, lint.stderr
    assert [(f["path"], f["code"]) for f in json.loads(lint.stdout)] == [("sdm/pipa.yaml", "Y010")]
    for verb in (("fmt", "--check"), ("fmt",), ("list",), ("report",), ("lint", "sdm/pipa.yaml")):
        done = _program(root, *verb)
        assert done.returncode in (0, 1), (verb, done.stderr)
    assert (root / "sdm/pipa.yaml").is_fifo()  # fmt left it alone
