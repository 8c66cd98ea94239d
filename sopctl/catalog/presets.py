"""Built-in data: the 8 Reformasi Birokrasi change areas (in two official wordings), the RB
Tematik themes, and the KPU secretariat unit presets.

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

# The same 8 areas as PermenPAN-RB 25/2020 (Road Map RB 2020-2024) words them; the ids are
# those above, so SOPs need no change when a catalog switches wording (`area_rb_versi`).
_PERMENPAN_25_2020: dict[str, str] = {
    "manajemen-perubahan": "Manajemen Perubahan",
    "deregulasi-kebijakan": "Deregulasi Kebijakan",
    "penataan-organisasi": "Penataan dan Penguatan Organisasi",
    "penataan-tata-laksana": "Penataan Tata Laksana",
    "manajemen-sdm": "Penataan Sistem Manajemen SDM Aparatur",
    "penguatan-akuntabilitas": "Penguatan Akuntabilitas",
    "pengawasan": "Penguatan Pengawasan",
    "pelayanan-publik": "Peningkatan Kualitas Pelayanan Publik",
}


def _worded(names: dict[str, str]) -> list[dict[str, Any]]:
    """RB_AREAS with other names; the KPU names stay as aliases."""
    return [
        {**area, "nama": names[area["id"]], "alias": [*area["alias"], area["nama"]]}
        for area in RB_AREAS
    ]


AREA_VERSIONS: dict[str, list[dict[str, Any]]] = {
    "kpu-314-2021": RB_AREAS,  # Keputusan KPU No. 314/ORT.07-Kpt/01/KPU/V/2021
    "permenpan-25-2020": _worded(_PERMENPAN_25_2020),
}

# RB Tematik (PermenPAN-RB 3/2023, amending 25/2020): the themes an SOP may support besides its
# general area (`rb_tematik`), counted by `report`.
RB_TEMATIK: list[dict[str, Any]] = [
    {"id": "pengentasan-kemiskinan", "nama": "Pengentasan Kemiskinan", "alias": ["kemiskinan"]},
    {"id": "peningkatan-investasi", "nama": "Peningkatan Investasi", "alias": ["investasi"]},
    {
        "id": "digitalisasi-administrasi",
        "nama": "Digitalisasi Administrasi Pemerintahan",
        "alias": ["digitalisasi", "digitalisasi administrasi pemerintahan", "spbe"],
    },
    {
        "id": "produk-dalam-negeri",
        "nama": "Peningkatan Penggunaan Produk Dalam Negeri",
        "alias": ["p3dn", "penggunaan produk dalam negeri"],
    },
    {
        "id": "prioritas-aktual-presiden",
        "nama": "Prioritas Aktual Presiden",
        "alias": ["pengendalian inflasi", "prioritas presiden"],
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


def _in_bagian(units: list[dict[str, Any]], bagian: dict[str, str]) -> list[dict[str, Any]]:
    return [{**unit, "bagian": bagian[unit["id"]]} for unit in units]


_BAGIAN_2020 = {
    "keuangan": "Bagian Keuangan, Umum dan Logistik",
    "umum-logistik": "Bagian Keuangan, Umum dan Logistik",
    "teknis": "Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
    "parmas": "Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
    "perencanaan": "Bagian Perencanaan, Data dan Informasi",
    "data-informasi": "Bagian Perencanaan, Data dan Informasi",
    "hukum": "Bagian Hukum dan Sumber Daya Manusia",
    "sdm": "Bagian Hukum dan Sumber Daya Manusia",
}

# The provincial secretariat after the 2023 amendment of PKPU 14/2020. TO BE CONFIRMED against
# the amending PKPU (not verified here): this preset assumes the same eight subbagian regrouped
# as at kabupaten/kota level in 2023, hukum joining the technical bagian and SDM joining
# partisipasi dan hubungan masyarakat. Unit ids, names and codes match kpu-provinsi-2020, so a
# catalog can switch presets without touching its SOPs; only the `bagian` differs.
_BAGIAN_2023 = {
    **_BAGIAN_2020,
    "teknis": "Bagian Teknis Penyelenggaraan Pemilu dan Hukum",
    "hukum": "Bagian Teknis Penyelenggaraan Pemilu dan Hukum",
    "parmas": "Bagian Partisipasi, Hubungan Masyarakat dan Sumber Daya Manusia",
    "sdm": "Bagian Partisipasi, Hubungan Masyarakat dan Sumber Daya Manusia",
}

UNIT_PRESETS: dict[str, list[dict[str, Any]]] = {
    "kpu-provinsi-2020": _in_bagian(_PROVINSI_2020, _BAGIAN_2020),
    "kpu-provinsi-2023": _in_bagian(_PROVINSI_2020, _BAGIAN_2023),
    "kpu-kabkota-2020": _KABKOTA_2020,
    "kpu-kabkota-2023": _KABKOTA_2023,
}
