"""The lint cache is invisible: whatever it holds, lint reports what a fresh read reports."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import Make, valid_sop
from helpers import sopctl

from sopctl.catalog.folder import open_catalog, sop_files
from sopctl.lint.outcome import OUTCOME_FILE
from sopctl.lint.records import CACHE_DIR, CACHE_FILE, read_records
from sopctl.lint.scan import PARALLEL_FROM

OUTPUT = "      output: Konsep DUK\n"  # the second step's output; removing it gives P009


def _files() -> dict[str, str]:
    """Five SOPs: clean, P009, K001 with the first, a waived finding plus a bad waiver, Y001."""
    return {
        "sops/sdm/duk.yaml": valid_sop(),
        "sops/sdm/kgb.yaml": valid_sop(
            **{"001/SOP": "002/SOP", "(DUK) Pegawai": "Berkala", OUTPUT: ""}
        ),
        "sops/sdm/salinan.yaml": valid_sop(**{"(DUK) Pegawai": "Salinan"}),
        "sops/sdm/waiver.yaml": "# sopctl: abaikan P009 -- dicetak terpisah\n# sopctl: abaikan\n"
        + valid_sop(**{"001/SOP": "003/SOP", "(DUK) Pegawai": "Arsip", OUTPUT: ""}),
        "sops/sdm/rusak.yaml": "nomor: [tidak ditutup\n",
    }


def _lint(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> list[dict[str, Any]]:
    result = sopctl(capsys, "lint", "--format", "json", *args, cwd=root)
    assert result.code in (0, 1), result.err
    found: list[dict[str, Any]] = result.json()
    return found


def _same_with_and_without(
    capsys: pytest.CaptureFixture[str], root: Path, *args: str
) -> list[dict[str, Any]]:
    """Lint cached twice (filling, then reading the cache) and uncached; all must agree."""
    fresh = _lint(capsys, root, "--no-cache", *args)
    assert _lint(capsys, root, *args) == fresh
    assert _lint(capsys, root, *args) == fresh
    return fresh


def test_same_findings_with_and_without_cache(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog(_files())
    found = _same_with_and_without(capsys, root)
    codes = sorted(f["code"] for f in found)
    assert {"P009", "K001", "X001", "Y001"} <= set(codes)
    assert "suppressed" in {f["severity"] for f in found}
    cache = root / CACHE_DIR
    assert (cache / CACHE_FILE).is_file()
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_no_cache_writes_nothing(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_catalog(_files())
    _lint(capsys, root, "--no-cache")
    assert not (root / CACHE_DIR).exists()


def test_one_file_sees_the_whole_catalog_from_the_cache(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog(_files())
    _lint(capsys, root)
    found = _same_with_and_without(capsys, root, "sops/sdm/salinan.yaml")
    assert [f["code"] for f in found] == ["K001"]
    assert "duk.yaml" in found[0]["message"]


def test_edits_are_seen(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_catalog(_files())
    before = _same_with_and_without(capsys, root)
    path = root / "sops/sdm/duk.yaml"
    path.write_text(valid_sop(**{OUTPUT: ""}), encoding="utf-8")
    after = _same_with_and_without(capsys, root)
    assert after != before
    assert any(f["code"] == "P009" and f["path"].endswith("duk.yaml") for f in after)


def test_edit_keeping_size_and_mtime_is_seen(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cache trusts the stamp of a file changed well before it was written; a same-size
    edit with the mtime set back (as some tools do) must still be seen."""
    root = make_catalog(_files())
    path = root / "sops/sdm/duk.yaml"
    old = 1_600_000_000_000_000_000
    os.utime(path, ns=(old, old))
    fresh = _lint(capsys, root, "--no-cache")
    _lint(capsys, root)
    _age_cache(root)
    assert _lint(capsys, root) == fresh  # answered from stamps alone
    text = path.read_text(encoding="utf-8")
    edited = text.replace("waktu: 15 menit", "waktu: 15 menir")  # same size: P010
    assert len(edited) == len(text)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(old, old))
    _age_cache(root)
    found = _same_with_and_without(capsys, root)
    assert any(f["code"] == "P010" and f["path"].endswith("duk.yaml") for f in found)


def _age_cache(root: Path) -> None:
    """Make the cache look written an hour from now, long after every file's last change."""
    cache = root / CACHE_DIR / CACHE_FILE
    body = json.loads(cache.read_bytes())
    body["written_ns"] = time.time_ns() + 3600 * 10**9
    cache.write_bytes(json.dumps(body).encode())


