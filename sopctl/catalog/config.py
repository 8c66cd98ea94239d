"""`sopctl.toml`: the file model, and the frozen settings a catalog runs with."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sopctl.catalog.pattern import nested_repetition
from sopctl.catalog.penetapan import Penetapan, Penjelasan
from sopctl.catalog.presets import AREA_VERSIONS, RB_TEMATIK, UNIT_PRESETS
from sopctl.errors import ConfigError, phrased
from sopctl.text.phrases import phrase
from sopctl.text.system import Foreign, OsReason
from sopctl.text.validation import Described

CONFIG_NAME = "sopctl.toml"
_Item = TypeVar("_Item", "Unit", "Area")
Lang = Literal["id", "en"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Satker(_Strict):
    """The office (satuan kerja)."""

    nama: str = "Satuan Kerja"
    singkatan: str = ""
    kode: str = ""
    alamat: str = ""
    logo: str | None = None


class Unit(_Strict):
    """An organisational unit (subbagian)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    nama: str
    kode: str
    alias: list[str] = []
    bagian: str = ""


class Area(_Strict):
    """A Reformasi Birokrasi change area."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    nama: str
    alias: list[str] = []


class Nomor(_Strict):
    """How SOP numbers look (a regular expression) and how `new` makes the next one."""

    pola: str = r"^.+$"
    templat: str = "{urut:03d}/SOP/{kode_unit}/{tahun}"


class Periode(_Strict):
    """Monitoring and evaluation periods, in months."""

    monitoring_bulan: int = Field(6, ge=1)
    evaluasi_bulan: int = Field(12, ge=1)


class Buku(_Strict):
    """Printing: the paper; `nomor_penetapan` is the one-sentence decree of older catalogs,
    printed only when there is no `[[penetapan]]`."""

    nomor_penetapan: str = ""
    kertas: Literal["A4", "F4"] = "A4"
    orientasi: Literal["landscape", "portrait"] = "landscape"


class ProsesBisnis(_Strict):
    """A business process of the office's peta proses bisnis."""

    kode: str
    nama: str


class ConfigFile(_Strict):
    """The parsed `sopctl.toml`, as written."""

    preset: (
        Literal["kpu-provinsi-2020", "kpu-provinsi-2023", "kpu-kabkota-2020", "kpu-kabkota-2023"]
        | None
    ) = None
    area_rb_versi: Literal["kpu-314-2021", "permenpan-25-2020"] = Field(
        "kpu-314-2021", description="whose wording the RB area names follow"
    )
    bahasa: Lang = "id"
    satker: Satker = Satker()
    unit: list[Unit] = []
    area_rb: list[Area] = []
    rb_tematik: list[Area] = []
    nomor: Nomor = Nomor()
    periode: Periode = Periode()
    buku: Buku = Buku()
    proses_bisnis: list[ProsesBisnis] = []
    penetapan: list[Penetapan] = []
    penjelasan: Penjelasan = Penjelasan()


@dataclass(frozen=True)
class Config:
    """The settings a catalog runs with: presets applied, pattern compiled."""

    path: Path | None
    lang: Lang
    satker: Satker
    units: tuple[Unit, ...]
    areas: tuple[Area, ...]
    themes: tuple[Area, ...]
    number_pattern: re.Pattern[str]
    number_template: str
    periode: Periode
    buku: Buku
    processes: tuple[ProsesBisnis, ...]
    decrees: tuple[Penetapan, ...]
    penjelasan: Penjelasan


def load_config(path: Path) -> Config:
    """Read and check `sopctl.toml`; a problem raises ConfigError naming path and line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(phrase("config_unreadable", path=path, reason=OsReason(exc))) from exc
    except UnicodeDecodeError as exc:
        reason = Foreign(exc.reason)
        raise ConfigError(phrase("config_unreadable", path=path, reason=reason)) from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        at = f"{where.group(1)}:{where.group(2)}" if where else f"{text.count(chr(10)) + 1}:1"
        detail = Foreign(str(exc).split(" (at ")[0])
        raise ConfigError(
            phrase("config_toml", where=f"{path}:{at}", detail=detail),
            hint=phrase("config_toml_hint"),
        ) from exc
    try:
        parsed = ConfigFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = ".".join(str(part) for part in first["loc"])
        line = _line_of(text, first["loc"])
        raise ConfigError(
            phrase("config_value", where=f"{path}:{line}:1", key=loc, detail=Described(first)),
            hint=phrase("config_hint"),
        ) from exc
    return settle(parsed, path)


def settle(parsed: ConfigFile, path: Path | None) -> Config:
    """Apply the unit preset and the built-in areas; entries of the file win by id."""
    preset = [Unit.model_validate(u) for u in UNIT_PRESETS.get(parsed.preset or "", [])]
    units = _merge(preset, parsed.unit)
    worded = AREA_VERSIONS[parsed.area_rb_versi]
    areas = _merge([Area.model_validate(a) for a in worded], parsed.area_rb)
    themes = _merge([Area.model_validate(t) for t in RB_TEMATIK], parsed.rb_tematik)
    try:
        pattern = re.compile(parsed.nomor.pola)
    except re.error as exc:
        where = f"{path}:{_line_of(_read_or_empty(path), ('pola',))}:1"
        raise ConfigError(
            phrase("config_regex", where=where, detail=Foreign(str(exc))),
            hint=phrase("config_regex_hint"),
        ) from exc
    if nested_repetition(parsed.nomor.pola):
        line = _line_of(_read_or_empty(path), ("pola",))
        raise phrased(
            ConfigError,
            "pattern_too_complex",
            "pattern_hint",
            path=path,
            line=line,
            pattern=parsed.nomor.pola,
        )
    general = [d.nomor for d in parsed.penetapan if not d.sop]
    if len(general) > 1:
        line = _line_of(_read_or_empty(path), ("penetapan",))
        raise phrased(
            ConfigError,
            "penetapan_general_twice",
            "penetapan_general_hint",
            where=f"{path}:{line}:1",
            numbers=", ".join(general),
        )
    return Config(
        path=path,
        lang=parsed.bahasa,
        satker=parsed.satker,
        units=tuple(units),
        areas=tuple(areas),
        themes=tuple(themes),
        number_pattern=pattern,
        number_template=parsed.nomor.templat,
        periode=parsed.periode,
        buku=parsed.buku,
        processes=tuple(parsed.proses_bisnis),
        decrees=tuple(sorted(parsed.penetapan, key=lambda d: d.tanggal)),
        penjelasan=parsed.penjelasan,
    )


def _merge(base: list[_Item], extra: list[_Item]) -> list[_Item]:
    by_id = {item.id: item for item in base}
    by_id.update({item.id: item for item in extra})
    return list(by_id.values())


def _read_or_empty(path: Path | None) -> str:
    return path.read_text(encoding="utf-8-sig") if path else ""


def _line_of(text: str, loc: tuple[Any, ...]) -> int:
    """Best-effort line of the key named last in `loc` (tomllib keeps no positions)."""
    names = [part for part in loc if isinstance(part, str)]
    for name in reversed(names):
        match = re.search(rf"^\s*\[*\s*{re.escape(name)}\b", text, re.MULTILINE)
        if match:
            return text.count("\n", 0, match.start()) + 1
    return 1
