"""The Keputusan of a catalog (`[[penetapan]]`): read from sopctl.toml, checked by lint (I008,
I009) and printed in full at the front of the booklet."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CONFIG, Make, valid_sop
from helpers import codes, sopctl

from sopctl.catalog.folder import open_catalog
from sopctl.errors import ConfigError
from sopctl.render.booklet import Filters, write_booklet

TODAY = __import__("datetime").date(2025, 11, 26)
DUK = "001/SOP/SDM/KPU-Prov-35/2022"


def decree(nomor: str = "27 Tahun 2022", tanggal: str = "2022-03-31", sop: str = "") -> str:
    listed = f"sop = [{sop}]\n" if sop else ""
    return f"""
[[penetapan]]
nomor = "{nomor}"
tentang = "Standar Operasional Prosedur di Lingkungan Sekretariat KPU Provinsi Jawa Timur"
tanggal = {tanggal}
tempat = "Surabaya"
menimbang = ["bahwa perlu menetapkan <SOP> & prosedurnya"]
mengingat = ["Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"]
{listed}
[penetapan.pejabat]
jabatan = "Sekretaris Komisi Pemilihan Umum Provinsi Jawa Timur"
nama = "Nama Pejabat"
"""


def lint(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> list[str]:
    return codes(sopctl(capsys, "lint", "--format", "json", *args, cwd=root))


def test_efektif_before_the_keputusan_is_an_error(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()}, config=CONFIG + decree(tanggal="2022-05-02"))
    result = sopctl(capsys, "lint", "--format", "json", cwd=root)
    (found,) = result.json()
    assert result.code == 1 and found["code"] == "I008"
    assert "2022-04-14" in found["message"] and "27 Tahun 2022" in found["message"]
    line = (root / "sdm/duk.yaml").read_text(encoding="utf-8").splitlines()[found["line"] - 1]
    assert line.strip().startswith("efektif:")
    english = sopctl(capsys, "lint", "--format", "json", "--lang", "en", cwd=root).json()
    assert english[0]["message"].startswith("Effective date 2022-04-14 is before Keputusan")


def test_on_the_day_of_the_keputusan_is_fine_and_drafts_are_not_checked(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = valid_sop(**{"status: ditetapkan": "status: draf", "001/SOP": "002/SOP"})
    files = {"sdm/duk.yaml": valid_sop(), "sdm/draf.yaml": draft.replace("DUK) Pegawai", "X")}
    root = make_catalog(files, config=CONFIG + decree(tanggal="2022-04-14"))
    assert lint(capsys, root) == []


def test_the_keputusan_listing_an_sop_is_its_keputusan(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    later = decree("41 Tahun 2023", "2023-08-28")  # the general one, later than the SOP
    listed = decree(sop=f'"{DUK}"')
    root = make_catalog({"sdm/duk.yaml": valid_sop()}, config=CONFIG + listed + later)
    assert lint(capsys, root) == []
    root = make_catalog({"sdm/duk.yaml": valid_sop()}, config=CONFIG + later, name="k2")
    assert lint(capsys, root) == ["I008"]


def test_an_enacted_sop_no_keputusan_enacts_is_a_warning(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    other = decree(sop='"009/SOP/SDM/KPU-Prov-35/2022"')
    root = make_catalog({"sdm/duk.yaml": valid_sop()}, config=CONFIG + other)
    result = sopctl(capsys, "lint", "--format", "json", cwd=root)
    assert codes(result) == ["I009"] and result.code == 0
    assert DUK in result.json()[0]["message"]
    plain = make_catalog({"sdm/duk.yaml": valid_sop()}, name="tanpa")  # no [[penetapan]] at all
    assert lint(capsys, plain) == []


def test_two_general_keputusan_are_a_config_error(make_catalog: Make) -> None:
    root = make_catalog({}, config=CONFIG + decree() + decree("41 Tahun 2023", "2023-08-28"))
    with pytest.raises(ConfigError, match="lebih dari satu") as caught:
        open_catalog(root)
    assert "sopctl.toml:" in str(caught.value.message) and caught.value.hint


def test_a_keputusan_without_menimbang_names_the_key(make_catalog: Make) -> None:
    broken = decree().replace('menimbang = ["bahwa perlu menetapkan <SOP> & prosedurnya"]\n', "")
    with pytest.raises(ConfigError, match=r"penetapan\.0\.menimbang"):
        open_catalog(make_catalog({}, config=CONFIG + broken))


def test_booklet_prints_the_keputusan_escaped_with_its_lampiran(
    make_catalog: Make, tmp_path: Path
) -> None:
    draft = valid_sop(**{"status: ditetapkan": "status: draf", "001/SOP": "002/SOP"})
    files = {"sdm/duk.yaml": valid_sop(), "sdm/draf.yaml": draft.replace("DUK) Pegawai", "Y")}
    root = make_catalog(files, config=CONFIG + decree())
    target = tmp_path / "buku.html"
    assert write_booklet(open_catalog(root), [], Filters(), target, TODAY) == 1
    html = target.read_text(encoding="utf-8")
    assert "bahwa perlu menetapkan &lt;SOP&gt; &amp; prosedurnya;" in html  # a clause ends with ;
    assert "<SOP>" not in html
    assert "MEMUTUSKAN:" in html and "Menetapkan" in html and "KESATU" in html
    lampiran = html[html.index('class="daftar-lampiran"') :]
    assert DUK in lampiran and "002/SOP/SDM" not in lampiran  # drafts are not enacted
    assert "DRAF" not in html[html.index("<body>") :]  # the styles may name the DRAF banner
    with_drafts = tmp_path / "dengan-draf.html"
    assert write_booklet(open_catalog(root), [], Filters(drafts=True), with_drafts, TODAY) == 2
    printed = with_drafts.read_text(encoding="utf-8")
    assert "DRAF — BELUM DITETAPKAN" in printed and "(DRAF, belum ditetapkan)" in printed
    assert "1 SOP bertanda DRAF" in printed


def test_cli_booklet_termasuk_draf(
    make_catalog: Make, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = valid_sop(**{"status: ditetapkan": "status: draf"})
    root = make_catalog({"sdm/draf.yaml": draft})
    target = tmp_path / "b.html"
    result = sopctl(capsys, "booklet", str(root), "-o", str(target))
    assert result.code == 2 and "--termasuk-draf" in result.err and not target.exists()
    result = sopctl(capsys, "booklet", str(root), "--termasuk-draf", "-o", str(target))
    assert result.code == 0 and "(1 SOP)" in result.out and "DRAF" in target.read_text("utf-8")


def test_older_catalogs_keep_their_one_sentence_penetapan(
    make_catalog: Make, tmp_path: Path
) -> None:
    old = CONFIG + '\n[buku]\nnomor_penetapan = "Keputusan Nomor 27 Tahun 2022"\n'
    root = make_catalog({"sdm/duk.yaml": valid_sop()}, config=old)
    target = tmp_path / "buku.html"
    write_booklet(open_catalog(root), [], Filters(), target, TODAY)
    html = target.read_text(encoding="utf-8")
    assert "ditetapkan dengan\n  Keputusan Nomor 27 Tahun 2022." in html
    assert "PENJELASAN SINGKAT PENGGUNAAN" in html and "MEMUTUSKAN" not in html


def test_penjelasan_comes_from_the_catalog(make_catalog: Make, tmp_path: Path) -> None:
    config = CONFIG + (
        '\n[penjelasan]\nruang_lingkup = "Hanya Subbagian SDM."\n'
        '[[penjelasan.definisi]]\nistilah = "DUK"\narti = "Daftar Urut Kepangkatan"\n'
    )
    root = make_catalog({"sdm/duk.yaml": valid_sop()}, config=config)
    target = tmp_path / "buku.html"
    write_booklet(open_catalog(root), [], Filters(), target, TODAY)
    html = target.read_text(encoding="utf-8")
    section = html[html.index('class="depan penjelasan"') : html.index("<article")]
    assert "Hanya Subbagian SDM." in section and "Daftar Urut Kepangkatan" in section
    assert "Subbagian Sumber Daya Manusia: 1 SOP" in section  # the default ringkasan
    assert "Kapsul" not in section  # the catalog's definitions replace the defaults
