"""`sopctl new`: numbering, the written file, flags in scripts and questions on a terminal."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Make, valid_sop
from helpers import sopctl

from sopctl.author.numbering import next_number, template_regex
from sopctl.catalog.folder import open_catalog
from sopctl.errors import ConfigError
from sopctl.lint.run import LintOptions, lint
from sopctl.sop.canonical import canonical_text
from sopctl.sop.yamlio import parse_text

YEAR = dt.date.today().year
DUK = ["--nama", "Penyusunan DUK Pegawai", "--unit", "sdm", "--area", "manajemen-sdm"]
ACTORS = ["--pelaksana", "kasubbag=Kepala Subbagian SDM", "--pelaksana", "Staf Subbagian SDM"]


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_new(capsys: pytest.CaptureFixture[str]) -> Run:
    """`sopctl new ARGS` run in `cwd` as the console script runs it: (exit code, out, err)."""

    def run(cwd: Path, *args: str) -> tuple[int, str, str]:
        result = sopctl(capsys, "new", *args, cwd=cwd)
        return result.code, result.out, result.err

    return run


# -- numbers ------------------------------------------------------------------------------


def test_template_regex_reads_numbers_back_into_fields() -> None:
    regex = template_regex("{urut:03d}/SOP/{kode_unit}/KPU-Prov-35/{tahun}")
    match = regex.match("012/SOP/SDM/KPU-Prov-35/2024")
    assert match is not None
    assert match.groupdict() == {"urut": "012", "kode_unit": "SDM", "tahun": "2024"}
    assert regex.match("012/SOP/SDM/KPU-Kab-35/2024") is None


def test_next_number_counts_within_the_group_the_template_names() -> None:
    template = "{urut:03d}/SOP/{kode_unit}/{tahun}"
    existing = ["001/SOP/SDM/2024", "007/SOP/SDM/2024", "009/SOP/KEU/2024", "011/SOP/SDM/2023"]
    fields = {"kode_unit": "SDM", "tahun": 2024}
    assert next_number(template, fields, existing) == "008/SOP/SDM/2024"
    assert (
        next_number(template, {"kode_unit": "HKM", "tahun": 2024}, existing) == "001/SOP/HKM/2024"
    )
    whole = "{urut}/SOP/KPU"  # no unit and no year: one count for the whole catalog
    assert next_number(whole, {}, ["3/SOP/KPU", "12/SOP/KPU", "x"]) == "13/SOP/KPU"


def test_number_template_without_urut_or_with_unknown_field_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="urut"):
        template_regex("{tahun}/SOP")
    with pytest.raises(ConfigError, match="bulan"):
        template_regex("{urut}/{bulan}")


# -- the written file ---------------------------------------------------------------------


def test_new_writes_a_draft_that_lints_without_errors_and_is_canonical(
    make_catalog: Make, run_new: Run
) -> None:
    root = make_catalog()
    code, out, _ = run_new(root, *DUK, *ACTORS, "--jenis", "administratif")
    assert code == 0, out
    path = root / "sdm" / "penyusunan-duk-pegawai.yaml"
    assert "sdm/penyusunan-duk-pegawai.yaml" in out and "sopctl lint" in out
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/sop.schema.json\n")
    data = parse_text(text).data
    assert data["nomor"] == f"001/SOP/SDM/KPU-Prov-35/{YEAR}"
    assert data["status"] == "draf" and data["jenis"] == "administratif"
    assert [a["id"] for a in data["pelaksana"]] == ["kasubbag", "staf-subbagian-sdm"]
    assert canonical_text(text) == text  # `fmt --check` passes on a fresh file
    result = lint(open_catalog(root), [path], LintOptions())
    codes = {f.code for f in result.findings}
    assert result.count("error") == 0, result.findings
    assert codes == {"N001"}


def test_placeholders_are_reported_until_filled(make_catalog: Make, run_new: Run) -> None:
    root = make_catalog()
    run_new(root, *DUK, *ACTORS)
    path = root / "sdm" / "penyusunan-duk-pegawai.yaml"
    before = lint(open_catalog(root), [path], LintOptions()).findings
    text = path.read_text(encoding="utf-8").replace("<isi kegiatan pertama>", "Menerima surat")
    path.write_text(text, encoding="utf-8")
    after = lint(open_catalog(root), [path], LintOptions()).findings
    assert len(after) == len(before) - 1
    assert all("langkah[1].kegiatan" not in f.text("id")[0] for f in after)


def test_two_new_sops_in_a_row_get_different_numbers(make_catalog: Make, run_new: Run) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop(**{"2022\n": f"{YEAR}\n"})})
    assert run_new(root, *DUK, *ACTORS)[0] == 0
    assert (
        run_new(
            root,
            "--nama",
            "Usul Mutasi",
            "--unit",
            "SDM",
            "--area",
            "sdm aparatur",
            "--pelaksana",
            "Staf",
        )[0]
        == 0
    )
    numbers = [
        parse_text(p.read_text(encoding="utf-8")).data["nomor"]
        for p in sorted((root / "sdm").glob("*.yaml"))
    ]
    assert sorted(numbers) == [f"{n:03d}/SOP/SDM/KPU-Prov-35/{YEAR}" for n in (1, 2, 3)]
    code, _, _ = run_new(
        root,
        "--nama",
        "Penerimaan Surat",
        "--unit",
        "hukum",
        "--area",
        "deregulasi",
        "--pelaksana",
        "Staf",
    )
    assert code == 0
    other = parse_text((root / "hukum" / "penerimaan-surat.yaml").read_text("utf-8")).data
    assert other["nomor"] == f"001/SOP/HKM/KPU-Prov-35/{YEAR}"  # counted per unit


def test_modeline_points_at_the_nearest_schema_folder_above(
    make_catalog: Make, run_new: Run
) -> None:
    root = make_catalog(name="repo/katalog")
    schema = root.parent / "schemas" / "sop.schema.json"
    schema.parent.mkdir(parents=True)
    schema.write_text("{}", encoding="utf-8")
    run_new(root, *DUK, *ACTORS)
    first = (root / "sdm" / "penyusunan-duk-pegawai.yaml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/sop.schema.json"


def test_modeline_resolves_in_a_catalog_without_schemas(
    make_catalog: Make, run_new: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fresh office catalog has no schemas/: `new` writes them where its modeline points,
    and `sopctl schema` run anywhere in the catalog rewrites the same files."""
    root = make_catalog()
    code, out, _ = run_new(root, *DUK, *ACTORS)
    assert code == 0
    path = root / "sdm" / "penyusunan-duk-pegawai.yaml"
    link = path.read_text("utf-8").splitlines()[0].removeprefix("# yaml-language-server: $schema=")
    schema = (path.parent / link).resolve()
    assert schema == (root / "schemas" / "sop.schema.json").resolve()
    assert '"title": "SOP-AP' in schema.read_text("utf-8")
    assert "schemas/sop.schema.json" in out and "schemas/config.schema.json" in out
    schema.write_text("{}", encoding="utf-8")
    result = sopctl(capsys, "schema", cwd=root / "sdm")  # from a subfolder of the catalog
    assert result.code == 0
    assert '"title": "SOP-AP' in schema.read_text("utf-8")
    assert not (root / "sdm" / "schemas").exists()
    again, out, _ = run_new(root, "--nama", "Kedua", *DUK[2:], *ACTORS)
    assert again == 0 and "schemas/" not in out  # written once, then left alone


