"""The editor's form: read from an SOP's data, and read back from what a browser posted.

Steps and actors carry a key that survives reordering (`o3`: the fourth item as the file had it,
`n…`: a row added in the browser), so a decision's Ya/Tidak target follows its step wherever
it is moved; the numbers are worked out only when the form is applied (`sopctl.serve.tree`).
Fields the form does not show (monitoring, evaluasi, simbol, unknown keys) are
left as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

SCALARS = ("nomor", "nama", "unit", "area_rb", "jenis", "proses_bisnis", "status")
NESTED = {
    "tanggal": ("pembuatan", "revisi", "efektif"),
    "disahkan_oleh": ("jabatan", "nama", "nip"),
}
LISTS = ("dasar_hukum", "kualifikasi_pelaksana", "peralatan", "pencatatan", "peringatan")
LINKS = "keterkaitan"  # one line per link: `nomor`, or `nomor | hubungan`
TARGETS = ("ya", "tidak", "lanjut")
STEP_FIELDS = ("key", "kegiatan", "pelaksana", *TARGETS, "kelengkapan", "waktu", "output")


class FormError(ValueError):
    """A posted form that no page of ours could have sent (rows of unequal length)."""


@dataclass(frozen=True)
class ActorForm:
    key: str
    id: str
    nama: str


@dataclass(frozen=True)
class StepForm:
    key: str
    kegiatan: str
    pelaksana: str
    ya: str = ""  # a step key, `=N` for a number that names no step, or empty
    tidak: str = ""
    lanjut: str = ""
    kelengkapan: tuple[str, ...] = ()
    waktu: str = ""
    output: str = ""
    keterangan: str = ""


@dataclass(frozen=True)
class SopForm:
    """The fields as the form shows them: text, lines of text, actor rows and step rows."""

    values: dict[str, str] = field(default_factory=dict)  # "nama", "tanggal.efektif", …
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    actors: tuple[ActorForm, ...] = ()
    steps: tuple[StepForm, ...] = ()

    def value(self, name: str) -> str:
        return self.values.get(name, "")

    def lines(self, name: str) -> str:
        return "\n".join(self.lists.get(name, ()))


# -- data -> form ------------------------------------------------------------------------------


def editable(data: Any) -> bool:
    """Whether the form can show every value it would write back: a mapping whose actors and
    steps are lists of mappings, with text (not nested data) wherever the form has a text box.
    Anything else is left to a text editor, so that saving never drops what the form hides."""
    if not isinstance(data, Mapping):
        return False
    groups = [data.get(group) for group in NESTED]
    lists = [data.get(key) for key in LISTS]
    steps = data.get("langkah")
    mutu = [step.get("mutu_baku") for step in steps or () if isinstance(step, Mapping)]
    return (
        all(_scalar(data.get(key)) for key in SCALARS)
        and all(
            g is None or (isinstance(g, Mapping) and all(map(_scalar, g.values()))) for g in groups
        )
        and all(map(_texts, lists))
        and _links_shown(data.get(LINKS))
        and all(_rows_of_maps(data.get(key)) for key in ("pelaksana", "langkah"))
        and all(_flat(row, ("id", "nama")) for row in data.get("pelaksana") or ())
        and all(_flat(row, _STEP_TEXT) for row in steps or ())
        and all(m is None or _flat(m, ("waktu", "output")) for m in mutu)
        and all(_texts(m.get("kelengkapan")) for m in mutu if isinstance(m, Mapping))
    )


_STEP_TEXT = ("kegiatan", "pelaksana", *TARGETS, "keterangan")


def _flat(row: object, keys: Sequence[str]) -> bool:
    return isinstance(row, Mapping) and all(_scalar(row.get(key)) for key in keys)


def _texts(value: object) -> bool:
    return _scalar(value) or (isinstance(value, list) and all(map(_scalar, value)))


def _links_shown(value: object) -> bool:
    """Links the form can show: numbers, or {nomor, hubungan} with nothing else."""
    if value is None:
        return True
    if not isinstance(value, list):
        return False
    return all(
        _scalar(item)
        or (
            isinstance(item, Mapping)
            and set(item) <= {"nomor", "hubungan"}
            and _flat(item, ("nomor", "hubungan"))
        )
        for item in value
    )


def link_text(item: object) -> str:
    """A link as its line in the form: `nomor`, or `nomor | hubungan`."""
    if not isinstance(item, Mapping):
        return _text(item)
    nomor, hubungan = _text(item.get("nomor")), _text(item.get("hubungan"))
    return f"{nomor} | {hubungan}" if hubungan else nomor


def _rows_of_maps(value: object) -> bool:
    return value is None or (isinstance(value, list) and all(isinstance(i, Mapping) for i in value))


def _scalar(value: object) -> bool:
    return not isinstance(value, Mapping | list)


def form_of(data: Any) -> SopForm:
    """The form for an SOP's data (anything the YAML held: wrong types show as text)."""
    data = data if isinstance(data, Mapping) else {}
    values = {key: _text(data.get(key)) for key in SCALARS}
    for group, keys in NESTED.items():
        inner = data.get(group)
        inner = inner if isinstance(inner, Mapping) else {}
        values.update({f"{group}.{key}": _text(inner.get(key)) for key in keys})
    lists = {key: _lines(data.get(key)) for key in LISTS}
    links = data.get(LINKS)
    lists[LINKS] = tuple(map(link_text, links)) if isinstance(links, list) else ()
    actors = tuple(
        ActorForm(f"o{index}", _text(item.get("id")), _text(item.get("nama")))
        for index, item in enumerate(_maps(data.get("pelaksana")))
    )
    raw_steps = _maps(data.get("langkah"))
    steps = tuple(_step_form(index, item, len(raw_steps)) for index, item in enumerate(raw_steps))
    return SopForm(values, lists, actors, steps)


