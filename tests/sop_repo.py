"""Catalogs in real git repositories for the git, riwayat, diff and --changed-since tests."""

from __future__ import annotations

from pathlib import Path

from conftest import git, valid_sop

DUK = "001/SOP/SDM/KPU-Prov-35/2022"
CUTI = "002/SOP/SDM/KPU-Prov-35/2022"
ATK = "003/SOP/UL/KPU-Prov-35/2022"


def sop(
    nomor: str,
    nama: str,
    *,
    links: tuple[str, ...] = (),
    unit: str = "sdm",
    revisi: str = "2023-03-01",
    status: str = "ditetapkan",
) -> str:
    """The valid SOP with another number, title, unit, revision date and links."""
    text = valid_sop(
        **{
            f"nomor: {DUK}": f"nomor: {nomor}",
            "nama: Penyusunan Daftar Urut Kepangkatan (DUK) Pegawai": f"nama: {nama}",
            "unit: sdm": f"unit: {unit}",
            "revisi: 2023-03-01": f"revisi: {revisi}",
            "status: ditetapkan": f"status: {status}",
        }
    )
    if links:
        listed = "".join(f"  - {number}\n" for number in links)
        text = text.replace("pelaksana:\n", f"keterkaitan:\n{listed}pelaksana:\n", 1)
    return text


def base_files() -> dict[str, str]:
    """Three SOPs: DUK links to Cuti, Cuti links to ATK."""
    return {
        "sdm/duk.yaml": sop(DUK, "Penyusunan DUK Pegawai", links=(CUTI,)),
        "sdm/cuti.yaml": sop(CUTI, "Pemberian Cuti Tahunan", links=(ATK,)),
        "umum/atk.yaml": sop(ATK, "Pengadaan Alat Tulis Kantor", unit="umum-logistik"),
    }


def init(root: Path) -> None:
    git(root, "init", "-q", "-b", "main")


def commit(root: Path, message: str, date: str | None = None) -> str:
    """Stage everything and commit (author date `date`, ISO); the new commit's hash."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, *([f"--date={date}T10:00:00"] if date else []))
    return git(root, "rev-parse", "HEAD").strip()


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
