"""The QR code and verification code on each printed SOP, and `sopctl verifikasi`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Make, git, valid_sop
from helpers import sopctl

from sopctl.catalog.folder import open_catalog
from sopctl.render.files import render_files
from sopctl.sop.digest import content_digest
from sopctl.sop.loader import load_sop

DUK = "001/SOP/SDM/KPU-Prov-35/2022"


def digest_of(text: str, tmp_path: Path) -> str:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    sop = load_sop(path, "x.yaml", tmp_path).sop
    assert sop is not None
    return content_digest(sop)


def test_digest_follows_the_printed_content_only(tmp_path: Path) -> None:
    base = digest_of(valid_sop(), tmp_path)
    assert len(base) == 16 and int(base, 16) >= 0
    flow = valid_sop(
        **{"  - id: staf\n    nama: Staf Subbagian SDM": "  - {id: staf, nama: Staf Subbagian SDM}"}
    )
    assert digest_of(flow, tmp_path) == base  # another layout of the same SOP
    recorded = valid_sop() + "  - tanggal: 2024-01-02\n"  # one more evaluation record
    assert digest_of(recorded, tmp_path) == base
    changed = valid_sop(**{"waktu: 1 jam": "waktu: 2 jam"})
    assert digest_of(changed, tmp_path) != base


def test_the_printed_sop_carries_the_qr_and_the_code(make_catalog: Make, tmp_path: Path) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    (html_file,) = render_files(open_catalog(root), [], "html", tmp_path / "out")
    html = html_file.read_text(encoding="utf-8")
    code = digest_of(valid_sop(), tmp_path)
    assert f"Kode verifikasi {code}" in html
    qr = html[html.index('<svg width="') : html.index("</svg>")]
    assert 'class="segno"' in qr and "<script" not in html and "href" not in qr


def test_verifikasi_matches_then_reports_outdated_after_a_change(
    make_catalog: Make, tmp_path: Path, git_env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("weasyprint")
    pytest.importorskip("pypdf")
    root = make_catalog({"sdm/duk.yaml": valid_sop()})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "awal")
    (printed,) = render_files(open_catalog(root), [], "pdf", tmp_path / "cetak")
    now = sopctl(capsys, "verifikasi", str(printed), str(root))
    assert now.code == 0 and now.out.startswith("cocok") and DUK in now.out
    assert "bukan tanda tangan elektronik" in now.out
    duk = root / "sdm/duk.yaml"
    duk.write_text(valid_sop(**{"waktu: 1 jam": "waktu: 2 jam"}), encoding="utf-8")
    git(root, "commit", "-q", "-am", "ubah waktu")
    later = sopctl(capsys, "verifikasi", str(printed), str(root), "--lang", "en")
    assert later.code == 1 and later.out.startswith("outdated") and DUK in later.out
    assert "committed 20" in later.out and "0 match, 1 outdated" in later.out


def test_verifikasi_takes_a_code_or_the_qr_text(
    make_catalog: Make, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_catalog({"sdm/duk.yaml": valid_sop()})  # outside git: no history to search
    code = digest_of(valid_sop(), tmp_path)
    assert sopctl(capsys, "verifikasi", code, str(root)).code == 0
    assert sopctl(capsys, "verifikasi", f"SOP-AP {DUK} {code}", str(root)).code == 0
    unknown = sopctl(capsys, "verifikasi", "0123456789abcdef", str(root))
    assert unknown.code == 1 and unknown.out.startswith("tidak dikenal")
    wrong = sopctl(capsys, "verifikasi", "bukan-kode", str(root))
    assert wrong.code == 2 and "saran:" in wrong.err and "Traceback" not in wrong.err
    missing = sopctl(capsys, "verifikasi", str(tmp_path / "tidak-ada.pdf"), str(root))
    assert missing.code == 2 and "Traceback" not in missing.err
