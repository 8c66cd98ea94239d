"""The README stays true: its two commands, the rule table and the command reference.

Run with SOPCTL_UPDATE_README=1 to rewrite the generated sections, then review the diff.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sopctl.cli import app
from sopctl.text.codes import CODES

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
UPDATE = os.environ.get("SOPCTL_UPDATE_README") == "1"


def fenced_blocks(text: str) -> list[str]:
    return re.findall(r"^```[a-z]*\n(.*?)^```", text, re.MULTILINE | re.DOTALL)


def section(text: str, name: str) -> str:
    match = re.search(rf"<!-- {name}:start -->\n(.*?)<!-- {name}:end -->", text, re.DOTALL)
    assert match, f"README lacks the {name} markers"
    return match.group(1)


def check_section(name: str, expected: str) -> None:
    text = README.read_text(encoding="utf-8")
    if UPDATE:
        start, end = f"<!-- {name}:start -->\n", f"<!-- {name}:end -->"
        head, rest = text.split(start)
        _, tail = rest.split(end)
        README.write_text(head + start + expected + end + tail, encoding="utf-8")
        return
    assert section(text, name) == expected, (
        f"README section `{name}` is stale: run SOPCTL_UPDATE_README=1 pytest tests/test_readme.py"
    )


def test_readme_opens_with_two_one_line_commands() -> None:
    blocks = fenced_blocks(README.read_text(encoding="utf-8"))
    setup, tests = blocks[0], blocks[1]
    assert setup.count("\n") == 1 and tests.count("\n") == 1
    assert "sopctl lint sops" in setup and "pytest" in tests


def test_a_missing_tool_is_a_visible_skip_locally_and_a_failure_under_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from conftest import needed

    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install it"):
        needed("sopctl_no_such_module", "apt-get install it")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true but sopctl_no_such_module"):
        needed("sopctl_no_such_module", "apt-get install it")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert 'export CI="${CI:-true}"' in ci  # .ci/run itself is strict


def test_readme_setup_installs_the_pdf_engine() -> None:
    setup = fenced_blocks(README.read_text(encoding="utf-8"))[0]
    assert '".[pdf]"' in setup  # a booklet prints to PDF by default


def test_ci_runs_the_readme_test_command_exactly() -> None:
    tests = fenced_blocks(README.read_text(encoding="utf-8"))[1].strip()
    ci_lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci_lines


def commands() -> list[str]:
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def help_text(*args: str, lang: str = "id") -> str:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "SOPCTL_LANG": lang}
    env.pop("FORCE_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "sopctl", *args, "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    return "\n".join(line.rstrip() for line in done.stdout.splitlines()).strip() + "\n"


def test_command_reference_matches_help() -> None:
    parts = ["### `sopctl`\n\n```text\n" + help_text() + "```\n"]
    for name in commands():
        parts.append(f"\n### `sopctl {name}`\n\n```text\n" + help_text(name) + "```\n")
    check_section("reference", "".join(parts))


def test_every_command_has_an_example() -> None:
    for name in commands():
        assert "Contoh" in help_text(name), f"`sopctl {name} --help` shows no example"
        english = help_text(name, lang="en")
        assert "Example" in english, f"`SOPCTL_LANG=en sopctl {name} --help` shows no example"


def test_rule_table_matches_catalog() -> None:
    rows = ["| code | severity | message (Bahasa Indonesia) | hint |", "|---|---|---|---|"]
    for code, entry in sorted(CODES.items()):
        message, hint = (part.replace("|", "\\|") for part in entry.id)
        rows.append(f"| `{code}` | {entry.severity} | {message} | {hint} |")
    check_section("rules", "\n".join(rows) + "\n")
