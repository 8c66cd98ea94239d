"""Bad input gets a finding with a location, never a crash, and never hides other files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import Make, valid_sop
from helpers import sopctl

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)


def lint_json(capsys: pytest.CaptureFixture[str], root: Path) -> list[dict[str, object]]:
    result = sopctl(capsys, "lint", "--format", "json", cwd=root)
    assert result.err == ""
    found: list[dict[str, object]] = result.json()
    return found


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [
        (b"nomor: 1\nnama: \xff\xfe rusak\n", "Y002", 2),
        (b"", "Y004", 1),
        (b"# hanya komentar\n", "Y004", 1),
        (b"- nama: daftar\n- nama: bukan pemetaan\n", "Y004", 1),
        (b"nama: x\nlangkah:\n\t- kegiatan: tab\n", "Y001", 3),
        (b"nama: a\n---\nnama: b\n", "Y001", 2),
        (BOMB.encode(), "Y006", 2),
    ],
    ids=[
        "non-utf8",
        "empty",
        "comment-only",
        "top-level-list",
        "tab",
        "two-documents",
        "alias-bomb",
    ],
)
def test_broken_file_is_a_finding(
    content: bytes,
    code: str,
    line: int,
    make_catalog: Make,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = make_catalog(
        {
            "sdm/baik.yaml": valid_sop(
                **{"nomor: 001/": "nomor: 002/", "nama: Penyusunan": "nama: Pemutakhiran"}
            )
        }
    )
    (root / "sdm" / "rusak.yaml").write_bytes(content)
    broken = valid_sop(**{"waktu: 1 jam": "waktu: sejam"})
    (root / "sdm" / "lain.yaml").write_text(broken, encoding="utf-8")
    found = lint_json(capsys, root)
    bad = [f for f in found if f["path"] == "sdm/rusak.yaml"]
    assert (code, line) == next((f["code"], f["line"]) for f in bad if str(f["code"])[0] == "Y")
    # the other files are still checked: a failure in one never hides the others
    assert [f["code"] for f in found if f["path"] == "sdm/lain.yaml"] == ["P010"]


def test_bom_and_crlf_are_fine(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    text = "\ufeff" + valid_sop().replace("\n", "\r\n")
    root = make_catalog()
    (root / "duk.yaml").write_bytes(text.encode("utf-8"))
    assert lint_json(capsys, root) == []


def test_file_over_one_mebibyte(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_catalog({"besar.yaml": valid_sop() + "#" * (1024 * 1024) + "\n"})
    assert [f["code"] for f in lint_json(capsys, root)] == ["Y003"]


def test_impossible_date_names_the_value(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"duk.yaml": valid_sop(**{"2022-03-01": "2022-02-30"})})
    found = lint_json(capsys, root)
    assert (found[0]["code"], found[0]["line"], found[0]["column"]) == ("Y007", 9, 14)


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_symlink_outside_catalog_is_not_followed(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outside = tmp_path / "rahasia.yaml"
    outside.write_text("nama: [bukan urusan katalog\n", encoding="utf-8")
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    (root / "sdm" / "tautan.yaml").symlink_to(outside)
    (root / "sdm" / "putus.yaml").symlink_to(root / "tidak-ada.yaml")
    found = {(f["path"], f["code"]) for f in lint_json(capsys, root)}
    assert found == {("sdm/tautan.yaml", "Y009"), ("sdm/putus.yaml", "Y008")}


def test_duplicate_key_points_at_second(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    text = valid_sop(**{"unit: sdm\n": "unit: sdm\nunit: hukum\n"})
    root = make_catalog({"duk.yaml": text})
    found = lint_json(capsys, root)
    assert [(f["code"], f["line"]) for f in found] == [("Y005", 5)]
