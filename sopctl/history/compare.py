"""What changed between two versions of an SOP, or of a whole catalog, in SOP terms.

Works on raw parsed data (not the model), so that even an invalid file can be compared.
Steps are paired by their `kegiatan` text (difflib), not by position, so inserting one step does
not make every later step look changed; step references (`ya`, `tidak`, `lanjut`) are compared
after translating the old numbers to the new ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

from sopctl.sop.model import KEY_ORDER

STEP_REFS = ("ya", "tidak", "lanjut")
_SIMILAR = 0.6  # two texts this alike (difflib ratio) are one item, reworded


@dataclass(frozen=True)
class FieldChange:
    """One changed value: `old` None means added, `new` None means removed."""

    key: str  # dotted, e.g. "nama", "tanggal.revisi", "dasar_hukum", "mutu_baku.waktu"
    old: str | None
    new: str | None


@dataclass(frozen=True)
class StepChange:
    kind: Literal["added", "removed", "changed", "moved"]
    old: int | None  # step numbers, from 1
    new: int | None
    kegiatan: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class SopDiff:
    fields: tuple[FieldChange, ...] = ()
    steps: tuple[StepChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.fields and not self.steps


@dataclass(frozen=True)
class Entry:
    """One SOP of the catalog that was added, removed or changed."""

    kind: Literal["added", "removed", "changed"]
    old_path: str | None
    new_path: str | None
    old_nomor: str | None = None
    new_nomor: str | None = None
    old_nama: str | None = None
    new_nama: str | None = None
    diff: SopDiff = field(default_factory=SopDiff)

    @property
    def moved(self) -> bool:
        return self.kind == "changed" and self.old_path != self.new_path

    @property
    def renumbered(self) -> bool:
        return self.kind == "changed" and self.old_nomor != self.new_nomor

    @property
    def renamed(self) -> bool:
        return self.kind == "changed" and self.old_nama != self.new_nama


Snapshot = Mapping[str, Any]  # path -> parsed data of the file (None when unreadable)


def compare_sop(old: Any, new: Any, ignore: Iterable[str] = ()) -> SopDiff:
    """Identity fields and steps that differ between two versions of one SOP."""
    before, after = _mapping(old), _mapping(new)
    skipped = {"langkah", *ignore}
    keys = [k for k in _keys(before, after) if k not in skipped]
    fields = [c for key in keys for c in _value_changes(key, before.get(key), after.get(key))]
    steps = compare_steps(_list(before.get("langkah")), _list(after.get("langkah")))
    return SopDiff(tuple(fields), tuple(steps))


def _keys(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    extra = sorted((before.keys() | after.keys()) - set(KEY_ORDER))
    return [k for k in (*KEY_ORDER, *extra) if k in before or k in after]


def _value_changes(key: str, old: Any, new: Any) -> list[FieldChange]:
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        inner = _keys(old, new)
        return [c for k in inner for c in _value_changes(f"{key}.{k}", old.get(k), new.get(k))]
    if isinstance(old, list) or isinstance(new, list):
        return _list_changes(key, _as_list(old), _as_list(new))
    return [FieldChange(key, _text(old), _text(new))]


def _list_changes(key: str, old: list[Any], new: list[Any]) -> list[FieldChange]:
    old_texts, new_texts = [_text(v) or "" for v in old], [_text(v) or "" for v in new]
    removed = _minus(old_texts, new_texts)
    added = _minus(new_texts, old_texts)
    if not removed and not added:
        return [FieldChange(key, "; ".join(old_texts), "; ".join(new_texts))]  # reordered
    return [FieldChange(key, t, None) for t in removed] + [FieldChange(key, None, t) for t in added]


def _minus(items: list[str], other: list[str]) -> list[str]:
    left = list(other)
    result = []
    for item in items:
        if item in left:
            left.remove(item)
        else:
            result.append(item)
    return result


def compare_steps(old: list[Any], new: list[Any]) -> list[StepChange]:
    """Steps added, removed, changed or moved, in the order of the new procedure."""
    pairs, moved = pair_steps([_kegiatan(s) for s in old], [_kegiatan(s) for s in new])
    changes: list[StepChange] = []
    for i, j in sorted(pairs.items(), key=lambda p: p[1]):
        fields = _step_fields(_mapping(old[i]), _mapping(new[j]), pairs)
        if fields or i in moved:
            kind: Literal["changed", "moved"] = "changed" if fields else "moved"
            changes.append(StepChange(kind, i + 1, j + 1, _kegiatan(new[j]), tuple(fields)))
    taken = set(pairs.values())
    changes += [
        StepChange("added", None, j + 1, _kegiatan(s)) for j, s in enumerate(new) if j not in taken
    ]
    changes += [
        StepChange("removed", i + 1, None, _kegiatan(s))
        for i, s in enumerate(old)
        if i not in pairs
    ]
    return sorted(changes, key=lambda c: (c.new or c.old or 0, c.new is None))


def pair_steps(old: list[str], new: list[str]) -> tuple[dict[int, int], set[int]]:
    """Old index -> new index of the same step, and the old indexes that moved out of order.

    Runs of equal text are paired first; what is left is paired by the most similar text.
    """
    keys_old, keys_new = [_normal(t) for t in old], [_normal(t) for t in new]
    matcher = SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    pairs: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        pairs.update((block.a + k, block.b + k) for k in range(block.size))
    left_old = [i for i in range(len(old)) if i not in pairs]
    taken = set(pairs.values())
    left_new = [j for j in range(len(new)) if j not in taken]
    extra = best_pairs(keys_old, keys_new, left_old, left_new)
    pairs.update(extra)
    moved = {i for i, j in extra.items() if _out_of_order(i, j, pairs)}
    return pairs, moved


def best_pairs(
    old: list[str], new: list[str], left_old: list[int], left_new: list[int]
) -> dict[int, int]:
    """Greedy pairing of the most similar texts, at least `_SIMILAR` alike."""
    scored = []
    for i in left_old:
        for j in left_new:
            matcher = SequenceMatcher(None, old[i], new[j], autojunk=False)
            if matcher.real_quick_ratio() >= _SIMILAR and matcher.quick_ratio() >= _SIMILAR:
                scored.append((matcher.ratio(), -abs(i - j), i, j))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for score, _, i, j in sorted(scored, reverse=True):
        if score >= _SIMILAR and i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _out_of_order(i: int, j: int, pairs: Mapping[int, int]) -> bool:
    return any((a < i) != (b < j) for a, b in pairs.items() if a != i)


def _step_fields(
    old: dict[str, Any], new: dict[str, Any], pairs: Mapping[int, int]
) -> list[FieldChange]:
    translated = dict(old)
    for key in STEP_REFS:
        value = old.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value - 1 in pairs:
            translated[key] = pairs[value - 1] + 1
    changes = []
    for key in _keys(translated, new):
        if translated.get(key) != new.get(key):
            changes += _value_changes(key, old.get(key), new.get(key))
    return changes


def compare_catalogs(old: Snapshot, new: Snapshot) -> list[Entry]:
    """SOPs added, removed or changed between two snapshots, paired by path, then by number,
    then by title. A file whose path, number and title all changed is a new SOP."""
    pairs = {p: p for p in old if p in new}
    for same in (_by_number, _by_title):
        left_old = [p for p in old if p not in pairs]
        taken = set(pairs.values())
        left_new = [p for p in new if p not in taken]
        pairs.update(same(old, new, left_old, left_new))
    entries = [_changed(a, b, old[a], new[b]) for a, b in pairs.items()]
    taken = set(pairs.values())
    entries += [_single("added", p, new[p]) for p in new if p not in taken]
    entries += [_single("removed", p, old[p]) for p in old if p not in pairs]
    kept = [e for e in entries if e.kind != "changed" or not e.diff.empty or e.moved]
    return sorted(kept, key=lambda e: e.new_path or e.old_path or "")


def _by_number(old: Snapshot, new: Snapshot, left: list[str], right: list[str]) -> dict[str, str]:
    return _by_key(old, new, left, right, "nomor")


def _by_title(old: Snapshot, new: Snapshot, left: list[str], right: list[str]) -> dict[str, str]:
    return _by_key(old, new, left, right, "nama")


def _by_key(
    old: Snapshot, new: Snapshot, left: list[str], right: list[str], key: str
) -> dict[str, str]:
    wanted: dict[str, list[str]] = {}
    for path in right:
        value = _normal(_mapping(new[path]).get(key))
        if value:
            wanted.setdefault(value, []).append(path)
    pairs = {}
    for path in left:
        candidates = wanted.get(_normal(_mapping(old[path]).get(key)), [])
        if candidates:
            pairs[path] = candidates.pop(0)
    return pairs


def _changed(old_path: str, new_path: str, old: Any, new: Any) -> Entry:
    a, b = _mapping(old), _mapping(new)
    return Entry(
        "changed",
        old_path,
        new_path,
        _text(a.get("nomor")),
        _text(b.get("nomor")),
        _text(a.get("nama")),
        _text(b.get("nama")),
        compare_sop(a, b),
    )


def _single(kind: Literal["added", "removed"], path: str, data: Any) -> Entry:
    values = _mapping(data)
    nomor, nama = _text(values.get("nomor")), _text(values.get("nama"))
    if kind == "added":
        return Entry(kind, None, path, new_nomor=nomor, new_nama=nama)
    return Entry(kind, path, None, old_nomor=nomor, old_nama=nama)


def _kegiatan(step: Any) -> str:
    return _text(_mapping(step).get("kegiatan")) or ""


def _normal(value: Any) -> str:
    return " ".join(str(value).casefold().split()) if value is not None else ""


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else ([] if value is None else [value])


def _text(value: Any) -> str | None:
    """A value as one line of text: mappings as `key: value` pairs, lists joined."""
    if value is None:
        return None
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_text(v) or "" for v in value)
    return str(value)
