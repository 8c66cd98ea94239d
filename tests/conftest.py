"""Shared fixtures: catalogs built from a dict in tmp_path, a valid SOP to vary, a git repo."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sops"

CONFIG = """\
preset = "kpu-provinsi-2020"
bahasa = "id"

[satker]
nama = "Komisi Pemilihan Umum Provinsi Jawa Timur"
kode = "KPU-Prov-35"

[nomor]
pola = '^\\d{3}/SOP/[A-Z]+/KPU-Prov-35/\\d{4}$'
templat = "{urut:03d}/SOP/{kode_unit}/KPU-Prov-35/{tahun}"
"""

VALID_SOP = """\
# yaml-language-server: $schema=../../schemas/sop.schema.json
nomor: 001/SOP/SDM/KPU-Prov-35/2022
nama: Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai
unit: sdm
area_rb: manajemen-sdm
jenis: administratif
status: ditetapkan
tanggal:
  pembuatan: 2022-03-01
  revisi: 2023-03-01
  efektif: 2022-04-14
disahkan_oleh:
  jabatan: Sekretaris KPU Provinsi Jawa Timur
  nama: Nama Pejabat
  nip: "197501012000031001"
dasar_hukum:
  - Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara
pelaksana:
  - id: sekretaris
    nama: Sekretaris
  - id: kasubbag
    nama: Kepala Subbagian SDM
  - id: staf
    nama: Staf Subbagian SDM
langkah:
  - kegiatan: Memberikan disposisi penyusunan DUK
    pelaksana: sekretaris
    mutu_baku:
      kelengkapan: [Surat edaran]
      waktu: 15 menit
      output: Disposisi
  - kegiatan: Menyusun konsep DUK
    pelaksana: staf
    mutu_baku:
      kelengkapan: [Data SIMPEG]
      waktu: 1 hari
      output: Konsep DUK
  - kegiatan: Memeriksa konsep DUK; sudah benar?
    pelaksana: kasubbag
    ya: 4
    tidak: 2
    mutu_baku:
      kelengkapan: [Konsep DUK]
      waktu: 1 jam
      output: Konsep DUK terverifikasi
  - kegiatan: Menandatangani dan menetapkan DUK
    pelaksana: sekretaris
    mutu_baku:
      kelengkapan: [Konsep DUK]
      waktu: 30 menit
      output: DUK ditetapkan
monitoring:
  - tanggal: {today}
    penilaian: baik
evaluasi:
  - tanggal: {today}
    kriteria:
      mendorong_kinerja: ya
      mudah_dipahami: ya
      mudah_dilaksanakan: ya
      menjalankan_peran: ya
      mengatasi_masalah: ya
      menjawab_kebutuhan: ya
      sinergi: ya
"""


def valid_sop(**replacements: str) -> str:
    """The valid SOP text, with `old=new` style substitutions given as a dict of lines."""
    import datetime as dt

    text = VALID_SOP.replace("{today}", dt.date.today().isoformat())
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


Make = Callable[..., Path]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected outputs in tests/golden/ (review the diff before committing)",
    )


@pytest.fixture
def make_catalog(tmp_path: Path) -> Make:
    """Write a catalog: `sopctl.toml` (CONFIG unless given) plus `files` {relative path: text}."""

    def make(
        files: dict[str, str] | None = None, config: str = CONFIG, name: str = "katalog"
    ) -> Path:
        root = tmp_path / name
        root.mkdir(parents=True, exist_ok=True)
        (root / "sopctl.toml").write_text(textwrap.dedent(config), encoding="utf-8")
        for relative, text in (files or {}).items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped sample catalog."""
    target = tmp_path / "sops"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """git isolated from the user's and the system's configuration."""
    values = {
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Staf Uji",
        "GIT_AUTHOR_EMAIL": "staf@example.invalid",
        "GIT_COMMITTER_NAME": "Staf Uji",
        "GIT_COMMITTER_EMAIL": "staf@example.invalid",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` and return its standard output."""
    done = subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True, encoding="utf-8"
    )
    return done.stdout


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


PDF_ENGINE = (
    'pip install -e ".[pdf]"; on Debian/Ubuntu also apt-get install libpango-1.0-0 '
    "libpangoft2-1.0-0 (or run .ci/run)"
)


def missing(what: str) -> NoReturn:
    """A tool a test needs is not on this machine: a visible skip, saying how to install it;
    under CI=true, where .ci/run installs everything, a failure."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {what}", pytrace=False)
    pytest.skip(what)


def needed(module: str, install: str) -> Any:
    """`module` imported, or `missing()` (ImportError, or OSError for absent system libraries)."""
    try:
        return importlib.import_module(module)
    except (ImportError, OSError) as exc:
        missing(f"{module} cannot be loaded ({exc}): {install}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright; where none is found, `missing()`."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        missing("no Chromium found (Debian: apt-get install chromium; or run .ci/run)")
    playwright_api = needed("playwright.sync_api", 'pip install -e ".[dev]"')
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
