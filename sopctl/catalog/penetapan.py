"""The Keputusan that enacts a catalog's SOPs and the booklet's *penjelasan singkat*, as they
are written in `sopctl.toml` (`[[penetapan]]`, `[penjelasan]`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Pejabat(_Strict):
    """The official who signs the Keputusan."""

    jabatan: Text
    nama: Text
    nip: Annotated[str, Field(pattern=r"^\d{18}$")] | None = None


class Penetapan(_Strict):
    """One Keputusan (decree) enacting SOPs: the booklet prints it in full, with a lampiran.

    `sop` lists the numbers of the SOPs it enacts; a Keputusan without `sop` enacts every
    enacted SOP no other Keputusan lists (most catalogs have exactly one such Keputusan).
    """

    nomor: Text = Field(description='the decree number as written, e.g. "45 Tahun 2023"')
    tentang: Text = Field(description="the title after 'tentang'")
    tanggal: dt.date = Field(description="date of signing (ditetapkan)")
    tempat: Text = Field(description="place of signing, e.g. Surabaya")
    pejabat: Pejabat
    menimbang: Annotated[list[Text], Field(min_length=1)]
    mengingat: Annotated[list[Text], Field(min_length=1)]
    diktum: list[Text] = Field(
        [], description="KESATU, KEDUA, …; empty: the standard diktum of an SOP decree"
    )
    sop: list[Text] = Field([], description="numbers of the SOPs it enacts (its lampiran)")


class Istilah(_Strict):
    """A term the penjelasan singkat defines."""

    istilah: Text
    arti: Text


class Penjelasan(_Strict):
    """*Penjelasan singkat penggunaan* after the daftar isi; empty fields print the defaults."""

    ruang_lingkup: str = ""
    ringkasan: str = ""
    definisi: list[Istilah] = []


def decree_of(nomor: str | None, decrees: Sequence[Penetapan]) -> Penetapan | None:
    """The Keputusan that enacts the SOP numbered `nomor`: the one listing it, else the one
    that lists none (the catalog's general Keputusan), else None."""
    if nomor:
        for decree in decrees:
            if nomor in decree.sop:
                return decree
    return next((decree for decree in decrees if not decree.sop), None)
