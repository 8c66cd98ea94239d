"""`sopctl list`: rows, filters, sorting, formats, broken files and narrow terminals."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Make, valid_sop
from helpers import Result, sopctl

from sopctl.catalog.folder import open_catalog, sop_files
from sopctl.lint.briefs import BRIEFS_FILE, TEXTS_FILE
from sopctl.report.listing import collect

TODAY = dt.date.today()
OLD = (TODAY - dt.timedelta(days=400)).isoformat()

Run = Callable[..., Result]


@pytest.fixture
def run_list(capsys: pytest.CaptureFixture[str]) -> Run:
    def run(cwd: Path, *args: str) -> Result:
        return sopctl(capsys, "list", *args, cwd=cwd)

    return run


@pytest.fixture
def catalog(make_catalog: Make) -> Path:
    """Three SOPs: an enacted one, an overdue one in another unit, a draft without number."""
    overdue = valid_sop(
        **{
            "001/SOP/SDM/KPU-Prov-35/2022": "001/SOP/HKM/KPU-Prov-35/2022",
            "Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai": "Penyusunan Produk Hukum",
            "unit: sdm": "unit: subbag hukum",
            "area_rb: manajemen-sdm": "area_rb: deregulasi",
            "Menyusun konsep DUK": "Menyusun rancangan keputusan",
        }
    ).replace(f"tanggal: {TODAY.isoformat()}", f"tanggal: {OLD}")
    draft = valid_sop(
        **{
            "nomor: 001/SOP/SDM/KPU-Prov-35/2022\n": "",
            "status: ditetapkan": "status: draf",
            "Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai": "Pengelolaan Arsip Kepegawaian",
            "Memeriksa konsep DUK": "Memeriksa arsip dan dokumen pegawai",
        }
    )
    return make_catalog(
        {
            "sdm/duk.yaml": valid_sop(),
            "hukum/produk-hukum.yaml": overdue,
            "sdm/arsip.yaml": draft,
        }
    )


def test_rows_carry_the_identity_and_the_next_due_date(catalog: Path) -> None:
    files = sop_files(catalog)
    listing = collect(open_catalog(catalog), files, [p.name for p in files])
    by_name = {row.path: row for row in listing.rows}
    duk = by_name["duk.yaml"]
    assert duk.nomor == "001/SOP/SDM/KPU-Prov-35/2022" and duk.unit == "sdm"
    assert duk.efektif == dt.date(2022, 4, 14)
    assert duk.jatuh_tempo_jenis == "monitoring"  # 6 months come before 12
    assert duk.jatuh_tempo is not None and duk.jatuh_tempo > TODAY
    assert by_name["produk-hukum.yaml"].unit == "hukum"  # the alias resolved
    assert by_name["produk-hukum.yaml"].overdue(TODAY)
    assert by_name["arsip.yaml"].nomor is None and by_name["arsip.yaml"].jatuh_tempo is None


def test_json_lists_every_sop_sorted_by_number_drafts_last(catalog: Path, run_list: Run) -> None:
    result = run_list(catalog, "--format", "json")
    assert result.code == 0
    rows = result.json()
    assert [r["nomor"] for r in rows] == [
        "001/SOP/HKM/KPU-Prov-35/2022",
        "001/SOP/SDM/KPU-Prov-35/2022",
        None,
    ]
    assert rows[0]["area"] == "deregulasi-kebijakan"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--unit", "Subbagian Sumber Daya Manusia"], {"duk.yaml", "arsip.yaml"}),
        (["--unit", "HKM"], {"produk-hukum.yaml"}),
        (["--area", "deregulasi"], {"produk-hukum.yaml"}),
        (["--status", "draf"], {"arsip.yaml"}),
        (["--jatuh-tempo"], {"produk-hukum.yaml"}),
        (["--cari", "RANCANGAN keputusan"], {"produk-hukum.yaml"}),  # a step, any case
        (["--cari", "pégawai"], {"duk.yaml", "arsip.yaml"}),  # accents folded
        (["--unit", "sdm", "--status", "ditetapkan"], {"duk.yaml"}),
    ],
)
def test_filters(catalog: Path, run_list: Run, args: list[str], expected: set[str]) -> None:
    result = run_list(catalog, "--format", "json", *args)
    assert result.code == 0, result.err
    assert {Path(r["path"]).name for r in result.json()} == expected


def test_unknown_unit_filter_is_a_usage_error(catalog: Path, run_list: Run) -> None:
    result = run_list(catalog, "--unit", "hukm")
    assert result.code == 2 and "`hukum`" in result.err


def test_sort_by_any_column_and_reverse(catalog: Path, run_list: Run) -> None:
    names = [r["nama"] for r in run_list(catalog, "-f", "json", "--sort", "nama").json()]
    assert names == sorted(names)
    backwards = run_list(catalog, "-f", "json", "--sort", "nama", "--terbalik").json()
    assert [r["nama"] for r in backwards] == names[::-1]
    due = run_list(catalog, "-f", "json", "--sort", "jatuh_tempo").json()
    assert [Path(r["path"]).name for r in due] == ["produk-hukum.yaml", "duk.yaml", "arsip.yaml"]


def test_csv_has_a_header_and_one_line_per_sop(catalog: Path, run_list: Run) -> None:
    result = run_list(catalog, "--format", "csv", "--unit", "sdm")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == 2
    assert rows[0]["nomor"] == "001/SOP/SDM/KPU-Prov-35/2022" and rows[1]["nomor"] == ""
    assert rows[0]["efektif"] == "2022-04-14"


def test_a_broken_file_is_skipped_with_a_note_and_an_invalid_one_still_listed(
    catalog: Path, run_list: Run
) -> None:
    (catalog / "sdm" / "rusak.yaml").write_text("nama: [x\n", encoding="utf-8")
    (catalog / "sdm" / "salah.yaml").write_text(
        "nomor: 009/SOP/SDM/KPU-Prov-35/2022\nnama: Tanpa Langkah\nunit: sdm\n", encoding="utf-8"
    )
    result = run_list(catalog, "--format", "json")
    assert result.code == 0
    assert "rusak.yaml" in result.err and "rusak.yaml" not in result.out
    invalid = [r for r in result.json() if r["nama"] == "Tanpa Langkah"]
    assert invalid and invalid[0]["nomor"] == "009/SOP/SDM/KPU-Prov-35/2022"


def test_works_from_a_subfolder_and_for_named_paths(catalog: Path, run_list: Run) -> None:
    inside = run_list(catalog / "sdm", "-f", "json").json()
    assert len(inside) == 3  # the whole catalog, found by walking up
    named = run_list(catalog, "-f", "json", "hukum").json()
    assert [r["nomor"] for r in named] == ["001/SOP/HKM/KPU-Prov-35/2022"]


def test_a_narrow_terminal_still_shows_every_value(
    catalog: Path, run_list: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    result = run_list(catalog)
    assert result.code == 0
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= 70
    words = " ".join(lines)
    for word in ("Penyusunan", "Produk", "Hukum", "Arsip", "Kepegawaian", "draf", "hukum"):
        assert word in words
    assert "…" not in result.out  # wrapped, never cut


def test_a_wide_terminal_gets_a_table_with_whole_numbers(
    catalog: Path, run_list: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    result = run_list(catalog, "--sort", "nama")
    assert "Nama SOP" in result.out and "Jatuh tempo" in result.out
    assert "001/SOP/HKM/KPU-Prov-35/2022" in result.out  # never folded
    body = result.out.index("Pengelolaan Arsip")
    assert body < result.out.index("Penyusunan Daftar") < result.out.index("Penyusunan Produk")


# -- the lint cache: list reads it, and it never changes what is listed ----------------------


def test_the_same_rows_with_and_without_the_cache_and_after_an_edit(
    catalog: Path, run_list: Run
) -> None:
    (catalog / "sdm" / "rusak.yaml").write_text("nama: [x\n", encoding="utf-8")
    bare = run_list(catalog, "--format", "json", "--no-cache")
    assert not (catalog / ".sopctl-cache").exists()  # --no-cache writes none
    cold = run_list(catalog, "--format", "json")
    assert (catalog / ".sopctl-cache" / "lint.json").is_file()
    warm = run_list(catalog, "--format", "json")
    assert bare.out == cold.out == warm.out and bare.err == cold.err == warm.err
    assert "rusak.yaml" in warm.err
    duk = catalog / "sdm" / "duk.yaml"
    duk.write_text(
        duk.read_text(encoding="utf-8").replace("unit: sdm", "unit: hukum"), encoding="utf-8"
    )
    edited = run_list(catalog, "--format", "json")
    assert edited.out == run_list(catalog, "--format", "json", "--no-cache").out
    assert {r["unit"] for r in edited.json() if Path(r["path"]).name == "duk.yaml"} == {"hukum"}


def test_the_table_is_the_same_from_the_cache(catalog: Path, run_list: Run) -> None:
    first = run_list(catalog, "--sort", "jatuh_tempo")
    again = run_list(catalog, "--sort", "jatuh_tempo")
    assert first.out == again.out == run_list(catalog, "--sort", "jatuh_tempo", "--no-cache").out
    assert "produk-hukum.yaml" not in first.out and "Produk Hukum" in first.out


def test_lint_and_list_share_one_cache(catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sopctl(capsys, "lint", cwd=catalog).code in (0, 1)
    cache = catalog / ".sopctl-cache" / "lint.json"
    written = cache.stat().st_mtime_ns
    listed = sopctl(capsys, "list", "-f", "csv", cwd=catalog)
    assert listed.code == 0 and listed.out.count("\n") == 4
    assert cache.stat().st_mtime_ns == written  # nothing new to keep: every record was there


def _age_briefs(root: Path) -> None:
    """Make the kept briefs look written an hour from now, long after every file's last
    change, so that the files' stamps vouch for them (as for files edited earlier)."""
    path = root / ".sopctl-cache" / BRIEFS_FILE
    body = json.loads(path.read_bytes())
    body["written_ns"] = time.time_ns() + 3600 * 10**9
    path.write_bytes(json.dumps(body).encode())


