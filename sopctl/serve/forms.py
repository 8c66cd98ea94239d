"""The editor's form: read from an SOP's data, read back from a posted form, applied in place.

Steps and actors carry a key that survives reordering (`o3`: the fourth item as the file had it,
`n…`: a row added in the browser), so a decision's Ya/Tidak target follows its step wherever
it is moved; the numbers are worked out only when the form is applied. Fields the form does
not show (keterkaitan, monitoring, evaluasi, simbol, unknown keys) are left as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sopctl.sop.model import model_at

SCALARS = ("nomor", "nama", "unit", "area_rb", "jenis", "proses_bisnis", "status")
NESTED = {
    "tanggal": ("pembuatan", "revisi", "efektif"),
    "disahkan_oleh": ("jabatan", "nama", "nip"),
}
LISTS = ("dasar_hukum", "kualifikasi_pelaksana", "peralatan", "pencatatan", "peringatan")
TARGETS = ("ya", "tidak", "lanjut")
STEP_FIELDS = ("key", "kegiatan", "pelaksana", *TARGETS, "kelengkapan", "waktu", "output")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
    lists = {name: split_lines(one(name)) for name in LISTS}
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


# -- form -> round-trip tree -------------------------------------------------------------------


def apply(tree: Any, form: SopForm) -> None:
    """Write `form` into the round-trip tree `tree` in place: changed values replaced where
    they stand, emptied ones removed, new ones inserted in the order of the model."""
    for key in SCALARS:
        put(tree, key, form.value(key) or None, ())
    for group, keys in NESTED.items():
        inner = _child_map(tree, group)
        for key in keys:
            text = form.value(f"{group}.{key}")
            put(inner, key, _date_or_text(text) if group == "tanggal" else text or None, (group,))
        put(tree, group, inner or None, ())
    for key in LISTS:
        put(tree, key, _list_value(key, form.lists.get(key, ()), tree.get(key)), ())
    _apply_actors(tree, form.actors)
    _apply_steps(tree, form.steps)


def _list_value(key: str, lines: tuple[str, ...], old: object) -> object:
    if not lines:
        return None
    if key == "peringatan" and len(lines) == 1 and not isinstance(old, list):
        return lines[0]  # one warning stays a string, as it is usually written
    return list(lines)


def _apply_actors(tree: Any, actors: Sequence[ActorForm]) -> None:
    old = tree.get("pelaksana")
    originals = list(old) if isinstance(old, list) else []
    items = []
    for actor in actors:
        item = _original(originals, actor.key)
        put(item, "id", actor.id or None, ("pelaksana", 0))
        put(item, "nama", actor.nama or None, ("pelaksana", 0))
        items.append(item)
    _replace_items(tree, "pelaksana", originals, items)


def _apply_steps(tree: Any, steps: Sequence[StepForm]) -> None:
    old = tree.get("langkah")
    originals = list(old) if isinstance(old, list) else []
    numbers = {step.key: number for number, step in enumerate(steps, start=1)}
    items = []
    where = ("langkah", 0)
    for step in steps:
        item = _original(originals, step.key)
        put(item, "kegiatan", step.kegiatan or None, where)
        put(item, "pelaksana", step.pelaksana or None, where)
        for name in TARGETS:
            put(item, name, _number(getattr(step, name), numbers), where)
        mutu = _child_map(item, "mutu_baku")
        put(mutu, "kelengkapan", list(step.kelengkapan) or None, (*where, "mutu_baku"))
        put(mutu, "waktu", step.waktu or None, (*where, "mutu_baku"))
        put(mutu, "output", step.output or None, (*where, "mutu_baku"))
        put(item, "mutu_baku", mutu or None, where)
        put(item, "keterangan", step.keterangan or None, where)
        items.append(item)
    _replace_items(tree, "langkah", originals, items)


def _number(value: str, numbers: Mapping[str, int]) -> object:
    """A target as the file writes it: the number of the step its key names."""
    if not value:
        return None
    if value.startswith("="):
        raw = value[1:]
        return int(raw) if raw.isdigit() else raw
    return numbers.get(value)


def _original(originals: Sequence[Any], key: str) -> Any:
    """The file's own mapping for a row key `oN`, so its comments stay; else a new one."""
    from ruamel.yaml.comments import CommentedMap

    if key.startswith("o") and key[1:].isdigit() and int(key[1:]) < len(originals):
        item = originals[int(key[1:])]
        if isinstance(item, dict):
            return item
    return CommentedMap()


def _replace_items(tree: Any, key: str, originals: list[Any], items: list[Any]) -> None:
    if not items:
        put(tree, key, None, ())
        return
    if key in tree and isinstance(tree[key], list):
        if [id(item) for item in items] != [id(item) for item in originals]:
            tree[key][:] = items
        return
    put(tree, key, items, ())


def _child_map(node: Any, key: str) -> Any:
    from ruamel.yaml.comments import CommentedMap

    value = node.get(key)
    return value if isinstance(value, dict) else CommentedMap()


def _date_or_text(text: str) -> object:
    if _DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    return text or None


def put(node: Any, key: str, value: object, path: tuple[str | int, ...]) -> None:
    """Set `node[key]`: unchanged values untouched (their quotes kept), None removes the key,
    a new key goes where the model orders it."""
    if value is None:
        if key in node:
            del node[key]
        return
    if key in node:
        if _same(node[key], value):
            return
        if isinstance(node[key], list) and isinstance(value, list):
            node[key][:] = value  # the file's own list: its style and comments stay
        else:
            node[key] = value
        return
    model = model_at(path)
    order = list(model.model_fields) if model is not None else []
    before = set(order[: order.index(key)]) if key in order else set(order)
    position = max((i + 1 for i, name in enumerate(node) if name in before), default=0)
    node.insert(position, key, value)


def _same(old: object, new: object) -> bool:
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if old is new:
        return True
    if isinstance(old, dict | list) or isinstance(new, dict | list):
        return False
    related = isinstance(old, type(new)) or isinstance(new, type(old))  # ruamel's str, int
    return related and old == new
