"""Reading the values of Word cells: the date, signature and list spellings offices use."""

from __future__ import annotations

import datetime as dt

import pytest

from sopctl.word import values
from sopctl.word.labels import column_label, identity_label, split_label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 Februari 2022", dt.date(2022, 2, 7)),
        ("07 Pebruari 2022", dt.date(2022, 2, 7)),
        ("1 Agt. 2023", dt.date(2023, 8, 1)),
        ("30 Nopember 2021", dt.date(2021, 11, 30)),
        ("2022-02-07", dt.date(2022, 2, 7)),
        ("07-02-2022", dt.date(2022, 2, 7)),
        ("07/02/2022", dt.date(2022, 2, 7)),
        ("31 Februari 2022", None),
        ("Februari 2022", None),
        ("-", None),
    ],
)
def test_dates_as_offices_write_them(text: str, expected: dt.date | None) -> None:
    assert values.read_date(text) == expected


def test_the_signature_block_with_and_without_the_signature_line() -> None:
    signer = values.read_signer(
        [
            "Sekretaris KPU",
            "Provinsi Jawa Timur",
            "ttd",
            "Drs. Nama Pejabat",
            "NIP. 1969 0512 199403 1 003",
        ]
    )
    assert signer == values.Signer(
        "Sekretaris KPU Provinsi Jawa Timur", "Drs. Nama Pejabat", "196905121994031003"
    )
    plain = values.read_signer(["Kepala Bagian", "Nama Pejabat", "NIP: 12345"])
    assert plain == values.Signer("Kepala Bagian", "Nama Pejabat", "")  # a short NIP is not one
    assert values.read_signer(["belum disahkan"]) is None


def test_list_items_lose_their_bullets_and_dashes_mean_none() -> None:
    items = ["1. Komputer", "2) Printer", "a. ATK", "• Papan", "- Meja", "-", "Tidak ada"]
    assert values.items(items) == ["Komputer", "Printer", "ATK", "Papan", "Meja"]


def test_links_and_targets() -> None:
    link = values.read_link("002/SOP/SDM/KPU-Prov-35/2022 Penyusunan DUK (lanjutan)")
    assert (link.nomor, link.hubungan) == ("002/SOP/SDM/KPU-Prov-35/2022", "lanjutan")
    assert values.read_link("SOP Penyusunan DUK").nomor is None
    assert values.target("ya", ["Tidak (4)", "Ya → 6"]) == 6
    assert values.target("tidak", ["Ya (6)", "Tidak: ke langkah 4"]) == 4
    assert values.target("ya", ["Ya"]) is None
    assert values.written_target("tidak", "Jika tidak sesuai, kembali ke langkah 2.") == 2
    assert values.written_target("tidak", "tidak lebih dari 3 hari") is None
    assert values.tidy_nomor("001 / SOP / SDM / 2022") == "001/SOP/SDM/2022"


def test_label_variants() -> None:
    assert identity_label("No. SOP") == "nomor"
    assert identity_label("No") is None  # the procedure's number column, not the SOP number
    assert identity_label("Tgl. Efektif") == "efektif"
    assert identity_label("Pencatatan & Pendataan") == "pencatatan"
    assert split_label("Nomor SOP : 001/SOP/2022") == ("nomor", "001/SOP/2022")
    assert column_label("Persyaratan/ Kelengkapan") == "kelengkapan"
    assert column_label("Uraian Kegiatan") == "kegiatan"
    assert column_label("Ket.") == "keterangan"
