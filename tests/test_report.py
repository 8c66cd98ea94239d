"""`sopctl report`: counts per unit, RB area, status and satker, in every format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFIG, SAMPLE, Make, valid_sop
from helpers import sopctl

from sopctl.lint.briefs import BRIEFS_FILE
from sopctl.report.collect import build, find_sources
from sopctl.report.model import UNKNOWN, Scope, table
from sopctl.report.output import chart
from sopctl.sop.model import KRITERIA

TODAY = dt.date.today()
AREAS = (
    "manajemen-perubahan",
    "deregulasi-kebijakan",
    "penataan-organisasi",
    "penataan-tata-laksana",
    "manajemen-sdm",
    "penguatan-akuntabilitas",
    "pengawasan",
    "pelayanan-publik",
)
PROVINCE_UNITS = (
    "keuangan",
    "umum-logistik",
    "teknis",
    "parmas",
    "perencanaan",
    "data-informasi",
    "hukum",
    "sdm",
)
KABKOTA_2023 = """\
preset = "kpu-kabkota-2023"

[satker]
nama = "Komisi Pemilihan Umum Kabupaten {name}"
"""


def sop(
    n: int,
    unit: str = "sdm",
    area: str = "manajemen-sdm",
    status: str = "ditetapkan",
    extra: str = "",
) -> str:
    """A valid SOP with its own number and title, in `unit` and `area`, with `status`."""
    text = valid_sop(
        **{
            "nomor: 001/SOP/SDM/": f"nomor: {n:03d}/SOP/SDM/",
            "nama: Penyusunan": f"nama: Nomor {n} Penyusunan",
            "unit: sdm": f"unit: {unit}",
            "area_rb: manajemen-sdm": f"area_rb: {area}",
            "status: ditetapkan": f"status: {status}",
        }
    )
    return text + extra


@pytest.fixture
def mixed(make_catalog: Make) -> Path:
    """Enacted, draft and revoked SOPs; an alias, an unknown unit, a file that does not parse."""
    return make_catalog(
        {
            "sdm/a.yaml": sop(1),
            "sdm/b.yaml": sop(2, unit="kepegawaian", area="tata laksana"),  # aliases
            "sdm/c.yaml": sop(3, status="draf"),
            "hukum/d.yaml": sop(4, unit="hukum", area="deregulasi-kebijakan", status="dicabut"),
            "hukum/e.yaml": sop(5, unit="Subbag Hukum", area="deregulasi"),
            "lain/f.yaml": sop(6, unit="bagian rahasia", area="pengawasan"),
            "rusak/g.yaml": "nama: [tidak ditutup\n",
        }
    )


def report_of(path: Path, **scope: Any) -> Any:
    from sopctl.report.output import to_json

    return json.loads(to_json(build(find_sources(path), Scope(**scope))))


# -- the sample catalog: the province's published table -------------------------------------


def test_sample_counts_are_the_published_table() -> None:
    data = report_of(SAMPLE)
    expected = {
        "sdm": 15,
        "keuangan": 1,
        "data-informasi": 1,
        "perencanaan": 2,
        "umum-logistik": 2,
        "teknis": 2,
        "parmas": 3,
        "hukum": 2,
    }
    assert data["by_unit"] == expected
    assert data["total"] == 28
    assert data["by_status"] == {"draf": 3, "ditetapkan": 25}
    assert data["skipped"] == [] and data["unknown"] == []


def test_sample_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    result = sopctl(capsys, "report", str(SAMPLE), "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["total"] == 28
    assert data["by_unit"]["sdm"] == 15 and data["by_unit"]["parmas"] == 3
    assert sum(data["by_area"].values()) == 28
    assert {k: sum(v.values()) for k, v in data["matrix"].items()} == data["by_unit"]


def test_installed_program_prints_the_table() -> None:
    exe = shutil.which("sopctl") or str(Path(sys.executable).parent / "sopctl")
    done = subprocess.run(
        [exe, "report", str(SAMPLE)], capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert done.returncode == 0, done.stderr
    sdm = next(line for line in done.stdout.splitlines() if "Sumber Daya Manusia" in line)
    assert re.findall(r"\d+", sdm)[-1] == "15"
    assert "A8 = Pelayanan Publik" in done.stdout


# -- scope: statuses, filters, unknown values, broken files ---------------------------------


def test_default_scope_counts_drafts_not_revoked(mixed: Path) -> None:
    data = report_of(mixed)
    assert data["total"] == 5
    assert data["by_status"] == {"draf": 1, "ditetapkan": 4}
    assert data["by_unit"]["sdm"] == 3  # the alias `kepegawaian` counts as sdm
    assert data["by_unit"]["hukum"] == 1  # `Subbag Hukum`; the revoked one is out of scope
    assert data["by_area"]["penataan-tata-laksana"] == 1  # alias `tata laksana`


def test_every_configured_unit_and_area_is_shown_at_zero(mixed: Path) -> None:
    data = report_of(mixed)
    assert tuple(data["by_unit"])[:8] == PROVINCE_UNITS
    assert data["by_unit"]["keuangan"] == 0
    assert tuple(data["by_area"])[:8] == AREAS
    assert data["matrix"]["keuangan"] == dict.fromkeys(AREAS, 0)


def test_unknown_unit_is_counted_in_its_own_bucket(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sopctl(capsys, "report", str(mixed), "--format", "json")
    assert result.code == 0
    assert result.json()["by_unit"][UNKNOWN] == 1
    assert result.json()["unknown"] == [
        {"path": result.json()["unknown"][0]["path"], "field": "unit", "value": "bagian rahasia"}
    ]
    assert "bagian rahasia" in result.err and UNKNOWN in result.err


def test_files_that_do_not_parse_are_reported_as_skipped(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sopctl(capsys, "report", str(mixed))
    assert result.code == 0
    assert "1 berkas dilewati" in result.err
    assert "rusak/g.yaml" in result.err and "Y001" in result.err
    assert [s["path"].endswith("rusak/g.yaml") for s in report_of(mixed)["skipped"]] == [True]


@pytest.mark.parametrize(
    ("args", "total"),
    [
        (["--status", "dicabut"], 1),
        (["--status", "draf", "--status", "dicabut"], 2),
        (["--status", "ditetapkan", "--status", "draf", "--status", "dicabut"], 6),
        (["--unit", "sdm"], 3),
        (["--unit", "kepegawaian", "--unit", "HKM"], 4),  # an alias and a unit code
        (["--area", "manajemen sdm"], 2),
        (["--unit", "sdm", "--area", "penataan-tata-laksana"], 1),
    ],
)
def test_status_unit_and_area_choose_the_scope(
    mixed: Path, capsys: pytest.CaptureFixture[str], args: list[str], total: int
) -> None:
    result = sopctl(capsys, "report", str(mixed), "--format", "json", *args)
    assert result.code == 0, result.err
    assert result.json()["total"] == total


def test_unknown_filter_value_is_a_usage_error(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sopctl(capsys, "report", str(mixed), "--unit", "kepegawaiaan")
    assert result.code == 2
    assert "unit `kepegawaiaan` tidak dikenal" in result.err
    result = sopctl(capsys, "report", str(mixed), "--area", "pengawasn")
    assert result.code == 2 and "maksud Anda `pengawasan`" in result.err


def without_evaluations(text: str) -> str:
    """The SOP with `evaluasi: []` (its evaluation record, the last key, cut off)."""
    return text[: text.index("evaluasi:")] + "evaluasi: []\n"


def test_overdue_monitoring_and_evaluation(make_catalog: Make) -> None:
    old_monitoring = sop(1).replace(
        f"monitoring:\n  - tanggal: {TODAY}", "monitoring:\n  - tanggal: 2020-01-01"
    )
    old_evaluation = without_evaluations(sop(2))
    draft = without_evaluations(sop(3, status="draf"))
    root = make_catalog({"a.yaml": old_monitoring, "b.yaml": old_evaluation, "c.yaml": draft})
    # b.yaml: no evaluation since it took effect on 2022-04-14, due a year later
    assert report_of(root, today=TODAY)["overdue"] == {"monitoring": 1, "evaluasi": 1, "total": 2}
    assert report_of(root, today=dt.date(2023, 1, 1))["overdue"] == {
        "monitoring": 1,
        "evaluasi": 0,
        "total": 1,
    }


def test_processes_no_sop_covers(make_catalog: Make) -> None:
    config = CONFIG + (
        '\n[[proses_bisnis]]\nkode = "PB.01"\nnama = "Kepangkatan"\n'
        '\n[[proses_bisnis]]\nkode = "PB.02"\nnama = "Cuti"\n'
        '\n[[proses_bisnis]]\nkode = "PB.03"\nnama = "Mutasi"\n'
    )
    root = make_catalog(
        {
            "a.yaml": sop(1, extra="proses_bisnis: PB.01\n"),
            "b.yaml": sop(2, status="dicabut", extra="proses_bisnis: PB.02\n"),
        },
        config=config,
    )
    found = report_of(root)["uncovered_processes"]
    assert [p["kode"] for p in found] == ["PB.02", "PB.03"]
    assert report_of(root, statuses=("dicabut",))["uncovered_processes"][0]["kode"] == "PB.01"


# -- dimensions ------------------------------------------------------------------------------


def test_by_one_and_two_dimensions(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = sopctl(capsys, "report", str(mixed), "-f", "json", "--by", "status").json()["table"]
    assert one == {"rows": "status", "cols": None, "cells": {"draf": 1, "ditetapkan": 4}}
    two = sopctl(capsys, "report", str(mixed), "-f", "json", "--by", "unit", "--by", "status")
    cells = two.json()["table"]["cells"]
    assert cells["sdm"] == {"draf": 1, "ditetapkan": 2}
    assert cells["keuangan"] == {"draf": 0, "ditetapkan": 0}
    jenis = sopctl(capsys, "report", str(mixed), "-f", "json", "--by", "jenis").json()
    assert jenis["table"]["cells"] == {"teknis": 0, "administratif": 5}


def test_by_more_than_two_dimensions_is_refused(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sopctl(capsys, "report", str(mixed), "--by", "unit", "--by", "area", "--by", "jenis")
    assert result.code == 2 and "paling banyak dua" in result.err


def test_table_totals_add_up(mixed: Path) -> None:
    report = build(find_sources(mixed), Scope())
    grid = table(report, ("unit", "area"))
    assert grid.total == 5 == sum(grid.col_totals) == sum(grid.row_totals)
    assert grid.rows.keys[-1] == UNKNOWN and grid.rows.codes[-1] == "?"
    assert grid.cols is not None and grid.cols.codes[:2] == ("A1", "A2")


# -- several catalogs ------------------------------------------------------------------------


@pytest.fixture
def province(tmp_path: Path, make_catalog: Make) -> Path:
    """A province folder without its own sopctl.toml and two kabupaten catalogs."""
    folder = tmp_path / "jatim"
    make_catalog(
        {"a.yaml": sop(1, unit="kul"), "b.yaml": sop(2, unit="keuangan", area="pengawasan")},
        config=KABKOTA_2023.format(name="Malang"),
        name="jatim/kab-malang",
    )
    make_catalog(
        {"a.yaml": sop(1, unit="parmas-sdm"), "b.yaml": sop(2, unit="tekmas", status="dicabut")},
        config=KABKOTA_2023.format(name="Blitar"),
        name="jatim/kab-blitar",
    )
    return folder


def test_folder_of_catalogs_is_reported_per_satker_and_in_total(province: Path) -> None:
    data = report_of(province)
    assert data["total"] == 3
    assert data["by_satker"] == {"kab-blitar": 1, "kab-malang": 2}
    assert data["by_unit"]["kul"] == 2 and data["by_unit"]["parmas-sdm"] == 1
    malang = data["satker"]["kab-malang"]
    assert malang["nama"] == "Komisi Pemilihan Umum Kabupaten Malang"
    assert malang["by_area"]["pengawasan"] == 1 and malang["total"] == 2


def test_folder_of_catalogs_defaults_to_satker_rows(
    province: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sopctl(capsys, "report", str(province), "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.out)))
    assert rows[0][:2] == ["id", "Satker"]
    assert [r[0] for r in rows[1:]] == ["kab-blitar", "kab-malang", ""]
    assert rows[-1][-1] == "3"
    by = sopctl(capsys, "report", str(province), "-f", "json", "--by", "satker").json()
    assert by["table"]["cells"] == {"kab-blitar": 1, "kab-malang": 2}


def test_catalog_root_with_sub_catalogs_counts_each_once(make_catalog: Make) -> None:
    root = make_catalog({"sdm/a.yaml": sop(1), "sdm/b.yaml": sop(2)}, name="prov")
    make_catalog(
        {"a.yaml": sop(1, unit="kul")}, config=KABKOTA_2023.format(name="X"), name="prov/kab-x"
    )
    data = report_of(root)
    assert data["by_satker"] == {"prov": 2, "kab-x": 1}
    assert data["total"] == 3
    only_sdm = report_of(root / "sdm")
    assert only_sdm["total"] == 2 and only_sdm["by_satker"] == {"prov": 2}
    one_file = report_of(root / "sdm" / "a.yaml")
    assert one_file["total"] == 1 and one_file["by_satker"] == {"prov": 1}


def test_folder_without_any_catalog_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sopctl(capsys, "report", str(tmp_path))
    assert result.code == 2 and "sopctl.toml" in result.err


# -- formats ---------------------------------------------------------------------------------


def test_csv_has_one_row_per_unit_and_area_columns(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = list(csv.reader(io.StringIO(sopctl(capsys, "report", str(mixed), "-f", "csv").out)))
    assert rows[0][:3] == ["id", "Unit", "Manajemen Perubahan"]
    assert rows[0][-1] == "Jumlah" and len(rows[0]) == 2 + 8 + 1
    sdm = next(r for r in rows if r[0] == "sdm")
    assert sdm[rows[0].index("Sistem Manajemen Sumber Daya Manusia")] == "2"
    assert sdm[-1] == "3"
    assert [r[0] for r in rows[1:-1]] == [*PROVINCE_UNITS, UNKNOWN]
    assert rows[-1][1] == "Jumlah" and rows[-1][-1] == "5"


def test_markdown_table_with_legend_and_notes(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = sopctl(capsys, "report", str(mixed), "-f", "md").out
    assert "| Unit | A1 | A2 |" in text
    assert re.search(r"^\| Sumber Daya Manusia \| 0 \| 0 \| 0 \| 1 \| 2 \|.* \| 3 \|$", text, re.M)
    assert "A5 = Sistem Manajemen Sumber Daya Manusia" in text
    assert "- Per status: draf 1, ditetapkan 4" in text
    assert "bagian rahasia" in text


def test_terminal_table_shows_every_unit_and_totals(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = sopctl(capsys, "report", str(mixed)).out
    for name in ("Keuangan", "Sumber Daya Manusia", "Hukum", UNKNOWN):
        assert name in out
    jumlah = [line for line in out.splitlines() if line.strip("│ ").startswith("Jumlah")]
    assert re.findall(r"\d+", jumlah[-1])[-1] == "5"
    assert "Terlambat monitoring: 0 SOP" in out


def test_html_is_self_contained_with_svg_charts(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rekap.html"
    result = sopctl(capsys, "report", str(mixed), "-f", "html", "-o", str(target))
    assert result.code == 0 and result.out == ""
    page = target.read_text(encoding="utf-8")
    assert page.count("<svg") == 3  # unit, area, status
    for forbidden in ("<script", "src=", "href=", "url(", "<link", "@import"):
        assert forbidden not in page
    assert "Jumlah SOP per area perubahan Reformasi Birokrasi" in page
    assert 'data-key="sdm" data-value="3"' in page
    assert "bagian rahasia" in page and "rusak/g.yaml" in page


def test_html_for_several_catalogs_charts_each_satker(
    province: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = sopctl(capsys, "report", str(province), "-f", "html").out
    assert page.count("<svg") == 4
    assert "Komisi Pemilihan Umum Kabupaten Blitar" in page


def test_html_uses_a_catalog_template_override(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mixed / "templates").mkdir()
    (mixed / "templates" / "report.html.j2").write_text("TOTAL {{ total }}", encoding="utf-8")
    assert sopctl(capsys, "report", str(mixed), "-f", "html").out == "TOTAL 5"


def test_chart_bars_scale_to_the_largest_count() -> None:
    report = build(find_sources(SAMPLE), Scope())
    drawn = chart(
        report.axis("unit"), {k: 0 for k in report.axis("unit").keys} | {"sdm": 4, "hukum": 1}
    )
    widths = {bar["key"]: bar["width"] for bar in drawn["bars"]}
    assert widths["sdm"] == drawn["bar"] and widths["hukum"] == drawn["bar"] / 4
    assert widths["keuangan"] == 0
    tops = [bar["bar_y"] for bar in drawn["bars"]]
    assert tops == sorted(tops) and drawn["height"] > tops[-1]


def test_unknown_area_and_filters_are_named_in_markdown(
    make_catalog: Make, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"a.yaml": sop(1, area="area baru"), "b.yaml": sop(2)})
    text = sopctl(capsys, "report", str(root), "-f", "md", "--unit", "sdm").out
    assert "Cakupan: status draf, ditetapkan; unit sdm." in text
    assert "| ? | Jumlah |" in text  # the unknown area gets its own column
    assert "(area_rb: area baru)" in text


def test_missing_path_and_output_folder_are_usage_errors(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = sopctl(capsys, "report", str(tmp_path / "tidak-ada"))
    assert missing.code == 2 and "tidak ditemukan" in missing.err
    target = tmp_path / "tidak-ada" / "rekap.csv"
    result = sopctl(capsys, "report", str(mixed), "-f", "csv", "-o", str(target))
    assert result.code == 2 and "folder tidak ada" in result.err


def test_csv_file_opens_as_utf8_in_excel(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rekap.csv"
    assert sopctl(capsys, "report", str(mixed), "-f", "csv", "-o", str(target)).code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["id", "Unit"] and rows[-1][1] == "Jumlah"


# -- the lint cache: report reads it, and it never changes a count ---------------------------


def test_the_same_report_with_and_without_the_cache_and_after_an_edit(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mixed / "sdm" / "salah.yaml").write_text("nama: Tanpa Langkah\nunit: sdm\n", encoding="utf-8")

    def run(*args: str) -> tuple[str, str]:
        result = sopctl(capsys, "report", str(mixed), *args)
        assert result.code == 0, result.err
        return result.out, result.err

    bare = run("--format", "json", "--no-cache")
    assert not (mixed / ".sopctl-cache").exists()
    cold, warm = run("--format", "json"), run("--format", "json")
    assert bare == cold == warm
    assert "salah.yaml" in warm[1] and "S002" in warm[1] and "Y001" in warm[1]
    assert run("--format", "md") == run("--format", "md", "--no-cache")
    revoked = (mixed / "sdm" / "a.yaml").read_text(encoding="utf-8")
    (mixed / "sdm" / "a.yaml").write_text(
        revoked.replace("status: ditetapkan", "status: dicabut"), encoding="utf-8"
    )
    edited = run("--format", "json")
    assert edited == run("--format", "json", "--no-cache")
    assert json.loads(edited[0])["total"] == json.loads(warm[0])["total"] - 1


def test_each_catalog_of_a_folder_keeps_its_own_cache(province: Path) -> None:
    first = report_of(province)
    caches = sorted(p.parent.parent.name for p in province.rglob(".sopctl-cache/lint.json"))
    assert caches == ["kab-blitar", "kab-malang"]
    assert report_of(province) == first


def test_kept_briefs_count_as_the_files_do(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Briefs kept long enough to vouch for the files are what a warm report reads; an edit
    after them is still counted."""

    def run(*args: str) -> str:
        result = sopctl(capsys, "report", str(mixed), "--format", "json", *args)
        assert result.code == 0, result.err
        return result.out

    run()
    kept = mixed / ".sopctl-cache" / BRIEFS_FILE
    body = json.loads(kept.read_bytes())
    body["written_ns"] = time.time_ns() + 3600 * 10**9
    kept.write_bytes(json.dumps(body).encode())
    (mixed / ".sopctl-cache" / "lint.json").write_bytes(b"not read")
    assert run() == run("--no-cache")
    assert (mixed / ".sopctl-cache" / "lint.json").read_bytes() == b"not read"
    revoked = (mixed / "sdm" / "a.yaml").read_text(encoding="utf-8")
    (mixed / "sdm" / "a.yaml").write_text(
        revoked.replace("status: ditetapkan", "status: dicabut"), encoding="utf-8"
    )
    assert run() == run("--no-cache")


