"""Issue 13: lint with its cache on, over the shipped sample catalog mutated at random, never
crashes and always reports what a lint without the cache reports (bounded: a few dozen
examples, each a few mutations of a few files)."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE
from helpers import sopctl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopctl.lint.outcome import OUTCOME_FILE
from sopctl.lint.store import CACHE_DIR

SNIPPETS = [
    "# sopctl: abaikan P009 -- dicetak terpisah",
    "# sopctl: abaikan Y001,S002 -- x",
    "# sopctl: abaikan",
    "    # sopctl: abaikan P010 -- SK lama",
    "nomor: 001/SOP/SDM/KPU-Prov-35/2022",
    "nama: [tidak ditutup",
    "  - &a x",
    "status: dicabut",
    "\tindentasi: tab",
    "keterkaitan:\n  - nomor: 999/SOP/X/KPU-Prov-35/2024\n    hubungan: terkait",
    'nama: "\\e[31mmerah"',
    "---",
    "",
]


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[Path, bytes]]]:
    """A private copy of the sample catalog and its files' original bytes."""
    root = tmp_path_factory.mktemp("fuzz") / "sops"
    shutil.copytree(SAMPLE, root)
    originals = {path: path.read_bytes() for path in sorted(root.rglob("*.yaml"))}
    yield root, originals


def _mutate(text: str, op: str, where: int, snippet: str) -> str:
    lines = text.split("\n")
    at = where % max(len(lines), 1)
    if op == "delete":
        del lines[at]
    elif op == "duplicate":
        lines.insert(at, lines[at])
    elif op == "insert":
        lines.insert(at, snippet)
    elif op == "append":
        lines[at] += "  " + snippet if snippet.startswith("#") else snippet
    else:  # truncate
        return text[: where % max(len(text), 1)]
    return "\n".join(lines)


Mutation = tuple[int, str, int, str]
mutations = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(["delete", "duplicate", "insert", "append", "truncate"]),
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(SNIPPETS) | st.text(max_size=12),
    ),
    min_size=1,
    max_size=4,
)


def _age(outcome: Path) -> None:
    """Make the outcome look written an hour from now: the files' stamps then vouch for them
    (as for files edited well before the last lint), so the next lint trusts it."""
    body = json.loads(outcome.read_bytes())
    body["written_ns"] = time.time_ns() + 3600 * 10**9
    outcome.write_bytes(json.dumps(body).encode())


def _lint(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> list[dict[str, Any]]:
    result = sopctl(capsys, "lint", "--format", "json", *args, cwd=root)
    assert result.code in (0, 1), result.err  # never 3: no crash, whatever the files hold
    found: list[dict[str, Any]] = result.json()
    return found


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=mutations, cold=st.booleans())
def test_cached_lint_of_mutated_samples_equals_uncached(
    changes: list[Mutation],
    cold: bool,
    catalog: tuple[Path, dict[Path, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, originals = catalog
    files = list(originals)
    texts = {path: path.read_text("utf-8") for path in files}
    try:
        for pick, op, where, snippet in changes:
            path = files[pick % len(files)]
            texts[path] = _mutate(texts[path], op, where, snippet)
            path.write_text(texts[path], encoding="utf-8", errors="surrogatepass")
        outcome = root / CACHE_DIR / OUTCOME_FILE
        if cold:  # start from the per-file records alone
            outcome.unlink(missing_ok=True)
        cached = _lint(capsys, root)  # the cache was filled by the examples before this one
        _age(outcome)
        assert _lint(capsys, root) == cached  # every file vouched for by the outcome
        assert _lint(capsys, root, "--no-cache") == cached
    finally:
        for path, raw in originals.items():
            path.write_bytes(raw)
