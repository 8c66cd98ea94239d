"""Writing a form into an SOP's round-trip tree in place, so comments, key order, quotes and
the fields the form does not show stay as the file had them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sopctl.serve.forms import (
    LINKS,
    LISTS,
    NESTED,
    SCALARS,
    TARGETS,
    ActorForm,
    SopForm,
    StepForm,
    link_text,
)
from sopctl.sop.model import model_at

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
    _apply_links(tree, form.lists.get(LINKS, ()))
    _apply_actors(tree, form.actors)
    _apply_steps(tree, form.steps)


def _list_value(key: str, lines: tuple[str, ...], old: object) -> object:
    if not lines:
        return None
    if key == "peringatan" and len(lines) == 1 and not isinstance(old, list):
        return lines[0]  # one warning stays a string, as it is usually written
    return list(lines)


def _apply_links(tree: Any, lines: Sequence[str]) -> None:
    """Links as lines; a line the file already had keeps its item (and its comments)."""
    from ruamel.yaml.comments import CommentedMap

    old = tree.get(LINKS)
    kept = {link_text(item): item for item in old} if isinstance(old, list) else {}
    items: list[Any] = []
    for line in lines:
        if line in kept:
            items.append(kept[line])
            continue
        nomor, _, hubungan = (part.strip() for part in line.partition("|"))
        items.append(CommentedMap(nomor=nomor, hubungan=hubungan) if hubungan else nomor)
    put(tree, LINKS, items or None, ())


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
