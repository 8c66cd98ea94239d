"""The SOP file format (design page, section 3) as pydantic models.

These models check shape and types only; rules that relate fields to each other, to the
catalog or to the calendar live in `sopctl.lint.rules` so that each can be reported, selected and
suppressed on its own.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

Text = Annotated[str, Field(min_length=1)]
Status = Literal["draf", "ditetapkan", "dicabut"]
Hubungan = Literal["prasyarat", "lanjutan", "terkait"]
Simbol = Literal["mulai", "proses", "keputusan", "selesai"]
StepNo = Annotated[int, Field(ge=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tanggal(_Strict):
    """Tanggal Pembuatan, Revisi and Efektif."""

    pembuatan: dt.date
    revisi: dt.date | None = None
    efektif: dt.date | None = None


class Pengesah(_Strict):
    """Disahkan oleh: the official who enacted the SOP."""

    jabatan: Text
    nama: Text
    nip: Annotated[str, Field(pattern=r"^\d{18}$", description="NIP: 18 digits, quoted")]


class Tautan(_Strict):
    """A link to another SOP of the catalog (Keterkaitan)."""

    nomor: Text
    hubungan: Hubungan = "terkait"


def _link_from_number(value: Any) -> Any:
    return {"nomor": value} if isinstance(value, str) else value


Keterkaitan = Annotated[
    Tautan,
    BeforeValidator(_link_from_number),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1, "description": "Nomor SOP"},
                {
                    "type": "object",
                    "properties": {
                        "nomor": {"type": "string", "minLength": 1},
                        "hubungan": {"enum": ["prasyarat", "lanjutan", "terkait"]},
                    },
                    "required": ["nomor"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


def _list_from_text(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


Peringatan = Annotated[
    list[Text],
    BeforeValidator(_list_from_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string", "minLength": 1}},
            ]
        }
    ),
]


class Pelaksana(_Strict):
    """An actor: one column of the procedure table."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    nama: Text


class MutuBaku(_Strict):
    """Quality standard of a step: requirements, time and output."""

    kelengkapan: list[Text] = []
    waktu: Text | None = Field(None, description='a number and a unit, e.g. "15 menit", "2 hari"')
    output: Text | None = None


class Langkah(_Strict):
    """One step (one row of the procedure table)."""

    kegiatan: Text
    pelaksana: Text
    ya: StepNo | None = None
    tidak: StepNo | None = None
    lanjut: StepNo | None = None
    simbol: Simbol | None = None
    mutu_baku: MutuBaku | None = None
    keterangan: Text | None = None


class Monitoring(_Strict):
    """A six-monthly monitoring record."""

    tanggal: dt.date
    penilaian: Literal["baik", "tidak-baik"]
    catatan: str = ""
    tindakan: str = ""
    penilai: str = ""


Jawaban = Literal["ya", "tidak"]

# The evaluation criteria of PermenPAN-RB 35/2012 (Bab IV), in the order of its form.
KRITERIA: dict[str, str] = {
    "mendorong_kinerja": "Mampu mendorong peningkatan kinerja",
    "mudah_dipahami": "Mudah dipahami",
    "mudah_dilaksanakan": "Mudah dilaksanakan",
    "menjalankan_peran": "Semua orang dapat menjalankan perannya masing-masing",
    "mengatasi_masalah": "Mampu mengatasi permasalahan yang berkaitan dengan proses",
    "menjawab_kebutuhan": "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
    "sinergi": "Sinergi satu dengan lainnya",
}


class Penilaian(_Strict):
    """The answer to one evaluation criterion, with an optional note."""

    nilai: Jawaban
    catatan: str = ""


def _answer_from_word(value: Any) -> Any:
    return {"nilai": value} if isinstance(value, str) else value


Jawab = Annotated[
    Penilaian,
    BeforeValidator(_answer_from_word),
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": ["ya", "tidak"]},
                {
                    "type": "object",
                    "properties": {
                        "nilai": {"enum": ["ya", "tidak"]},
                        "catatan": {"type": "string"},
                    },
                    "required": ["nilai"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


class Kriteria(_Strict):
    """The seven criteria of an evaluation: `ya`, `tidak`, or `{nilai, catatan}` each."""

    mendorong_kinerja: Jawab | None = None
    mudah_dipahami: Jawab | None = None
    mudah_dilaksanakan: Jawab | None = None
    menjalankan_peran: Jawab | None = None
    mengatasi_masalah: Jawab | None = None
    menjawab_kebutuhan: Jawab | None = None
    sinergi: Jawab | None = None

    def answers(self) -> dict[str, Penilaian | None]:
        """Criterion key -> answer (None where not answered), in the form's order."""
        return {key: getattr(self, key) for key in KRITERIA}


class Evaluasi(_Strict):
    """An evaluation record (at least yearly), with the seven criteria."""

    tanggal: dt.date
    kriteria: Kriteria | None = None
    catatan: str = ""
    tindakan: str = ""
    penilai: str = ""


class Revisi(_Strict):
    """One entry of the Riwayat Revisi printed under the SOP (data, not git history)."""

    nomor: Annotated[int, Field(ge=0, description="nomor revisi; 0 is the first issue")]
    tanggal: dt.date
    uraian: Text
    oleh: str = ""


class Sop(_Strict):
    """One SOP-AP: the identity part and the procedure."""

    model_config = ConfigDict(title="SOP", extra="forbid", frozen=True)

    nomor: Text | None = None
    nama: Text
    unit: Text
    area_rb: Text
    rb_tematik: list[Text] = Field(
        [], description="RB Tematik themes (PermenPAN-RB 3/2023) the SOP supports, by id"
    )
    jenis: Literal["teknis", "administratif"] | None = None
    proses_bisnis: Text | None = None
    status: Status
    tanggal: Tanggal
    disahkan_oleh: Pengesah | None = None
    dasar_hukum: list[Text] = []
    kualifikasi_pelaksana: list[Text] = []
    keterkaitan: list[Keterkaitan] = []
    peralatan: list[Text] = []
    peringatan: Peringatan = []
    pencatatan: list[Text] = []
    pelaksana: Annotated[list[Pelaksana], Field(min_length=1)]
    langkah: Annotated[list[Langkah], Field(min_length=2)]
    monitoring: list[Monitoring] = []
    evaluasi: list[Evaluasi] = []
    revisi: list[Revisi] = []


KEY_ORDER: tuple[str, ...] = tuple(Sop.model_fields)
STEP_KEY_ORDER: tuple[str, ...] = tuple(Langkah.model_fields)


def model_at(path: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class whose mapping sits at `path` of an SOP's data, if any."""
    current: type[BaseModel] = Sop
    for part in path:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        nested = _model_in(field.annotation)
        if nested is None:
            return None
        current = nested
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    metadata = getattr(annotation, "__origin__", None)
    return _model_in(metadata) if metadata is not None and metadata is not annotation else None
