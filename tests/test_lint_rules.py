"""Every lint rule, failing and passing, through the CLI on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Make, valid_sop
from helpers import codes, sopctl

from sopctl.text.codes import CODES

STEP2_OUTPUT = "      output: Konsep DUK\n"

# code -> substitutions that turn the valid SOP into one the rule rejects
BREAKS: dict[str, dict[str, str]] = {
    "Y001": {"nama: Penyusunan": "nama: [Penyusunan"},
    "Y005": {"unit: sdm\n": "unit: sdm\nnama: Judul Kedua\n"},
    "Y006": {
        "  - Undang-Undang Nomor 5": "  - &uu Undang-Undang Nomor 5",
        "pelaksana:\n  - id: sekretaris": "peralatan: [*uu]\npelaksana:\n  - id: sekretaris",
    },
    "Y007": {"pembuatan: 2022-03-01": "pembuatan: 2022-02-30"},
    "S001": {"jenis: administratif\n": "jenis: administratif\nperalatn: [Komputer]\n"},
    "S002": {"nama: Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai\n": ""},
    "S003": {"waktu: 1 jam": "waktu: 60"},
    "I001": {"nomor: 001/SOP/SDM/KPU-Prov-35/2022\n": ""},
    "I002": {"nomor: 001/SOP/SDM/KPU-Prov-35/2022": "nomor: SOP-DUK-1"},
    "I003": {"  efektif: 2022-04-14\n": ""},
    "I004": {
        "disahkan_oleh:\n  jabatan: Sekretaris KPU Provinsi Jawa Timur\n  nama: Nama Pejabat\n"
        '  nip: "197501012000031001"\n': ""
    },
    "I005": {
        "dasar_hukum:\n  - Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara\n": ""
    },
    "I006": {"efektif: 2022-04-14": "efektif: 2022-01-14"},
    "I007": {"revisi: 2023-03-01": "revisi: 2021-03-01"},
    "K006": {
        "area_rb: manajemen-sdm\n": (
            "area_rb: manajemen-sdm\nrb_tematik: [digitalisasi, investasii]\n"
        )
    },
    "M003": {"      sinergi: ya\n": ""},
    "M004": {"      sinergi: ya\n": "      sinergi: tidak\n"},
    "P001": {
        "    pelaksana: staf\n": "    pelaksana: stf\n",
    },
    "P002": {"  - id: staf\n": "  - id: bendahara\n    nama: Bendahara\n  - id: staf\n"},
    "P003": {"    pelaksana: staf\n": "    pelaksana: staf\n    simbol: mulai\n"},
    "P004": {
        "    pelaksana: sekretaris\n    mutu_baku:\n      kelengkapan: [Konsep DUK]": (
            "    pelaksana: sekretaris\n    simbol: proses\n    mutu_baku:\n"
            "      kelengkapan: [Konsep DUK]"
        )
    },
    "P005": {"    tidak: 2\n": ""},
    "P006": {"    ya: 4\n": "    ya: 9\n"},
    "P007": {
        "    pelaksana: sekretaris\n    mutu_baku:\n      kelengkapan: [Surat edaran]": (
            "    pelaksana: sekretaris\n    lanjut: 4\n    mutu_baku:\n"
            "      kelengkapan: [Surat edaran]"
        )
    },
    "P008": {"    ya: 4\n": "    ya: 2\n"},
    "P009": {STEP2_OUTPUT: ""},
    "P010": {"waktu: 1 hari": "waktu: sehari semalam"},
    "P011": {
        "  - id: kasubbag\n    nama: Kepala Subbagian SDM\n": (
            "  - id: kasubbag\n    nama: Kepala Subbagian SDM\n"
            "  - id: kasubbag\n    nama: Kasubbag lagi\n"
        )
    },
    "K003": {"unit: sdm": "unit: umum dan logistic"},
    "K004": {"area_rb: manajemen-sdm": "area_rb: manajemen sdn"},
    "M001": {
        "  - tanggal: {today}\n    penilaian: baik": "  - tanggal: 2020-01-02\n    penilaian: baik"
    },
    "X001": {"nomor: 001": "# sopctl: abaikan P009\nnomor: 001"},
    "X002": {"nomor: 001": "# sopctl: abaikan P009 -- belum ada output\nnomor: 001"},
    "X003": {"nama: Penyusunan": "# sopctl: abaikan S002 -- x\nnama: Penyusunan"},
}


def _broken(code: str) -> str:
    import datetime as dt

    text = valid_sop()
    for old, new in BREAKS[code].items():
        old = old.replace("{today}", dt.date.today().isoformat())
        assert old in text, (code, old)
        text = text.replace(old, new, 1)
    return text


def test_valid_sop_is_clean(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    result = sopctl(capsys, "lint", "--format", "json", cwd=root)
    assert result.code == 0
    assert result.json() == []


@pytest.mark.parametrize("code", sorted(BREAKS))
def test_rule_reports_break(
    code: str, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": _broken(code)})
    result = sopctl(capsys, "lint", "sdm/duk.yaml", "--format", "json", cwd=root)
    assert code in codes(result), result.out
    assert result.code == (1 if CODES[code].severity == "error" else 0)
    found = next(f for f in result.json() if f["code"] == code)
    assert found["path"] == "sdm/duk.yaml"
    assert found["line"] >= 1 and found["column"] >= 1 and found["message"]


def test_every_code_has_a_test() -> None:
    tested = set(BREAKS) | {"Y002", "Y003", "Y004", "Y008", "Y009", "K001", "K002", "K005", "M002"}
    tested |= {"Y010"}  # in test_attacks.py
    tested |= {"I008", "I009"}  # need a [[penetapan]] in sopctl.toml: tests/test_penetapan.py
    assert tested == set(CODES) - _codes_owned_elsewhere()


def _codes_owned_elsewhere() -> set[str]:
    """Codes added by other features are tested in those features' test files."""
    return {code for code in CODES if code[0] not in "YSIPKMX"}


