"""Large SOPs for the flowchart checks: many steps, many actors, decisions inside decisions."""

from __future__ import annotations

import random

ACTORS = (
    ("pemohon", "Pegawai yang Bersangkutan"),
    ("staf", "Staf Subbagian Sumber Daya Manusia"),
    ("kasubbag", "Kepala Subbagian SDM"),
    ("kabag", "Kepala Bagian Keuangan, Umum dan Logistik"),
    ("sekretaris", "Sekretaris KPU Provinsi"),
    ("bkn", "Badan Kepegawaian Negara"),
    ("ketua", "Ketua KPU Provinsi"),
    ("bendahara", "Bendahara Pengeluaran Pembantu"),
)
_VERBS = ("Menyusun", "Memeriksa", "Menyampaikan", "Mengumpulkan", "Meneliti", "Mengarsipkan")
_THINGS = ("berkas usulan", "konsep surat", "daftar nominatif", "laporan", "nota dinas")


def generated_sop(steps: int = 30, actors: int = 6, seed: int = 1) -> str:
    """The YAML of a valid SOP with `steps` steps over `actors` actors.

    Every few steps a decision whose "Tidak" loops back to rework; some decisions are nested:
    their "Ya" leads into a second decision, whose "Tidak" skips forward past a side path.
    """
    rng = random.Random(seed)
    lines = [
        f"nomor: 0{seed:02d}/SOP/SDM/KPU-Prov-35/2022",
        f"nama: Prosedur Uji Tata Letak {steps} Langkah",
        "unit: sdm",
        "area_rb: manajemen-sdm",
        "jenis: administratif",
        "status: ditetapkan",
        "tanggal: {pembuatan: 2022-03-07, revisi: 2023-02-13, efektif: 2022-04-01}",
        "disahkan_oleh: {jabatan: Sekretaris, nama: Drs. Uji, nip: '196905121994031003'}",
        "dasar_hukum: [Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara]",
        "kualifikasi_pelaksana: [Memahami administrasi kepegawaian]",
        "peralatan: [Komputer]",
        "peringatan: Berkas yang tidak lengkap dikembalikan.",
        "pencatatan: [Buku agenda]",
        "pelaksana:",
        *(f"  - {{id: {key}, nama: '{name}'}}" for key, name in ACTORS[:actors]),
        "langkah:",
    ]
    branches = _branches(steps, rng)
    for number in range(1, steps + 1):
        actor = ACTORS[rng.randrange(actors)][0] if 1 < number < steps else ACTORS[0][0]
        verb, thing = rng.choice(_VERBS), rng.choice(_THINGS)
        text = f"{verb} {thing} langkah {number}"
        if "ya" in branches.get(number, {}):
            text += "; sudah sesuai?"
        lines.append(f"  - kegiatan: {text}")
        lines.append(f"    pelaksana: {actor}")
        for key, value in branches.get(number, {}).items():
            lines.append(f"    {key}: {value}")
        unit = rng.choice(("hari", "jam", "menit"))
        lines += [
            "    mutu_baku:",
            f"      kelengkapan: [{thing.capitalize()}]",
            f"      waktu: {rng.randint(1, 3)} {unit}",
            f"      output: {thing.capitalize()} {number}",
        ]
    return "\n".join(lines) + "\n"


def _branches(steps: int, rng: random.Random) -> dict[int, dict[str, int]]:
    """Decision and jump fields per step: loops back, and a nested pair with a side path."""
    found: dict[int, dict[str, int]] = {}
    number = 3
    while number + 6 < steps:
        if rng.random() < 0.5:  # a rework loop
            found[number] = {"ya": number + 1, "tidak": number - rng.randint(1, 2)}
            number += 3
        else:  # decision -> decision -> main path, or a side path that rejoins later
            found[number] = {"ya": number + 1, "tidak": number - 1}
            found[number + 1] = {"ya": number + 2, "tidak": number + 4}
            found[number + 3] = {"lanjut": number + 5}
            number += 7
    return found
