"""`sopctl` starts fast: the root help lists every command without importing its module, and a
command imports its own module only. Speed itself is measured in bench/, not here."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

from sopctl.cli import app, register_all
from sopctl.cli.app import COMMANDS

PACKAGE = Path(__file__).resolve().parent.parent / "sopctl"


def test_commands_table_names_every_registered_command() -> None:
    register_all()
    registered = [i.name or i.callback.__name__ for i in app.registered_commands if i.callback]
    registered += [
        str(g.typer_instance.info.name) for g in app.registered_groups if g.typer_instance
    ]
    assert sorted(registered) == sorted(COMMANDS)
    defining = {
        path.stem
        for path in (PACKAGE / "cli").glob("*.py")
        if re.search(r"^(@app\.command|app\.add_typer)", path.read_text(encoding="utf-8"), re.M)
    }
    assert defining == set(COMMANDS.values())


def _modules_after(*args: str) -> tuple[str, list[str]]:
    probe = (
        "import sys\nfrom sopctl.cli import run\ncode = run(sys.argv[1:])\n"
        "print('MODULES', sorted(m for m in sys.modules if m.startswith('sopctl.cli.')))"
    )
    env = {**os.environ, "COLUMNS": "100", "SOPCTL_LANG": "id"}
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env, check=True
    )
    head, _, modules = done.stdout.rpartition("MODULES ")
    return head, ast.literal_eval(modules)


def test_root_help_lists_every_command_without_importing_them() -> None:
    out, modules = _modules_after("--help")
    assert "sopctl.cli.app" in modules
    assert not {f"sopctl.cli.{m}" for m in COMMANDS.values()} & set(modules)
    for name in COMMANDS:
        assert re.search(rf"│ {name} ", out), name


def test_a_command_imports_only_its_own_module() -> None:
    out, modules = _modules_after("list", "--help")
    assert "--cari" in out
    assert "sopctl.cli.listing" in modules
    others = {f"sopctl.cli.{m}" for m in COMMANDS.values()} - {"sopctl.cli.listing"}
    assert not others & set(modules)


def test_help_leaves_markdown_and_tracebacks_unloaded_but_importable() -> None:
    probe = (
        "import sys\nfrom sopctl.cli import run\nrun(['lint', '--help'])\n"
        "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in "
        "('markdown_it', 'pygments') or m in ('rich.markdown', 'rich.traceback')))\n"
        "import rich.markdown, rich.traceback, typer.rich_utils as utils\n"
        "print('REAL', isinstance(utils.Markdown('x'), rich.markdown.Markdown),"
        " utils.Traceback.from_exception == rich.traceback.Traceback.from_exception)"
    )
    env = {**os.environ, "COLUMNS": "100", "SOPCTL_LANG": "id"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert "--no-cache" in done.stdout  # the help was printed
    assert "LOADED []" in done.stdout
    assert "REAL True True" in done.stdout