def test_configuration_change_is_seen(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog(_files())
    before = _same_with_and_without(capsys, root)
    config = root / "sopctl.toml"
    text = config.read_text(encoding="utf-8").replace("KPU-Prov-35/", "KPU-Prov-36/")
    config.write_text(text, encoding="utf-8")  # every number now breaks the pattern: I002
    after = _same_with_and_without(capsys, root)
    assert not any(f["code"] == "I002" for f in before)
    assert any(f["code"] == "I002" for f in after)


def test_due_dates_follow_the_day(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    """M001/M002 depend on the day: a cached result must not outlive its due date."""
    root = make_catalog({"sops/duk.yaml": valid_sop()})
    today = dt.date.today()
    early = _same_with_and_without(capsys, root, "--per-tanggal", today.isoformat())
    late_day = (today + dt.timedelta(days=400)).isoformat()
    late = _lint(capsys, root, "--per-tanggal", late_day)
    assert late == _lint(capsys, root, "--no-cache", "--per-tanggal", late_day)
    assert not early
    assert {"M001", "M002"} <= {f["code"] for f in late}
    assert _lint(capsys, root, "--per-tanggal", today.isoformat()) == early


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00\xff garbage",
        b'{"format": 2, "key": "',
        b"[]",
        b"REPLACE_ENTRIES",
    ],
    ids=["binary", "truncated", "wrong-shape", "bad-entries"],
)
def test_corrupted_cache_is_rebuilt(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], damage: bytes
) -> None:
    root = make_catalog(_files())
    fresh = _lint(capsys, root, "--no-cache")
    _lint(capsys, root)
    (root / CACHE_DIR / OUTCOME_FILE).unlink()  # else lint reads the outcome, not this file
    cache = root / CACHE_DIR / CACHE_FILE
    if damage == b"REPLACE_ENTRIES":  # valid JSON of the right key, entries of the wrong shape
        body = json.loads(cache.read_bytes())
        body["entries"] = {digest: [1, {"x": None}] for digest in body["entries"]}
        damage = json.dumps(body).encode()
    cache.write_bytes(damage)
    assert _lint(capsys, root) == fresh
    json.loads(cache.read_bytes())  # rewritten whole
    assert _lint(capsys, root) == fresh


def test_two_processes_at_once(make_catalog: Make) -> None:
    """Two real `sopctl lint` processes on a cold cache, then a third on what they left."""
    files = _files()
    for number in range(4, 40):
        title = f"Prosedur Nomor {number}"
        files[f"sops/umum/p{number}.yaml"] = valid_sop(
            **{"001/SOP": f"{number:03d}/SOP", "(DUK) Pegawai": title}
        )
    root = make_catalog(files)
    command = [sys.executable, "-m", "sopctl", "lint", "--format", "json"]
    fresh = subprocess.run([*command, "--no-cache"], cwd=root, capture_output=True, text=True)
    for _ in range(3):
        shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
        both = [
            subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True) for _ in range(2)
        ]
        outputs = [process.communicate()[0] for process in both]
        assert [json.loads(out) for out in outputs] == [json.loads(fresh.stdout)] * 2
        json.loads((root / CACHE_DIR / CACHE_FILE).read_bytes())
        again = subprocess.run(command, cwd=root, capture_output=True, text=True)
        assert json.loads(again.stdout) == json.loads(fresh.stdout)
    assert not [p for p in (root / CACHE_DIR).iterdir() if p.name.startswith(f".{CACHE_FILE}")]


def test_parallel_parsing_gives_the_same_records(make_catalog: Make) -> None:
    files = {
        f"sops/p{number}.yaml": valid_sop(
            **{"001/SOP": f"{number % 1000:03d}/SOP", "(DUK) Pegawai": f"Nomor {number}"}
        )
        for number in range(PARALLEL_FROM + 10)
    }
    files["sops/p7.yaml"] = valid_sop(**{OUTPUT: ""})
    root = make_catalog(files)
    catalog = open_catalog(root)
    items = [(path, path.name) for path in sop_files(root)]
    today = dt.date.today()
    serial = read_records(catalog, items, today, use_cache=False, workers=1)
    parallel = read_records(catalog, items, today, use_cache=False, workers=2)
    assert parallel == serial
    assert any(f.code == "P009" for record in serial for f in record.findings)
