"""pydantic's validation errors as short phrases in the users' language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sopctl.text.phrases import pick
from sopctl.text.system import foreign

if TYPE_CHECKING:  # pydantic is not loaded for `sopctl --help`
    from pydantic_core import ErrorDetails

_TEXT = (
    "harus berupa teks (tulis dalam tanda kutip bila perlu)",
    "must be text (quote it if needed)",
)
_WHOLE = ("harus bilangan bulat", "must be a whole number")
_MAPPING = ("harus berupa pemetaan (kunci: nilai)", "must be a mapping (key: value)")
_DATE = ("harus tanggal YYYY-MM-DD", "must be a date YYYY-MM-DD")
_DETAILS: dict[str, tuple[str, str]] = {
    "string_type": _TEXT,
    "string_too_short": ("tidak boleh kosong", "must not be empty"),
    "int_type": _WHOLE,
    "int_parsing": _WHOLE,
    "int_from_float": _WHOLE,
    "greater_than_equal": ("harus {ge} atau lebih", "must be {ge} or more"),
    "list_type": (
        "harus berupa daftar (butir diawali `- `)",
        "must be a list (items start with `- `)",
    ),
    "model_type": _MAPPING,
    "dict_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": (
        "harus tanggal YYYY-MM-DD tanpa jam",
        "must be a date YYYY-MM-DD without a time",
    ),
    "too_short": ("minimal {min_length} butir", "at least {min_length} items"),
    "bool_type": ("harus true atau false", "must be true or false"),
    "bool_parsing": ("harus true atau false", "must be true or false"),
    "extra_forbidden": ("kunci tidak dikenal", "unknown key"),
    "missing": ("wajib diisi", "required"),
}


def describe(error: ErrorDetails, lang: str = "id") -> str:
    """A short phrase for a pydantic error in `lang` (technical terms kept)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return pick(("harus salah satu dari: {}", "must be one of: {}"), lang).format(expected)
    if kind == "string_pattern_mismatch":
        if error["loc"] and error["loc"][-1] == "nip":
            return pick(
                (
                    "NIP harus 18 digit angka, ditulis dalam tanda kutip",
                    "the NIP must be 18 digits, in quotes",
                ),
                lang,
            )
        return pick(
            (
                "hanya huruf kecil, angka, `-` dan `_`",
                "only lower case letters, digits, `-` and `_`",
            ),
            lang,
        )
    if kind == "value_error" and "error" in ctx:
        return foreign(str(ctx["error"]), lang)
    entry = _DETAILS.get(kind)
    return pick(entry, lang).format(**ctx) if entry else foreign(error["msg"], lang)


@dataclass(frozen=True)
class Described:
    """A pydantic error, described when shown."""

    error: ErrorDetails

    def say(self, lang: str) -> str:
        return describe(self.error, lang)
