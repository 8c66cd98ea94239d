"""The editor's form layer of `sopctl serve`: what a posted form writes into an SOP file."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

import pytest
from conftest import SAMPLE, Make, valid_sop
from serving import COMMENTED, edit, posted

from sopctl.serve.app import host_name
from sopctl.serve.forms import form_of
from sopctl.serve.paths import plain_name
from sopctl.serve.server import is_loopback
from sopctl.sop.yamlio import load_roundtrip, parse_text

# -- the form layer ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SAMPLE.rglob("*.yaml")), ids=lambda p: p.stem)
def test_an_unchanged_form_saves_the_sample_file_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert edit(text, {}) == text


def test_moving_a_step_keeps_its_comment_and_the_decision_follows_it() -> None:
    fields = posted(form_of(load_roundtrip(COMMENTED)))
    order = [1, 0, 2, 3]  # step 2 (staf, commented) moved to the top
    moved = {key: [values[i] for i in order] for key, values in fields.items() if "step." in key}
    after = edit(COMMENTED, moved)
    data = parse_text(after).data
    assert [s["pelaksana"] for s in data["langkah"]] == [
        "staf",
        "sekretaris",
        "kasubbag",
        "sekretaris",
    ]
    assert data["langkah"][2]["ya"] == 4 and data["langkah"][2]["tidak"] == 1  # still "Menyusun"
    assert "# staf pelaksana kepegawaian" in after and "# urutan disepakati rapat 2022" in after


def test_a_new_decision_is_written_in_the_model_order_and_numbers_its_targets() -> None:
    fields = posted(form_of(load_roundtrip(COMMENTED)))
    row = {
        "key": "nbaru", "kegiatan": "Memeriksa berkas; lengkap?", "pelaksana": "kasubbag",
        "ya": "o3", "tidak": "o1", "lanjut": "", "kelengkapan": "Berkas\nDaftar periksa",
        "waktu": "10 menit", "output": "Berkas diperiksa", "keterangan": "",
    }  # fmt: skip
    for name, value in row.items():
        fields[f"step.{name}"].insert(3, value)  # before the last step
    after = edit(COMMENTED, fields)
    step = parse_text(after).data["langkah"][3]
    assert list(step) == ["kegiatan", "pelaksana", "ya", "tidak", "mutu_baku"]
    assert (step["ya"], step["tidak"]) == (5, 2)
    assert step["mutu_baku"]["kelengkapan"] == ["Berkas", "Daftar periksa"]
    assert parse_text(after).data["langkah"][2]["ya"] == 5  # the old decision's Ya moved too


def test_emptied_fields_are_removed_and_a_date_stays_a_date() -> None:
    after = edit(COMMENTED, {"tanggal.revisi": [""], "tanggal.efektif": ["2022-05-02"]})
    data = parse_text(after).data
    assert data["tanggal"] == {"pembuatan": dt.date(2022, 3, 1), "efektif": dt.date(2022, 5, 2)}
    assert "efektif: 2022-05-02\n" in after


def test_links_are_lines_and_an_unchanged_line_keeps_its_item() -> None:
    linked = COMMENTED.replace(
        "pelaksana:\n  - id: sekretaris",
        "keterkaitan:\n  - nomor: 002/SOP/SDM/KPU-Prov-35/2022  # cuti\n    hubungan: lanjutan\n"
        "  - 003/SOP/SDM/KPU-Prov-35/2022\npelaksana:\n  - id: sekretaris",
    )
    lines = "002/SOP/SDM/KPU-Prov-35/2022 | lanjutan\n004/SOP/SDM/KPU-Prov-35/2022 | prasyarat"
    after = edit(linked, {"keterkaitan": [lines]})
    assert parse_text(after).data["keterkaitan"] == [
        {"nomor": "002/SOP/SDM/KPU-Prov-35/2022", "hubungan": "lanjutan"},
        {"nomor": "004/SOP/SDM/KPU-Prov-35/2022", "hubungan": "prasyarat"},
    ]
    assert "# cuti" in after and edit(linked, {}) == linked


@pytest.mark.parametrize(
    "name",
    ["../x.yaml", "sdm/../../x.yaml", "/etc/x.yaml", "sdm//x.yaml", ".git/x.yaml", "a\\b.yaml",
     "C:/x.yaml", "sdm/x.txt", "sopctl.toml", ""],
)  # fmt: skip
def test_names_that_could_lead_elsewhere_are_not_plain(name: str) -> None:
    assert not plain_name(name)


def test_a_url_names_exactly_the_files_list_lists(make_catalog: Make) -> None:
    from sopctl.catalog.folder import open_catalog
    from sopctl.serve.paths import catalog_names, sop_path

    files = ["sdm/duk.yaml", "sdm/lama/cuti.yml", "templates/x.yaml", "schemas/y.yaml"]
    files += ["kab/sopctl.toml", "kab/sdm/z.yaml", "_draf/a.yaml"]
    root = make_catalog(dict.fromkeys(files, valid_sop()))
    (root / "sdm" / "catatan.txt").write_text("bukan SOP", encoding="utf-8")
    with contextlib.suppress(OSError):
        os.symlink(root / "sdm", root / "tautan-folder", target_is_directory=True)
    catalog = open_catalog(root)
    listed = set(catalog_names(catalog))
    assert listed == {"sdm/duk.yaml", "sdm/lama/cuti.yml", "_draf/a.yaml"}
    candidates = [*files, "sdm/catatan.txt", "tautan-folder/duk.yaml", "sdm/tidak-ada.yaml"]
    assert {name for name in candidates if sop_path(catalog, name)} == listed


def test_host_names_and_loopback() -> None:
    assert host_name("LocalHost:8765") == "localhost"
    assert host_name("[::1]:80") == "::1"
    assert host_name("127.0.0.1") == "127.0.0.1"
    assert is_loopback("127.0.0.2") and is_loopback("::1") and not is_loopback("0.0.0.0")
