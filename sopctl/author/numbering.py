"""SOP numbers: reading them back through the catalog's number template and making the next one.

The template (`nomor.templat` in `sopctl.toml`) is a Python format string such as
`{urut:03d}/SOP/{kode_unit}/KPU-Prov-35/{tahun}`. The running number `urut` counts within the
group of numbers that agree on every other field the template uses: per unit when it names the
unit, per year when it names the year, over the whole catalog when it names neither.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sopctl.catalog.config import Config
from sopctl.catalog.folder import Catalog, sop_files
from sopctl.catalog.names import resolve_unit
from sopctl.errors import ConfigError
from sopctl.sop.yamlio import read_file
from sopctl.text.phrases import phrase
from sopctl.text.system import Foreign

FIELDS = ("urut", "unit", "kode_unit", "tahun", "kode_satker")


@dataclass(frozen=True)
class Numbered:
    """An SOP file of the catalog and the number it carries (drafts included)."""

    path: Path
    nomor: str


def template_fields(template: str) -> list[str]:
    """The fields a number template uses, in order; unknown fields are a ConfigError."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise ConfigError(phrase("template_invalid", detail=Foreign(str(exc)))) from exc
    unknown = [name for name in names if name not in FIELDS]
    if unknown or "urut" not in names:
        key = "template_field_unknown" if unknown else "template_urut_missing"
        available = ", ".join("{" + f + "}" for f in FIELDS)
        raise ConfigError(
            phrase(key, template=repr(template), fields=", ".join(unknown)),
            hint=phrase("template_fields_hint", fields=available),
        )
    return names


def template_regex(template: str) -> re.Pattern[str]:
    """A regular expression that reads a number made by `template` back into its fields."""
    template_fields(template)
    pattern, seen = "", set()
    for literal, name, _, _ in string.Formatter().parse(template):
        pattern += re.escape(literal)
        if name is None:
            continue
        if name in seen:
            pattern += f"(?P={name})"
        else:
            pattern += rf"(?P<{name}>\d+)" if name == "urut" else rf"(?P<{name}>.+?)"
            seen.add(name)
    return re.compile(f"^{pattern}$")


def number_fields(config: Config, unit: str, year: int) -> dict[str, object]:
    """The template's fields, except `urut`, for an SOP of `unit` made in `year`."""
    unit_id = resolve_unit(config, unit) or unit
    codes = {u.id: u.kode for u in config.units}
    return {
        "unit": unit_id,
        "kode_unit": codes.get(unit_id, unit_id.upper()),
        "tahun": year,
        "kode_satker": config.satker.kode,
    }


def next_number(template: str, fields: Mapping[str, object], existing: Iterable[str]) -> str:
    """1 + the highest `urut` among `existing` numbers of the same group, formatted."""
    regex = template_regex(template)
    group = {name: str(fields[name]) for name in template_fields(template) if name != "urut"}
    highest = 0
    for number in existing:
        match = regex.match(number.strip())
        if match and all(match.group(name) == value for name, value in group.items()):
            highest = max(highest, int(match.group("urut")))
    try:
        return template.format(urut=highest + 1, **fields)
    except (ValueError, TypeError) as exc:
        raise ConfigError(
            phrase("number_template_failed", template=repr(template), detail=Foreign(str(exc)))
        ) from exc


def catalog_numbers(catalog: Catalog) -> list[Numbered]:
    """Every number written in the catalog, read leniently so a broken file still counts."""
    found = []
    for path in sop_files(catalog.root):
        data = read_file(path).data
        nomor = data.get("nomor") if isinstance(data, dict) else None
        if isinstance(nomor, str) and nomor.strip():
            found.append(Numbered(path, nomor.strip()))
    return found


def assign_number(catalog: Catalog, unit: str, day: dt.date) -> str:
    """The next free number for a new SOP of `unit` made on `day`."""
    config = catalog.config
    fields = number_fields(config, unit, day.year)
    existing = [item.nomor for item in catalog_numbers(catalog)]
    number = next_number(config.number_template, fields, existing)
    check_pattern(config, number)
    return number


def check_pattern(config: Config, number: str) -> None:
    """A number the template makes must pass lint's pattern rule (I002)."""
    if not config.number_pattern.search(number):
        raise ConfigError(
            phrase("number_off_pattern", number=number, pattern=config.number_pattern.pattern),
            hint=phrase("number_off_pattern_hint"),
        )
