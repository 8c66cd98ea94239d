"""Bahasa Indonesia and English from one catalog: help, CLI phrases, and the keys code uses."""

from __future__ import annotations

import ast
import os
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONFIG, REPO, Make, valid_sop
from helpers import sopctl

from sopctl.cli import app, register_all
from sopctl.cli.app import COMMANDS
from sopctl.text.help import HELP, help_text
from sopctl.text.phrases import UI

PACKAGE = REPO / "sopctl"
CATALOG_MODULES = {*PACKAGE.glob("text/*.py"), *PACKAGE.glob("text/help/*.py")}
SWAPPED = {"unit: sdm\narea_rb: manajemen-sdm\n": "area_rb: manajemen-sdm\nunit: sdm\n"}
MESSY = valid_sop(**SWAPPED)  # keys out of canonical order


@pytest.fixture(autouse=True)
def no_language_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOPCTL_LANG", raising=False)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def examples(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("sopctl")]


# -- the catalog ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(HELP))
def test_help_text_in_both_languages_with_the_same_examples(key: str) -> None:
    indonesian, english = help_text(key, "id"), help_text(key, "en")
    assert indonesian and english and indonesian != english
    assert fields(indonesian) == fields(english)
    assert examples(indonesian) == examples(english)
    assert ("Contoh" in indonesian) == ("Example" in english)


@pytest.mark.parametrize("key", sorted(UI))
def test_ui_phrase_in_both_languages_with_the_same_placeholders(key: str) -> None:
    indonesian, english = UI[key]
    assert indonesian.strip() and english.strip()
    assert fields(indonesian) == fields(english), key


def test_every_command_has_help_with_an_example_in_both_languages() -> None:
    register_all()
    for info in app.registered_commands:
        assert info.callback is not None
        name = info.name or info.callback.__name__
        assert "Contoh:" in help_text(name, "id"), name
        assert "Example:" in help_text(name, "en"), name
        assert info.callback.__doc__ is None, f"{name}: its help lives in the catalog"


def test_help_follows_sopctl_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    assert help_text("list.format") == "table, json atau csv."
    monkeypatch.setenv("SOPCTL_LANG", "en")
    assert help_text("list.format") == "table, json or csv."


# -- keys used in code --------------------------------------------------------------------------