def test_dry_run_prints_the_file_and_writes_nothing(make_catalog: Make, run_new: Run) -> None:
    root = make_catalog()
    code, out, _ = run_new(root, *DUK, *ACTORS, "--dry-run")
    assert code == 0
    assert out.startswith("# yaml-language-server:")
    assert parse_text(out).data["nama"] == "Penyusunan DUK Pegawai"
    assert not (root / "sdm").exists()


def test_catalog_template_overrides_the_built_in_one(make_catalog: Make, run_new: Run) -> None:
    from sopctl.resources import builtin_dir

    root = make_catalog()
    builtin = (builtin_dir("templates") / "new.yaml.j2").read_text(encoding="utf-8")
    (root / "templates").mkdir()
    own = builtin.replace("status: draf", "# templat kantor sendiri\nstatus: draf")
    (root / "templates" / "new.yaml.j2").write_text(own, encoding="utf-8")
    code, out, _ = run_new(root, *DUK, *ACTORS, "--dry-run")
    assert code == 0 and "# templat kantor sendiri" in out


def test_a_template_that_yields_no_valid_sop_is_refused(make_catalog: Make, run_new: Run) -> None:
    root = make_catalog({"templates/new.yaml.j2": "nama: {{ request.nama }}\n"})
    code, _, err = run_new(root, *DUK, *ACTORS)
    assert code == 2
    assert "new.yaml.j2" in err and "Traceback" not in err
    assert not (root / "sdm").exists()


# -- refusals -----------------------------------------------------------------------------


def test_missing_flags_outside_a_terminal_are_a_usage_error(
    make_catalog: Make, run_new: Run
) -> None:
    code, _, err = run_new(make_catalog(), "--nama", "Penyusunan DUK")
    assert code == 2
    assert "--unit" in err and "--area" in err and "--pelaksana" in err and "--nama" not in err