def _step_form(index: int, item: Mapping[str, Any], count: int) -> StepForm:
    mutu = item.get("mutu_baku")
    mutu = mutu if isinstance(mutu, Mapping) else {}
    targets = {name: _target_key(item.get(name), count) for name in TARGETS}
    return StepForm(
        key=f"o{index}",
        kegiatan=_text(item.get("kegiatan")),
        pelaksana=_text(item.get("pelaksana")),
        kelengkapan=_lines(mutu.get("kelengkapan")),
        waktu=_text(mutu.get("waktu")),
        output=_text(mutu.get("output")),
        keterangan=_text(item.get("keterangan")),
        **targets,
    )


def _target_key(value: object, count: int) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= count:
        return f"o{value - 1}"
    return f"={value}"


def _maps(value: object) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _text(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _lines(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(_text(item) for item in value)
    return (_text(value),) if value is not None and _text(value) else ()


# -- posted form -> form -----------------------------------------------------------------------


def parse_form(posted: Mapping[str, Sequence[str]]) -> SopForm:
    """The form a browser posted: `posted` maps each field name to its values, in order."""

    def one(name: str) -> str:
        values = posted.get(name, ())
        return values[0].strip() if values else ""

    names = [*SCALARS, *(f"{g}.{k}" for g, keys in NESTED.items() for k in keys)]
    values = {name: one(name) for name in names}
    lists = {name: split_lines(one(name)) for name in (*LISTS, LINKS)}
    actor_rows = _rows(posted, "actor", ("key", "id", "nama"))
    actors = tuple(ActorForm(*(cell.strip() for cell in row)) for row in actor_rows)
    steps = tuple(_posted_step(row) for row in _rows(posted, "step", (*STEP_FIELDS, "keterangan")))
    return SopForm(values, lists, actors, steps)


def _rows(
    posted: Mapping[str, Sequence[str]], prefix: str, names: Sequence[str]
) -> list[tuple[str, ...]]:
    columns = [list(posted.get(f"{prefix}.{name}", ())) for name in names]
    if len({len(column) for column in columns}) > 1:
        raise FormError(prefix)
    return list(zip(*columns, strict=True))


def _posted_step(row: tuple[str, ...]) -> StepForm:
    key, kegiatan, pelaksana, ya, tidak, lanjut, kelengkapan, waktu, output, keterangan = row
    return StepForm(
        key=key.strip(),
        kegiatan=kegiatan.replace("\r\n", "\n").strip(),
        pelaksana=pelaksana.strip(),
        ya=ya.strip(),
        tidak=tidak.strip(),
        lanjut=lanjut.strip(),
        kelengkapan=split_lines(kelengkapan),
        waktu=waktu.strip(),
        output=output.strip(),
        keterangan=keterangan.strip(),
    )


def split_lines(text: str) -> tuple[str, ...]:
    """The non-empty lines of a text box, trimmed."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())