def test_locations_point_at_the_offending_value(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _broken("P010")
    root = make_catalog({"sdm/duk.yaml": text})
    found = sopctl(capsys, "lint", "--format", "json", cwd=root).json()
    (item,) = [f for f in found if f["code"] == "P010"]
    line = text.splitlines()[item["line"] - 1]
    assert line[item["column"] - 1 :].startswith("sehari semalam")


def test_unknown_key_suggests_the_right_one(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": _broken("S001")})
    (item,) = sopctl(capsys, "lint", "--format", "json", cwd=root).json()
    assert item["line"] == 7 and item["column"] == 1
    assert "`peralatan`" in item["hint"]


def test_unknown_unit_suggests_near_miss(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": _broken("K003")})
    (item,) = sopctl(capsys, "lint", "--format", "json", cwd=root).json()
    assert "`umum-logistik`" in item["hint"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_unknown_rb_area_gets_the_list_with_or_without_a_near_miss(
    lang: str, make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    near = valid_sop(**{"area_rb: manajemen-sdm": "area_rb: pelayanan"})
    far = valid_sop(**{"area_rb: manajemen-sdm": "area_rb: qqqq", "001/SOP": "002/SOP"})
    root = make_catalog({"sdm/duk.yaml": near, "sdm/lain.yaml": far})
    result = sopctl(capsys, "lint", "--format", "json", "--lang", lang, cwd=root)
    hints = {item["path"]: item["hint"] for item in result.json() if item["code"] == "K004"}
    listed = "manajemen-perubahan, deregulasi-kebijakan"
    assert "`pelayanan-publik`?" in hints["sdm/duk.yaml"] and listed in hints["sdm/duk.yaml"]
    assert "?" not in hints["sdm/lain.yaml"] and listed in hints["sdm/lain.yaml"]
    assert hints["sdm/lain.yaml"].startswith({"id": "Area RB", "en": "The known"}[lang])


def test_unit_alias_and_old_name_are_accepted(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(**{"unit: sdm": "unit: Subbag SDM"})})
    assert sopctl(capsys, "lint", "--format", "json", cwd=root).json() == []


def test_duplicate_number_names_both_files(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    other = valid_sop(**{"nama: Penyusunan Daftar": "nama: Pemutakhiran Daftar"})
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "sdm/lain.yaml": other})
    found = sopctl(capsys, "lint", "--format", "json", cwd=root).json()
    k001 = {f["path"]: f["message"] for f in found if f["code"] == "K001"}
    assert set(k001) == {"sdm/duk.yaml", "sdm/lain.yaml"}
    assert "sdm/lain.yaml" in k001["sdm/duk.yaml"]
    assert "sdm/duk.yaml" in k001["sdm/lain.yaml"]


def test_cross_file_rules_hold_when_one_file_is_named(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    other = valid_sop(**{"nama: Penyusunan Daftar": "nama: Pemutakhiran Daftar"})
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "sdm/lain.yaml": other})
    result = sopctl(capsys, "lint", "sdm/duk.yaml", "--format", "json", cwd=root)
    assert [(f["path"], f["code"]) for f in result.json()] == [("sdm/duk.yaml", "K001")]


def test_same_title_in_one_unit(make_catalog: Make, capsys: pytest.CaptureFixture[str]) -> None:
    other = valid_sop(**{"nomor: 001/": "nomor: 002/"})
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "sdm/lain.yaml": other})
    assert codes(sopctl(capsys, "lint", "--format", "json", cwd=root)) == ["K005", "K005"]
    other_unit = other.replace("unit: sdm", "unit: hukum")
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "hukum/lain.yaml": other_unit}, name="k2")
    assert codes(sopctl(capsys, "lint", "--format", "json", cwd=root)) == []


