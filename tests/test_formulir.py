"""`sopctl formulir monitoring|evaluasi`: the Permen's forms per unit, filled from the records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SAMPLE, Make, valid_sop
from helpers import sopctl

from sopctl.catalog.folder import open_catalog
from sopctl.errors import UsageError
from sopctl.render.files import load_sources
from sopctl.render.forms import semester, unit_forms, year
from sopctl.sop.model import KRITERIA

TODAY = dt.date(2026, 11, 26)


def enacted_numbers() -> set[str]:
    catalog = open_catalog(SAMPLE)
    return {s.sop.nomor or "" for s in load_sources(catalog, []) if s.sop.status == "ditetapkan"}


def test_periods() -> None:
    assert semester("2026-2", TODAY).first == dt.date(2026, 7, 1)
    assert semester("2026-S1", TODAY).last == dt.date(2026, 6, 30)
    assert semester("2026-II", TODAY).name == "Semester II Tahun 2026"
    assert semester(None, dt.date(2026, 3, 1)).name == "Semester I Tahun 2026"
    custom = semester("2026-01-01:2026-03-31", TODAY)
    assert (custom.first, custom.last) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert year(None, TODAY).name == "Tahun 2026"
    for bad in ("2026-3", "2026", "2026-04-01:2026-01-01", "2026-02-30:2026-03-01"):
        with pytest.raises(UsageError, match="--periode"):
            semester(bad, TODAY)


def test_rows_take_the_latest_record_of_the_period_or_stay_blank() -> None:
    catalog = open_catalog(SAMPLE)
    sources = load_sources(catalog, [])
    forms = unit_forms(catalog, sources, semester("2026-2", TODAY))
    rows = [row for form in forms for row in form.rows]
    assert {row.sop.nomor for row in rows} == enacted_numbers()
    assert all(r.monitoring is None or r.monitoring.tanggal >= dt.date(2026, 7, 1) for r in rows)
    assert any(r.monitoring is not None for r in rows)
    early = unit_forms(catalog, sources, semester("2019-1", TODAY))
    assert all(r.monitoring is None for form in early for r in form.rows)
    assert forms[0].unit == "Subbagian Keuangan"  # the configured unit order


def test_cli_monitoring_pdf_lists_every_enacted_sop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pypdf = pytest.importorskip("pypdf")
    target = tmp_path / "m.pdf"
    result = sopctl(
        capsys, "formulir", "monitoring", str(SAMPLE), "--periode", "2026-2", "-o", str(target)
    )
    assert result.code == 0, result.err
    assert "Formulir monitoring Semester II Tahun 2026 (25 SOP)" in result.out
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(target).pages)
    for number in enacted_numbers():
        assert number in text
    for label in (
        "FORMULIR MONITORING PELAKSANAAN SOP AP",
        "Berjalan dengan baik",
        "Tidak berjalan dengan baik",
        "Tindakan yang harus diambil",
        "Paraf Penilai",
    ):
        assert label in text
    assert "015/SOP/SDM" not in text  # drafts are not applied, so not monitored


def test_cli_evaluasi_pdf_has_the_seven_criteria(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pypdf = pytest.importorskip("pypdf")
    target = tmp_path / "e.pdf"
    result = sopctl(
        capsys,
        "formulir",
        "evaluasi",
        str(SAMPLE),
        "--tahun",
        "2026",
        "-o",
        str(target),
        "--lang",
        "en",
    )
    assert result.code == 0, result.err
    assert result.out.startswith("Evaluation form, Tahun 2026 (25 SOPs)")
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(target).pages]
    text = " ".join(pages)
    for number in enacted_numbers():
        assert number in text
    for label in KRITERIA.values():
        assert all(label in " ".join(p.split()) for p in pages), label
    assert "Tidak" in text and "Ya" in text


def test_evaluasi_html_fills_answers_and_notes(
    make_catalog: Make, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    noted = valid_sop(
        **{
            "      sinergi: ya\n": "      sinergi:\n        nilai: tidak\n"
            "        catatan: Belum <sinkron> & terlambat\n"
        }
    )
    blank = valid_sop(**{"001/SOP": "002/SOP", "(DUK) Pegawai": "Kedua"})
    blank = blank[: blank.index("evaluasi:")]
    root = make_catalog({"sdm/a.yaml": noted, "sdm/b.yaml": blank})
    target = tmp_path / "e.html"
    result = sopctl(capsys, "formulir", "evaluasi", str(root), "-o", str(target))
    assert result.code == 0, result.err
    html = target.read_text(encoding="utf-8")
    assert html.count(">Ya</td>") == 6 and html.count(">Tidak</td>") == 1
    assert "Belum &lt;sinkron&gt; &amp; terlambat" in html
    assert html.count('class="kosong"') == 1  # the SOP without an evaluation this year


def test_cli_formulir_errors(
    make_catalog: Make, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/a.yaml": valid_sop()})
    bad = sopctl(capsys, "formulir", "monitoring", str(root), "--periode", "kemarin")
    assert bad.code == 2 and "--periode `kemarin`" in bad.err and "saran:" in bad.err
    suffix = sopctl(capsys, "formulir", "evaluasi", str(root), "-o", str(tmp_path / "e.docx"))
    assert suffix.code == 2 and ".html atau .pdf" in suffix.err
    assert "Traceback" not in bad.err + suffix.err
    draft = make_catalog(
        {"sdm/a.yaml": valid_sop(**{"status: ditetapkan": "status: draf"})}, name="draf"
    )
    none = sopctl(capsys, "formulir", "evaluasi", str(draft), "-o", str(tmp_path / "e.html"))
    assert none.code == 2 and "ditetapkan" in none.err


def test_drafts_join_the_form_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "m.html"
    result = sopctl(
        capsys, "formulir", "monitoring", str(SAMPLE), "--termasuk-draf", "-o", str(target)
    )
    assert result.code == 0 and "(28 SOP)" in result.out  # every SOP of the catalog
    html = target.read_text(encoding="utf-8")
    assert html.count("<b>(DRAF)</b>") == 3 and "015/SOP/SDM/KPU-Prov-35/2023" in html