def test_kept_briefs_are_read_alone_while_no_file_changed(catalog: Path, run_list: Run) -> None:
    """A warm list reads the compact briefs only: not even the per-file records."""
    (catalog / "sdm" / "rusak.yaml").write_text("nama: [x\n", encoding="utf-8")
    bare = run_list(catalog, "--format", "json", "--no-cache")
    run_list(catalog, "--format", "json")
    _age_briefs(catalog)
    records = catalog / ".sopctl-cache" / "lint.json"
    records.write_bytes(b"not read")
    warm = run_list(catalog, "--format", "json")
    assert (warm.out, warm.err) == (bare.out, bare.err) and "rusak.yaml" in warm.err
    searched = run_list(catalog, "--format", "json", "--cari", "produk hukum")
    assert (
        searched.out == run_list(catalog, "-f", "json", "--cari", "produk hukum", "--no-cache").out
    )
    assert len(searched.json()) == 1
    assert records.read_bytes() == b"not read"


@pytest.mark.parametrize("change", ["edit", "add", "remove", "damage", "stamp", "texts"])
def test_kept_briefs_never_change_what_is_listed(catalog: Path, run_list: Run, change: str) -> None:
    run_list(catalog, "--format", "json")
    _age_briefs(catalog)
    duk = catalog / "sdm" / "duk.yaml"
    kept = catalog / ".sopctl-cache" / BRIEFS_FILE
    if change == "edit":  # the same size, the mtime set back: the ctime still shows it
        text = duk.read_text(encoding="utf-8")
        before = duk.stat()
        duk.write_text(text.replace("unit: sdm", "unit: umm"), encoding="utf-8")
        os.utime(duk, ns=(before.st_atime_ns, before.st_mtime_ns))
    elif change == "add":
        (catalog / "sdm" / "baru.yaml").write_text(valid_sop(), encoding="utf-8")
    elif change == "remove":
        duk.unlink()
    elif change == "damage":
        body = json.loads(kept.read_bytes())
        body["rows"] = [[True, "x"] for _ in body["rows"]]
        kept.write_bytes(json.dumps(body).encode())
    elif change == "stamp":  # another file's stamps, of the right shape
        body = json.loads(kept.read_bytes())
        body["stamps"] = [[1, 2, 3, 4] for _ in body["stamps"]]
        kept.write_bytes(json.dumps(body).encode())
    else:  # search texts of another run
        texts = catalog / ".sopctl-cache" / TEXTS_FILE
        texts.write_text(json.dumps({"token": "lain", "texts": ["x"] * 3}), encoding="utf-8")
    for args in (("--format", "json"), ("-f", "json", "--cari", "duk")):
        listed = run_list(catalog, *args)
        assert listed.out == run_list(catalog, *args, "--no-cache").out
    json.loads(kept.read_bytes())  # written again, whole


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("Subbag Hukum & Umum", "hukum umum"),
        ("  SDM/Kepegawaian ", "sdm kepegawaian"),
        ("Keuangán", "keuangan"),
        ("Subbagian\u00a0Teknis", "teknis"),  # a non-breaking space folds to a space
        ("ﬁle 001", "file 001"),  # a ligature is two letters
    ],
)
def test_spellings_fold_the_same_ascii_or_not(written: str, normal: str) -> None:
    from sopctl.catalog.names import normalize

    assert normalize(written) == normal


@pytest.mark.parametrize("text", ["biasa", "tab\tbaris\nbaru", "\x1b[31mmerah", "a\u202eb", ""])
def test_terminal_text_keeps_only_what_prints(text: str) -> None:
    from sopctl.text.escape import terminal

    expected = "".join(c for c in text if c.isprintable() or c in "\t\n")
    assert terminal(text) == expected