@pytest.mark.parametrize("index", [-1, 99, True, "0", None])
def test_kept_answers_by_a_bad_index_are_not_used(
    mixed: Path, capsys: pytest.CaptureFixture[str], index: object
) -> None:
    """Briefs name their criteria answers by index in a table: an index the table does not
    hold (a negative one would pick its last row) makes the briefs be read again."""

    def run(*args: str) -> str:
        result = sopctl(capsys, "report", str(mixed), "--format", "json", *args)
        assert result.code == 0, result.err
        return result.out

    bare = run("--no-cache")
    assert run() == bare
    kept = mixed / ".sopctl-cache" / BRIEFS_FILE
    body = json.loads(kept.read_bytes())
    body["written_ns"] = time.time_ns() + 3600 * 10**9
    body["answers"].append([[[key, "tidak"] for key in KRITERIA], ["forged"]])
    body["rows"] = [[*row[:-1], index] for row in body["rows"]]
    kept.write_bytes(json.dumps(body).encode())
    assert run() == bare


def _walked_catalogs(start: Path) -> list[Path]:
    """The catalogs below `start` as `os.walk` finds them (what `find_catalogs` did)."""
    roots: list[Path] = []
    for folder, dirs, files in os.walk(start):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED)
        if "sopctl.toml" in files:
            roots.append(Path(folder).resolve())
    return roots


SKIPPED = {"templates", "schemas", "node_modules", "__pycache__"}


def test_catalogs_are_found_as_os_walk_finds_them(tmp_path: Path) -> None:
    from sopctl.catalog.folder import find_catalogs

    for folder in (
        "B/kab-1",
        "a/kab-2/sub/kab-3",
        "a/.hidden/kab-4",
        "a/templates/kab-5",
        "c",
        "d/kab-6",
    ):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "sopctl.toml").write_text("", encoding="utf-8")
    (tmp_path / "c" / "sopctl.toml").unlink()
    (tmp_path / "c" / "sopctl.toml").mkdir()  # a folder of that name is no catalog
    (tmp_path / "sopctl.toml").write_text("", encoding="utf-8")
    if sys.platform != "win32":
        (tmp_path / "link").symlink_to(tmp_path / "d", target_is_directory=True)
        (tmp_path / "d" / "kab-6" / "lost").symlink_to(tmp_path / "missing")
    found = find_catalogs(tmp_path)
    assert found == _walked_catalogs(tmp_path)
    assert [p.relative_to(tmp_path.resolve()).as_posix() for p in found] == [
        ".",
        "B/kab-1",
        "a/kab-2/sub/kab-3",
        "d/kab-6",
    ]
