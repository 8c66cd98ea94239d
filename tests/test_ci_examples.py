"""The CI examples of docs/ci.md and the pre-commit hooks, run as written on a real clone."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CONFIG, REPO, git
from sop_repo import base_files, commit, edit, init, write

from sopctl.sop.yamlio import parse_text

DOC = REPO / "docs" / "ci.md"
HOOKS = REPO / ".pre-commit-hooks.yaml"
ANNOTATION = re.compile(
    r"^::(error|warning|notice) file=sops/[^,]+\.yaml,line=\d+,col=\d+,title=[A-Z]\d{3}::.+$"
)


def examples() -> dict[str, Any]:
    """The YAML blocks of docs/ci.md, by the file name in their first line."""
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    found = {}
    for block in blocks:
        document = parse_text(block)
        assert document.problems == [], document.problems
        found[block.splitlines()[0].removeprefix("# ")] = document.data
    return found


def github_commands() -> list[str]:
    jobs = examples()[".github/workflows/sop.yml"]["jobs"]
    runs = [step.get("run", "") for job in jobs.values() for step in job["steps"]]
    return [run for run in runs if run.startswith("sopctl ")]


def gitlab_commands() -> list[str]:
    job = examples()[".gitlab-ci.yml"]["sopctl"]
    return [line for line in job["before_script"] + job["script"] if line.startswith("sopctl ")]


@pytest.fixture
def clone(tmp_path: Path, git_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clone on branch `fitur` of a repository whose catalog is `sops/`: the branch adds an
    error to one SOP and deletes an SOP another one still links to."""
    upstream = tmp_path / "hulu"
    for relative, text in {"sopctl.toml": CONFIG, **base_files()}.items():
        write(upstream, f"sops/{relative}", text)
    init(upstream)
    commit(upstream, "Katalog awal")
    work = tmp_path / "kerja"
    git(tmp_path, "clone", "-q", str(upstream), str(work))
    git(work, "switch", "-q", "-c", "fitur")
    edit(work, "sops/sdm/duk.yaml", "      waktu: 1 hari\n", "")
    (work / "sops/umum/atk.yaml").unlink()
    commit(work, "Ubah DUK, hapus ATK")
    monkeypatch.setenv("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
    return work


def run(command: str, cwd: Path) -> tuple[int, str]:
    """Run a documented `sopctl …` line as CI would; `> FILE` is honoured. (exit code, output)"""
    line = os.path.expandvars(command.replace("${{ github.base_ref }}", "main"))
    words = shlex.split(line)
    target = words[words.index(">") + 1] if ">" in words else None
    args = words[1 : words.index(">")] if target else words[1:]
    done = subprocess.run(
        [sys.executable, "-m", "sopctl", *args],
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    if target:
        (cwd / target).write_text(done.stdout, encoding="utf-8")
    return done.returncode, done.stdout


def run_all(commands: list[str], cwd: Path) -> dict[str, tuple[int, str]]:
    """Each command's (exit code, output), by its `--format` (or the command name)."""
    results = {}
    for command in commands:
        words = command.split()
        key = words[words.index("--format") + 1] if "--format" in words else words[1]
        results[key] = run(command, cwd)
    return results


def test_github_actions_example(clone: Path) -> None:
    results = run_all(github_commands(), clone)
    assert sorted(results) == ["github", "md", "sarif"]
    code, out = results["github"]
    lines = out.splitlines()
    assert code == 1 and lines and all(ANNOTATION.match(line) for line in lines)
    assert any("file=sops/sdm/duk.yaml" in line and "title=P009" in line for line in lines)
    assert any("file=sops/sdm/cuti.yaml" in line and "title=K002" in line for line in lines)
    assert results["sarif"][0] == 1
    sarif = json.loads((clone / "sopctl.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    results_ = sarif["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results_}
    assert uris == {"sops/sdm/duk.yaml", "sops/sdm/cuti.yaml"}
    assert results["md"][0] == 0
    comment = (clone / "perubahan-sop.md").read_text(encoding="utf-8")
    assert comment.startswith("### Perubahan SOP") and "sops/umum/atk.yaml" in comment


def test_github_example_uploads_the_file_it_writes() -> None:
    steps = examples()[".github/workflows/sop.yml"]["jobs"]["periksa"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload"))
    assert any(s.get("run", "").endswith(f"> {upload['with']['sarif_file']}") for s in steps)
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0


def test_gitlab_ci_example(clone: Path) -> None:
    job = examples()[".gitlab-ci.yml"]["sopctl"]
    results = run_all(gitlab_commands(), clone)
    assert sorted(results) == ["gitlab", "md"]
    assert results["md"][0] == 0 and results["gitlab"][0] == 1
    report = clone / job["artifacts"]["reports"]["codequality"]
    issues = json.loads(report.read_text(encoding="utf-8"))
    assert {(i["location"]["path"], i["check_name"]) for i in issues} == {
        ("sops/sdm/duk.yaml", "P009"),
        ("sops/sdm/cuti.yaml", "K002"),
        ("sops/sdm/duk.yaml", "G001"),  # changed after its tanggal.revisi, which was kept
    }
    for issue in issues:
        assert issue["severity"] in {"major", "minor", "info"} and issue["description"]
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_pre_commit_example_runs_the_hooks(clone: Path) -> None:
    listed = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))  # a list: not an SOP document
    hooks = {hook["id"]: hook for hook in listed}
    assert set(hooks) == {"sopctl-lint", "sopctl-fmt"}
    config = examples()[".pre-commit-config.yaml"]["repos"][0]["hooks"]
    results = {}
    for used in config:
        hook = hooks[used["id"]]
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        results[used["id"]] = run(" ".join([hook["entry"], *used["args"]]), clone)
    assert results["sopctl-fmt"][0] == 0
    assert results["sopctl-lint"][0] == 1 and "P009" in results["sopctl-lint"][1]