def test_links_resolve_by_plain_number_and_mapping(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    linked = valid_sop(
        **{
            "nomor: 001/": "nomor: 002/",
            "nama: Penyusunan Daftar": "nama: Pengusulan Kenaikan Pangkat dari Daftar",
            "pelaksana:\n  - id: sekretaris": "keterkaitan:\n  - 001/SOP/SDM/KPU-Prov-35/2022\n"
            "  - nomor: 009/SOP/SDM/KPU-Prov-35/2022\n    hubungan: prasyarat\n"
            "pelaksana:\n  - id: sekretaris",
        }
    )
    root = make_catalog({"sdm/duk.yaml": valid_sop(), "sdm/naik.yaml": linked})
    found = sopctl(capsys, "lint", "--format", "json", cwd=root).json()
    line = next(i for i, text in enumerate(linked.splitlines(), 1) if "009/SOP" in text)
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("K002", line, 12)]


def test_overdue_evaluation_and_monitoring_are_warnings(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    today = dt.date.today().isoformat()
    text = valid_sop().replace(
        f"evaluasi:\n  - tanggal: {today}", "evaluasi:\n  - tanggal: 2021-05-01"
    )
    root = make_catalog({"sdm/duk.yaml": text})
    result = sopctl(capsys, "lint", "--format", "json", cwd=root)
    assert codes(result) == ["M002"] and result.code == 0
    assert "2022-05-01" in result.json()[0]["message"]


def test_draft_is_held_to_schema_not_enactment(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _broken("I004").replace("status: ditetapkan", "status: draf")
    draft = draft.replace("  efektif: 2022-04-14\n", "")
    root = make_catalog({"sdm/duk.yaml": draft})
    assert sopctl(capsys, "lint", "--format", "json", cwd=root).json() == []
    broken_draft = draft.replace("waktu: 1 jam", "waktu: 60")
    root = make_catalog({"sdm/duk.yaml": broken_draft}, name="k2")
    assert codes(sopctl(capsys, "lint", "--format", "json", cwd=root)) == ["S003"]


def test_monitoring_clock_starts_at_effective_date(
    make_catalog: Make, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import datetime as dt

    today = dt.date.today().isoformat()
    text = valid_sop().replace(f"monitoring:\n  - tanggal: {today}\n    penilaian: baik\n", "")
    root = make_catalog({"sdm/duk.yaml": text})
    assert codes(sopctl(capsys, "lint", "--format", "json", cwd=root)) == ["M001"]


def test_every_code_but_loading_ones_has_its_rule_in_the_registry() -> None:
    """Y and S codes come from loading, X from waivers, C from the settings file (C001, the
    logo); every other code is one registered rule: of a file, of the catalog, or of the
    history (G001, which reads git)."""
    from sopctl.lint import rules
    from sopctl.text.codes import CODES

    registered = [*rules.FILE_RULES, *rules.CATALOG_RULES, *rules.HISTORY_RULES]
    assert len(registered) == len(set(registered))
    assert set(registered) == {code for code in CODES if code[0] not in "YSXC"}


def test_broken_link_in_a_national_catalog_suggests_what_a_full_comparison_would() -> None:
    """Above a few hundred numbers a broken link is compared only with the numbers sharing
    its rarest parts; the hint must still be the one comparing with every number gives."""
    from conftest import SAMPLE

    from sopctl.catalog.folder import open_catalog
    from sopctl.catalog.names import suggest
    from sopctl.lint.rules.catalog import links_resolve
    from sopctl.lint.rules.context import Facts

    units = ("SDM", "KEU", "HKM", "UL")
    numbers = [
        f"{n:03d}/SOP/{unit}/KPU-Kab-{1100 + satker}/2022"
        for satker in range(1, 31)
        for unit in units
        for n in range(1, 6)
    ]
    typos = {
        "003/SOP/SMD/KPU-Kab-1107/2022": "003/SOP/SDM/KPU-Kab-1107/2022",  # unit misspelt
        "004/SOP/KEU/KPU-Kbb-1112/2022": "004/SOP/KEU/KPU-Kab-1112/2022",  # office misspelt
        "03/SOP/HKM/KPU-Kab-1120/2022": "003/SOP/HKM/KPU-Kab-1120/2022",  # a zero missing
        "005/SOP/UL/KPU-Kab-1125/2O22": "005/SOP/UL/KPU-Kab-1125/2022",  # year misspelt
    }
    facts = [Facts(f"f{i}.yaml", nomor=number) for i, number in enumerate(numbers)]
    links = tuple((typo, 3, 5) for typo in typos)
    facts.append(Facts("links.yaml", nomor="001/SOP/SDM/KPU-Kab-1200/2022", links=links))
    found = list(links_resolve(facts, open_catalog(SAMPLE).config))
    assert [f.code for f in found] == ["K002"] * len(typos)
    for item, (typo, meant) in zip(found, typos.items(), strict=True):
        assert suggest(typo, [*numbers, "001/SOP/SDM/KPU-Kab-1200/2022"], cutoff=0.8) == meant
        assert item.args["close"] == meant
