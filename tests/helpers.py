"""Running sopctl in-process the way the console script does, capturing its output."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sopctl.cli import run


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def sopctl(capsys: pytest.CaptureFixture[str], *args: str, cwd: Path | None = None) -> Result:
    """`sopctl ARGS` in `cwd`, in-process, with the real exit-code handling."""
    before = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        capsys.readouterr()
        code = run(list(args))
        captured = capsys.readouterr()
    finally:
        os.chdir(before)
    return Result(code, captured.out, captured.err)


def codes(result: Result) -> list[str]:
    """The codes of the unsuppressed findings of a `--format json` run."""
    return [f["code"] for f in result.json() if f["severity"] != "suppressed"]
