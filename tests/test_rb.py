"""Reformasi Birokrasi data: the areas in two wordings, RB Tematik tags, the 2023 provincial
preset, and what `report` makes of the evaluation criteria and the themes."""

from __future__ import annotations

import pytest
from conftest import CONFIG, SAMPLE, Make, valid_sop
from helpers import codes, sopctl

from sopctl.catalog.folder import open_catalog
from sopctl.catalog.names import resolve_area


def test_areas_follow_the_chosen_wording_with_the_other_as_alias(make_catalog: Make) -> None:
    kpu = open_catalog(make_catalog({})).config
    assert {a.id: a.nama for a in kpu.areas}["manajemen-sdm"] == (
        "Sistem Manajemen Sumber Daya Manusia"
    )
    permen = open_catalog(
        make_catalog({}, config='area_rb_versi = "permenpan-25-2020"\n' + CONFIG, name="p")
    ).config
    names = {a.id: a.nama for a in permen.areas}
    assert names["manajemen-sdm"] == "Penataan Sistem Manajemen SDM Aparatur"
    assert names["pelayanan-publik"] == "Peningkatan Kualitas Pelayanan Publik"
    assert [a.id for a in permen.areas] == [a.id for a in kpu.areas]  # SOPs need no change
    assert resolve_area(permen, "Sistem Manajemen Sumber Daya Manusia") == "manajemen-sdm"
    assert resolve_area(kpu, "Penguatan Pengawasan") == "pengawasan"


def test_provinsi_2023_keeps_the_unit_ids_and_regroups_the_bagian(make_catalog: Make) -> None:
    old = open_catalog(make_catalog({})).config
    new = open_catalog(
        make_catalog({}, config=CONFIG.replace("provinsi-2020", "provinsi-2023"), name="b")
    ).config
    assert [u.id for u in new.units] == [u.id for u in old.units]
    bagian = {u.id: u.bagian for u in new.units}
    assert bagian["hukum"] == bagian["teknis"] == "Bagian Teknis Penyelenggaraan Pemilu dan Hukum"
    assert bagian["sdm"] == bagian["parmas"]
    assert {u.id: u.bagian for u in old.units}["hukum"] == "Bagian Hukum dan Sumber Daya Manusia"


def test_rb_tematik_tags_are_checked_and_counted(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    tagged = valid_sop(
        **{"area_rb: manajemen-sdm\n": "area_rb: manajemen-sdm\nrb_tematik: [spbe]\n"}
    )
    root = make_catalog({"sdm/a.yaml": tagged})
    assert codes(sopctl(capsys, "lint", "--format", "json", cwd=root)) == []
    report = sopctl(capsys, "report", "--format", "json", cwd=root).json()
    assert report["by_rb_tematik"]["digitalisasi-administrasi"] == 1
    assert report["by_rb_tematik"]["pengentasan-kemiskinan"] == 0
    wrong = make_catalog({"sdm/a.yaml": tagged.replace("[spbe]", "[digitalisasi-adm]")}, name="w")
    found = sopctl(capsys, "lint", "--format", "json", cwd=wrong).json()
    assert [f["code"] for f in found] == ["K006"]
    assert found[0]["hint"] == "maksud Anda `digitalisasi-administrasi`?"


def test_report_shows_the_criteria_of_the_latest_evaluations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = sopctl(capsys, "report", str(SAMPLE), "--format", "json").json()
    criteria = data["evaluasi_kriteria"]
    assert next(iter(criteria)) == "mendorong_kinerja" and len(criteria) == 7
    assert all(sum(t.values()) == 25 for t in criteria.values())  # every enacted SOP once
    assert criteria["mengatasi_masalah"] == {"ya": 22, "tidak": 3, "kosong": 0}
    assert data["by_rb_tematik"]["digitalisasi-administrasi"] == 3
    text = sopctl(capsys, "report", str(SAMPLE)).out
    assert "Mampu mengatasi permasalahan yang berkaitan dengan proses: ya 22, tidak 3" in text
    assert "RB Tematik: Digitalisasi Administrasi Pemerintahan 3 SOP" in text


def test_report_html_has_the_criteria_table(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/a.yaml": valid_sop(**{"      sinergi: ya\n": ""})})
    target = root / "rekap.html"
    assert sopctl(capsys, "report", "--format", "html", "-o", str(target), cwd=root).code == 0
    html = target.read_text(encoding="utf-8")
    row = html[html.index("<td>Sinergi satu dengan lainnya</td>") :].split("</tr>")[0]
    assert row.count('class="angka">0<') == 2 and 'class="angka">1<' in row  # not answered