def string_calls(names: set[str]) -> list[tuple[Path, int, str, str]]:
    """(file, line, function, key) for every call of `names` whose first argument is a string."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if name in names and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((path, node.lineno, name, first.value))
    return found


def test_every_key_the_code_looks_up_is_in_the_catalog() -> None:
    calls = string_calls({"ui", "_ui", "help_text"})
    assert len(calls) > 50  # the scan sees the code it is meant to check
    catalogs = {"ui": UI, "_ui": UI, "help_text": HELP}
    missing = [f"{p.name}:{line} {key}" for p, line, f, key in calls if key not in catalogs[f]]
    assert not missing


def test_every_catalog_entry_is_used_somewhere() -> None:
    constants = set()
    for path in set(PACKAGE.rglob("*.py")) - CATALOG_MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
    unused = sorted((set(UI) | set(HELP)) - constants)
    assert not unused, f"catalog entries no code names: {unused}"


# -- through the CLI ------------------------------------------------------------------------------


def run_installed(*args: str, lang: str | None = None, columns: int = 100) -> str:
    program = shutil.which("sopctl") or str(Path(sys.executable).with_name("sopctl"))
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"}
    env.pop("SOPCTL_LANG", None)
    if lang:
        env["SOPCTL_LANG"] = lang
    done = subprocess.run(
        [program, *args], capture_output=True, text=True, encoding="utf-8", env=env, check=True
    )
    return done.stdout


def test_installed_program_shows_english_help_when_asked() -> None:
    english = run_installed("lint", "--help", lang="en")
    assert "Check SOP files" in english and "Example:" in english
    assert "Only these codes (or prefixes)" in english
    assert "Periksa berkas SOP" not in english
    indonesian = run_installed("lint", "--help")
    assert "Periksa berkas SOP" in indonesian and "Contoh:" in indonesian


@pytest.mark.parametrize(
    ("lang", "panel", "joined"),
    [
        ("id", "Perintah", "kertas dan orientasi dari [buku]"),
        ("en", "Commands", "paper and orientation from [buku]"),
    ],
)
def test_help_prose_is_wrapped_by_the_terminal_not_by_the_source(
    lang: str, panel: str, joined: str
) -> None:
    root = run_installed("--help", lang=lang, columns=200)
    listing = root.split(f"╭─ {panel} ")[1].split("╰")[0].splitlines()[1:]
    assert [row.split()[1] for row in listing] == list(COMMANDS)  # one line each, in order
    render = run_installed("render", "--help", lang=lang, columns=200).splitlines()
    assert any(joined in line for line in render)  # a sentence the source wraps, in one piece
    items = [line.split()[1] for line in render if line.startswith(" - ")]
    assert items == ["HTML:", "Markdown:", "PDF:", "DOCX:"]  # a list keeps a line per item
    assert any(line.startswith("   sopctl render ") for line in render)  # examples stay indented


def test_fmt_check_speaks_english(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_catalog({"sdm/duk.yaml": MESSY})
    result = sopctl(capsys, "fmt", "--check", "--lang", "en", cwd=root)
    assert result.code == 1
    assert "would reformat: sdm/duk.yaml" in result.out
    assert "1 of 1 files need formatting; run `sopctl fmt`" in result.err
    indonesian = sopctl(capsys, "fmt", "--check", cwd=root)
    assert "perlu dirapikan: sdm/duk.yaml" in indonesian.out


def test_catalog_language_applies_without_the_option(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": MESSY}, config=CONFIG.replace('"id"', '"en"'))
    result = sopctl(capsys, "fmt", "--check", cwd=root)
    assert "would reformat: sdm/duk.yaml" in result.out


def test_report_warnings_and_errors_in_english(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "sdm/rusak.yaml": "nama: [tidak ditutup\n"})
    result = sopctl(capsys, "report", str(root), "--lang", "en")
    assert result.code == 0
    assert "1 files skipped as invalid (check them with `sopctl lint`):" in result.err
    missing = tmp_path / "tidak-ada" / "rekap.csv"
    result = sopctl(capsys, "report", str(root), "-o", str(missing), "--lang", "en")
    assert result.code == 2
    assert "no such folder" in result.err and "hint: create the folder first" in result.err
    by = ("--by", "unit", "--by", "area", "--by", "jenis")
    result = sopctl(capsys, "report", str(root), *by, "--lang=en")
    assert "--by takes at most two dimensions" in result.err and "hint: e.g." in result.err


def test_report_errors_stay_indonesian_by_default(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    result = sopctl(capsys, "report", str(root), "-o", str(tmp_path / "tidak-ada" / "r.csv"))
    assert "folder tidak ada" in result.err and "saran: buat foldernya" in result.err


def test_new_without_a_terminal_names_missing_options_in_english(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog()
    result = sopctl(capsys, "new", "--nama", "Uji", "--dry-run", "--lang", "en", cwd=root)
    assert result.code == 2
    assert "missing required options: --unit, --area, --pelaksana" in result.err


def test_render_summary_in_english(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    out = root / "cetak"
    result = sopctl(capsys, "render", str(root), "-f", "md", "-o", str(out), "--lang", "en")
    assert result.code == 0
    assert f"1 MD files written to {out.as_posix()}" in result.out


@pytest.mark.parametrize(
    ("command", "expected"),
    [("renumber", "not an SOP file"), ("riwayat", "file not found")],
)
def test_missing_file_errors_in_english(
    command: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sopctl(capsys, command, str(tmp_path / "tidak-ada.yaml"), "--lang", "en")
    assert result.code == 2
    assert expected in result.err and "hint: " in result.err


def test_no_phrase_key_is_defined_twice() -> None:
    """The phrase tables are merged into one catalog: a key in two of them would hide one."""
    from sopctl.text import failures, phrases, usage

    tables = [phrases._CLI, failures.FAILURES, usage.USAGE]
    assert sum(len(t) for t in tables) == len(UI)
