"""The front matter of the Dokumen SOP (PermenPAN-RB 35/2012): the Keputusan in decree form
with its lampiran, and the *penjelasan singkat penggunaan*. Values only; templates place them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sopctl.catalog.config import Config
from sopctl.catalog.names import resolve_unit
from sopctl.catalog.penetapan import Istilah, Penetapan, decree_of
from sopctl.sop.dates import tanggal
from sopctl.sop.model import Sop

ORDINALS = (
    "KESATU",
    "KEDUA",
    "KETIGA",
    "KEEMPAT",
    "KELIMA",
    "KEENAM",
    "KETUJUH",
    "KEDELAPAN",
    "KESEMBILAN",
    "KESEPULUH",
)

# What a reader of the booklet needs to read the form, after PermenPAN-RB 35/2012 Bab III.
DEFINITIONS: tuple[Istilah, ...] = (
    Istilah(
        istilah="Standar Operasional Prosedur Administrasi Pemerintahan (SOP AP)",
        arti="Serangkaian instruksi tertulis yang dibakukan mengenai berbagai proses "
        "penyelenggaraan administrasi pemerintahan, bagaimana dan kapan harus dilakukan, "
        "di mana dan oleh siapa dilakukan.",
    ),
    Istilah(
        istilah="Bagian identitas",
        arti="Tabel pembuka setiap SOP: nomor, tanggal pembuatan, revisi dan efektif, "
        "pengesahan, nama SOP, dasar hukum, kualifikasi pelaksana, keterkaitan, "
        "peralatan/perlengkapan, peringatan, serta pencatatan dan pendataan.",
    ),
    Istilah(
        istilah="Bagian flowchart (prosedur)",
        arti="Tabel kegiatan yang dibaca baris demi baris: setiap baris satu kegiatan, "
        "simbolnya digambar pada kolom pelaksana yang mengerjakannya.",
    ),
    Istilah(
        istilah="Pelaksana",
        arti="Jabatan atau pihak yang mengerjakan kegiatan; satu kolom per pelaksana.",
    ),
    Istilah(
        istilah="Mutu baku",
        arti="Ukuran setiap kegiatan: kelengkapan yang diperlukan, waktu yang dibutuhkan, "
        "dan output yang dihasilkan.",
    ),
    Istilah(
        istilah="Simbol",
        arti="Kapsul: mulai atau selesai; kotak: proses; belah ketupat: keputusan dengan "
        "pilihan Ya dan Tidak; anak panah: arah alur; segi lima: penghubung ke halaman "
        "berikutnya.",
    ),
)


@dataclass(frozen=True)
class Listed:
    """One row of a Keputusan's lampiran."""

    nomor: str
    nama: str
    unit: str


@dataclass(frozen=True)
class Decree:
    """A Keputusan ready to print."""

    record: Penetapan
    anchor: str
    title: str  # "KEPUTUSAN SEKRETARIS …"
    tanggal: str
    diktum: tuple[tuple[str, str], ...]  # (KESATU, text)
    lampiran: tuple[Listed, ...]


@dataclass(frozen=True)
class Explanation:
    ruang_lingkup: str
    ringkasan: str
    definisi: tuple[Istilah, ...]


def decrees(config: Config, catalog_sops: Sequence[Sop], shown: Sequence[Sop]) -> list[Decree]:
    """The Keputusan that enact the SOPs `shown`, oldest first; each lampiran lists every
    SOP of the catalog it enacts (the decree's own list, whatever the booklet's filters)."""
    wanted = {id(d) for sop in shown if (d := decree_of(sop.nomor, config.decrees))}
    printed: list[Decree] = []
    for record in config.decrees:
        if id(record) not in wanted:
            continue
        anchor = f"keputusan-{len(printed) + 1}"
        title = f"KEPUTUSAN {record.pejabat.jabatan.upper()}"
        printed.append(
            Decree(
                record=record,
                anchor=anchor,
                title=title,
                tanggal=tanggal(record.tanggal),
                diktum=_diktum(record, config),
                lampiran=_lampiran(record, config, catalog_sops),
            )
        )
    return printed


def _diktum(record: Penetapan, config: Config) -> tuple[tuple[str, str], ...]:
    satker = f"Sekretariat {config.satker.nama}"
    texts = record.diktum or [
        "Menetapkan Standar Operasional Prosedur Administrasi Pemerintahan di Lingkungan "
        f"{satker} sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak "
        "terpisahkan dari Keputusan ini.",
        "Standar Operasional Prosedur sebagaimana dimaksud dalam Diktum KESATU menjadi "
        f"pedoman bagi seluruh pegawai di lingkungan {satker} dalam melaksanakan tugas dan "
        "dimonitor serta dievaluasi secara berkala.",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ]
    return tuple(zip(ORDINALS, texts, strict=False))


def _lampiran(record: Penetapan, config: Config, sops: Sequence[Sop]) -> tuple[Listed, ...]:
    by_number = {sop.nomor: sop for sop in sops if sop.nomor}
    if record.sop:
        numbers = list(record.sop)
    else:
        numbers = [
            sop.nomor
            for sop in sops
            if sop.nomor
            and sop.status == "ditetapkan"
            and decree_of(sop.nomor, config.decrees) is record
        ]
    order = {unit.id: index for index, unit in enumerate(config.units)}

    def key(nomor: str) -> tuple[int, str]:
        sop = by_number.get(nomor)
        unit = resolve_unit(config, sop.unit) if sop else None
        return (order.get(unit or "", len(order)), nomor)

    rows = []
    for nomor in sorted(numbers, key=key):
        sop = by_number.get(nomor)
        rows.append(Listed(nomor, sop.nama if sop else "", _unit_name(config, sop)))
    return tuple(rows)


def _unit_name(config: Config, sop: Sop | None) -> str:
    if sop is None:
        return ""
    unit_id = resolve_unit(config, sop.unit)
    return next((u.nama for u in config.units if u.id == unit_id), sop.unit)


def explanation(
    config: Config, shown: Sequence[Sop], units: Sequence[tuple[str, int]]
) -> Explanation:
    """The penjelasan singkat: the catalog's own text where given, else the defaults."""
    given = config.penjelasan
    satker = f"Sekretariat {config.satker.nama}"
    scope = given.ruang_lingkup or (
        f"Dokumen SOP ini memuat {len(shown)} Standar Operasional Prosedur Administrasi "
        f"Pemerintahan yang berlaku di lingkungan {satker}. Setiap SOP menjadi pedoman bagi "
        "pelaksana yang disebut di dalamnya dan menjadi dasar monitoring setiap enam bulan "
        "serta evaluasi sekurang-kurangnya sekali setahun."
    )
    per_unit = "; ".join(f"{name}: {count} SOP" for name, count in units)
    summary = given.ringkasan or (
        f"SOP disusun per subbagian pemiliknya ({per_unit}). Setiap SOP terdiri atas bagian "
        "identitas dan bagian flowchart; riwayat revisinya dicantumkan di bawah prosedur."
    )
    return Explanation(scope, summary, tuple(given.definisi) or DEFINITIONS)
