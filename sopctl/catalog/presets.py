"""Built-in data: the 8 KPU Reformasi Birokrasi change areas and the secretariat unit presets.

Units change with each reorganisation (2020, 2023), so they are data that a catalog picks by name
and may extend; old names stay as aliases so older SOPs still resolve.
"""

from __future__ import annotations

from typing import Any

# Keputusan KPU No. 314/ORT.07-Kpt/01/KPU/V/2021, in KPU's own order.
RB_AREAS: list[dict[str, Any]] = [
    {"id": "manajemen-perubahan", "nama": "Manajemen Perubahan", "alias": []},
    {
        "id": "deregulasi-kebijakan",
        "nama": "Penataan Peraturan Perundang-undangan/Deregulasi Kebijakan",
        "alias": ["penataan peraturan perundangan", "deregulasi", "penataan peraturan"],
    },
    {
        "id": "penataan-organisasi",
        "nama": "Penataan Organisasi/Kelembagaan",
        "alias": ["penataan kelembagaan", "kelembagaan"],
    },
    {"id": "penataan-tata-laksana", "nama": "Penataan Tata Laksana", "alias": ["tata laksana"]},
    {
        "id": "manajemen-sdm",
        "nama": "Sistem Manajemen Sumber Daya Manusia",
        "alias": ["manajemen sdm", "sdm aparatur", "penataan sistem manajemen sdm"],
    },
    {
        "id": "penguatan-akuntabilitas",
        "nama": "Penguatan Akuntabilitas",
        "alias": ["akuntabilitas"],
    },
    {"id": "pengawasan", "nama": "Pengawasan", "alias": ["penguatan pengawasan"]},
    {
        "id": "pelayanan-publik",
        "nama": "Pelayanan Publik",
        "alias": ["peningkatan kualitas pelayanan publik"],
    },
]

_PROVINSI_2020: list[dict[str, Any]] = [
    {"id": "keuangan", "nama": "Subbagian Keuangan", "kode": "KEU", "alias": ["subbag keuangan"]},
    {
        "id": "umum-logistik",
        "nama": "Subbagian Umum dan Logistik",
        "kode": "UL",
        "alias": ["subbag umum dan logistik", "umum dan logistik", "logistik", "umum"],
    },
    {
        "id": "teknis",
        "nama": "Subbagian Teknis Penyelenggaraan Pemilu",
        "kode": "TEK",
        "alias": ["tekmas", "subbag teknis", "teknis penyelenggaraan pemilu"],
    },
    {
        "id": "parmas",
        "nama": "Subbagian Partisipasi dan Hubungan Masyarakat",
        "kode": "PARMAS",
        "alias": ["partisipasi dan hubungan masyarakat", "partisipasi dan humas", "humas"],
    },
    {
        "id": "perencanaan",
        "nama": "Subbagian Perencanaan",
        "kode": "REN",
        "alias": ["subbag perencanaan", "program"],
    },
    {
        "id": "data-informasi",
        "nama": "Subbagian Data dan Informasi",
        "kode": "DATIN",
        "alias": ["datin", "data dan informasi", "subbag data", "data"],
    },
    {"id": "hukum", "nama": "Subbagian Hukum", "kode": "HKM", "alias": ["subbag hukum"]},
    {
        "id": "sdm",
        "nama": "Subbagian Sumber Daya Manusia",
        "kode": "SDM",
        "alias": ["subbag sdm", "sumber daya manusia", "kepegawaian"],
    },
]

_KUL = {
    "id": "kul",
    "nama": "Subbagian Keuangan, Umum dan Logistik",
    "kode": "KUL",
    "alias": ["keuangan umum dan logistik", "subbag kul", "umum", "keuangan", "logistik"],
}
_PDI = {
    "id": "perencanaan-datin",
    "nama": "Subbagian Perencanaan, Data dan Informasi",
    "kode": "PDI",
    "alias": ["perencanaan data dan informasi", "program dan data", "subbag program dan data"],
}

_KABKOTA_2020: list[dict[str, Any]] = [
    _KUL,
    {
        "id": "teknis-parmas",
        "nama": "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
        "kode": "TPPH",
        "alias": ["tekmas", "teknis dan hupmas", "teknis pemilu dan hupmas"],
    },
    _PDI,
    {
        "id": "hukum-sdm",
        "nama": "Subbagian Hukum dan Sumber Daya Manusia",
        "kode": "HSDM",
        "alias": ["hukum dan sdm", "subbag hukum"],
    },
]

_KABKOTA_2023: list[dict[str, Any]] = [
    _KUL,
    {
        "id": "teknis-hukum",
        "nama": "Subbagian Teknis Penyelenggaraan Pemilu dan Hukum",
        "kode": "TPH",
        # 2020 names: the technical unit moved hukum in and parmas out
        "alias": ["teknis penyelenggaraan pemilu dan hukum", "teknis-parmas", "tekmas"],
    },
    _PDI,
    {
        "id": "parmas-sdm",
        "nama": "Subbagian Partisipasi, Hubungan Masyarakat dan Sumber Daya Manusia",
        "kode": "PHS",
        "alias": ["partisipasi hubungan masyarakat dan sdm", "hukum-sdm", "hukum dan sdm"],
    },
]

UNIT_PRESETS: dict[str, list[dict[str, Any]]] = {
    "kpu-provinsi-2020": _PROVINSI_2020,
    "kpu-kabkota-2020": _KABKOTA_2020,
    "kpu-kabkota-2023": _KABKOTA_2023,
}
