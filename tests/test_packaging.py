"""A normal (non-editable) install carries the templates and schemas inside the package."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("sopctl-*.whl")
    return wheel


def test_wheel_installs_and_runs_from_anywhere(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    names = zipfile.ZipFile(wheel).namelist()
    assert "sopctl/schemas/sop.schema.json" in names
    assert any(name.startswith("sopctl/templates/") for name in names)
    assert "sopctl/serve/templates/serve_edit.html.j2" in names  # serve's pages and assets
    assert "sopctl/serve/static/serve.js" in names and "sopctl/serve/static/serve.css" in names
    for font in (
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LICENSE-LiberationSans.txt",
    ):
        assert f"sopctl/fonts/{font}" in names  # the print's own font and its licence

    # install the wheel alone into its own folder; dependencies come from the test environment
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-cache-dir",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = (
        "import sopctl.resources as r; "
        "print(r.builtin_dir('schemas')); print(r.builtin_dir('templates'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    schemas, templates = (Path(line) for line in done.stdout.splitlines())
    assert (schemas / "sop.schema.json").is_file()
    assert templates.is_dir()
    assert target in schemas.parents, "the installed copy is used, not the checkout"
    lint = subprocess.run(
        [sys.executable, "-m", "sopctl", "lint", str(REPO / "sops"), "--per-tanggal", "2026-11-26"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
