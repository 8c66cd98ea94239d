"""`sopctl lint` as users and CI run it: formats, selection, suppression, languages, exits."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONFIG, Make, valid_sop
from helpers import codes, sopctl

TWO_PROBLEMS = valid_sop(**{"waktu: 1 jam": "waktu: sejam", "      output: Konsep DUK\n": ""})


@pytest.fixture
def root(make_catalog: Make) -> Path:
    return make_catalog({"sdm/duk.yaml": TWO_PROBLEMS})


def test_text_output_groups_by_file_with_summary(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sopctl(capsys, "lint", cwd=root)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == "sdm/duk.yaml"
    assert any("P010" in line and "sejam" in line for line in lines)
    assert any("saran:" in line for line in lines)
    assert lines[-1] == "1 berkas diperiksa: 2 error, 0 peringatan, 0 info"


def test_json_has_exactly_the_documented_keys(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = sopctl(capsys, "lint", "--format", "json", cwd=root).json()
    assert {tuple(sorted(f)) for f in found} == {
        ("code", "column", "hint", "line", "message", "path", "severity")
    }
    assert sorted(f["code"] for f in found) == ["P009", "P010"]


def test_github_annotations(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = sopctl(capsys, "lint", "--format", "github", cwd=root).out.splitlines()
    assert len(out) == 2
    assert all(line.startswith("::error file=sdm/duk.yaml,line=") for line in out)
    assert any(",title=P010::" in line for line in out)


def test_sarif_is_2_1_0_with_rules_and_locations(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = sopctl(capsys, "lint", "--format", "sarif", cwd=root).json()
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {"P009", "P010"}
    for result in run["results"]:
        rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] > 1 and region["startColumn"] >= 1


def test_select_and_ignore(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    selected = sopctl(capsys, "lint", "--format", "json", "--select", "P010", cwd=root)
    assert codes(selected) == ["P010"]
    ignored = sopctl(capsys, "lint", "--format", "json", "--ignore", "P", cwd=root)
    assert codes(ignored) == [] and ignored.code == 0
    unknown = sopctl(capsys, "lint", "--select", "Q123", cwd=root)
    assert unknown.code == 2 and "Q123" in unknown.err


def test_suppression_needs_a_reason_and_still_shows(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    waived = "# sopctl: abaikan P009, P010 -- format waktu mengikuti SK lama\n" + TWO_PROBLEMS
    root = make_catalog({"sdm/duk.yaml": waived})
    result = sopctl(capsys, "lint", "--format", "json", cwd=root)
    assert result.code == 0
    assert {(f["code"], f["severity"]) for f in result.json()} == {
        ("P009", "suppressed"),
        ("P010", "suppressed"),
    }
    assert result.json()[0]["hint"] == "format waktu mengikuti SK lama"
    text = sopctl(capsys, "lint", cwd=root).out
    assert "(2 dikecualikan)" in text
    sarif = sopctl(capsys, "lint", "--format", "sarif", cwd=root).json()
    assert all(r["suppressions"][0]["kind"] == "inSource" for r in sarif["runs"][0]["results"])


def test_english_messages(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = sopctl(capsys, "lint", "--format", "json", "--lang", "en", cwd=root).json()
    assert any(f["message"].startswith("Step 2: time") or "time" in f["message"] for f in found)
    config = CONFIG.replace('bahasa = "id"', 'bahasa = "en"')
    (root / "sopctl.toml").write_text(config, encoding="utf-8")
    out = sopctl(capsys, "lint", cwd=root).out
    assert out.splitlines()[-1] == "1 files checked: 2 errors, 0 warnings, 0 infos"


def test_outside_a_catalog_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = sopctl(capsys, "lint", cwd=tmp_path)
    assert result.code == 2
    assert "sopctl.toml" in result.err and "Traceback" not in result.err


def test_missing_path_is_exit_2(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = sopctl(capsys, "lint", "tidak-ada.yaml", cwd=root)
    assert result.code == 2 and "tidak-ada.yaml" in result.err


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("preset = [\n", "sopctl.toml"),
        ('preset = "kpu-provinsi-2020"\n\n[nomor]\npola = "[("\n', "nomor.pola"),
        ('preset = "kpu-provinsi-2020"\n\n[periode]\nmonitoring_bulan = "enam"\n', ":4:"),
        ('preset = "kpu-provinsi-2020"\nwarna = "merah"\n', "warna"),
    ],
    ids=["toml-syntax", "bad-regex", "bad-type", "unknown-key"],
)
def test_bad_config_is_exit_2(
    config: str, expected: str, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"duk.yaml": valid_sop()}, config=config)
    result = sopctl(capsys, "lint", cwd=root)
    assert result.code == 2
    assert expected in result.err and "Traceback" not in result.err


def test_unexpected_failure_is_one_line_and_exit_3(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sopctl.lint import rules

    def broken_rule(ctx: object) -> list[object]:
        raise RuntimeError("rule exploded")

    monkeypatch.setitem(rules.FILE_RULES, "P001", broken_rule)
    result = sopctl(capsys, "lint", cwd=root)
    assert result.code == 3
    assert "rule exploded" in result.err and "Traceback" not in result.err
    with pytest.raises(RuntimeError):
        sopctl(capsys, "--debug", "lint", cwd=root)


def test_schema_files_match_the_models(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = Path(__file__).resolve().parent.parent
    assert sopctl(capsys, "schema", "-o", str(tmp_path)).code == 0
    for name in ("sop.schema.json", "config.schema.json"):
        generated = (tmp_path / name).read_text(encoding="utf-8")
        committed = (repo / "schemas" / name).read_text(encoding="utf-8")
        assert generated == committed, f"schemas/{name} is stale: run `sopctl schema`"
    schema = json.loads((tmp_path / "sop.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert {"nama", "unit", "area_rb", "status", "tanggal", "pelaksana", "langkah"} <= set(
        schema["required"]
    )


def test_installed_program_runs(root: Path) -> None:
    program = shutil.which("sopctl", path=str(Path(sys.executable).parent))
    assert program, "the sopctl console script is installed beside the interpreter"
    done = subprocess.run(
        [program, "lint", "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 1
    assert sorted(f["code"] for f in json.loads(done.stdout)) == ["P009", "P010"]
    module = subprocess.run(
        [sys.executable, "-m", "sopctl", "--version"], capture_output=True, text=True, check=False
    )
    assert module.returncode == 0 and module.stdout.startswith("sopctl ")
