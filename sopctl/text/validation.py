"""pydantic's validation errors as short phrases in the users' language."""

from __future__ import annotations

from pydantic_core import ErrorDetails

_DETAILS = {
    "string_type": "harus berupa teks (tulis dalam tanda kutip bila perlu)",
    "string_too_short": "tidak boleh kosong",
    "int_type": "harus bilangan bulat",
    "int_parsing": "harus bilangan bulat",
    "int_from_float": "harus bilangan bulat",
    "greater_than_equal": "harus 1 atau lebih",
    "list_type": "harus berupa daftar (butir diawali `- `)",
    "model_type": "harus berupa pemetaan (kunci: nilai)",
    "dict_type": "harus berupa pemetaan (kunci: nilai)",
    "model_attributes_type": "harus berupa pemetaan (kunci: nilai)",
    "date_type": "harus tanggal YYYY-MM-DD",
    "date_parsing": "harus tanggal YYYY-MM-DD",
    "date_from_datetime_parsing": "harus tanggal YYYY-MM-DD",
    "date_from_datetime_inexact": "harus tanggal YYYY-MM-DD tanpa jam",
    "too_short": "minimal {min_length} butir",
}


def describe(error: ErrorDetails) -> str:
    """A short Indonesian phrase for a pydantic error (technical terms kept)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        return f"harus salah satu dari: {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        if error["loc"][-1] == "nip":
            return "NIP harus 18 digit angka, ditulis dalam tanda kutip"
        return "hanya huruf kecil, angka, `-` dan `_`"
    template = _DETAILS.get(kind)
    return template.format(**ctx) if template else error["msg"]
