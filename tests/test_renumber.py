"""`sopctl renumber`: resolve a duplicate number, keep comments, list the links to check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Make, valid_sop
from helpers import Result, codes, sopctl

from sopctl.sop.yamlio import parse_text

Run = Callable[..., Result]
NUMBER = "001/SOP/SDM/KPU-Prov-35/2022"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def run(cwd: Path, *args: str) -> Result:
        return sopctl(capsys, *args, cwd=cwd)

    return run


@pytest.fixture
def collision(make_catalog: Make) -> Path:
    """Two branches each added an SOP numbered 001; a third SOP links to that number."""
    second = valid_sop(
        **{
            "Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai": "Usul Mutasi Pegawai",
            "nomor: 001/SOP/SDM/KPU-Prov-35/2022": "# nomor dari cabang usul-mutasi\n"
            "nomor: 001/SOP/SDM/KPU-Prov-35/2022  # bentrok?",
        }
    )
    linking = valid_sop(
        **{
            "001/SOP/SDM/KPU-Prov-35/2022": "001/SOP/HKM/KPU-Prov-35/2022",
            "Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai": "Penyusunan Produk Hukum",
            "unit: sdm": "unit: hukum",
            "dasar_hukum:": f"keterkaitan:\n  - nomor: {NUMBER}\n    hubungan: lanjutan\n"
            "dasar_hukum:",
        }
    )
    return make_catalog(
        {"sdm/duk.yaml": valid_sop(), "sdm/mutasi.yaml": second, "hukum/produk.yaml": linking}
    )


def test_renumber_resolves_the_collision_and_lists_the_links(collision: Path, run: Run) -> None:
    before = run(collision, "lint", "--format", "json")
    assert codes(before).count("K001") == 2
    path = collision / "sdm" / "mutasi.yaml"
    old_text = path.read_text(encoding="utf-8")
    result = run(collision, "renumber", "sdm/mutasi.yaml")
    assert result.code == 0, result.err
    assert f"{NUMBER} diganti 002/SOP/SDM/KPU-Prov-35/2022" in result.out
    assert "hukum/produk.yaml:" in result.out  # the link to check, with its line
    text = path.read_text(encoding="utf-8")
    assert "# nomor dari cabang usul-mutasi\n" in text and "# bentrok?" in text
    data, old = parse_text(text).data, parse_text(old_text).data
    assert data["nomor"] == "002/SOP/SDM/KPU-Prov-35/2022"
    assert {k: v for k, v in data.items() if k != "nomor"} == {
        k: v for k, v in old.items() if k != "nomor"
    }
    after = run(collision, "lint", "--format", "json")
    assert "K001" not in codes(after)


def test_link_lines_point_at_the_link(collision: Path, run: Run) -> None:
    result = run(collision, "renumber", "sdm/duk.yaml")
    shown = next(line.strip() for line in result.out.splitlines() if "produk.yaml:" in line)
    line = int(shown.split(":")[1])
    text = (collision / "hukum" / "produk.yaml").read_text(encoding="utf-8").splitlines()
    assert NUMBER in text[line - 1]


def test_a_draft_without_number_gets_one(make_catalog: Make, run: Run) -> None:
    draft = valid_sop(**{"nomor: 001/SOP/SDM/KPU-Prov-35/2022\n": "", "ditetapkan": "draf"})
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "sdm/draf.yaml": draft})
    result = run(root, "renumber", "sdm/draf.yaml")
    assert result.code == 0, result.err
    text = (root / "sdm" / "draf.yaml").read_text(encoding="utf-8")
    assert parse_text(text).data["nomor"] == "002/SOP/SDM/KPU-Prov-35/2022"
    assert next(iter(parse_text(text).data)) == "nomor"
    assert text.startswith("# yaml-language-server: $schema=")  # the modeline stays first


def test_an_unreadable_file_is_a_usage_error_and_untouched(make_catalog: Make, run: Run) -> None:
    root = make_catalog({"sdm/rusak.yaml": "nomor: [x\n"})
    result = run(root, "renumber", "sdm/rusak.yaml")
    assert result.code == 2 and "rusak.yaml" in result.err and "Traceback" not in result.err
    assert (root / "sdm" / "rusak.yaml").read_text(encoding="utf-8") == "nomor: [x\n"


def test_a_missing_file_is_a_usage_error(make_catalog: Make, run: Run) -> None:
    result = run(make_catalog(), "renumber", "sdm/tidak-ada.yaml")
    assert result.code == 2 and "tidak-ada.yaml" in result.err
