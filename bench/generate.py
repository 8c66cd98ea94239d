"""Deterministic catalogs of realistic SOPs for the benchmark.

Layout (one catalog, so that one `sopctl lint` covers the whole repository as CI runs it):

    <out>/<name>/sopctl.toml                      one national configuration
    <out>/<name>/satker/<kode-satker>/<unit>/<slug>.yaml

553 satker folders (KPU RI, 38 provinces, 514 kabupaten/kota), ~30 SOPs each over the sample's
eight units and RB areas. Numbers carry the satker code so they are unique in the catalog; titles
carry the office's name so K005 (same title in one unit) does not fire across offices. Steps:
5-30, 3-5 actors, 1-3 decisions whose "Tidak" loops back, links to SOPs of the same office.
Monitoring and evaluation are recent as of AS_OF (lint with `--per-tanggal AS_OF`).

A few files carry deliberate errors (one in 400: a step without `output`, P009; one in 500:
a link to an unknown number, K002) so the output path of lint is exercised too.

Usage: python bench/generate.py [--out bench/out] [--sizes 1000,16500]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

AS_OF = dt.date(2026, 11, 1)
SATKER_COUNT = 553
CONFIG = """\
# Katalog nasional hasil generator benchmark (bench/generate.py)
preset = "kpu-provinsi-2020"
bahasa = "id"

[satker]
nama = "Komisi Pemilihan Umum Republik Indonesia"
kode = "KPU-RI"