def test_unknown_unit_names_the_nearest(make_catalog: Make, run_new: Run) -> None:
    code, _, err = run_new(
        make_catalog(),
        "--nama",
        "X",
        "--unit",
        "sdmm",
        "--area",
        "pengawasan",
        "--pelaksana",
        "Staf",
    )
    assert code == 2
    assert "sdmm" in err and "`sdm`" in err


def test_a_title_taken_in_the_unit_is_refused_and_nothing_is_overwritten(
    make_catalog: Make, run_new: Run
) -> None:
    root = make_catalog()
    run_new(root, *DUK, *ACTORS)
    path = root / "sdm" / "penyusunan-duk-pegawai.yaml"
    path.write_text(path.read_text("utf-8") + "# diedit\n", encoding="utf-8")
    code, _, err = run_new(
        root,
        "--nama",
        "penyusunan  DUK pegawai",
        "--unit",
        "sdm",
        "--area",
        "pengawasan",
        "--pelaksana",
        "Staf",
    )
    assert code == 2 and "sdm/penyusunan-duk-pegawai.yaml" in err
    assert path.read_text("utf-8").endswith("# diedit\n")


def test_an_existing_file_is_never_overwritten(make_catalog: Make, run_new: Run) -> None:
    root = make_catalog({"sdm/penyusunan-duk-pegawai.yaml": "# bukan SOP\n"})
    code, _, err = run_new(root, *DUK, *ACTORS)
    assert code == 2 and "sudah ada" in err
    assert (root / "sdm/penyusunan-duk-pegawai.yaml").read_text("utf-8") == "# bukan SOP\n"


def test_duplicate_actor_ids_are_refused(make_catalog: Make, run_new: Run) -> None:
    code, _, err = run_new(
        make_catalog(), *DUK, "--pelaksana", "staf=Staf", "--pelaksana", "staf=Staf Lain"
    )
    assert code == 2 and "staf" in err


# -- on a terminal ------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")
def test_interactive_new_asks_again_with_the_reason(make_catalog: Make) -> None:
    pexpect = pytest.importorskip("pexpect")
    root = make_catalog()
    program = shutil.which("sopctl")
    assert program is not None
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    child = pexpect.spawn(program, ["new"], cwd=str(root), env=env, encoding="utf-8", timeout=20)
    child.expect("Nama SOP")
    child.sendline("")  # empty: asked again
    child.expect("tidak boleh kosong")
    child.expect("Nama SOP")
    child.sendline("Penyusunan DUK Pegawai")
    child.expect("Subbagian Sumber Daya Manusia")  # the units are listed with their names
    child.expect("Unit")
    child.sendline("sdmm")
    child.expect("tidak dikenal")
    child.expect("sdm")
    child.expect("Unit")
    child.sendline("8")  # the eighth unit listed: sdm
    child.expect("Area RB")
    child.sendline("manajemen sdm")
    child.expect("Jenis SOP")
    child.sendline("teknis")
    child.expect("Pelaksana ke-1")
    child.sendline("")
    child.expect("minimal satu pelaksana")
    child.expect("Pelaksana ke-1")
    child.sendline("kasubbag=Kepala Subbagian SDM")
    child.expect("Pelaksana ke-2")
    child.sendline("kasubbag=Lagi")
    child.expect("sudah dipakai")
    child.expect("Pelaksana ke-2")
    child.sendline("Staf Subbagian SDM")
    child.expect("Pelaksana ke-3")
    child.sendline("")
    child.expect(r"Tulis sdm/penyusunan-duk-pegawai\.yaml\?")
    child.sendline("y")
    child.expect("Ditulis")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = parse_text((root / "sdm/penyusunan-duk-pegawai.yaml").read_text("utf-8")).data
    assert data["unit"] == "sdm" and data["area_rb"] == "manajemen-sdm"
    assert data["jenis"] == "teknis"
    assert [a["nama"] for a in data["pelaksana"]] == ["Kepala Subbagian SDM", "Staf Subbagian SDM"]


def test_a_number_template_the_pattern_rejects_is_a_config_error(
    make_catalog: Make, run_new: Run
) -> None:
    from conftest import CONFIG

    root = make_catalog(config=CONFIG.replace("{urut:03d}/SOP", "{urut}/SOP"))
    code, _, err = run_new(root, *DUK, *ACTORS)
    assert code == 2
    assert f"1/SOP/SDM/KPU-Prov-35/{YEAR}" in err and "nomor.pola" in err
    assert not (root / "sdm").exists()