[nomor]
pola = '^\\d{3}/SOP/[A-Z]+/KPU-[A-Za-z]+-\\d+/\\d{4}$'
templat = "{urut:03d}/SOP/{kode_unit}/KPU-RI-00/{tahun}"
"""

# unit id -> (unit code, head of unit, RB area, titles)
UNITS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "sdm": (
        "SDM",
        "Kepala Subbagian SDM",
        "manajemen-sdm",
        (
            "Penyusunan Daftar Urut Kepangkatan Pegawai",
            "Pemberian Cuti Tahunan Pegawai",
            "Usul Kenaikan Pangkat Reguler",
            "Penerbitan Surat Kenaikan Gaji Berkala",
            "Pengelolaan Presensi Pegawai",
            "Penegakan Disiplin Pegawai",
            "Penyusunan dan Penilaian Sasaran Kinerja Pegawai",
            "Usul Pensiun Batas Usia",
            "Pengiriman Pegawai dalam Pendidikan dan Pelatihan",
            "Usul Mutasi Pegawai",
        ),
    ),
    "keuangan": (
        "KEU",
        "Kepala Subbagian Keuangan",
        "penguatan-akuntabilitas",
        (
            "Pengajuan Surat Perintah Membayar Langsung",
            "Pengelolaan Uang Persediaan",
            "Penyusunan Laporan Keuangan Semesteran",
            "Rekonsiliasi Data Keuangan",
            "Pembayaran Honorarium Badan Ad Hoc",
            "Pertanggungjawaban Perjalanan Dinas",
        ),
    ),
    "umum-logistik": (
        "UL",
        "Kepala Subbagian Umum dan Logistik",
        "penataan-tata-laksana",
        (
            "Distribusi Logistik Pemilu",
            "Pengadaan Barang dan Jasa melalui Pengadaan Langsung",
            "Pengelolaan Surat Masuk",
            "Pengelolaan Barang Milik Negara",
            "Pemeliharaan Kendaraan Dinas",
            "Penyimpanan Logistik di Gudang",
        ),
    ),
    "teknis": (
        "TEK",
        "Kepala Subbagian Teknis Penyelenggaraan Pemilu",
        "penataan-organisasi",
        (
            "Supervisi Pembentukan Badan Ad Hoc",
            "Verifikasi Faktual Kepengurusan Partai Politik",
            "Rekapitulasi Hasil Penghitungan Suara",
            "Penetapan Daerah Pemilihan",
            "Pencalonan Anggota DPRD",
        ),
    ),
    "parmas": (
        "PARMAS",
        "Kepala Subbagian Partisipasi dan Hubungan Masyarakat",
        "pelayanan-publik",
        (
            "Pelayanan Permohonan Informasi Publik",
            "Publikasi Berita pada Laman Resmi",
            "Sosialisasi dan Pendidikan Pemilih",
            "Pengelolaan Rumah Pintar Pemilu",
        ),
    ),
    "perencanaan": (
        "REN",
        "Kepala Subbagian Perencanaan",
        "penguatan-akuntabilitas",
        (
            "Penyusunan Rencana Kerja dan Anggaran",
            "Revisi Anggaran",
            "Penyusunan Laporan Kinerja Instansi Pemerintah",
            "Penyusunan Rencana Strategis",
        ),
    ),
    "data-informasi": (
        "DATIN",
        "Kepala Subbagian Data dan Informasi",
        "penataan-tata-laksana",
        (
            "Pemutakhiran Data Pemilih Berkelanjutan",
            "Pengelolaan Jaringan dan Server",
            "Pengelolaan Aplikasi SIDALIH",
        ),
    ),
    "hukum": (
        "HKM",
        "Kepala Subbagian Hukum",
        "deregulasi-kebijakan",
        (
            "Penyusunan Keputusan dan Publikasi melalui JDIH",
            "Penanganan Gugatan di Pengadilan",
            "Pendampingan Hukum Sengketa Proses Pemilu",
        ),
    ),
}
VERBS = (
    "Menerima",
    "Memeriksa",
    "Menyusun",
    "Mengoreksi",
    "Meneruskan",
    "Mencatat",
    "Menghimpun",
    "Menyampaikan",
    "Memverifikasi",
    "Mengarsipkan",
    "Mengunggah",
    "Membuat",
    "Menandatangani",
    "Memaraf",
    "Mendistribusikan",
    "Merekapitulasi",
)
OBJECTS = (
    "berkas usulan",
    "konsep surat",
    "data pendukung",
    "nota dinas",
    "laporan",
    "rekap data",
    "dokumen kelengkapan",
    "surat permohonan",
    "daftar hadir",
    "konsep keputusan",
    "berita acara",
    "formulir isian",
)
WAKTU = ("15 menit", "30 menit", "1 jam", "2 jam", "1 hari", "2 hari", "3 hari", "1 minggu")
CRITERIA = (  # the seven evaluation criteria (sopctl.sop.model.KRITERIA), all answered
    "mendorong_kinerja",
    "mudah_dipahami",
    "mudah_dilaksanakan",
    "menjalankan_peran",
    "mengatasi_masalah",
    "menjawab_kebutuhan",
    "sinergi",
)
LAWS = (
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
    "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
    "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil",
    "Peraturan KPU Nomor 8 Tahun 2019 tentang Tata Kerja KPU",
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
)


@dataclass(frozen=True)
class Satker:
    kode: str
    nama: str
    folder: str


def satkers(count: int = SATKER_COUNT) -> list[Satker]:
    """KPU RI, then 38 provinces, then kabupaten/kota offices, numbered like BPS codes."""
    found = [Satker("KPU-RI-00", "KPU Republik Indonesia", "kpu-ri")]
    for prov in range(1, 39):
        code = prov + 10
        found.append(Satker(f"KPU-Prov-{code}", f"KPU Provinsi {code}", f"prov-{code}"))
    index = 0
    while len(found) < count:
        prov, kab = 11 + index % 38, 1 + index // 38
        code = f"{prov}{kab:02d}"
        found.append(Satker(f"KPU-Kab-{code}", f"KPU Kabupaten {code}", f"kab-{code}"))
        index += 1
    return found[:count]


def plan(total: int) -> list[tuple[Satker, int]]:
    """How many SOPs each office gets: 30, fewer at the end, `total` in all."""
    offices = satkers(max(1, min(SATKER_COUNT, round(total * SATKER_COUNT / 16500))))
    base, extra = divmod(total, len(offices))
    return [(office, base + (1 if i < extra else 0)) for i, office in enumerate(offices)]


def office_sops(rng: random.Random, satker: Satker, count: int) -> list[tuple[str, str, str]]:
    """(unit, title, number) for `count` SOPs of one office, titles unique per unit."""
    pairs = [(unit, title) for unit, spec in UNITS.items() for title in spec[3]]
    rng.shuffle(pairs)
    stock = len(pairs)
    while len(pairs) < count:  # more SOPs than stock titles: add numbered stages
        unit, title = pairs[len(pairs) % stock]
        pairs.append((unit, f"{title} Tahap {len(pairs) // stock + 1}"))
    chosen = sorted(pairs[:count])
    counters: dict[str, int] = {}
    result = []
    for unit, title in chosen:
        counters[unit] = counters.get(unit, 0) + 1
        number = f"{counters[unit]:03d}/SOP/{UNITS[unit][0]}/{satker.kode}/2022"
        result.append((unit, f"{title} pada {satker.nama}", number))
    return result


def sop_text(
    rng: random.Random, satker: Satker, sop: tuple[str, str, str], numbers: list[str], serial: int
) -> str:
    unit, title, number = sop
    code, head, area, _ = UNITS[unit]
    actors = [
        ("sekretaris", f"Sekretaris {satker.nama}"),
        ("kasubbag", head),
        ("staf", f"Staf {head.removeprefix('Kepala ')}"),
    ]
    actors += [("kabag", "Kepala Bagian"), ("pemohon", "Pemohon")][: rng.randint(0, 2)]
    created = dt.date(2021, 1, 4) + dt.timedelta(days=rng.randint(0, 500))
    status = "draf" if rng.random() < 0.05 else "ditetapkan"
    out = [
        "# yaml-language-server: $schema=../../../../schemas/sop.schema.json",
        f"nomor: {number}",
        f"nama: {title}",
        f"unit: {unit}",
        f"area_rb: {area}",
        f"jenis: {rng.choice(('administratif', 'teknis'))}",
        f"status: {status}",
        "tanggal:",
        f"  pembuatan: {created}",
        f"  efektif: {created + dt.timedelta(days=30)}",
        "disahkan_oleh:",
        f"  jabatan: Sekretaris {satker.nama}",
        "  nama: Nama Pejabat",
        f'  nip: "19{rng.randint(60, 89)}0{rng.randint(1, 9)}1{rng.randint(0, 2)}'
        f'{rng.randint(1990, 2015)}0{rng.randint(1, 2)}1{rng.randint(100, 999)}"',
        "dasar_hukum:",
        *(f"  - {law}" for law in rng.sample(LAWS, rng.randint(2, 4))),
        "peralatan:",
        "  - Komputer dan printer",
        "  - Alat tulis kantor",
        "peringatan: Jika prosedur tidak dilaksanakan, layanan terlambat dan tidak akuntabel.",
        "pencatatan:",
        "  - Arsip cetak dan digital",
    ]
    others = [n for n in numbers if n != number]
    if others:
        links = rng.sample(others, min(len(others), rng.randint(0, 2)))
        if serial % 500 == 7:
            links.append(f"999/SOP/{code}/{satker.kode}/2022")  # deliberate K002
        if links:
            out.append("keterkaitan:")
            out += [
                f"  - nomor: {n}\n    hubungan: {rng.choice(('lanjutan', 'terkait'))}"
                for n in links
            ]
    out.append("pelaksana:")
    out += [f"  - id: {actor}\n    nama: {name}" for actor, name in actors]
    out.append("langkah:")
    out += steps(rng, [a for a, _ in actors], serial % 400 == 3)
    out += dates(rng)
    return "\n".join(out) + "\n"


def steps(rng: random.Random, actors: list[str], broken: bool) -> list[str]:
    count = rng.randint(5, 30)
    decisions = set(rng.sample(range(3, count), min(count - 3, rng.randint(1, 3))))
    who = [actors[0]] + [rng.choice(actors) for _ in range(count - 2)] + [actors[0]]
    for offset, actor in enumerate(actors[1:]):  # every actor acts at least once (P002)
        who[1 + offset] = actor
    lines = []
    for number in range(1, count + 1):
        verb, thing = rng.choice(VERBS), rng.choice(OBJECTS)
        question = "; sudah lengkap?" if number in decisions else ""
        lines += [f"  - kegiatan: {verb} {thing}{question}", f"    pelaksana: {who[number - 1]}"]
        if number in decisions:
            lines += [f"    ya: {number + 1}", f"    tidak: {rng.randint(2, number - 1)}"]
        lines += [
            "    mutu_baku:",
            "      kelengkapan:",
            f"        - {thing.capitalize()}",
            f"      waktu: {rng.choice(WAKTU)}",
        ]
        if not (broken and number == 2):  # deliberate P009
            lines.append(f"      output: {rng.choice(OBJECTS).capitalize()} diproses")
        if rng.random() < 0.2:
            lines.append("    keterangan: Dilaksanakan sesuai ketentuan yang berlaku")
    return lines


def dates(rng: random.Random) -> list[str]:
    mon = AS_OF - dt.timedelta(days=rng.randint(5, 150))
    ev = AS_OF - dt.timedelta(days=rng.randint(5, 300))
    return [
        "monitoring:",
        f"  - tanggal: {mon}",
        "    penilaian: baik",
        "    catatan: Prosedur berjalan dengan baik.",
        "    penilai: Kepala Subbagian",
        "evaluasi:",
        f"  - tanggal: {ev}",
        "    kriteria:",
        *(f"      {key}: ya" for key in CRITERIA),
        "    catatan: Prosedur masih sesuai.",
        "    penilai: Tim Penataan Tata Laksana",
    ]


def generate(root: Path, total: int, seed: int = 35) -> int:
    """Write a catalog of `total` SOPs at `root` (replacing it); returns the files written."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "sopctl.toml").write_text(CONFIG, encoding="utf-8")
    rng = random.Random(seed)
    serial = 0
    for satker, count in plan(total):
        sops = office_sops(rng, satker, count)
        numbers = [number for _, _, number in sops]
        for sop in sops:
            serial += 1
            slug = sop[1].split(" pada ")[0].lower().replace(" ", "-")
            path = root / "satker" / satker.folder / sop[0] / f"{slug}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = sop_text(rng, satker, sop, numbers, serial)
            path.write_text(text, encoding="utf-8", newline="\n")
    return serial


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--sizes", default="1000,16500")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        written = generate(args.out / f"katalog-{size}", size)
        print(f"{args.out / f'katalog-{size}'}: {written} SOP")


if __name__ == "__main__":
    main()
